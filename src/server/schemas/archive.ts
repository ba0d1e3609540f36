// The archive's values as the API answers them: the shapes of src/store/repository.ts, field for field.
import { Type, type Static } from 'typebox';
import { Cursor, Evidence, EntityKindSchema, Limit, ModeSchema, Next, Nullable, PloverTypeSchema } from './common.ts';

const DateOrNull = Nullable(Type.String());

export const EventDate = Type.Object({
  start: DateOrNull,
  end: DateOrNull,
  partial: Type.Optional(Type.Object({ month: Type.Integer(), day: Type.Optional(Type.Integer()) })),
  basis: Type.Enum(['text', 'dateline', 'published', 'none']),
});

export const Participant = Type.Object({
  entity: Type.Integer({ description: 'Archive entity id.' }),
  name: Type.String({ description: "The archive entity's name (its most seen form)." }),
  asWritten: Type.String({ description: 'The name as this dispatch wrote it.' }),
  kind: EntityKindSchema,
  side: Nullable(Type.String({ description: 'Country ISO3 or organisation code the participant stands for.' })),
  role: Type.Enum(['actor', 'recipient']),
});

export const DispatchRef = Type.Object({
  id: Type.Integer(),
  docId: Type.String(),
  url: Nullable(Type.String()),
  source: Type.String(),
  title: Nullable(Type.String()),
  published: DateOrNull,
  lang: Type.String(),
  revision: Type.Integer(),
});

export const ArchiveEvent = Type.Object({
  id: Type.Integer(),
  mode: ModeSchema,
  type: PloverTypeSchema,
  ploverMode: Nullable(Type.String()),
  cameo: Nullable(Type.String()),
  date: EventDate,
  planned: Type.Boolean(),
  background: Type.Boolean(),
  confidence: Type.Number(),
  participants: Type.Array(Participant),
  location: Nullable(Type.Object({ entity: Type.Integer(), name: Type.String(), code: Nullable(Type.String()) })),
  topics: Type.Array(Type.String()),
  evidence: Type.Array(Evidence, { description: 'The sentence(s) stating the event: offsets into the dispatch text.' }),
  signature: Type.String({ description: 'The contact, whoever told it: reports with one signature are one contact.' }),
  counted: Type.Boolean({ description: 'Whether this report is the one counted for its contact.' }),
  reports: Type.Integer({ description: 'How many current dispatches report this contact.' }),
  dispatch: DispatchRef,
});
export type ArchiveEventBody = Static<typeof ArchiveEvent>;

const Seen = { firstSeen: DateOrNull, lastSeen: DateOrNull };

export const ArchiveEntity = Type.Object({
  id: Type.Integer(),
  kind: EntityKindSchema,
  name: Type.String(),
  code: Nullable(Type.String()),
  country: Nullable(Type.String()),
  org: Nullable(Type.String()),
  names: Type.Array(Type.Object({ name: Type.String(), lang: Nullable(Type.String()), count: Type.Integer(), ...Seen })),
  titles: Type.Array(Type.Object({ title: Type.String(), count: Type.Integer(), ...Seen })),
  dispatches: Type.Integer(),
  ...Seen,
});

export const MergeRecord = Type.Object({
  id: Type.Integer(),
  entity: Type.Integer(),
  other: Nullable(Type.Integer()),
  name: Nullable(Type.String()),
  dispatch: Nullable(Type.Integer()),
  reason: Type.String(),
  by: Type.Enum(['auto', 'user']),
  at: Type.String(),
});

export const Relation = Type.Object({
  a: Type.String(),
  b: Type.String(),
  aName: Type.String(),
  bName: Type.String(),
  contacts: Type.Integer(),
  first: DateOrNull,
  last: DateOrNull,
  byYear: Type.Array(Type.Object({ year: Type.String(), mode: Type.String(), count: Type.Integer() })),
});

export const StoredDispatch = Type.Object({
  id: Type.Integer(),
  docId: Type.String(),
  url: Nullable(Type.String()),
  source: Type.String(),
  feed: Nullable(Type.String()),
  revision: Type.Integer(),
  current: Type.Boolean(),
  supersededBy: Nullable(Type.Integer()),
  lang: Type.String(),
  title: Nullable(Type.String()),
  published: DateOrNull,
  agency: Nullable(Type.String()),
  textHash: Type.String(),
  ingestedAt: Type.String(),
  story: Type.Integer(),
});

export const PageOf = <T extends ReturnType<typeof Type.Object>>(item: T) => Type.Object({ items: Type.Array(item), next: Next });

export const PageQuery = { limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) };
