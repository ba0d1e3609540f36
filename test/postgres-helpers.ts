// Shared by the PostgreSQL and contract tests: the server named by COMMUNIQUE_TEST_PG, a throwaway database per
// suite, and canonical (id-free) dumps of an archive to compare two stores or two runs.
//
// Under CI (CI=true) an unreachable server fails the suite: the PostgreSQL tests must run there. Locally they are
// skipped with the reason when COMMUNIQUE_TEST_PG is unset or its server does not answer.
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { ArchiveEntity, ArchiveEvent, ArchiveRepository, StoredDispatch } from '../src/store/repository.ts';
import { maskUrl } from '../src/store/postgres/connection.ts';

export const TEST_PG = process.env.COMMUNIQUE_TEST_PG ?? '';
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/** Why the PostgreSQL tests cannot run here, or null when they can. Throws under CI instead of skipping. */
export async function pgSkipReason(): Promise<string | null> {
  let reason: string | null = null;
  if (!TEST_PG) reason = 'COMMUNIQUE_TEST_PG is not set (e.g. postgres:///communique_test?host=/var/run/postgresql)';
  else {
    const c = new pg.Client({ connectionString: TEST_PG, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
    } catch (e) {
      reason = `no PostgreSQL server answers at ${maskUrl(TEST_PG)}: ${(e as Error).message}`;
    } finally {
      await c.end().catch(() => {});
    }
  }
  if (reason && IN_CI) throw new Error(`PostgreSQL tests must run under CI: ${reason}`);
  if (reason) process.stderr.write(`# skipping PostgreSQL tests: ${reason}\n`);
  return reason;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.href;
}

/** A new empty database on the test server (the test role needs CREATEDB); `drop` removes it. */
export async function freshDatabase(tag: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `communique_t_${tag.replace(/\W/g, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`); // name built from [a-z0-9_] only
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(TEST_PG, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

// ---------------------------------------------------------------- canonical dumps

/** Timestamps of when things were stored differ between two runs; everything else must not. */
export function withoutClock<T>(v: T): T {
  return JSON.parse(JSON.stringify(v, (k, x) => (k === 'ingestedAt' || k === 'at' ? undefined : x)));
}

/** Every dispatch of an archive by id (1..max, revisions included), found by walking ids until `want` are seen. */
export async function allDispatches(repo: ArchiveRepository, opts: { text?: boolean } = {}): Promise<StoredDispatch[]> {
  const s = await repo.stats();
  const want = s.dispatches + s.revisions;
  const out: StoredDispatch[] = [];
  for (let id = 1, misses = 0; out.length < want && misses < 10_000; id++) {
    const d = await repo.getDispatch(id, opts);
    if (d) out.push(d);
    else misses++;
  }
  return out;
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** An archive as the user sees it, with its ids: equal for two stores fed the same dispatches in the same order. */
export async function fullDump(repo: ArchiveRepository) {
  const entities = await collect(repo.exportEntities({}));
  const events = await collect(repo.exportEvents({}));
  const sides = [...new Set(events.flatMap((e) => e.participants.map((p) => p.side)).filter((s): s is string => !!s))].sort();
  const relations: Record<string, unknown> = {};
  for (const s of sides) relations[s] = await repo.relations(s);
  const merges: Record<number, unknown> = {};
  for (const e of entities) merges[e.id] = await repo.mergeHistory(e.id);
  return withoutClock({ stats: await repo.stats(), dispatches: await allDispatches(repo, { text: true }), entities, merges, events, relations });
}

/** A name for an archive entity that does not depend on its id: its kind and every name form it has. */
function entityKey(e: Pick<ArchiveEntity, 'kind' | 'names'>): string {
  return `${e.kind}:${e.names.map((n) => n.name).sort().join('|')}`;
}

/** An archive without ids or order of arrival: what two runs that stored the same dispatches in different orders,
 *  or on different stores, must agree on. Dispatches by text hash, entities by their name forms, events by their
 *  dispatch and local id, story clusters as sets of text hashes, each contact counted once. Left out, because the
 *  order of arrival alone decides them: which of two inputs with one text is the dispatch's source (the other is a
 *  sighting) and which of two copies differing in white space only is kept, which report of a contact is the
 *  counted one, and the language of a name form two languages share. */
export async function canonicalDump(repo: ArchiveRepository) {
  const dispatches = await allDispatches(repo);
  const hashOf = new Map(dispatches.map((d) => [d.id, d.textHash]));
  const entities = await collect(repo.exportEntities({}));
  const keyOf = new Map(entities.map((e) => [e.id, entityKey(e)]));
  const stories = new Map<number, string[]>();
  for (const d of dispatches.filter((x) => x.current)) stories.set(d.story, [...(stories.get(d.story) ?? []), d.textHash].sort());
  const events = await collect(repo.exportEvents({}));
  const bySignature = new Map<string, ArchiveEvent[]>();
  for (const e of events) bySignature.set(e.signature, [...(bySignature.get(e.signature) ?? []), e]);
  const canonEvent = (e: ArchiveEvent) => ({
    dispatch: hashOf.get(e.dispatch.id),
    mode: e.mode, type: e.type, ploverMode: e.ploverMode, cameo: e.cameo, date: e.date, planned: e.planned, background: e.background, confidence: e.confidence,
    participants: e.participants.map((p) => ({ entity: keyOf.get(p.entity), asWritten: p.asWritten, kind: p.kind, side: p.side, role: p.role })),
    location: e.location ? { entity: keyOf.get(e.location.entity), code: e.location.code } : null,
    // Two copies of one text that differ in white space only are one dispatch, kept as the first copy read: the
    // evidence is compared as words, without offsets.
    topics: e.topics, evidence: e.evidence.map((x) => x.text.replace(/\s+/g, ' ')), reports: e.reports,
    // Which report of a contact counts may differ with the order of arrival; that exactly one does may not.
    countedInGroup: bySignature.get(e.signature)!.filter((x) => x.counted).length,
    dispatchMeta: { url: e.dispatch.url, title: e.dispatch.title, published: e.dispatch.published, lang: e.dispatch.lang, revision: e.dispatch.revision },
  });
  const sortJson = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    stats: await repo.stats(),
    dispatches: sortJson(dispatches.map((d) => ({ textHash: d.textHash, url: d.url, revision: d.revision, current: d.current, supersededBy: d.supersededBy ? hashOf.get(d.supersededBy) : null, lang: d.lang, title: d.title, published: d.published, agency: d.agency, docId: d.docId, feed: d.feed }))),
    stories: sortJson([...stories.values()]),
    // A name form's language is the language of the first dispatch that used it: the order of arrival, not the
    // archive's content, decides it when two languages share a form ("Ankara"), so it is left out here.
    entities: sortJson(entities.map((e) => ({ key: entityKey(e), name: e.name, code: e.code, country: e.country, org: e.org, names: e.names.map(({ lang: _lang, ...n }) => n), titles: e.titles, dispatches: e.dispatches, firstSeen: e.firstSeen, lastSeen: e.lastSeen }))),
    events: sortJson(events.map(canonEvent)),
  };
}

/** What differs between two canonical dumps, briefly (up to `max` lines per section): empty when they agree. */
export function dumpDifferences(a: Awaited<ReturnType<typeof canonicalDump>>, b: Awaited<ReturnType<typeof canonicalDump>>, max = 5): string[] {
  const out: string[] = [];
  if (JSON.stringify(a.stats) !== JSON.stringify(b.stats)) out.push(`stats: ${JSON.stringify(a.stats)} vs ${JSON.stringify(b.stats)}`);
  for (const k of ['dispatches', 'stories', 'entities', 'events'] as const) {
    const sa = new Set(a[k]);
    const sb = new Set(b[k]);
    const onlyA = a[k].filter((x) => !sb.has(x));
    const onlyB = b[k].filter((x) => !sa.has(x));
    for (const x of onlyA.slice(0, max)) out.push(`${k} only in the first: ${x}`);
    for (const x of onlyB.slice(0, max)) out.push(`${k} only in the second: ${x}`);
    if (onlyA.length + onlyB.length > 2 * max) out.push(`${k}: ${onlyA.length} + ${onlyB.length} differences in all`);
  }
  return out;
}
