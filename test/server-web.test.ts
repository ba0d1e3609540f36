// The web app's pure parts, in Node: spans cut into pieces, noise placed back into the text, time ticks, hash
// routes, the two languages' tables; and a guard that no code in src/web builds DOM from HTML strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pieces, placeNoise } from '../src/web/components/annotated-text.ts';
import { ticks } from '../src/web/views/timeline.ts';
import { parseHash, href } from '../src/web/router.ts';
import { MODE_COLOURS } from '../src/web/modes.ts';
import { MODES } from '../src/server/schemas/common.ts';
import { repoRoot } from './helpers.ts';

test('pieces: overlapping spans cut the text, the innermost mention wins, evidence cards accumulate', () => {
  const text = 'Le ministre Toural Gassimov a reçu Anne Duclos.';
  const mentions = [
    { start: 12, end: 27, kind: 'person', entity: 'e1', label: 'Toural Gassimov' },
    { start: 35, end: 46, kind: 'person', entity: 'e2', label: 'Anne Duclos' },
    { start: 19, end: 27, kind: 'person', entity: 'e1', label: 'Gassimov' },
  ];
  const evidence = [{ start: 0, end: 47, card: 1 }, { start: 12, end: 47, card: 2 }];
  const ps = pieces(text, mentions, evidence);
  assert.equal(ps.map((p) => text.slice(p.start, p.end)).join(''), text, 'the pieces are the text');
  const at = (s: string) => ps.find((p) => text.slice(p.start, p.end) === s)!;
  assert.equal(at('Gassimov').mention!.label, 'Gassimov');
  assert.equal(at('Toural ').mention!.label, 'Toural Gassimov');
  assert.deepEqual(at('Le ministre ').cards, [1]);
  assert.deepEqual(at('Anne Duclos').cards, [1, 2]);
  assert.equal(at(' a reçu ').mention, null);
});

test('pieces: spans outside the text or empty are ignored', () => {
  const ps = pieces('abc', [{ start: 2, end: 9, kind: 'person', entity: 'x', label: 'x' }, { start: 1, end: 1, kind: 'person', entity: 'y', label: 'y' }], [{ start: -1, end: 2, card: 1 }]);
  assert.deepEqual(ps.map((p) => [p.start, p.end, p.mention, p.cards.length]), [[0, 3, null, 0]]);
});

test('placeNoise: removed lines go back to the line boundary they were cut from', () => {
  const text = 'Bakou, 14 juin, AZERTAC\n\nPremier paragraphe.\n\nSecond paragraphe.';
  const noise = [
    { start: 0, end: 14, kind: 'corpus_date', text: ' date 2024-06 ' },
    { start: 60, end: 75, kind: 'share', text: 'Partager\n' },
    { start: 200, end: 220, kind: 'tags', text: 'Tags: Azerbaïdjan' },
  ];
  const placed = placeNoise(text, noise);
  assert.equal(placed[0]!.at, 0);
  const mid = placed[1]!.at;
  assert.ok(mid === 0 || text[mid - 1] === '\n', `at a line start, not ${mid}`);
  assert.equal(placed[2]!.at, text.length);
});

test('ticks: years over a decade, months over a year, days over a week; all inside the span', () => {
  const day = 86_400_000;
  const decade = ticks(Date.UTC(2016, 0, 1), Date.UTC(2025, 11, 31));
  assert.ok(decade.length >= 5 && decade.length <= 10);
  assert.ok(decade.every((t) => /^\d{4}$/.test(t.label)));
  const year = ticks(Date.UTC(2020, 0, 15), Date.UTC(2020, 11, 15));
  assert.ok(year.length >= 4 && year.length <= 12 && year.every((t) => /\d{4}/.test(t.label)));
  const week = ticks(Date.UTC(2020, 5, 1), Date.UTC(2020, 5, 8));
  assert.equal(week.length, 8);
  for (const list of [decade, year, week]) assert.ok(list.every((t, i) => i === 0 || t.at - list[i - 1]!.at >= day));
});

test('routes: parse and build hash routes, with encoded arguments', () => {
  assert.deepEqual(parseHash('#/dispatch/12?event=4'), { name: 'dispatch', args: ['12'], params: new URLSearchParams('event=4') });
  assert.equal(parseHash('').name, '');
  assert.equal(href('timeline', [], { actor: 'AZE', with: 'NATO', since: null }), '#/timeline?actor=AZE&with=NATO');
  assert.equal(parseHash(href('entity', ['#12 a/b'])).args[0], '#12 a/b');
});

test('every mode has a colour', () => {
  for (const m of MODES) assert.match(MODE_COLOURS[m] ?? '', /^#[0-9a-f]{6}$/i, m);
});

test('the French and English tables have the same keys and the same placeholders', () => {
  const src = readFileSync(join(repoRoot, 'src/web/i18n.ts'), 'utf8');
  const table = (name: string) => {
    const body = src.slice(src.indexOf(`const ${name}`), src.indexOf('};', src.indexOf(`const ${name}`)));
    return new Map([...body.matchAll(/^\s+(\w+): '((?:[^'\\]|\\.)*)',$/gm)].map((m) => [m[1]!, m[2]!]));
  };
  const en = table('en');
  const fr = table('fr');
  assert.ok(en.size > 50);
  assert.deepEqual([...fr.keys()].sort(), [...en.keys()].sort());
  for (const [k, v] of en) assert.deepEqual((fr.get(k)!.match(/\{\w+\}/g) ?? []).sort(), (v.match(/\{\w+\}/g) ?? []).sort(), k);
});

test('no HTML parsing anywhere in the web app: untrusted text can only become text nodes', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|html)$/.test(f)) files.push(p);
    }
  };
  walk(join(repoRoot, 'src/web'));
  assert.ok(files.length > 10);
  for (const f of files) {
    const code = readFileSync(f, 'utf8');
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'createContextualFragment', 'DOMParser', 'eval(', 'new Function']) {
      assert.ok(!code.includes(sink), `${f} uses ${sink}`);
    }
  }
});
