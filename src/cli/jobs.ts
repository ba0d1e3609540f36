// `communique jobs`: the work queue of a PostgreSQL archive: jobs by state, and the last errors with their inputs.
import type { Command } from 'commander';
import { archiveLocation } from '../store/index.ts';
import { openArchive } from '../store/postgres/index.ts';
import { queueReport, STATES } from '../queue/status.ts';
import { action, dbOption, positiveInt, table } from './archive-common.ts';

export function registerJobs(program: Command): void {
  const cmd = program
    .command('jobs')
    .description('the work queue: how many jobs wait, run, retry, succeeded or failed, and the last errors')
    .option('--errors <n>', 'how many of the last errors to show', '10')
    .option('--json', 'the report as JSON', false);
  dbOption(cmd).action(
    action(async (flags: { db?: string; errors: string; json: boolean }) => {
      const repo = await openArchive(archiveLocation(flags.db));
      try {
        const r = await queueReport(repo, { errors: positiveInt(flags.errors, '--errors') });
        if (flags.json) {
          process.stdout.write(JSON.stringify(r) + '\n');
          return;
        }
        process.stdout.write(table(['state', 'jobs'], STATES.map((s) => [s, String(r.counts[s])]), [10, 8]));
        if (r.errors.length) {
          process.stdout.write('\nlast errors:\n');
          process.stdout.write(table(['state', 'tries', 'input', 'error'], r.errors.map((e) => [e.state, String(e.retries + 1), e.input, e.error]), [7, 5, 40, 70]));
        }
      } finally {
        await repo.close();
      }
    }),
  );
}
