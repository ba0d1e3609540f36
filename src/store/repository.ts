// The archive's one repository interface. Every store (SQLite now, PostgreSQL with issue 7) implements it, and
// nothing above it (archive, cli, server) knows which store it talks to: all methods are async, all values plain.
import type { Dateline, Dispatch, Entity, EntityKind, EventDate, Mode, NoiseSpan, PloverType } from '../types.ts';
import type { DispatchRecord, FeedExport } from './postgres/copy-types.ts';

/** Where and how a dispatch was read; the provenance kept beside its extraction. */
export interface DispatchMeta {
  /** Path, URL or "stdin:N": where this copy was read. */
  source: string;
  /** The page's URL when it came from the web (or a JSON Lines record's "url"): one URL, many revisions. */
  url?: string | null;
  /** The feed that listed the page, when there was one. */
  feed?: string | null;
  /** Hash of the raw input as read (bytes decoded to text), to skip re-extraction on a rerun. */
  rawHash?: string | null;
}

export type SaveStatus = 'new' | 'duplicate' | 'revision';

export interface SaveOutcome {
  status: SaveStatus;
  /** Archive id of the stored dispatch (for a duplicate: the one already there). */
  dispatch: number;
  revision: number;
  events: number;
  /** Dispatches already in the archive that report the same story (same date, participants and mode). */
  story: number[];
}

export interface StoredDispatch {
  id: number;
  docId: string;
  url: string | null;
  source: string;
  feed: string | null;
  revision: number;
  current: boolean;
  /** The newer revision of the same URL, when this one was superseded. */
  supersededBy: number | null;
  lang: string;
  title: string | null;
  published: string | null;
  agency: string | null;
  textHash: string;
  ingestedAt: string;
  /** Story cluster: the first dispatch of the story this one belongs to (itself when alone). */
  story: number;
  text?: string;
  /** The extraction as stored (asked with `getDispatch(id, { extraction: true })`; optional for a store). */
  extraction?: StoredExtraction | null;
}

/** What the archive keeps of an extraction besides its events. */
export interface StoredExtraction {
  dateline: Dateline | null;
  /** Offsets into the input as read (see docs/output.md), with the removed text. */
  noise: NoiseSpan[];
  /** The dispatch's own entities and mentions (offsets into its text); `archive` is the archive entity when known. */
  entities: (Entity & { archive: number | null })[];
}

/** How a participant stands in an event (PLOVER actor/recipient; both sides of a mutual contact are actors). */
export type ParticipantRole = 'actor' | 'recipient';

export interface ArchiveParticipant {
  entity: number;
  /** The archive entity's name (its most seen form). */
  name: string;
  /** The name as this dispatch wrote it. */
  asWritten: string;
  kind: EntityKind;
  /** Country ISO3 or organisation code the participant stands for in this dispatch: a side of the relation. */
  side: string | null;
  role: ParticipantRole;
}

export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export interface ArchiveEvent {
  id: number;
  mode: Mode;
  type: PloverType;
  ploverMode: string | null;
  cameo: string | null;
  date: EventDate;
  planned: boolean;
  background: boolean;
  confidence: number;
  participants: ArchiveParticipant[];
  location: { entity: number; name: string; code: string | null } | null;
  topics: string[];
  evidence: Evidence[];
  /** The same contact as told by every current dispatch: events with one signature are counted once. */
  signature: string;
  /** Whether this report is the one counted for its signature. */
  counted: boolean;
  /** How many current dispatches report this contact. */
  reports: number;
  dispatch: { id: number; docId: string; url: string | null; source: string; title: string | null; published: string | null; lang: string; revision: number };
}

/** An actor in a query: a country ISO3, an organisation code, or an archive entity id ("#12" or "12"). */
export type ActorRef = string;

export interface EventQuery {
  /** Both actors took part (each as a side code or an entity id). */
  between?: [ActorRef, ActorRef];
  /** Any actor took part. */
  actor?: ActorRef;
  /** A person by any name form or transliteration ("Hadjiyev", "Hajiyev"). */
  person?: string;
  country?: string;
  org?: string;
  modes?: Mode[];
  types?: PloverType[];
  /** Inclusive bounds on the event's date (its start, else the dispatch's date): "2016", "2016-03", "2016-03-01". */
  since?: string;
  until?: string;
  /** Full text over the dispatches that report the events. */
  text?: string;
  includePlanned?: boolean;
  includeBackground?: boolean;
  /** Only the counted report of each contact (one per story). */
  distinct?: boolean;
  dispatch?: number;
  limit?: number;
  cursor?: string | null;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null at the end. */
  next: string | null;
}

export interface EntityName {
  name: string;
  lang: string | null;
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface EntityTitle {
  title: string;
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface MergeRecord {
  id: number;
  entity: number;
  /** The other entity of a user merge or split; null when a name from a dispatch joined. */
  other: number | null;
  name: string | null;
  dispatch: number | null;
  reason: string;
  by: 'auto' | 'user';
  at: string;
}

export interface ArchiveEntity {
  id: number;
  kind: EntityKind;
  name: string;
  code: string | null;
  country: string | null;
  org: string | null;
  names: EntityName[];
  titles: EntityTitle[];
  dispatches: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface EntityQuery {
  kind?: EntityKind;
  country?: string;
  org?: string;
  /** Any name form, folded (accents and case do not matter), or a transliteration of it. */
  name?: string;
  limit?: number;
  cursor?: string | null;
}

export interface SplitRequest {
  /** Name forms to move to the new entity. */
  names?: string[];
  /** Dispatches whose mentions move to the new entity. */
  dispatches?: number[];
  reason?: string;
}

export interface RelationCount {
  year: string;
  mode: string;
  count: number;
}

export interface Relation {
  a: string;
  b: string;
  /** Display names of the two sides. */
  aName: string;
  bName: string;
  contacts: number;
  first: string | null;
  last: string | null;
  byYear: RelationCount[];
}

export interface RelationQuery {
  since?: string;
  until?: string;
  modes?: Mode[];
  top?: number;
}

export interface SearchHit {
  dispatch: StoredDispatch;
  snippet: string;
  rank: number;
  events: ArchiveEvent[];
}

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastChecked: string | null;
  lastStatus: number | null;
  lastError: string | null;
}

export interface ArchiveStats {
  dispatches: number;
  revisions: number;
  events: number;
  entities: number;
  stories: number;
}

export interface MigrationReport {
  /** Schema version before and after. */
  from: number;
  to: number;
  applied: string[];
}

/** A store refuses to open (bad location, newer schema, unavailable backend) with one of these. */
export class StoreError extends Error {
  constructor(
    public code: 'unavailable' | 'newer_schema' | 'bad_location' | 'not_found' | 'bad_request' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

export interface ArchiveRepository {
  /** 'sqlite' | 'postgres': for messages only; callers must not branch on it. */
  readonly kind: string;
  /** Where the archive is, credentials masked. */
  readonly location: string;

  /** Opens the store and brings its schema up to date (refusing one newer than this program). */
  open(): Promise<MigrationReport>;
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;

  /** Stores a dispatch with its extraction in one transaction: new, duplicate (same text or same URL and text),
   *  or a new revision of a URL whose text changed (the old revision kept, no longer current). */
  saveDispatch(dispatch: Dispatch, meta: DispatchMeta): Promise<SaveOutcome>;
  /** A dispatch already read from the same raw input (a rerun): records the sighting, returns its id, or null. */
  sawRaw(rawHash: string, meta: DispatchMeta): Promise<number | null>;
  getDispatch(id: number, opts?: { text?: boolean; extraction?: boolean }): Promise<StoredDispatch | null>;
  /** The current revision of a URL. */
  dispatchByUrl(url: string): Promise<StoredDispatch | null>;
  revisions(url: string): Promise<StoredDispatch[]>;

  entities(q: EntityQuery): Promise<Page<ArchiveEntity>>;
  /** An entity by id (following merges) or by exact name form; null when unknown. */
  entity(ref: string | number): Promise<ArchiveEntity | null>;
  /** Entities a reference may mean: an id, a name form, or a transliteration. */
  findEntities(ref: string): Promise<ArchiveEntity[]>;
  mergeHistory(entity: number): Promise<MergeRecord[]>;
  /** User correction: `absorbed` becomes part of `kept`; later dispatches naming either go to `kept`. */
  mergeEntities(kept: number, absorbed: number, reason?: string): Promise<ArchiveEntity>;
  /** User correction: moves name forms or dispatches' mentions to a new entity, kept apart on later ingests. */
  splitEntity(entity: number, req: SplitRequest): Promise<ArchiveEntity>;

  events(q: EventQuery): Promise<Page<ArchiveEvent>>;
  /** Counterparts of one actor, ranked by contacts (each contact counted once across its reports). */
  relations(actor: ActorRef, q?: RelationQuery): Promise<Relation[]>;
  relation(a: ActorRef, b: ActorRef, q?: RelationQuery): Promise<Relation>;

  search(text: string, opts?: { limit?: number; cursor?: string | null }): Promise<Page<SearchHit>>;

  exportEvents(q?: EventQuery): AsyncIterable<ArchiveEvent>;
  exportEntities(q?: EntityQuery): AsyncIterable<ArchiveEntity>;
  /** Every dispatch as it was saved, revisions included, in the order stored: what `db copy` replays elsewhere. */
  exportDispatches(): AsyncIterable<DispatchRecord>;
  /** Every feed with its state and the items stored from it. */
  exportFeeds(): AsyncIterable<FeedExport>;

  feedState(url: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  /** Whether a feed item (by guid or link) was already stored. */
  seenFeedItem(feed: string, key: string): Promise<boolean>;
  markFeedItem(feed: string, key: string, dispatch: number): Promise<void>;

  stats(): Promise<ArchiveStats>;
}
