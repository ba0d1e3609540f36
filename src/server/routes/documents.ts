// A document as the API receives it (JSON with text or html, or the raw text/HTML body) → the pipeline's input,
// and the pipeline's refusals → 422 with the extraction's own reason.
import type { RawDocument, Dispatch } from '../../types.ts';
import { extract } from '../../pipeline/extract.ts';
import { InputError } from '../../stages/ingest/decode.ts';
import { ApiError } from '../errors.ts';

export interface DocumentBody {
  text?: string;
  html?: string;
  title?: string;
  published?: string;
  lang?: string;
  id?: string;
  url?: string;
}

export function documentFrom(body: unknown, contentType: string | undefined, source: string): RawDocument & { url?: string } {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (typeof body === 'string') return type === 'text/html' ? { source, html: body } : { source, text: body };
  const b = (body ?? {}) as DocumentBody;
  const given = (['text', 'html'] as const).filter((k) => b[k] !== undefined);
  if (given.length > 1) throw new ApiError('bad_request', 'give the document as text or as html, not both');
  const doc: RawDocument & { url?: string } = { source: b.url ?? source };
  if (b.text !== undefined) doc.text = b.text;
  if (b.html !== undefined) doc.html = b.html;
  if (b.title !== undefined) doc.title = b.title;
  if (b.published !== undefined) doc.published = b.published;
  if (b.lang !== undefined) doc.lang = b.lang;
  if (b.id !== undefined) doc.id = b.id;
  if (b.url !== undefined) doc.url = b.url;
  return doc;
}

/** Runs the pipeline; a document it refuses (empty, too large, not HTML…) is a 422 naming the reason. */
export function extractDocument(doc: RawDocument): Dispatch {
  if (doc.text === undefined && doc.html === undefined) throw new ApiError('bad_request', 'the body is missing body field "text" (or "html")');
  try {
    return extract(doc);
  } catch (e) {
    if (e instanceof InputError) throw new ApiError('unreadable_document', `the document could not be read: ${e.message}`, e.code);
    throw e;
  }
}
