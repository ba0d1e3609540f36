// `npm run eval`: scores extraction on the development set (eval/dev) and the seeds (../shared/seeds) against
// their gold files, and prints one table. `--verbose` lists every miss; `--only <substring>` filters documents.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractSafely } from '../src/pipeline/extract.ts';
import { readDocumentFile } from '../src/stages/ingest/sources.ts';
import { scoreDocument, prf, addCounts, addAcc, type Gold, type DocScore, type Counts, type Accuracy } from './score.ts';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const seedsDir = process.env.COMMUNIQUE_SEEDS ?? join(here, '..', '..', 'shared', 'seeds');

interface Case {
  name: string;
  gold: Gold;
  input: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  const dev = join(here, 'dev');
  for (const f of readdirSync(dev).sort()) {
    if (!f.endsWith('.gold.json')) continue;
    const slug = f.slice(0, -'.gold.json'.length);
    const input = ['.txt', '.html', '.htm'].map((e) => join(dev, slug + e)).find(existsSync);
    if (input) out.push({ name: slug, gold: JSON.parse(readFileSync(join(dev, f), 'utf8')), input });
  }
  const seeds = join(here, 'seeds');
  for (const f of readdirSync(seeds).sort()) {
    if (!f.endsWith('.gold.json')) continue;
    const slug = f.slice(0, -'.gold.json'.length);
    const input = join(seedsDir, slug + '.txt');
    if (existsSync(input)) out.push({ name: `seed/${slug}`, gold: JSON.parse(readFileSync(join(seeds, f), 'utf8')), input });
    else console.error(`(seed ${slug} not found at ${seedsDir}: skipped)`);
  }
  return out.filter((c) => !only || c.name.includes(only));
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const zeroA = (): Accuracy => ({ ok: 0, n: 0 });
type Totals = Omit<DocScore, 'misses'>;
const blank = (): Totals => ({ persons: zero(), countries: zero(), organizations: zero(), dyads: zero(), dates: zeroA(), places: zeroA(), published: zeroA(), dateline: zeroA() });

const totals: Record<string, Totals> = { fr: blank(), en: blank(), all: blank() };
let docs = 0;
for (const c of cases()) {
  const doc = await readDocumentFile(c.input);
  const out = extractSafely(doc);
  const s = scoreDocument(c.gold, out);
  docs++;
  for (const k of [c.gold.lang === 'en' ? 'en' : 'fr', 'all']) {
    const t = totals[k]!;
    for (const m of ['persons', 'countries', 'organizations', 'dyads'] as const) t[m] = addCounts(t[m], s[m]);
    for (const m of ['dates', 'places', 'published', 'dateline'] as const) t[m] = addAcc(t[m], s[m]);
  }
  if (verbose && s.misses.length) {
    console.log(`\n## ${c.name}${out.error ? ` ERROR ${out.error.code}: ${out.error.message}` : ''}`);
    for (const m of s.misses) console.log(`  - ${m}`);
  }
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
console.log(`\nCommuniqué development evaluation — ${docs} dispatches (${totals.fr!.published.n} fr, ${totals.en!.published.n} en)\n`);
console.log('| measure        | P     | R     | F1    | fr F1 | en F1 |   n |');
console.log('|----------------|-------|-------|-------|-------|-------|-----|');
for (const m of ['persons', 'countries', 'organizations', 'dyads'] as const) {
  const a = prf(totals.all![m]);
  const c = totals.all![m];
  console.log(`| ${m.padEnd(14)} | ${pct(a.p)} | ${pct(a.r)} | ${pct(a.f)} | ${pct(prf(totals.fr![m]).f)} | ${pct(prf(totals.en![m]).f)} | ${String(c.tp + c.fn).padStart(3)} |`);
}
for (const m of ['dates', 'places', 'published', 'dateline'] as const) {
  const a = totals.all![m];
  const acc = (x: Accuracy) => pct(x.n ? x.ok / x.n : 1);
  console.log(`| ${(m + ' (acc)').padEnd(14)} |       |       | ${acc(a)} | ${acc(totals.fr![m])} | ${acc(totals.en![m])} | ${String(a.n).padStart(3)} |`);
}
