// Documents sent to the API (to extract, or to ingest) and a stored dispatch with its evidence, as answered.
import { readFileSync } from 'node:fs';
import { Type } from 'typebox';
import { ArchiveEvent, StoredDispatch } from './archive.ts';
import { EntityKindSchema, Nullable, Span } from './common.ts';

/** The output contract of `communique extract` (docs/output.schema.json), the answer of POST /api/extract. */
export const DISPATCH_SCHEMA_ID = 'https://communique.invalid/schemas/dispatch.json';
export function outputSchema(): Record<string, unknown> {
  // docs/ sits two folders above src/server/schemas and dist/server/schemas alike.
  return JSON.parse(readFileSync(new URL('../../../docs/output.schema.json', import.meta.url), 'utf8'));
}

const documentFields = {
  text: Type.Optional(Type.String({ description: 'The dispatch as plain text (scraped copy, noise and all).' })),
  html: Type.Optional(Type.String({ description: 'Or the page as HTML: its main text is found, its title and date read.' })),
  title: Type.Optional(Type.String({ maxLength: 2000 })),
  published: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}(-\\d{2})?$', description: 'Filing date, YYYY-MM-DD or YYYY-MM.' })),
  lang: Type.Optional(Type.Enum(['fr', 'en'], { description: 'Language when known; detected otherwise.' })),
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Your id for the document.' })),
};

export const ExtractBody = Type.Object(documentFields, { additionalProperties: false, description: 'Exactly one of text or html.' });

export const IngestBody = Type.Object(
  {
    ...documentFields,
    url: Type.Optional(Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://', description: 'The page URL: fetched when neither text nor html is given; kept as provenance otherwise.' })),
  },
  { additionalProperties: false, description: 'One of text, html or url.' },
);

/** Raw bodies are read as the document itself. */
export const RawText = Type.String({ description: 'The document itself.' });

export const SaveBody = Type.Object({
  status: Type.Enum(['new', 'duplicate', 'revision']),
  dispatch: Type.Integer({ description: 'Archive id of the stored dispatch (for a duplicate: the one already there).' }),
  events: Type.Integer({ description: 'Events extracted (0 for a duplicate: nothing new was stored).' }),
  href: Type.String({ description: 'Where to read it: /api/dispatches/ID.' }),
});

export const NoiseSpan = Type.Object({ start: Type.Integer(), end: Type.Integer(), kind: Type.String(), text: Type.String() });

export const DispatchEntity = Type.Object({
  id: Type.String({ description: 'The entity id within this dispatch ("e3").' }),
  entity: Nullable(Type.Integer({ description: 'The archive entity it was resolved to.' })),
  kind: EntityKindSchema,
  name: Type.String(),
  title: Type.Optional(Type.String()),
  country: Type.Optional(Type.String()),
  org: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  mentions: Type.Array(Span),
});

export const Dateline = Nullable(
  Type.Object({
    place: Nullable(Type.String()),
    date: Nullable(Type.String()),
    agency: Nullable(Type.String()),
    partial: Type.Optional(Type.Object({ month: Type.Integer(), day: Type.Integer() })),
  }),
);

export const DispatchDetail = Type.Object({
  dispatch: Type.Object({ ...StoredDispatch.properties, text: Type.String(), dateline: Dateline }),
  noise: Type.Array(NoiseSpan, { description: 'What cleaning removed; offsets into the input as read, not into text.' }),
  entities: Type.Array(DispatchEntity),
  mentionsExact: Type.Boolean({ description: 'True when mentions are the extraction\'s own; false when located by name.' }),
  events: Type.Array(ArchiveEvent),
  revisions: Type.Array(StoredDispatch, { description: 'Every revision of the same URL, oldest first.' }),
});
