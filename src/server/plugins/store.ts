// Data access as a plugin: the app is handed an ArchiveRepository (or none) and routes reach it through
// `app.archive()`. Nothing here or in the routes knows which store it is.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { ArchiveRepository } from '../../store/repository.ts';
import { ApiError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The archive, or a 503 `store_unavailable` when the server runs without one (extraction only). */
    archive(): ArchiveRepository;
  }
}

export const storePlugin = fp(
  async (app: FastifyInstance, opts: { store: ArchiveRepository | null }) => {
    const store = opts.store;
    app.decorate('archive', () => {
      if (!store) throw new ApiError('store_unavailable', 'this server has no archive: start it with --db PATH');
      return store;
    });
  },
  { name: 'communique-store' },
);
