// Runs the app: opens the archive, seeds it with the example corpus when asked and empty, listens, and closes
// everything on SIGINT/SIGTERM. Loopback by default: the archive is the user's own.
import type { FastifyInstance } from 'fastify';
import { HttpClient } from '../archive/fetch.ts';
import { ingest, type IngestSummary } from '../archive/ingest.ts';
import { maskLocation, openStore } from '../store/index.ts';
import type { ArchiveRepository } from '../store/repository.ts';
import { buildApp, DEFAULT_BODY_LIMIT } from './app.ts';
import { DEFAULT_WEB_ROOT, webAppBuilt } from './plugins/web.ts';

export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServerOptions {
  /** Archive location (file path, sqlite:PATH…). */
  db: string;
  port?: number;
  host?: string;
  token?: string | null;
  /** Inputs to ingest first when the archive holds no dispatch (the example corpus for `npm start`). */
  seed?: string[];
  webRoot?: string | null;
  bodyLimit?: number;
  log?: boolean;
  /** Progress lines (seeding, the URL); silent when absent. */
  say?: (line: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  store: ArchiveRepository;
  url: string;
  seeded: IngestSummary | null;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const say = opts.say ?? (() => {});
  const store = await openStore(opts.db);
  let app: FastifyInstance | null = null;
  try {
    let seeded: IngestSummary | null = null;
    if (opts.seed?.length && (await store.stats()).dispatches === 0) {
      say(`The archive ${maskLocation(store.location)} is empty: ingesting ${opts.seed.join(', ')}…`);
      seeded = await ingest(opts.seed, store, new HttpClient());
      say(`  ${seeded.new} dispatches, ${seeded.events} events${seeded.failed ? `, ${seeded.failed} failed` : ''}`);
      for (const f of seeded.failures.slice(0, 10)) say(`  failed: ${f.source}: ${f.code}: ${f.message}`);
    }
    const webRoot = opts.webRoot === undefined ? DEFAULT_WEB_ROOT : opts.webRoot;
    app = await buildApp({ store, token: opts.token ?? null, webRoot, bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT, logger: opts.log ? { level: 'info' } : false });
    const host = opts.host ?? DEFAULT_HOST;
    await app.listen({ port: opts.port ?? DEFAULT_PORT, host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : opts.port ?? DEFAULT_PORT;
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    const url = `http://${shownHost}:${port}/`;
    if (!webAppBuilt(webRoot)) say(`The web app is not built (run \`npm run build\`); the API is served.`);
    const running = app;
    return {
      app: running,
      store,
      url,
      seeded,
      async close() {
        await running.close();
        await store.close();
      },
    };
  } catch (e) {
    await app?.close();
    await store.close();
    throw e;
  }
}
