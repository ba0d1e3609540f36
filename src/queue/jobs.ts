// What a job carries. A document job holds the whole raw document (text or HTML) with its provenance, so that a
// worker on another machine needs neither the files nor the feed that listed it; a URL job names a feed or page for
// the worker to fetch (a feed's items are then stored one by one).
import type { RawDocument } from '../types.ts';
import type { DispatchMeta } from '../store/repository.ts';

export interface DocumentJob {
  kind: 'document';
  doc: RawDocument;
  meta: DispatchMeta;
  feedItem?: { feed: string; key: string };
}

/** Several documents read from one URL (a page and its revisions): stored in the order they were read, by one
 *  worker, so that the revision that is current is the one a single process would have made current. */
export interface PageHistoryJob {
  kind: 'page-history';
  url: string;
  items: Omit<DocumentJob, 'kind'>[];
}

export interface UrlJob {
  kind: 'url';
  url: string;
  lang?: string;
}

export type IngestJob = DocumentJob | PageHistoryJob | UrlJob;

/** PostgreSQL's json types cannot hold U+0000, which binary input may contain: such a job travels base64-packed. */
export type JobData = IngestJob | { kind: 'packed'; base64: string };

export function packJob(job: IngestJob): JobData {
  const text = JSON.stringify(job);
  return text.includes('\\u0000') ? { kind: 'packed', base64: Buffer.from(text, 'utf8').toString('base64') } : job;
}

export function unpackJob(data: JobData): IngestJob {
  if (data.kind === 'packed') return JSON.parse(Buffer.from(data.base64, 'base64').toString('utf8')) as IngestJob;
  return data;
}

/** A short name for a job in logs and in `communique jobs`. */
export function jobLabel(data: JobData | null | undefined): string {
  if (!data) return '?';
  const job = unpackJob(data);
  return job.kind === 'document' ? job.meta.source : `${job.url}${job.kind === 'page-history' ? ` (${job.items.length} revisions)` : ''}`;
}
