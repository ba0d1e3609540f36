// `communique worker`: pulls jobs from the archive's queue, extracts and stores each. Run one per core on as many
// machines as you have; within a process, --concurrency jobs overlap (one extracts while another waits on the
// database). Every store decision is the repository's, under its write lock: workers never race each other.
import type PgBoss from 'pg-boss';
import { HttpClient } from '../archive/fetch.ts';
import { readUrl, storeItem, type Failure, type StoredItem } from '../archive/ingest.ts';
import type { ArchiveRepository } from '../store/repository.ts';
import { queueSettings, QUEUE, startQueue, type QueueSettings } from './boss.ts';
import { jobLabel, unpackJob, type IngestJob, type JobData } from './jobs.ts';
import { queueStore } from './enqueue.ts';

/** Jobs taken at once by one loop (each still completed or failed alone): fewer trips to the queue per job. */
const FETCH_BATCH = 4;

export interface WorkerOptions {
  concurrency: number;
  settings?: QueueSettings;
  /** Stop once no job is waiting, retrying or running anywhere (a batch run); otherwise run until `signal`. */
  drain?: boolean;
  signal?: AbortSignal;
  /** One line per job (credentials masked). */
  log?: (line: string) => void;
  http?: HttpClient;
}

export interface WorkerSummary {
  jobs: number;
  new: number;
  duplicates: number;
  revisions: number;
  /** Jobs that threw (each retried, or failed for good once its retries are spent). */
  errors: number;
}

/** The outcome a job leaves in the queue (pg-boss keeps it as the job's output). */
export interface JobOutcome {
  stored: { status: StoredItem['status']; source: string; dispatch?: number; events?: number }[];
  failures: Failure[];
}

/** A job failed with a reason worth retrying or recording: the message becomes the job's error. */
export class JobError extends Error {}

/** Runs one job: a document is extracted and stored; a URL is fetched (a feed's items each stored). */
export async function runJob(store: ArchiveRepository, data: JobData, http: HttpClient): Promise<JobOutcome> {
  const job: IngestJob = unpackJob(data);
  if (job.kind === 'document') {
    const r = await storeItem(store, { doc: job.doc, meta: job.meta, ...(job.feedItem ? { feedItem: job.feedItem } : {}) });
    if (r.status === 'failed') throw new JobError(`${r.failure?.code ?? 'failed'}: ${r.failure?.message ?? 'the document could not be stored'}`);
    return { stored: [{ status: r.status, source: r.source, dispatch: r.dispatch, events: r.events }], failures: [] };
  }
  const out: JobOutcome = { stored: [], failures: [] };
  if (job.kind === 'page-history') {
    // In order; a failure fails the job, and its retry finds the revisions already stored as duplicates.
    for (const item of job.items) {
      const r = await storeItem(store, item);
      if (r.status === 'failed') throw new JobError(`${r.failure?.code ?? 'failed'}: ${r.failure?.message ?? 'the document could not be stored'} (${r.source})`);
      out.stored.push({ status: r.status, source: r.source, dispatch: r.dispatch, events: r.events });
    }
    return out;
  }
  for await (const item of readUrl(job.url, http, store)) {
    if (item.failure && item.failure.source === job.url) throw new JobError(`${item.failure.code}: ${item.failure.message}`);
    const r = await storeItem(store, item, job.lang ? { lang: job.lang } : {});
    if (r.status === 'failed') out.failures.push(r.failure!);
    else out.stored.push({ status: r.status, source: r.source, dispatch: r.dispatch, events: r.events });
  }
  return out;
}

/** Jobs of the ingest queue not finished yet (waiting, retrying or running), fleet-wide. */
export async function pendingJobs(store: ArchiveRepository): Promise<number> {
  const { rows } = await queueStore(store).queueDb().executeSql("SELECT count(*) AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')", [QUEUE]);
  return Number(rows[0]?.n ?? 0);
}

/** Works the queue until stopped (or, with `drain`, until it is empty). */
export async function runWorker(store: ArchiveRepository, opts: WorkerOptions): Promise<WorkerSummary> {
  const pgStore = queueStore(store);
  const settings = opts.settings ?? queueSettings();
  const log = opts.log ?? (() => {});
  const http = opts.http ?? new HttpClient();
  const summary: WorkerSummary = { jobs: 0, new: 0, duplicates: 0, revisions: 0, errors: 0 };
  // This worker also supervises: it moves jobs of dead workers back to retry once they expire.
  const boss: PgBoss = await startQueue(pgStore, { supervise: true, settings });
  let stopping = false;
  const wake = new Set<() => void>();
  const stop = () => {
    stopping = true;
    for (const w of wake) w();
  };
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        wake.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      wake.add(done);
    });

  /** One job: its outcome, or its error (masked, without stack), recorded by pg-boss for retry or for good. */
  const work = async (job: PgBoss.Job<JobData>): Promise<void> => {
    const started = Date.now();
    summary.jobs++;
    let out: JobOutcome;
    try {
      out = await runJob(store, job.data, http);
    } catch (e) {
      summary.errors++;
      const message = pgStore.mask((e as Error).message ?? String(e));
      log(`job ${job.id} ${jobLabel(job.data)}: error: ${message}`);
      await boss.fail(QUEUE, job.id, { message });
      return;
    }
    for (const s of out.stored) if (s.status !== 'failed') summary[s.status === 'duplicate' ? 'duplicates' : s.status === 'new' ? 'new' : 'revisions']++;
    log(`job ${job.id} ${jobLabel(job.data)}: ${out.stored.map((s) => `${s.status}${s.dispatch ? ` #${s.dispatch}` : ''}`).join(', ') || 'nothing stored'}${out.failures.length ? `, ${out.failures.length} failed` : ''} (${Date.now() - started} ms)`);
    await boss.complete(QUEUE, job.id, out);
  };

  // pg-boss's fetch, complete and fail, in a loop of our own: its `work` waits a polling interval after every
  // job, which caps a worker at a few jobs a second when jobs take milliseconds. An idle loop polls.
  const loop = async (): Promise<void> => {
    while (!stopping) {
      let jobs: PgBoss.Job<JobData>[];
      try {
        jobs = await boss.fetch<JobData>(QUEUE, { batchSize: FETCH_BATCH });
      } catch (e) {
        log(`queue: ${pgStore.mask((e as Error).message)}`);
        await nap(settings.pollingIntervalSeconds * 1000);
        continue;
      }
      if (!jobs.length) {
        await nap(settings.pollingIntervalSeconds * 1000);
        continue;
      }
      for (const job of jobs) {
        try {
          await work(job);
        } catch (e) {
          // The queue could not record the outcome (database gone): the job expires and is done again elsewhere.
          log(`queue: ${pgStore.mask((e as Error).message)}`);
        }
      }
    }
  };
  const loops = Array.from({ length: Math.max(1, opts.concurrency) }, () => loop());

  if (opts.signal?.aborted) stop();
  opts.signal?.addEventListener('abort', stop, { once: true });
  let drainTimer: NodeJS.Timeout | null = null;
  if (opts.drain) {
    let idle = 0;
    drainTimer = setInterval(() => {
      pendingJobs(store).then(
        // Twice in a row: a job failing now may be back in "retry" a moment later.
        (n) => ((idle = n === 0 ? idle + 1 : 0) >= 2 ? stop() : undefined),
        (e) => log(`queue: ${pgStore.mask((e as Error).message)}`),
      );
    }, 500);
  }
  // Running jobs finish (each is one transaction: stopping mid-job would only waste it); no new one is taken.
  await Promise.all(loops);
  if (drainTimer) clearInterval(drainTimer);
  opts.signal?.removeEventListener('abort', stop);
  await boss.stop({ graceful: false, wait: true, close: false });
  return summary;
}
