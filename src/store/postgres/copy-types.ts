// What copying an archive from one store to another reads from the source (see cli/db.ts `copyArchive`).
// Proposed for the repository interface (/tmp/pg-requests.md): until it is there, the PostgreSQL store provides it
// and the copy reads it from any store that has it.
import type { Dispatch } from '../../types.ts';
import type { DispatchMeta, FeedState } from '../repository.ts';

/** One stored dispatch as it was saved, with where it was read and which archive entity each of its entities is. */
export interface DispatchRecord {
  /** Its archive id in the store it comes from. */
  id: number;
  /** The extraction as saved: cleaned text, title, dates, dateline, entities, events, noise. */
  dispatch: Dispatch;
  meta: DispatchMeta;
  /** Every input read as this dispatch (the first is the one it was saved from). */
  sightings: { rawHash: string; source: string; url: string | null }[];
  /** The archive entity of each of the dispatch's entities, by local id ("e4" → 12). */
  mentions: Record<string, number>;
}

export interface FeedExport {
  url: string;
  /** Null for a feed whose items were stored but that was never polled in watch mode. */
  state: FeedState | null;
  items: { key: string; dispatch: number }[];
}

/** A store that can be copied from. */
export interface CopySource {
  exportDispatches(): AsyncIterable<DispatchRecord>;
  exportFeeds(): AsyncIterable<FeedExport>;
}

export function isCopySource(x: unknown): x is CopySource {
  return !!x && typeof (x as CopySource).exportDispatches === 'function' && typeof (x as CopySource).exportFeeds === 'function';
}
