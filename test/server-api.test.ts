// The HTTP API through `app.inject()`: every route with good and bad parameters, unknown ids, oversized bodies,
// missing tokens, the OpenAPI document, and the headers that keep the web app safe. The archive is a fresh SQLite
// file holding the example corpus (examples/corpus).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Ajv } from 'ajv';
import { buildApp } from '../src/server/app.ts';
import { ERROR_STATUS } from '../src/server/errors.ts';
import { snippetParts } from '../src/server/routes/search.ts';
import { entitiesFromEvents } from '../src/server/routes/dispatches.ts';
import { runServe } from '../src/cli/serve.ts';
import { UsageError } from '../src/cli/archive-common.ts';
import { openStore } from '../src/store/index.ts';
import type { ArchiveRepository, ArchiveEvent } from '../src/store/repository.ts';
import { ingest } from '../src/archive/ingest.ts';
import { HttpClient } from '../src/archive/fetch.ts';
import { repoRoot } from './helpers.ts';

const TOKEN = 'test-token-4';
const BODY_LIMIT = 64 * 1024;
const corpus = join(repoRoot, 'examples', 'corpus');
const dir = mkdtempSync(join(tmpdir(), 'communique-server-'));
let store: ArchiveRepository;
let app: FastifyInstance;
let pages: Server;
let pagesUrl = '';

async function call(opts: InjectOptions | string) {
  const res = await app.inject(typeof opts === 'string' ? { method: 'GET', url: opts } : opts);
  let json: any = null;
  try {
    json = res.json();
  } catch {
    // not JSON: pages and stylesheets
  }
  return { status: res.statusCode, json, body: res.body, headers: res.headers };
}

/** A 400 (or other error) that says which parameter was wrong. */
async function rejects(url: string, status: number, code: string, mentions?: RegExp) {
  const r = await call(url);
  assert.equal(r.status, status, `${url}: ${r.body}`);
  assert.equal(r.json.error.code, code, url);
  assert.equal(typeof r.json.error.message, 'string');
  if (mentions) assert.match(r.json.error.message, mentions, url);
}

before(async () => {
  store = await openStore(join(dir, 'archive.db'));
  const summary = await ingest([corpus], store, new HttpClient());
  assert.equal(summary.failed, 0, JSON.stringify(summary.failures));
  app = await buildApp({ store, token: TOKEN, webRoot: null, bodyLimit: BODY_LIMIT });
  // Pages for POST /api/dispatches {url}: served here, on loopback.
  pages = createServer((req, res) => {
    if (req.url === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="fr"><head><title>Entretien à Bakou</title></head><body><article><h1>Entretien à Bakou</h1>
<p>Bakou, 2 avril 2024, AZERTAC. Le ministre des Affaires étrangères de l'Azerbaïdjan, Toural Gassimov, a reçu le 2 avril l'ambassadeur de Géorgie, Levan Tskhadaia.</p>
<p>Les deux parties ont évoqué la coopération régionale et les transports.</p></article></body></html>`);
    } else if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>A</title><link>http://127.0.0.1/a</link></item></channel></rss>');
    } else {
      res.writeHead(500);
      res.end('boom');
    }
  });
  await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
  const addr = pages.address();
  pagesUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

after(async () => {
  await app?.close();
  await store?.close();
  await new Promise((r) => pages?.close(r));
});

describe('GET /api/status', () => {
  test('says the archive is there, writes are on, and counts it', async () => {
    const r = await call('/api/status');
    assert.equal(r.status, 200);
    assert.equal(r.json.archive, true);
    assert.equal(r.json.writes, true);
    assert.equal(r.json.stats.dispatches, 41);
    assert.ok(r.json.stats.events >= 45);
  });
});

describe('GET /api/events', () => {
  test('between AZE and NATO: every contact 2016–2025, each with both sides and its evidence', async () => {
    const r = await call('/api/events?between=AZE,NATO');
    assert.equal(r.status, 200);
    const items: ArchiveEvent[] = r.json.items;
    assert.equal(r.json.next, null);
    assert.equal(items.length, 10, 'nine contacts, one of them told twice (fr and en)');
    for (const ev of items) {
      const sides = ev.participants.map((p) => p.side);
      assert.ok(sides.includes('AZE') && sides.includes('NATO'), JSON.stringify(sides));
      assert.ok(ev.evidence.length > 0 && ev.evidence.every((e) => e.text.length > 0));
    }
    const dates = items.map((e) => e.date.start!);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(dates[0], '2016-03-15');
    assert.equal(dates.at(-1), '2025-03-18');
  });

  test('distinct counts the contact told in two languages once', async () => {
    const r = await call('/api/events?between=aze,nato&distinct=true');
    assert.equal(r.json.items.length, 9);
    const told = (await call('/api/events?between=AZE,NATO&since=2017-05-09&until=2017-05-09')).json.items;
    assert.equal(told.length, 2);
    assert.deepEqual(told.map((e: ArchiveEvent) => e.reports), [2, 2]);
    assert.deepEqual(new Set(told.map((e: ArchiveEvent) => e.dispatch.lang)), new Set(['fr', 'en']));
  });

  test('cursor pagination walks every event once', async () => {
    const all = (await call('/api/events?limit=500')).json.items.map((e: ArchiveEvent) => e.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await call(`/api/events?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(r.status, 200);
      assert.ok(r.json.items.length <= 7);
      seen.push(...r.json.items.map((e: ArchiveEvent) => e.id));
      cursor = r.json.next;
      pages++;
    } while (cursor && pages < 100);
    assert.deepEqual(seen, all);
    assert.ok(pages > 2);
  });

  test('filters: person by any spelling, country, org, mode, type, dates, text', async () => {
    const person = (await call('/api/events?person=Mammadzade')).json.items as ArchiveEvent[];
    const forms = new Set(person.flatMap((e) => e.participants.filter((p) => p.kind === 'person' && p.side === 'AZE').map((p) => p.asWritten)));
    assert.ok(forms.has('Raouf Mammadzadé') && forms.has('Rauf Mammadzade'), [...forms].join(', '));
    const kaz = (await call('/api/events?country=kaz')).json.items as ArchiveEvent[];
    assert.ok(kaz.length >= 10 && kaz.every((e) => e.participants.some((p) => p.side === 'KAZ')));
    const calls = (await call('/api/events?mode=phone_call,video_call')).json.items as ArchiveEvent[];
    assert.ok(calls.length >= 5 && calls.every((e) => e.mode === 'phone_call' || e.mode === 'video_call'));
    const planned = (await call('/api/events?type=agree')).json.items as ArchiveEvent[];
    assert.equal(planned.length, 1);
    assert.equal(planned[0]!.planned, true);
    assert.equal((await call('/api/events?type=AGREE&planned=false')).json.items.length, 0);
    const years = (await call('/api/events?org=NATO&since=2020&until=2021')).json.items as ArchiveEvent[];
    assert.ok(years.length >= 2 && years.every((e) => e.date.start! >= '2020' && e.date.start! < '2022'));
    const text = (await call('/api/events?q=Afghanistan&country=AZE')).json.items as ArchiveEvent[];
    assert.ok(text.length >= 2);
  });

  test('bad parameters are 400 with a message naming the parameter', async () => {
    await rejects('/api/events?since=2016/03', 400, 'bad_request', /since.*YYYY/);
    await rejects('/api/events?until=yesterday', 400, 'bad_request', /until/);
    await rejects('/api/events?mode=meeting,lunch', 400, 'bad_request', /mode.*lunch/);
    await rejects('/api/events?type=HUG', 400, 'bad_request', /type.*HUG/);
    await rejects('/api/events?limit=0', 400, 'bad_request', /limit.*at least 1/);
    await rejects('/api/events?limit=many', 400, 'bad_request', /limit.*whole number/);
    await rejects('/api/events?limit=100000', 400, 'bad_request', /limit.*at most/);
    await rejects('/api/events?contry=AZE', 400, 'bad_request', /unknown query parameter "contry"/);
    await rejects('/api/events?between=AZE', 400, 'bad_request', /between.*two actors/);
    await rejects('/api/events?country=Azerbaijan', 400, 'bad_request', /country/);
    await rejects('/api/events?cursor=not-a-cursor', 400, 'bad_request', /cursor/);
    await rejects('/api/events?planned=maybe', 400, 'bad_request', /planned/);
    await rejects('/api/events?q=', 400, 'bad_request', /q.*empty/);
  });
});

describe('GET /api/entities and /api/entities/:id', () => {
  test('lists by kind and country; finds a person by any spelling', async () => {
    const r = await call('/api/entities?kind=person&country=AZE');
    assert.equal(r.status, 200);
    const names = r.json.items.map((e: { name: string }) => e.name);
    assert.ok(names.some((n: string) => /Mammadzad/.test(n)) && names.some((n: string) => /Gas+imov/.test(n)), names.join(', '));
    const sarsenov = (await call('/api/entities?name=sarsenov&kind=person')).json.items;
    assert.equal(sarsenov.length, 1, 'Erlan and Yerlan Sarsenov are one person');
    const forms = sarsenov[0].names.map((n: { name: string }) => n.name);
    assert.ok(forms.includes('Erlan Sarsenov') && forms.includes('Yerlan Sarsenov'), forms.join(', '));
    const page = await call('/api/entities?limit=5');
    assert.equal(page.json.items.length, 5);
    assert.equal(typeof page.json.next, 'string');
  });

  test('one entity: names, titles, counterparts, latest contacts newest first, dispatches', async () => {
    const id = (await call('/api/entities?name=Sarsenov&kind=person')).json.items[0].id;
    const r = await call(`/api/entities/${id}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.entity.id, id);
    assert.ok(r.json.entity.titles.length >= 1);
    assert.ok(r.json.counterparts.some((c: { b: string }) => c.b === 'FRA'));
    assert.ok(r.json.contacts >= 8);
    const dates = r.json.latest.map((e: ArchiveEvent) => e.date.start ?? e.dispatch.published ?? ''); // undated: the dispatch's date
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.ok(r.json.dispatches.length >= 5);
  });

  test('unknown ids are 404, malformed ones 400', async () => {
    await rejects('/api/entities/999999', 404, 'not_found', /999999/);
    await rejects('/api/entities/abc', 400, 'bad_request', /id.*whole number/);
    await rejects('/api/entities?kind=spy', 400, 'bad_request', /kind.*person/);
    await rejects('/api/entities?cursor=%%%', 400, 'bad_request', /cursor/);
  });
});

describe('GET /api/relations', () => {
  test('counterparts of AZE, most contacts first, counted per year and mode', async () => {
    const r = await call('/api/relations?actor=AZE');
    assert.equal(r.status, 200);
    assert.equal(r.json.actor.code, 'AZE');
    const [first] = r.json.relations;
    assert.equal(first.b, 'NATO');
    assert.equal(first.contacts, 9);
    assert.equal(first.byYear.reduce((n: number, c: { count: number }) => n + c.count, 0), first.contacts);
    const counts = r.json.relations.map((x: { contacts: number }) => x.contacts);
    assert.deepEqual(counts, [...counts].sort((a: number, b: number) => b - a));
  });

  test('one pair with `with`, and filters', async () => {
    const r = await call('/api/relations?actor=KAZ&with=FRA');
    assert.equal(r.json.relations.length, 1);
    assert.ok(r.json.relations[0].contacts >= 4);
    const since = await call('/api/relations?actor=AZE&since=2024&top=2');
    assert.ok(since.json.relations.length <= 2);
    assert.ok(since.json.relations.every((x: { first: string }) => x.first >= '2024'));
  });

  test('bad parameters are 400', async () => {
    await rejects('/api/relations', 400, 'bad_request', /actor.*required/);
    await rejects('/api/relations?actor=AZE&top=0', 400, 'bad_request', /top/);
    await rejects('/api/relations?actor=AZE&mode=dinner', 400, 'bad_request', /dinner/);
    await rejects('/api/relations?actor=AZE&since=20', 400, 'bad_request', /since/);
  });
});

describe('GET /api/dispatches/:id', () => {
  test('text, events whose evidence spans are slices of the text, entities with mentions', async () => {
    const ev = (await call('/api/events?between=AZE,NATO&limit=1')).json.items[0] as ArchiveEvent;
    const r = await call(`/api/dispatches/${ev.dispatch.id}`);
    assert.equal(r.status, 200);
    const { dispatch, events, entities, noise } = r.json;
    assert.equal(dispatch.id, ev.dispatch.id);
    assert.ok(dispatch.text.length > 100);
    assert.ok(Array.isArray(noise));
    assert.ok(events.length >= 1);
    for (const e of events as ArchiveEvent[]) for (const span of e.evidence) assert.equal(dispatch.text.slice(span.start, span.end), span.text);
    assert.ok(entities.length >= 2);
    for (const e of entities) for (const m of e.mentions) assert.ok(m.start >= 0 && m.end <= dispatch.text.length && m.start < m.end);
    assert.ok(entities.some((e: { mentions: unknown[] }) => e.mentions.length > 0));
  });

  test('unknown ids are 404, malformed ones 400', async () => {
    await rejects('/api/dispatches/424242', 404, 'not_found', /424242/);
    await rejects('/api/dispatches/1e3', 400, 'bad_request', /id/);
    await rejects('/api/dispatches/-1', 400, 'bad_request', /id/);
  });

  test('mentions located from the events when the store keeps no extraction', () => {
    const text = 'Rauf Mammadzade met Anders Voll. Mammadzade thanked him.';
    const events = [{ participants: [{ entity: 1, name: 'Raouf Mammadzadé', asWritten: 'Rauf Mammadzade', kind: 'person', side: 'AZE', role: 'actor' }], location: null }] as unknown as ArchiveEvent[];
    const [e] = entitiesFromEvents(text, events);
    assert.equal(e!.name, 'Rauf Mammadzade');
    assert.deepEqual(e!.mentions, [{ start: 0, end: 15 }]);
  });
});

describe('GET /api/search', () => {
  test('full text with snippets cut into matches, events, and matching entities', async () => {
    const r = await call('/api/search?q=afghanistan');
    assert.equal(r.status, 200);
    assert.ok(r.json.items.length >= 3);
    for (const hit of r.json.items) {
      assert.ok(hit.parts.some((p: { hit: boolean; text: string }) => p.hit && /afghanistan/i.test(p.text)), JSON.stringify(hit.parts));
      assert.equal(hit.parts.map((p: { text: string }) => p.text).join(''), hit.snippet.replace(/[[\]]/g, ''));
    }
    const accents = await call('/api/search?q=securite%20energetique');
    assert.ok(accents.json.items.length >= 1, 'accents do not matter');
    const people = await call('/api/search?q=Gassimov');
    assert.ok(people.json.entities.some((e: { kind: string }) => e.kind === 'person'));
  });

  test('pages with a cursor; bad parameters are 400', async () => {
    const first = await call('/api/search?q=ministre&limit=2');
    assert.equal(first.json.items.length, 2);
    assert.ok(first.json.next);
    const second = await call(`/api/search?q=ministre&limit=2&cursor=${encodeURIComponent(first.json.next)}`);
    assert.equal(second.status, 200);
    assert.deepEqual(second.json.entities, []);
    assert.notDeepEqual(second.json.items.map((h: { dispatch: { id: number } }) => h.dispatch.id), first.json.items.map((h: { dispatch: { id: number } }) => h.dispatch.id));
    await rejects('/api/search', 400, 'bad_request', /q.*required/);
    await rejects('/api/search?q=', 400, 'bad_request', /q/);
    await rejects('/api/search?q=%22%22', 400, 'bad_request', /nothing to search/);
    await rejects('/api/search?q=x&limit=1000', 400, 'bad_request', /limit/);
  });

  test('snippet markers become parts', () => {
    assert.deepEqual(snippetParts('…a [b] c [d]'), [{ text: '…a ', hit: false }, { text: 'b', hit: true }, { text: ' c ', hit: false }, { text: 'd', hit: true }]);
    assert.deepEqual(snippetParts('no match'), [{ text: 'no match', hit: false }]);
  });
});

describe('POST /api/extract', () => {
  const FR = "Bakou, 14 juin 2024, AZERTAC\n\nLe ministre des Affaires étrangères de l'Azerbaïdjan, Toural Gassimov, a reçu l'ambassadeur de France, Anne Duclos.";
  test('JSON in, the extraction contract out, nothing stored', async () => {
    const before = (await call('/api/status')).json.stats.dispatches;
    const r = await call({ method: 'POST', url: '/api/extract', payload: { text: FR, lang: 'fr' } });
    assert.equal(r.status, 200);
    const check = new Ajv({ allErrors: true, strict: false }).compile(app.getSchema('https://communique.invalid/schemas/dispatch.json') as object);
    assert.ok(check(r.json), JSON.stringify(check.errors));
    assert.equal(r.json.events[0].mode, 'reception');
    assert.equal(r.json.published, '2024-06-14');
    assert.equal((await call('/api/status')).json.stats.dispatches, before);
  });

  test('raw text/plain and text/html bodies are documents', async () => {
    const plain = await call({ method: 'POST', url: '/api/extract', payload: FR, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    assert.equal(plain.status, 200);
    assert.equal(plain.json.events.length, 1);
    const html = await call({ method: 'POST', url: '/api/extract', payload: `<html><body><article><p>${FR.replace(/\n\n/, '</p><p>')}</p></article></body></html>`, headers: { 'content-type': 'text/html' } });
    assert.equal(html.status, 200);
    assert.ok(html.json.text.includes('Toural Gassimov'));
  });

  test('documents the pipeline refuses are 422 with its reason; bad bodies 400, 413, 415', async () => {
    const empty = await call({ method: 'POST', url: '/api/extract', payload: { text: '   ' } });
    assert.equal(empty.status, 422);
    assert.deepEqual([empty.json.error.code, empty.json.error.reason], ['unreadable_document', 'empty']);
    const both = await call({ method: 'POST', url: '/api/extract', payload: { text: 'a', html: '<p>b</p>' } });
    assert.equal(both.status, 400);
    assert.match(both.json.error.message, /text or as html/);
    const none = await call({ method: 'POST', url: '/api/extract', payload: { lang: 'fr' } });
    assert.equal(none.status, 400);
    assert.match(none.json.error.message, /text/);
    const unknown = await call({ method: 'POST', url: '/api/extract', payload: { text: FR, author: 'x' } });
    assert.equal(unknown.status, 400);
    assert.match(unknown.json.error.message, /unknown body field "author"/);
    const lang = await call({ method: 'POST', url: '/api/extract', payload: { text: FR, lang: 'de' } });
    assert.equal(lang.status, 400);
    assert.match(lang.json.error.message, /lang.*fr, en/);
    const broken = await call({ method: 'POST', url: '/api/extract', payload: '{"text": "unterminated', headers: { 'content-type': 'application/json' } });
    assert.equal(broken.status, 400);
    assert.equal(broken.json.error.code, 'bad_json');
    const big = await call({ method: 'POST', url: '/api/extract', payload: { text: 'x'.repeat(BODY_LIMIT + 1) } });
    assert.equal(big.status, 413);
    assert.equal(big.json.error.code, 'payload_too_large');
    const xml = await call({ method: 'POST', url: '/api/extract', payload: '<a/>', headers: { 'content-type': 'application/xml' } });
    assert.equal(xml.status, 415);
    assert.equal(xml.json.error.code, 'unsupported_media_type');
  });
});

describe('POST /api/dispatches', () => {
  const TEXT = "Bakou, 3 mars 2024, AZERTAC\n\nLe ministre des Affaires étrangères de l'Azerbaïdjan, Toural Gassimov, a reçu l'ambassadeur du Kazakhstan, Daulet Abenov.";
  const auth = { authorization: `Bearer ${TOKEN}` };

  test('needs the token: 401 without it or with another, before reading the body', async () => {
    const none = await call({ method: 'POST', url: '/api/dispatches', payload: { text: TEXT } });
    assert.equal(none.status, 401);
    assert.equal(none.json.error.code, 'unauthorized');
    assert.match(String(none.headers['www-authenticate']), /Bearer/);
    const wrong = await call({ method: 'POST', url: '/api/dispatches', payload: { text: TEXT }, headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.status, 401);
    const bigWithout = await call({ method: 'POST', url: '/api/dispatches', payload: { text: 'x'.repeat(BODY_LIMIT * 2) } });
    assert.equal(bigWithout.status, 401, 'no token: refused before the body is read');
  });

  test('stores a dispatch once: 201 new, then 200 duplicate; readable at once', async () => {
    const r = await call({ method: 'POST', url: '/api/dispatches', payload: { text: TEXT }, headers: auth });
    assert.equal(r.status, 201, r.body);
    assert.equal(r.json.status, 'new');
    assert.equal(r.json.events, 1);
    const again = await call({ method: 'POST', url: '/api/dispatches', payload: { text: TEXT }, headers: auth });
    assert.equal(again.status, 200);
    assert.equal(again.json.status, 'duplicate');
    assert.equal(again.json.dispatch, r.json.dispatch);
    const read = await call(r.json.href);
    assert.equal(read.status, 200);
    assert.ok(read.json.dispatch.text.includes('Daulet Abenov'));
  });

  test('a URL alone is fetched; a feed URL or an unreachable page is refused', async () => {
    const r = await call({ method: 'POST', url: '/api/dispatches', payload: { url: `${pagesUrl}/page.html` }, headers: auth });
    assert.equal(r.status, 201, r.body);
    const read = await call(r.json.href);
    assert.equal(read.json.dispatch.url, `${pagesUrl}/page.html`);
    assert.ok(read.json.events.some((e: ArchiveEvent) => e.participants.some((p) => p.side === 'GEO')));
    const feed = await call({ method: 'POST', url: '/api/dispatches', payload: { url: `${pagesUrl}/feed.xml` }, headers: auth });
    assert.equal(feed.status, 400);
    assert.match(feed.json.error.message, /feed/);
    const down = await call({ method: 'POST', url: '/api/dispatches', payload: { url: `${pagesUrl}/missing` }, headers: auth });
    assert.equal(down.status, 502);
    assert.equal(down.json.error.code, 'fetch_failed');
    const notUrl = await call({ method: 'POST', url: '/api/dispatches', payload: { url: 'ftp://example.org/x' }, headers: auth });
    assert.equal(notUrl.status, 400);
  });

  test('oversized and empty bodies with the token: 413 and 422', async () => {
    const big = await call({ method: 'POST', url: '/api/dispatches', payload: { text: 'x'.repeat(BODY_LIMIT + 10) }, headers: auth });
    assert.equal(big.status, 413);
    const empty = await call({ method: 'POST', url: '/api/dispatches', payload: { text: '' }, headers: auth });
    assert.equal(empty.status, 422);
    assert.equal(empty.json.error.reason, 'empty');
  });

  test('without a token configured, writes are off (403) whatever is sent', async () => {
    const readOnly = await buildApp({ store, token: null, webRoot: null });
    try {
      const r = await readOnly.inject({ method: 'POST', url: '/api/dispatches', payload: { text: TEXT }, headers: auth });
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().error.code, 'writes_disabled');
      assert.equal((await readOnly.inject('/api/status')).json().writes, false);
    } finally {
      await readOnly.close();
    }
  });
});

describe('the app around the routes', () => {
  test('unknown routes are JSON 404 no_route', async () => {
    const r = await call('/api/nothing-here');
    assert.equal(r.status, 404);
    assert.equal(r.json.error.code, 'no_route');
  });

  test('without an archive, archive routes are 503 and extraction still works', async () => {
    const bare = await buildApp({ store: null, webRoot: null });
    try {
      const r = await bare.inject('/api/events');
      assert.equal(r.statusCode, 503);
      assert.equal(r.json().error.code, 'store_unavailable');
      assert.equal((await bare.inject('/api/status')).json().archive, false);
      const x = await bare.inject({ method: 'POST', url: '/api/extract', payload: { text: 'Le ministre a reçu son homologue.' } });
      assert.equal(x.statusCode, 200);
    } finally {
      await bare.close();
    }
  });

  test('the OpenAPI document lists every API route with its parameters and responses', async () => {
    const doc = (await call('/api/openapi.json')).json;
    assert.equal(doc.openapi, '3.1.0');
    const expected = ['get /api/events', 'get /api/entities', 'get /api/entities/{id}', 'get /api/relations', 'get /api/dispatches/{id}', 'post /api/dispatches', 'get /api/search', 'post /api/extract', 'get /api/status'];
    const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops as object).map((m) => `${m} ${p}`));
    assert.deepEqual(listed.sort(), expected.sort());
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops as Record<string, { responses: Record<string, unknown>; summary?: string }>)) {
        assert.ok(op.summary, `${m} ${p} has a summary`);
        assert.ok(op.responses['200'] || op.responses['201'], `${m} ${p} documents its answer`);
        if (p !== '/api/status') assert.ok(op.responses['400'], `${m} ${p} documents 400`);
      }
    }
    const params = doc.paths['/api/events'].get.parameters.map((x: { name: string }) => x.name);
    for (const name of ['between', 'person', 'country', 'org', 'mode', 'type', 'since', 'until', 'q', 'cursor']) assert.ok(params.includes(name), name);
    assert.deepEqual(doc.paths['/api/dispatches'].post.security, [{ bearer: [] }]);
    assert.ok(doc.components.schemas.Dispatch);
  });

  test('the docs page is HTML built from the document, every string escaped', async () => {
    const r = await call('/api/docs');
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /text\/html/);
    assert.match(r.body, /\/api\/events/);
    assert.doesNotMatch(r.body, /<script/i);
    const css = await call('/api/docs.css');
    assert.match(String(css.headers['content-type']), /text\/css/);
  });

  test('every error code in errors.ts has a status', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) assert.ok(status >= 400 && status < 600, code);
  });

  test('security headers on every answer: a CSP without inline script, nosniff, no framing', async () => {
    for (const url of ['/api/status', '/', '/api/nothing']) {
      const r = await call(url);
      assert.match(String(r.headers['content-security-policy']), /script-src 'self'(;|$)/);
      assert.doesNotMatch(String(r.headers['content-security-policy']), /unsafe-inline|unsafe-eval/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['x-frame-options'], 'DENY');
    }
  });

  test('the built web app is served with its assets; without a build, a page says how to build it', async () => {
    const unbuilt = await call('/');
    assert.equal(unbuilt.status, 200);
    assert.match(unbuilt.body, /npm run build/);
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/assets/app-1.js"></script>');
    writeFileSync(join(web, 'assets', 'app-1.js'), 'console.log(1)');
    const withWeb = await buildApp({ store, webRoot: web });
    try {
      const index = await withWeb.inject('/');
      assert.equal(index.statusCode, 200);
      assert.match(index.body, /<title>app/);
      assert.equal(index.headers['cache-control'], 'no-cache');
      const asset = await withWeb.inject('/assets/app-1.js');
      assert.equal(asset.statusCode, 200);
      assert.match(String(asset.headers['cache-control']), /immutable/);
      const api404 = await withWeb.inject('/api/nope');
      assert.equal(api404.json().error.code, 'no_route');
    } finally {
      await withWeb.close();
    }
  });
});

describe('communique serve', () => {
  test('seeds an empty archive, listens on loopback, prints where to open it', async () => {
    const lines: string[] = [];
    const server = await runServe({ db: join(dir, 'serve.db'), port: '0', host: '127.0.0.1', seed: [corpus], log: false }, {}, (l) => lines.push(l));
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.ok(lines.some((l) => l.includes(`open ${server.url}`)), lines.join('\n'));
      assert.ok(lines.some((l) => /41 dispatches/.test(l)), lines.join('\n'));
      assert.ok(lines.some((l) => /writes off/.test(l)));
      const res = await fetch(`${server.url}api/relations?actor=AZE&top=1`);
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { relations: { b: string }[] }).relations[0]!.b, 'NATO');
    } finally {
      await server.close();
    }
    // A second start finds the archive full and does not ingest again.
    const again: string[] = [];
    const second = await runServe({ db: join(dir, 'serve.db'), port: '0', host: '127.0.0.1', seed: [corpus], log: false }, { COMMUNIQUE_TOKEN: 'x' }, (l) => again.push(l));
    await second.close();
    assert.ok(!again.some((l) => /ingesting/.test(l)));
    assert.ok(again.some((l) => /writes on/.test(l)));
  });

  test('a bad port is a usage error', async () => {
    await assert.rejects(runServe({ db: join(dir, 'x.db'), port: 'http', host: '127.0.0.1', log: false }, {}, () => {}), UsageError);
  });
});
