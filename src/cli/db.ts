// `communique db migrate` brings an archive's schema up to date; `communique db copy --from A --to B` moves a whole
// archive between stores (a laptop's SQLite file to the team's PostgreSQL, or back), through the repository
// interface on both sides: the target re-makes every decision itself, then takes the source's entity groupings
// (user merges and splits included) by merging and splitting where it decided otherwise.
import type { Command } from 'commander';
import { archiveLocation, storeFor, StoreError, type ArchiveRepository } from '../store/index.ts';
import { isPostgresUrl, openArchive, PostgresRepository } from '../store/postgres/index.ts';
import { isCopySource, type CopySource } from '../store/postgres/copy-types.ts';
import { action, dbOption, UsageError } from './archive-common.ts';

export interface CopySummary {
  dispatches: number;
  sightings: number;
  /** Entity corrections the target needed to group mentions as the source does. */
  merges: number;
  splits: number;
  feeds: number;
  feedItems: number;
  warnings: string[];
}

/** Entity reconciliation rounds: one for merges, one for splits, and a spare. */
const ROUNDS = 4;

function copySource(repo: ArchiveRepository, role: 'source' | 'target'): ArchiveRepository & CopySource {
  if (isCopySource(repo)) return repo;
  throw new StoreError('unavailable', `the ${(repo as ArchiveRepository).kind} store cannot be a copy ${role}: it does not export its dispatches (exportDispatches)`);
}

/** Copies every dispatch (revisions, sightings), the source's entity groupings and the feeds into an empty target. */
export async function copyArchive(fromRepo: ArchiveRepository, toRepo: ArchiveRepository, onProgress?: (s: CopySummary) => void): Promise<CopySummary> {
  const from = copySource(fromRepo, 'source');
  const to = copySource(toRepo, 'target');
  const st = await to.stats();
  if (st.dispatches + st.revisions + st.entities > 0) {
    throw new StoreError('bad_request', `the target archive ${to.location} is not empty (${st.dispatches} dispatches, ${st.entities} entities): copy into a new archive`);
  }
  const summary: CopySummary = { dispatches: 0, sightings: 0, merges: 0, splits: 0, feeds: 0, feedItems: 0, warnings: [] };
  const dispatchMap = new Map<number, number>();
  /** Source mentions: target dispatch and local id → source entity. */
  const sourceEntityOf = new Map<string, number>();

  // 1. Dispatches in the order the source stored them: revisions of a URL come out in the same order.
  for await (const r of from.exportDispatches()) {
    const [first, ...more] = [...r.sightings].sort((a, b) => Number(b.source === r.meta.source) - Number(a.source === r.meta.source));
    const out = await to.saveDispatch(r.dispatch, { ...r.meta, rawHash: first?.rawHash ?? null });
    dispatchMap.set(r.id, out.dispatch);
    for (const s of more) {
      await to.saveDispatch(r.dispatch, { source: s.source, url: s.url, feed: r.meta.feed, rawHash: s.rawHash }); // a duplicate: records the sighting
    }
    summary.dispatches++;
    summary.sightings += r.sightings.length;
    for (const [local, entity] of Object.entries(r.mentions)) sourceEntityOf.set(`${out.dispatch}:${local}`, entity);
    if (summary.dispatches % 100 === 0) onProgress?.(summary);
  }

  // 2. Entities: wherever the target grouped mentions otherwise than the source (user corrections made there, or
  //    decisions that depended on them), merge what the source holds as one and split what it holds apart.
  for (let round = 0; round < ROUNDS; round++) {
    const targetEntityOf = new Map<string, number>();
    for await (const r of to.exportDispatches()) for (const [local, entity] of Object.entries(r.mentions)) targetEntityOf.set(`${r.id}:${local}`, entity);
    const targetsOfSource = new Map<number, Map<number, number>>(); // source entity → target entity → mentions
    const sourcesOfTarget = new Map<number, Map<number, string[]>>(); // target entity → source entity → mention keys
    for (const [key, src] of sourceEntityOf) {
      const tgt = targetEntityOf.get(key);
      if (tgt === undefined) continue;
      const t = targetsOfSource.get(src) ?? new Map<number, number>();
      t.set(tgt, (t.get(tgt) ?? 0) + 1);
      targetsOfSource.set(src, t);
      const s = sourcesOfTarget.get(tgt) ?? new Map<number, string[]>();
      s.set(src, [...(s.get(src) ?? []), key]);
      sourcesOfTarget.set(tgt, s);
    }
    let changed = false;
    for (const [src, targets] of [...targetsOfSource].sort((a, b) => a[0] - b[0])) {
      if (targets.size < 2) continue;
      // The target entity holding most of the source's mentions stays; the others join it.
      const [kept, ...absorbed] = [...targets].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
      const reason = (await from.mergeHistory(src)).filter((m) => m.by === 'user' && m.entity === src && m.other !== null).at(-1)?.reason;
      for (const a of absorbed) {
        await to.mergeEntities(kept!, a, reason ?? `copied from ${from.location}: one entity there (#${src})`);
        summary.merges++;
      }
      changed = true;
    }
    if (changed) continue;
    for (const [tgt, sources] of [...sourcesOfTarget].sort((a, b) => a[0] - b[0])) {
      if (sources.size < 2) continue;
      const groups = [...sources].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
      const keptDispatches = new Set(groups[0]![1].map((k) => Number(k.split(':')[0])));
      for (const [src, keys] of groups.slice(1)) {
        const dispatches = [...new Set(keys.map((k) => Number(k.split(':')[0])))];
        if (dispatches.some((d) => keptDispatches.has(d))) {
          summary.warnings.push(`entity #${src} of the source shares a dispatch with another in the target's #${tgt}: left joined`);
          continue;
        }
        const reason = (await from.mergeHistory(src)).filter((m) => m.by === 'user' && m.entity === src && m.other !== null).at(-1)?.reason;
        await to.splitEntity(tgt, { dispatches, reason: reason ?? `copied from ${from.location}: a separate entity there (#${src})` });
        summary.splits++;
        changed = true;
      }
      if (changed) break; // the target's groupings moved: look again
    }
    if (!changed) break;
  }

  // 3. Feeds: their conditional-request state and the items already stored.
  for await (const f of from.exportFeeds()) {
    if (f.state) await to.saveFeedState(f.state);
    for (const it of f.items) {
      const d = dispatchMap.get(it.dispatch);
      if (d === undefined) continue;
      await to.markFeedItem(f.url, it.key, d);
      summary.feedItems++;
    }
    summary.feeds++;
  }
  onProgress?.(summary);
  return summary;
}

async function withArchives<T>(locations: string[], fn: (repos: ArchiveRepository[]) => Promise<T>): Promise<T> {
  const repos: ArchiveRepository[] = [];
  try {
    for (const l of locations) repos.push(await openArchive(l));
    return await fn(repos);
  } finally {
    for (const r of repos) await r.close();
  }
}

export function registerDb(program: Command): void {
  const db = program.command('db').description("the archive's database: bring its schema up to date, copy it to another store");

  dbOption(db.command('migrate').description('apply the schema migrations this Communiqué has and the archive lacks (a newer archive is refused)')).action(
    action(async (flags: { db?: string }) => {
      const location = archiveLocation(flags.db);
      const repo = isPostgresUrl(location) ? new PostgresRepository(location) : storeFor(location);
      try {
        const r = await repo.open(); // opening applies what is missing, and refuses a newer schema
        process.stdout.write(`${repo.location}: schema version ${r.to}${r.applied.length ? ` (applied ${r.applied.join(', ')})` : ', up to date'}\n`);
      } finally {
        await repo.close();
      }
    }),
  );

  db.command('copy')
    .description('copy a whole archive into a new, empty one: SQLite to PostgreSQL or back')
    .requiredOption('--from <location>', 'the archive to read: a file path, sqlite:PATH or postgres://…')
    .requiredOption('--to <location>', 'the new archive: a file path, sqlite:PATH or postgres://… (must be empty)')
    .option('--quiet', 'no progress on stderr', false)
    .option('--json', 'print the summary as JSON on stdout', false)
    .addHelpText(
      'after',
      `
Examples:
  $ communique db copy --from sqlite:./communique.db --to "$COMMUNIQUE_DB"
  $ communique db copy --from postgres://analyst@db.example/communique --to ./snapshot.db

Dispatches are copied in the order they were stored, with their revisions, sightings and feed items; the target
resolves entities itself, then merges and splits wherever the source groups names otherwise (user corrections
included). Credentials come from the URL or the environment (PGPASSWORD, ~/.pgpass) and are never printed.`,
    )
    .action(
      action(async (flags: { from: string; to: string; quiet: boolean; json: boolean }) => {
        if (flags.from === flags.to) throw new UsageError('--from and --to name the same archive');
        await withArchives([flags.from, flags.to], async ([from, to]) => {
          const progress = !flags.quiet && process.stderr.isTTY ? (s: CopySummary) => process.stderr.write(`\r${s.dispatches} dispatches copied`) : undefined;
          const s = await copyArchive(from!, to!, progress);
          if (progress) process.stderr.write('\n');
          if (flags.json) process.stdout.write(JSON.stringify(s) + '\n');
          if (!flags.quiet) {
            process.stderr.write(`copied ${s.dispatches} dispatches (${s.sightings} sightings), ${s.feeds} feeds (${s.feedItems} items) from ${from!.location} to ${to!.location}; ${s.merges} merges and ${s.splits} splits to match its entities\n`);
            for (const w of s.warnings) process.stderr.write(`warning: ${w}\n`);
          }
        });
      }),
    );
}
