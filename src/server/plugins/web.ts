// The browser app, built by Vite into dist/app and served by the same process (no CDN: it works offline).
// Hashed assets are cached for good; index.html never, so a rebuild is picked up at once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { escapeHtml } from './openapi.ts';

/** Where `vite build` puts the app: dist/app at the package root, from src/server/plugins or dist/server/plugins. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist/app/', import.meta.url));

export function webAppBuilt(root: string | null | undefined): root is string {
  return !!root && existsSync(join(root, 'index.html'));
}

// No inline script or style anywhere in the app: a dispatch's text can never become code, whatever slips through.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const webPlugin = fp(
  async (app: FastifyInstance, opts: { root: string | null }) => {
    app.addHook('onSend', async (_req, reply, payload) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('x-frame-options', 'DENY');
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      return payload;
    });

    if (webAppBuilt(opts.root)) {
      await app.register(fastifyStatic, {
        root: opts.root,
        prefix: '/',
        index: ['index.html'],
        wildcard: true,
        cacheControl: false,
        setHeaders(reply, path) {
          reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
      return;
    }
    // Without a build the API still works; the page says how to get the app.
    app.get('/', { schema: { hide: true, response: { 200: Type.String() } } }, async (_req, reply) => {
      reply.type('text/html; charset=utf-8');
      return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Communiqué</title></head><body>
<h1>Communiqué</h1><p>The web app is not built (${escapeHtml(opts.root ?? 'no web root')} has no index.html): run <code>npm run build</code>.</p>
<p>The API is up: <a href="/api/docs">/api/docs</a>.</p></body></html>`;
    });
  },
  { name: 'communique-web' },
);
