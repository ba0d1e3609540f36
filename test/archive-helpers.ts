// Shared by the archive tests: a fresh archive in a temporary folder, the fixture corpus, and the built command.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot } from './helpers.ts';
import { openStore, type ArchiveRepository } from '../src/store/index.ts';
import { ingest, type IngestSummary } from '../src/archive/ingest.ts';
import { HttpClient } from '../src/archive/fetch.ts';

export const fixtures = join(repoRoot, 'test', 'fixtures', 'archive');
export const corpus = join(fixtures, 'corpus');
export const bin = join(repoRoot, 'dist', 'cli', 'main.js');

export function tempDir(prefix = 'communique-archive-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function freshArchive(): Promise<{ repo: ArchiveRepository; path: string }> {
  const path = join(tempDir(), 'archive.db');
  return { repo: await openStore(path), path };
}

/** Local HTTP is answered at once: no politeness delay between test requests. */
export const quickHttp = () => new HttpClient({ politenessMs: 0, timeoutMs: 2000 });

export function ingestInto(repo: ArchiveRepository, inputs: string[]): Promise<IngestSummary> {
  return ingest(inputs, repo, quickHttp());
}

export function cli(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { input: opts.input, cwd: repoRoot, env: { ...process.env, ...opts.env }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}
