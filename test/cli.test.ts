// The command line as a user runs it: inputs of every kind, encodings, bad items, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, truncateSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, seedsDir, haveSeeds } from './helpers.ts';

const bin = join(repoRoot, 'dist', 'cli', 'main.js');
function cli(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  const stdout = r.stdout.toString('utf8');
  return {
    code: r.status,
    stdout,
    stderr: r.stderr.toString('utf8'),
    get lines() {
      return stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    },
  };
}
const dir = mkdtempSync(join(tmpdir(), 'communique-cli-'));
const FR = "Bakou, 14 juin, AZERTAC\n\nLe ministre des Affaires étrangères, Djeyhoun Baïramov, a reçu l'ambassadeur de France, Anne Boillon.";

test('extract --input jsonl - : one object per record, in order, errors per record', () => {
  const input = [
    JSON.stringify({ id: 'a', text: FR, published: '2024-06-14' }),
    'this is not json',
    JSON.stringify({ id: 'c', html: '<html><head><title>T</title></head><body><article><h1>Un titre de dépêche</h1><p>Le ministre Djeyhoun Baïramov a rencontré hier le ministre Ahmed Attaf.</p></article></body></html>', published: '2024-06-14' }),
    JSON.stringify({ id: 'd' }),
    '',
    JSON.stringify({ id: 'e', text: 'The minister met nobody.', lang: 'en' }),
  ].join('\n');
  const r = cli(['extract', '--input', 'jsonl', '-'], input);
  assert.equal(r.code, 1);
  assert.deepEqual(r.lines.map((l) => l.id ?? null).filter((x) => x !== null).length, 5);
  assert.equal(r.lines[0].id, 'a');
  assert.equal(r.lines[0].events[0].mode, 'reception');
  assert.equal(r.lines[1].error.code, 'bad_json');
  assert.equal(r.lines[2].id, 'c');
  assert.equal(r.lines[2].title, 'Un titre de dépêche');
  assert.equal(r.lines[3].error.code, 'bad_record');
  assert.equal(r.lines[4].id, 'e');
  assert.match(r.stderr, /bad_json/);
});

test('files, directories (recursively, in name order), --pretty, standard input', () => {
  mkdirSync(join(dir, 'tree', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'tree', 'b.txt'), FR);
  writeFileSync(join(dir, 'tree', 'sub', 'a.html'), `<html><body><article><h1>Titre</h1><p>${FR.replace(/\n/g, ' ')}</p></article></body></html>`);
  writeFileSync(join(dir, 'tree', 'ignored.bin'), Buffer.from([0, 1, 2]));
  const r = cli(['extract', join(dir, 'tree')]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.lines.map((l) => l.source.split('/').pop()), ['b.txt', 'a.html']);
  const pretty = cli(['extract', '--pretty', join(dir, 'tree', 'b.txt')]);
  assert.ok(pretty.stdout.includes('\n  "id"'));
  const stdin = cli(['extract', '-'], FR);
  assert.equal(stdin.lines[0].dateline.agency, 'AZERTAC');
});

test('encodings: UTF-8 with BOM, UTF-16 with BOM, Windows-1252 French pages', () => {
  const text = 'Le ministre français a reçu à Genève son homologue, déclare-t-on.';
  const utf8bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const latin = Buffer.from(text, 'latin1');
  const files: [string, Buffer][] = [['bom.txt', utf8bom], ['u16.txt', utf16], ['latin.txt', latin]];
  for (const [name, buf] of files) writeFileSync(join(dir, name), buf);
  // Windows-1252 has bytes that Latin-1 lacks: 0x92 is ’ and 0x9c is œ.
  const head = Buffer.from(`<html><head><meta charset="windows-1252"></head><body><article><h1>Dépêche</h1><p>${text} L`, 'latin1');
  const tail = Buffer.from('uvre « commune » continue.</p></article></body></html>', 'latin1');
  writeFileSync(join(dir, 'page1252.html'), Buffer.concat([head, Buffer.from([0x92, 0x9c]), tail]));
  const r = cli(['extract', ...files.map(([n]) => join(dir, n)), join(dir, 'page1252.html')]);
  assert.equal(r.code, 0, r.stderr);
  for (const l of r.lines.slice(0, 3)) assert.equal(l.text, text);
  assert.ok(r.lines[3].text.includes('Genève') && r.lines[3].text.includes('L’œuvre'), r.lines[3].text);
});

test('bad input is reported per item and loses nothing', () => {
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7) % 256)));
  const huge = join(dir, 'huge.txt');
  writeFileSync(huge, 'x');
  truncateSync(huge, 21 * 1024 * 1024);
  writeFileSync(join(dir, 'broken.html'), '<html><body><div><p>Le ministre Djeyhoun Baïramov a rencontré hier son homologue Ahmed Attaf.<div><span></body');
  writeFileSync(join(dir, 'good.txt'), FR);
  const names = ['empty.txt', 'binary.txt', 'huge.txt', 'missing.txt', 'broken.html', 'good.txt'];
  const r = cli(['extract', ...names.map((n) => join(dir, n))]);
  assert.equal(r.code, 1);
  assert.equal(r.lines.length, names.length);
  assert.deepEqual(r.lines.map((l) => l.error?.code ?? 'ok'), ['empty', 'binary', 'too_large', 'not_found', 'ok', 'ok']);
  assert.ok(r.lines[4].events.length >= 1, 'broken HTML still read');
  assert.equal(r.stderr.trim().split('\n').length, 4);
});

test('usage errors exit with 2, --help with 0', () => {
  assert.equal(cli(['extract', '--input', 'xml', 'a.txt']).code, 2);
  assert.equal(cli(['frobnicate']).code, 2);
  const help = cli(['extract', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--input <format>/);
});

test('the seeds through the CLI', { skip: haveSeeds ? false : 'no seeds' }, () => {
  const r = cli(['extract', seedsDir]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.lines.length, 2);
  for (const l of r.lines) assert.ok(l.events.length >= 1);
  assert.ok(readFileSync(join(seedsDir, '004_3f0f9f59ac1c072a.txt'), 'utf8').length > 0);
});
