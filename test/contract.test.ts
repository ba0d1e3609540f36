// The output contract: every output validates against docs/output.schema.json, and every offset slices to its text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { extract, extractSafely } from '../src/pipeline/extract.ts';
import { readDocumentFile } from '../src/stages/ingest/sources.ts';
import type { Dispatch } from '../src/types.ts';
import { repoRoot, seedsDir, haveSeeds } from './helpers.ts';

const require = createRequire(import.meta.url);
const Ajv = require('ajv') as typeof import('ajv').default;
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'docs', 'output.schema.json'), 'utf8')));

function checkDispatch(d: Dispatch): void {
  assert.ok(validate(d), `schema: ${ajv.errorsText(validate.errors)}`);
  const ids = new Set(d.entities.map((e) => e.id));
  for (const e of d.entities) {
    for (const m of e.mentions) {
      assert.ok(m.start >= 0 && m.end <= d.text.length && m.start < m.end, `mention out of range in ${e.name}`);
      assert.equal(d.text.slice(m.start, m.end).trim(), d.text.slice(m.start, m.end), 'a mention does not start or end with white space');
    }
  }
  for (const ev of d.events) {
    for (const id of [...ev.participants, ...ev.actors, ...ev.recipients]) assert.ok(ids.has(id), `event ${ev.id} names unknown entity ${id}`);
    if (ev.location) assert.ok(ids.has(ev.location));
    for (const s of ev.evidence) assert.ok(s.start >= 0 && s.end <= d.text.length && s.start < s.end, 'evidence out of range');
  }
}

async function allInputs(): Promise<string[]> {
  const dev = join(repoRoot, 'eval', 'dev');
  const files = readdirSync(dev).filter((f) => /\.(txt|html)$/.test(f)).map((f) => join(dev, f));
  const ex = join(repoRoot, 'examples', 'dispatches');
  try {
    files.push(...readdirSync(ex).filter((f) => /\.(txt|html)$/.test(f)).map((f) => join(ex, f)));
  } catch {}
  if (haveSeeds) files.push(...readdirSync(seedsDir).map((f) => join(seedsDir, f)));
  return files;
}

test('every development, example and seed dispatch validates and its offsets slice to its text', async () => {
  const files = await allInputs();
  assert.ok(files.length >= 60, `only ${files.length} inputs`);
  for (const f of files) {
    const d = extractSafely(await readDocumentFile(f));
    assert.equal(d.error, undefined, `${f}: ${d.error?.message}`);
    checkDispatch(d);
  }
});

test('property: on any text, output validates and every span is inside the text', () => {
  const words = ['Le', 'ministre', 'a', 'rencontré', 'M.', 'Bayramov', "l'OTAN", '(OTAN)', 'Bakou,', '14', 'juin,', 'AZERTAC', 'met', 'with', 'Foreign', 'Minister', 'Jens', 'Stoltenberg,', 'secrétaire', 'général', 'de', '.', '\n', '\n\n', 'hier', 'les', '12', 'et', '13', 'Tags:', 'Lu: 12', 'É', '«', '»', '’', '-', '–', 'date 2024-06', 'arméno-azerbaïdjanais', '😀', 'President', 'received', 'Ould', 'van', 'der', 'Leyen', 'reçu', 'en', 'audience'];
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 80 }), (parts) => {
      const d = extractSafely({ source: 'prop', text: parts.join(' ') });
      if (d.error) {
        assert.ok(['empty', 'too_large'].includes(d.error.code), d.error.message);
        return;
      }
      checkDispatch(d);
    }),
    { numRuns: 300 },
  );
});

test('extraction is deterministic', () => {
  const text = 'Bakou, 14 juin, AZERTAC\n\nLe ministre Djeyhoun Baïramov a reçu l\'ambassadeur de France, Anne Boillon.';
  assert.deepEqual(extract({ source: 'a', text, published: '2024-06' }), extract({ source: 'a', text, published: '2024-06' }));
});
