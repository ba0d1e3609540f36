// `npm run bench:archive`: the archive on both stores, on the seeded generated corpus (bench/generate.ts, streamed).
//   1. Ingest throughput: SQLite in one process; PostgreSQL in one process and through the work queue with 1, 2 and
//      4 worker processes (from the first job started to the last finished, as pg-boss recorded them).
//   2. Query latency (p50/p95/p99) on archives of BENCH_ARCHIVE_EVENTS events (default "100000"; "100000,1000000"
//      measures at both sizes, the archive grown from one to the next) on each store: events between two actors,
//      full text, relation counts, events of a person.
// Prints a table and writes its part of bench/results.json. PostgreSQL: BENCH_PG, else COMMUNIQUE_TEST_PG (the role
// needs CREATEDB: each run makes its own databases and drops them); without either, `npm run bench` skips this part.
// A million events take the better part of an hour to ingest on two cores; BENCH_SQLITE_ARCHIVE (a file) and
// BENCH_PG_ARCHIVE (a URL) name archives to keep between runs: filled from the same generator (seed 5) when short,
// migrated when older, never dropped. BENCH_ARCHIVE_SKIP_INGEST=1 measures queries only.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generate, rng } from './generate.ts';
import { SqliteRepository } from '../src/store/sqlite/repository.ts';
import { PostgresRepository } from '../src/store/postgres/repository.ts';
import type { ArchiveRepository } from '../src/store/repository.ts';
import { storeItem } from '../src/archive/ingest.ts';
import { enqueue } from '../src/queue/enqueue.ts';
import { maskUrl } from '../src/store/postgres/connection.ts';
import { lastResults, saveResults } from './results.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const PG = process.env.BENCH_PG ?? process.env.COMMUNIQUE_TEST_PG ?? '';
const INGEST_DOCS = Number(process.env.BENCH_ARCHIVE_DOCS ?? 2000);
// "0" measures ingest alone (and keeps the last run's query figures).
const TARGETS = (process.env.BENCH_ARCHIVE_EVENTS ?? '100000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
const KEEP_SQLITE = process.env.BENCH_SQLITE_ARCHIVE ?? '';
const KEEP_PG = process.env.BENCH_PG_ARCHIVE ?? '';
const SKIP_INGEST = process.env.BENCH_ARCHIVE_SKIP_INGEST === '1';
const QUERIES = Number(process.env.BENCH_ARCHIVE_QUERIES ?? 300);
const WORKERS = [1, 2, 4];
const QUEUE_ENV = { COMMUNIQUE_QUEUE_POLL: '0.5', COMMUNIQUE_QUEUE_MAINTENANCE: '5', COMMUNIQUE_JOB_RETRY_DELAY: '1' };

if (!PG) {
  process.stderr.write('bench:archive needs a PostgreSQL server: set BENCH_PG or COMMUNIQUE_TEST_PG (e.g. postgres:///communique_test?host=/var/run/postgresql)\n');
  process.exit(process.argv.includes('--if-configured') ? 0 : 2);
}

const dir = mkdtempSync(join(tmpdir(), 'communique-bench-'));
const log = (s: string) => process.stderr.write(`${s}\n`);

async function freshDatabase(tag: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `communique_bench_${tag}_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG);
  u.pathname = `/${name}`;
  return {
    url: u.href,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function percentiles(xs: number[]): { p50: number; p95: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => Number((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0).toFixed(2));
  return { p50: at(50), p95: at(95), p99: at(99) };
}

const docItem = (d: ReturnType<typeof generate> extends Generator<infer T> ? T : never) => ({
  doc: { source: `gen:${d.id}`, id: d.id, text: d.text, published: d.published, lang: d.lang },
  meta: { source: `gen:${d.id}` },
});

/** Stores generated dispatches in one process, after the first `skip` (already stored), until `until` says stop. */
async function fill(repo: ArchiveRepository, seed: number, until: (docs: number, events: number) => boolean, start = { docs: 0, events: 0 }): Promise<{ docs: number; events: number; seconds: number }> {
  const t = performance.now();
  let docs = 0;
  let events = start.events;
  for (const d of generate(Number.MAX_SAFE_INTEGER, seed)) {
    if (docs < start.docs) {
      docs++;
      continue;
    }
    if (until(docs, events)) break;
    const r = await storeItem(repo, docItem(d));
    docs++;
    events += r.events ?? 0;
    if (docs % 5000 === 0) log(`  ${repo.kind}: ${docs} dispatches, ${events} events, ${Math.round((docs - start.docs) / ((performance.now() - t) / 1000))}/s`);
  }
  return { docs, events, seconds: (performance.now() - t) / 1000 };
}

function startWorker(url: string): Promise<number | null> {
  const script = `
    import { Command } from 'commander';
    import { registerWorker } from './src/cli/worker.ts';
    const program = new Command().exitOverride();
    registerWorker(program);
    await program.parseAsync(['node', 'communique', 'worker', '--db', ${JSON.stringify(url)}, '--drain', '--quiet']);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, env: { ...process.env, ...QUEUE_ENV }, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

async function queueIngest(workers: number, corpus: string): Promise<{ docsPerSecond: number; seconds: number }> {
  const db = await freshDatabase(`q${workers}`);
  try {
    const store = new PostgresRepository(db.url);
    await store.open();
    Object.assign(process.env, QUEUE_ENV);
    const q = await enqueue(store, [corpus]);
    await Promise.all(Array.from({ length: workers }, () => startWorker(db.url)));
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const r = (await c.query("SELECT extract(epoch FROM max(completed_on) - min(started_on)) AS s, count(*) FILTER (WHERE state = 'completed') AS n FROM pgboss.job WHERE name = 'communique-ingest'")).rows[0];
    await c.end();
    const stats = await store.stats();
    await store.close();
    if (Number(r.n) !== q.queued || stats.dispatches !== q.documents) throw new Error(`queue run incomplete: ${r.n} of ${q.queued} jobs, ${stats.dispatches} dispatches`);
    const seconds = Number(r.s);
    return { docsPerSecond: Math.round(q.documents / seconds), seconds: Number(seconds.toFixed(2)) };
  } finally {
    await db.drop();
  }
}

interface QuerySet {
  between: [string, string][];
  text: string[];
  sides: string[];
  persons: string[];
}

/** Query arguments drawn (seeded) from what the archive holds, the same for both stores. */
async function querySet(repo: ArchiveRepository): Promise<QuerySet> {
  const r = rng(99);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const sides = ['AZE', 'TUR', 'KAZ', 'QAT', 'PAK', 'KEN', 'JPN', 'CHL', 'DZA', 'MAR', 'SEN', 'VNM', 'BEL', 'NATO', 'EU'];
  const pairs: [string, string][] = [];
  for (const s of sides) for (const rel of await repo.relations(s)) pairs.push([s, rel.b]);
  const persons: string[] = [];
  for await (const e of repo.exportEntities({ kind: 'person', limit: 2000 })) {
    persons.push(e.name.split(' ').at(-1)!);
    if (persons.length >= 2000) break;
  }
  const words = ['énergétique', 'coopération', 'transport', '"sécurité régionale"', 'energy', '"regional transport links"', 'ministre', 'Brussels', 'visite', 'NATO', 'télépho*', 'situation'];
  return {
    between: Array.from({ length: QUERIES }, () => pick(pairs)),
    text: Array.from({ length: QUERIES }, () => (r() < 0.6 ? pick(words) : pick(persons))),
    sides: Array.from({ length: QUERIES }, () => pick(sides)),
    persons: Array.from({ length: QUERIES }, () => pick(persons)),
  };
}

async function latencies(repo: ArchiveRepository, qs: QuerySet) {
  const time = async <T>(args: T[], fn: (a: T) => Promise<unknown>) => {
    for (const a of args.slice(0, 10)) await fn(a); // warm caches
    const ms: number[] = [];
    for (const a of args) {
      const t = performance.now();
      await fn(a);
      ms.push(performance.now() - t);
    }
    return percentiles(ms);
  };
  return {
    eventsBetween: await time(qs.between, ([a, b]) => repo.events({ between: [a, b], since: '2016', limit: 100 })),
    fullText: await time(qs.text, (t) => repo.search(t, { limit: 20 })),
    relationCounts: await time(qs.sides, (s) => repo.relations(s, { top: 20 })),
    personEvents: await time(qs.persons, (p) => repo.events({ person: p, limit: 100 })),
  };
}

/** Fills the archives (or the kept ones) to each size in turn and measures the queries there. */
async function measureQueries(queries: Record<string, unknown>): Promise<void> {
  const sqlite = new SqliteRepository(KEEP_SQLITE || join(dir, 'large.db'));
  await sqlite.open();
  const db = KEEP_PG ? { url: KEEP_PG, drop: async () => {} } : await freshDatabase('large');
  const postgres = new PostgresRepository(db.url);
  await postgres.open();
  const sizes = { sqlite: await sqlite.stats(), postgres: await postgres.stats() };
  for (const target of TARGETS) {
    let s = { docs: sizes.sqlite.dispatches, events: sizes.sqlite.events };
    if (s.events < target) {
      const r = await fill(sqlite, 5, (_d, events) => events >= target, s);
      log(`sqlite archive: ${r.docs} dispatches, ${r.events} events (${r.seconds.toFixed(0)} s)`);
      s = { docs: r.docs, events: r.events };
      sizes.sqlite = await sqlite.stats();
    }
    if (sizes.postgres.dispatches < s.docs) {
      const r = await fill(postgres, 5, (docs) => docs >= s.docs, { docs: sizes.postgres.dispatches, events: sizes.postgres.events });
      log(`postgres archive: ${r.docs} dispatches, ${r.events} events (${r.seconds.toFixed(0)} s)`);
      sizes.postgres = await postgres.stats();
    }
    {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query('VACUUM ANALYZE'); // as autovacuum would have by then on a long-lived server
      await c.end();
    }
    const qs = await querySet(sqlite);
    for (const [name, repo] of [['sqlite', sqlite], ['postgres', postgres]] as const) {
      const key = `${name} at ${target}`;
      const { dispatches, events } = await repo.stats();
      queries[key] = { dispatches, events, ...(await latencies(repo, qs)) };
      log(`queries ${key}: ${JSON.stringify(queries[key])}`);
    }
  }
  await sqlite.close();
  await postgres.close();
  await db.drop();
}

async function main(): Promise<void> {
  log(`bench:archive on ${cpus().length} cores; PostgreSQL at ${maskUrl(PG)}`);
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cores: cpus().length, ingestDocuments: INGEST_DOCS };

  // 1. Ingest throughput.
  const corpus = join(dir, 'corpus.jsonl');
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(corpus);
    for (const d of generate(INGEST_DOCS, 21)) out.write(JSON.stringify({ id: d.id, published: d.published, lang: d.lang, text: d.text }) + '\n');
    out.end(resolve);
    out.on('error', reject);
  });
  const ingest: Record<string, { docsPerSecond: number; seconds: number }> = {};
  if (!SKIP_INGEST) {
    const s = new SqliteRepository(join(dir, 'ingest.db'));
    await s.open();
    const r = await fill(s, 21, (docs) => docs >= INGEST_DOCS);
    await s.close();
    ingest['sqlite, 1 process'] = { docsPerSecond: Math.round(r.docs / r.seconds), seconds: Number(r.seconds.toFixed(2)) };
    log(`ingest sqlite: ${ingest['sqlite, 1 process']!.docsPerSecond} docs/s`);
    const db = await freshDatabase('direct');
    const p = new PostgresRepository(db.url);
    await p.open();
    const rp = await fill(p, 21, (docs) => docs >= INGEST_DOCS);
    await p.close();
    await db.drop();
    ingest['postgres, 1 process (no queue)'] = { docsPerSecond: Math.round(rp.docs / rp.seconds), seconds: Number(rp.seconds.toFixed(2)) };
    log(`ingest postgres direct: ${ingest['postgres, 1 process (no queue)']!.docsPerSecond} docs/s`);
    for (const w of WORKERS) {
      ingest[`postgres, ${w} worker${w > 1 ? 's' : ''}`] = await queueIngest(w, corpus);
      log(`ingest postgres ${w} workers: ${ingest[`postgres, ${w} worker${w > 1 ? 's' : ''}`]!.docsPerSecond} docs/s`);
    }
  }

  // A run that skips a part keeps the last run's figures for it (a million events are measured on their own).
  const last = (lastResults('archive') ?? {}) as { ingest?: typeof ingest; ingestDocuments?: number; queries?: Record<string, unknown> };
  results.ingest = SKIP_INGEST ? (last.ingest ?? {}) : ingest;
  if (SKIP_INGEST) results.ingestDocuments = last.ingestDocuments ?? null;

  // 2. Query latency on large archives, the same corpus on both stores, grown from one size to the next.
  const queries: Record<string, unknown> = {};
  if (TARGETS.length) await measureQueries(queries);
  results.queries = { ...(last.queries ?? {}), ...queries };
  results.queriesPerKind = QUERIES;


  // The table.
  const lines: string[] = ['', `Ingest (${results.ingestDocuments} generated dispatches, ${cpus().length} cores)`, ''];
  lines.push('| store | dispatches/s | seconds |', '| --- | ---: | ---: |');
  for (const [k, v] of Object.entries(results.ingest as typeof ingest)) lines.push(`| ${k} | ${v.docsPerSecond} | ${v.seconds} |`);
  lines.push('', `Query latency in ms (p50 / p95 / p99), ${QUERIES} queries of each kind`, '');
  lines.push('| store | dispatches | events | between two actors | full text | relation counts | events of a person |', '| --- | ---: | ---: | --- | --- | --- | --- |');
  for (const [k, v] of Object.entries(results.queries as Record<string, unknown>) as [string, Record<string, { p50: number; p95: number; p99: number } | number>][]) {
    const f = (x: unknown) => {
      const p = x as { p50: number; p95: number; p99: number };
      return `${p.p50} / ${p.p95} / ${p.p99}`;
    };
    lines.push(`| ${k.split(' at ')[0]} | ${v.dispatches} | ${v.events} | ${f(v.eventsBetween)} | ${f(v.fullText)} | ${f(v.relationCounts)} | ${f(v.personEvents)} |`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  saveResults('archive', results);
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
