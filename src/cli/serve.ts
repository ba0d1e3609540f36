// `communique serve`: the HTTP API and the web app over an archive, on loopback by default.
import { Option, type Command } from 'commander';
import { archiveLocation, maskLocation } from '../store/index.ts';
import { action, dbOption, positiveInt, UsageError } from './archive-common.ts';
import { DEFAULT_HOST, DEFAULT_PORT, startServer, type RunningServer } from '../server/server.ts';

export interface ServeFlags {
  db?: string;
  port: string;
  host: string;
  seed?: string[];
  log: boolean;
  maxBody?: string;
}

export async function runServe(flags: ServeFlags, env: NodeJS.ProcessEnv = process.env, say: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<RunningServer> {
  const port = /^\d{1,5}$/.test(flags.port) && Number(flags.port) <= 65535 ? Number(flags.port) : null;
  if (port === null) throw new UsageError(`--port must be a port number (0–65535), not "${flags.port}"`);
  const token = env.COMMUNIQUE_TOKEN?.trim() || null;
  const server = await startServer({
    db: archiveLocation(flags.db, env),
    port,
    host: flags.host,
    token,
    seed: flags.seed,
    log: flags.log,
    bodyLimit: positiveInt(flags.maxBody, '--max-body'),
    say,
  });
  say(`Communiqué is serving ${maskLocation(server.store.location)}`);
  say(`  open ${server.url}`);
  say(`  API: ${server.url}api/docs · writes ${token ? 'on (COMMUNIQUE_TOKEN)' : 'off (set COMMUNIQUE_TOKEN to turn them on)'}`);
  if (!['127.0.0.1', '::1', 'localhost'].includes(flags.host)) say(`  warning: listening on ${flags.host}, reachable from other machines`);
  return server;
}

export function registerServe(program: Command): void {
  dbOption(
    program
      .command('serve')
      .description('serve the archive: the HTTP API (/api, documented at /api/docs) and the web app')
      .option('--port <n>', 'port to listen on (0: any free port)', String(DEFAULT_PORT))
      .option('--host <address>', 'address to listen on; loopback by default', DEFAULT_HOST)
      .addOption(new Option('--seed <inputs...>', 'ingest these files or folders first when the archive is empty (npm start uses the example corpus)'))
      .option('--max-body <bytes>', 'largest request body accepted (413 beyond)')
      .option('--log', 'log every request on stdout (JSON lines)', false),
  )
    .addHelpText('after', `
Environment:
  COMMUNIQUE_TOKEN   turns on the write routes (POST /api/dispatches) for "Authorization: Bearer <token>"
  COMMUNIQUE_DB      the archive when --db is not given (default ./communique.db)

Examples:
  $ communique serve
  $ communique serve --db archive.db --port 8080
  $ COMMUNIQUE_TOKEN=s3cret communique serve --seed examples/corpus`)
    .action(
      action(async (flags: ServeFlags) => {
        const server = await runServe(flags);
        const stop = async () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          await server.close();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
    );
}
