// One error handler for the whole API: every failure leaves as `{ "error": { "code", "message" } }` with a code
// from errors.ts. Validation messages name the parameter and what was expected, not the schema's internals.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { StoreError } from '../../store/repository.ts';
import { ApiError, errorBody, type ErrorCode } from '../errors.ts';
import { PATTERN_HELP } from '../schemas/common.ts';

type Part = 'body' | 'querystring' | 'params' | 'headers' | string;

const PART_NAME: Record<string, string> = { querystring: 'query parameter', params: 'path parameter', body: 'body field', headers: 'header' };

/** "query parameter 'since' must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not "2016/03"" */
export function describeValidation(errors: FastifySchemaValidationError[], part: Part): string {
  const e = errors[0] as FastifySchemaValidationError & { data?: unknown; parentSchema?: { properties?: Record<string, unknown> } };
  if (!e) return `invalid ${part}`;
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const what = PART_NAME[part] ?? part;
  const name = path ? `${what} "${path}"` : part === 'body' ? 'the body' : `the ${part}`;
  const got = typeof e.data === 'string' || typeof e.data === 'number' ? ` (got ${JSON.stringify(String(e.data).slice(0, 80))})` : '';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${what} "${path ? `${path}.` : ''}${p.missingProperty}" is required`;
    case 'additionalProperties': {
      const known = Object.keys(e.parentSchema?.properties ?? {});
      return `unknown ${what} "${p.additionalProperty}"${known.length ? `; known: ${known.join(', ')}` : ''}`;
    }
    case 'enum':
      return `${name} must be one of ${(p.allowedValues as unknown[]).join(', ')}${got}`;
    case 'pattern':
      return `${name} must be ${PATTERN_HELP[String(p.pattern)] ?? `text matching ${p.pattern}`}${got}`;
    case 'type':
      return `${name} must be ${p.type === 'integer' ? 'a whole number' : `of type ${p.type}`}${got}`;
    case 'minimum':
    case 'maximum':
      return `${name} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${p.limit}${got}`;
    case 'minLength':
      return p.limit === 1 ? `${name} must not be empty` : `${name} must have at least ${p.limit} characters`;
    case 'maxLength':
      return `${name} must have at most ${p.limit} characters`;
    case 'minProperties':
    case 'anyOf':
    case 'oneOf':
      return `${name} ${e.message ?? 'is not valid'}`;
    default:
      return `${name} ${e.message ?? 'is not valid'}`;
  }
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_json',
};

const STATUS_CODES: Record<number, ErrorCode> = { 400: 'bad_request', 401: 'unauthorized', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type' };

export const errorsPlugin = fp(
  async (app: FastifyInstance, opts: { bodyLimit: number }) => {
    app.setErrorHandler((err: FastifyError | ApiError | StoreError | Error, req, reply) => {
      if (err instanceof ApiError) return reply.status(err.status).send(errorBody(err.code, err.message, err.reason));
      if (err instanceof StoreError) {
        if (err.code === 'bad_request') return reply.status(400).send(errorBody('bad_request', err.message));
        if (err.code === 'not_found') return reply.status(404).send(errorBody('not_found', err.message));
        req.log.error({ err }, 'archive error');
        return reply.status(503).send(errorBody('store_unavailable', err.message));
      }
      const fe = err as FastifyError;
      if (fe.validation) return reply.status(400).send(errorBody('bad_request', fe.message));
      const code = FASTIFY_CODES[fe.code ?? ''];
      if (code === 'payload_too_large') return reply.status(413).send(errorBody(code, `the body is larger than this server accepts (${opts.bodyLimit} bytes)`));
      if (code === 'bad_json') return reply.status(400).send(errorBody(code, `the body is not valid JSON: ${fe.message.replace(/^Body is not valid JSON but content-type is set to 'application\/json'$/, 'it could not be parsed')}`));
      if (code === 'unsupported_media_type') return reply.status(415).send(errorBody(code, `this route reads application/json (or text/plain, text/html where documented), not ${req.headers['content-type'] ?? 'a body without a content type'}`));
      const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
      if (status < 500) return reply.status(status).send(errorBody(code ?? STATUS_CODES[status] ?? 'bad_request', fe.message));
      req.log.error({ err }, 'internal error');
      return reply.status(500).send(errorBody('internal', 'the server failed on this request; the error was logged'));
    });

    app.setNotFoundHandler((req, reply) => {
      reply.status(404).send(errorBody('no_route', `no route ${req.method} ${req.url.split('?')[0]}; the API is described at /api/openapi.json`));
    });
  },
  { name: 'communique-errors' },
);
