// The PostgreSQL store's entry points. `openArchive` opens any archive location: postgres:// URLs here, anything
// else through the store factory (src/store/index.ts), until that factory returns this store itself.
import { openStore } from '../index.ts';
import type { ArchiveRepository } from '../repository.ts';
import { isPostgresUrl } from './connection.ts';
import { PostgresRepository } from './repository.ts';

export { PostgresRepository } from './repository.ts';
export { isPostgresUrl, maskUrl } from './connection.ts';

/** Opens (and migrates) the archive at a location: a postgres:// URL, a file path or sqlite:PATH. */
export async function openArchive(location: string): Promise<ArchiveRepository> {
  if (!isPostgresUrl(location)) return openStore(location);
  const repo = new PostgresRepository(location);
  await repo.open();
  return repo;
}
