// The archive commands as a user runs them (dist/cli/main.js): ingest with bad items among good ones, queries in
// every format, corrections, exports, help, and an ingest killed with SIGKILL then rerun.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync, createWriteStream, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { bin, cli, corpus, tempDir } from './archive-helpers.ts';
import { repoRoot } from './helpers.ts';

const dir = tempDir('communique-archive-cli-');
const db = join(dir, 'archive.db');

before(() => {
  const r = cli(['ingest', '--db', db, corpus]);
  assert.equal(r.code, 0, r.stderr);
});

test('ingest: bad items are reported one by one and never abort the run', () => {
  const bad = join(dir, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'good.txt'), ' date 2024-05 Bakou, 7 mai, AZERTAC\n\nLe ministre des Affaires étrangères Djeyhoun Baïramov a reçu le 7 mai l\'ambassadeur de France, Anne Boillon.');
  writeFileSync(join(bad, 'binary.txt'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'broken.html'), '<html><head><title>x</title></head><body><div><p>');
  writeFileSync(join(bad, 'records.jsonl'), ['{"id":"r1","text":"The minister met nobody at all, the ministry said."}', '{not json', '{"id":"r3"}', ''].join('\n'));
  // 200 MB that are never read: a sparse file.
  const fd = openSync(join(bad, 'huge.txt'), 'w');
  ftruncateSync(fd, 200 * 1024 * 1024);
  closeSync(fd);
  symlinkSync(join(bad, 'nowhere.txt'), join(bad, 'dangling.txt'));
  const r = cli(['ingest', '--db', db, '--json', bad, join(dir, 'no-such-file.txt')]);
  assert.equal(r.code, 1);
  const s = JSON.parse(r.stdout);
  assert.equal(s.new, 2, r.stderr);
  const codes = s.failures.map((f: { code: string }) => f.code).sort();
  assert.deepEqual(codes, ['bad_json', 'bad_record', 'binary', 'empty', 'no_text', 'not_found', 'too_large'].sort(), JSON.stringify(s.failures));
  assert.match(r.stderr, /ingest: read 9, new 2, duplicates 0, revisions 0, failed 7/);
  assert.match(r.stderr, /huge\.txt: too_large/);
  assert.ok(!r.stderr.includes('\r'), 'no progress line when stderr is not a terminal');
  const quiet = cli(['ingest', '--db', db, '--quiet', bad]);
  assert.equal(quiet.code, 1);
  assert.equal(quiet.stderr, '');
});

test('events: table, JSON Lines and CSV, with provenance', () => {
  const table = cli(['events', '--db', db, '--between', 'AZE', 'NATO', '--since', '2016', '--mode', 'meeting,phone_call', '--distinct']);
  assert.equal(table.code, 0, table.stderr);
  const rows = table.stdout.trim().split('\n').slice(2);
  assert.deepEqual(rows.map((r) => r.slice(0, 10)), ['2021-03-03', '2022-03-14', '2023-10-18', '2024-06-20']);
  assert.match(table.stdout, /Djeyhoun Baïramov \[AZE\] \+ Jens Stoltenberg \[NATO\]/);
  const jsonl = cli(['events', '--db', db, '--person', 'Hadjiyev', '--format', 'jsonl']);
  const evs = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(evs.length, 2);
  for (const e of evs) {
    assert.ok(e.dispatch.id && (e.dispatch.url || e.dispatch.source));
    assert.match(e.evidence[0].text, /Ha(d)?jiyev/);
  }
  assert.deepEqual(cli(['events', '--db', db, '--person', 'Hadjiyev', '--json']).stdout, jsonl.stdout);
  const csv = cli(['events', '--db', db, '--between', 'AZE', 'NATO', '--format', 'csv']);
  const lines = csv.stdout.trim().split('\r\n');
  assert.equal(lines[0], 'event_id,date,date_end,mode,plover_type,plover_mode,cameo,planned,background,source_names,source_codes,target_names,target_codes,location,location_code,topics,reports,counted,dispatch_id,dispatch_url,dispatch_source,published,evidence');
  assert.equal(lines.length, 1 + 9);
  const hajiyev = lines.find((l) => l.includes('hajiyev-nato'))!;
  assert.match(hajiyev, /^\d+,2024-06-20,,meeting,CONSULT,,040,0,0,Hikmet Hadjiyev,AZE,Mircea Geoană,NATO,Brussels,BEL,/);
  assert.match(hajiyev, /,https:\/\/news\.example\.org\/en\/hajiyev-nato,.*"Hikmet Hajiyev, Assistant to the President of Azerbaijan, met with NATO/);
  const page = cli(['events', '--db', db, '--limit', '3']);
  const cursor = /more: --cursor (\S+)/.exec(page.stderr)![1]!;
  const next = cli(['events', '--db', db, '--limit', '3', '--cursor', cursor]);
  assert.notEqual(next.stdout.split('\n')[2], page.stdout.split('\n')[2]);
});

test('entities, corrections, relations and search from the command line', () => {
  const list = cli(['entities', '--db', db, '--kind', 'person', '--country', 'AZE', '--json']);
  const names = list.stdout.trim().split('\n').map((l) => JSON.parse(l).name).sort();
  assert.deepEqual(names, ['Djeyhoun Baïramov', 'Elmar Mammadyarov', 'Hikmet Hadjiyev', 'Ilham Aliyev']);
  const show = cli(['entities', 'show', 'Ceyhun Bayramov', '--db', db]);
  assert.equal(show.code, 0, show.stderr);
  assert.match(show.stdout, /names: Djeyhoun Baïramov ×\d, Jeyhun Bayramov ×\d, Ceyhun Bayramov ×1/);
  assert.match(show.stdout, /ministre des Affaires étrangères \(2021-03-03 – 2024-05-07\)/);
  assert.match(show.stdout, /share the transliteration key/);
  const split = cli(['entities', 'split', 'Jeyhun Bayramov', '--name', 'Ceyhun Bayramov', '--db', db, '--json']);
  assert.equal(split.code, 0, split.stderr);
  const fresh = JSON.parse(split.stdout);
  const bayramov = JSON.parse(cli(['entities', 'show', 'Jeyhun Bayramov', '--db', db, '--json']).stdout);
  const merge = cli(['entities', 'merge', `#${bayramov.id}`, `#${fresh.id}`, '--reason', 'the same minister after all', '--db', db]);
  assert.equal(merge.code, 0, merge.stderr);
  assert.match(merge.stdout, new RegExp(`merged #${fresh.id} into #${bayramov.id}`));
  assert.match(cli(['entities', 'show', `#${bayramov.id}`, '--db', db]).stdout, /user: .*the same minister after all/);
  assert.equal(cli(['entities', 'merge', 'Nobody Known', `#${bayramov.id}`, '--db', db]).code, 2);
  const rel = cli(['relations', 'AZE', '--top', '20', '--db', db]);
  assert.equal(rel.code, 0, rel.stderr);
  assert.match(rel.stdout.split('\n')[2]!, /^NATO\s+\S.*\s5\s+2016-05-12\s+2024-06-20/);
  const pair = JSON.parse(cli(['relations', 'AZE', 'NATO', '--json', '--db', db]).stdout);
  assert.equal(pair.contacts, 5);
  const search = cli(['search', 'securite energetique', '--db', db]);
  assert.equal(search.code, 0, search.stderr);
  assert.match(search.stdout, /\[sécurité\] \[énergétique\]/);
  assert.match(search.stdout, /• 2024-06-20 meeting: Hikmet Hadjiyev \+ Mircea Geoană/);
});

test('export: csv, jsonl, plover, graphml', () => {
  const csv = cli(['export', '--format', 'csv', '--db', db]);
  const jsonl = cli(['export', '--format', 'jsonl', '--db', db]);
  const events = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(csv.stdout.trim().split('\r\n').length, events.length + 1);
  const plover = cli(['export', '--format', 'plover', '--country', 'AZE', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
  const rec = plover.find((p) => p.cite_info.url === 'https://news.example.org/en/hajiyev-nato')!;
  assert.deepEqual([rec.date, rec.event, rec.mode ?? null, rec.source[0].code, rec.recipient[0].code, rec.quad_code], ['2024-06-20', ['CONSULT'], null, 'AZE', 'NATO', 1]);
  assert.match(rec.event_text[0], /met with NATO Deputy Secretary General/);
  const file = join(dir, 'network.graphml');
  const g = cli(['export', '--format', 'graphml', '--output', file, '--db', db]);
  assert.equal(g.code, 0, g.stderr);
  const xml = readFileSync(file, 'utf8');
  assert.equal(XMLValidator.validate(xml), true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  const edges = doc.graphml.graph.edge as { source: string; target: string; data: { key: string; '#text': string }[] }[];
  const weight = (a: string, b: string) => edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a))?.data.find((d) => d.key === 'weight')?.['#text'];
  assert.equal(Number(weight('AZE', 'NATO')), 5);
  assert.equal(Number(weight('AZE', 'TUR')), 2);
  assert.ok((doc.graphml.graph.node as { id: string }[]).some((n) => n.id === 'NATO'));
});

test('--help everywhere, usage errors, the archive location', () => {
  for (const c of [['ingest'], ['events'], ['entities'], ['entities', 'merge'], ['entities', 'split'], ['entities', 'show'], ['relations'], ['search'], ['export']]) {
    const r = cli([...c, '--help']);
    assert.equal(r.code, 0, c.join(' '));
    assert.match(r.stdout, /Usage: communique/, c.join(' '));
    assert.match(r.stdout, /--db/, c.join(' '));
  }
  assert.equal(cli(['events', '--db', db, '--between', 'AZE']).code, 2);
  assert.equal(cli(['events', '--db', db, '--mode', 'dinner']).code, 2);
  assert.equal(cli(['events', '--db', db, '--since', 'last year']).code, 2);
  assert.equal(cli(['ingest', '--db', db]).code, 2);
  const pg = cli(['events', '--db', 'postgres://analyst:s3cret@db.example/communique']);
  assert.equal(pg.code, 1);
  // A PostgreSQL archive that does not answer: a clear error, the password masked.
  assert.match(pg.stderr, /cannot reach the PostgreSQL archive postgres:\/\/analyst:\*\*\*@db\.example\/communique/);
  assert.ok(!pg.stderr.includes('s3cret'));
  const viaEnv = cli(['relations', 'AZE', '--json'], { env: { COMMUNIQUE_DB: db } });
  assert.equal(JSON.parse(viaEnv.stdout.split('\n')[0]!).b, 'NATO');
  // The extract command is untouched by the archive.
  assert.equal(cli(['extract', join(corpus, '2021-03-03-fr-appel-otan.txt')]).code, 0);
});

test('kill -9 in the middle of a large ingest, then a rerun: nothing lost, nothing twice', async () => {
  const n = 6000;
  const jsonl = join(dir, 'large.jsonl');
  const out = createWriteStream(jsonl);
  const first = ['Anar', 'Elnur', 'Rashad', 'Leyla', 'Samir', 'Farid', 'Nigar', 'Tural', 'Kamran', 'Aysel'];
  const last = ['Guliyev', 'Hasanov', 'Mammadov', 'Aliyeva', 'Ismayilov', 'Huseynov', 'Rzayev', 'Babayev', 'Safarov', 'Karimov'];
  const orgs = ["l'OTAN", "l'Union européenne", "l'OSCE"];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2016, 0, 1) + (i % 3000) * 86_400_000).toISOString().slice(0, 10);
    const text = `Bakou, ${d}, AZERTAC\n\nLe vice-ministre des Affaires étrangères de l'Azerbaïdjan, ${first[i % 10]} ${last[(i * 7) % 10]}, a rencontré le représentant de ${orgs[i % 3]}, ${first[(i + 3) % 10]} ${last[(i * 3 + 1) % 10]}. Les parties ont évoqué le dossier numéro ${i}.`;
    out.write(JSON.stringify({ id: `gen-${i}`, published: d, lang: 'fr', text }) + '\n');
  }
  await new Promise((r) => out.end(r));
  const killDb = join(dir, 'killed.db');
  const child = spawn(process.execPath, [bin, 'ingest', '--db', killDb, '--quiet', jsonl], { cwd: repoRoot, stdio: 'ignore' });
  const exited = new Promise((r) => child.on('exit', r));
  // Wait until some dispatches are committed, then kill without warning.
  const stored = () => {
    try {
      const r = new Database(killDb, { readonly: true, fileMustExist: true });
      try {
        return (r.prepare('SELECT count(*) AS n FROM dispatches').get() as { n: number }).n;
      } finally {
        r.close();
      }
    } catch {
      return 0;
    }
  };
  const t0 = Date.now();
  while (stored() < 200 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  await exited;
  const before = stored();
  assert.ok(before >= 200 && before < n, `killed after ${before} of ${n}`);
  const rerun = cli(['ingest', '--db', killDb, '--json', jsonl]);
  assert.equal(rerun.code, 0, rerun.stderr);
  const s = JSON.parse(rerun.stdout);
  assert.equal(s.read, n);
  assert.equal(s.new + s.duplicates, n);
  assert.ok(s.duplicates >= before, `${s.duplicates} duplicates for ${before} stored before the kill`);
  const check = new Database(killDb, { readonly: true });
  const q = (sql: string) => (check.prepare(sql).get() as { n: number }).n;
  assert.equal(q('SELECT count(*) AS n FROM dispatches'), n);
  assert.equal(q('SELECT count(DISTINCT doc_id) AS n FROM dispatches'), n);
  assert.equal(q('SELECT count(*) AS n FROM events'), n);
  assert.equal(q("SELECT count(*) AS n FROM (SELECT dispatch_id FROM events GROUP BY dispatch_id HAVING count(*) > 1)"), 0);
  assert.equal(q('SELECT count(*) AS n FROM dispatch_fts'), n);
  check.close();
});
