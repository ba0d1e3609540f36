// `communique jobs`: the queue at a glance: how many jobs in each state, and the last errors with their inputs.
// Read from pg-boss's tables (its schema "pgboss", version 10): live jobs in pgboss.job, finished ones moved to
// pgboss.archive after a week.
import type { ArchiveRepository } from '../store/repository.ts';
import { queueStore } from './enqueue.ts';
import { QUEUE } from './boss.ts';
import { jobLabel, type JobData } from './jobs.ts';

export const STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof STATES)[number];

export interface JobErrorReport {
  id: string;
  state: JobState;
  input: string;
  error: string;
  retries: number;
  at: string | null;
}

export interface QueueReport {
  counts: Record<JobState, number>;
  /** Newest first: jobs failed for good, and jobs waiting for a retry with the error of their last try. */
  errors: JobErrorReport[];
}

/** Whether the queue was ever set up in this archive (pg-boss's schema present). */
async function installed(run: (sql: string, values?: unknown[]) => Promise<{ rows: any[] }>): Promise<boolean> {
  const { rows } = await run("SELECT to_regclass('pgboss.job') IS NOT NULL AS ok");
  return !!rows[0]?.ok;
}

export async function queueReport(store: ArchiveRepository, opts: { errors?: number } = {}): Promise<QueueReport> {
  const pgStore = queueStore(store);
  const db = pgStore.queueDb();
  const run = (sql: string, values?: unknown[]) => db.executeSql(sql, values);
  const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<JobState, number>;
  if (!(await installed(run))) return { counts, errors: [] };
  const { rows } = await run(
    `SELECT state::text AS state, count(*) AS n FROM (
       SELECT state FROM pgboss.job WHERE name = $1 UNION ALL SELECT state FROM pgboss.archive WHERE name = $1) j
     GROUP BY state`,
    [QUEUE],
  );
  for (const r of rows) counts[r.state as JobState] = Number(r.n);
  const errors = await run(
    `SELECT id::text AS id, state::text AS state, data, output, retry_count, coalesce(completed_on, started_on, created_on) AS at FROM pgboss.job
     WHERE name = $1 AND state IN ('failed', 'retry') AND output IS NOT NULL
     UNION ALL
     SELECT id::text, state::text, data, output, retry_count, completed_on FROM pgboss.archive WHERE name = $1 AND state = 'failed'
     ORDER BY at DESC NULLS LAST LIMIT $2`,
    [QUEUE, opts.errors ?? 10],
  );
  return {
    counts,
    errors: errors.rows.map((r) => ({
      id: String(r.id),
      state: r.state as JobState,
      input: jobLabel(r.data as JobData),
      error: pgStore.mask(String((r.output as { message?: string; value?: { message?: string } } | null)?.message ?? (r.output as { value?: { message?: string } } | null)?.value?.message ?? JSON.stringify(r.output))),
      retries: Number(r.retry_count),
      at: r.at ? new Date(r.at as string).toISOString() : null,
    })),
  };
}
