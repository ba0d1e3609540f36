// `communique ingest --enqueue …`: reads the inputs here (files, folders, JSON Lines, '-') and queues one job per
// document; feed and page URLs are queued as they are, for a worker to fetch. Nothing is extracted or stored here.
import { HttpClient } from '../archive/fetch.ts';
import { isUrl, readItems, type Failure } from '../archive/ingest.ts';
import { StoreError, type ArchiveRepository } from '../store/repository.ts';
import { PostgresRepository } from '../store/postgres/repository.ts';
import { jobOptions, queueSettings, QUEUE, startQueue, type QueueSettings } from './boss.ts';
import { packJob, type DocumentJob, type IngestJob } from './jobs.ts';

/** Jobs sent to the queue in one statement: at most this many, and about this many characters of documents. */
const BATCH = 200;
const BATCH_CHARS = 8_000_000;
/** Documents with a URL wait for the end of the run (or this many characters of them) so that the revisions of
 *  one URL travel as one job, in the order read. */
const HOLD_CHARS = 64_000_000;

export interface EnqueueSummary {
  /** Jobs queued. */
  queued: number;
  /** Documents in them (a page's revisions travel in one job; a URL to fetch counts as one). */
  documents: number;
  /** Inputs that could not be read here (unreadable file, bad JSON line): not queued. */
  failed: number;
  failures: Failure[];
}

export interface EnqueueOptions {
  lang?: string;
  settings?: QueueSettings;
  /** After each job queued or input refused, with the running summary. */
  onItem?: (summary: EnqueueSummary) => void;
}

/** The PostgreSQL archive behind a repository, or a clear refusal: the queue lives in the archive's database. */
export function queueStore(store: ArchiveRepository): PostgresRepository {
  if (store instanceof PostgresRepository) return store;
  throw new StoreError('bad_request', `the work queue lives in a PostgreSQL archive; ${store.location} is a ${store.kind} archive (give --db postgres://…, or ingest without --enqueue)`);
}

/** Queues the inputs for `communique worker`: one job per document read, one per URL. */
export async function enqueue(store: ArchiveRepository, inputs: string[], opts: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const pgStore = queueStore(store);
  const settings = opts.settings ?? queueSettings();
  const boss = await startQueue(pgStore, { settings });
  const summary: EnqueueSummary = { queued: 0, documents: 0, failed: 0, failures: [] };
  const options = jobOptions(settings);
  let batch: IngestJob[] = [];
  let chars = 0;
  const flush = async () => {
    if (!batch.length) return;
    await boss.insert(batch.map((job) => ({ name: QUEUE, data: packJob(job), ...options })));
    summary.queued += batch.length;
    summary.documents += batch.reduce((n, job) => n + (job.kind === 'page-history' ? job.items.length : 1), 0);
    batch = [];
    chars = 0;
    opts.onItem?.(summary);
  };
  const held = new Map<string, Omit<DocumentJob, 'kind'>[]>();
  let heldChars = 0;
  const release = async () => {
    for (const [url, items] of held) {
      batch.push(items.length === 1 ? { kind: 'document', ...items[0]! } : { kind: 'page-history', url, items });
      if (batch.length >= BATCH) await flush();
    }
    held.clear();
    heldChars = 0;
  };
  try {
    const http = new HttpClient(); // never used: URLs are queued, not fetched here
    for (const input of inputs) {
      if (isUrl(input)) {
        batch.push({ kind: 'url', url: input, ...(opts.lang ? { lang: opts.lang } : {}) });
      } else {
        for await (const item of readItems([input], http, store)) {
          if (item.failure) {
            summary.failed++;
            if (summary.failures.length < 1000) summary.failures.push(item.failure);
            opts.onItem?.(summary);
            continue;
          }
          const doc = opts.lang && !item.doc.lang ? { ...item.doc, lang: opts.lang } : item.doc;
          const job = { doc, meta: item.meta, ...(item.feedItem ? { feedItem: item.feedItem } : {}) };
          const size = (doc.text ?? doc.html ?? '').length;
          if (item.meta.url) {
            held.set(item.meta.url, [...(held.get(item.meta.url) ?? []), job]);
            if ((heldChars += size) >= HOLD_CHARS) await release();
            continue;
          }
          batch.push({ kind: 'document', ...job });
          chars += size;
          if (batch.length >= BATCH || chars >= BATCH_CHARS) await flush();
        }
      }
      if (batch.length >= BATCH) await flush();
    }
    await release();
    await flush();
  } finally {
    await boss.stop({ graceful: false, wait: true, close: false });
  }
  return summary;
}
