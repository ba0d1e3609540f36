// The embedded archive: one SQLite file (better-sqlite3), WAL journal, FTS5 full text folding accents.
// better-sqlite3 is synchronous; the methods are async only to honour the repository interface.
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
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
  type StoredExtraction,
} from '../repository.ts';
import { checkDateBound, decodeCursor, dispatchDate, encodeCursor, parseActorRef, RANK_WINDOW, searchTerms, sideCode, sidePair, textHash, untilBound, wholeYears } from '../common.ts';
import { loadMigrations } from '../migrations.ts';
import { toRecord } from '../postgres/repository.ts';
import type { DispatchRecord, FeedExport } from '../postgres/copy-types.ts';
import { canonicalCode, eventSignature, foldName, nameTokens, personKey, pinKey, resolutionKeys, resolve, sideOf, tokenKey, type Candidate } from '../../archive/resolve.ts';

type Row = Record<string, unknown>;
type Params = unknown[];

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;
const STATEMENT_CACHE = 500;
/** Rows per page when exporting: bounded memory whatever the archive's size. */
const EXPORT_PAGE = 500;

const now = () => new Date().toISOString();
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const json = (v: unknown): string => JSON.stringify(v);

export class SqliteRepository implements ArchiveRepository {
  /** How many matches are ranked together (RANK_WINDOW; smaller in tests). */
  rankWindow = RANK_WINDOW;
  readonly kind = 'sqlite';
  readonly location: string;
  private db: Database.Database | null = null;

  constructor(private readonly path: string) {
    this.location = path === ':memory:' ? path : resolvePath(path);
  }

  private get conn(): Database.Database {
    if (!this.db) throw new StoreError('unavailable', 'the archive is not open');
    return this.db;
  }

  async open(): Promise<MigrationReport> {
    if (this.path !== ':memory:') {
      const dir = dirname(this.location);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new StoreError('bad_location', `cannot create the archive ${this.location}: folder ${dir} does not exist`);
      if (existsSync(this.location) && statSync(this.location).isDirectory()) throw new StoreError('bad_location', `the archive path ${this.location} is a folder; give a file name`);
    }
    try {
      this.db = new Database(this.path);
      this.db.pragma('busy_timeout = 15000');
      this.db.pragma('journal_mode = WAL');
      // WAL with NORMAL sync: a killed process loses nothing committed; only a power cut may lose the last commits.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
    } catch (e) {
      this.db?.close();
      this.db = null;
      throw new StoreError('corrupt', `cannot open the archive ${this.location}: ${(e as Error).message}`);
    }
    return this.migrate();
  }

  async migrate(): Promise<MigrationReport> {
    const db = this.conn;
    const migrations = loadMigrations('sqlite');
    const latest = migrations.at(-1)?.version ?? 0;
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const current = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    if (current > latest) {
      throw new StoreError('newer_schema', `the archive ${this.location} has schema version ${current}, newer than this Communiqué knows (${latest}): upgrade Communiqué to open it`);
    }
    const applied: string[] = [];
    for (const m of migrations) {
      if (m.version <= current) continue;
      // Each migration and its record in one transaction: a failed migration leaves the archive as it was.
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now());
      }).immediate();
      applied.push(m.name);
    }
    return { from: current, to: Math.max(current, latest), applied };
  }

  async close(): Promise<void> {
    this.statements.clear();
    if (this.db) {
      this.db.close();
      this.db = null;
    }
  }

  /** Prepared statements by SQL text: preparing costs more than running, most of all on tables with triggers,
   *  whose bodies are compiled into every statement that writes them. Bounded: the oldest goes first. */
  private statements = new Map<string, Database.Statement>();
  private prepared(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.conn.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, st);
    }
    return st;
  }
  private all(sql: string, params: Params = []): Row[] {
    return this.prepared(sql).all(...params) as Row[];
  }
  private get(sql: string, params: Params = []): Row | undefined {
    return this.prepared(sql).get(...params) as Row | undefined;
  }
  private run(sql: string, params: Params = []): Database.RunResult {
    return this.prepared(sql).run(...params);
  }

  // ---------------------------------------------------------------- dispatches

  async sawRaw(raw: string, meta: DispatchMeta): Promise<number | null> {
    const row = this.get('SELECT dispatch_id FROM sightings WHERE raw_hash = ? LIMIT 1', [raw]);
    if (!row) return null;
    this.run('INSERT OR IGNORE INTO sightings (raw_hash, source, dispatch_id, url, seen_at) VALUES (?, ?, ?, ?, ?)', [raw, meta.source, row.dispatch_id, meta.url ?? null, now()]);
    return Number(row.dispatch_id);
  }

  async saveDispatch(d: Dispatch, meta: DispatchMeta): Promise<SaveOutcome> {
    if (d.error) throw new StoreError('bad_request', `a failed document is not stored (${d.error.code})`);
    return this.conn.transaction(() => this.saveNow(d, meta)).immediate();
  }

  private saveNow(d: Dispatch, meta: DispatchMeta): SaveOutcome {
    const hash = textHash(d.text);
    const at = now();
    const sight = (id: number) => {
      if (meta.rawHash) this.run('INSERT OR IGNORE INTO sightings (raw_hash, source, dispatch_id, url, seen_at) VALUES (?, ?, ?, ?, ?)', [meta.rawHash, meta.source, id, meta.url ?? null, at]);
    };
    const same = this.get('SELECT id, revision, story_id FROM dispatches WHERE text_hash = ?', [hash]);
    if (same) {
      sight(Number(same.id));
      const events = Number(this.get('SELECT count(*) AS n FROM events WHERE dispatch_id = ?', [same.id])!.n);
      return { status: 'duplicate', dispatch: Number(same.id), revision: Number(same.revision), events, story: [] };
    }
    const url = meta.url ?? null;
    const prev = url ? this.get('SELECT id, revision FROM dispatches WHERE url = ? AND current = 1', [url]) : undefined;
    const revision = prev ? Number(prev.revision) + 1 : 1;
    const seen = dispatchDate(d) ?? at.slice(0, 10);
    const extraction = { id: d.id, source: d.source, noise: d.noise ?? [], entities: d.entities, events: d.events };
    const id = Number(
      this.run(
        `INSERT INTO dispatches (doc_id, text_hash, url, revision, current, source, feed, lang, title, published, agency, dateline, text, ingested_at, extraction)
         VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [d.id, hash, url, revision, meta.source, meta.feed ?? null, d.lang, d.title, d.published, d.dateline?.agency ?? null, d.dateline ? json(d.dateline) : null, d.text, at, json(extraction)],
      ).lastInsertRowid,
    );
    this.run('INSERT INTO dispatch_fts (rowid, title, text) VALUES (?, ?, ?)', [id, d.title ?? '', d.text]);
    const touched = new Set<string>();
    if (prev) {
      // A changed page: the old revision stays, no longer current, and its events no longer count.
      this.run('UPDATE dispatches SET current = 0, superseded_by = ? WHERE id = ?', [id, prev.id]);
      // Search finds current revisions only: the old one leaves the index (with the values it was indexed with).
      this.run("INSERT INTO dispatch_fts (dispatch_fts, rowid, title, text) SELECT 'delete', id, coalesce(title, ''), text FROM dispatches WHERE id = ?", [prev.id]);
      for (const r of this.all('SELECT DISTINCT signature FROM events WHERE dispatch_id = ?', [prev.id])) touched.add(String(r.signature));
      this.run('UPDATE events SET current = 0, counted = 0 WHERE dispatch_id = ?', [prev.id]);
    }

    // Entities: each resolved against the archive, in the dispatch's order.
    const local = new Map<string, { entity: number; e: Entity }>();
    for (const e of d.entities) local.set(e.id, { entity: this.resolveEntity(e, id, d.lang, seen), e });

    // Events.
    let n = 0;
    for (const ev of d.events) {
      const parts = ev.participants.filter((p) => local.has(p));
      const ids = parts.map((p) => local.get(p)!.entity);
      const sig = eventSignature(ev.date.start, ev.mode, ev.type, ids) ?? `u:${id}:${ev.id}`;
      const evidence = ev.evidence.map((s) => ({ start: s.start, end: s.end, text: d.text.slice(s.start, s.end) }));
      const eventId = Number(
        this.run(
          `INSERT INTO events (dispatch_id, local_id, mode, type, plover_mode, cameo, date_start, date_end, date_basis, date_partial, sort_date,
             location_id, location_local, topics, background, planned, confidence, evidence, signature, current, counted)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, NOT EXISTS (SELECT 1 FROM events WHERE signature = ? AND current = 1))`,
          [
            id, ev.id, ev.mode, ev.type, ev.plover_mode ?? null, ev.cameo ?? null, ev.date.start, ev.date.end, ev.date.basis,
            ev.date.partial ? json(ev.date.partial) : null, ev.date.start ?? dispatchDate(d) ?? '',
            ev.location && local.has(ev.location) ? local.get(ev.location)!.entity : null, ev.location ?? null,
            json(ev.topics), ev.background ? 1 : 0, ev.planned ? 1 : 0, ev.confidence, json(evidence), sig, sig,
          ],
        ).lastInsertRowid,
      );
      const recipients = new Set(ev.recipients);
      for (const p of parts) {
        const { entity, e } = local.get(p)!;
        this.run('INSERT OR IGNORE INTO event_participants (event_id, entity_id, local_id, role, side) VALUES (?, ?, ?, ?, ?)', [eventId, entity, p, recipients.has(p) ? 'recipient' : 'actor', sideOf(e) ?? this.entitySide(entity)]);
      }
      touched.add(sig);
      n++;
    }
    this.recount([...touched]);
    const story = this.linkStory(id);
    sight(id);
    return { status: prev ? 'revision' : 'new', dispatch: id, revision, events: n, story };
  }

  /** Links a dispatch's local entity to an archive entity (new or known), recording names, titles and why. */
  private resolveEntity(e: Entity, dispatch: number, lang: string, seen: string): number {
    const keys = resolutionKeys(e);
    const rows = this.all(
      `SELECT k.key, en.id, en.kind, en.name, en.code, en.country, en.org FROM entity_keys k JOIN entities en ON en.id = k.entity_id
       WHERE k.key IN (SELECT value FROM json_each(?)) AND en.merged_into IS NULL`,
      [json(keys)],
    );
    const byId = new Map<number, Candidate>();
    for (const r of rows) {
      const cid = Number(r.id);
      const c = byId.get(cid) ?? { id: cid, kind: r.kind as EntityKind, name: String(r.name), code: str(r.code), country: str(r.country), org: str(r.org), matched: [] };
      c.matched.push(String(r.key));
      byId.set(cid, c);
    }
    const decision = resolve(e, [...byId.values()]);
    const code = canonicalCode(e.kind, e.code);
    let entity = decision.entity;
    if (entity === null) {
      entity = Number(
        this.run('INSERT INTO entities (kind, name, code, country, org, first_seen, last_seen, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [e.kind, e.name, code, e.country ?? null, e.org ?? null, seen, seen, now()]).lastInsertRowid,
      );
    } else {
      const before = this.entitySide(entity);
      this.run(
        `UPDATE entities SET code = coalesce(code, ?), country = coalesce(country, ?), org = coalesce(org, ?),
           first_seen = min(coalesce(first_seen, ?), ?), last_seen = max(coalesce(last_seen, ?), ?) WHERE id = ?`,
        [code, e.country ?? null, e.org ?? null, seen, seen, seen, seen, entity],
      );
      // A person whose side one dispatch left unsaid ("le secrétaire général adjoint de l'Alliance") stands for the
      // side other dispatches give: earlier reports learn it now, whatever the order of ingest.
      const after = this.entitySide(entity);
      if (!before && after) this.run('UPDATE event_participants SET side = ? WHERE entity_id = ? AND side IS NULL', [after, entity]);
      const known = this.get('SELECT 1 FROM entity_names WHERE entity_id = ? AND name = ?', [entity, e.name]);
      if (!known) this.run('INSERT INTO merges (entity_id, other_id, name, dispatch_id, reason, by, at) VALUES (?, NULL, ?, ?, ?, ?, ?)', [entity, e.name, dispatch, decision.reason, 'auto', now()]);
    }
    for (const k of keys) if (!k.startsWith('pin:')) this.run('INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)', [k, entity]);
    this.run(
      `INSERT INTO entity_names (entity_id, name, name_fold, lang, count, first_seen, last_seen) VALUES (?, ?, ?, ?, 1, ?, ?)
       ON CONFLICT (entity_id, name) DO UPDATE SET count = count + 1, first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`,
      [entity, e.name, foldName(e.name), lang, seen, seen],
    );
    if (e.title) {
      this.run(
        `INSERT INTO entity_titles (entity_id, title, count, first_seen, last_seen) VALUES (?, ?, 1, ?, ?)
         ON CONFLICT (entity_id, title) DO UPDATE SET count = count + 1, first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`,
        [entity, e.title, seen, seen],
      );
    }
    this.run('INSERT INTO mentions (dispatch_id, local_id, entity_id, kind, name, title, code, country, org, reason, seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      dispatch, e.id, entity, e.kind, e.name, e.title ?? null, code, e.country ?? null, e.org ?? null, decision.reason, seen,
    ]);
    this.refreshDisplayName(entity);
    return entity;
  }

  /** The side an archive entity stands for when a dispatch does not say (see `sideOf`). */
  private entitySide(entity: number): string | null {
    const r = this.get('SELECT kind, code, country, org FROM entities WHERE id = ?', [entity]);
    return r ? sideOf({ kind: r.kind as EntityKind, name: '', code: str(r.code) ?? undefined, country: str(r.country) ?? undefined, org: str(r.org) ?? undefined }) : null;
  }

  private refreshDisplayName(entity: number): void {
    this.run('UPDATE entities SET name = (SELECT name FROM entity_names WHERE entity_id = ? ORDER BY count DESC, first_seen, name LIMIT 1) WHERE id = ? AND EXISTS (SELECT 1 FROM entity_names WHERE entity_id = ?)', [entity, entity, entity]);
  }

  /** Makes exactly one current report of each signature the counted one (a report of news before a recollection). */
  // A new report is stored counted when no current report of its contact exists (the usual case), so that the
  // recount changes nothing and the side pairs are written once; the recount writes only the rows that change.
  private recount(signatures: string[]): void {
    for (const s of signatures) {
      const w = Number(this.get('SELECT id FROM events WHERE signature = ? AND current = 1 ORDER BY background, id LIMIT 1', [s])?.id ?? -1);
      this.run('UPDATE events SET counted = (id = ?) WHERE signature = ? AND counted != (id = ?)', [w, s, w]);
    }
  }

  /** Puts a dispatch in the story of every current dispatch reporting one of its contacts; returns those dispatches. */
  private linkStory(id: number): number[] {
    const others = this.all(
      `SELECT DISTINCT o.dispatch_id AS d, dd.story_id AS s FROM events e JOIN events o ON o.signature = e.signature AND o.dispatch_id != e.dispatch_id AND o.current = 1
       JOIN dispatches dd ON dd.id = o.dispatch_id WHERE e.dispatch_id = ? AND e.signature NOT LIKE 'u:%' ORDER BY o.dispatch_id`,
      [id],
    );
    const stories = [...new Set(others.map((r) => Number(r.s ?? r.d)))];
    const story = Math.min(id, ...stories);
    this.run('UPDATE dispatches SET story_id = ? WHERE id = ?', [story, id]);
    for (const s of stories) if (s !== story) this.run('UPDATE dispatches SET story_id = ? WHERE story_id = ?', [story, s]);
    return others.map((r) => Number(r.d));
  }

  async getDispatch(id: number, opts: { text?: boolean; extraction?: boolean } = {}): Promise<StoredDispatch | null> {
    const r = this.get(`SELECT * FROM dispatches WHERE id = ?`, [id]);
    if (!r) return null;
    const d = toDispatch(r, !!opts.text);
    if (opts.extraction) {
      const x = JSON.parse(String(r.extraction)) as { noise?: StoredExtraction['noise']; entities?: Entity[] };
      d.extraction = {
        dateline: r.dateline ? (JSON.parse(String(r.dateline)) as StoredExtraction['dateline']) : null,
        noise: x.noise ?? [],
        entities: (x.entities ?? []).map((e) => ({ ...e, archive: null })),
      };
    }
    return d;
  }

  async dispatchByUrl(url: string): Promise<StoredDispatch | null> {
    const r = this.get('SELECT * FROM dispatches WHERE url = ? AND current = 1', [url]);
    return r ? toDispatch(r, false) : null;
  }

  async revisions(url: string): Promise<StoredDispatch[]> {
    return this.all('SELECT * FROM dispatches WHERE url = ? ORDER BY revision', [url]).map((r) => toDispatch(r, false));
  }

  // ---------------------------------------------------------------- entities

  private canonicalId(id: number): number | null {
    let cur = id;
    for (let i = 0; i < 64; i++) {
      const r = this.get('SELECT merged_into FROM entities WHERE id = ?', [cur]);
      if (!r) return null;
      if (r.merged_into === null) return cur;
      cur = Number(r.merged_into);
    }
    return cur;
  }

  private hydrateEntity(id: number): ArchiveEntity | null {
    const r = this.get('SELECT * FROM entities WHERE id = ?', [id]);
    if (!r) return null;
    const names = this.all('SELECT name, lang, count, first_seen, last_seen FROM entity_names WHERE entity_id = ? ORDER BY count DESC, first_seen, name', [id]).map((n) => ({
      name: String(n.name), lang: str(n.lang), count: Number(n.count), firstSeen: str(n.first_seen), lastSeen: str(n.last_seen),
    }));
    const titles = this.all('SELECT title, count, first_seen, last_seen FROM entity_titles WHERE entity_id = ? ORDER BY first_seen, title', [id]).map((t) => ({
      title: String(t.title), count: Number(t.count), firstSeen: str(t.first_seen), lastSeen: str(t.last_seen),
    }));
    const dispatches = Number(this.get('SELECT count(DISTINCT dispatch_id) AS n FROM mentions WHERE entity_id = ?', [id])!.n);
    return {
      id, kind: r.kind as EntityKind, name: String(r.name), code: str(r.code), country: str(r.country), org: str(r.org),
      names, titles, dispatches, firstSeen: str(r.first_seen), lastSeen: str(r.last_seen),
    };
  }

  /** Ids of unmerged entities with this exact name form (accents and case aside); failing that, those one of whose
   *  name forms contains it or whose transliteration key it shares. */
  private entityIdsByName(name: string, kind?: EntityKind): number[] {
    const fold = foldName(name);
    if (!fold) return [];
    const exact = this.all(
      `SELECT DISTINCT en.id FROM entity_names n JOIN entities en ON en.id = n.entity_id
       WHERE n.name_fold = ? AND en.merged_into IS NULL AND (? IS NULL OR en.kind = ?) ORDER BY en.id`,
      [fold, kind ?? null, kind ?? null],
    );
    if (exact.length) return exact.map((r) => Number(r.id));
    const tokens = nameTokens(name);
    const keys: string[] = [];
    if (tokens.length >= 2) keys.push(`person:${personKey(name)}`);
    if (tokens.length === 1) keys.push(`surname:${tokenKey(tokens[0]!)}`);
    // Any part of a name form: from the trigram index when the part has three characters and no LIKE wildcard, else
    // by reading every form.
    const forms = fold.length >= 3 && !/[\\%_]/.test(fold)
      ? "SELECT entity_id FROM entity_names WHERE name_fold IN (SELECT name_fold FROM name_trigrams WHERE name_fold LIKE ?)"
      : "SELECT entity_id FROM entity_names WHERE name_fold LIKE ? ESCAPE '\\'";
    const like = `%${fold.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.all(
      `SELECT en.id FROM entities en WHERE en.id IN (${forms} UNION SELECT entity_id FROM entity_keys WHERE key IN (SELECT value FROM json_each(?)))
         AND en.merged_into IS NULL AND (? IS NULL OR en.kind = ?)
       ORDER BY en.id`,
      [like, json(keys), kind ?? null, kind ?? null],
    );
    return rows.map((r) => Number(r.id));
  }

  async entities(q: EntityQuery): Promise<Page<ArchiveEntity>> {
    const where: string[] = ['en.merged_into IS NULL'];
    const params: Params = [];
    if (q.kind) {
      where.push('en.kind = ?');
      params.push(q.kind);
    }
    if (q.country) {
      where.push("(en.country = ? OR (en.kind = 'country' AND en.code = ?))");
      params.push(q.country, q.country);
    }
    if (q.org) {
      where.push("(en.org = ? OR (en.kind = 'organization' AND en.code = ?))");
      params.push(q.org, q.org);
    }
    if (q.name) {
      where.push('en.id IN (SELECT value FROM json_each(?))');
      params.push(json(this.entityIdsByName(q.name, q.kind)));
    }
    const after = decodeCursor(q.cursor, ['number']);
    if (after) {
      where.push('en.id > ?');
      params.push(after[0]);
    }
    const limit = clampLimit(q.limit);
    const rows = this.all(`SELECT en.id FROM entities en WHERE ${where.join(' AND ')} ORDER BY en.id LIMIT ?`, [...params, limit + 1]);
    const items = rows.slice(0, limit).map((r) => this.hydrateEntity(Number(r.id))!);
    return { items, next: rows.length > limit ? encodeCursor([items.at(-1)!.id]) : null };
  }

  async entity(ref: string | number): Promise<ArchiveEntity | null> {
    const p = typeof ref === 'number' ? { id: ref } : parseActorRef(ref);
    if ('id' in p) {
      const id = this.canonicalId(p.id);
      return id === null ? null : this.hydrateEntity(id);
    }
    if ('side' in p) {
      const r = this.get("SELECT id FROM entities WHERE merged_into IS NULL AND code = ? AND kind IN ('country', 'organization') ORDER BY id LIMIT 1", [p.side]);
      if (r) return this.hydrateEntity(Number(r.id));
    }
    const name = 'side' in p ? p.side : p.name;
    const rows = this.all('SELECT DISTINCT n.entity_id AS id FROM entity_names n JOIN entities en ON en.id = n.entity_id WHERE en.merged_into IS NULL AND n.name_fold = ?', [foldName(name)]);
    return rows.length === 1 ? this.hydrateEntity(Number(rows[0]!.id)) : null;
  }

  async findEntities(ref: string): Promise<ArchiveEntity[]> {
    const p = parseActorRef(ref);
    if ('id' in p) {
      const e = await this.entity(p.id);
      return e ? [e] : [];
    }
    if ('side' in p) {
      const rows = this.all("SELECT id FROM entities WHERE merged_into IS NULL AND code = ? AND kind IN ('country', 'organization') ORDER BY id", [p.side]);
      if (rows.length) return rows.map((r) => this.hydrateEntity(Number(r.id))!);
    }
    return this.entityIdsByName('side' in p ? p.side : p.name).map((id) => this.hydrateEntity(id)!);
  }

  async mergeHistory(entity: number): Promise<MergeRecord[]> {
    return this.all('SELECT * FROM merges WHERE entity_id = ? OR other_id = ? ORDER BY id', [entity, entity]).map((r) => ({
      id: Number(r.id), entity: Number(r.entity_id), other: r.other_id === null ? null : Number(r.other_id), name: str(r.name),
      dispatch: r.dispatch_id === null ? null : Number(r.dispatch_id), reason: String(r.reason), by: r.by as 'auto' | 'user', at: String(r.at),
    }));
  }

  async mergeEntities(kept: number, absorbed: number, reason?: string): Promise<ArchiveEntity> {
    const merged = this.conn
      .transaction((): number => {
        const k = this.canonicalId(kept);
        const a = this.canonicalId(absorbed);
        if (k === null) throw new StoreError('not_found', `no entity #${kept}`);
        if (a === null) throw new StoreError('not_found', `no entity #${absorbed}`);
        if (k === a) throw new StoreError('bad_request', `#${kept} and #${absorbed} are already one entity (#${k})`);
        const ek = this.get('SELECT * FROM entities WHERE id = ?', [k])!;
        const ea = this.get('SELECT * FROM entities WHERE id = ?', [a])!;
        if (ek.kind !== ea.kind) throw new StoreError('bad_request', `#${k} is a ${ek.kind} and #${a} a ${ea.kind}: only entities of one kind can be merged`);
        const names = this.all('SELECT name FROM entity_names WHERE entity_id = ?', [a]).map((r) => String(r.name));
        const events = this.eventIdsOf([k, a]);
        this.run('UPDATE mentions SET entity_id = ? WHERE entity_id = ?', [k, a]);
        this.run('UPDATE event_participants SET entity_id = ? WHERE entity_id = ?', [k, a]);
        this.run('UPDATE events SET location_id = ? WHERE location_id = ?', [k, a]);
        this.run('INSERT OR IGNORE INTO entity_keys (key, entity_id) SELECT key, ? FROM entity_keys WHERE entity_id = ?', [k, a]);
        this.run('DELETE FROM entity_keys WHERE entity_id = ?', [a]);
        // Every name form of the absorbed entity is pinned to the kept one, so later dispatches follow the user.
        for (const n of names) this.run('INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)', [pinKey(ek.kind as EntityKind, n), k]);
        this.run(
          `UPDATE entities SET code = coalesce(code, ?), country = coalesce(country, ?), org = coalesce(org, ?),
             first_seen = min(coalesce(first_seen, ?), coalesce(?, first_seen)), last_seen = max(coalesce(last_seen, ?), coalesce(?, last_seen)) WHERE id = ?`,
          [ea.code, ea.country, ea.org, ea.first_seen, ea.first_seen, ea.last_seen, ea.last_seen, k],
        );
        this.run('UPDATE entities SET merged_into = ? WHERE id = ?', [k, a]);
        this.rebuildNames(k);
        this.rebuildNames(a);
        this.run('INSERT INTO merges (entity_id, other_id, name, dispatch_id, reason, by, at) VALUES (?, ?, ?, NULL, ?, ?, ?)', [
          k, a, String(ea.name), reason?.trim() || `merged by the user: "${ea.name}" (#${a}) is "${ek.name}" (#${k})`, 'user', now(),
        ]);
        this.resign(events);
        return k;
      })
      .immediate();
    return this.hydrateEntity(merged)!;
  }

  async splitEntity(entity: number, req: SplitRequest): Promise<ArchiveEntity> {
    const created = this.conn
      .transaction((): number => {
        const id = this.canonicalId(entity);
        if (id === null) throw new StoreError('not_found', `no entity #${entity}`);
        const src = this.get('SELECT * FROM entities WHERE id = ?', [id])!;
        const names = (req.names ?? []).map(foldName).filter(Boolean);
        const dispatches = req.dispatches ?? [];
        if (!names.length && !dispatches.length) throw new StoreError('bad_request', 'say which name forms (--name) or dispatches (--dispatch) to split off');
        const moved = this.all('SELECT dispatch_id, local_id, name FROM mentions WHERE entity_id = ? ORDER BY dispatch_id, local_id', [id]).filter(
          (m) => names.includes(foldName(String(m.name))) || dispatches.includes(Number(m.dispatch_id)),
        );
        if (!moved.length) throw new StoreError('bad_request', `entity #${id} has no mention with those names or in those dispatches`);
        const total = Number(this.get('SELECT count(*) AS n FROM mentions WHERE entity_id = ?', [id])!.n);
        if (moved.length === total) throw new StoreError('bad_request', `that would move every mention of #${id}: nothing would be left to split from`);
        const first = String(moved[0]!.name);
        const fresh = Number(
          this.run('INSERT INTO entities (kind, name, code, country, org, created_at) VALUES (?, ?, ?, ?, ?, ?)', [src.kind, first, src.code, src.country, src.org, now()]).lastInsertRowid,
        );
        const events = this.eventIdsOf([id]);
        for (const m of moved) {
          this.run('UPDATE mentions SET entity_id = ? WHERE dispatch_id = ? AND local_id = ?', [fresh, m.dispatch_id, m.local_id]);
          this.run('UPDATE event_participants SET entity_id = ? WHERE local_id = ? AND event_id IN (SELECT id FROM events WHERE dispatch_id = ?)', [fresh, m.local_id, m.dispatch_id]);
          this.run('UPDATE events SET location_id = ? WHERE dispatch_id = ? AND location_local = ?', [fresh, m.dispatch_id, m.local_id]);
        }
        // The split-off name forms are pinned to the new entity (and no longer to the old one): later dispatches
        // naming them go there, the user's correction standing over the transliteration key.
        const movedNames = [...new Set(moved.map((m) => String(m.name)))];
        const keepNames = new Set(this.all('SELECT DISTINCT name FROM mentions WHERE entity_id = ?', [id]).map((r) => foldName(String(r.name))));
        for (const n of movedNames) {
          if (keepNames.has(foldName(n))) continue;
          const pin = pinKey(src.kind as EntityKind, n);
          this.run('DELETE FROM entity_keys WHERE key = ? AND entity_id = ?', [pin, id]);
          this.run('INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)', [pin, fresh]);
          for (const k of resolutionKeys({ kind: src.kind as EntityKind, name: n })) if (!k.startsWith('pin:')) this.run('INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)', [k, fresh]);
        }
        this.rebuildNames(id);
        this.rebuildNames(fresh);
        this.run('INSERT INTO merges (entity_id, other_id, name, dispatch_id, reason, by, at) VALUES (?, ?, ?, NULL, ?, ?, ?)', [
          fresh, id, movedNames.join(', '), req.reason?.trim() || `split by the user from "${src.name}" (#${id}): ${movedNames.join(', ')}`, 'user', now(),
        ]);
        this.resign(events);
        return fresh;
      })
      .immediate();
    return this.hydrateEntity(created)!;
  }

  /** Names, titles and seen dates of an entity, recounted from its mentions (after a user correction). */
  private rebuildNames(entity: number): void {
    this.run('DELETE FROM entity_names WHERE entity_id = ?', [entity]);
    this.run('DELETE FROM entity_titles WHERE entity_id = ?', [entity]);
    const rows = this.all('SELECT m.name, m.title, m.seen, d.lang FROM mentions m JOIN dispatches d ON d.id = m.dispatch_id WHERE m.entity_id = ?', [entity]);
    for (const r of rows) {
      this.run(
        `INSERT INTO entity_names (entity_id, name, name_fold, lang, count, first_seen, last_seen) VALUES (?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT (entity_id, name) DO UPDATE SET count = count + 1, first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`,
        [entity, r.name, foldName(String(r.name)), r.lang, r.seen, r.seen],
      );
      if (r.title) {
        this.run(
          `INSERT INTO entity_titles (entity_id, title, count, first_seen, last_seen) VALUES (?, ?, 1, ?, ?)
           ON CONFLICT (entity_id, title) DO UPDATE SET count = count + 1, first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`,
          [entity, r.title, r.seen, r.seen],
        );
      }
    }
    if (rows.length) {
      this.run('UPDATE entities SET first_seen = (SELECT min(seen) FROM mentions WHERE entity_id = ?), last_seen = (SELECT max(seen) FROM mentions WHERE entity_id = ?) WHERE id = ?', [entity, entity, entity]);
      this.refreshDisplayName(entity);
    }
  }

  private eventIdsOf(entities: number[]): number[] {
    return this.all('SELECT DISTINCT event_id FROM event_participants WHERE entity_id IN (SELECT value FROM json_each(?))', [json(entities)]).map((r) => Number(r.event_id));
  }

  /** Recomputes the signatures of events whose participants changed, then who counts and which story. */
  private resign(eventIds: number[]): void {
    const touched = new Set<string>();
    const dispatches = new Set<number>();
    for (const id of eventIds) {
      const ev = this.get('SELECT id, dispatch_id, local_id, mode, type, date_start, signature FROM events WHERE id = ?', [id]);
      if (!ev) continue;
      const ids = this.all('SELECT entity_id FROM event_participants WHERE event_id = ?', [id]).map((r) => Number(r.entity_id));
      const sig = eventSignature(str(ev.date_start), String(ev.mode), String(ev.type), ids) ?? `u:${ev.dispatch_id}:${ev.local_id}`;
      touched.add(String(ev.signature));
      if (sig !== ev.signature) this.run('UPDATE events SET signature = ? WHERE id = ?', [sig, id]);
      touched.add(sig);
      dispatches.add(Number(ev.dispatch_id));
    }
    this.recount([...touched]);
    for (const d of dispatches) this.linkStory(d);
  }

  // ---------------------------------------------------------------- events

  /** SQL matching one participant `p` to an actor reference; null when the reference names nothing known. */
  private actorClause(ref: string, alias: string): { sql: string; params: Params } | null {
    const p = parseActorRef(ref);
    if ('side' in p) return { sql: `${alias}.side = ?`, params: [canonicalCode('organization', p.side)] };
    const ids = 'id' in p ? [this.canonicalId(p.id)].filter((x): x is number => x !== null) : this.entityIdsByName(p.name);
    if (!ids.length) return null;
    return { sql: `${alias}.entity_id IN (SELECT value FROM json_each(?))`, params: [json(ids)] };
  }

  async events(q: EventQuery): Promise<Page<ArchiveEvent>> {
    checkDateBound(q.since, 'since');
    checkDateBound(q.until, 'until');
    const where: string[] = ['e.current = 1'];
    const params: Params = [];
    const empty = { items: [], next: null };
    const participant = (ref: string): boolean => {
      const c = this.actorClause(ref, 'p');
      if (!c) return false;
      where.push(`EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND ${c.sql})`);
      params.push(...c.params);
      return true;
    };
    // Between two actors the question is their contacts: stances only when asked for by mode or type.
    if (q.between && !q.modes?.includes('statement') && !(q.types ?? []).some((t) => t !== 'CONSULT' && t !== 'AGREE')) where.push("e.mode != 'statement'");
    // Between two sides: one index range of side_pairs, in the page's order.
    const pair = q.between ? sidePair(q.between[0], q.between[1]) : null;
    if (pair) {
      where.push('sp.a = ?', 'sp.b = ?');
      params.push(pair[0], pair[1]);
    } else if (q.between) {
      const [a, b] = q.between;
      const ca = this.actorClause(a, 'p');
      const cb = this.actorClause(b, 'o');
      if (!ca || !cb) return empty;
      // Two different participants: one for each side.
      where.push(`EXISTS (SELECT 1 FROM event_participants p JOIN event_participants o ON o.event_id = p.event_id AND o.local_id != p.local_id
                  WHERE p.event_id = e.id AND ${ca.sql} AND ${cb.sql})`);
      params.push(...ca.params, ...cb.params);
    }
    const [sortCol, idCol] = pair ? ['sp.sort_date', 'sp.event_id'] : ['e.sort_date', 'e.id'];
    if (q.actor && !participant(q.actor)) return empty;
    if (q.country && !participant(q.country)) return empty;
    if (q.org && !participant(q.org)) return empty;
    if (q.person) {
      const ids = this.entityIdsByName(q.person, 'person');
      if (!ids.length) return empty;
      // A person's events are few: read from the participants, not found by walking every event in date order.
      where.push('e.id IN (SELECT p.event_id FROM event_participants p WHERE p.entity_id IN (SELECT value FROM json_each(?)))');
      params.push(json(ids));
    }
    if (q.types?.length) {
      where.push('e.type IN (SELECT value FROM json_each(?))');
      params.push(json(q.types));
    }
    periodAndModes(q, where, params, sortCol);
    if (q.text) {
      where.push('e.dispatch_id IN (SELECT rowid FROM dispatch_fts WHERE dispatch_fts MATCH ?)');
      params.push(ftsQuery(q.text));
    }
    if (q.includePlanned === false) where.push('e.planned = 0');
    if (q.includeBackground === false) where.push('e.background = 0');
    if (q.distinct) where.push('e.counted = 1');
    if (q.dispatch !== undefined) {
      where.push('e.dispatch_id = ?');
      params.push(q.dispatch);
    }
    const after = decodeCursor(q.cursor, ['string', 'number']);
    if (after) {
      where.push(`(${sortCol} > ? OR (${sortCol} = ? AND ${idCol} > ?))`);
      params.push(after[0], after[0], after[1]);
    }
    const limit = clampLimit(q.limit);
    const rows = this.all(
      `SELECT ${EVENT_COLUMNS}
       FROM ${pair ? 'side_pairs sp CROSS JOIN events e ON e.id = sp.event_id' : 'events e'} JOIN dispatches d ON d.id = e.dispatch_id
       WHERE ${where.join(' AND ')} ORDER BY ${sortCol}, ${idCol} LIMIT ?`,
      [...params, limit + 1],
    );
    const page = rows.slice(0, limit);
    const items = this.hydrateEvents(page);
    const last = page.at(-1);
    return { items, next: rows.length > limit && last ? encodeCursor([String(last.sort_date), Number(last.id)]) : null };
  }

  private hydrateEvents(rows: Row[]): ArchiveEvent[] {
    if (!rows.length) return [];
    const ids = rows.map((r) => Number(r.id));
    const parts = this.all(
      `SELECT p.event_id, p.entity_id, p.local_id, p.role, p.side, en.name, en.kind, m.name AS as_written
       FROM event_participants p JOIN events e ON e.id = p.event_id JOIN entities en ON en.id = p.entity_id
       LEFT JOIN mentions m ON m.dispatch_id = e.dispatch_id AND m.local_id = p.local_id
       WHERE p.event_id IN (SELECT value FROM json_each(?))`,
      [json(ids)],
    );
    const byEvent = new Map<number, ArchiveParticipant[]>();
    for (const p of parts) {
      const list = byEvent.get(Number(p.event_id)) ?? [];
      list.push({ entity: Number(p.entity_id), name: String(p.name), asWritten: String(p.as_written ?? p.name), kind: p.kind as EntityKind, side: str(p.side), role: p.role as 'actor' | 'recipient', local: String(p.local_id) } as ArchiveParticipant & { local: string });
      byEvent.set(Number(p.event_id), list);
    }
    const locIds = [...new Set(rows.map((r) => r.location_id).filter((x) => x !== null))];
    const locs = new Map<number, Row>();
    if (locIds.length) for (const l of this.all('SELECT id, name, code, country FROM entities WHERE id IN (SELECT value FROM json_each(?))', [json(locIds)])) locs.set(Number(l.id), l);
    return rows.map((r) => {
      const list = (byEvent.get(Number(r.id)) ?? []) as (ArchiveParticipant & { local: string })[];
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
        participants: list.sort((a, b) => localOrder(a.local) - localOrder(b.local)).map(({ local: _local, ...p }) => p),
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

  private sideName(side: string): string {
    // The entity seen most under the code (its name forms' counts: a few rows, where its mentions are thousands).
    const r = this.get(
      "SELECT name FROM entities WHERE merged_into IS NULL AND code = ? AND kind IN ('country', 'organization') ORDER BY (SELECT sum(n.count) FROM entity_names n WHERE n.entity_id = entities.id) DESC, id LIMIT 1",
      [side],
    );
    return r ? String(r.name) : side;
  }

  private relationRows(a: string, b: string | null, q: RelationQuery): Row[] {
    checkDateBound(q.since, 'since');
    checkDateBound(q.until, 'until');
    const sa = sideCode(a);
    const sb = b === null ? null : sideCode(b);
    if (sa && (b === null || sb)) {
      // A side's relations: whole years from the yearly counts, other periods from its contact pairs.
      const where: string[] = ['a = ?'];
      const params: Params = [sa];
      if (sb) {
        where.push('b = ?');
        params.push(sb);
      }
      if (wholeYears(q)) {
        if (q.modes?.length) {
          where.push('mode IN (SELECT value FROM json_each(?))');
          params.push(json(q.modes));
        }
        if (q.since) {
          where.push("year >= ?");
          params.push(q.since);
        }
        if (q.until) {
          where.push("year != '' AND year <= ?");
          params.push(q.until);
        }
        return this.all(`SELECT b AS side, year, mode, n, first, last FROM relation_counts WHERE ${where.join(' AND ')} ORDER BY b, year, mode`, params);
      }
      where.push('contact = 1');
      periodAndModes(q, where, params, 'sort_date', 'mode');
      return this.all(
        `SELECT b AS side, substr(sort_date, 1, 4) AS year, mode, count(*) AS n, min(sort_date) AS first, max(sort_date) AS last
         FROM side_pairs WHERE ${where.join(' AND ')} GROUP BY b, year, mode ORDER BY b, year, mode`,
        params,
      );
    }
    const ca = this.actorClause(a, 'p');
    if (!ca) return [];
    // Relations count contacts: stances ("statement" events) are not contacts.
    const where: string[] = ['e.current = 1', 'e.counted = 1', 'e.planned = 0', 'e.background = 0', "e.mode != 'statement'", 'o.side IS NOT NULL', 'o.entity_id != p.entity_id', '(p.side IS NULL OR o.side != p.side)', ca.sql];
    const params: Params = [...ca.params];
    if (b !== null) {
      const cb = this.actorClause(b, 'o');
      if (!cb) return [];
      where.push(cb.sql);
      params.push(...cb.params);
    }
    periodAndModes(q, where, params);
    return this.all(
      `SELECT o.side AS side, substr(e.sort_date, 1, 4) AS year, e.mode AS mode, count(DISTINCT e.id) AS n, min(e.sort_date) AS first, max(e.sort_date) AS last
       FROM events e JOIN event_participants p ON p.event_id = e.id JOIN event_participants o ON o.event_id = e.id
       WHERE ${where.join(' AND ')} GROUP BY o.side, year, e.mode ORDER BY o.side, year, e.mode`,
      params,
    );
  }

  /** Relations from grouped rows, the busiest first, `top` of them, each counterpart named. */
  private toRelations(a: string, rows: Row[], top?: number): Relation[] {
    const out = new Map<string, Relation>();
    const aSide = this.sideLabel(a);
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
    for (const r of kept) r.bName = this.sideName(r.b);
    return kept;
  }

  private sideLabel(ref: string): { code: string; name: string } {
    const p = parseActorRef(ref);
    if ('side' in p) {
      const code = canonicalCode('organization', p.side)!;
      return { code, name: this.sideName(code) };
    }
    if ('id' in p) {
      const id = this.canonicalId(p.id);
      const r = id === null ? undefined : this.get('SELECT name FROM entities WHERE id = ?', [id]);
      return { code: `#${id ?? p.id}`, name: r ? String(r.name) : ref };
    }
    return { code: ref, name: ref };
  }

  async relations(actor: string, q: RelationQuery = {}): Promise<Relation[]> {
    return this.toRelations(actor, this.relationRows(actor, null, q), q.top);
  }

  async relation(a: string, b: string, q: RelationQuery = {}): Promise<Relation> {
    const rels = this.toRelations(a, this.relationRows(a, b, q));
    const bl = this.sideLabel(b);
    if (!rels.length) return { a: this.sideLabel(a).code, b: bl.code, aName: this.sideLabel(a).name, bName: bl.name, contacts: 0, first: null, last: null, byYear: [] };
    // Several sides can answer to one reference (an entity id): fold them into one relation.
    const out: Relation = { ...rels[0]!, b: bl.code, bName: bl.name, contacts: 0, byYear: [] };
    const counts = new Map<string, number>();
    for (const r of rels) {
      out.contacts += r.contacts;
      if (r.first && (!out.first || r.first < out.first)) out.first = r.first;
      if (r.last && (!out.last || r.last > out.last)) out.last = r.last;
      for (const c of r.byYear) counts.set(`${c.year}\t${c.mode}`, (counts.get(`${c.year}\t${c.mode}`) ?? 0) + c.count);
    }
    out.byYear = [...counts].map(([k, count]) => ({ year: k.split('\t')[0]!, mode: k.split('\t')[1]!, count })).sort((x, y) => x.year.localeCompare(y.year) || x.mode.localeCompare(y.mode));
    return out;
  }

  // ---------------------------------------------------------------- search and export

  async search(text: string, opts: { limit?: number; cursor?: string | null } = {}): Promise<Page<SearchHit>> {
    const match = ftsQuery(text);
    const limit = clampLimit(opts.limit ?? 20);
    const offset = Number(decodeCursor(opts.cursor, ['number'])?.[0] ?? 0);
    // Ranked window by window (see RANK_WINDOW): the index holds current revisions only; each window is read from
    // the newest (highest rowid) down, ranked, and its snippets made in the same pass.
    const hits: Row[] = [];
    for (let at = offset; hits.length <= limit; ) {
      const w = Math.floor(at / this.rankWindow);
      const hi = w === 0 ? { id: Number.MAX_SAFE_INTEGER } : this.get('SELECT rowid AS id FROM dispatch_fts WHERE dispatch_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?', [match, w * this.rankWindow]);
      if (!hi) break;
      const rows = this.all(
        `SELECT id, rank, snip, count(*) OVER () AS size FROM (
           SELECT rowid AS id, bm25(dispatch_fts) AS rank, snippet(dispatch_fts, 1, '[', ']', '…', 16) AS snip
           FROM dispatch_fts WHERE dispatch_fts MATCH ? AND rowid <= ? ORDER BY rowid DESC LIMIT ?)
         ORDER BY rank, id LIMIT ? OFFSET ?`,
        [match, hi.id, this.rankWindow, limit + 1 - hits.length, at % this.rankWindow],
      );
      hits.push(...rows);
      if (!rows.length || Number(rows[0]!.size) < this.rankWindow) break;
      at = (w + 1) * this.rankWindow;
    }
    const page = hits.slice(0, limit);
    const ids = page.map((h) => Number(h.id));
    const events = this.eventsOf(ids);
    const docs = new Map(this.all('SELECT * FROM dispatches WHERE id IN (SELECT value FROM json_each(?))', [json(ids)]).map((r) => [Number(r.id), r]));
    const items: SearchHit[] = page.map((h) => ({ dispatch: toDispatch(docs.get(Number(h.id))!, false), snippet: String(h.snip), rank: Number(h.rank), events: events.get(Number(h.id)) ?? [] }));
    return { items, next: hits.length > limit ? encodeCursor([offset + limit]) : null };
  }

  /** The current events of some dispatches, each dispatch's in the order of an event list. */
  private eventsOf(dispatches: number[]): Map<number, ArchiveEvent[]> {
    const out = new Map<number, ArchiveEvent[]>();
    if (!dispatches.length) return out;
    const rows = this.all(
      `SELECT ${EVENT_COLUMNS} FROM events e JOIN dispatches d ON d.id = e.dispatch_id
       WHERE e.current = 1 AND e.dispatch_id IN (SELECT value FROM json_each(?)) ORDER BY e.sort_date, e.id`,
      [json(dispatches)],
    );
    for (const ev of this.hydrateEvents(rows)) {
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
    for (let after = 0; ; ) {
      const rows = this.all(
        `SELECT d.id, d.doc_id, d.url, d.source, d.feed, d.lang, d.title, d.published, d.dateline, d.text, d.extraction,
           (SELECT json_group_array(json_object('rawHash', raw_hash, 'source', source, 'url', url))
              FROM (SELECT * FROM sightings s WHERE s.dispatch_id = d.id ORDER BY s.seen_at, s.raw_hash, s.source)) AS sightings,
           (SELECT json_group_object(local_id, entity_id) FROM mentions m WHERE m.dispatch_id = d.id) AS mentions
         FROM dispatches d WHERE d.id > ? ORDER BY d.id LIMIT ?`,
        [after, EXPORT_PAGE],
      );
      for (const r of rows) yield toRecord(r);
      if (rows.length < EXPORT_PAGE) return;
      after = Number(rows.at(-1)!.id);
    }
  }

  /** Every feed with its state and the items stored from it. */
  async *exportFeeds(): AsyncIterable<FeedExport> {
    const rows = this.all(
      `SELECT u.url, f.etag, f.last_modified, f.last_checked, f.last_status, f.last_error, f.url IS NOT NULL AS has_state,
         (SELECT json_group_array(json_object('key', item_key, 'dispatch', dispatch_id)) FROM (SELECT * FROM feed_items i WHERE i.feed = u.url ORDER BY i.item_key)) AS items
       FROM (SELECT url FROM feeds UNION SELECT DISTINCT feed FROM feed_items) u LEFT JOIN feeds f ON f.url = u.url ORDER BY u.url`,
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
    const r = this.get('SELECT * FROM feeds WHERE url = ?', [url]);
    return r ? { url, etag: str(r.etag), lastModified: str(r.last_modified), lastChecked: str(r.last_checked), lastStatus: r.last_status === null ? null : Number(r.last_status), lastError: str(r.last_error) } : null;
  }

  async saveFeedState(s: FeedState): Promise<void> {
    this.run(
      `INSERT INTO feeds (url, etag, last_modified, last_checked, last_status, last_error) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_checked = excluded.last_checked,
         last_status = excluded.last_status, last_error = excluded.last_error`,
      [s.url, s.etag, s.lastModified, s.lastChecked, s.lastStatus, s.lastError],
    );
  }

  async seenFeedItem(feed: string, key: string): Promise<boolean> {
    return !!this.get('SELECT 1 FROM feed_items WHERE feed = ? AND item_key = ?', [feed, key]);
  }

  async markFeedItem(feed: string, key: string, dispatch: number): Promise<void> {
    this.run('INSERT OR IGNORE INTO feed_items (feed, item_key, dispatch_id, seen_at) VALUES (?, ?, ?, ?)', [feed, key, dispatch, now()]);
  }

  async stats(): Promise<ArchiveStats> {
    const n = (sql: string) => Number(this.get(sql)!.n);
    return {
      dispatches: n('SELECT count(*) AS n FROM dispatches WHERE current = 1'),
      revisions: n('SELECT count(*) AS n FROM dispatches WHERE current = 0'),
      events: n('SELECT count(*) AS n FROM events WHERE current = 1'),
      entities: n('SELECT count(*) AS n FROM entities WHERE merged_into IS NULL'),
      stories: n('SELECT count(DISTINCT story_id) AS n FROM dispatches WHERE current = 1'),
    };
  }
}

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

/** The FTS5 query for a user's search: every word (or "quoted phrase") must occur; accents and case do not matter.
 *  Each term is quoted, so FTS5 operators typed by the user are read as words. */
export function ftsQuery(text: string): string {
  const terms = searchTerms(text);
  if (!terms.length) throw new StoreError('bad_request', `nothing to search for in "${text}"`);
  return terms.map((t) => `"${t.phrase.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`).join(' ');
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
  (SELECT count(DISTINCT r.dispatch_id) FROM events r WHERE r.signature = e.signature AND r.current = 1) AS reports`;

/** The period and mode filters shared by event lists and relations. */
function periodAndModes(q: { since?: string | null; until?: string | null; modes?: string[] | null }, where: string[], params: Params, sortCol = 'e.sort_date', modeCol = 'e.mode'): void {
  if (q.modes?.length) {
    where.push(`${modeCol} IN (SELECT value FROM json_each(?))`);
    params.push(json(q.modes));
  }
  if (q.since) {
    where.push(`${sortCol} >= ?`);
    params.push(q.since);
  }
  if (q.until) {
    where.push(`${sortCol} != '' AND ${sortCol} <= ?`);
    params.push(untilBound(q.until));
  }
}
