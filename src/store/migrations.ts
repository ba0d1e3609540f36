// Numbered plain-SQL migrations (0001_init.sql, 0002_….sql) read from one folder per store.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(store: 'sqlite' | 'postgres'): Migration[] {
  const dir = new URL(`./migrations/${store}/`, import.meta.url);
  const files = readdirSync(fileURLToPath(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  return files.map((f) => ({ version: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ''), sql: readFileSync(new URL(f, dir), 'utf8') }));
}
