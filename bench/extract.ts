// `npm run bench`: extraction throughput, per-document latency and memory on a generated corpus (streamed), and the
// time on hostile megabyte inputs. Prints a table and writes its part of bench/results.json.
import { performance } from 'node:perf_hooks';
import { extract } from '../src/pipeline/extract.ts';
import { generate } from './generate.ts';
import { saveResults } from './results.ts';

const N = Number(process.env.BENCH_DOCS ?? 2000);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

// Warm the lexicons (loaded once per process) outside the measurement.
extract({ source: 'warm', text: 'Le ministre a reçu M. Dupont.', lang: 'fr' });
extract({ source: 'warm', text: 'The minister met Mr. Smith.', lang: 'en' });

const latencies: number[] = [];
let chars = 0;
let events = 0;
let peakRss = process.memoryUsage().rss;
const t0 = performance.now();
for (const d of generate(N, 7)) {
  const s = performance.now();
  const out = extract({ source: d.id, id: d.id, text: d.text, published: d.published, lang: d.lang });
  latencies.push(performance.now() - s);
  chars += d.text.length;
  events += out.events.length;
  if (latencies.length % 200 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = (performance.now() - t0) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const hostile: { name: string; chars: number; ms: number }[] = [];
for (const [name, text] of [
  ['1 MB of capitalised words', 'Aa Bb '.repeat(175_000)],
  ['1 MB of a dispatch repeated', ("Le ministre des Affaires étrangères, Djeyhoun Baïramov, a reçu l'ambassadeur de France, Anne Boillon. ").repeat(10_000)],
  ['1 MB without spaces', 'é'.repeat(1_000_000)],
  ['1 MB of punctuation', '(-\'.,) '.repeat(150_000)],
  ['1 MB run-on sentence of contacts', 'Minister Ali Kaya met with Envoy Li Wen, who spoke '.repeat(20_000)],
  ['1 MB run-on sentence of journeys', 'Minister Ali Kaya will travel to Baku and Tbilisi and '.repeat(19_000)],
  ['1 MB run-on sentence of visits', "la visite officielle qu'effectue le ministre Ali Kaya en Tunisie ".repeat(15_500)],
  ['1 MB of unnamed officials and surnames', "Le ministre kazakh des Affaires étrangères a reçu l'ambassadeur de France. M. Dupont a salué la visite de deux jours. ".repeat(8_700)],
] as [string, string][]) {
  const s = performance.now();
  extract({ source: name, text, lang: /^Minister/.test(text) ? 'en' : 'fr' });
  hostile.push({ name, chars: text.length, ms: Math.round(performance.now() - s) });
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  documents: N,
  seconds: Number(seconds.toFixed(2)),
  docsPerSecond: Math.round(N / seconds),
  charsPerSecond: Math.round(chars / seconds),
  eventsPerDocument: Number((events / N).toFixed(2)),
  latencyMs: { p50: Number(percentile(latencies, 50).toFixed(2)), p95: Number(percentile(latencies, 95).toFixed(2)), p99: Number(percentile(latencies, 99).toFixed(2)) },
  peakRssMb: Math.round(peakRss / 1024 / 1024),
  hostile,
};

console.log(`\nCommuniqué extraction benchmark (${N} generated dispatches, ${process.version})\n`);
console.log('| measure                 | value |');
console.log('|-------------------------|-------|');
console.log(`| documents / s           | ${results.docsPerSecond} |`);
console.log(`| characters / s          | ${results.charsPerSecond} |`);
console.log(`| latency p50 / p95 / p99 | ${results.latencyMs.p50} / ${results.latencyMs.p95} / ${results.latencyMs.p99} ms |`);
console.log(`| events / document       | ${results.eventsPerDocument} |`);
console.log(`| peak RSS                | ${results.peakRssMb} MB |`);
for (const h of hostile) console.log(`| hostile: ${h.name.padEnd(14)} | ${h.ms} ms |`);
saveResults('extract', results);
