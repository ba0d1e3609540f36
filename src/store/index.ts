// Opens the archive a location names: a file path or sqlite:PATH is the embedded SQLite store; postgres:// URLs
// (or postgresql://) are the PostgreSQL store (src/store/postgres/). Nothing else chooses a store.
import { StoreError, type ArchiveRepository } from './repository.ts';
import { SqliteRepository } from './sqlite/repository.ts';
import { PostgresRepository } from './postgres/repository.ts';

export const DEFAULT_DB = './communique.db';

/** The archive location from --db, else COMMUNIQUE_DB, else ./communique.db. */
export function archiveLocation(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.COMMUNIQUE_DB || DEFAULT_DB;
}

/** Credentials never appear in messages: "postgres://user:secret@host/db" → "postgres://user:***@host/db". */
export function maskLocation(url: string): string {
  return url.replace(/^([a-z][\w+.-]*:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

export function storeFor(url: string): ArchiveRepository {
  if (/^postgres(?:ql)?:\/\//i.test(url)) return new PostgresRepository(url);
  const m = /^sqlite:(?:\/\/)?(.*)$/i.exec(url);
  const path = m ? m[1]! : url;
  if (!path) throw new StoreError('bad_location', 'the archive location is empty');
  if (/^[a-z][\w+.-]*:\/\//i.test(path)) throw new StoreError('bad_location', `unknown archive location ${maskLocation(path)}: give a file path, sqlite:PATH or postgres://…`);
  return new SqliteRepository(path);
}

/** Opens (and migrates) the archive at a location. */
export async function openStore(url: string): Promise<ArchiveRepository> {
  const store = storeFor(url);
  await store.open();
  return store;
}

export { StoreError } from './repository.ts';
export type * from './repository.ts';
