// What the archive commands share: the --db option, opening the archive, errors, and output formats (tables,
// CSV, JSON Lines) written with back-pressure so that large results stream.
import { Option, type Command } from 'commander';
import type { Writable } from 'node:stream';
import { archiveLocation, maskLocation, openStore, StoreError, type ArchiveEvent, type ArchiveRepository } from '../store/index.ts';

export function dbOption(cmd: Command): Command {
  return cmd.addOption(new Option('--db <location>', 'the archive: a file path, sqlite:PATH or postgres://user@host/db; default $COMMUNIQUE_DB, else ./communique.db'));
}

export async function withArchive<T>(db: string | undefined, fn: (repo: ArchiveRepository) => Promise<T>): Promise<T> {
  const repo = await openStore(archiveLocation(db));
  try {
    return await fn(repo);
  } finally {
    await repo.close();
  }
}

/** Runs a command body; archive errors become one clear line on stderr (exit 2 for a bad request, else 1). */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    // A reader that stops early (`| head`) is no error: stop writing, quietly.
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
    try {
      await fn(...args);
    } catch (e) {
      if (e instanceof StoreError || e instanceof UsageError) {
        process.stderr.write(`communique: ${maskLocation(e.message)}\n`);
        process.exitCode = e instanceof UsageError || e.code === 'bad_request' ? 2 : 1;
        return;
      }
      throw e;
    }
  };
}

export class UsageError extends Error {}

export async function write(out: Writable, s: string): Promise<void> {
  if (!out.write(s)) await new Promise((r) => out.once('drain', r));
}

/** "meeting,phone_call" → ['meeting', 'phone_call'], each checked against the allowed values. */
export function list<T extends string>(s: string | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (!s) return undefined;
  const items = s.split(',').map((x) => x.trim()).filter(Boolean);
  for (const x of items) if (!allowed.includes(x as T)) throw new UsageError(`unknown ${what} "${x}"; one of: ${allowed.join(', ')}`);
  return items as T[];
}

export function positiveInt(s: string | undefined, what: string): number | undefined {
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s) || Number(s) < 1) throw new UsageError(`${what} must be a positive whole number, not "${s}"`);
  return Number(s);
}

export const MODES = ['meeting', 'reception', 'talks', 'phone_call', 'video_call', 'visit', 'multilateral', 'interview', 'statement', 'credentials'] as const;
export const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] as const;

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; formulas defused for spreadsheets. */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: unknown[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** Fixed-width text table; long cells cut with an ellipsis. */
export function table(headers: string[], rows: string[][], widths: number[]): string {
  const cell = (s: string, w: number) => {
    const one = s.replace(/\s+/g, ' ');
    return one.length > w ? one.slice(0, w - 1) + '…' : one.padEnd(w);
  };
  const line = (r: string[]) => r.map((c, i) => cell(c, widths[i] ?? 20)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** Source and target of an event for flat formats: PLOVER actors and recipients; a mutual contact (no recipient)
 *  reads as its first participant toward the others. */
export function sourceTarget(e: ArchiveEvent): { source: ArchiveEvent['participants']; target: ArchiveEvent['participants'] } {
  const source = e.participants.filter((p) => p.role === 'actor');
  const target = e.participants.filter((p) => p.role === 'recipient');
  if (!target.length && source.length > 1) return { source: source.slice(0, 1), target: source.slice(1) };
  return { source, target };
}

export const CSV_COLUMNS = [
  'event_id', 'date', 'date_end', 'mode', 'plover_type', 'plover_mode', 'cameo', 'planned', 'background',
  'source_names', 'source_codes', 'target_names', 'target_codes', 'location', 'location_code', 'topics',
  'reports', 'counted', 'dispatch_id', 'dispatch_url', 'dispatch_source', 'published', 'evidence',
] as const;

export function csvRow(e: ArchiveEvent): unknown[] {
  const { source, target } = sourceTarget(e);
  const names = (ps: typeof source) => ps.map((p) => p.name).join('; ');
  const codes = (ps: typeof source) => ps.map((p) => p.side ?? '').join('; ');
  return [
    e.id, e.date.start ?? '', e.date.end ?? '', e.mode, e.type, e.ploverMode ?? '', e.cameo ?? '', e.planned ? 1 : 0, e.background ? 1 : 0,
    names(source), codes(source), names(target), codes(target), e.location?.name ?? '', e.location?.code ?? '', e.topics.join('; '),
    e.reports, e.counted ? 1 : 0, e.dispatch.id, e.dispatch.url ?? '', e.dispatch.source, e.dispatch.published ?? '', e.evidence.map((x) => x.text).join(' … '),
  ];
}

export function eventTable(events: ArchiveEvent[]): string {
  return table(
    ['date', 'mode', 'type', 'participants', 'location', 'dispatch', 'evidence'],
    events.map((e) => [
      (e.date.start ?? e.dispatch.published ?? '') + (e.planned ? ' (planned)' : e.background ? ' (recalled)' : ''),
      e.mode,
      e.type,
      e.participants.map((p) => (p.side ? `${p.name} [${p.side}]` : p.name)).join(' + '),
      e.location?.name ?? '',
      `#${e.dispatch.id} ${e.dispatch.url ?? e.dispatch.source}`,
      e.evidence.map((x) => x.text).join(' … '),
    ]),
    [22, 11, 7, 60, 12, 40, 80],
  );
}
