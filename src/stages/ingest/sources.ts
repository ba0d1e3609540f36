// Input readers (I/O at the edge): files, directories (recursively, in name order), JSON Lines records and
// standard input, each yielding raw documents in input order. A bad item becomes an error record, never an abort.
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join, extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { RawDocument } from '../../types.ts';
import { decodeBytes, InputError } from './decode.ts';

/** Files larger than this are reported, not read: no dispatch is that big, and memory stays bounded. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A JSON Lines record longer than this is reported as an error for that line. */
export const MAX_LINE_CHARS = 20 * 1024 * 1024;

export type SourceItem = { doc: RawDocument; error?: undefined } | { doc?: undefined; error: { source: string; code: string; message: string; id?: string } };

const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const TEXT_EXT = new Set(['.txt', '.text', '.md', '']);

export async function readDocumentFile(path: string): Promise<RawDocument> {
  const info = await stat(path);
  if (info.size > MAX_FILE_BYTES) throw new InputError('too_large', `${path} is ${info.size} bytes; the limit is ${MAX_FILE_BYTES}`);
  const buf = await readFile(path);
  const ext = extname(path).toLowerCase();
  const html = HTML_EXT.has(ext) || (!TEXT_EXT.has(ext) && /^\s*<(?:!doctype|html|head|body)/i.test(buf.subarray(0, 512).toString('latin1')));
  const { text } = decodeBytes(buf, { html });
  return html ? { source: path, html: text } : { source: path, text };
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) {
      const ext = extname(e.name).toLowerCase();
      if (HTML_EXT.has(ext) || ext === '.txt' || ext === '.jsonl') yield p;
    }
  }
}

export function recordToDocument(rec: unknown, source: string): RawDocument {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new InputError('bad_record', 'a JSON Lines record must be an object');
  const r = rec as Record<string, unknown>;
  const str = (k: string): string | undefined => {
    const v = r[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && k === 'id') return String(v);
    if (typeof v !== 'string') throw new InputError('bad_record', `field "${k}" must be a string`);
    return v;
  };
  const doc: RawDocument = { source: str('url') ?? source, id: str('id'), url: str('url'), published: str('published'), title: str('title'), lang: str('lang'), text: str('text'), html: str('html') };
  if (doc.text === undefined && doc.html === undefined) throw new InputError('bad_record', 'a record needs "text" or "html"');
  return doc;
}

export async function* readJsonLines(stream: Readable, source: string): AsyncGenerator<SourceItem> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    const where = `${source}:${n}`;
    if (!line.trim()) continue;
    if (line.length > MAX_LINE_CHARS) {
      yield { error: { source: where, code: 'too_large', message: `line ${n} has ${line.length} characters; the limit is ${MAX_LINE_CHARS}` } };
      continue;
    }
    let rec: unknown;
    try {
      rec = JSON.parse(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
    } catch (e) {
      yield { error: { source: where, code: 'bad_json', message: `line ${n} is not valid JSON: ${(e as Error).message}` } };
      continue;
    }
    try {
      const doc = recordToDocument(rec, where);
      yield { doc };
    } catch (e) {
      const id = rec && typeof rec === 'object' && typeof (rec as { id?: unknown }).id === 'string' ? ((rec as { id: string }).id) : undefined;
      yield { error: { source: where, code: (e as InputError).code ?? 'bad_record', message: (e as Error).message, id } };
    }
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    size += (c as Buffer).length;
    if (size > MAX_FILE_BYTES) throw new InputError('too_large', `standard input is over ${MAX_FILE_BYTES} bytes; use --input jsonl for many documents`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Every input in order: '-' is standard input; directories are read recursively. */
export async function* readInputs(inputs: string[], opts: { format: 'auto' | 'jsonl' | 'text' | 'html'; stdin?: Readable }): AsyncGenerator<SourceItem> {
  for (const input of inputs) {
    if (input === '-') {
      const stdin = opts.stdin ?? process.stdin;
      if (opts.format === 'jsonl') {
        yield* readJsonLines(stdin, 'stdin');
        continue;
      }
      try {
        const buf = await readAll(stdin);
        const html = opts.format === 'html' || (opts.format === 'auto' && /^\s*<(?:!doctype|html|head|body)/i.test(buf.subarray(0, 512).toString('latin1')));
        const { text } = decodeBytes(buf, { html });
        yield { doc: html ? { source: 'stdin', html: text } : { source: 'stdin', text } };
      } catch (e) {
        yield { error: { source: 'stdin', code: (e as InputError).code ?? 'read_error', message: (e as Error).message } };
      }
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      yield { error: { source: input, code: 'not_found', message: `cannot read ${input}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` } };
      continue;
    }
    const files: string[] = [];
    if (info.isDirectory()) for await (const f of walk(input)) files.push(f);
    else files.push(input);
    for (const f of files) {
      if (opts.format === 'jsonl' || extname(f).toLowerCase() === '.jsonl') {
        try {
          yield* readJsonLines(createReadStream(f), f);
        } catch (e) {
          yield { error: { source: f, code: 'read_error', message: (e as Error).message } };
        }
        continue;
      }
      try {
        const doc = await readDocumentFile(f);
        if (opts.format === 'html' && doc.text !== undefined) yield { doc: { source: f, html: doc.text } };
        else if (opts.format === 'text' && doc.html !== undefined) yield { doc: { source: f, text: doc.html } };
        else yield { doc };
      } catch (e) {
        yield { error: { source: f, code: (e as InputError).code ?? 'read_error', message: (e as Error).message } };
      }
    }
  }
}
