// One archive contract, run against every store: the embedded SQLite file and PostgreSQL. Nothing above the
// repository interface may tell them apart, so the same corpus must give the same dispatches, events, entities,
// merges, search hits (ranking and snippets aside) and exports on both; the last suite compares them whole.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import pg from 'pg';
import { repoRoot } from './helpers.ts';
import { SqliteRepository } from '../src/store/sqlite/repository.ts';
import { PostgresRepository } from '../src/store/postgres/repository.ts';
import { StoreError, type ArchiveRepository } from '../src/store/repository.ts';
import { ingest } from '../src/archive/ingest.ts';
import { HttpClient } from '../src/archive/fetch.ts';
import { collect, freshDatabase, fullDump, pgSkipReason } from './postgres-helpers.ts';

const corpus = join(repoRoot, 'test', 'fixtures', 'contract', 'corpus');
const REVISED = 'https://news.example.org/2024/07/kovac-baku';
const http = () => new HttpClient({ politenessMs: 0, timeoutMs: 2000 });
const pgSkip = await pgSkipReason();

interface StoreHandle {
  repo: ArchiveRepository;
  /** A second handle on the same archive, opened anew (as another process would). */
  reopen(): Promise<ArchiveRepository>;
  /** Records a schema version newer than this program's in the archive. */
  bumpSchema(): Promise<void>;
  /** The side pairs and relation counts the triggers keep, beside the same made from scratch. */
  pairs(): Promise<{ kept: unknown[]; scratch: unknown[] }>;
  dispose(): Promise<void>;
}

interface StoreFactory {
  name: string;
  skip: string | null;
  create(tag: string): Promise<StoreHandle>;
}

// Made from scratch as migration 0002 does for an existing archive; compared with what the triggers kept.
const SCRATCH_PAIRS = (contact: string) => `SELECT DISTINCT p.side AS a, o.side AS b, e.sort_date, e.id AS event_id, e.mode, ${contact} AS contact
  FROM events e JOIN event_participants p ON p.event_id = e.id JOIN event_participants o ON o.event_id = e.id
  WHERE p.side IS NOT NULL AND o.side IS NOT NULL AND p.side <> o.side`;
const pairQueries = (contact: string, isTrue: string) => ({
  keptPairs: 'SELECT a, b, sort_date, event_id, mode, contact FROM side_pairs ORDER BY a, b, sort_date, event_id',
  scratchPairs: `${SCRATCH_PAIRS(contact)} ORDER BY a, b, sort_date, event_id`,
  keptCounts: 'SELECT a, b, year, mode, n, first, last FROM relation_counts ORDER BY a, b, year, mode',
  scratchCounts: `SELECT a, b, substr(sort_date, 1, 4) AS year, mode, count(*) AS n, min(sort_date) AS first, max(sort_date) AS last
    FROM (${SCRATCH_PAIRS(contact)}) x WHERE contact = ${isTrue} GROUP BY a, b, substr(sort_date, 1, 4), mode ORDER BY a, b, year, mode`,
});
const normal = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'event_id' || k === 'n' ? Number(v) : k === 'contact' ? Boolean(v) : v])));

const sqliteFactory: StoreFactory = {
  name: 'sqlite',
  skip: null,
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'communique-contract-'));
    const path = join(dir, 'archive.db');
    const repo = new SqliteRepository(path);
    await repo.open();
    return {
      repo,
      async reopen() {
        const r = new SqliteRepository(path);
        await r.open();
        return r;
      },
      async bumpSchema() {
        const db = new Database(path);
        db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future', '2099-01-01')").run();
        db.close();
      },
      async pairs() {
        const db = new Database(path, { readonly: true });
        const q = pairQueries("(e.current = 1 AND e.counted = 1 AND e.planned = 0 AND e.background = 0 AND e.mode <> 'statement')", '1');
        const rows = (sql: string) => normal(db.prepare(sql).all() as Record<string, unknown>[]);
        const out = { kept: [rows(q.keptPairs), rows(q.keptCounts)], scratch: [rows(q.scratchPairs), rows(q.scratchCounts)] };
        db.close();
        return out;
      },
      async dispose() {
        await repo.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgresFactory: StoreFactory = {
  name: 'postgres',
  skip: pgSkip,
  async create(tag) {
    const db = await freshDatabase(tag);
    const repo = new PostgresRepository(db.url);
    await repo.open();
    const opened: ArchiveRepository[] = [repo];
    return {
      repo,
      async reopen() {
        const r = new PostgresRepository(db.url);
        opened.push(r);
        await r.open();
        return r;
      },
      async bumpSchema() {
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        await c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future', '2099-01-01')");
        await c.end();
      },
      async pairs() {
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        const q = pairQueries("(e.current AND e.counted AND NOT e.planned AND NOT e.background AND e.mode <> 'statement')", 'true');
        const rows = async (sql: string) => normal((await c.query(sql)).rows);
        const out = { kept: [await rows(q.keptPairs), await rows(q.keptCounts)], scratch: [await rows(q.scratchPairs), await rows(q.scratchCounts)] };
        await c.end();
        return out;
      },
      async dispose() {
        for (const r of opened) await r.close();
        await db.drop();
      },
    };
  },
};

const factories = [sqliteFactory, postgresFactory];

async function entityNamed(repo: ArchiveRepository, name: string) {
  const e = await repo.entity(name);
  assert.ok(e, `an entity named ${name}`);
  return e;
}

function archiveContract(f: StoreFactory): void {
  describe(`archive contract: ${f.name}`, { skip: f.skip ?? false }, () => {
    let h: StoreHandle;
    let repo: ArchiveRepository;

    before(async () => {
      h = await f.create('contract');
      repo = h.repo;
      const s = await ingest([corpus], repo, http());
      assert.deepEqual({ read: s.read, new: s.new, duplicates: s.duplicates, revisions: s.revisions, failed: s.failed }, { read: 11, new: 9, duplicates: 1, revisions: 1, failed: 0 });
    });
    after(async () => h?.dispose());

    it('stores each text once and a changed page as a new revision, the old one kept', async () => {
      assert.deepEqual(await repo.stats(), { dispatches: 9, revisions: 1, events: 11, entities: 15, stories: 8 });
      const revs = await repo.revisions(REVISED);
      assert.deepEqual(revs.map((r) => [r.revision, r.current]), [[1, false], [2, true]]);
      assert.equal(revs[0]!.supersededBy, revs[1]!.id);
      assert.equal((await repo.dispatchByUrl(REVISED))!.id, revs[1]!.id);
      const full = await repo.getDispatch(revs[1]!.id, { text: true });
      assert.match(full!.text!, /Updated with the topics/);
      assert.equal((await repo.getDispatch(revs[1]!.id))!.text, undefined);
      assert.equal(await repo.getDispatch(999_999), null);
    });

    it('changes nothing when the same inputs are ingested again', async () => {
      const before = await repo.stats();
      const s = await ingest([corpus], repo, http());
      assert.equal(s.new + s.revisions, 0);
      assert.equal(s.duplicates, 11);
      assert.deepEqual(await repo.stats(), before);
    });

    it('makes one entity of a person across languages and transliterations, and of OTAN and NATO', async () => {
      const fr = await entityNamed(repo, 'Djamil Gouliev');
      const en = await entityNamed(repo, 'Jamil Guliyev');
      assert.equal(fr.id, en.id);
      assert.deepEqual(fr.names.map((n) => n.name).sort(), ['Djamil Gouliev', 'Jamil Guliyev']);
      assert.deepEqual(fr.titles.map((t) => t.title).sort(), ['Foreign Minister', 'ministre des Affaires étrangères']);
      const nato = await repo.entity('NATO');
      assert.deepEqual(nato!.names.map((n) => n.name).sort(), ['NATO', 'OTAN']);
      assert.equal((await repo.entity('otan'))!.id, nato!.id, 'a name form, case and accents aside');
      const found = await repo.findEntities('Guliev');
      assert.deepEqual(found.map((e) => e.id), [fr.id], 'a transliteration finds the person');
      const history = await repo.mergeHistory(fr.id);
      assert.ok(history.some((m) => m.by === 'auto' && /transliteration key/.test(m.reason)), 'the join is explained');
      const persons = await repo.entities({ kind: 'person', country: 'AZE' });
      assert.deepEqual(persons.items.map((e) => e.name), ['Jamil Guliyev']);
    });

    it('answers events between two actors, by person and by date, with provenance', async () => {
      const between = await repo.events({ between: ['AZE', 'NATO'], since: '2016' });
      assert.deepEqual(between.items.map((e) => [e.date.start, e.mode]), [['2016-03-14', 'meeting'], ['2016-03-14', 'meeting'], ['2021-03-03', 'phone_call'], ['2024-07-05', 'meeting']]);
      // The French and English reports of 14 March 2016 are one contact, counted once.
      assert.deepEqual(between.items.map((e) => e.reports), [2, 2, 1, 1]);
      const distinct = await repo.events({ between: ['AZE', 'NATO'], distinct: true });
      assert.equal(distinct.items.length, 3);
      assert.ok(distinct.items.every((e) => e.evidence.length > 0 && e.evidence[0]!.text.length > 10 && e.dispatch.source));
      assert.equal((await repo.events({ between: ['NATO', 'AZE'], until: '2020' })).items.length, 2);
      assert.equal((await repo.events({ between: ['AZE', 'NATO'], modes: ['phone_call'] })).items.length, 1);
      for (const form of ['Guliyev', 'Gouliev', 'guliev', 'Djamil Gouliev']) assert.equal((await repo.events({ person: form })).items.length, 9, form);
      assert.equal((await repo.events({ person: 'Nobody Atall' })).items.length, 0);
      const page1 = await repo.events({ limit: 4 });
      const page2 = await repo.events({ limit: 4, cursor: page1.next });
      const rest = await repo.events({ limit: 100, cursor: page2.next });
      assert.equal(page1.items.length + page2.items.length + rest.items.length, 11);
      assert.equal(rest.next, null);
      assert.equal((await repo.events({ text: 'énergétique' })).items.length, 3);
    });

    it('counts relations by counterpart, year and mode, each contact once', async () => {
      const rels = await repo.relations('AZE');
      assert.deepEqual(rels.map((r) => [r.b, r.contacts, r.first, r.last]), [['KAZ', 4, '2019-07-09', '2024-06-20'], ['NATO', 3, '2016-03-14', '2024-07-05'], ['TUR', 2, '2018-02-20', '2023-11-02']]);
      const rel = await repo.relation('AZE', 'NATO', { since: '2017' });
      assert.deepEqual(rel.byYear, [{ year: '2021', mode: 'phone_call', count: 1 }, { year: '2024', mode: 'meeting', count: 1 }]);
      assert.equal((await repo.relations('AZE', { top: 1 })).length, 1);
    });

    it('searches the text folding accents and case, with phrases and prefixes', async () => {
      const ids = async (q: string) => (await repo.search(q)).items.map((x) => x.dispatch.id).sort((a, b) => a - b);
      const accented = await ids('sécurité énergétique');
      assert.equal(accented.length, 1);
      assert.deepEqual(await ids('SECURITE energetique'), accented);
      assert.deepEqual(await ids('"transport links"'), [3, 6, 10]);
      assert.deepEqual(await ids('énergé*'), [2, 7]);
      assert.deepEqual(await ids('Seitkaliev'), [4, 7, 10]);
      assert.deepEqual(await ids('"links transport"'), [], 'a phrase keeps its order');
      const hit = (await repo.search('Caspienne')).items[0]!;
      assert.match(hit.snippet, /\[Caspienne\]/);
      assert.ok(hit.events.length > 0, 'a hit carries its dispatch events');
      await assert.rejects(repo.search('  " * '), (e: unknown) => e instanceof StoreError && e.code === 'bad_request');
      assert.deepEqual(await ids('OR AND NOT NEAR'), [], 'operators typed by the user are words');
    });

    it('ranks a common word window by window: every match once, the newest window first', async () => {
      const store = repo as ArchiveRepository & { rankWindow: number };
      const whole = (await repo.search('the', { limit: 100 })).items.map((x) => x.dispatch.id);
      assert.ok(whole.length >= 5, `a word in most dispatches (${whole.length})`);
      store.rankWindow = 2;
      try {
        const paged: number[] = [];
        const pages: number[][] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<ArchiveRepository['search']>> = await repo.search('the', { limit: 3, cursor });
          pages.push(page.items.map((x) => x.dispatch.id));
          paged.push(...page.items.map((x) => x.dispatch.id));
          cursor = page.next;
        } while (cursor);
        assert.deepEqual([...paged].sort((a, b) => a - b), [...whole].sort((a, b) => a - b), 'every match once, across windows');
        const newest = [...whole].sort((a, b) => b - a);
        assert.deepEqual([...paged.slice(0, 2)].sort(), newest.slice(0, 2).sort(), 'the first window holds the two newest matches');
        assert.deepEqual([...paged.slice(2, 4)].sort(), newest.slice(2, 4).sort(), 'a page runs on into the next window');
        assert.ok(pages.every((p) => p.length <= 3) && pages.length === Math.ceil(whole.length / 3));
      } finally {
        store.rankWindow = 1000;
      }
    });

    it('exports every event and entity, page after page', async () => {
      const events = await collect(repo.exportEvents({}));
      assert.equal(events.length, 11);
      assert.deepEqual(events.map((e) => e.date.start ?? ''), [...events.map((e) => e.date.start ?? '')].sort());
      const entities = await collect(repo.exportEntities({ kind: 'country' }));
      assert.deepEqual(entities.map((e) => e.code), ['AZE', 'TUR', 'KAZ']);
    });

    it('keeps feed state and the items stored from each feed', async () => {
      assert.equal(await repo.feedState('https://feeds.example.org/rss'), null);
      const state = { url: 'https://feeds.example.org/rss', etag: '"v1"', lastModified: 'Tue, 02 Jul 2024 10:00:00 GMT', lastChecked: '2024-07-02T10:00:00Z', lastStatus: 200, lastError: null };
      await repo.saveFeedState(state);
      await repo.saveFeedState({ ...state, etag: '"v2"' });
      assert.deepEqual(await repo.feedState(state.url), { ...state, etag: '"v2"' });
      assert.equal(await repo.seenFeedItem(state.url, 'guid-1'), false);
      await repo.markFeedItem(state.url, 'guid-1', 1);
      await repo.markFeedItem(state.url, 'guid-1', 1);
      assert.equal(await repo.seenFeedItem(state.url, 'guid-1'), true);
    });

    it('refuses bad requests with a clear error', async () => {
      const bad = (e: unknown) => e instanceof StoreError && e.code === 'bad_request';
      await assert.rejects(repo.events({ since: '2016-3' }), bad);
      await assert.rejects(repo.events({ cursor: 'not-a-cursor' }), bad);
      await assert.rejects(repo.events({ limit: 0 }), bad);
      await assert.rejects(repo.mergeEntities(2, 3), bad, 'a country and an organisation are not one entity');
      await assert.rejects(repo.mergeEntities(2, 999_999), (e: unknown) => e instanceof StoreError && e.code === 'not_found');
    });

    it("applies a user's merge and split, explains them, and keeps them on later ingests", async () => {
      const ozdemir = await entityNamed(repo, 'Kemal Ozdemir');
      const seitkaliev = await entityNamed(repo, 'Aidar Seitkaliev');
      const merged = await repo.mergeEntities(ozdemir.id, seitkaliev.id, 'test: one person');
      assert.equal(merged.id, ozdemir.id);
      assert.deepEqual(merged.names.map((n) => n.name).sort(), ['Aidar Seitkaliev', 'Aïdar Seïtkaliev', 'Kemal Ozdemir']);
      assert.equal((await repo.entity(seitkaliev.id))!.id, ozdemir.id, 'the absorbed id follows the merge');
      assert.ok((await repo.mergeHistory(ozdemir.id)).some((m) => m.by === 'user' && m.reason === 'test: one person'));
      const split = await repo.splitEntity(ozdemir.id, { names: ['Aidar Seitkaliev', 'Aïdar Seïtkaliev'], reason: 'test: two persons after all' });
      assert.notEqual(split.id, ozdemir.id);
      assert.deepEqual(split.names.map((n) => n.name).sort(), ['Aidar Seitkaliev', 'Aïdar Seïtkaliev']);
      assert.deepEqual((await repo.entity(ozdemir.id))!.names.map((n) => n.name), ['Kemal Ozdemir']);
      // Re-ingest: the corrections stand.
      await ingest([corpus], repo, http());
      assert.equal((await repo.entity('Aidar Seitkaliev'))!.id, split.id);
      assert.equal((await repo.events({ actor: `#${split.id}` })).items.length, 4);
      assert.equal((await repo.events({ actor: `#${ozdemir.id}` })).items.length, 3);
    });

    it('keeps side pairs and relation counts equal to a count from scratch through revisions, merges and splits', async () => {
      const { kept, scratch } = await h.pairs();
      assert.ok((kept[0] as unknown[]).length > 10 && (kept[1] as unknown[]).length > 5, 'the corpus gives pairs and counts');
      assert.deepEqual(kept, scratch);
    });

    it('is read the same by another process, and refuses an archive newer than this program', async () => {
      const other = await h.reopen();
      assert.deepEqual(await other.stats(), await repo.stats());
      assert.deepEqual((await other.migrate()).applied, []);
      await other.close();
      await h.bumpSchema();
      const newer = await h.reopen().then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(newer instanceof StoreError && newer.code === 'newer_schema', String(newer));
      assert.match((newer as Error).message, /schema version 9999/);
    });
  });
}

for (const f of factories) archiveContract(f);

describe('archive contract: both stores give the same archive', { skip: pgSkip ?? false }, () => {
  const handles: StoreHandle[] = [];
  after(async () => {
    for (const h of handles) await h.dispose();
  });

  it('for the same corpus, user corrections, queries and exports', async () => {
    const dumps: unknown[] = [];
    const searches: unknown[] = [];
    for (const f of factories) {
      const h = await f.create('same');
      handles.push(h);
      const repo = h.repo;
      await ingest([corpus], repo, http());
      const k = (await repo.entity('Kemal Ozdemir'))!.id;
      await repo.mergeEntities(k, (await repo.entity('Aidar Seitkaliev'))!.id);
      await repo.splitEntity(k, { names: ['Aidar Seitkaliev'] });
      await ingest([corpus], repo, http());
      dumps.push(await fullDump(repo));
      const hits: Record<string, unknown> = {};
      for (const q of ['sécurité énergétique', 'securite', '"transport links"', 'énergé*', 'OTAN', 'NATO partnership', 'Bakou', 'juin']) {
        hits[q] = (await repo.search(q, { limit: 50 })).items.map((x) => ({ dispatch: x.dispatch.id, events: x.events.map((e) => e.id) })).sort((a, b) => a.dispatch - b.dispatch);
      }
      searches.push(hits);
    }
    assert.deepEqual(dumps[1], dumps[0]);
    assert.deepEqual(searches[1], searches[0]);
  });
});
