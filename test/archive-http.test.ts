// Fetching feeds and pages from a local server the test starts on 127.0.0.1: RSS and Atom items stored with their
// pages, per-item and per-feed failures, time and size limits, redirects, User-Agent, politeness, conditional GET
// and watch mode (new items only).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { FetchError, HttpClient, USER_AGENT } from '../src/archive/fetch.ts';
import { feedDate, looksLikeFeed, parseFeed } from '../src/archive/feeds.ts';
import { ingest, parseInterval, watch } from '../src/archive/ingest.ts';
import { bin, freshArchive, quickHttp, tempDir } from './archive-helpers.ts';
import { startFixtureServer, type FixtureServer } from './archive-server.ts';
import { repoRoot } from './helpers.ts';

let server: FixtureServer;
before(async () => {
  server = await startFixtureServer();
});
after(async () => server.close());

test('an RSS feed: every item stored with its page; a missing page fails alone', async () => {
  const { repo } = await freshArchive();
  const s = await ingest([`${server.base}/fr/rss.xml`], repo, quickHttp());
  assert.deepEqual({ read: s.read, new: s.new, failed: s.failed }, { read: 3, new: 2, failed: 1 });
  assert.deepEqual(s.failures.map((f) => [f.source.replace(server.base, ''), f.code]), [['/pages/missing.html', 'http_404']]);
  const page = await repo.dispatchByUrl(`${server.base}/pages/fr-baku-otan.html`);
  assert.equal(page!.feed, `${server.base}/fr/rss.xml`);
  assert.equal(page!.published, '2022-03-14', 'the item date when the page gives none');
  const events = (await repo.events({ between: ['AZE', 'NATO'] })).items;
  assert.deepEqual(events.map((e) => [e.date.start, e.dispatch.url!.replace(server.base, '')]), [['2022-03-14', '/pages/fr-baku-otan.html']]);
  assert.deepEqual((await repo.events({ between: ['AZE', 'TUR'] })).items.map((e) => e.mode), ['phone_call']);
  // Again: nothing new, the pages are fetched again and recognised.
  const again = await ingest([`${server.base}/fr/rss.xml`], repo, quickHttp());
  assert.deepEqual({ new: again.new, duplicates: again.duplicates, failed: again.failed }, { new: 0, duplicates: 2, failed: 1 });
  await repo.close();
});

test('an Atom feed: linked pages and inline content', async () => {
  const { repo } = await freshArchive();
  const s = await ingest([`${server.base}/en/atom.xml`], repo, quickHttp());
  assert.deepEqual({ read: s.read, new: s.new, failed: s.failed }, { read: 2, new: 2, failed: 0 }, JSON.stringify(s.failures));
  assert.equal(server.hits('/elsewhere'), 0, 'only the alternate link is the page');
  const ev = (await repo.events({ person: 'Hajiyev' })).items;
  assert.deepEqual(ev.map((e) => [e.date.start, e.participants.map((p) => p.side)]), [['2024-06-20', ['AZE', 'NATO']]]);
  const inline = (await repo.events({ between: ['AZE', 'FRA'] })).items;
  assert.deepEqual(inline.map((e) => [e.mode, e.date.start]), [['phone_call', '2019-11-05']]);
  await repo.close();
});

test('bad feeds and pages are reported per item; the run goes on', async () => {
  const { repo } = await freshArchive();
  const http = new HttpClient({ politenessMs: 0, timeoutMs: 800 });
  const inputs = ['/broken.xml', '/500.xml', '/slow.xml', '/huge.html', '/huge-declared.html', '/binary.html', '/loop', '/nowhere.xml', '/moved', '/en/atom.xml'].map((p) => server.base + p);
  inputs.push('http://127.0.0.1:1/refused.xml');
  const t0 = Date.now();
  const s = await ingest(inputs, repo, http);
  assert.ok(Date.now() - t0 < 15_000, 'time limits hold');
  const codes = Object.fromEntries(s.failures.map((f) => [f.source.replace(server.base, ''), f.code]));
  assert.deepEqual(codes, {
    '/broken.xml': 'bad_feed',
    '/500.xml': 'http_500',
    '/slow.xml': 'timeout',
    '/huge.html': 'too_large',
    '/huge-declared.html': 'too_large',
    '/binary.html': 'binary',
    '/loop': 'too_many_redirects',
    '/nowhere.xml': 'http_404',
    'http://127.0.0.1:1/refused.xml': 'network',
  });
  assert.match(s.failures.find((f) => f.code === 'bad_feed')!.message, /broken XML at line \d+/);
  // What could be read was stored: the redirected page and the Atom feed's two items.
  assert.equal(s.new, 3);
  assert.ok(await repo.dispatchByUrl(`${server.base}/moved`));
  await repo.close();
});

test('honest User-Agent, bounded redirects, politeness delay per host, only http(s)', async () => {
  const before = server.log.length;
  const http = new HttpClient({ politenessMs: 250, timeoutMs: 2000, maxRedirects: 2 });
  await http.get(`${server.base}/pages/fr-baku-otan.html`);
  await http.get(`${server.base}/pages/fr-appel-turquie.html`);
  const mine = server.log.slice(before);
  assert.ok(mine.every((l) => l.userAgent === USER_AGENT), JSON.stringify(mine.map((l) => l.userAgent)));
  assert.equal(USER_AGENT, 'Communique/0.1 (+offline archive)');
  assert.ok(mine[1]!.at - mine[0]!.at >= 240, `second request ${mine[1]!.at - mine[0]!.at} ms after the first`);
  const loops = server.hits('/loop');
  await assert.rejects(http.get(`${server.base}/loop`), (e: unknown) => e instanceof FetchError && e.code === 'too_many_redirects');
  assert.equal(server.hits('/loop') - loops, 3, 'the first request and two redirects');
  await assert.rejects(quickHttp().get('file:///etc/passwd'), (e: unknown) => e instanceof FetchError && e.code === 'bad_url');
  await assert.rejects(quickHttp().get('ftp://127.0.0.1/x'), /only http and https/);
});

test('conditional GET: a known ETag gets 304 and no body', async () => {
  const http = quickHttp();
  const first = await http.get(`${server.base}/fr/rss.xml`);
  assert.equal(first.etag, '"rss-v1"');
  const second = await http.get(`${server.base}/fr/rss.xml`, { etag: first.etag, lastModified: first.lastModified });
  assert.equal(second.notModified, true);
  assert.equal(second.body.length, 0);
  assert.equal(server.log.at(-1)!.ifNoneMatch, '"rss-v1"');
  assert.equal(server.log.at(-1)!.ifModifiedSince, first.lastModified);
});

test('watch: new items only, conditional GET between rounds, bounded by --max-rounds', async () => {
  const { repo } = await freshArchive();
  const list = join(tempDir(), 'feeds.txt');
  writeFileSync(list, `# the test feeds\n${server.base}/fr/rss.xml\n\n${server.base}/en/atom.xml  # English\n`);
  server.state.rssVersion = 1;
  const pageHits = server.hits('/pages/fr-baku-otan.html');
  const rounds: number[] = [];
  const total = await watch(list, repo, quickHttp(), {
    everyMs: 20,
    maxRounds: 3,
    onRound: (round, s) => {
      rounds.push(s.new);
      if (round === 2) server.state.rssVersion = 2; // one more item before round 3
    },
  });
  assert.deepEqual(rounds, [4, 0, 1], 'round 1 takes all, round 2 nothing (304 / seen), round 3 the new item');
  assert.equal(server.hits('/pages/fr-baku-otan.html') - pageHits, 1, 'a stored item is not fetched again');
  const rss = server.log.filter((l) => l.path === '/fr/rss.xml').slice(-3);
  assert.deepEqual(rss.map((l) => l.ifNoneMatch ?? null), [null, '"rss-v1"', '"rss-v1"']);
  assert.equal(total.new, 5);
  assert.equal((await repo.feedState(`${server.base}/fr/rss.xml`))!.etag, '"rss-v2"');
  // The missing page is never stored, so it is tried again whenever the feed has changed: rounds 1 and 3 (round 2
  // had a 304 and read no item).
  assert.equal(total.failed, 2);
  server.state.rssVersion = 1;
  await repo.close();
});

test('a changed page at a known URL becomes a new revision', async () => {
  const { repo } = await freshArchive();
  const url = `${server.base}/pages/changing.html`;
  server.state.changingVersion = 1;
  assert.equal((await ingest([url], repo, quickHttp())).new, 1);
  assert.equal((await ingest([url], repo, quickHttp())).duplicates, 1);
  server.state.changingVersion = 2;
  assert.equal((await ingest([url], repo, quickHttp())).revisions, 1);
  assert.deepEqual((await repo.revisions(url)).map((d) => [d.revision, d.current]), [[1, false], [2, true]]);
  server.state.changingVersion = 1;
  await repo.close();
});

test('the command: ingest --watch with a short interval, then queries', async () => {
  const dir = tempDir();
  const db = join(dir, 'watch.db');
  const list = join(dir, 'feeds.txt');
  writeFileSync(list, `${server.base}/en/atom.xml\n${server.base}/broken.xml\n`);
  // Spawned asynchronously: this process serves the feeds meanwhile.
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  const r = await run(['ingest', '--db', db, '--watch', list, '--every', '50ms', '--max-rounds', '2', '--delay', '0s', '--json']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /round 1: read 3, new 2, duplicates 0, revisions 0, failed 1/);
  assert.match(r.stderr, /round 2: read 1, new 0, duplicates 0, revisions 0, failed 1/);
  assert.match(r.stderr, /broken\.xml: bad_feed: broken XML/);
  assert.deepEqual(JSON.parse(r.stdout).new, 2);
  const q = await run(['events', '--db', db, '--person', 'Hajiyev', '--json']);
  assert.equal(q.code, 0, q.stderr);
  assert.equal(JSON.parse(q.stdout.trim()).dispatch.url, `${server.base}/pages/en-hajiyev-nato.html`);
});

test('feed parsing: formats, dates as written, what is a feed', () => {
  const dates: [string, string | null][] = [
    ['Mon, 14 Mar 2022 18:05:00 +0400', '2022-03-14'],
    ['Tue, 1 Nov 2016 23:30:00 -0500', '2016-11-01'],
    ['2024-06-20T10:00:00+02:00', '2024-06-20'],
    ['14 juin 2022', null],
    ['', null],
  ];
  for (const [s, d] of dates) assert.equal(feedDate(s), d, s);
  const rdf = parseFeed('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x"><title>T</title></channel><item rdf:about="http://h/1"><title>A</title><link>http://h/1</link><dc:date>2017-05-02</dc:date></item></rdf:RDF>');
  assert.deepEqual(rdf.items.map((i) => [i.key, i.link, i.published]), [['http://h/1', 'http://h/1', '2017-05-02']]);
  const feeds: [string, string | null, boolean][] = [
    ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', null, true],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'text/xml', true],
    ['<!doctype html><html></html>', 'text/html', false],
    ['anything', 'application/rss+xml; charset=utf-8', true],
  ];
  for (const [body, type, want] of feeds) assert.equal(looksLikeFeed(body, type), want, body);
  const bad = ['<rss><channel><item></channel></rss>', '<?xml version="1.0"?><html><body/></html>', '<rss>&undefined;</rss>'];
  for (const b of bad) assert.throws(() => parseFeed(b), /broken XML|not an RSS or Atom feed|unreadable/, b);
  const intervals: [string, number][] = [['10m', 600_000], ['30s', 30_000], ['1h', 3_600_000], ['250ms', 250], ['5', 5000]];
  for (const [s, ms] of intervals) assert.equal(parseInterval(s), ms, s);
  assert.throws(() => parseInterval('soon'), /not an interval/);
});
