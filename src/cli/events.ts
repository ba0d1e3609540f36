// `communique events`: contacts from the archive, filtered by actors, persons, modes, PLOVER types, dates and
// full text; as a table, JSON Lines or CSV. Every row carries its dispatch and evidence sentence.
import { Option, type Command } from 'commander';
import type { EventQuery } from '../store/index.ts';
import type { Mode, PloverType } from '../types.ts';
import { action, CSV_COLUMNS, csvLine, csvRow, dbOption, eventTable, list, MODES, positiveInt, TYPES, UsageError, withArchive, write } from './archive-common.ts';

export interface EventFilterFlags {
  between?: string[];
  actor?: string;
  person?: string;
  country?: string;
  org?: string;
  mode?: string;
  type?: string;
  since?: string;
  until?: string;
  text?: string;
  planned: boolean;
  background: boolean;
  distinct: boolean;
}

export function addEventFilters(cmd: Command): Command {
  return cmd
    .option('--between <actors...>', 'two actors that both took part: ISO3 codes (AZE), organisation codes (NATO), entity ids (#12) or names')
    .option('--actor <actor>', 'an actor that took part')
    .option('--person <name>', 'a person, by any name form or transliteration (Hajiyev = Hadjiyev)')
    .option('--country <iso3>', 'a country that took part (the state or someone speaking for it)')
    .option('--org <code>', 'an organisation that took part')
    .option('--mode <modes>', `modes, comma-separated (${MODES.join(', ')})`)
    .option('--type <types>', 'PLOVER types, comma-separated (CONSULT, AGREE, …)')
    .option('--since <date>', 'from this date on (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'up to this date, included (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--text <words>', 'only events of dispatches containing these words (accents and case ignored)')
    .option('--no-planned', 'leave out planned contacts')
    .option('--no-background', 'leave out contacts only recalled by a later dispatch')
    .option('--distinct', 'one report per contact: the same contact told by several dispatches counts once', false);
}

export function eventQuery(f: EventFilterFlags): EventQuery {
  if (f.between && f.between.length !== 2) throw new UsageError('--between takes two actors, e.g. --between AZE NATO');
  const q: EventQuery = {
    modes: list(f.mode, MODES, 'mode') as Mode[] | undefined,
    types: list(f.type?.toUpperCase(), TYPES, 'PLOVER type') as PloverType[] | undefined,
    includePlanned: f.planned,
    includeBackground: f.background,
    distinct: f.distinct,
  };
  if (f.between) q.between = [f.between[0]!, f.between[1]!];
  for (const k of ['actor', 'person', 'country', 'org', 'since', 'until', 'text'] as const) if (f[k]) q[k] = f[k];
  return q;
}

export function registerEvents(program: Command): void {
  const cmd = addEventFilters(program.command('events').description('list contacts from the archive, with their dispatch and evidence'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'jsonl', 'csv']).default('table'))
    .option('--json', 'same as --format jsonl', false)
    .option('--limit <n>', 'at most this many events (default: 50 in a table, all otherwise)')
    .option('--cursor <cursor>', 'continue after the last page (the cursor a table run printed)');
  dbOption(cmd).addHelpText(
    'after',
    `
Examples:
  $ communique events --between AZE NATO --since 2016 --mode meeting,phone_call
  $ communique events --person Hadjiyev --format csv > hadjiyev.csv
  $ communique events --country AZE --text "sécurité énergétique" --json`,
  );
  cmd.action(
    action(async (flags: EventFilterFlags & { db?: string; format: string; json: boolean; limit?: string; cursor?: string }) => {
      const format = flags.json ? 'jsonl' : flags.format;
      const q = eventQuery(flags);
      const limit = positiveInt(flags.limit, '--limit') ?? (format === 'table' ? 50 : undefined);
      await withArchive(flags.db, async (repo) => {
        if (format === 'table') {
          const page = await repo.events({ ...q, limit, cursor: flags.cursor ?? null });
          await write(process.stdout, page.items.length ? eventTable(page.items) : 'no events\n');
          if (page.next) process.stderr.write(`more: --cursor ${page.next}\n`);
          return;
        }
        if (format === 'csv') await write(process.stdout, csvLine([...CSV_COLUMNS]));
        let n = 0;
        for await (const e of repo.exportEvents({ ...q, cursor: flags.cursor ?? null })) {
          if (limit !== undefined && n >= limit) break;
          await write(process.stdout, format === 'csv' ? csvLine(csvRow(e)) : JSON.stringify(e) + '\n');
          n++;
        }
      });
    }),
  );
}
