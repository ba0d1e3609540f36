// The archive on a team's PostgreSQL (pg). Same schema, same decisions and same answers as the embedded store
// (../sqlite/repository.ts): both call archive/resolve.ts for every entity decision and common.ts for hashes,
// cursors and the search grammar.
//
// Many workers on many machines write at once. Every write that decides something from what the archive already
// holds (which entity a name is, which report of a contact counts, which story a dispatch joins, a user's merge or
// split) runs in a transaction holding one advisory lock on the archive: writers take turns for those decisions,
// so the archive is the one a single process would have built from the same dispatches in the same order, with no
// race between "is there an entity for NATO?" and "create it". Extraction, the costly part, runs outside it, in
// parallel. Readers never wait.
import type pg from 'pg';
import type { Dispatch, Entity, EntityKind, Mode, PloverType } from '../../types.ts';
import {
  StoreError,
  type ArchiveEntity,
  type ArchiveEvent,
  type ArchiveParticipant,
  type ArchiveRepository,
  type ArchiveStats,
  type DispatchMeta,
  type EntityQuery,
  type EventQuery,
  type FeedState,
  type MergeRecord,
  type MigrationReport,
  type Page,
  type Relation,
  type RelationQuery,
  type SaveOutcome,
  type SearchHit,
  type SplitRequest,
  type StoredDispatch,
} from '../repository.ts';
import { checkDateBound, decodeCursor, dispatchDate, encodeCursor, parseActorRef, RANK_WINDOW, searchTerms, sideCode, sidePair, textHash, untilBound, wholeYears } from '../common.ts';
import { loadMigrations } from '../migrations.ts';
import type { DispatchRecord, FeedExport } from './copy-types.ts';
import { canonicalCode, eventSignature, foldName, nameTokens, personKey, pinKey, resolutionKeys, resolve, sideOf, tokenKey, type Candidate } from '../../archive/resolve.ts';
import { createPool, maskMessage, maskUrl, storeErrorOf, type PoolOptions } from './connection.ts';
import { all, get, Params, run, tsQueryText, type Queryable, type Row } from './sql.ts';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;
const EXPORT_PAGE = 500;
/** The full-text index covers this much of a dispatch: a tsvector is limited to 1 MB, and no real dispatch is near. */
const FTS_MAX_CHARS = 250_000;
/** Advisory lock keys (any two constants no other application uses): archive writes, schema migrations. */
const WRITE_LOCK = 0x436f6d6d; // "Comm"
const MIGRATE_LOCK = 0x436f6d4d; // "ComM"
/** Serialisation failures and deadlocks are retried this many times, with a growing, jittered pause. */
const MAX_ATTEMPTS = 8;
const RETRYABLE = new Set(['40001', '40P01']);
/** A save also retries a unique key met: another writer stored the same text or the same URL revision first, and
 *  the next attempt finds it (a duplicate, or the next revision). */
const SAVE_RETRYABLE = new Set([...RETRYABLE, '23505']);

const now = () => new Date().toISOString();
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const json = (v: unknown): string => JSON.stringify(v);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Tx = pg.PoolClient;

export class PostgresRepository implements ArchiveRepository {
  /** How many matches are ranked together (RANK_WINDOW; smaller in tests). */
  rankWindow = RANK_WINDOW;
  readonly kind = 'postgres';
  readonly location: string;
  private pool: pg.Pool | null = null;

  constructor(
    private readonly url: string,
    private readonly poolOptions: PoolOptions = {},
  ) {
    this.location = maskUrl(url);
  }

  /** Where background messages go (the worker's --verbose); credentials are masked before. */
  log?: (line: string) => void;

  /** A message with this archive's credentials masked. */
  mask(message: string): string {
    return maskMessage(message, this.url);
  }

  /** The work queue's connection (pg-boss's `db` option): the archive's own pool, so one set of credentials and
   *  one pool limit serve both. */
  queueDb(): { executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }> } {
    return {
      executeSql: async (text, values) => {
        try {
          return await this.db.query(text, values as unknown[]);
        } catch (e) {
          const err = storeErrorOf(e, this.url) as Error & { code?: string };
          // pg-boss tells some outcomes from the PostgreSQL error code (a unique key met): keep it.
          err.code ??= (e as { code?: string }).code;
          throw err;
        }
      },
    };
  }

  private get db(): pg.Pool {
    if (!this.pool) throw new StoreError('unavailable', 'the archive is not open');
    return this.pool;
  }

  /** Runs a read, turning driver errors into messages without credentials. */
  private async read<T>(fn: (c: Queryable) => Promise<T>): Promise<T> {
    try {
      return await fn(this.db);
    } catch (e) {
      throw storeErrorOf(e, this.url);
    }
  }

  /** Runs `fn` in one transaction; with `lock`, holding the archive's write lock. Retries serialisation failures. */
  private async tx<T>(fn: (c: Tx) => Promise<T>, lock = true, retryable = RETRYABLE): Promise<T> {
    let client: Tx;
    try {
      client = await this.db.connect();
    } catch (e) {
      throw storeErrorOf(e, this.url);
    }
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query('BEGIN');
          if (lock) await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
          const out = await fn(client);
          await client.query('COMMIT');
          return out;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {});
          const code = (e as { code?: string }).code ?? '';
          if (retryable.has(code) && attempt < MAX_ATTEMPTS) {
            await sleep(Math.min(1000, 10 * 2 ** attempt) * (0.5 + Math.random()));
            continue;
          }
          throw storeErrorOf(e, this.url);
        }
      }
    } finally {
      client.release();
    }
  }

  async open(): Promise<MigrationReport> {
    if (!this.pool) this.pool = createPool(this.url, this.poolOptions);
    try {
      return await this.migrate();
    } catch (e) {
      await this.close();
      throw e;
    }
  }

  async migrate(): Promise<MigrationReport> {
    const migrations = loadMigrations('postgres');
    const latest = migrations.at(-1)?.version ?? 0;
    const applied: string[] = [];
    let from = -1;
    // One transaction per migration, each holding the migration lock: two processes opening a fresh archive at
    // once apply every migration exactly once, and a failed one leaves the archive as it was.
    for (;;) {
      const step = await this.tx(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
        await c.query('SET LOCAL statement_timeout = 0'); // a migration of a large archive may rebuild an index
        await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
        const current = Number((await get(c, 'SELECT max(version) AS v FROM schema_migrations'))?.v ?? 0);
        if (current > latest) {
          throw new StoreError('newer_schema', `the archive ${this.location} has schema version ${current}, newer than this Communiqué knows (${latest}): upgrade Communiqué to open it`);
        }
        const next = migrations.find((m) => m.version > current);
        if (next) {
          await c.query(next.sql);
          await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [next.version, next.name, now()]);
        }
        return { current, next: next?.name ?? null };
      }, false);
      if (from < 0) from = step.current;
      if (!step.next) return { from, to: Math.max(step.current, latest), applied };
      applied.push(step.next);
    }
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    if (pool) await pool.end().catch(() => {});
  }

  // ---------------------------------------------------------------- dispatches

  async sawRaw(raw: string, meta: DispatchMeta): Promise<number | null> {
    return this.read(async (c) => {
      const row = await get(c, 'SELECT dispatch_id FROM sightings WHERE raw_hash = $1 LIMIT 1', [raw]);
      if (!row) return null;
      await run(c, 'INSERT INTO sightings (raw_hash, source, dispatch_id, url, seen_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [raw, meta.source, row.dispatch_id, meta.url ?? null, now()]);
      return Number(row.dispatch_id);
    });
  }

  async saveDispatch(d: Dispatch, meta: DispatchMeta): Promise<SaveOutcome> {
    if (d.error) throw new StoreError('bad_request', `a failed document is not stored (${d.error.code})`);
    const hash = textHash(d.text);
    // A text already stored needs no decision: answered without waiting for the write lock.
    const known = await this.read((c) => this.duplicate(c, hash, meta));
    if (known) return known;
    // The write lock is taken inside, once the dispatch's row is written (see saveNow).
    return this.tx((c) => this.saveNow(c, d, meta, hash), false, SAVE_RETRYABLE);
  }

  private async duplicate(c: Queryable, hash: string, meta: DispatchMeta): Promise<SaveOutcome | null> {
    const same = await get(c, {
      name: 'duplicate',
      text: 'SELECT id, revision, (SELECT count(*) FROM events WHERE dispatch_id = d.id) AS events FROM dispatches d WHERE text_hash = $1',
      values: [hash],
    });
    if (!same) return null;
    await this.sight(c, meta, Number(same.id));
    return { status: 'duplicate', dispatch: Number(same.id), revision: Number(same.revision), events: Number(same.events), story: [] };
  }

  private async sight(c: Queryable, meta: DispatchMeta, id: number): Promise<void> {
    if (!meta.rawHash) return;
    await run(c, {
      name: 'sight',
      text: 'INSERT INTO sightings (raw_hash, source, dispatch_id, url, seen_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      values: [meta.rawHash, meta.source, id, meta.url ?? null, now()],
    });
  }

  // The dispatch's own row (and its full-text vectors, the costly part) is written before the write lock is taken:
  // it decides nothing that another writer could contradict, since the unique keys on the text's hash and on the
  // URL's revision make a second writer of the same text or revision fail, and its retry then finds the first's.
  // What follows decides from what the archive holds (entities, counted reports, stories), under the lock, and is
  // written for few round trips: one statement per entity and one for all the events, prepared once per connection.
  private async saveNow(c: Tx, d: Dispatch, meta: DispatchMeta, hash: string): Promise<SaveOutcome> {
    const again = await this.duplicate(c, hash, meta); // stored by another worker since the first look
    if (again) return again;
    const at = now();
    const url = meta.url ?? null;
    const prev = url ? await get(c, { name: 'url-current', text: 'SELECT id, revision FROM dispatches WHERE url = $1 AND current', values: [url] }) : undefined;
    const revision = prev ? Number(prev.revision) + 1 : 1;
    const seen = dispatchDate(d) ?? at.slice(0, 10);
    const extraction = { id: d.id, source: d.source, noise: d.noise ?? [], entities: d.entities, events: d.events };
    const indexed = d.text.length > FTS_MAX_CHARS ? d.text.slice(0, FTS_MAX_CHARS) : d.text;
    const id = Number(
      (await get(c, {
        name: 'insert-dispatch',
        text: `INSERT INTO dispatches (doc_id, text_hash, url, revision, current, source, feed, lang, title, published, agency, dateline, text, ingested_at, extraction, fts, fts_ranked)
               VALUES ($1, $2, $3, $4, true, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                 to_tsvector('communique_simple', coalesce($8, '') || ' ' || $15), communique_ranked_tsv($7, $8, $15))
               RETURNING id`,
        values: [d.id, hash, url, revision, meta.source, meta.feed ?? null, d.lang, d.title, d.published, d.dateline?.agency ?? null, d.dateline ? json(d.dateline) : null, d.text, at, json(extraction), indexed],
      }))!.id,
    );
    await c.query({ name: 'write-lock', text: 'SELECT pg_advisory_xact_lock($1)', values: [WRITE_LOCK] });
    const touched = new Set<string>();
    if (prev) {
      // A changed page: the old revision stays, no longer current, and its events no longer count.
      await run(c, 'UPDATE dispatches SET current = false, superseded_by = $1 WHERE id = $2', [id, prev.id]);
      for (const r of await all(c, 'SELECT DISTINCT signature FROM events WHERE dispatch_id = $1', [prev.id])) touched.add(String(r.signature));
      await run(c, 'UPDATE events SET current = false, counted = false WHERE dispatch_id = $1', [prev.id]);
    }

    const local = await this.resolveEntities(c, d, id, seen);

    // Every event and its participants in one statement.
    const ev = { local: [] as string[], mode: [] as string[], type: [] as string[], plover: [] as (string | null)[], cameo: [] as (string | null)[], start: [] as (string | null)[], end: [] as (string | null)[],
      basis: [] as string[], partial: [] as (string | null)[], sort: [] as string[], loc: [] as (number | null)[], locLocal: [] as (string | null)[], topics: [] as string[],
      background: [] as boolean[], planned: [] as boolean[], confidence: [] as number[], evidence: [] as string[], sig: [] as string[] };
    const part = { event: [] as string[], entity: [] as number[], local: [] as string[], role: [] as string[], side: [] as (string | null)[] };
    const sides = new Map<number, string | null>();
    for (const e of d.events) {
      const parts = e.participants.filter((p) => local.has(p));
      const sig = eventSignature(e.date.start, e.mode, e.type, parts.map((p) => local.get(p)!.entity)) ?? `u:${id}:${e.id}`;
      ev.local.push(e.id); ev.mode.push(e.mode); ev.type.push(e.type); ev.plover.push(e.plover_mode ?? null); ev.cameo.push(e.cameo ?? null);
      ev.start.push(e.date.start); ev.end.push(e.date.end); ev.basis.push(e.date.basis); ev.partial.push(e.date.partial ? json(e.date.partial) : null);
      ev.sort.push(e.date.start ?? dispatchDate(d) ?? '');
      ev.loc.push(e.location && local.has(e.location) ? local.get(e.location)!.entity : null); ev.locLocal.push(e.location ?? null);
      ev.topics.push(json(e.topics)); ev.background.push(!!e.background); ev.planned.push(!!e.planned); ev.confidence.push(e.confidence);
      ev.evidence.push(json(e.evidence.map((s) => ({ start: s.start, end: s.end, text: d.text.slice(s.start, s.end) }))));
      ev.sig.push(sig);
      const recipients = new Set(e.recipients);
      for (const p of parts) {
        const { entity, e: le } = local.get(p)!;
        let side = sideOf(le);
        if (!side) {
          if (!sides.has(entity)) sides.set(entity, await this.entitySide(c, entity));
          side = sides.get(entity)!;
        }
        part.event.push(e.id); part.entity.push(entity); part.local.push(p); part.role.push(recipients.has(p) ? 'recipient' : 'actor'); part.side.push(side);
      }
      touched.add(sig);
    }
    if (d.events.length) {
      await run(c, {
        name: 'insert-events',
        text: `WITH ev AS (
                 INSERT INTO events (dispatch_id, local_id, mode, type, plover_mode, cameo, date_start, date_end, date_basis, date_partial, sort_date,
                   location_id, location_local, topics, background, planned, confidence, evidence, signature, current, counted)
                 -- Counted at once when no current report of the contact exists (the usual case): the recount then
                 -- changes nothing and the side pairs are written once.
                 SELECT $1, x.*, true, NOT EXISTS (SELECT 1 FROM events o WHERE o.signature = x.signature AND o.current)
                 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                   $11::text[], $12::bigint[], $13::text[], $14::text[], $15::bool[], $16::bool[], $17::float8[], $18::text[], $19::text[])
                   AS x(local_id, mode, type, plover_mode, cameo, date_start, date_end, date_basis, date_partial, sort_date, location_id, location_local, topics, background, planned, confidence, evidence, signature)
                 RETURNING id, local_id)
               INSERT INTO event_participants (event_id, entity_id, local_id, role, side)
               SELECT ev.id, p.entity_id, p.local_id, p.role, p.side
               FROM unnest($20::text[], $21::bigint[], $22::text[], $23::text[], $24::text[]) WITH ORDINALITY AS p(event_local, entity_id, local_id, role, side, n)
               JOIN ev ON ev.local_id = p.event_local ORDER BY p.n
               ON CONFLICT DO NOTHING`,
        values: [id, ev.local, ev.mode, ev.type, ev.plover, ev.cameo, ev.start, ev.end, ev.basis, ev.partial, ev.sort, ev.loc, ev.locLocal, ev.topics, ev.background, ev.planned, ev.confidence, ev.evidence, ev.sig,
          part.event, part.entity, part.local, part.role, part.side],
      });
    }
    await this.recount(c, [...touched]);
    const story = await this.linkStory(c, id);
    await this.sight(c, meta, id);
    return { status: prev ? 'revision' : 'new', dispatch: id, revision, events: d.events.length, story };
  }

  /** Archive entities offered as matches for `keys`, each with the keys it was found under, in key order. */
  private async candidates(c: Queryable, keys: string[]): Promise<Map<string, Candidate[]>> {
    const rows = await all(c, {
      name: 'candidates',
      // Driven by the keys (a nested loop over the primary key), whatever plan a prepared statement settles on.
      text: `SELECT k.key, en.id, en.kind, en.name, en.code, en.country, en.org
             FROM unnest($1::text[]) AS q(key) JOIN entity_keys k ON k.key = q.key JOIN entities en ON en.id = k.entity_id
             WHERE en.merged_into IS NULL ORDER BY k.key, k.entity_id`,
      values: [keys],
    });
    const byKey = new Map<string, Candidate[]>();
    for (const r of rows) {
      const key = String(r.key);
      byKey.set(key, [...(byKey.get(key) ?? []), { id: Number(r.id), kind: r.kind as EntityKind, name: String(r.name), code: str(r.code), country: str(r.country), org: str(r.org), matched: [] }]);
    }
    return byKey;
  }

  /** Links each of a dispatch's entities, in order, to an archive entity (new or known), recording names, titles
   *  and why. The candidates of all of them are read at once; an entity whose candidates an earlier one of the same
   *  dispatch has changed reads them again, so each decision sees exactly what a one-by-one reading would. */
  private async resolveEntities(c: Tx, d: Dispatch, dispatch: number, seen: string): Promise<Map<string, { entity: number; e: Entity }>> {
    const local = new Map<string, { entity: number; e: Entity }>();
    const keysOf = d.entities.map((e) => resolutionKeys(e));
    let known = await this.candidates(c, [...new Set(keysOf.flat())]);
    const touchedKeys = new Set<string>();
    const touchedIds = new Set<number>();
    for (const [i, e] of d.entities.entries()) {
      const keys = keysOf[i]!;
      const found = () => keys.flatMap((k) => known.get(k) ?? []);
      if (keys.some((k) => touchedKeys.has(k)) || found().some((x) => touchedIds.has(x.id))) known = new Map([...known, ...(await this.candidates(c, keys))]);
      // As the one-by-one query returns them: by key in the entity's order of keys, then by id.
      const byId = new Map<number, Candidate>();
      for (const k of keys) {
        for (const x of known.get(k) ?? []) {
          const cand = byId.get(x.id) ?? { ...x, matched: [] };
          cand.matched.push(k);
          byId.set(x.id, cand);
        }
      }
      const decision = resolve(e, [...byId.values()]);
      const entity = await this.recordEntity(c, e, decision, decision.entity === null ? null : byId.get(decision.entity)!, keys, dispatch, d.lang, seen);
      touchedIds.add(entity);
      for (const k of keys) if (!k.startsWith('pin:')) touchedKeys.add(k);
      local.set(e.id, { entity, e });
    }
    return local;
  }

  /** Writes one resolution: a new entity, or a known one seen again; its keys, name, title and the mention. */
  private async recordEntity(c: Tx, e: Entity, decision: { entity: number | null; reason: string }, cand: Candidate | null, keys: string[], dispatch: number, lang: string, seen: string): Promise<number> {
    const code = canonicalCode(e.kind, e.code);
    const plainKeys = keys.filter((k) => !k.startsWith('pin:'));
    const title = e.title ?? null;
    if (!cand) {
      // A new entity: its only name is its display name.
      return Number(
        (await get(c, {
          name: 'new-entity',
          text: `WITH en AS (INSERT INTO entities (kind, name, code, country, org, first_seen, last_seen, created_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id),
                   k AS (INSERT INTO entity_keys (key, entity_id) SELECT unnest($8::text[]), id FROM en ON CONFLICT DO NOTHING),
                   n AS (INSERT INTO entity_names (entity_id, name, name_fold, lang, count, first_seen, last_seen) SELECT id, $2, $9, $10, 1, $6, $6 FROM en),
                   t AS (INSERT INTO entity_titles (entity_id, title, count, first_seen, last_seen) SELECT id, $11, 1, $6, $6 FROM en WHERE $11::text <> ''),
                   m AS (INSERT INTO mentions (dispatch_id, local_id, entity_id, kind, name, title, code, country, org, reason, seen)
                         SELECT $12, $13, id, $1, $2, $11, $3, $4, $5, $14, $6 FROM en)
                 SELECT id FROM en`,
          values: [e.kind, e.name, code, e.country ?? null, e.org ?? null, seen, now(), plainKeys, foldName(e.name), lang, title, dispatch, e.id, decision.reason],
        }))!.id,
      );
    }
    const entity = cand.id;
    // A person whose side one dispatch left unsaid stands for the side other dispatches give: earlier reports learn
    // it now, whatever the order of ingest.
    const side = (x: { code: string | null; country: string | null; org: string | null }) => sideOf({ kind: cand.kind, name: '', code: x.code ?? undefined, country: x.country ?? undefined, org: x.org ?? undefined });
    const before = side(cand);
    const after = side({ code: cand.code ?? code, country: cand.country ?? e.country ?? null, org: cand.org ?? e.org ?? null });
    const r = (await get(c, {
      name: 'seen-entity',
      text: `WITH u AS (UPDATE entities SET code = coalesce(code, $2), country = coalesce(country, $3), org = coalesce(org, $4),
                        first_seen = least(coalesce(first_seen, $5), $5), last_seen = greatest(coalesce(last_seen, $5), $5) WHERE id = $1 RETURNING id),
               mg AS (INSERT INTO merges (entity_id, other_id, name, dispatch_id, reason, by, at)
                      SELECT $1, NULL, $6, $7, $8, 'auto', $9 WHERE NOT EXISTS (SELECT 1 FROM entity_names WHERE entity_id = $1 AND name = $6)),
               sp AS (UPDATE event_participants SET side = $10 WHERE $10::text IS NOT NULL AND entity_id = $1 AND side IS NULL),
               k AS (INSERT INTO entity_keys (key, entity_id) SELECT unnest($11::text[]), $1 ON CONFLICT DO NOTHING),
               n AS (INSERT INTO entity_names (entity_id, name, name_fold, lang, count, first_seen, last_seen) VALUES ($1, $6, $12, $13, 1, $5, $5)
                     ON CONFLICT (entity_id, name) DO UPDATE SET count = entity_names.count + 1,
                       first_seen = least(entity_names.first_seen, excluded.first_seen), last_seen = greatest(entity_names.last_seen, excluded.last_seen)
                     RETURNING name, count, first_seen),
               t AS (INSERT INTO entity_titles (entity_id, title, count, first_seen, last_seen) SELECT $1, $14, 1, $5, $5 WHERE $14::text <> ''
                     ON CONFLICT (entity_id, title) DO UPDATE SET count = entity_titles.count + 1,
                       first_seen = least(entity_titles.first_seen, excluded.first_seen), last_seen = greatest(entity_titles.last_seen, excluded.last_seen)),
               m AS (INSERT INTO mentions (dispatch_id, local_id, entity_id, kind, name, title, code, country, org, reason, seen)
                     VALUES ($7, $15, $1, $16, $6, $14, $2, $3, $4, $8, $5))
             -- The display name is the name seen most (then first, then first in order): the one it was, or this one.
             SELECT x.name FROM (SELECT name, count, first_seen FROM n
                                 UNION ALL SELECT name, count, first_seen FROM entity_names WHERE entity_id = $1 AND name = $17 AND name <> $6) x
             ORDER BY x.count DESC, x.first_seen NULLS FIRST, x.name LIMIT 1`,
      values: [entity, code, e.country ?? null, e.org ?? null, seen, e.name, dispatch, decision.reason, now(), !before && after ? after : null, plainKeys, foldName(e.name), lang, title, e.id, e.kind, cand.name],
    }))!;
    if (String(r.name) !== cand.name) await run(c, { name: 'display-name', text: 'UPDATE entities SET name = $2 WHERE id = $1', values: [entity, r.name] });
    return entity;
  }

  /** The side an archive entity stands for when a dispatch does not say (see `sideOf`). */
  private async entitySide(c: Queryable, entity: number): Promise<string | null> {
    const r = await get(c, 'SELECT kind, code, country, org FROM entities WHERE id = $1', [entity]);
    return r ? sideOf({ kind: r.kind as EntityKind, name: '', code: str(r.code) ?? undefined, country: str(r.country) ?? undefined, org: str(r.org) ?? undefined }) : null;
  }

  private async refreshDisplayName(c: Queryable, entity: number): Promise<void> {
    await run(
      c,
      `UPDATE entities SET name = n.name FROM (SELECT name FROM entity_names WHERE entity_id = $1 ORDER BY count DESC, first_seen NULLS FIRST, name LIMIT 1) n
       WHERE id = $1 AND entities.name IS DISTINCT FROM n.name`,
      [entity],
    );
  }

  /** Makes exactly one current report of each signature the counted one (a report of news before a recollection). */
  private async recount(c: Queryable, signatures: string[]): Promise<void> {
    if (!signatures.length) return;
    await run(c, {
      name: 'recount',
      text: `WITH w AS (SELECT DISTINCT ON (signature) id FROM events WHERE signature = ANY($1::text[]) AND current ORDER BY signature, background, id)
             UPDATE events e SET counted = (e.id IN (SELECT id FROM w))
             WHERE e.signature = ANY($1::text[]) AND e.counted IS DISTINCT FROM (e.id IN (SELECT id FROM w))`,
      values: [signatures],
    });
  }

  /** Puts a dispatch in the story of every current dispatch reporting one of its contacts; returns those dispatches. */
  private async linkStory(c: Queryable, id: number): Promise<number[]> {
    const others = await all(c, {
      name: 'story-others',
      text: `SELECT DISTINCT o.dispatch_id AS d, dd.story_id AS s FROM events e JOIN events o ON o.signature = e.signature AND o.dispatch_id <> e.dispatch_id AND o.current
             JOIN dispatches dd ON dd.id = o.dispatch_id WHERE e.dispatch_id = $1 AND e.signature NOT LIKE 'u:%' ORDER BY o.dispatch_id`,
      values: [id],
    });
    const stories = [...new Set(others.map((r) => Number(r.s ?? r.d)))];
    const story = Math.min(id, ...stories);
    await run(c, { name: 'story-own', text: 'UPDATE dispatches SET story_id = $1 WHERE id = $2', values: [story, id] });
    const merged = stories.filter((s) => s !== story);
    if (merged.length) await run(c, 'UPDATE dispatches SET story_id = $1 WHERE story_id = ANY($2::bigint[])', [story, merged]);
    return others.map((r) => Number(r.d));
  }

  async getDispatch(id: number, opts: { text?: boolean } = {}): Promise<StoredDispatch | null> {
    if (!Number.isSafeInteger(id)) return null;
    const r = await this.read((c) => get(c, `SELECT ${DISPATCH_COLUMNS}${opts.text ? ', text' : ''} FROM dispatches WHERE id = $1`, [id]));
    return r ? toDispatch(r, !!opts.text) : null;
  }

  async dispatchByUrl(url: string): Promise<StoredDispatch | null> {
    const r = await this.read((c) => get(c, `SELECT ${DISPATCH_COLUMNS} FROM dispatches WHERE url = $1 AND current`, [url]));
    return r ? toDispatch(r, false) : null;
  }

  async revisions(url: string): Promise<StoredDispatch[]> {
    return (await this.read((c) => all(c, `SELECT ${DISPATCH_COLUMNS} FROM dispatches WHERE url = $1 ORDER BY revision`, [url]))).map((r) => toDispatch(r, false));
  }

  // ---------------------------------------------------------------- entities

  private async canonicalId(c: Queryable, id: number): Promise<number | null> {
    if (!Number.isSafeInteger(id)) return null;
    let cur = id;
    for (let i = 0; i < 64; i++) {
      const r = await get(c, 'SELECT merged_into FROM entities WHERE id = $1', [cur]);
      if (!r) return null;
      if (r.merged_into === null) return cur;
      cur = Number(r.merged_into);
    }
    return cur;
  }

  /** Entities with their names, titles and dispatch counts, in the order of `ids` (four queries for any number). */
  private async hydrateEntities(c: Queryable, ids: number[]): Promise<ArchiveEntity[]> {
    if (!ids.length) return [];
    const [rows, names, titles, counts] = await Promise.all([
      all(c, 'SELECT * FROM entities WHERE id = ANY($1::bigint[])', [ids]),
      all(c, 'SELECT entity_id, name, lang, count, first_seen, last_seen FROM entity_names WHERE entity_id = ANY($1::bigint[]) ORDER BY entity_id, count DESC, first_seen NULLS FIRST, name', [ids]),
      all(c, 'SELECT entity_id, title, count, first_seen, last_seen FROM entity_titles WHERE entity_id = ANY($1::bigint[]) ORDER BY entity_id, first_seen NULLS FIRST, title', [ids]),
      all(c, 'SELECT entity_id, count(DISTINCT dispatch_id) AS n FROM mentions WHERE entity_id = ANY($1::bigint[]) GROUP BY entity_id', [ids]),
    ]);
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const group = <T>(list: Row[], map: (r: Row) => T) => {
      const out = new Map<number, T[]>();
      for (const r of list) {
        const k = Number(r.entity_id);
        const l = out.get(k) ?? [];
        l.push(map(r));
        out.set(k, l);
      }
      return out;
    };
    const nameMap = group(names, (n) => ({ name: String(n.name), lang: str(n.lang), count: Number(n.count), firstSeen: str(n.first_seen), lastSeen: str(n.last_seen) }));
    const titleMap = group(titles, (t) => ({ title: String(t.title), count: Number(t.count), firstSeen: str(t.first_seen), lastSeen: str(t.last_seen) }));
    const countMap = new Map(counts.map((r) => [Number(r.entity_id), Number(r.n)]));
    const out: ArchiveEntity[] = [];
    for (const id of ids) {
      const r = byId.get(id);
      if (!r) continue;
      out.push({
        id, kind: r.kind as EntityKind, name: String(r.name), code: str(r.code), country: str(r.country), org: str(r.org),
        names: nameMap.get(id) ?? [], titles: titleMap.get(id) ?? [], dispatches: countMap.get(id) ?? 0, firstSeen: str(r.first_seen), lastSeen: str(r.last_seen),
      });
    }
    return out;
  }

  private async hydrateEntity(c: Queryable, id: number): Promise<ArchiveEntity | null> {
    return (await this.hydrateEntities(c, [id]))[0] ?? null;
  }

  /** Ids of unmerged entities one of whose name forms contains the folded text, or whose key it shares. */
  private async entityIdsByName(c: Queryable, name: string, kind?: EntityKind): Promise<number[]> {
    const fold = foldName(name);
    if (!fold) return [];
    const like = `%${fold.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const tokens = nameTokens(name);
    const keys: string[] = [];
    if (tokens.length >= 2) keys.push(`person:${personKey(name)}`);
    if (tokens.length === 1) keys.push(`surname:${tokenKey(tokens[0]!)}`);
    const rows = await all(
      c,
      // One UNION of the two lookups (an OR of two IN lists reads every entity).
      `SELECT en.id FROM entities en
       WHERE en.id IN (SELECT entity_id FROM entity_names WHERE name_fold LIKE $2 UNION SELECT entity_id FROM entity_keys WHERE key = ANY($3::text[]))
         AND en.merged_into IS NULL AND ($1::text IS NULL OR en.kind = $1)
       ORDER BY en.id`,
      [kind ?? null, like, keys],
    );
    return rows.map((r) => Number(r.id));
  }

  async entities(q: EntityQuery): Promise<Page<ArchiveEntity>> {
    return this.read(async (c) => {
      const p = new Params();
      const where: string[] = ['en.merged_into IS NULL'];
      if (q.kind) where.push(`en.kind = ${p.add(q.kind)}`);
      if (q.country) {
        const v = p.add(q.country);
        where.push(`(en.country = ${v} OR (en.kind = 'country' AND en.code = ${v}))`);
      }
      if (q.org) {
        const v = p.add(q.org);
        where.push(`(en.org = ${v} OR (en.kind = 'organization' AND en.code = ${v}))`);
      }
      if (q.name) where.push(`en.id = ANY(${p.add(await this.entityIdsByName(c, q.name, q.kind))}::bigint[])`);
      const after = decodeCursor(q.cursor, ['number']);
      if (after) where.push(`en.id > ${p.add(after[0])}`);
      const limit = clampLimit(q.limit);
      const rows = await all(c, `SELECT en.id FROM entities en WHERE ${where.join(' AND ')} ORDER BY en.id LIMIT ${p.add(limit + 1)}`, p.values);
      const items = await this.hydrateEntities(c, rows.slice(0, limit).map((r) => Number(r.id)));
      return { items, next: rows.length > limit ? encodeCursor([items.at(-1)!.id]) : null };
    });
  }

  async entity(ref: string | number): Promise<ArchiveEntity | null> {
    return this.read(async (c) => {
      const p = typeof ref === 'number' ? { id: ref } : parseActorRef(ref);
      if ('id' in p) {
        const id = await this.canonicalId(c, p.id);
        return id === null ? null : this.hydrateEntity(c, id);
      }
      if ('side' in p) {
        const r = await get(c, "SELECT id FROM entities WHERE merged_into IS NULL AND code = $1 AND kind IN ('country', 'organization') ORDER BY id LIMIT 1", [p.side]);
        if (r) return this.hydrateEntity(c, Number(r.id));
      }
      const name = 'side' in p ? p.side : p.name;
      const rows = await all(c, 'SELECT DISTINCT n.entity_id AS id FROM entity_names n JOIN entities en ON en.id = n.entity_id WHERE en.merged_into IS NULL AND n.name_fold = $1', [foldName(name)]);
      return rows.length === 1 ? this.hydrateEntity(c, Number(rows[0]!.id)) : null;
    });
  }

  async findEntities(ref: string): Promise<ArchiveEntity[]> {
    const p = parseActorRef(ref);
    if ('id' in p) {
      const e = await this.entity(p.id);
      return e ? [e] : [];
    }
    return this.read(async (c) => {
      if ('side' in p) {
        const rows = await all(c, "SELECT id FROM entities WHERE merged_into IS NULL AND code = $1 AND kind IN ('country', 'organization') ORDER BY id", [p.side]);
        if (rows.length) return this.hydrateEntities(c, rows.map((r) => Number(r.id)));
      }
      return this.hydrateEntities(c, await this.entityIdsByName(c, 'side' in p ? p.side : p.name));
    });
  }

  async mergeHistory(entity: number): Promise<MergeRecord[]> {
    if (!Number.isSafeInteger(entity)) return [];
    const rows = await this.read((c) => all(c, 'SELECT * FROM merges WHERE entity_id = $1 OR other_id = $1 ORDER BY id', [entity]));
    return rows.map((r) => ({
      id: Number(r.id), entity: Number(r.entity_id), other: r.other_id === null ? null : Number(r.other_id), name: str(r.name),
      dispatch: r.dispatch_id === null ? null : Number(r.dispatch_id), reason: String(r.reason), by: r.by as 'auto' | 'user', at: String(r.at),
    }));
  }

  async mergeEntities(kept: number, absorbed: number, reason?: string): Promise<ArchiveEntity> {
    const merged = await this.tx(async (c): Promise<number> => {
      const k = await this.canonicalId(c, kept);
      const a = await this.canonicalId(c, absorbed);
      if (k === null) throw new StoreError('not_found', `no entity #${kept}`);
      if (a === null) throw new StoreError('not_found', `no entity #${absorbed}`);
      if (k === a) throw new StoreError('bad_request', `#${kept} and #${absorbed} are already one entity (#${k})`);
      const ek = (await get(c, 'SELECT * FROM entities WHERE id = $1', [k]))!;
      const ea = (await get(c, 'SELECT * FROM entities WHERE id = $1', [a]))!;
      if (ek.kind !== ea.kind) throw new StoreError('bad_request', `#${k} is a ${ek.kind} and #${a} a ${ea.kind}: only entities of one kind can be merged`);
      const names = (await all(c, 'SELECT name FROM entity_names WHERE entity_id = $1', [a])).map((r) => String(r.name));
      const events = await this.eventIdsOf(c, [k, a]);
      await run(c, 'UPDATE mentions SET entity_id = $1 WHERE entity_id = $2', [k, a]);
      await run(c, 'UPDATE event_participants SET entity_id = $1 WHERE entity_id = $2', [k, a]);
      await run(c, 'UPDATE events SET location_id = $1 WHERE location_id = $2', [k, a]);
      await run(c, 'INSERT INTO entity_keys (key, entity_id) SELECT key, $1 FROM entity_keys WHERE entity_id = $2 ON CONFLICT DO NOTHING', [k, a]);
      await run(c, 'DELETE FROM entity_keys WHERE entity_id = $1', [a]);
      // Every name form of the absorbed entity is pinned to the kept one, so later dispatches follow the user.
      await run(c, 'INSERT INTO entity_keys (key, entity_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [names.map((n) => pinKey(ek.kind as EntityKind, n)), k]);
      await run(
        c,
        `UPDATE entities SET code = coalesce(code, $1), country = coalesce(country, $2), org = coalesce(org, $3),
           first_seen = least(coalesce(first_seen, $4), coalesce($4, first_seen)), last_seen = greatest(coalesce(last_seen, $5), coalesce($5, last_seen)) WHERE id = $6`,
        [ea.code, ea.country, ea.org, ea.first_seen, ea.last_seen, k],
      );
      await run(c, 'UPDATE entities SET merged_into = $1 WHERE id = $2', [k, a]);
      await this.rebuildNames(c, k);
      await this.rebuildNames(c, a);
      await run(c, "INSERT INTO merges (entity_id, other_id, name, dispatch_id, reason, by, at) VALUES ($1, $2, $3, NULL, $4, 'user', $5)", [
        k, a, String(ea.name), reason?.trim() || `merged by the user: "${ea.name}" (#${a}) is "${ek.name}" (#${k})`, now(),
      ]);
      await this.resign(c, events);
      return k;
    });
    return (await this.read((c) => this.hydrateEntity(c, merged)))!;
  }

  async splitEntity(entity: number, req: SplitRequest): Promise<ArchiveEntity> {
    const created = await this.tx(async (c): Promise<number> => {
      const id = await this.canonicalId(c, entity);
      if (id === null) throw new StoreError('not_found', `no entity #${entity}`);
      const src = (await get(c, 'SELECT * FROM entities WHERE id = $1', [id]))!;
      const names = (req.names ?? []).map(foldName).filter(Boolean);
      const dispatches = req.dispatches ?? [];
      if (!names.length && !dispatches.length) throw new StoreError('bad_request', 'say which name forms (--name) or dispatches (--dispatch) to split off');
      const mentions = await all(c, 'SELECT dispatch_id, local_id, name FROM mentions WHERE entity_id = $1 ORDER BY dispatch_id, local_id', [id]);
      const moved = mentions.filter((m) => names.includes(foldName(String(m.name))) || dispatches.includes(Number(m.dispatch_id)));
      if (!moved.length) throw new StoreError('bad_request', `entity #${id} has no mention with those names or in those dispatches`);
      if (moved.length === mentions.length) throw new StoreError('bad_request', `that would move every mention of #${id}: nothing would be left to split from`);
      const first = String(moved[0]!.name);
      const fresh = Number(
        (await get(c, 'INSERT INTO entities (kind, name, code, country, org, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [src.kind, first, src.code, src.country, src.org, now()]))!.id,
      );
      const events = await this.eventIdsOf(c, [id]);
      const md = moved.map((m) => Number(m.dispatch_id));
      const ml = moved.map((m) => String(m.local_id));
      await run(c, 'UPDATE mentions m SET entity_id = $1 FROM unnest($2::bigint[], $3::text[]) AS x(d, l) WHERE m.dispatch_id = x.d AND m.local_id = x.l', [fresh, md, ml]);
      await run(
        c,
        `UPDATE event_participants p SET entity_id = $1 FROM events e, unnest($2::bigint[], $3::text[]) AS x(d, l)
         WHERE e.id = p.event_id AND e.dispatch_id = x.d AND p.local_id = x.l`,
        [fresh, md, ml],
      );
      await run(c, 'UPDATE events e SET location_id = $1 FROM unnest($2::bigint[], $3::text[]) AS x(d, l) WHERE e.dispatch_id = x.d AND e.location_local = x.l', [fresh, md, ml]);
      // The split-off name forms are pinned to the new entity (and no longer to the old one): later dispatches
      // naming them go there, the user's correction standing over the transliteration key.
      const movedNames = [...new Set(moved.map((m) => String(m.name)))];
      const keepNames = new Set((await all(c, 'SELECT DISTINCT name FROM mentions WHERE entity_id = $1', [id])).map((r) => foldName(String(r.name))));
      for (const n of movedNames) {
        if (keepNames.has(foldName(n))) continue;
        const pin = pinKey(src.kind as EntityKind, n);
        await run(c, 'DELETE FROM entity_keys WHERE key = $1 AND entity_id = $2', [pin, id]);
        const keys = [pin, ...resolutionKeys({ kind: src.kind as EntityKind, name: n }).filter((k) => !k.startsWith('pin:'))];
        await run(c, 'INSERT INTO entity_keys (key, entity_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [keys, fresh]);
      }
      await this.rebuildNames(c, id);
      await this.rebuildNames(c, fresh);
      await run(c, "INSERT INTO merges (entity_id, other_id, name, dispatch_id, reason, by, at) VALUES ($1, $2, $3, NULL, $4, 'user', $5)", [
        fresh, id, movedNames.join(', '), req.reason?.trim() || `split by the user from "${src.name}" (#${id}): ${movedNames.join(', ')}`, now(),
      ]);
      await this.resign(c, events);
      return fresh;
    });
    return (await this.read((c) => this.hydrateEntity(c, created)))!;
  }

  /** Names, titles and seen dates of an entity, recounted from its mentions (after a user correction). */
  private async rebuildNames(c: Queryable, entity: number): Promise<void> {
    await run(c, 'DELETE FROM entity_names WHERE entity_id = $1', [entity]);
    await run(c, 'DELETE FROM entity_titles WHERE entity_id = $1', [entity]);
    const rows = await all(c, 'SELECT m.name, m.title, m.seen, d.lang FROM mentions m JOIN dispatches d ON d.id = m.dispatch_id WHERE m.entity_id = $1 ORDER BY m.dispatch_id, m.local_id', [entity]);
    if (!rows.length) return;
    type Seen = { count: number; first: string | null; last: string | null; lang?: string | null };
    const tally = (map: Map<string, Seen>, key: string, seen: string | null, lang?: string | null) => {
      const s = map.get(key);
      if (!s) map.set(key, { count: 1, first: seen, last: seen, lang });
      else {
        s.count++;
        // As SQL's min/max over text: a null bound stays null in the embedded store, so it does here.
        s.first = s.first === null || seen === null ? null : seen < s.first ? seen : s.first;
        s.last = s.last === null || seen === null ? null : seen > s.last ? seen : s.last;
      }
    };
    const names = new Map<string, Seen>();
    const titles = new Map<string, Seen>();
    for (const r of rows) {
      tally(names, String(r.name), str(r.seen), str(r.lang));
      if (r.title) tally(titles, String(r.title), str(r.seen));
    }
    const nk = [...names.keys()];
    await run(
      c,
      `INSERT INTO entity_names (entity_id, name, name_fold, lang, count, first_seen, last_seen)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[])`,
      [entity, nk, nk.map(foldName), nk.map((k) => names.get(k)!.lang ?? null), nk.map((k) => names.get(k)!.count), nk.map((k) => names.get(k)!.first), nk.map((k) => names.get(k)!.last)],
    );
    const tk = [...titles.keys()];
    if (tk.length) {
      await run(c, 'INSERT INTO entity_titles (entity_id, title, count, first_seen, last_seen) SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[])', [
        entity, tk, tk.map((k) => titles.get(k)!.count), tk.map((k) => titles.get(k)!.first), tk.map((k) => titles.get(k)!.last),
      ]);
    }
    await run(c, 'UPDATE entities SET first_seen = m.f, last_seen = m.l FROM (SELECT min(seen) AS f, max(seen) AS l FROM mentions WHERE entity_id = $1) m WHERE id = $1', [entity]);
    await this.refreshDisplayName(c, entity);
  }

  private async eventIdsOf(c: Queryable, entities: number[]): Promise<number[]> {
    return (await all(c, 'SELECT DISTINCT event_id FROM event_participants WHERE entity_id = ANY($1::bigint[]) ORDER BY event_id', [entities])).map((r) => Number(r.event_id));
  }

  /** Recomputes the signatures of events whose participants changed, then who counts and which story. */
  private async resign(c: Queryable, eventIds: number[]): Promise<void> {
    if (!eventIds.length) return;
    const rows = await all(
      c,
      `SELECT e.id, e.dispatch_id, e.local_id, e.mode, e.type, e.date_start, e.signature, array_agg(p.entity_id) FILTER (WHERE p.entity_id IS NOT NULL) AS ids
       FROM events e LEFT JOIN event_participants p ON p.event_id = e.id WHERE e.id = ANY($1::bigint[]) GROUP BY e.id ORDER BY e.id`,
      [eventIds],
    );
    const touched = new Set<string>();
    const dispatches = new Set<number>();
    const changedIds: number[] = [];
    const changedSigs: string[] = [];
    for (const ev of rows) {
      const ids = ((ev.ids as unknown[] | null) ?? []).map(Number);
      const sig = eventSignature(str(ev.date_start), String(ev.mode), String(ev.type), ids) ?? `u:${ev.dispatch_id}:${ev.local_id}`;
      touched.add(String(ev.signature));
      if (sig !== ev.signature) {
        changedIds.push(Number(ev.id));
        changedSigs.push(sig);
      }
      touched.add(sig);
      dispatches.add(Number(ev.dispatch_id));
    }
    if (changedIds.length) await run(c, 'UPDATE events e SET signature = x.s FROM unnest($1::bigint[], $2::text[]) AS x(id, s) WHERE e.id = x.id', [changedIds, changedSigs]);
    await this.recount(c, [...touched]);
    for (const d of [...dispatches].sort((a, b) => a - b)) await this.linkStory(c, d);
  }

  // ---------------------------------------------------------------- events

  /** SQL matching one participant `alias` to an actor reference; null when the reference names nothing known. */
  private async actorClause(c: Queryable, ref: string, alias: string, p: Params): Promise<string | null> {
    const r = parseActorRef(ref);
    if ('side' in r) return `${alias}.side = ${p.add(canonicalCode('organization', r.side))}`;
    const ids = 'id' in r ? [await this.canonicalId(c, r.id)].filter((x): x is number => x !== null) : await this.entityIdsByName(c, r.name);
    if (!ids.length) return null;
    return ids.length === 1 ? `${alias}.entity_id = ${p.add(ids[0])}` : `${alias}.entity_id = ANY(${p.add(ids)}::bigint[])`;
  }

  async events(q: EventQuery): Promise<Page<ArchiveEvent>> {
    checkDateBound(q.since, 'since');
    checkDateBound(q.until, 'until');
    const tsq = q.text ? ftsQuery(q.text) : null;
    return this.read(async (c) => {
      const p = new Params();
      const where: string[] = ['e.current'];
      const empty = { items: [], next: null };
      const participant = async (ref: string): Promise<boolean> => {
        const cl = await this.actorClause(c, ref, 'p', p);
        if (!cl) return false;
        where.push(`EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND ${cl})`);
        return true;
      };
      // Between two actors the question is their contacts: stances only when asked for by mode or type.
      if (q.between && !q.modes?.includes('statement') && !(q.types ?? []).some((t) => t !== 'CONSULT' && t !== 'AGREE')) where.push("e.mode <> 'statement'");
      // Between two sides: one index range of side_pairs, in the page's order.
      const pair = q.between ? sidePair(q.between[0], q.between[1]) : null;
      if (pair) where.push(`sp.a = ${p.add(pair[0])}`, `sp.b = ${p.add(pair[1])}`);
      else if (q.between) {
        const [a, b] = q.between;
        const ca = await this.actorClause(c, a, 'p', p);
        const cb = await this.actorClause(c, b, 'o', p);
        if (!ca || !cb) return empty;
        // Two different participants: one for each side.
        where.push(`EXISTS (SELECT 1 FROM event_participants p JOIN event_participants o ON o.event_id = p.event_id AND o.local_id <> p.local_id
                    WHERE p.event_id = e.id AND ${ca} AND ${cb})`);
      }
      if (q.actor && !(await participant(q.actor))) return empty;
      if (q.country && !(await participant(q.country))) return empty;
      if (q.org && !(await participant(q.org))) return empty;
      if (q.person) {
        const ids = await this.entityIdsByName(c, q.person, 'person');
        if (!ids.length) return empty;
        // A person's events are few: read from the participants, not found by walking every event in date order.
        where.push(`e.id IN (SELECT p.event_id FROM event_participants p WHERE p.entity_id = ANY(${p.add(ids)}::bigint[]))`);
      }
      if (q.types?.length) where.push(`e.type = ANY(${p.add(q.types)}::text[])`);
      const [sortCol, idCol] = pair ? ['sp.sort_date', 'sp.event_id'] : ['e.sort_date', 'e.id'];
      periodAndModes(q, where, p, sortCol);
      if (tsq !== null) where.push(`e.dispatch_id IN (SELECT id FROM dispatches WHERE fts @@ to_tsquery('communique_simple', ${p.add(tsq)}))`);
      if (q.includePlanned === false) where.push('NOT e.planned');
      if (q.includeBackground === false) where.push('NOT e.background');
      if (q.distinct) where.push('e.counted');
      if (q.dispatch !== undefined) where.push(`e.dispatch_id = ${p.add(q.dispatch)}`);
      const after = decodeCursor(q.cursor, ['string', 'number']);
      if (after) {
        const s = p.add(after[0]);
        where.push(`(${sortCol} > ${s} OR (${sortCol} = ${s} AND ${idCol} > ${p.add(after[1])}))`);
      }
      const limit = clampLimit(q.limit);
      const rows = await all(
        c,
        `SELECT ${EVENT_COLUMNS}
         FROM ${pair ? 'side_pairs sp JOIN events e ON e.id = sp.event_id' : 'events e'} JOIN dispatches d ON d.id = e.dispatch_id
         WHERE ${where.join(' AND ')} ORDER BY ${sortCol}, ${idCol} LIMIT ${p.add(limit + 1)}`,
        p.values,
      );
      const page = rows.slice(0, limit);
      const items = await this.hydrateEvents(c, page);
      const last = page.at(-1);
      return { items, next: rows.length > limit && last ? encodeCursor([String(last.sort_date), Number(last.id)]) : null };
    });
  }

  private async hydrateEvents(c: Queryable, rows: Row[]): Promise<ArchiveEvent[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => Number(r.id));
    const locIds = [...new Set(rows.map((r) => r.location_id).filter((x) => x !== null).map(Number))];
    const [parts, locRows] = await Promise.all([
      all(
        c,
        `SELECT p.event_id, p.entity_id, p.local_id, p.role, p.side, en.name, en.kind, m.name AS as_written
         FROM event_participants p JOIN events e ON e.id = p.event_id JOIN entities en ON en.id = p.entity_id
         LEFT JOIN mentions m ON m.dispatch_id = e.dispatch_id AND m.local_id = p.local_id
         WHERE p.event_id = ANY($1::bigint[])`,
        [ids],
      ),
      locIds.length ? all(c, 'SELECT id, name, code, country FROM entities WHERE id = ANY($1::bigint[])', [locIds]) : Promise.resolve([] as Row[]),
    ]);
    const byEvent = new Map<number, (ArchiveParticipant & { local: string })[]>();
    for (const r of parts) {
      const list = byEvent.get(Number(r.event_id)) ?? [];
      list.push({ entity: Number(r.entity_id), name: String(r.name), asWritten: String(r.as_written ?? r.name), kind: r.kind as EntityKind, side: str(r.side), role: r.role as 'actor' | 'recipient', local: String(r.local_id) });
      byEvent.set(Number(r.event_id), list);
    }
    const locs = new Map(locRows.map((l) => [Number(l.id), l]));
    return rows.map((r) => {
      const list = byEvent.get(Number(r.id)) ?? [];
      const loc = r.location_id === null ? null : locs.get(Number(r.location_id));
      const ev: ArchiveEvent = {
        id: Number(r.id),
        mode: r.mode as Mode,
        type: r.type as PloverType,
        ploverMode: str(r.plover_mode),
        cameo: str(r.cameo),
        date: { start: str(r.date_start), end: str(r.date_end), basis: r.date_basis as ArchiveEvent['date']['basis'], ...(r.date_partial ? { partial: JSON.parse(String(r.date_partial)) } : {}) },
        planned: !!r.planned,
        background: !!r.background,
        confidence: Number(r.confidence),
        participants: list.sort((a, b) => localOrder(a.local) - localOrder(b.local)).map(({ local: _local, ...x }) => x),
        location: loc ? { entity: Number(loc.id), name: String(loc.name), code: str(loc.code) ?? str(loc.country) } : null,
        topics: JSON.parse(String(r.topics)),
        evidence: JSON.parse(String(r.evidence)),
        signature: String(r.signature),
        counted: !!r.counted,
        reports: Number(r.reports ?? 1),
        dispatch: { id: Number(r.dispatch_id), docId: String(r.doc_id), url: str(r.url), source: String(r.source), title: str(r.title), published: str(r.published), lang: String(r.lang), revision: Number(r.revision) },
      };
      return ev;
    });
  }

  // ---------------------------------------------------------------- relations

  private async relationRows(c: Queryable, a: string, b: string | null, q: RelationQuery): Promise<Row[]> {
    checkDateBound(q.since, 'since');
    checkDateBound(q.until, 'until');
    const p = new Params();
    const sa = sideCode(a);
    const sb = b === null ? null : sideCode(b);
    if (sa && (b === null || sb)) {
      // A side's relations: whole years from the yearly counts, other periods from its contact pairs.
      const where = [`a = ${p.add(sa)}`];
      if (sb) where.push(`b = ${p.add(sb)}`);
      if (wholeYears(q)) {
        if (q.modes?.length) where.push(`mode = ANY(${p.add(q.modes)}::text[])`);
        if (q.since) where.push(`year >= ${p.add(q.since)}`);
        if (q.until) where.push(`year <> '' AND year <= ${p.add(q.until)}`);
        return all(c, `SELECT b AS side, year, mode, n, first, last FROM relation_counts WHERE ${where.join(' AND ')} ORDER BY b, year, mode`, p.values);
      }
      where.push('contact');
      periodAndModes(q, where, p, 'sort_date', 'mode');
      return all(
        c,
        `SELECT b AS side, substr(sort_date, 1, 4) AS year, mode, count(*) AS n, min(sort_date) AS first, max(sort_date) AS last
         FROM side_pairs WHERE ${where.join(' AND ')} GROUP BY b, year, mode ORDER BY b, year, mode`,
        p.values,
      );
    }
    const ca = await this.actorClause(c, a, 'p', p);
    if (!ca) return [];
    // Relations count contacts: stances ("statement" events) are not contacts.
    const where: string[] = ['e.current', 'e.counted', 'NOT e.planned', 'NOT e.background', "e.mode <> 'statement'", 'o.side IS NOT NULL', 'o.entity_id <> p.entity_id', '(p.side IS NULL OR o.side <> p.side)', ca];
    if (b !== null) {
      const cb = await this.actorClause(c, b, 'o', p);
      if (!cb) return [];
      where.push(cb);
    }
    periodAndModes(q, where, p);
    return all(
      c,
      `SELECT o.side AS side, substr(e.sort_date, 1, 4) AS year, e.mode AS mode, count(DISTINCT e.id) AS n, min(e.sort_date) AS first, max(e.sort_date) AS last
       FROM events e JOIN event_participants p ON p.event_id = e.id JOIN event_participants o ON o.event_id = e.id
       WHERE ${where.join(' AND ')} GROUP BY o.side, year, e.mode ORDER BY o.side, year, e.mode`,
      p.values,
    );
  }

  /** The names of some sides, in one query: for each code, the entity seen most under it (its name forms' counts:
   *  a few rows, where its mentions are thousands); the code itself when none. */
  private async sideNames(c: Queryable, sides: string[]): Promise<Map<string, string>> {
    const rows = sides.length
      ? await all(
          c,
          `SELECT DISTINCT ON (code) code, name FROM entities WHERE merged_into IS NULL AND code = ANY($1::text[]) AND kind IN ('country', 'organization')
           ORDER BY code, (SELECT sum(n.count) FROM entity_names n WHERE n.entity_id = entities.id) DESC NULLS LAST, id`,
          [sides],
        )
      : [];
    const names = new Map(rows.map((r) => [String(r.code), String(r.name)]));
    return new Map(sides.map((s) => [s, names.get(s) ?? s]));
  }

  /** Relations from grouped rows, the busiest first, `top` of them, each counterpart named. */
  private async toRelations(c: Queryable, a: string, rows: Row[], top?: number): Promise<Relation[]> {
    const out = new Map<string, Relation>();
    const aSide = await this.sideLabel(c, a);
    for (const r of rows) {
      const b = String(r.side);
      const rel = out.get(b) ?? { a: aSide.code, b, aName: aSide.name, bName: b, contacts: 0, first: null, last: null, byYear: [] };
      const n = Number(r.n);
      rel.contacts += n;
      rel.byYear.push({ year: String(r.year) || 'undated', mode: String(r.mode), count: n });
      const first = str(r.first) || null;
      const last = str(r.last) || null;
      if (first && (!rel.first || first < rel.first)) rel.first = first;
      if (last && (!rel.last || last > rel.last)) rel.last = last;
      out.set(b, rel);
    }
    const rels = [...out.values()].sort((x, y) => y.contacts - x.contacts || x.b.localeCompare(y.b));
    const kept = top ? rels.slice(0, top) : rels;
    const names = await this.sideNames(c, kept.map((r) => r.b));
    for (const r of kept) r.bName = names.get(r.b) ?? r.b;
    return kept;
  }

  private async sideLabel(c: Queryable, ref: string): Promise<{ code: string; name: string }> {
    const p = parseActorRef(ref);
    if ('side' in p) {
      const code = canonicalCode('organization', p.side)!;
      return { code, name: (await this.sideNames(c, [code])).get(code)! };
    }
    if ('id' in p) {
      const id = await this.canonicalId(c, p.id);
      const r = id === null ? undefined : await get(c, 'SELECT name FROM entities WHERE id = $1', [id]);
      return { code: `#${id ?? p.id}`, name: r ? String(r.name) : ref };
    }
    return { code: ref, name: ref };
  }

  async relations(actor: string, q: RelationQuery = {}): Promise<Relation[]> {
    return this.read(async (c) => {
      return this.toRelations(c, actor, await this.relationRows(c, actor, null, q), q.top);
    });
  }

  async relation(a: string, b: string, q: RelationQuery = {}): Promise<Relation> {
    return this.read(async (c) => {
      const rels = await this.toRelations(c, a, await this.relationRows(c, a, b, q));
      const bl = await this.sideLabel(c, b);
      if (!rels.length) {
        const al = await this.sideLabel(c, a);
        return { a: al.code, b: bl.code, aName: al.name, bName: bl.name, contacts: 0, first: null, last: null, byYear: [] };
      }
      // Several sides can answer to one reference (an entity id): fold them into one relation.
      const out: Relation = { ...rels[0]!, b: bl.code, bName: bl.name, contacts: 0, byYear: [] };
      const counts = new Map<string, number>();
      for (const r of rels) {
        out.contacts += r.contacts;
        if (r.first && (!out.first || r.first < out.first)) out.first = r.first;
        if (r.last && (!out.last || r.last > out.last)) out.last = r.last;
        for (const x of r.byYear) counts.set(`${x.year}\t${x.mode}`, (counts.get(`${x.year}\t${x.mode}`) ?? 0) + x.count);
      }
      out.byYear = [...counts].map(([k, count]) => ({ year: k.split('\t')[0]!, mode: k.split('\t')[1]!, count })).sort((x, y) => x.year.localeCompare(y.year) || x.mode.localeCompare(y.mode));
      return out;
    });
  }

  // ---------------------------------------------------------------- search and export

  async search(text: string, opts: { limit?: number; cursor?: string | null } = {}): Promise<Page<SearchHit>> {
    const tsq = ftsQuery(text);
    const limit = clampLimit(opts.limit ?? 20);
    const offset = Number(decodeCursor(opts.cursor, ['number'])?.[0] ?? 0);
    return this.read(async (c) => {
      // Ranked window by window (see RANK_WINDOW): the newest matching current dispatches by id, read backwards on
      // the primary key when the words are common, from the full-text index when they are rare.
      const hits: Row[] = [];
      for (let at = offset; hits.length <= limit; ) {
        const w = Math.floor(at / this.rankWindow);
        const rows = await all(
          c,
          // Matched on the accent-folded words (as the embedded store), ranked by the dispatch's language with stems;
          // the rank is negated so that, as with the embedded store's bm25, smaller is better.
          `WITH q AS (SELECT to_tsquery('communique_simple', $1) AS m, to_tsquery('communique_french', $1) AS fr, to_tsquery('communique_english', $1) AS en),
             -- The match written out (not read from q) so that the planner weighs the words' frequency: backwards on the
             -- primary key for common words, from the full-text index for rare ones.
             win AS (SELECT d.id, d.lang, d.fts, d.fts_ranked FROM dispatches d WHERE d.fts @@ to_tsquery('communique_simple', $1) AND d.current ORDER BY d.id DESC LIMIT $2 OFFSET $3)
           SELECT win.id, -(ts_rank_cd(win.fts_ranked, CASE WHEN win.lang = 'en' THEN q.en ELSE q.fr END) + ts_rank_cd(win.fts, q.m)) AS rank,
             count(*) OVER () AS size
           FROM win, q ORDER BY rank, win.id LIMIT $4 OFFSET $5`,
          [tsq, this.rankWindow, w * this.rankWindow, limit + 1 - hits.length, at % this.rankWindow],
        );
        hits.push(...rows);
        if (!rows.length || Number(rows[0]!.size) < this.rankWindow) break;
        at = (w + 1) * this.rankWindow;
      }
      const page = hits.slice(0, limit);
      const ids = page.map((h) => Number(h.id));
      const [docs, events] = await Promise.all([
        all(
          c,
          `SELECT ${DISPATCH_COLUMNS.replace(/(^|, )(?=\w)/g, '$1d.')},
             ts_headline('communique_simple', left(d.text, ${FTS_MAX_CHARS}), to_tsquery('communique_simple', $1), 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "') AS snip
           FROM dispatches d WHERE d.id = ANY($2::bigint[])`,
          [tsq, ids],
        ),
        this.eventsOf(c, ids),
      ]);
      const byId = new Map(docs.map((r) => [Number(r.id), r]));
      const items = page.map((h) => {
        const r = byId.get(Number(h.id))!;
        return { dispatch: toDispatch(r, false), snippet: String(r.snip), rank: Number(h.rank), events: events.get(Number(h.id)) ?? [] };
      });
      return { items, next: hits.length > limit ? encodeCursor([offset + limit]) : null };
    });
  }

  /** The current events of some dispatches, each dispatch's in the order of an event list. */
  private async eventsOf(c: Queryable, dispatches: number[]): Promise<Map<number, ArchiveEvent[]>> {
    const out = new Map<number, ArchiveEvent[]>();
    if (!dispatches.length) return out;
    const rows = await all(
      c,
      `SELECT ${EVENT_COLUMNS} FROM events e JOIN dispatches d ON d.id = e.dispatch_id
       WHERE e.current AND e.dispatch_id = ANY($1::bigint[]) ORDER BY e.sort_date, e.id`,
      [dispatches],
    );
    for (const ev of await this.hydrateEvents(c, rows)) {
      const list = out.get(ev.dispatch.id) ?? [];
      if (list.length < MAX_LIMIT) list.push(ev);
      out.set(ev.dispatch.id, list);
    }
    return out;
  }

  async *exportEvents(q: EventQuery = {}): AsyncIterable<ArchiveEvent> {
    let cursor: string | null = null;
    do {
      const page: Page<ArchiveEvent> = await this.events({ ...q, limit: EXPORT_PAGE, cursor });
      yield* page.items;
      cursor = page.next;
    } while (cursor);
  }

  async *exportEntities(q: EntityQuery = {}): AsyncIterable<ArchiveEntity> {
    let cursor: string | null = null;
    do {
      const page: Page<ArchiveEntity> = await this.entities({ ...q, limit: EXPORT_PAGE, cursor });
      yield* page.items;
      cursor = page.next;
    } while (cursor);
  }

  /** Every dispatch as it was saved, revisions included, in the order stored: what `db copy` replays elsewhere. */
  async *exportDispatches(): AsyncIterable<DispatchRecord> {
    let after = 0;
    for (;;) {
      const rows = await this.read((c) =>
        all(
          c,
          `SELECT d.id, d.doc_id, d.url, d.source, d.feed, d.lang, d.title, d.published, d.dateline, d.text, d.extraction,
             (SELECT coalesce(json_agg(json_build_object('rawHash', s.raw_hash, 'source', s.source, 'url', s.url) ORDER BY s.seen_at, s.raw_hash, s.source), '[]') FROM sightings s WHERE s.dispatch_id = d.id)::text AS sightings,
             (SELECT coalesce(json_object_agg(m.local_id, m.entity_id), '{}') FROM mentions m WHERE m.dispatch_id = d.id)::text AS mentions
           FROM dispatches d WHERE d.id > $1 ORDER BY d.id LIMIT $2`,
          [after, EXPORT_PAGE],
        ),
      );
      for (const r of rows) yield toRecord(r);
      if (rows.length < EXPORT_PAGE) return;
      after = Number(rows.at(-1)!.id);
    }
  }

  /** Every feed with its state (when it was ever polled) and the items stored from it. */
  async *exportFeeds(): AsyncIterable<FeedExport> {
    const rows = await this.read((c) =>
      all(
        c,
        `SELECT u.url, f.etag, f.last_modified, f.last_checked, f.last_status, f.last_error, f.url IS NOT NULL AS has_state,
           (SELECT coalesce(json_agg(json_build_object('key', i.item_key, 'dispatch', i.dispatch_id) ORDER BY i.item_key), '[]') FROM feed_items i WHERE i.feed = u.url)::text AS items
         FROM (SELECT url FROM feeds UNION SELECT DISTINCT feed FROM feed_items) u LEFT JOIN feeds f ON f.url = u.url ORDER BY u.url`,
      ),
    );
    for (const r of rows) {
      yield {
        url: String(r.url),
        state: r.has_state ? { url: String(r.url), etag: str(r.etag), lastModified: str(r.last_modified), lastChecked: str(r.last_checked), lastStatus: r.last_status === null ? null : Number(r.last_status), lastError: str(r.last_error) } : null,
        items: JSON.parse(String(r.items)),
      };
    }
  }

  // ---------------------------------------------------------------- feeds

  async feedState(url: string): Promise<FeedState | null> {
    const r = await this.read((c) => get(c, 'SELECT * FROM feeds WHERE url = $1', [url]));
    return r ? { url, etag: str(r.etag), lastModified: str(r.last_modified), lastChecked: str(r.last_checked), lastStatus: r.last_status === null ? null : Number(r.last_status), lastError: str(r.last_error) } : null;
  }

  async saveFeedState(s: FeedState): Promise<void> {
    await this.read((c) =>
      run(
        c,
        `INSERT INTO feeds (url, etag, last_modified, last_checked, last_status, last_error) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_checked = excluded.last_checked,
           last_status = excluded.last_status, last_error = excluded.last_error`,
        [s.url, s.etag, s.lastModified, s.lastChecked, s.lastStatus, s.lastError],
      ),
    );
  }

  async seenFeedItem(feed: string, key: string): Promise<boolean> {
    return !!(await this.read((c) => get(c, 'SELECT 1 FROM feed_items WHERE feed = $1 AND item_key = $2', [feed, key])));
  }

  async markFeedItem(feed: string, key: string, dispatch: number): Promise<void> {
    await this.read((c) => run(c, 'INSERT INTO feed_items (feed, item_key, dispatch_id, seen_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [feed, key, dispatch, now()]));
  }

  async stats(): Promise<ArchiveStats> {
    const r = await this.read((c) =>
      get(
        c,
        `SELECT (SELECT count(*) FROM dispatches WHERE current) AS dispatches, (SELECT count(*) FROM dispatches WHERE NOT current) AS revisions,
           (SELECT count(*) FROM events WHERE current) AS events, (SELECT count(*) FROM entities WHERE merged_into IS NULL) AS entities,
           (SELECT count(DISTINCT story_id) FROM dispatches WHERE current) AS stories`,
      ),
    );
    return { dispatches: Number(r!.dispatches), revisions: Number(r!.revisions), events: Number(r!.events), entities: Number(r!.entities), stories: Number(r!.stories) };
  }
}

/** A stored dispatch rebuilt as the extraction that was saved, with its provenance and sightings. */
export function toRecord(r: Row): DispatchRecord {
  const x = JSON.parse(String(r.extraction)) as { id: string; source: string | null; noise?: Dispatch['noise']; entities: Dispatch['entities']; events: Dispatch['events'] };
  const dispatch: Dispatch = {
    id: x.id ?? String(r.doc_id), source: x.source ?? null, lang: String(r.lang), title: str(r.title), published: str(r.published),
    dateline: r.dateline ? JSON.parse(String(r.dateline)) : null, text: String(r.text), noise: x.noise ?? [], entities: x.entities, events: x.events,
  };
  return {
    id: Number(r.id),
    dispatch,
    meta: { source: String(r.source), url: str(r.url), feed: str(r.feed) },
    sightings: JSON.parse(String(r.sightings)),
    mentions: Object.fromEntries(Object.entries(JSON.parse(String(r.mentions)) as Record<string, unknown>).map(([k, v]) => [k, Number(v)])),
  };
}

/** Every column of a dispatch but its text and search vectors (read only when asked for). */
const DISPATCH_COLUMNS = 'id, doc_id, text_hash, url, revision, current, superseded_by, source, feed, lang, title, published, agency, story_id, ingested_at';

function clampLimit(n: number | undefined): number {
  if (n === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(n) || n < 1) throw new StoreError('bad_request', `a limit must be a positive whole number, not ${n}`);
  return Math.min(n, MAX_LIMIT);
}

/** "e12" → 12: participants listed in the dispatch's entity order. */
function localOrder(local: string): number {
  const n = Number(local.replace(/^\D+/, ''));
  return Number.isFinite(n) ? n : 0;
}

/** The tsquery for a user's search (same grammar as the embedded store's: see common.ts `searchTerms`). */
export function ftsQuery(text: string): string {
  const q = tsQueryText(searchTerms(text));
  if (!q) throw new StoreError('bad_request', `nothing to search for in "${text}"`);
  return q;
}

function toDispatch(r: Row, withText: boolean): StoredDispatch {
  const d: StoredDispatch = {
    id: Number(r.id), docId: String(r.doc_id), url: str(r.url), source: String(r.source), feed: str(r.feed), revision: Number(r.revision), current: !!r.current,
    supersededBy: r.superseded_by === null ? null : Number(r.superseded_by), lang: String(r.lang), title: str(r.title), published: str(r.published),
    agency: str(r.agency), textHash: String(r.text_hash), ingestedAt: String(r.ingested_at), story: Number(r.story_id ?? r.id),
  };
  if (withText) d.text = String(r.text);
  return d;
}

/** An event row as lists read it: the event, its dispatch, and how many current dispatches report its contact. */
const EVENT_COLUMNS = `e.*, d.doc_id, d.url, d.source, d.title, d.published, d.lang, d.revision,
  (SELECT count(DISTINCT r.dispatch_id) FROM events r WHERE r.signature = e.signature AND r.current) AS reports`;

/** The period and mode filters shared by event lists and relations. */
function periodAndModes(q: { since?: string | null; until?: string | null; modes?: string[] | null }, where: string[], p: Params, sortCol = 'e.sort_date', modeCol = 'e.mode'): void {
  if (q.modes?.length) where.push(`${modeCol} = ANY(${p.add(q.modes)}::text[])`);
  if (q.since) where.push(`${sortCol} >= ${p.add(q.since)}`);
  if (q.until) where.push(`${sortCol} <> '' AND ${sortCol} <= ${p.add(untilBound(q.until))}`);
}
