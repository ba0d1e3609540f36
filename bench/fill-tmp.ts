import { generate } from './generate.ts';
import { SqliteRepository } from '../src/store/sqlite/repository.ts';
import { PostgresRepository } from '../src/store/postgres/repository.ts';
import { storeItem } from '../src/archive/ingest.ts';
const [kind, where, target] = process.argv.slice(2);
const repo = kind === 'pg' ? new PostgresRepository(where!) : new SqliteRepository(where!);
await repo.open();
let docs = 0, events = 0; const t = Date.now();
for (const d of generate(Number.MAX_SAFE_INTEGER, 5)) {
  if (events >= Number(target)) break;
  const r = await storeItem(repo, { doc: { source: `gen:${d.id}`, id: d.id, text: d.text, published: d.published, lang: d.lang }, meta: { source: `gen:${d.id}` } } as any);
  docs++; events += r.events ?? 0;
  if (docs % 10000 === 0) console.error(`${kind} ${docs} docs ${events} events ${Math.round(docs / ((Date.now() - t) / 1000))}/s`);
}
console.error(`done ${kind} ${docs} docs ${events} events in ${(Date.now() - t) / 1000}s`);
await repo.close();
