// GET /api/status: whether the server has an archive, its counts, whether writes are on.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { Nullable } from '../schemas/common.ts';
import { API_VERSION } from '../plugins/openapi.ts';

export const StatusBody = Type.Object({
  version: Type.String(),
  archive: Type.Boolean({ description: 'Whether the server reads an archive (else only /api/extract works).' }),
  writes: Type.Boolean({ description: 'Whether write routes are on (the server has a token).' }),
  stats: Nullable(Type.Object({ dispatches: Type.Integer(), revisions: Type.Integer(), events: Type.Integer(), entities: Type.Integer(), stories: Type.Integer() })),
});

export async function metaRoutes(app: FastifyInstance, opts: { hasArchive: boolean }) {
  app.get('/api/status', { schema: { tags: ['meta'], summary: 'Server status and archive counts', response: { 200: StatusBody } } }, async () => ({
    version: API_VERSION,
    archive: opts.hasArchive,
    writes: app.writesEnabled,
    stats: opts.hasArchive ? await app.archive().stats() : null,
  }));
}
