// GET /api/dispatches/:id: a stored dispatch with its cleaned text, the noise removed, its entities' mentions and
// its events with their evidence spans. POST /api/dispatches: ingest one document (token needed).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ArchiveEvent, ArchiveRepository, StoredDispatch } from '../../store/repository.ts';
import type { Dateline, Entity, NoiseSpan, RawDocument, Span } from '../../types.ts';
import { ApiError } from '../errors.ts';
import { DispatchDetail, IngestBody, RawText, SaveBody } from '../schemas/dispatch.ts';
import { IdParams, errors } from '../schemas/common.ts';
import { documentFrom } from './documents.ts';
import { storeItem } from '../../archive/ingest.ts';

/** Fetches a page to ingest; throws ApiError (fetch_failed, bad_request) when it cannot. */
export type PageFetcher = (url: string) => Promise<RawDocument & { url: string }>;

/** What a store keeps of an extraction besides its events: asked with `getDispatch(id, { extraction: true })`. */
interface StoredExtraction {
  dateline: Dateline | null;
  noise: NoiseSpan[];
  entities: (Entity & { archive?: number | null })[];
}
type DispatchWithExtraction = StoredDispatch & { text?: string; dateline?: Dateline | null; extraction?: StoredExtraction | null };

type DispatchEntityBody = { id: string; entity: number | null; kind: Entity['kind']; name: string; title?: string; country?: string; org?: string; code?: string; mentions: Span[] };

/** Entities and their mentions from the events when the store cannot give the extraction's own: each participant
 *  and location is found in the text by the name this dispatch wrote. */
export function entitiesFromEvents(text: string, events: ArchiveEvent[]): DispatchEntityBody[] {
  const byId = new Map<number, DispatchEntityBody & { forms: Set<string> }>();
  const add = (entity: number, kind: Entity['kind'], name: string, form: string, code: string | null) => {
    // Named as this dispatch wrote it (the archive's name may be another language's form).
    const e = byId.get(entity) ?? { id: `a${entity}`, entity, kind, name: form || name, ...(code ? { code } : {}), mentions: [], forms: new Set<string>() };
    e.forms.add(form);
    byId.set(entity, e);
  };
  for (const ev of events) {
    for (const p of ev.participants) add(p.entity, p.kind, p.name, p.asWritten, p.side);
    if (ev.location) add(ev.location.entity, 'place', ev.location.name, ev.location.name, null);
  }
  const out: DispatchEntityBody[] = [];
  for (const { forms, ...e } of byId.values()) {
    for (const form of forms) {
      if (form.length < 2) continue;
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) e.mentions.push({ start: at, end: at + form.length });
    }
    e.mentions.sort((a, b) => a.start - b.start);
    out.push(e);
  }
  return out;
}

async function allEvents(store: ArchiveRepository, dispatch: number): Promise<ArchiveEvent[]> {
  const out: ArchiveEvent[] = [];
  for await (const ev of store.exportEvents({ dispatch })) out.push(ev);
  return out;
}

export async function dispatchRoutes(app: FastifyInstance, opts: { fetchPage?: PageFetcher | null }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/dispatches/:id',
    {
      schema: {
        tags: ['dispatches'],
        summary: 'A dispatch: cleaned text, removed noise, entities with their mentions, events with their evidence spans',
        description: 'Every span is a character range (JavaScript string index) into `dispatch.text`, except noise, which points into the input as read.',
        params: IdParams,
        response: { 200: DispatchDetail, ...errors(400, 404, 503) },
      },
    },
    async (req) => {
      const store = app.archive();
      const id = Number(req.params.id);
      // Stores that keep the extraction give it when asked; the request is an optional extension of getDispatch.
      const ask = { text: true, extraction: true };
      const d = (await store.getDispatch(id, ask)) as DispatchWithExtraction | null;
      if (!d) throw new ApiError('not_found', `no dispatch ${id} in the archive`);
      const text = d.text ?? '';
      const events = await allEvents(store, id);
      const extraction = d.extraction ?? null;
      const entities: DispatchEntityBody[] = extraction
        ? extraction.entities.map((e) => ({
            id: e.id, entity: e.archive ?? null, kind: e.kind, name: e.name, mentions: e.mentions,
            ...(e.title ? { title: e.title } : {}), ...(e.country ? { country: e.country } : {}), ...(e.org ? { org: e.org } : {}), ...(e.code ? { code: e.code } : {}),
          }))
        : entitiesFromEvents(text, events);
      const revisions = d.url ? await store.revisions(d.url) : [];
      const { extraction: _x, ...rest } = d;
      return {
        dispatch: { ...rest, text, dateline: extraction?.dateline ?? d.dateline ?? null },
        noise: extraction?.noise ?? [],
        entities,
        mentionsExact: !!extraction,
        events,
        revisions: revisions.length > 1 ? revisions : [],
      };
    },
  );

  app.post(
    '/api/dispatches',
    {
      onRequest: app.requireWriteToken,
      schema: {
        tags: ['dispatches'],
        summary: 'Ingest one dispatch into the archive (token needed)',
        description:
          'JSON `{ "text" | "html" | "url", title?, published?, lang?, id? }`, or the document itself as text/plain or text/html. ' +
          'A URL alone is fetched. Re-sending the same text changes nothing (status "duplicate"); a changed page at the same URL is a new revision.',
        security: [{ bearer: [] }],
        body: { content: { 'application/json': { schema: IngestBody }, 'text/plain': { schema: RawText }, 'text/html': { schema: RawText } } },
        response: { 200: SaveBody, 201: SaveBody, ...errors(400, 401, 403, 413, 415, 422, 502, 503) },
      },
    },
    async (req, reply) => {
      const store = app.archive();
      let doc = documentFrom(req.body, req.headers['content-type'], 'api');
      if (doc.text === undefined && doc.html === undefined) {
        if (!doc.url) throw new ApiError('bad_request', 'body field "text" is required (or "html", or "url")');
        if (!opts.fetchPage) throw new ApiError('fetch_failed', 'this server does not fetch pages: send the page as "html" with its "url"');
        const fetched = await opts.fetchPage(doc.url);
        doc = { ...fetched, ...(doc.title ? { title: doc.title } : {}), ...(doc.published ? { published: doc.published } : {}), ...(doc.lang ? { lang: doc.lang } : {}) };
      }
      // The same path as `communique ingest`: a raw input seen before is not extracted again.
      const source = doc.url ?? 'api';
      const stored = await storeItem(store, { doc: { ...doc, source }, meta: { source, url: doc.url ?? null } });
      if (stored.status === 'failed') {
        const f = stored.failure!;
        if (f.code === 'internal') throw new Error(f.message);
        throw new ApiError('unreadable_document', `the document could not be read: ${f.message}`, f.code);
      }
      reply.status(stored.status === 'duplicate' ? 200 : 201);
      return { status: stored.status, dispatch: stored.dispatch!, events: stored.events ?? 0, href: `/api/dispatches/${stored.dispatch}` };
    },
  );
}
