// The PostgreSQL store's own duties: credentials never shown, bounded pools and statements, migrations applied
// once by concurrent openers, concurrent writers that lose nothing and duplicate nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot } from './helpers.ts';
import { extract } from '../src/pipeline/extract.ts';
import { PostgresRepository } from '../src/store/postgres/repository.ts';
import { createPool, maskMessage, maskUrl, storeErrorOf } from '../src/store/postgres/connection.ts';
import { tsQueryText } from '../src/store/postgres/sql.ts';
import { StoreError } from '../src/store/repository.ts';
import { searchTerms } from '../src/store/common.ts';
import { readInputs } from '../src/stages/ingest/sources.ts';
import { freshDatabase, pgSkipReason } from './postgres-helpers.ts';

const pgSkip = await pgSkipReason();

describe('postgres: credentials are never shown', () => {
  const cases: [string, string][] = [
    ['postgres://analyst:s3cr3t@db.example/communique', 'postgres://analyst:***@db.example/communique'],
    ['postgresql://analyst:p%40ss@db.example:5433/communique?sslmode=require', 'postgresql://analyst:***@db.example:5433/communique?sslmode=require'],
    ['postgres://db.example/communique?user=analyst&password=s3cr3t', 'postgres://db.example/communique?user=analyst&password=***'],
    ['postgres:///communique?host=/var/run/postgresql', 'postgres:///communique?host=/var/run/postgresql'],
  ];
  for (const [url, masked] of cases) it(`masks ${masked}`, () => assert.equal(maskUrl(url), masked));

  it('masks the password wherever a message repeats it, the environment one included', () => {
    const url = 'postgres://analyst:s3cr3t@db.example/communique';
    assert.equal(maskMessage(`could not connect to ${url} as analyst with s3cr3t`, url, {}), 'could not connect to postgres://analyst:***@db.example/communique as analyst with ***');
    assert.equal(maskMessage('auth failed for pw hunter22', 'postgres:///x', { PGPASSWORD: 'hunter22' }), 'auth failed for pw ***');
  });

  it('turns an unreachable server into a StoreError naming the masked location', async () => {
    const url = 'postgres://analyst:s3cr3t@127.0.0.1:1/communique';
    const repo = new PostgresRepository(url);
    const e = await repo.open().then(() => null, (x: unknown) => x);
    assert.ok(e instanceof StoreError && e.code === 'unavailable', String(e));
    assert.match(e.message, /postgres:\/\/analyst:\*\*\*@127\.0\.0\.1:1\/communique/);
    assert.doesNotMatch(e.message, /s3cr3t/);
    assert.equal(repo.location, 'postgres://analyst:***@127.0.0.1:1/communique');
  });

  it('reads pool limits and statement timeouts from the environment, refusing nonsense', () => {
    const pool = createPool('postgres:///x', {}, { COMMUNIQUE_PG_POOL: '7', COMMUNIQUE_PG_STATEMENT_TIMEOUT: '1500' });
    assert.equal((pool as unknown as { options: { max: number; statement_timeout: number } }).options.max, 7);
    assert.equal((pool as unknown as { options: { statement_timeout: number } }).options.statement_timeout, 1500);
    void pool.end();
    assert.throws(() => createPool('postgres:///x', {}, { COMMUNIQUE_PG_POOL: '0' }), /COMMUNIQUE_PG_POOL/);
  });

  it('names a cancelled statement for what it is', () => {
    const e = storeErrorOf(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }), 'postgres://a:b@h/d');
    assert.ok(e instanceof StoreError && e.code === 'unavailable');
    assert.match(e.message, /statement timeout/);
  });
});

describe('postgres: search queries are built from words only', () => {
  const table: [string, string][] = [
    ['sécurité énergétique', 'sécurité & énergétique'],
    ['"transport links" Baku', '(transport <-> links) & Baku'],
    ['énergé*', 'énergé:*'],
    ["l'Alliance", '(l <-> Alliance)'],
    ['a & b | !c <-> (d):*', 'a & b & c & d:*'],
  ];
  for (const [input, expected] of table) it(`${input} → ${expected}`, () => assert.equal(tsQueryText(searchTerms(input)), expected));
});

describe('postgres: concurrent openers and writers', { skip: pgSkip ?? false }, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const repos: PostgresRepository[] = [];
  before(async () => {
    db = await freshDatabase('store');
  });
  after(async () => {
    for (const r of repos) await r.close();
    await db?.drop();
  });

  it('applies each migration once when several processes open a new archive at once', async () => {
    for (let i = 0; i < 4; i++) repos.push(new PostgresRepository(db.url, { max: 3 }));
    const reports = await Promise.all(repos.map((r) => r.open()));
    // Each migration applied by exactly one of them (not always the same one).
    assert.deepEqual(reports.flatMap((r) => r.applied).sort(), ['0001_init', '0002_side_pairs']);
    assert.ok(reports.every((r) => r.to === 2));
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    assert.deepEqual((await c.query('SELECT version FROM schema_migrations ORDER BY version')).rows, [{ version: 1 }, { version: 2 }]);
    await c.end();
  });

  it('stores each dispatch once and each entity once when writers race', async () => {
    const docs = [];
    for await (const it of readInputs([join(repoRoot, 'test', 'fixtures', 'contract', 'corpus')], { format: 'auto' })) if (it.doc) docs.push(extract(it.doc));
    // Every writer saves every dispatch, each in its own order: all at once.
    const outcomes = await Promise.all(
      repos.map(async (r, i) => {
        const mine = i % 2 ? [...docs].reverse() : docs;
        const out = [];
        for (const d of mine) out.push(await r.saveDispatch(d, { source: `writer-${i}` }));
        return out;
      }),
    );
    const statuses = outcomes.flat().map((o) => o.status);
    assert.equal(statuses.filter((s) => s === 'new').length, 10, 'ten distinct texts');
    assert.equal(statuses.filter((s) => s === 'duplicate').length, 4 * 11 - 10);
    const stats = await repos[0]!.stats();
    assert.equal(stats.dispatches, 10);
    // One entity per real-world one: the two forms of each person joined, OTAN and NATO one organisation.
    const persons = await repos[1]!.entities({ kind: 'person' });
    assert.deepEqual(persons.items.map((e) => e.names.length).sort(), [2, 2, 2, 1].sort());
    assert.equal((await repos[2]!.entities({ kind: 'organization' })).items.length, 1);
    assert.equal((await repos[3]!.findEntities('NATO')).length, 1);
  });
});

describe('postgres: migration 0002 on an archive made before it', { skip: pgSkip ?? false }, () => {
  it('fills side pairs and relation counts that answer as the triggers would have', async () => {
    const db = await freshDatabase('mig2');
    try {
      const r = new PostgresRepository(db.url);
      await r.open();
      for await (const it of readInputs([join(repoRoot, 'test', 'fixtures', 'contract', 'corpus')], { format: 'auto' })) if (it.doc) await r.saveDispatch(extract(it.doc), { source: it.doc.source ?? it.doc.id ?? 'corpus' });
      const answers = async (x: PostgresRepository) => ({
        relations: await x.relations('AZE'),
        since: await x.relations('AZE', { since: '2019-06' }),
        between: (await x.events({ between: ['NATO', 'AZE'], limit: 1000 })).items.map((e) => e.id),
      });
      const before = await answers(r);
      assert.ok(before.relations.length > 1 && before.between.length > 1);
      await r.close();
      // Back to the schema of version 1.
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query(`DROP TABLE side_pairs CASCADE; DROP TABLE relation_counts;
        DROP TRIGGER event_participants_pairs_insert ON event_participants; DROP TRIGGER event_participants_pairs_update ON event_participants;
        DROP TRIGGER event_participants_pairs_delete ON event_participants; DROP TRIGGER events_pairs_update ON events; DROP TRIGGER events_pairs_delete ON events;
        DROP FUNCTION communique_pairs_counts(); DROP FUNCTION communique_events_pairs(); DROP FUNCTION communique_participants_pairs();
        DROP FUNCTION communique_repair(bigint[]); DROP FUNCTION communique_contact(events);
        DELETE FROM schema_migrations WHERE version = 2`);
      await c.end();
      const again = new PostgresRepository(db.url);
      assert.deepEqual((await again.open()).applied, ['0002_side_pairs']);
      assert.deepEqual(await answers(again), before);
      await again.close();
    } finally {
      await db.drop();
    }
  });
});
