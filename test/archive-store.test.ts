// The archive through its repository interface, on the fixture corpus (French and English dispatches 2016–2024,
// one story told by two outlets or in both languages, planned and recalled contacts): the answers to the issue's
// queries, idempotent re-ingest, revisions, user corrections, migrations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, storeFor, StoreError, type ArchiveEvent, type ArchiveRepository } from '../src/store/index.ts';
import { corpus, fixtures, freshArchive, ingestInto, tempDir } from './archive-helpers.ts';

let repo: ArchiveRepository;
before(async () => {
  repo = (await freshArchive()).repo;
  const s = await ingestInto(repo, [corpus]);
  assert.deepEqual({ read: s.read, new: s.new, failed: s.failed }, { read: 13, new: 13, failed: 0 }, JSON.stringify(s.failures));
});
after(async () => repo.close());

const dates = (evs: ArchiveEvent[]) => evs.map((e) => e.date.start ?? `(${e.dispatch.published})`);
const all = async (q: Parameters<ArchiveRepository['events']>[0]) => (await repo.events({ ...q, limit: 1000 })).items;

test('events between two actors, by codes, in either order, with modes and dates', async () => {
  const cases: [string, Parameters<ArchiveRepository['events']>[0], string[]][] = [
    ['AZE–NATO since 2016, meetings and calls, one per contact', { between: ['AZE', 'NATO'], since: '2016', modes: ['meeting', 'phone_call'], distinct: true }, ['2021-03-03', '2022-03-14', '2023-10-18', '2024-06-20']],
    ['NATO–AZE: the same', { between: ['NATO', 'AZE'], since: '2016', modes: ['meeting', 'phone_call'], distinct: true }, ['2021-03-03', '2022-03-14', '2023-10-18', '2024-06-20']],
    ['every report, recalled ones too', { between: ['AZE', 'NATO'], modes: ['meeting'] }, ['2022-03-14', '2022-03-14', '2022-03-14', '2023-10-18', '2024-06-20', '2024-06-20']],
    ['without recollections', { between: ['AZE', 'NATO'], modes: ['meeting'], includeBackground: false }, ['2022-03-14', '2022-03-14', '2023-10-18', '2024-06-20', '2024-06-20']],
    ['until, inclusive of the whole year', { between: ['AZE', 'NATO'], until: '2016', distinct: true }, ['2016-05-12']],
    ['a month', { between: ['AZE', 'NATO'], since: '2022-03', until: '2022-03', distinct: true }, ['2022-03-14']],
    ['AZE–TUR', { between: ['AZE', 'TUR'] }, ['2018-02-20', '2023-11-02']],
    ['AZE–FRA', { between: ['AZE', 'FRA'] }, ['2019-07-09']],
    ['AZE–EU: only the planned meeting', { between: ['AZE', 'EU'] }, ['(2024-06-14)']],
    ['planned left out', { between: ['AZE', 'EU'], includePlanned: false }, []],
    ['PLOVER AGREE', { types: ['AGREE'] }, ['(2024-06-14)']],
    ['phone calls', { modes: ['phone_call'] }, ['2018-02-20', '2021-03-03']],
    ['an organisation', { org: 'EUCO' }, ['2017-02-06']],
    ['an unknown actor', { between: ['AZE', 'XYZ'] }, []],
  ];
  for (const [name, q, want] of cases) assert.deepEqual(dates(await all(q)), want, name);
});

test('persons by any name form or transliteration', async () => {
  const cases: [string, Parameters<ArchiveRepository['events']>[0], string[]][] = [
    ['Hadjiyev (fr)', { person: 'Hadjiyev' }, ['2024-06-20', '2024-06-20']],
    ['Hajiyev (en)', { person: 'Hajiyev' }, ['2024-06-20', '2024-06-20']],
    ['Bayramov up to 2022', { person: 'Bayramov', until: '2022', includeBackground: false }, ['2021-03-03', '2022-03-14', '2022-03-14']],
    ['Mamedyarov', { person: 'Mamedyarov' }, ['2016-05-12', '2016-05-12', '2018-02-20']],
    ['Ceyhun Bayramov = Djeyhoun Baïramov', { person: 'Ceyhun Bayramov', since: '2023-11' }, ['2023-11-02', '(2024-06-14)']],
    ['nobody', { person: 'Nemo Nobody' }, []],
    // Any part of a name form, read from the trigram index (three characters or more) or by reading every form.
    ['a part of a name', { person: 'djiye' }, ['2024-06-20', '2024-06-20']],
    ['a part, accents and case aside', { person: 'HADJÎ' }, ['2024-06-20', '2024-06-20']],
    ['two characters', { person: 'dj', since: '2024-06-20', until: '2024-06-20' }, ['2024-06-20', '2024-06-20']],
    ['a wildcard is a character', { person: 'Had%yev' }, []],
    ['an underscore too', { person: 'Had_iyev' }, []],
  ];
  for (const [name, q, want] of cases) assert.deepEqual(dates(await all(q)), want, name);
  // The same contact told by two dispatches: one entity per person across both.
  const [fr, en] = await all({ person: 'Hadjiyev' });
  assert.deepEqual(fr!.participants.map((p) => p.entity), en!.participants.map((p) => p.entity));
  assert.deepEqual(new Set([fr!.participants[0]!.asWritten, en!.participants[0]!.asWritten]), new Set(['Hikmet Hadjiyev', 'Hikmet Hajiyev']));
});

test('every event carries its provenance: dispatch, URL or path, evidence sentence', async () => {
  for (const e of await all({})) {
    assert.ok(e.dispatch.id > 0 && (e.dispatch.url ?? e.dispatch.source), JSON.stringify(e.dispatch));
    assert.ok(e.evidence.length > 0 && e.evidence.every((x) => x.text.length > 10), `evidence of event ${e.id}`);
  }
  const [hajiyev] = await all({ person: 'Hajiyev', text: 'defence' });
  assert.equal(hajiyev!.dispatch.url, 'https://news.example.org/en/hajiyev-nato');
  assert.match(hajiyev!.evidence[0]!.text, /^Hikmet Hajiyev, Assistant to the President of Azerbaijan, met with NATO/);
});

test('one story told twice is one contact: clusters, reports, counted once', async () => {
  const twice = await all({ between: ['AZE', 'NATO'], since: '2016-05', until: '2016-05' });
  assert.equal(twice.length, 2);
  assert.deepEqual(twice.map((e) => e.reports), [2, 2]);
  assert.deepEqual(twice.map((e) => e.counted).sort(), [false, true]);
  const [a, b] = await Promise.all(twice.map((e) => repo.getDispatch(e.dispatch.id)));
  assert.equal(a!.story, b!.story);
  assert.notEqual(a!.lang, b!.lang);
  // The 2022 meeting: an English and a French wire, and a 2023 dispatch recalling it, counted once.
  const met = await all({ between: ['AZE', 'NATO'], since: '2022-03-14', until: '2022-03-14' });
  assert.deepEqual(met.map((e) => e.reports), [3, 3, 3]);
  assert.equal(met.filter((e) => e.counted).length, 1);
  assert.equal(met.find((e) => e.counted)!.background, false);
});

test('relations: counterparts ranked, counts by year and mode, first and last contact', async () => {
  const rels = await repo.relations('AZE', { top: 20 });
  assert.deepEqual(rels.map((r) => [r.b, r.contacts]), [['NATO', 5], ['TUR', 2], ['EUCO', 1], ['FRA', 1]]);
  const nato = await repo.relation('AZE', 'NATO');
  assert.equal(nato.contacts, 5);
  assert.equal(nato.first, '2016-05-12');
  assert.equal(nato.last, '2024-06-20');
  assert.deepEqual(nato.byYear.map((c) => `${c.year} ${c.mode} ${c.count}`), ['2016 reception 1', '2021 phone_call 1', '2022 meeting 1', '2023 meeting 1', '2024 meeting 1']);
  assert.deepEqual((await repo.relation('NATO', 'AZE')).contacts, 5);
  assert.equal((await repo.relation('AZE', 'NATO', { since: '2022', modes: ['meeting'] })).contacts, 3);
  assert.deepEqual((await repo.relations('AZE', { top: 1 })).map((r) => r.b), ['NATO']);
  // A person as the actor: by entity id.
  const bayramov = (await repo.findEntities('Jeyhun Bayramov'))[0]!;
  assert.deepEqual((await repo.relations(`#${bayramov.id}`)).map((r) => [r.b, r.contacts]), [['NATO', 3], ['TUR', 1]]);
  assert.equal((await repo.relation('AZE', 'ZZZ')).contacts, 0);
});

test('entities across dispatches and languages: names, titles with dates, reasons', async () => {
  const persons = (await repo.entities({ kind: 'person', country: 'AZE' })).items;
  assert.deepEqual(persons.map((p) => p.name).sort(), ['Djeyhoun Baïramov', 'Elmar Mammadyarov', 'Hikmet Hadjiyev', 'Ilham Aliyev']);
  const bayramov = persons.find((p) => p.name === 'Djeyhoun Baïramov')!;
  assert.deepEqual(bayramov.names.map((n) => n.name).sort(), ['Ceyhun Bayramov', 'Djeyhoun Baïramov', 'Jeyhun Bayramov']);
  assert.deepEqual(bayramov.titles.map((t) => `${t.title} ${t.firstSeen}–${t.lastSeen}`), ['ministre des Affaires étrangères 2021-03-03–2023-10-18', 'Foreign Minister 2022-03-14–2024-06-14']);
  const reasons = (await repo.mergeHistory(bayramov.id)).map((m) => `${m.name}: ${m.reason}`);
  assert.ok(reasons.some((r) => /^Jeyhun Bayramov: .*transliteration key "j\*h\*n b\*r\*m\*v"; same country AZE/.test(r)), reasons.join('\n'));
  // OTAN and NATO are one organisation; its persons include Geoană, whose French report gave no organisation.
  const nato = await repo.findEntities('NATO');
  assert.equal(nato.length, 1);
  assert.deepEqual(new Set(nato[0]!.names.map((n) => n.name)), new Set(['NATO', 'OTAN']));
  const natoPeople = (await repo.entities({ kind: 'person', org: 'NATO' })).items.map((p) => p.name).sort();
  assert.deepEqual(natoPeople, ['James Appathurai', 'Jens Stoltenberg', 'Mircea Geoană']);
  assert.deepEqual((await repo.entities({ name: 'geoana' })).items.map((e) => e.name), ['Mircea Geoană']);
  // Cursor pagination over entities.
  const seen: number[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<ArchiveRepository['entities']>> = await repo.entities({ limit: 5, cursor });
    seen.push(...page.items.map((e) => e.id));
    cursor = page.next;
  } while (cursor);
  assert.equal(new Set(seen).size, (await repo.stats()).entities);
});

test('full text: accents and case do not matter; snippets; events of each hit', async () => {
  const ids = async (q: string) => (await repo.search(q)).items.map((h) => h.dispatch.id).sort((a, b) => a - b);
  const accented = await ids('sécurité énergétique');
  assert.equal(accented.length, 4);
  assert.deepEqual(await ids('SECURITE energetique'), accented);
  assert.deepEqual(await ids('"sécurité énergétique de l\'Europe"'), accented);
  assert.equal((await ids('energy security')).length, 3);
  assert.equal((await ids('énerg*')).length, 9, 'a prefix folds accents too: énergétique, energy');
  assert.deepEqual(await ids('Karabakh'), await ids('karabakh'));
  const hit = (await repo.search('Haut-Karabakh')).items[0]!;
  assert.match(hit.snippet, /\[Haut-Karabakh\]/);
  assert.deepEqual(hit.events.map((e) => e.participants.map((p) => p.name).join(' + ')), ['Ilham Aliyev + Emmanuel Macron']);
  // FTS5 syntax typed by a user is read as words, never as a query.
  assert.deepEqual(await ids('NEAR( OR AND'), []);
  await assert.rejects(repo.search(' "" '), (e: unknown) => e instanceof StoreError && e.code === 'bad_request');
  // Pages of hits.
  const first = await repo.search('énerg*', { limit: 2 });
  const second = await repo.search('énerg*', { limit: 2, cursor: first.next });
  assert.equal(first.items.length, 2);
  assert.ok(second.items.every((h) => !first.items.some((f) => f.dispatch.id === h.dispatch.id)));
});

test('cursor pagination of events returns every event once, in date order', async () => {
  const seen: ArchiveEvent[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<ArchiveRepository['events']>> = await repo.events({ limit: 3, cursor });
    assert.ok(page.items.length <= 3);
    seen.push(...page.items);
    cursor = page.next;
  } while (cursor);
  const everything = await all({});
  assert.deepEqual(seen.map((e) => e.id), everything.map((e) => e.id));
  const sorted = [...seen].map((e) => e.date.start ?? e.dispatch.published ?? '').sort();
  assert.deepEqual(seen.map((e) => e.date.start ?? e.dispatch.published ?? ''), sorted);
  const exported: number[] = [];
  for await (const e of repo.exportEvents()) exported.push(e.id);
  assert.deepEqual(exported, everything.map((e) => e.id));
  await assert.rejects(repo.events({ cursor: 'garbage' }), (e: unknown) => e instanceof StoreError && e.code === 'bad_request');
  await assert.rejects(repo.events({ since: '16' }), /YYYY/);
});

test('idempotent: re-ingesting the corpus changes nothing', async () => {
  const before = await repo.stats();
  const s = await ingestInto(repo, [corpus]);
  assert.deepEqual({ read: s.read, new: s.new, duplicates: s.duplicates, revisions: s.revisions }, { read: 13, new: 0, duplicates: 13, revisions: 0 });
  assert.deepEqual(await repo.stats(), before);
  assert.deepEqual(before, { dispatches: 13, revisions: 0, events: 14, entities: 24, stories: 9 });
});

test('the same text read from another place is a duplicate; a changed page at a URL is a new revision', async () => {
  const { repo: r } = await freshArchive();
  const dir = tempDir();
  const rec = (text: string, extra: object = {}) => JSON.stringify({ url: 'https://news.example.org/fr/p1', published: '2024-02-01', lang: 'fr', text, ...extra });
  const v1 = 'Bakou, 1er février 2024, AZERTAC\n\nLe ministre des Affaires étrangères Djeyhoun Baïramov a reçu l\'ambassadeur de France, Anne Boillon.';
  const v2 = v1 + '\n\nLes parties ont évoqué la coopération énergétique.';
  const cases: [string, string, { new: number; duplicates: number; revisions: number }][] = [
    ['first', rec(v1), { new: 1, duplicates: 0, revisions: 0 }],
    ['same URL, same text', rec(v1), { new: 0, duplicates: 1, revisions: 0 }],
    ['same text, other metadata and white space', rec(v1.replace('\n\n', '\n\n\n') + '  \n', { url: undefined, id: 'copy' }), { new: 0, duplicates: 1, revisions: 0 }],
    ['same URL, changed text', rec(v2), { new: 0, duplicates: 0, revisions: 1 }],
    ['the changed text again', rec(v2), { new: 0, duplicates: 1, revisions: 0 }],
  ];
  for (const [name, line, want] of cases) {
    const f = join(dir, `${name.replace(/\W+/g, '-')}.jsonl`);
    writeFileSync(f, line + '\n');
    const s = await ingestInto(r, [f]);
    assert.deepEqual({ new: s.new, duplicates: s.duplicates, revisions: s.revisions }, want, name);
  }
  const revs = await r.revisions('https://news.example.org/fr/p1');
  assert.deepEqual(revs.map((d) => [d.revision, d.current]), [[1, false], [2, true]]);
  assert.equal(revs[0]!.supersededBy, revs[1]!.id);
  assert.equal((await r.dispatchByUrl('https://news.example.org/fr/p1'))!.id, revs[1]!.id);
  // Only the current revision's events are listed and counted; the old one is kept for the record.
  const evs = (await r.events({})).items;
  assert.deepEqual(evs.map((e) => e.dispatch.revision), [2]);
  assert.equal((await r.stats()).revisions, 1);
  assert.equal((await r.getDispatch(revs[0]!.id, { text: true }))!.text!.includes('coopération'), false);
  await r.close();
});

test('user corrections: merge and split, and they survive re-ingest', async () => {
  const { repo: r } = await freshArchive();
  const corrections = join(fixtures, 'corrections');
  await ingestInto(r, [corpus, join(corrections, '2021-04-09-en-tass-moscow.txt')]);
  const bayramov = (await r.findEntities('Djeyhoun Baïramov'))[0]!;
  // The Russian romanisation keeps "kh": a different key, so a different entity until the user says otherwise.
  const russian = (await r.findEntities('Dzheikhun Bairamov'))[0]!;
  assert.notEqual(russian.id, bayramov.id);
  const merged = await r.mergeEntities(bayramov.id, russian.id, 'same minister, Russian romanisation');
  assert.equal(merged.id, bayramov.id);
  assert.ok(merged.names.some((n) => n.name === 'Dzheikhun Bairamov'));
  assert.equal((await r.entity(russian.id))!.id, bayramov.id, 'the absorbed id leads to the kept entity');
  assert.deepEqual((await r.relations(`#${bayramov.id}`)).map((x) => x.b).sort(), ['NATO', 'RUS', 'TUR']);
  const history = await r.mergeHistory(bayramov.id);
  assert.ok(history.some((m) => m.by === 'user' && m.reason === 'same minister, Russian romanisation' && m.other === russian.id));
  await assert.rejects(r.mergeEntities(bayramov.id, russian.id), /already one entity/);
  const nato = (await r.findEntities('NATO'))[0]!;
  await assert.rejects(r.mergeEntities(bayramov.id, nato.id), /one kind/);

  // Split "Ceyhun Bayramov" off (the user says it is someone else).
  const split = await r.splitEntity(bayramov.id, { names: ['Ceyhun Bayramov'], reason: 'a namesake' });
  assert.deepEqual(split.names.map((n) => n.name), ['Ceyhun Bayramov']);
  assert.ok(!(await r.entity(bayramov.id))!.names.some((n) => n.name === 'Ceyhun Bayramov'));
  assert.deepEqual(dates((await r.events({ person: `Ceyhun Bayramov`, between: [`#${split.id}`, 'TUR'] })).items), ['2023-11-02']);
  await assert.rejects(r.splitEntity(bayramov.id, { names: ['Nobody'] }), /no mention/);

  // Re-ingest everything, then new dispatches naming both forms: the corrections stand.
  const again = await ingestInto(r, [corpus, corrections]);
  assert.equal(again.new, 3);
  const after = (await r.findEntities('Dzheikhun Bairamov')).map((e) => e.id);
  assert.deepEqual(after, [bayramov.id], 'a later "Dzheikhun Bairamov" joins the merged entity');
  const ceyhun = await r.events({ between: [`#${split.id}`, 'TUR'] });
  assert.deepEqual(dates(ceyhun.items), ['2023-11-02', '2024-10-07'], 'a later "Ceyhun Bayramov" goes to the split entity');
  const jeyhun = await r.events({ between: [`#${bayramov.id}`, 'FRA'] });
  assert.deepEqual(dates(jeyhun.items), ['2024-10-08'], 'a later "Jeyhun Bayramov" stays with the original');
  assert.deepEqual(dates((await r.events({ between: [`#${bayramov.id}`, 'RUS'] })).items), ['2021-04-09', '2024-09-03']);
  await r.close();
});

test('migrations: recorded, applied once, a newer archive refused, other stores recognised', async () => {
  const { repo: r, path } = await freshArchive();
  const again = await r.migrate();
  assert.deepEqual(again.applied, []);
  await r.close();
  const db = new Database(path);
  assert.deepEqual(db.prepare('SELECT version, name FROM schema_migrations').all(), [
    { version: 1, name: '0001_init' },
    { version: 2, name: '0002_side_pairs' },
  ]);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(999, '0999_future', new Date().toISOString());
  db.close();
  await assert.rejects(openStore(path), (e: unknown) => e instanceof StoreError && e.code === 'newer_schema' && /schema version 999, newer than this Communiqué knows \(2\)/.test(e.message));
  await assert.rejects(openStore('postgres://analyst:s3cret@db.example/communique'), (e: unknown) => e instanceof StoreError && e.code === 'unavailable' && /cannot reach the PostgreSQL archive/.test(e.message) && !e.message.includes('s3cret'));
  await assert.rejects(openStore('postgresql://db.example/communique'), /cannot reach the PostgreSQL archive/);
  await assert.rejects(openStore(join(tempDir(), 'no', 'such', 'folder', 'a.db')), /does not exist/);
  const notDb = join(tempDir(), 'text.db');
  writeFileSync(notDb, 'this is not a database, only text long enough to look like a header of something else entirely');
  await assert.rejects(openStore(notDb), (e: unknown) => e instanceof StoreError);
  const viaPrefix = storeFor(`sqlite:${join(tempDir(), 'p.db')}`);
  assert.equal(viaPrefix.kind, 'sqlite');
  assert.equal((await viaPrefix.open()).applied.length, 2);
  await viaPrefix.close();
});

test('migration 0002 fills side pairs, relation counts and name trigrams of an archive made before it', async () => {
  const { repo: r, path } = await freshArchive();
  await ingestInto(r, [corpus]);
  const answers = async (x: ArchiveRepository) => ({
    relations: await x.relations('AZE'),
    since: await x.relations('AZE', { since: '2019-06' }),
    between: (await x.events({ between: ['NATO', 'AZE'], limit: 1000 })).items.map((e) => e.id),
    person: (await x.events({ person: 'djiye', limit: 1000 })).items.map((e) => e.id),
    search: (await x.search('Bakou')).items.map((h) => h.dispatch.id),
  });
  const before = await answers(r);
  assert.ok(before.relations.length > 1 && before.between.length > 1 && before.person.length > 0);
  await r.close();
  // Back to the schema of version 1: the tables and triggers of 0002 gone, the full-text index as 0001 kept it.
  const db = new Database(path);
  for (const t of ['event_participants_pairs_insert', 'event_participants_pairs_update', 'event_participants_pairs_delete', 'events_pairs_update', 'events_pairs_delete', 'entity_names_trigrams']) db.exec(`DROP TRIGGER ${t}`);
  db.exec("DROP TABLE side_pairs; DROP TABLE relation_counts; DROP TABLE name_trigrams; DELETE FROM schema_migrations WHERE version = 2");
  db.exec("INSERT INTO dispatch_fts (rowid, title, text) SELECT id, coalesce(title, ''), text FROM dispatches WHERE current = 0");
  db.close();
  const again = await openStore(path);
  try {
    assert.deepEqual(await again.migrate(), { from: 2, to: 2, applied: [] }, 'opened at version 2');
    assert.deepEqual(await answers(again), before);
  } finally {
    await again.close();
  }
});
