// `communique relations`: an actor's counterparts ranked by contacts, or one relation by year and mode. A contact
// told by several dispatches (a story cluster) counts once; planned and recalled contacts are not counted.
import type { Command } from 'commander';
import type { Relation } from '../store/index.ts';
import type { Mode } from '../types.ts';
import { action, dbOption, list, MODES, positiveInt, table, withArchive, write } from './archive-common.ts';

export function registerRelations(program: Command): void {
  const cmd = program
    .command('relations')
    .description('counterparts of an actor ranked by number of contacts; with a second actor, that relation by year and mode')
    .argument('<actor>', 'an ISO3 code (AZE), an organisation code (NATO), an entity id (#12) or a name')
    .argument('[other]', 'a second actor: show that one relation in detail')
    .option('--top <n>', 'the n counterparts with most contacts', '20')
    .option('--since <date>', 'from this date on (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'up to this date, included')
    .option('--mode <modes>', 'modes, comma-separated')
    .option('--json', 'JSON (one relation a line)', false);
  dbOption(cmd).addHelpText('after', '\nExamples:\n  $ communique relations AZE --top 20\n  $ communique relations AZE NATO --since 2016');
  cmd.action(
    action(async (actor: string, other: string | undefined, flags: { db?: string; top: string; since?: string; until?: string; mode?: string; json: boolean }) => {
      const q = { since: flags.since, until: flags.until, modes: list(flags.mode, MODES, 'mode') as Mode[] | undefined, top: positiveInt(flags.top, '--top') };
      await withArchive(flags.db, async (repo) => {
        if (other) {
          const r = await repo.relation(actor, other, q);
          if (flags.json) return void (await write(process.stdout, JSON.stringify(r) + '\n'));
          await write(process.stdout, detail(r));
          return;
        }
        const rels = await repo.relations(actor, q);
        if (flags.json) {
          for (const r of rels) await write(process.stdout, JSON.stringify(r) + '\n');
          return;
        }
        if (!rels.length) return void (await write(process.stdout, `no contacts of ${actor}\n`));
        await write(
          process.stdout,
          table(
            ['counterpart', 'name', 'contacts', 'first', 'last', 'by mode'],
            rels.map((r) => [r.b, r.bName, String(r.contacts), r.first ?? '', r.last ?? '', byMode(r)]),
            [12, 28, 8, 10, 10, 60],
          ),
        );
      });
    }),
  );
}

function byMode(r: Relation): string {
  const m = new Map<string, number>();
  for (const c of r.byYear) m.set(c.mode, (m.get(c.mode) ?? 0) + c.count);
  return [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
}

function detail(r: Relation): string {
  let out = `${r.aName} (${r.a}) – ${r.bName} (${r.b}): ${r.contacts} contacts`;
  out += r.contacts ? `, first ${r.first ?? '?'}, last ${r.last ?? '?'}\n` : '\n';
  if (!r.byYear.length) return out;
  return out + table(['year', 'mode', 'contacts'], r.byYear.map((c) => [c.year, c.mode, String(c.count)]), [8, 14, 8]);
}
