// Many workers, one archive: four worker processes work one queue (the corpus queued twice over, so that workers
// meet the same dispatches at once), one is killed with SIGKILL mid-run, the others finish its work, and the
// archive must be the one a single process builds in SQLite from the same inputs: same dispatches, events,
// entities, stories and counts. A poison document ends failed with its error, after its retries.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot } from './helpers.ts';
import { generate } from '../bench/generate.ts';
import { SqliteRepository } from '../src/store/sqlite/repository.ts';
import { PostgresRepository } from '../src/store/postgres/repository.ts';
import { ingest } from '../src/archive/ingest.ts';
import { HttpClient } from '../src/archive/fetch.ts';
import { enqueue } from '../src/queue/enqueue.ts';
import { queueReport } from '../src/queue/status.ts';
import { canonicalDump, dumpDifferences, freshDatabase, pgSkipReason } from './postgres-helpers.ts';

const pgSkip = await pgSkipReason();
const contractCorpus = join(repoRoot, 'test', 'fixtures', 'contract', 'corpus');
const GENERATED = 240;
/** Short enough for a test: a dead worker's job is retried 3 s after it started, a failed one 1 s later. */
const QUEUE_ENV = { COMMUNIQUE_JOB_EXPIRE: '3', COMMUNIQUE_JOB_RETRIES: '2', COMMUNIQUE_JOB_RETRY_DELAY: '1', COMMUNIQUE_QUEUE_MAINTENANCE: '1', COMMUNIQUE_QUEUE_POLL: '0.5' };

/** A worker process running the `worker` command as the CLI does (commander and all), from the sources. */
function startWorker(url: string, log: string[]): ChildProcess {
  const script = `
    import { Command } from 'commander';
    import { registerWorker } from './src/cli/worker.ts';
    const program = new Command().exitOverride();
    registerWorker(program);
    await program.parseAsync(['node', 'communique', 'worker', '--db', ${JSON.stringify(url)}, '--drain', '--verbose']);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, env: { ...process.env, ...QUEUE_ENV }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => log.push(s));
  return child;
}

const exited = (c: ChildProcess) => new Promise<number | null>((r) => (c.exitCode !== null || c.signalCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))));

async function until(what: string, ms: number, test: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('postgres workers: four processes, one killed, one archive', { skip: pgSkip ?? false }, () => {
  let dir: string;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const children: ChildProcess[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'communique-workers-'));
    db = await freshDatabase('workers');
  });
  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the archive one SQLite process builds, and leaves the poison document failed', { timeout: 240_000 }, async () => {
    const generated = join(dir, 'generated.jsonl');
    writeFileSync(generated, [...generate(GENERATED, 7)].map((d) => JSON.stringify({ id: d.id, published: d.published, lang: d.lang, text: d.text })).join('\n') + '\n');
    const poison = join(dir, 'poison.jsonl');
    writeFileSync(poison, JSON.stringify({ id: 'poison', title: 'nothing', text: ' \n\t ' }) + '\n');
    const inputs = [contractCorpus, generated];

    // The reference: one process, SQLite.
    const reference = new SqliteRepository(join(dir, 'reference.db'));
    await reference.open();
    await ingest(inputs, reference, new HttpClient({ politenessMs: 0 }));
    const expected = await canonicalDump(reference);
    await reference.close();

    // The queue: every input twice (overlapping work), and the poison document.
    const store = new PostgresRepository(db.url);
    await store.open();
    Object.assign(process.env, QUEUE_ENV);
    const q1 = await enqueue(store, [...inputs, poison]);
    const q2 = await enqueue(store, inputs);
    const total = q1.queued + q2.queued;
    assert.equal(q1.documents + q2.documents, 2 * (11 + GENERATED) + 1);
    assert.equal(total, 2 * (10 + GENERATED) + 1, "a page's two revisions travel in one job");

    const logs: string[][] = [[], [], [], []];
    for (const log of logs) children.push(startWorker(db.url, log));
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      const count = async (state: string) => Number((await c.query('SELECT count(*) AS n FROM pgboss.job WHERE state = $1', [state])).rows[0].n);
      // Mid-run: every worker busy, some work done, much left.
      await until('four busy workers', 120_000, async () => (await count('completed')) >= 40 && (await count('active')) >= 4).catch((e) => {
        throw new Error(`${(e as Error).message}: ${logs.map((l) => l.join('')).join('\n---\n')}`);
      });
      const victim = children[1]!;
      victim.kill('SIGKILL');
      assert.equal(await exited(victim), null, 'killed, not exited');
      const doneAtKill = await count('completed');
      assert.ok(doneAtKill < total - 100, `killed mid-run (${doneAtKill} of ${total} done)`);

      for (const [i, child] of children.entries()) if (i !== 1) assert.equal(await exited(child), 0, logs[i]!.join(''));
      const report = await queueReport(store);
      assert.deepEqual({ ...report.counts }, { created: 0, retry: 0, active: 0, completed: total - 1, cancelled: 0, failed: 1 });
      assert.equal(report.errors.length, 1);
      assert.equal(report.errors[0]!.input, `${poison}:1`);
      assert.match(report.errors[0]!.error, /^empty: /);
      assert.equal(report.errors[0]!.retries, 2, 'failed only after its retries');
      // The job the dead worker held expired and was done again by another.
      const retried = Number((await c.query("SELECT count(*) AS n FROM pgboss.job WHERE state = 'completed' AND retry_count > 0")).rows[0].n);
      assert.ok(retried >= 1, "the killed worker's job was picked up again");
    } finally {
      await c.end();
    }

    assert.deepEqual(dumpDifferences(expected, await canonicalDump(store)), []);
    await store.close();
  });
});
