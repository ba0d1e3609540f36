// POST /api/extract: the extraction of one document, live, without storing it (no token needed). The answer is
// exactly what `communique extract` prints for it (docs/output.md).
import type { FastifyInstance } from 'fastify';
import { DISPATCH_SCHEMA_ID, ExtractBody, RawText } from '../schemas/dispatch.ts';
import { errors } from '../schemas/common.ts';
import { documentFrom, extractDocument } from './documents.ts';

export async function extractRoutes(app: FastifyInstance) {
  app.post(
    '/api/extract',
    {
      schema: {
        tags: ['extraction'],
        summary: 'Extract one dispatch without storing it',
        description: 'Send JSON `{ "text": … }` (or `"html"`, with optional title, published, lang, id), or the document itself as text/plain or text/html.',
        body: { content: { 'application/json': { schema: ExtractBody }, 'text/plain': { schema: RawText }, 'text/html': { schema: RawText } } },
        response: { 200: { $ref: `${DISPATCH_SCHEMA_ID}#` }, ...errors(400, 413, 415, 422) },
      },
    },
    async (req) => extractDocument(documentFrom(req.body, req.headers['content-type'], 'api')),
  );
}
