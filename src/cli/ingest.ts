// `communique ingest`: files, folders, JSON Lines, HTML pages and feed URLs into the archive; `--watch` polls a
// list of feeds. Progress on stderr only when it is a terminal; a summary at the end; exit 1 when an item failed.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import { HttpClient } from '../archive/fetch.ts';
import { ingest, isUrl, parseInterval, watch, type IngestSummary, type StoredItem } from '../archive/ingest.ts';
import { action, dbOption, positiveInt, UsageError, withArchive } from './archive-common.ts';
import { enqueue } from '../queue/enqueue.ts';

interface IngestFlags {
  db?: string;
  quiet: boolean;
  json: boolean;
  lang?: string;
  watch?: string;
  every: string;
  maxRounds?: string;
  timeout: string;
  delay: string;
  enqueue: boolean;
}

export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('read dispatches into the archive: files, folders, JSON Lines, HTML pages, and RSS/Atom feed URLs (every item, each link fetched)')
    .argument('[inputs...]', "files, folders, '-' for standard input, or http(s) URLs of feeds and pages")
    .option('--quiet', 'no progress and no summary on stderr', false)
    .option('--json', 'print the summary as JSON on stdout', false)
    .option('--lang <code>', 'language of the inputs when known (fr, en); detected otherwise')
    .option('--enqueue', 'only queue the inputs for `communique worker` (PostgreSQL archives): nothing is extracted here', false)
    .option('--watch <feeds.txt>', 'keep polling the feeds listed in this file (one URL a line); new items only')
    .option('--every <interval>', 'time between two polls in watch mode (30s, 10m, 1h)', '10m')
    .option('--max-rounds <n>', 'stop watching after this many polls')
    .option('--timeout <interval>', 'time limit of one HTTP exchange', '20s')
    .option('--delay <interval>', 'politeness delay between two requests to one host', '1s');
  dbOption(cmd).addHelpText(
    'after',
    `
Examples:
  $ communique ingest ../shared/seeds/ dispatches.jsonl page.html
  $ communique ingest https://example.org/fr/rss.xml
  $ communique ingest --watch feeds.txt --every 10m
  $ communique ingest --enqueue feeds.txt dispatches.jsonl dir/   # PostgreSQL: workers do the rest

Each dispatch is stored with its extraction in one transaction: an interrupted run loses nothing stored, and a
rerun skips what is there. The same text (or the same URL with the same text) is a duplicate; a changed page at a
known URL is a new revision, the old one kept.
Exit code: 0 when every item was stored or already there, 1 when any failed (see the summary), 2 on a usage error.`,
  );
  cmd.action(
    action(async (inputs: string[], flags: IngestFlags) => {
      if (!flags.watch && !inputs.length) throw new UsageError('nothing to ingest: give files, folders, URLs or --watch feeds.txt');
      if (flags.watch && inputs.length) throw new UsageError('--watch reads its feeds from the list file; give no other inputs');
      let timeoutMs: number, politenessMs: number, everyMs: number;
      try {
        timeoutMs = parseInterval(flags.timeout);
        politenessMs = parseInterval(flags.delay);
        everyMs = parseInterval(flags.every);
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const maxRounds = positiveInt(flags.maxRounds, '--max-rounds');
      if (flags.enqueue) {
        if (flags.watch) throw new UsageError('--enqueue queues inputs once; --watch polls: use one or the other');
        const q = await withArchive(flags.db, (repo) => enqueue(repo, inputs, { lang: flags.lang }));
        if (flags.json) process.stdout.write(JSON.stringify(q) + '\n');
        if (!flags.quiet) {
          process.stderr.write(`queued ${q.queued} jobs (${q.documents} documents and URLs)${q.failed ? `; ${q.failed} inputs unreadable` : ''}\n`);
          for (const f of q.failures.slice(0, 20)) process.stderr.write(`  ${f.source}: ${f.code}: ${f.message}\n`);
        }
        process.exitCode = q.failed > 0 ? 1 : 0;
        return;
      }
      const http = new HttpClient({ timeoutMs, politenessMs });
      const progress = !flags.quiet && !!process.stderr.isTTY ? new Progress(flags.watch ? null : await countItems(inputs)) : null;
      const onItem = (r: StoredItem, s: IngestSummary) => {
        if (r.status === 'failed' && r.failure && !flags.quiet) {
          progress?.clear();
          process.stderr.write(`communique: ${r.failure.source}: ${r.failure.code}: ${r.failure.message}\n`);
        }
        progress?.update(s);
      };
      const summary = await withArchive(flags.db, async (repo) => {
        if (!flags.watch) return ingest(inputs, repo, http, { onItem, lang: flags.lang });
        const stop = new AbortController();
        const onSignal = () => stop.abort();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          return await watch(flags.watch, repo, http, {
            everyMs, maxRounds, signal: stop.signal, onItem, lang: flags.lang,
            onRound: (round, s) => {
              if (flags.quiet) return;
              progress?.clear();
              process.stderr.write(`round ${round}: ${line(s)}\n`);
            },
          });
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      });
      progress?.done();
      if (flags.json) process.stdout.write(JSON.stringify(summary) + '\n');
      if (!flags.quiet) process.stderr.write(report(summary));
      process.exitCode = summary.failed > 0 ? 1 : 0;
    }),
  );
}

function line(s: IngestSummary): string {
  return `read ${s.read}, new ${s.new}, duplicates ${s.duplicates}, revisions ${s.revisions}, failed ${s.failed}, events ${s.events}`;
}

function report(s: IngestSummary): string {
  let out = `ingest: ${line(s)}\n`;
  if (s.failed) {
    const byCode = new Map<string, number>();
    for (const f of s.failures) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
    out += `failed: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ')}\n`;
    for (const f of s.failures.slice(0, 20)) out += `  ${f.source}: ${f.code}: ${f.message}\n`;
    if (s.failed > 20) out += `  … and ${s.failed - 20} more\n`;
  }
  return out;
}

/** How many items the local inputs hold (files, JSON Lines records), for the ETA; null when unknown (URLs,
 *  standard input). Counting streams: nothing is held in memory. */
async function countItems(inputs: string[]): Promise<number | null> {
  let n = 0;
  const countFile = async (p: string) => {
    if (extname(p).toLowerCase() !== '.jsonl') return 1;
    let lines = 0;
    const rl = createInterface({ input: createReadStream(p), crlfDelay: Infinity });
    for await (const l of rl) if (l.trim()) lines++;
    return lines;
  };
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && /\.(?:html?|xhtml|txt|jsonl)$/i.test(e.name)) n += await countFile(p);
    }
  };
  try {
    for (const input of inputs) {
      if (input === '-' || isUrl(input)) return null;
      const info = await stat(input).catch(() => null);
      if (!info) n++;
      else if (info.isDirectory()) await walk(input);
      else n += await countFile(input);
    }
  } catch {
    return null;
  }
  return n;
}

/** One line on stderr, redrawn at most every 200 ms: items, rate, and the time left when the total is known. */
class Progress {
  private started = Date.now();
  private last = 0;
  private shown = false;
  constructor(private total: number | null) {}

  update(s: IngestSummary): void {
    const t = Date.now();
    if (t - this.last < 200) return;
    this.last = t;
    const secs = Math.max(0.001, (t - this.started) / 1000);
    const rate = s.read / secs;
    let msg = `${s.read}${this.total ? `/${this.total}` : ''} items, ${s.new} new, ${s.duplicates} duplicates, ${s.failed} failed, ${rate.toFixed(1)}/s`;
    if (this.total && rate > 0) msg += `, ETA ${duration(Math.max(0, this.total - s.read) / rate)}`;
    process.stderr.write(`\r${msg}\x1b[K`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
  }

  done(): void {
    this.clear();
  }
}

function duration(secs: number): string {
  if (secs < 60) return `${Math.round(secs)}s`;
  if (secs < 3600) return `${Math.floor(secs / 60)}m${String(Math.round(secs % 60)).padStart(2, '0')}s`;
  return `${Math.floor(secs / 3600)}h${String(Math.floor((secs % 3600) / 60)).padStart(2, '0')}m`;
}
