// GET /api/search?q=: full text over the dispatches (accents and case do not matter), with snippets and each
// dispatch's events; the first page also lists entities whose names match, for the instant search box.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ArchiveEntity, ArchiveEvent, StoredDispatch } from '../schemas/archive.ts';
import { Cursor, Next, errors } from '../schemas/common.ts';

const ENTITY_MATCHES = 8;

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 500, description: 'Words (all must occur), "quoted phrases", word* for a prefix.' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);

const SnippetPart = Type.Object({ text: Type.String(), hit: Type.Boolean() });

export const SearchBody = Type.Object({
  items: Type.Array(
    Type.Object({
      dispatch: StoredDispatch,
      snippet: Type.String({ description: 'The matching passage; matches between [ and ].' }),
      parts: Type.Array(SnippetPart, { description: 'The same passage cut into plain text and matches, to render without parsing.' }),
      rank: Type.Number(),
      events: Type.Array(ArchiveEvent),
    }),
  ),
  next: Next,
  entities: Type.Array(ArchiveEntity, { description: 'Entities whose names match (first page only).' }),
});

/** The store marks matches as [match] in snippets (see ArchiveRepository.search). */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  const re = /\[([^\[\]]*)\]/g;
  let at = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > at) parts.push({ text: snippet.slice(at, m.index), hit: false });
    if (m[1]) parts.push({ text: m[1], hit: true });
    at = m.index + m[0].length;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), hit: false });
  return parts;
}

export async function searchRoutes(app: FastifyInstance) {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/search',
    {
      schema: {
        tags: ['dispatches'],
        summary: 'Full-text search over the dispatches, with snippets and their events',
        querystring: SearchQuery,
        response: { 200: SearchBody, ...errors(400, 503) },
      },
    },
    async (req) => {
      const store = app.archive();
      const { q, limit, cursor } = req.query;
      const [page, entities] = await Promise.all([
        store.search(q, { limit, cursor: cursor ?? null }),
        cursor ? Promise.resolve({ items: [] }) : store.entities({ name: q.replace(/["*]/g, ' ').trim() || q, limit: ENTITY_MATCHES }),
      ]);
      return {
        items: page.items.map((h) => ({ ...h, parts: snippetParts(h.snippet) })),
        next: page.next,
        entities: entities.items,
      };
    },
  );
}
