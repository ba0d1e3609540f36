// Builds the HTTP app (API, OpenAPI document, browser app) around an archive; server.ts makes it listen.
// Tests build it with a store of their own and call `app.inject()`.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ArchiveRepository } from '../store/repository.ts';
import { storePlugin } from './plugins/store.ts';
import { authPlugin } from './plugins/auth.ts';
import { errorsPlugin, describeValidation } from './plugins/errors.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { webPlugin, DEFAULT_WEB_ROOT } from './plugins/web.ts';
import { eventsRoutes } from './routes/events.ts';
import { entityRoutes } from './routes/entities.ts';
import { relationRoutes } from './routes/relations.ts';
import { dispatchRoutes, type PageFetcher } from './routes/dispatches.ts';
import { searchRoutes } from './routes/search.ts';
import { extractRoutes } from './routes/extract.ts';
import { metaRoutes } from './routes/meta.ts';
import { outputSchema } from './schemas/dispatch.ts';
import { pageFetcher } from './fetch-page.ts';

/** Request bodies above this are refused with 413: a dispatch is a few kilobytes, a saved page rarely 1 MB. */
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

export interface AppOptions {
  /** The archive to answer from; null serves extraction only (archive routes answer 503). */
  store: ArchiveRepository | null;
  /** Write routes are on only with a token (COMMUNIQUE_TOKEN). */
  token?: string | null;
  /** The built browser app (index.html and assets); null or missing: a page saying how to build it. */
  webRoot?: string | null;
  bodyLimit?: number;
  /** How POST /api/dispatches fetches a URL given alone (default: the archive's HTTP client); null: never. */
  fetchPage?: PageFetcher | null;
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit,
    // Unknown query parameters are an error (a typo must not silently widen a query), not dropped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, verbose: true } },
    schemaErrorFormatter: (errors, part) => new Error(describeValidation(errors, part)),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addSchema(outputSchema());

  await app.register(errorsPlugin, { bodyLimit });
  await app.register(storePlugin, { store: opts.store });
  await app.register(authPlugin, { token: opts.token ?? null });
  await app.register(openapiPlugin);
  await app.register(webPlugin, { root: opts.webRoot === undefined ? DEFAULT_WEB_ROOT : opts.webRoot });

  // Raw documents: text/plain is read as a string by Fastify; text/html is read the same way.
  app.addContentTypeParser('text/html', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  await app.register(metaRoutes, { hasArchive: !!opts.store });
  await app.register(eventsRoutes);
  await app.register(entityRoutes);
  await app.register(relationRoutes);
  await app.register(dispatchRoutes, { fetchPage: opts.fetchPage === undefined ? pageFetcher() : opts.fetchPage });
  await app.register(searchRoutes);
  await app.register(extractRoutes);
  return app;
}
