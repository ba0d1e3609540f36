// Write routes: off unless the server was given a token (COMMUNIQUE_TOKEN), then only with
// `Authorization: Bearer <token>`. Checked on request, before the body is read, so an unauthorised client cannot
// make the server read a large body.
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    requireWriteToken(req: FastifyRequest, reply: FastifyReply): Promise<void>;
    readonly writesEnabled: boolean;
  }
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { token: string | null }) => {
    const expected = opts.token ? digest(opts.token) : null;
    app.decorate('writesEnabled', expected !== null);
    app.decorate('requireWriteToken', async (req: FastifyRequest, reply: FastifyReply) => {
      if (!expected) throw new ApiError('writes_disabled', 'writing to the archive is off: start the server with COMMUNIQUE_TOKEN set');
      const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      // Compare digests, not strings: same length, constant time.
      if (!m || !timingSafeEqual(digest(m[1]!), expected)) {
        reply.header('www-authenticate', 'Bearer realm="communique"');
        throw new ApiError('unauthorized', m ? 'the token is not the one this server was started with' : 'this route needs "Authorization: Bearer <token>" (the COMMUNIQUE_TOKEN the server was started with)');
      }
    });
  },
  { name: 'communique-auth' },
);
