// Connecting to a team's PostgreSQL: the URL (or the libpq environment: PGHOST, PGUSER, PGPASSWORD…) is the only
// source of credentials, and no message ever shows a password. Pool size and statement timeout are bounded so
// that many workers on many machines cannot exhaust the server.
import { userInfo } from 'node:os';
import pg from 'pg';
import { StoreError } from '../repository.ts';

// As libpq does, a URL without a user name (postgres:///communique) connects as the operating system's user; pg
// would otherwise take it from $USER alone, which services and CI often leave unset.
if (!pg.defaults.user) {
  try {
    pg.defaults.user = userInfo().username;
  } catch {
    /* no user entry: pg reports the missing user name itself */
  }
}

/** Connections one process keeps open; a worker with --concurrency N needs about N + 1. */
export const DEFAULT_POOL_MAX = 4;
/** No single query may hold a connection longer than this (ms): a runaway query fails, the archive stays usable. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
/** A transaction left idle (a crashed client) is ended by the server after this (ms), releasing its locks. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;
const CONNECT_TIMEOUT_MS = 10_000;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

/** "postgres://user:secret@host/db?password=x" → "postgres://user:***@host/db?password=***". */
export function maskUrl(url: string): string {
  return url
    .replace(/^([a-z][\w+.-]*:\/\/[^:/@?#]*:)[^@/?#]*@/i, '$1***@')
    .replace(/([?&](?:password|sslpassword|sslkey)=)[^&#]*/gi, '$1***');
}

/** Every secret that could show in a message about this URL: its password, the environment's. */
function secretsOf(url: string, env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  const m = /^[a-z][\w+.-]*:\/\/[^:/@?#]*:([^@/?#]*)@/i.exec(url);
  if (m?.[1]) {
    out.push(m[1]);
    try {
      out.push(decodeURIComponent(m[1]));
    } catch {
      /* not percent-encoded */
    }
  }
  const q = /[?&]password=([^&#]*)/i.exec(url);
  if (q?.[1]) out.push(q[1], decodeURIComponent(q[1]));
  if (env.PGPASSWORD) out.push(env.PGPASSWORD);
  return [...new Set(out.filter((s) => s.length >= 3))].sort((a, b) => b.length - a.length);
}

/** A message with the URL masked and any password it may contain replaced. */
export function maskMessage(message: string, url: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = message.split(url).join(maskUrl(url));
  for (const s of secretsOf(url, env)) out = out.split(s).join('***');
  return out;
}

export interface PoolOptions {
  max?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
}

function positiveInt(v: string | undefined, what: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new StoreError('bad_location', `${what} must be a positive whole number, not "${v}"`);
  return n;
}

// bigint ids and counts come back as numbers: archive ids stay far below 2^53.
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

/** A pool for one archive URL. COMMUNIQUE_PG_POOL and COMMUNIQUE_PG_STATEMENT_TIMEOUT (ms) override the defaults. */
export function createPool(url: string, opts: PoolOptions = {}, env: NodeJS.ProcessEnv = process.env): pg.Pool {
  const max = opts.max ?? positiveInt(env.COMMUNIQUE_PG_POOL, 'COMMUNIQUE_PG_POOL') ?? DEFAULT_POOL_MAX;
  const statementTimeout = opts.statementTimeoutMs ?? positiveInt(env.COMMUNIQUE_PG_STATEMENT_TIMEOUT, 'COMMUNIQUE_PG_STATEMENT_TIMEOUT') ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max,
    statement_timeout: statementTimeout,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
    application_name: opts.applicationName ?? 'communique',
    types,
  });
  // An idle connection that the server drops must not crash the process: the pool replaces it.
  pool.on('error', () => {});
  return pool;
}

/** A pg error as a StoreError whose message names the archive with its credentials masked. */
export function storeErrorOf(e: unknown, url: string): Error {
  if (e instanceof StoreError) return e;
  const err = e as { code?: string; message?: string };
  const msg = maskMessage(String(err.message ?? e), url);
  const where = maskUrl(url);
  const code = err.code ?? '';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ENOENT', 'EHOSTUNREACH', '57P03', '3D000', '28P01', '28000'].includes(code) || /timeout exceeded when trying to connect|Connection terminated/i.test(msg)) {
    return new StoreError('unavailable', `cannot reach the PostgreSQL archive ${where}: ${msg}`);
  }
  if (code === '57014') return new StoreError('unavailable', `a query on ${where} ran past the statement timeout and was cancelled (${msg})`);
  const out = new Error(`PostgreSQL archive ${where}: ${msg}`) as Error & { code?: string };
  out.code = code;
  return out;
}
