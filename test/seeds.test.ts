// The two third-party seeds (read from ../shared/seeds, never copied): the facts issue #2 asks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/pipeline/extract.ts';
import { seedsDir, haveSeeds, eventSummaries } from './helpers.ts';

const opts = { skip: haveSeeds ? false : `seeds not found at ${seedsDir}` };
const load = (name: string) => extract({ source: name, text: readFileSync(join(seedsDir, name), 'utf8') });

test('seed 000: scraped page, Mammadyarov meets Stoltenberg', opts, () => {
  const d = load('000_ddeabb5b7802e9b5.txt');
  assert.equal(d.lang, 'fr');
  assert.equal(d.published, '2016-06-01');
  assert.match(d.title ?? '', /^Le ministre azerbaïdjanais des Affaires étrangères a rencontré/);
  for (const noise of ['Lu: 1475', 'Tags:', "Fil d'info"]) {
    assert.ok(!d.text.includes(noise), `${noise} left in the text`);
    assert.ok(d.noise?.some((n) => n.text.includes(noise)), `${noise} not recorded as noise`);
  }
  const m = d.entities.find((e) => e.name === 'Elmar Mammadyarov')!;
  assert.equal(m.country, 'AZE');
  assert.equal(m.title, 'ministre des Affaires étrangères');
  assert.ok(m.aliases.includes('Mammadyarov'));
  const s = d.entities.find((e) => e.name === 'Jens Stoltenberg')!;
  assert.equal(s.org, 'NATO');
  assert.ok(eventSummaries(d).includes('meeting: Elmar Mammadyarov + Jens Stoltenberg'));
  const meeting = d.events.find((e) => e.mode === 'meeting')!;
  assert.equal(meeting.date.start, '2016-06-01');
  assert.equal(d.entities.find((e) => e.id === meeting.location)?.name, 'Bruxelles');
  const ipap = d.entities.find((e) => e.code === 'IPAP')!;
  assert.equal(ipap.expansion, "plan d`action individuel pour le Partenariat");
  const codes = d.entities.filter((e) => e.kind === 'country').map((e) => e.code);
  for (const c of ['AZE', 'ARM', 'AFG']) assert.ok(codes.includes(c), c);
  // "le ministre a déclaré que l'occupation doit être cessée et les unités armées arméniennes doivent être retirées"
  const request = d.events.find((e) => e.type === 'REQUEST')!;
  assert.ok(request, 'REQUEST stance');
  assert.equal(d.entities.find((e) => e.id === request.actors[0])?.name, 'Elmar Mammadyarov');
  assert.equal(d.entities.find((e) => e.id === request.recipients[0])?.code, 'ARM');
});

test('seed 004: Hadjiyev in Brussels, NATO dialogue and meetings', opts, () => {
  const d = load('004_3f0f9f59ac1c072a.txt');
  assert.equal(d.published, '2024-06-14');
  assert.deepEqual(d.dateline, { place: 'Bakou', date: '2024-06-14', agency: 'AZERTAC' });
  assert.ok(d.noise?.some((n) => n.kind === 'corpus_date'));
  const summaries = eventSummaries(d);
  for (const want of [
    'visit: Hikmet Hadjiyev + BEL',
    'multilateral: Hikmet Hadjiyev + NATO',
    'meeting: Hikmet Hadjiyev + James Appathurai',
    'meeting: Hikmet Hadjiyev + Javier Colomina',
    'meeting: Hikmet Hadjiyev + Zeki Levent Gumrukcu',
    'meeting: Hikmet Hadjiyev + Jan Hoogmartens',
    'multilateral: Hikmet Hadjiyev + Institut Royal des Relations Internationales',
  ]) assert.ok(summaries.includes(want), `missing ${want} in ${JSON.stringify(summaries)}`);
  assert.ok(summaries.some((s) => s.includes('Enrique Mora')), 'EU security dialogue led by Enrique Mora');
  const nato = d.events.find((e) => e.mode === 'multilateral' && e.participants.some((p) => d.entities.find((x) => x.id === p)?.code === 'NATO'))!;
  assert.deepEqual([nato.date.start, nato.date.end], ['2024-06-12', '2024-06-13']);
  assert.equal(d.entities.find((e) => e.id === nato.location)?.name, 'Bruxelles');
  assert.ok(nato.topics.some((t) => t.includes('sécurité énergétique de l’Europe')), JSON.stringify(nato.topics));
  const h = d.entities.find((e) => e.name === 'Hikmet Hadjiyev')!;
  assert.equal(h.country, 'AZE');
  assert.match(h.title ?? '', /^assistant du président de la République/);
  assert.equal(d.entities.find((e) => e.name === 'Zeki Levent Gumrukcu')?.country, 'TUR');
  assert.equal(d.entities.find((e) => e.name === 'Jan Hoogmartens')?.country, 'BEL');
  // Contacts are CONSULT; stances, when the text names who takes them towards whom, are "statement" events.
  assert.ok(d.events.filter((e) => e.mode !== 'statement').every((e) => e.type === 'CONSULT'));
});
