#!/usr/bin/env node
// The `communique` command line. Exit codes: 0 all documents extracted, 1 some documents failed (each reported
// on stderr and in its output object), 2 usage error.
import { Command, Option, CommanderError } from 'commander';
import { runExtract } from './extract.ts';
import { registerIngest } from './ingest.ts';
import { registerEvents } from './events.ts';
import { registerEntities } from './entities.ts';
import { registerRelations } from './relations.ts';
import { registerSearch } from './search.ts';
import { registerExport } from './export.ts';
import { registerServe } from './serve.ts';
import { registerDb } from './db.ts';
import { registerWorker } from './worker.ts';
import { registerJobs } from './jobs.ts';

const program = new Command();
program
  .name('communique')
  .description('Reads diplomatic news dispatches (French, English) and turns them into structured, source-linked events.')
  .version('0.1.0')
  .exitOverride();

program
  .command('extract')
  .description('extract entities and interactions from dispatches: files (.txt, .html), directories, JSON Lines, or - for standard input')
  .argument('[inputs...]', "files, directories, or '-' for standard input (default: standard input)")
  .addOption(new Option('--input <format>', 'how to read the inputs').choices(['auto', 'jsonl', 'text', 'html']).default('auto'))
  .option('--pretty', 'indented JSON for humans instead of one JSON object per line', false)
  .option('--lang <code>', 'language of the inputs when known (fr, en); detected otherwise')
  .option('--no-text', 'leave the cleaned text out of the output')
  .option('--quiet', 'no progress on stderr', false)
  .addHelpText('after', `
Examples:
  $ communique extract examples/dispatches/fr-otan-bruxelles.txt
  $ communique extract --input jsonl - < dispatches.jsonl > events.jsonl
  $ communique extract page.html dir/ --pretty

Output: one JSON object per input document, in input order (docs/output.md).
Exit code: 0 when every document was extracted, 1 when any failed (see stderr), 2 on a usage error.`)
  .action(async (inputs: string[], opts: { input: 'auto' | 'jsonl' | 'text' | 'html'; pretty: boolean; lang?: string; text: boolean; quiet: boolean }) => {
    const summary = await runExtract(inputs, { input: opts.input, pretty: opts.pretty, lang: opts.lang, noText: !opts.text, progress: !opts.quiet && !!process.stderr.isTTY }, process.stdout, process.stderr);
    process.exitCode = summary.failed > 0 ? 1 : 0;
  });

// The archive (issue 3): ingest into it, then query and export.
registerIngest(program);
registerEvents(program);
registerEntities(program);
registerRelations(program);
registerSearch(program);
registerExport(program);
registerServe(program);
// PostgreSQL archives (issue 7): schema and copies, the work queue's workers and its state.
registerDb(program);
registerWorker(program);
registerJobs(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`communique: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
