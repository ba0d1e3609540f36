// Helpers every store shares, so that both give the same answers: the text hash that makes ingest idempotent,
// the dispatch's date, cursors, actor references and the full-text query grammar.
import { createHash } from 'node:crypto';
import type { Dispatch } from '../types.ts';
import { StoreError } from './repository.ts';
import { canonicalCode } from '../archive/resolve.ts';

/** sha256 of the cleaned text, Unicode-normalised and with runs of white space as one space. */
export function textHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}

/** sha256 of a raw input as read (text or HTML), for skipping re-extraction of an input already stored. */
export function rawHash(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

/** The date a dispatch speaks from: its filing date, else its dateline's, else null. */
export function dispatchDate(d: Pick<Dispatch, 'published' | 'dateline'>): string | null {
  return d.published ?? d.dateline?.date ?? null;
}

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, shape: ('string' | 'number')[]): (string | number)[] | null {
  if (!cursor) return null;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new StoreError('bad_request', 'the cursor is not one this archive gave');
  }
  if (!Array.isArray(parts) || parts.length !== shape.length || parts.some((p, i) => typeof p !== shape[i])) throw new StoreError('bad_request', 'the cursor is not one this archive gave');
  return parts as (string | number)[];
}

export type ParsedRef = { id: number } | { side: string } | { name: string };

/** "#12" or "12" is an entity id; "AZE", "NATO", "OSCE-MG" a side code; anything else a name. */
export function parseActorRef(ref: string): ParsedRef {
  const s = ref.trim();
  const id = /^#?(\d{1,12})$/.exec(s);
  if (id) return { id: Number(id[1]) };
  if (/^[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]{1,10})?$/.test(s)) return { side: s };
  return { name: s };
}

/** Bounds of a date filter: "2016" covers the whole year, "2016-03" the whole month. */
export function untilBound(until: string): string {
  return `${until}~`; // '~' sorts after digits and '-': every date under the prefix
}

export function checkDateBound(s: string | undefined, what: string): void {
  if (s !== undefined && !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(s)) throw new StoreError('bad_request', `${what} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${s}"`);
}

/** Words of a search, and "quoted phrases" kept whole; a trailing * asks for a prefix. */
export function searchTerms(text: string): { phrase: string; prefix: boolean }[] {
  const out: { phrase: string; prefix: boolean }[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[1] ?? m[2] ?? '';
    const prefix = m[2] !== undefined && raw.endsWith('*');
    const phrase = raw.replace(/["*]/g, ' ').replace(/\s+/g, ' ').trim();
    if (phrase && /[\p{L}\p{N}]/u.test(phrase)) out.push({ phrase, prefix });
  }
  return out;
}

/** The side code an actor reference names ("AZE", "nato" is a name), or null for an entity id or a name. */
export function sideCode(ref: string): string | null {
  const r = parseActorRef(ref);
  return 'side' in r ? canonicalCode('organization', r.side) : null;
}

/** The two side codes of a question between two actors when both are sides and differ: such a question is read
 *  from side_pairs (migration 0002), in date order. Anything else (a person, an entity id, one side twice) is read
 *  from the participants. */
export function sidePair(a: string, b: string): [string, string] | null {
  const x = sideCode(a);
  const y = sideCode(b);
  return x && y && x !== y ? [x, y] : null;
}

/** Whether a period is whole years ("2016", or none), so that relation counts by year answer it exactly. */
export function wholeYears(q: { since?: string | null; until?: string | null }): boolean {
  return (!q.since || /^\d{4}$/.test(q.since)) && (!q.until || /^\d{4}$/.test(q.until));
}

/** Full-text hits are ranked window by window: the best of the newest RANK_WINDOW matching dispatches (newest
 *  stored), then the best of the next RANK_WINDOW, and so on. A word found in most of a million dispatches costs
 *  one window's ranking, not a million; a query with fewer matches than a window is ranked whole, as before. */
export const RANK_WINDOW = 1000;
