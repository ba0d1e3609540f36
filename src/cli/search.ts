// `communique search`: full text over the archive's dispatches (accents and case ignored), with snippets and
// each dispatch's events.
import type { Command } from 'commander';
import { action, dbOption, positiveInt, withArchive, write } from './archive-common.ts';

export function registerSearch(program: Command): void {
  const cmd = program
    .command('search')
    .description('full-text search over the dispatches, with snippets and their events')
    .argument('<words...>', 'words that must all occur; "a quoted phrase" as a whole; a trailing * for a prefix')
    .option('--limit <n>', 'at most this many dispatches', '20')
    .option('--cursor <cursor>', 'continue after the last page')
    .option('--json', 'JSON Lines, one dispatch a line', false);
  dbOption(cmd).addHelpText('after', '\nExamples:\n  $ communique search "sécurité énergétique"\n  $ communique search securite energetique --json');
  cmd.action(
    action(async (words: string[], flags: { db?: string; limit: string; cursor?: string; json: boolean }) => {
      await withArchive(flags.db, async (repo) => {
        const page = await repo.search(words.join(' '), { limit: positiveInt(flags.limit, '--limit'), cursor: flags.cursor ?? null });
        for (const h of page.items) {
          if (flags.json) {
            await write(process.stdout, JSON.stringify(h) + '\n');
            continue;
          }
          const d = h.dispatch;
          let out = `#${d.id} ${d.published ?? '????-??-??'} ${d.title ?? ''}\n  ${d.url ?? d.source}\n  ${h.snippet.replace(/\s+/g, ' ')}\n`;
          for (const e of h.events) out += `  • ${e.date.start ?? '?'} ${e.mode}${e.planned ? ' (planned)' : ''}: ${e.participants.map((p) => p.name).join(' + ')}\n`;
          await write(process.stdout, out + '\n');
        }
        if (!page.items.length && !flags.json) await write(process.stdout, 'no dispatch matches\n');
        if (page.next) process.stderr.write(`more: --cursor ${page.next}\n`);
      });
    }),
  );
}
