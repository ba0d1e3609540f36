// Ingest: inputs of every kind (files, folders, JSON Lines, HTML, feed and page URLs) read one document at a time,
// extracted, and stored in the archive one transaction per dispatch. A bad item is counted with its reason and the
// run goes on. Knows the repository interface only, never which store is behind it.
import { readFile } from 'node:fs/promises';
import type { RawDocument } from '../types.ts';
import { readInputs } from '../stages/ingest/sources.ts';
import { decodeBytes, InputError } from '../stages/ingest/decode.ts';
import { blockText } from '../stages/ingest/html.ts';
import { parseHTML } from 'linkedom';
import { extractSafely } from '../pipeline/extract.ts';
import type { ArchiveRepository, DispatchMeta, SaveStatus } from '../store/repository.ts';
import { rawHash } from '../store/common.ts';
import { FetchError, HttpClient, type HttpResponse } from './fetch.ts';
import { FeedError, looksLikeFeed, parseFeed } from './feeds.ts';

export interface Failure {
  source: string;
  code: string;
  message: string;
}

/** One thing read: a document to store (maybe listed by a feed), or a failure to report. */
export type IngestItem = { doc: RawDocument; meta: DispatchMeta; feedItem?: { feed: string; key: string }; failure?: undefined } | { failure: Failure; doc?: undefined };

export interface IngestSummary {
  read: number;
  new: number;
  duplicates: number;
  revisions: number;
  failed: number;
  events: number;
  failures: Failure[];
}

export function emptySummary(): IngestSummary {
  return { read: 0, new: 0, duplicates: 0, revisions: 0, failed: 0, events: 0, failures: [] };
}

/** Failures kept in full for the summary; past that they are only counted (and reported as they happen). */
const MAX_KEPT_FAILURES = 1000;

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** Items of local inputs (files, folders, JSON Lines, '-') and of URLs (feeds: every item; pages), in order. */
export async function* readItems(inputs: string[], http: HttpClient, repo: ArchiveRepository, opts: { onlyNew?: boolean } = {}): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    if (isUrl(input)) {
      yield* readUrl(input, http, repo, opts);
      continue;
    }
    for await (const it of readInputs([input], { format: 'auto' })) {
      if (it.error) yield { failure: { source: it.error.source, code: it.error.code, message: it.error.message } };
      else yield { doc: it.doc, meta: { source: it.doc.source ?? input, url: it.doc.url ?? null } };
    }
  }
}

function failureOf(e: unknown, source: string): Failure {
  if (e instanceof FetchError) return { source, code: e.code === 'http_status' && e.status ? `http_${e.status}` : e.code, message: e.message };
  if (e instanceof FeedError) return { source, code: e.code, message: e.message };
  if (e instanceof InputError) return { source, code: e.code, message: e.message };
  return { source, code: 'read_error', message: (e as Error).message ?? String(e) };
}

function pageDocument(res: HttpResponse, url: string, extra: Partial<RawDocument> = {}): RawDocument {
  const html = !res.contentType || !/^text\/plain/i.test(res.contentType);
  const { text } = decodeBytes(res.body, { html });
  return html ? { source: url, url, html: text, ...extra } : { source: url, url, text, ...extra };
}

/** A URL: a feed gives every item (each link's page fetched in turn), a page gives itself. With `onlyNew`
 *  (watch mode) the feed is asked conditionally and items already stored are skipped. */
export async function* readUrl(url: string, http: HttpClient, repo: ArchiveRepository, opts: { onlyNew?: boolean } = {}): AsyncGenerator<IngestItem> {
  const state = opts.onlyNew ? await repo.feedState(url) : null;
  const checked = new Date().toISOString();
  let res: HttpResponse;
  try {
    res = await http.get(url, state ?? {}, 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5');
  } catch (e) {
    const f = failureOf(e, url);
    if (opts.onlyNew) await repo.saveFeedState({ url, etag: state?.etag ?? null, lastModified: state?.lastModified ?? null, lastChecked: checked, lastStatus: (e as FetchError).status ?? null, lastError: f.message });
    yield { failure: f };
    return;
  }
  if (res.notModified) {
    await repo.saveFeedState({ url, etag: res.etag, lastModified: res.lastModified, lastChecked: checked, lastStatus: 304, lastError: null });
    return;
  }
  let body: string;
  try {
    body = decodeBytes(res.body, { html: true }).text;
  } catch (e) {
    yield { failure: failureOf(e, url) };
    return;
  }
  if (!looksLikeFeed(body, res.contentType)) {
    try {
      yield { doc: pageDocument(res, url), meta: { source: url, url } };
    } catch (e) {
      yield { failure: failureOf(e, url) };
    }
    return;
  }
  let feed;
  try {
    feed = parseFeed(body);
  } catch (e) {
    const f = failureOf(e, url);
    await repo.saveFeedState({ url, etag: null, lastModified: null, lastChecked: checked, lastStatus: res.status, lastError: f.message });
    yield { failure: f };
    return;
  }
  await repo.saveFeedState({ url, etag: res.etag, lastModified: res.lastModified, lastChecked: checked, lastStatus: res.status, lastError: null });
  for (const it of feed.items) {
    if (opts.onlyNew && (await repo.seenFeedItem(url, it.key))) continue;
    const extra: Partial<RawDocument> = {};
    if (it.title) extra.title = it.title;
    if (it.published) extra.published = it.published;
    if (!it.link) {
      if (it.content) yield { doc: { source: `${url}#${it.key}`, text: fragmentText(it.content), ...extra }, meta: { source: `${url}#${it.key}`, feed: url }, feedItem: { feed: url, key: it.key } };
      else yield { failure: { source: `${url}#${it.key}`, code: 'no_link', message: 'a feed item with neither link nor content' } };
      continue;
    }
    let link: string;
    try {
      link = new URL(it.link, res.url).href;
    } catch {
      yield { failure: { source: it.link, code: 'bad_url', message: `the item's link is not a URL: ${it.link}` } };
      continue;
    }
    try {
      const page = await http.get(link, {}, 'text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.5');
      yield { doc: pageDocument(page, link, extra), meta: { source: link, url: link, feed: url }, feedItem: { feed: url, key: it.key } };
    } catch (e) {
      yield { failure: failureOf(e, link) };
    }
  }
}

/** A feed's inline content is an HTML fragment, too short for a page reader: its block text, paragraph by paragraph. */
function fragmentText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body as unknown as Parameters<typeof blockText>[0]);
}

export interface StoredItem {
  status: SaveStatus | 'failed';
  source: string;
  dispatch?: number;
  events?: number;
  failure?: Failure;
}

/** Extracts and stores one item; a rerun recognises an input already stored without extracting it again. */
export async function storeItem(repo: ArchiveRepository, item: IngestItem, opts: { lang?: string } = {}): Promise<StoredItem> {
  if (item.failure) return { status: 'failed', source: item.failure.source, failure: item.failure };
  const { doc, meta } = item;
  if (opts.lang && !doc.lang) doc.lang = opts.lang;
  const raw = rawHash(`${doc.html !== undefined ? 'html' : 'text'}\u0000${doc.html ?? doc.text ?? ''}`);
  const known = await repo.sawRaw(raw, meta);
  if (known !== null) {
    if (item.feedItem) await repo.markFeedItem(item.feedItem.feed, item.feedItem.key, known);
    return { status: 'duplicate', source: meta.source, dispatch: known, events: 0 };
  }
  const d = extractSafely(doc);
  if (d.error) return { status: 'failed', source: meta.source, failure: { source: meta.source, code: d.error.code, message: d.error.message } };
  const out = await repo.saveDispatch(d, { ...meta, rawHash: raw });
  if (item.feedItem) await repo.markFeedItem(item.feedItem.feed, item.feedItem.key, out.dispatch);
  return { status: out.status, source: meta.source, dispatch: out.dispatch, events: out.events };
}

export function count(summary: IngestSummary, r: StoredItem): void {
  summary.read++;
  switch (r.status) {
    case 'new':
      summary.new++;
      summary.events += r.events ?? 0;
      break;
    case 'revision':
      summary.revisions++;
      summary.events += r.events ?? 0;
      break;
    case 'duplicate':
      summary.duplicates++;
      break;
    default:
      summary.failed++;
      if (r.failure && summary.failures.length < MAX_KEPT_FAILURES) summary.failures.push(r.failure);
  }
}

export interface IngestHooks {
  /** After each item, with the running summary. */
  onItem?: (r: StoredItem, summary: IngestSummary) => void;
  lang?: string;
  onlyNew?: boolean;
}

/** Ingests every input, one document at a time. */
export async function ingest(inputs: string[], repo: ArchiveRepository, http: HttpClient, hooks: IngestHooks = {}): Promise<IngestSummary> {
  const summary = emptySummary();
  for await (const item of readItems(inputs, http, repo, { onlyNew: hooks.onlyNew })) {
    let r: StoredItem;
    try {
      r = await storeItem(repo, item, { lang: hooks.lang });
    } catch (e) {
      const source = item.failure ? item.failure.source : item.meta.source;
      r = { status: 'failed', source, failure: { source, code: 'store_error', message: (e as Error).message } };
    }
    count(summary, r);
    hooks.onItem?.(r, summary);
  }
  return summary;
}

/** Feed URLs listed in a file, one per line; blank lines and '#' comments skipped. */
export async function readFeedList(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

export interface WatchOptions extends IngestHooks {
  everyMs: number;
  maxRounds?: number;
  /** Stops between rounds (and before the next feed). */
  signal?: AbortSignal;
  onRound?: (round: number, summary: IngestSummary) => void;
}

/** Polls the feeds of a list file every interval; new items only, each feed asked conditionally. */
export async function watch(listFile: string, repo: ArchiveRepository, http: HttpClient, opts: WatchOptions): Promise<IngestSummary> {
  const total = emptySummary();
  for (let round = 1; ; round++) {
    const feeds = await readFeedList(listFile); // read again each round: the list may be edited while watching
    const summary = emptySummary();
    for (const feed of feeds) {
      if (opts.signal?.aborted) break;
      const part = await ingest([feed], repo, http, { ...opts, onlyNew: true });
      for (const k of ['read', 'new', 'duplicates', 'revisions', 'failed', 'events'] as const) {
        summary[k] += part[k];
        total[k] += part[k];
      }
      summary.failures.push(...part.failures);
      if (total.failures.length < MAX_KEPT_FAILURES) total.failures.push(...part.failures.slice(0, MAX_KEPT_FAILURES - total.failures.length));
    }
    opts.onRound?.(round, summary);
    if ((opts.maxRounds && round >= opts.maxRounds) || opts.signal?.aborted) break;
    await sleep(opts.everyMs, opts.signal);
    if (opts.signal?.aborted) break;
  }
  return total;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** "10m", "30s", "1h", "500ms", or a number of seconds. */
export function parseInterval(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new Error(`not an interval: "${s}" (use e.g. 30s, 10m, 1h)`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return Math.round(n * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000));
}
