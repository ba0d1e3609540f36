// bench/results.json holds the last run of each benchmark under its own key ("extract", "archive"): a run of one
// replaces its key and keeps the other's.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), 'results.json');

/** The last run's figures under `key`, if any. */
export function lastResults(key: 'extract' | 'archive'): unknown {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[key] ?? null;
  } catch {
    return null;
  }
}

export function saveResults(key: 'extract' | 'archive', value: unknown): void {
  let all: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      const old = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      all = 'extract' in old || 'archive' in old ? old : { extract: old }; // the file once held the extraction's alone
    } catch {
      all = {};
    }
  }
  all[key] = value;
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
}
