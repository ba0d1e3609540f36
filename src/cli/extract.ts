// `communique extract`: dispatches in, one JSON object per document out (JSON Lines, input order).
import type { Writable } from 'node:stream';
import { readInputs } from '../stages/ingest/sources.ts';
import { extractSafely } from '../pipeline/extract.ts';
import type { Dispatch } from '../types.ts';
import { contentId } from '../pipeline/extract.ts';

export interface ExtractOptions {
  input: 'auto' | 'jsonl' | 'text' | 'html';
  pretty: boolean;
  lang?: string;
  noText?: boolean;
  progress: boolean;
}

export interface ExtractSummary {
  documents: number;
  failed: number;
  events: number;
}

/** Runs extraction over the inputs, writing each result as soon as it is ready; returns counts. */
export async function runExtract(inputs: string[], opts: ExtractOptions, out: Writable, err: Writable): Promise<ExtractSummary> {
  const summary: ExtractSummary = { documents: 0, failed: 0, events: 0 };
  const started = Date.now();
  let lastProgress = 0;
  for await (const item of readInputs(inputs.length ? inputs : ['-'], { format: opts.input })) {
    let result: Dispatch;
    if (item.error) {
      result = {
        id: item.error.id ?? contentId(item.error.source),
        source: item.error.source,
        lang: 'und',
        title: null,
        published: null,
        dateline: null,
        text: '',
        entities: [],
        events: [],
        error: { code: item.error.code, message: item.error.message },
      };
    } else {
      if (opts.lang && !item.doc.lang) item.doc.lang = opts.lang;
      result = extractSafely(item.doc);
    }
    summary.documents++;
    summary.events += result.events.length;
    if (result.error) {
      summary.failed++;
      err.write(`communique: ${result.source ?? result.id}: ${result.error.code}: ${result.error.message}\n`);
    }
    if (opts.noText) result = { ...result, text: '' };
    const line = opts.pretty ? JSON.stringify(result, null, 2) : JSON.stringify(result);
    if (!out.write(line + '\n')) await new Promise((r) => out.once('drain', r));
    if (opts.progress && Date.now() - lastProgress > 1000) {
      lastProgress = Date.now();
      const rate = summary.documents / Math.max(0.001, (Date.now() - started) / 1000);
      err.write(`\r${summary.documents} documents, ${summary.failed} failed, ${rate.toFixed(1)}/s `);
    }
  }
  if (opts.progress && summary.documents > 0 && Date.now() - started > 1000) err.write('\n');
  return summary;
}
