// `db copy`: a SQLite archive (with a user's merge and split, revisions, sightings and feed state) copied to
// PostgreSQL and back must be the same archive at every step.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot } from './helpers.ts';
import { SqliteRepository } from '../src/store/sqlite/repository.ts';
import { PostgresRepository, toRecord } from '../src/store/postgres/repository.ts';
import { isCopySource, type CopySource, type DispatchRecord, type FeedExport } from '../src/store/postgres/copy-types.ts';
import type { ArchiveRepository } from '../src/store/repository.ts';
import { ingest } from '../src/archive/ingest.ts';
import { HttpClient } from '../src/archive/fetch.ts';
import { copyArchive } from '../src/cli/db.ts';
import { canonicalDump, dumpDifferences, freshDatabase, pgSkipReason } from './postgres-helpers.ts';

const pgSkip = await pgSkipReason();
const corpus = join(repoRoot, 'test', 'fixtures', 'contract', 'corpus');
const FEED = 'https://feeds.example.org/dispatches.rss';

/** The SQLite store's export for copying, read from its file, for as long as the store lacks it (requested of the
 *  lead: the same queries as SqliteRepository.exportDispatches/exportFeeds). */
function copyable(repo: SqliteRepository, path: string): ArchiveRepository & CopySource {
  if (isCopySource(repo)) return repo;
  const EXPORT_PAGE = 500;
  const source: CopySource = {
    async *exportDispatches(): AsyncIterable<DispatchRecord> {
      const db = new Database(path, { readonly: true });
      try {
        for (let after = 0; ; ) {
          const rows = db
            .prepare(
              `SELECT d.id, d.doc_id, d.url, d.source, d.feed, d.lang, d.title, d.published, d.dateline, d.text, d.extraction,
                 (SELECT json_group_array(json_object('rawHash', raw_hash, 'source', source, 'url', url))
                    FROM (SELECT * FROM sightings s WHERE s.dispatch_id = d.id ORDER BY s.seen_at, s.raw_hash, s.source)) AS sightings,
                 (SELECT json_group_object(local_id, entity_id) FROM mentions m WHERE m.dispatch_id = d.id) AS mentions
               FROM dispatches d WHERE d.id > ? ORDER BY d.id LIMIT ?`,
            )
            .all(after, EXPORT_PAGE) as Record<string, unknown>[];
          for (const r of rows) yield toRecord(r);
          if (rows.length < EXPORT_PAGE) return;
          after = Number(rows.at(-1)!.id);
        }
      } finally {
        db.close();
      }
    },
    async *exportFeeds(): AsyncIterable<FeedExport> {
      const db = new Database(path, { readonly: true });
      try {
        const rows = db
          .prepare(
            `SELECT u.url, f.etag, f.last_modified, f.last_checked, f.last_status, f.last_error, f.url IS NOT NULL AS has_state,
               (SELECT json_group_array(json_object('key', item_key, 'dispatch', dispatch_id)) FROM (SELECT * FROM feed_items i WHERE i.feed = u.url ORDER BY i.item_key)) AS items
             FROM (SELECT url FROM feeds UNION SELECT DISTINCT feed FROM feed_items) u LEFT JOIN feeds f ON f.url = u.url ORDER BY u.url`,
          )
          .all() as Record<string, unknown>[];
        for (const r of rows) {
          const str = (v: unknown) => (v === null ? null : String(v));
          yield {
            url: String(r.url),
            state: r.has_state ? { url: String(r.url), etag: str(r.etag), lastModified: str(r.last_modified), lastChecked: str(r.last_checked), lastStatus: r.last_status === null ? null : Number(r.last_status), lastError: str(r.last_error) } : null,
            items: JSON.parse(String(r.items)),
          };
        }
      } finally {
        db.close();
      }
    },
  };
  return Object.assign(Object.create(repo) as SqliteRepository, source);
}

async function feedSnapshot(repo: ArchiveRepository) {
  return { state: await repo.feedState(FEED), seen: await repo.seenFeedItem(FEED, 'guid-2016'), unseen: await repo.seenFeedItem(FEED, 'guid-none') };
}

describe('db copy: SQLite → PostgreSQL → SQLite', { skip: pgSkip ?? false }, () => {
  let dir: string;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const open: ArchiveRepository[] = [];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'communique-copy-'));
    db = await freshDatabase('copy');
  });
  after(async () => {
    for (const r of open) await r.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives back the same archive, user corrections and feeds included', async () => {
    const aPath = join(dir, 'a.db');
    const a = new SqliteRepository(aPath);
    open.push(a);
    await a.open();
    await ingest([corpus], a, new HttpClient({ politenessMs: 0 }));
    // A user's corrections: places the resolver keeps apart by name joined, and a person's two forms kept apart.
    await a.mergeEntities((await a.entity('Brussels'))!.id, (await a.entity('Bruxelles'))!.id, 'one city');
    await a.mergeEntities((await a.entity('Baku'))!.id, (await a.entity('Bakou'))!.id, 'one city');
    const guliyev = (await a.entity('Jamil Guliyev'))!.id;
    await a.splitEntity(guliyev, { names: ['Djamil Gouliev'], reason: 'kept apart by the analyst' });
    await a.saveFeedState({ url: FEED, etag: '"abc"', lastModified: null, lastChecked: '2024-07-06T00:00:00Z', lastStatus: 200, lastError: null });
    await a.markFeedItem(FEED, 'guid-2016', 1);
    const expected = await canonicalDump(a);
    const expectedFeed = await feedSnapshot(a);

    const p = new PostgresRepository(db.url);
    open.push(p);
    await p.open();
    const there = await copyArchive(copyable(a, aPath), p);
    assert.equal(there.dispatches, 10);
    assert.deepEqual([there.merges, there.splits], [2, 1], `the user's corrections were carried over (${JSON.stringify(there)})`);
    assert.deepEqual(dumpDifferences(expected, await canonicalDump(p)), []);
    assert.deepEqual(await feedSnapshot(p), expectedFeed);

    const bPath = join(dir, 'b.db');
    const b = new SqliteRepository(bPath);
    open.push(b);
    await b.open();
    const back = await copyArchive(p, copyable(b, bPath));
    assert.equal(back.dispatches, 10);
    assert.deepEqual(dumpDifferences(expected, await canonicalDump(b)), []);
    assert.deepEqual(await feedSnapshot(b), expectedFeed);

    // Sightings came along: a rerun of the same inputs is recognised without extraction.
    const rerun = await ingest([corpus], b, new HttpClient({ politenessMs: 0 }));
    assert.equal(rerun.new + rerun.revisions, 0);
    assert.deepEqual(dumpDifferences(expected, await canonicalDump(b)), []);

    // Into an archive that is not empty: refused.
    await assert.rejects(copyArchive(copyable(a, aPath), p), /is not empty/);
  });
});
