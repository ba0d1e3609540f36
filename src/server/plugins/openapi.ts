// The OpenAPI document, generated from the routes' own schemas (so it cannot drift from what is validated), served
// at /api/openapi.json, and a docs page at /api/docs rendered from it on the server: no script, works offline.
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { DISPATCH_SCHEMA_ID } from '../schemas/dispatch.ts';

export const API_VERSION = '1.0.0';

export const openapiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      // The output contract is the one shared schema: name it for what it is, not "def-0".
      refResolver: { buildLocalReference: (json, _base, _fragment, i) => (json.$id === DISPATCH_SCHEMA_ID ? 'Dispatch' : `def-${i}`) },
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Communiqué API',
          version: API_VERSION,
          description:
            'Diplomatic contact events extracted from news dispatches, with the evidence sentence of every fact. ' +
            'Reading routes are open; write routes need `Authorization: Bearer <COMMUNIQUE_TOKEN>` and are off when the server has no token. ' +
            'Errors are `{ "error": { "code", "message" } }` with the codes listed in docs/api.md.',
        },
        tags: [
          { name: 'events', description: 'Contacts between actors' },
          { name: 'entities', description: 'Persons, states and organisations across the archive' },
          { name: 'dispatches', description: 'The dispatches and their evidence' },
          { name: 'extraction', description: 'Extraction without storing' },
          { name: 'meta', description: 'The server itself' },
        ],
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'COMMUNIQUE_TOKEN' } } },
      },
    });

    app.get('/api/openapi.json', { schema: { hide: true, response: { 200: Type.Object({}, { additionalProperties: true }) } } }, async () => app.swagger());

    app.get('/api/docs', { schema: { hide: true, response: { 200: Type.String() } } }, async (_req, reply) => {
      reply.type('text/html; charset=utf-8');
      return docsPage(app.swagger() as OpenApiDoc);
    });
    app.get('/api/docs.css', { schema: { hide: true, response: { 200: Type.String() } } }, async (_req, reply) => {
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600');
      return DOCS_CSS;
    });
  },
  { name: 'communique-openapi' },
);

interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string }>;
}
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function shape(s: JsonSchema | undefined): string {
  if (!s) return '';
  if (s.enum) return s.enum.map(String).join(' | ');
  if (s.anyOf) return s.anyOf.map(shape).join(' | ');
  let out = Array.isArray(s.type) ? s.type.join(' | ') : s.type ?? 'any';
  if (s.type === 'array' && s.items) out = `${shape(s.items)}[]`;
  const notes: string[] = [];
  if (s.pattern) notes.push(`pattern ${s.pattern}`);
  if (s.minimum !== undefined) notes.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) notes.push(`≤ ${s.maximum}`);
  if (s.maxLength !== undefined) notes.push(`≤ ${s.maxLength} chars`);
  if (s.default !== undefined) notes.push(`default ${JSON.stringify(s.default)}`);
  return notes.length ? `${out} (${notes.join(', ')})` : out;
}

/** Everything from the document is escaped: descriptions are ours, but the page must not trust any string. */
export function docsPage(doc: OpenApiDoc): string {
  const e = escapeHtml;
  const ops: string[] = [];
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const anchor = `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-');
      toc.push(`<li><a href="#${e(anchor)}"><code>${e(method.toUpperCase())} ${e(path)}</code></a> ${e(op.summary ?? '')}</li>`);
      const params = (op.parameters ?? []).map(
        (p) => `<tr><td><code>${e(p.name)}</code></td><td>${e(p.in)}</td><td>${p.required ? 'yes' : ''}</td><td><code>${e(shape(p.schema))}</code></td><td>${e(p.description ?? p.schema?.description ?? '')}</td></tr>`,
      );
      const body = Object.entries(op.requestBody?.content ?? {}).map(([type, c]) => {
        const props = Object.entries(c.schema?.properties ?? {}).map(
          ([name, s]) => `<tr><td><code>${e(name)}</code></td><td>${c.schema?.required?.includes(name) ? 'yes' : ''}</td><td><code>${e(shape(s))}</code></td><td>${e(s.description ?? '')}</td></tr>`,
        );
        return `<h4>Body: <code>${e(type)}</code></h4>${props.length ? `<table><thead><tr><th>field</th><th>required</th><th>type</th><th>meaning</th></tr></thead><tbody>${props.join('')}</tbody></table>` : `<p><code>${e(shape(c.schema))}</code></p>`}`;
      });
      const responses = Object.entries(op.responses ?? {}).map(([status, r]) => `<li><code>${e(status)}</code> ${e(r.description ?? '')}</li>`);
      ops.push(`<section id="${e(anchor)}">
<h3><span class="method ${e(method)}">${e(method.toUpperCase())}</span> <code>${e(path)}</code>${op.security?.length ? ' <span class="lock">token</span>' : ''}</h3>
${op.summary ? `<p><strong>${e(op.summary)}</strong></p>` : ''}${op.description ? `<p>${e(op.description)}</p>` : ''}
${params.length ? `<table><thead><tr><th>parameter</th><th>in</th><th>required</th><th>type</th><th>meaning</th></tr></thead><tbody>${params.join('')}</tbody></table>` : ''}
${body.join('')}
<h4>Responses</h4><ul>${responses.join('')}</ul>
</section>`);
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(doc.info.title)} ${e(doc.info.version)}</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><main>
<h1>${e(doc.info.title)} <small>${e(doc.info.version)}</small></h1>
<p>${e(doc.info.description ?? '')}</p>
<p><a href="/api/openapi.json">OpenAPI document (JSON)</a> · <a href="/">Back to the app</a></p>
<h2>Routes</h2><ul class="toc">${toc.join('')}</ul>
${ops.join('\n')}
</main></body></html>`;
}

const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}
main{max-width:960px;margin:0 auto;padding:1rem}
h3{border-top:1px solid #ccd;padding-top:1rem}
table{border-collapse:collapse;width:100%;font-size:14px;display:block;overflow-x:auto}
th,td{border:1px solid #ccd;padding:.25rem .5rem;text-align:left;vertical-align:top}
code{font:13px ui-monospace,monospace;overflow-wrap:anywhere}
.method{display:inline-block;min-width:4em;text-align:center;border-radius:4px;color:#fff;background:#245;padding:0 .4em}
.method.post{background:#274}
.lock{font-size:12px;border:1px solid #a60;color:#a60;border-radius:4px;padding:0 .3em}
a{color:#0b4f9c}`;
