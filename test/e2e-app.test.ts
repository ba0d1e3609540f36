// The web app in a real browser (Debian's chromium driven by playwright-core): the server on a free port over the
// example corpus, then what a person does: search, open a dispatch and see its spans, the network and the
// timeline, paste a dispatch, switch to French, a phone-width screen, the keyboard, and a dispatch full of markup
// that must stay text. Screenshots go to test-artifacts/e2e/. Under CI=true a missing browser fails the run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../src/server/server.ts';
import { repoRoot } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';
const haveBrowser = existsSync(CHROMIUM);
const skip = !haveBrowser && !IN_CI ? `no browser at ${CHROMIUM} (apt-get install chromium); these tests run under CI` : false;
const TOKEN = 'e2e-token';
const shots = join(repoRoot, 'test-artifacts', 'e2e');
const work = mkdtempSync(join(tmpdir(), 'communique-e2e-'));

let server: RunningServer;
let context: BrowserContext;
let base = '';
let hostileId = 0;
const pageErrors: string[] = [];
const dialogs: string[] = [];

const HOSTILE_TITLE = '<img src=x onerror="window.__xss=1">Dépêche piégée';
const HOSTILE_TEXT =
  "Bakou, 3 avril 2024, AZERTAC\n\nLe ministre des Affaires étrangères de l'Azerbaïdjan, Toural Gassimov, a reçu <script>window.__xss=2</script> " +
  "l'ambassadeur de Géorgie, Levan <img src=x onerror=\"window.__xss=3\">Tskhadaia.\n\n" +
  'Les deux parties ont évoqué <b onmouseover="window.__xss=4">la coopération</b> et <a href="javascript:window.__xss=5">les transports</a>.';

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`${base}${hash}`);
  await ready(page);
}

/** The app marks <body data-ready="true"> when a view has rendered. */
async function ready(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function newPage(width = 1280, height = 900): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return page;
}

before(async () => {
  if (skip) return;
  if (!haveBrowser) throw new Error(`CI=true and no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium)`);
  mkdirSync(shots, { recursive: true });
  // The app as the current sources build it, into a folder of this run.
  const { build } = await import('vite');
  const webRoot = join(work, 'app');
  await build({ configFile: join(repoRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } });
  server = await startServer({ db: join(work, 'archive.db'), port: 0, host: '127.0.0.1', token: TOKEN, seed: [join(repoRoot, 'examples', 'corpus')], webRoot });
  base = server.url;
  const res = await fetch(`${base}api/dispatches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ text: HOSTILE_TEXT, title: HOSTILE_TITLE }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  hostileId = ((await res.json()) as { dispatch: number }).dispatch;
  const { chromium } = await import('playwright-core');
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
    locale: 'en-GB',
  });
});

after(async () => {
  await context?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

test('search as you type, open a dispatch with the keyboard, see its entities and evidence highlighted', { skip, timeout: 60_000 }, async () => {
  const page = await newPage();
  await open(page, '');
  await page.waitForSelector('.actor-tile');
  await shot(page, '01-home');
  // Keyboard only: skip link, brand, then the search box.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
  await page.keyboard.type('partenariat', { delay: 20 });
  await page.waitForSelector('#search-results:not([hidden]) .search-option');
  assert.equal(await page.getAttribute('#search', 'aria-expanded'), 'true');
  await shot(page, '02-search-instant');
  await page.keyboard.press('ArrowDown');
  const active = await page.getAttribute('#search', 'aria-activedescendant');
  assert.ok(active, 'an option is active');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.startsWith('#/dispatch/'));
  await ready(page);
  await page.waitForSelector('.dispatch-text');
  const evidence = await page.locator('.dispatch-text .piece.ev').count();
  const mentions = await page.locator('.dispatch-text .piece.ent').count();
  assert.ok(evidence > 0, 'evidence sentences are highlighted');
  assert.ok(mentions > 0, 'entity mentions are highlighted');
  assert.ok((await page.locator('.card').count()) > 0, 'events are shown as cards');
  await page.locator('.card .link-button').first().click();
  await page.waitForFunction(() => document.activeElement?.id === 'sentence-1');
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('ev')));
  await shot(page, '03-dispatch');
  await page.close();
});

test('network of an actor: circles sized by contacts, click one to drill down', { skip, timeout: 60_000 }, async () => {
  const page = await newPage();
  await open(page, '');
  await page.click('nav >> text=Network');
  await ready(page);
  await page.waitForSelector('.network-svg .node');
  const nodes = await page.locator('.network-svg .node').count();
  assert.ok(nodes >= 4, `${nodes} counterparts`);
  assert.match(await page.locator('h1').innerText(), /Azerba/);
  await shot(page, '04-network');
  const radii = await page.$$eval('.network-svg .node circle', (cs) => cs.map((c) => Number(c.getAttribute('r'))));
  assert.ok(Math.max(...radii) > Math.min(...radii), 'sized by contacts');
  await page.click('.network-svg .node[data-code="NATO"]');
  await page.waitForFunction(() => location.hash.includes('actor=NATO'));
  await ready(page);
  await page.waitForSelector('.network-svg .node');
  assert.match(await page.locator('h1').innerText(), /NATO|OTAN/);
  await shot(page, '05-network-drilldown');
  await page.close();
});

test('timeline of a pair, coloured by mode, zoomable with the keyboard', { skip, timeout: 60_000 }, async () => {
  const page = await newPage();
  await open(page, '');
  await page.click('nav >> text=Timeline');
  await ready(page);
  await page.waitForSelector('.timeline-svg .dot');
  await page.fill('input[name=with]', 'NATO');
  await page.click('.actor-form button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('with=NATO'));
  await ready(page);
  await page.waitForSelector('.timeline-svg .dot');
  const dots = await page.locator('.timeline-svg .dot').count();
  assert.equal(dots, 10, 'ten reports of nine contacts, 2016–2025');
  const fills = new Set(await page.$$eval('.timeline-svg .dot circle', (cs) => cs.map((c) => c.getAttribute('stroke'))));
  assert.ok(fills.size >= 2, 'several modes, several colours');
  await shot(page, '06-timeline');
  const before = await page.locator('.in-view').innerText();
  await page.focus('.chart');
  for (let i = 0; i < 6; i++) await page.keyboard.press('+');
  const after = await page.locator('.in-view').innerText();
  assert.notEqual(after, before, 'zoomed in');
  assert.ok((await page.locator('.timeline-svg .dot').count()) < dots);
  await page.keyboard.press('0');
  assert.equal(await page.locator('.in-view').innerText(), before, 'back to the whole period');
  await page.locator('.timeline-svg .dot').first().click();
  await page.waitForFunction(() => location.hash.startsWith('#/dispatch/'));
  await ready(page);
  await page.waitForSelector('.piece.flash');
  await page.close();
});

test('paste a dispatch: the extraction appears live, nothing stored', { skip, timeout: 60_000 }, async () => {
  const page = await newPage();
  await open(page, '');
  await page.click('nav >> text=Paste a dispatch');
  await ready(page);
  const before = ((await (await fetch(`${base}api/status`)).json()) as { stats: { dispatches: number } }).stats.dispatches;
  await page.fill('#paste-text', " date 2024-05 Alger, 5 mai 2024 (APS) - Le ministre des Affaires étrangères, Karim Benali, s'est entretenu lundi par téléphone avec son homologue kazakh, Erlan Sarsenov.\n\nPartager\n\nLes deux ministres ont évoqué la coopération énergétique.\n\nTags: Algérie, Kazakhstan");
  await page.waitForSelector('.paste-result .card');
  assert.ok((await page.locator('.paste-result .noise').count()) >= 2, 'the removed noise is shown, greyed');
  assert.ok(!(await page.locator('.paste-result .dispatch-text').innerText()).startsWith(' date'), 'in its place');
  assert.match(await page.locator('.paste-result .card').first().innerText(), /phone call|appel/i);
  assert.ok((await page.locator('.paste-result .piece.ent').count()) >= 2);
  await shot(page, '07-paste');
  const after = ((await (await fetch(`${base}api/status`)).json()) as { stats: { dispatches: number } }).stats.dispatches;
  assert.equal(after, before);
  await page.close();
});

test('untrusted text stays text: a dispatch with <script>, <img onerror>, javascript: links runs nothing', { skip, timeout: 60_000 }, async () => {
  const page = await newPage();
  await open(page, `#/dispatch/${hostileId}`);
  await page.waitForSelector('.dispatch-text');
  await page.hover('.dispatch-text');
  const text = await page.locator('.dispatch-text').innerText();
  assert.ok(text.includes('<script>window.__xss=2</script>'), 'the markup is shown as typed');
  assert.ok(text.includes('<img src=x onerror="window.__xss=3">'));
  assert.ok((await page.locator('h1').innerText()).includes('<img src=x onerror="window.__xss=1">'));
  assert.equal(await page.locator('main img, main script, main b, main [onerror], main [onmouseover]').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  // Through search too: the instant results show the title as text.
  await page.fill('#search', 'Tskhadaia');
  await page.waitForSelector('#search-results:not([hidden]) .search-option');
  assert.equal(await page.locator('#search-results img').count(), 0);
  await shot(page, '08-untrusted-text');
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
  assert.deepEqual(dialogs, []);
  await page.close();
});

test('French interface, phone width, no horizontal scrolling', { skip, timeout: 60_000 }, async () => {
  const page = await newPage(390, 844);
  await open(page, '');
  await page.click('button.lang-button[lang=fr]');
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.ok((await page.locator('nav').innerText()).includes('Chronologie'));
  await shot(page, '09-phone-home-fr');
  const id = ((await (await fetch(`${base}api/events?between=AZE,NATO&limit=1`)).json()) as { items: { dispatch: { id: number } }[] }).items[0]!.dispatch.id;
  for (const [hash, name] of [[`#/dispatch/${id}`, '10-phone-dispatch-fr'], ['#/timeline?actor=AZE', '11-phone-timeline-fr'], ['#/network?actor=AZE', '12-phone-network-fr']] as const) {
    await open(page, hash);
    await page.waitForSelector('main h1');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${hash}: ${overflow}px wider than the screen`);
    await shot(page, name);
  }
  assert.deepEqual(pageErrors, []);
  await page.close();
});
