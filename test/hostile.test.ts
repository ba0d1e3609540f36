// Hostile input: long runs of the characters each pattern consumes must neither crash nor change the contract.
// (Speed is measured by `npm run bench`, not asserted here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractSafely } from '../src/pipeline/extract.ts';
import { parseDateline, parseDateLine } from '../src/stages/clean/dateline.ts';
import { clean } from '../src/stages/clean/index.ts';

const shapes: [string, string][] = [
  ['capitalised words', 'Aa '.repeat(50_000)],
  ['dashes and capitals', 'A-'.repeat(50_000)],
  ['apostrophes', "l'".repeat(50_000)],
  ['parentheses', '(A) '.repeat(30_000)],
  ['digits and dots', '1.'.repeat(50_000)],
  ['one long line without spaces', 'é'.repeat(200_000)],
  ['many blank lines', '\n'.repeat(100_000) + 'Le ministre a reçu M. Bayramov.'],
  ['title words', 'ministre des Affaires étrangères de '.repeat(5_000)],
  ['name particles', 'Jean de la '.repeat(20_000) + 'Fontaine'],
  ['dateline-like', 'BAKOU, 14 juin, AZERTAC '.repeat(5_000)],
  ['contact verbs', 'a rencontré '.repeat(20_000)],
];

test('hostile texts give a valid result', async (t) => {
  for (const [name, text] of shapes) {
    await t.test(name, () => {
      const d = extractSafely({ source: name, text });
      assert.ok(!d.error || d.error.code === 'too_large', d.error?.message);
      for (const e of d.entities) for (const m of e.mentions) assert.ok(m.end <= d.text.length);
    });
  }
});

test('dateline patterns on long lines', () => {
  const line = 'A'.repeat(100_000) + ', 14 juin, AZERTAC';
  assert.equal(parseDateline(line), null);
  assert.equal(parseDateLine('1'.repeat(100_000)), null);
  assert.ok(clean({ raw: ('Tags:\n' + 'x\n'.repeat(1000)).repeat(20) }).text.length >= 0);
});

test('a dispatch repeated a thousand times: one person per name, one merged event (quadratic-time regression)', () => {
  const d = extractSafely({ source: 'rep', text: ("Le ministre des Affaires étrangères, Djeyhoun Baïramov, a reçu l'ambassadeur de France, Anne Boillon. ").repeat(1000), lang: 'fr' });
  assert.equal(d.entities.filter((e) => e.kind === 'person').length, 2);
  assert.equal(d.events.length, 1);
  assert.equal(d.events[0]!.evidence.length, 1000);
  assert.equal(d.entities.find((e) => e.name === 'Djeyhoun Baïramov')!.mentions.length, 1000);
});

test('documents over the size limit are refused with a clear error', () => {
  const d = extractSafely({ source: 'big', text: 'a '.repeat(3_000_000) });
  assert.equal(d.error?.code, 'too_large');
  assert.match(d.error!.message, /limit/);
});

test('a run-on "sentence" is cut at clause boundaries into bounded sentences, covering all its text', async () => {
  const { splitSentences, MAX_SENTENCE_CHARS } = await import('../src/stages/sentences/index.ts');
  const text = 'Minister Ali Kaya met with Envoy Li Wen, who spoke '.repeat(2_000);
  const got = splitSentences(text);
  assert.ok(got.length > 1);
  for (const s of got) assert.ok(s.end - s.start <= MAX_SENTENCE_CHARS);
  // nothing lost: consecutive, only whitespace between
  for (let i = 1; i < got.length; i++) assert.match(text.slice(got[i - 1]!.end, got[i]!.start), /^\s*$/);
  assert.equal(got[0]!.start, 0);
  assert.equal(got[got.length - 1]!.end, text.trimEnd().length);
  // cut after a comma where there is one
  assert.ok(got.slice(0, -1).every((s) => text[s.end - 1] === ','), 'cut at a comma');
  // an ordinary long sentence stays whole
  const long = 'Le ministre a reçu ' + Array.from({ length: 40 }, (_, i) => `l'ambassadeur n° ${i}`).join(', ') + '.';
  assert.equal(splitSentences(long).length, 1);
});
