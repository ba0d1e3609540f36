// `communique worker`: works the archive's queue (filled by `communique ingest --enqueue`) until stopped with
// Ctrl-C or SIGTERM, or with --drain until no job is left. Start one on every machine and core you can spare.
import type { Command } from 'commander';
import { archiveLocation } from '../store/index.ts';
import { openArchive } from '../store/postgres/index.ts';
import { runWorker } from '../queue/worker.ts';
import { action, dbOption, positiveInt } from './archive-common.ts';

interface WorkerFlags {
  db?: string;
  concurrency: string;
  drain: boolean;
  verbose: boolean;
  quiet: boolean;
}

export function registerWorker(program: Command): void {
  const cmd = program
    .command('worker')
    .description('extract and store the dispatches queued by `ingest --enqueue` (PostgreSQL archives); run as many as you like, on any machine')
    .option('--concurrency <n>', 'jobs this process works at once (one extracts while another waits on the database)', '1')
    .option('--drain', 'stop once no job is waiting, retrying or running (a batch run) instead of waiting for more', false)
    .option('--verbose', 'one line per job on stderr', false)
    .option('--quiet', 'no summary on stderr', false);
  dbOption(cmd).addHelpText(
    'after',
    `
Examples:
  $ export COMMUNIQUE_DB=postgres://user@db.example/communique
  $ communique ingest --enqueue feeds.txt dispatches.jsonl dir/
  $ communique worker --concurrency 2

A job that fails is retried with growing delays, then left failed with its error (see \`communique jobs\`). A
worker that dies leaves its job to the others once the job expires. Ctrl-C lets running jobs finish first.
Tuning (environment): COMMUNIQUE_JOB_RETRIES, COMMUNIQUE_JOB_RETRY_DELAY (s), COMMUNIQUE_JOB_EXPIRE (s),
COMMUNIQUE_QUEUE_POLL (s), COMMUNIQUE_PG_POOL (connections), COMMUNIQUE_PG_STATEMENT_TIMEOUT (ms).`,
  );
  cmd.action(
    action(async (flags: WorkerFlags) => {
      const concurrency = positiveInt(flags.concurrency, '--concurrency') ?? 1;
      // A pool with room for every job at once, the queue's polling and its maintenance.
      process.env.COMMUNIQUE_PG_POOL ??= String(concurrency + 2);
      const repo = await openArchive(archiveLocation(flags.db));
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const log = flags.verbose ? (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`) : undefined;
        if (log) log(`worker ${process.pid} on ${repo.location}, concurrency ${concurrency}`);
        const s = await runWorker(repo, { concurrency, drain: flags.drain, signal: stop.signal, log });
        if (!flags.quiet) process.stderr.write(`worker ${process.pid}: ${s.jobs} jobs, ${s.new} new, ${s.revisions} revisions, ${s.duplicates} duplicates, ${s.errors} errors\n`);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await repo.close();
      }
    }),
  );
}
