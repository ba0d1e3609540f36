// Library entry point: `import { extract } from 'communique'`.
export { extract, extractSafely, contentId, MAX_DOCUMENT_CHARS } from './pipeline/extract.ts';
export type { Dispatch, Entity, Event, EventDate, Dateline, NoiseSpan, Span, RawDocument, Mode, PloverType, EntityKind } from './types.ts';
