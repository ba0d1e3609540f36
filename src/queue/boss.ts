// The work queue: pg-boss 10 (pg-boss 11 needs Node 22) in the archive's own PostgreSQL, in its "pgboss" schema,
// speaking through the archive's connection pool. One queue, "communique-ingest", one job per document or URL.
//
// Reliability is pg-boss's: a job whose handler throws is retried with exponential back-off, then left "failed"
// with its error; a job whose worker died (SIGKILL, lost machine) stays "active" until its expiry, then goes back to
// "retry" and another worker takes it. Workers may run on any number of machines.
import PgBoss from 'pg-boss';
import { StoreError } from '../store/repository.ts';
import type { PostgresRepository } from '../store/postgres/repository.ts';

export const QUEUE = 'communique-ingest';

/** Tunables, each overridable from the environment (tests shorten them). */
export interface QueueSettings {
  /** Tries after the first before a job ends failed. */
  retryLimit: number;
  /** Seconds before the first retry; doubled at each retry (pg-boss back-off, with jitter). */
  retryDelay: number;
  /** Seconds a job may stay active: past it, its worker is taken for dead and the job is retried elsewhere. */
  expireInSeconds: number;
  /** Seconds between two checks for expired jobs (one worker in the fleet does it each time). */
  maintenanceIntervalSeconds: number;
  /** Seconds between two polls of an idle worker. */
  pollingIntervalSeconds: number;
}

/** A dispatch takes well under a second to extract and store; 10 minutes is far past any live job. */
export const DEFAULT_SETTINGS: QueueSettings = { retryLimit: 3, retryDelay: 5, expireInSeconds: 600, maintenanceIntervalSeconds: 60, pollingIntervalSeconds: 2 };

function envNumber(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new StoreError('bad_request', `${name} must be a number ≥ ${min}, not "${v}"`);
  return n;
}

export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  return {
    retryLimit: envNumber(env, 'COMMUNIQUE_JOB_RETRIES', 0) ?? DEFAULT_SETTINGS.retryLimit,
    retryDelay: envNumber(env, 'COMMUNIQUE_JOB_RETRY_DELAY', 1) ?? DEFAULT_SETTINGS.retryDelay,
    expireInSeconds: envNumber(env, 'COMMUNIQUE_JOB_EXPIRE', 1) ?? DEFAULT_SETTINGS.expireInSeconds,
    maintenanceIntervalSeconds: envNumber(env, 'COMMUNIQUE_QUEUE_MAINTENANCE', 1) ?? DEFAULT_SETTINGS.maintenanceIntervalSeconds,
    pollingIntervalSeconds: envNumber(env, 'COMMUNIQUE_QUEUE_POLL', 0.5) ?? DEFAULT_SETTINGS.pollingIntervalSeconds,
  };
}

/** What each job carries: how often and how late it is retried, when its worker is taken for dead. */
export function jobOptions(s: QueueSettings): { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number } {
  return { retryLimit: s.retryLimit, retryDelay: s.retryDelay, retryBackoff: true, expireInSeconds: s.expireInSeconds };
}

/** pg-boss on the archive's pool, its schema installed or upgraded, the ingest queue created. */
export async function startQueue(store: PostgresRepository, opts: { supervise?: boolean; settings?: QueueSettings } = {}): Promise<PgBoss> {
  const s = opts.settings ?? queueSettings();
  const boss = new PgBoss({
    db: store.queueDb(),
    supervise: opts.supervise ?? false,
    schedule: false,
    maintenanceIntervalSeconds: s.maintenanceIntervalSeconds,
    // Finished jobs are kept a week so that `communique jobs` can show them, then dropped.
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
    deleteAfterDays: 30,
  });
  // pg-boss reports background errors (a lost connection during maintenance) as events; they must not crash.
  boss.on('error', (e) => store.log?.(`queue: ${store.mask(e.message)}`));
  try {
    await boss.start();
    // The queue's defaults; each job also carries the retry and expiry options of the run that queued it.
    if (!(await boss.getQueue(QUEUE))) {
      // Two processes starting on a new archive may both try: the second finds the queue made.
      await boss.createQueue(QUEUE, { name: QUEUE, ...jobOptions(s), retentionDays: 14 }).catch(async (e) => {
        if (!(await boss.getQueue(QUEUE))) throw e;
      });
    }
  } catch (e) {
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    throw new StoreError('unavailable', `cannot start the work queue on ${store.location}: ${store.mask((e as Error).message)}`);
  }
  return boss;
}
