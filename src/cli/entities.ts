// `communique entities`: the archive's persons, states, organisations and places, each with every name form and
// title seen (with dates) and the reasons its names were joined; `merge` and `split` are the user's corrections.
import { Option, type Command } from 'commander';
import type { ArchiveEntity, ArchiveRepository } from '../store/index.ts';
import type { EntityKind } from '../types.ts';
import { action, dbOption, positiveInt, table, UsageError, withArchive, write } from './archive-common.ts';

const KINDS: EntityKind[] = ['person', 'organization', 'country', 'place', 'programme', 'other'];

async function one(repo: ArchiveRepository, ref: string): Promise<ArchiveEntity> {
  const found = await repo.findEntities(ref);
  if (found.length === 1) return found[0]!;
  if (!found.length) throw new UsageError(`no entity answers to "${ref}"`);
  throw new UsageError(`"${ref}" may be ${found.length} entities: ${found.slice(0, 8).map((e) => `#${e.id} ${e.name}`).join(', ')}; give an id`);
}

function describe(e: ArchiveEntity): string {
  const side = [e.code, e.country, e.org].filter(Boolean).join(' ');
  let out = `#${e.id} ${e.name} (${e.kind}${side ? `, ${side}` : ''}) — ${e.dispatches} dispatches, ${e.firstSeen ?? '?'} to ${e.lastSeen ?? '?'}\n`;
  out += `  names: ${e.names.map((n) => `${n.name} ×${n.count}`).join(', ')}\n`;
  if (e.titles.length) out += `  titles:\n${e.titles.map((t) => `    ${t.title} (${t.firstSeen ?? '?'} – ${t.lastSeen ?? '?'})\n`).join('')}`;
  return out;
}

export function registerEntities(program: Command): void {
  const entities = program
    .command('entities')
    .description('the archive\'s entities (list, show, merge, split)')
    .addHelpText(
      'after',
      `
Without a command, lists entities: see \`communique entities list --help\` (--kind, --country, --org, --name, --json, --db).
Examples:
  $ communique entities --kind person --country AZE
  $ communique entities show "Jeyhun Bayramov"
  $ communique entities merge "#13" "#40" --reason "same minister"
  $ communique entities split "#13" --name "Ceyhun Bayramov"`,
    );

  const ls = entities
    .command('list', { isDefault: true })
    .description('list entities with their name forms')
    .addOption(new Option('--kind <kind>', 'only this kind').choices(KINDS))
    .option('--country <iso3>', 'persons and places of this country (or the country itself)')
    .option('--org <code>', 'persons of this organisation (or the organisation itself)')
    .option('--name <name>', 'any name form (accents, case and transliteration ignored)')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'JSON Lines, one entity a line', false);
  dbOption(ls).addHelpText('after', '\nExamples:\n  $ communique entities --kind person --country AZE\n  $ communique entities --name Bayramov --json');
  ls.action(
    action(async (flags: { db?: string; kind?: EntityKind; country?: string; org?: string; name?: string; limit: string; json: boolean }) => {
      const limit = positiveInt(flags.limit, '--limit')!;
      await withArchive(flags.db, async (repo) => {
        const items: ArchiveEntity[] = [];
        for await (const e of repo.exportEntities({ kind: flags.kind, country: flags.country, org: flags.org, name: flags.name })) {
          if (items.length >= limit) break;
          if (flags.json) await write(process.stdout, JSON.stringify(e) + '\n');
          items.push(e);
        }
        if (flags.json) return;
        if (!items.length) return void (await write(process.stdout, 'no entities\n'));
        await write(
          process.stdout,
          table(
            ['id', 'kind', 'name', 'side', 'dispatches', 'seen', 'other names', 'titles'],
            items.map((e) => [
              `#${e.id}`, e.kind, e.name, e.code ?? e.org ?? e.country ?? '', String(e.dispatches), `${e.firstSeen ?? ''}–${e.lastSeen ?? ''}`,
              e.names.filter((n) => n.name !== e.name).map((n) => n.name).join(', '), e.titles.map((t) => t.title).join('; '),
            ]),
            [6, 12, 26, 8, 10, 21, 40, 60],
          ),
        );
      });
    }),
  );

  const show = entities
    .command('show')
    .description('one entity: names, titles with dates, and why its names were joined')
    .argument('<entity>', 'an id (#12) or a name')
    .option('--json', 'as JSON', false);
  dbOption(show).action(
    action(async (ref: string, flags: { db?: string; json: boolean }) => {
      await withArchive(flags.db, async (repo) => {
        const e = await one(repo, ref);
        const history = await repo.mergeHistory(e.id);
        if (flags.json) return void (await write(process.stdout, JSON.stringify({ ...e, merges: history }) + '\n'));
        let out = describe(e);
        if (history.length) out += `  joined:\n${history.map((m) => `    ${m.at.slice(0, 10)} ${m.by}: ${m.name ? `"${m.name}" ` : ''}${m.dispatch ? `(dispatch #${m.dispatch}) ` : ''}— ${m.reason}\n`).join('')}`;
        await write(process.stdout, out);
      });
    }),
  );

  const merge = entities
    .command('merge')
    .description('correct the archive: B is the same entity as A (A is kept); later dispatches naming B go to A')
    .argument('<a>', 'the entity kept: an id (#12) or a name')
    .argument('<b>', 'the entity merged into A')
    .option('--reason <text>', 'why, kept in the entity\'s history')
    .option('--json', 'print the merged entity as JSON', false);
  dbOption(merge)
    .addHelpText('after', '\nExample:\n  $ communique entities merge "#13" "#40" --reason "same minister, Russian transliteration"')
    .action(
      action(async (a: string, b: string, flags: { db?: string; reason?: string; json: boolean }) => {
        await withArchive(flags.db, async (repo) => {
          const ea = await one(repo, a);
          const eb = await one(repo, b);
          const merged = await repo.mergeEntities(ea.id, eb.id, flags.reason);
          await write(process.stdout, flags.json ? JSON.stringify(merged) + '\n' : `merged #${eb.id} into #${ea.id}\n${describe(merged)}`);
        });
      }),
    );

  const split = entities
    .command('split')
    .description('correct the archive: some name forms (or some dispatches\' mentions) of an entity are someone else')
    .argument('<entity>', 'the entity to split: an id (#12) or a name')
    .option('--name <names...>', 'name forms to move to a new entity')
    .option('--dispatch <ids...>', 'dispatches whose mentions move to a new entity')
    .option('--reason <text>', 'why, kept in the entity\'s history')
    .option('--json', 'print the new entity as JSON', false);
  dbOption(split)
    .addHelpText('after', '\nExample:\n  $ communique entities split "#13" --name "Ceyhun Bayramov"')
    .action(
      action(async (ref: string, flags: { db?: string; name?: string[]; dispatch?: string[]; reason?: string; json: boolean }) => {
        const dispatches = (flags.dispatch ?? []).map((d) => positiveInt(d.replace(/^#/, ''), '--dispatch')!);
        await withArchive(flags.db, async (repo) => {
          const e = await one(repo, ref);
          const fresh = await repo.splitEntity(e.id, { names: flags.name, dispatches, reason: flags.reason });
          await write(process.stdout, flags.json ? JSON.stringify(fresh) + '\n' : `split #${fresh.id} from #${e.id}\n${describe(fresh)}`);
        });
      }),
    );
}
