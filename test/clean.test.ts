// Cleaning: page noise, titles, datelines, filing dates (table-driven, with negative cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean } from '../src/stages/clean/index.ts';
import { parseDateline, parseDateLine } from '../src/stages/clean/dateline.ts';

test('datelines in the agencies\' styles', async (t) => {
  const cases: [string, { place: string | null; agency: string | null; day: number | null; month: number | null; year: number | null }][] = [
    ['Bakou, 14 juin, AZERTAC', { place: 'Bakou', agency: 'AZERTAC', day: 14, month: 6, year: null }],
    ['Baku, June 14, AZERTAC', { place: 'Baku', agency: 'AZERTAC', day: 14, month: 6, year: null }],
    ['BRUXELLES, 3 mars (AFP) - Le ministre belge a reçu hier son homologue.', { place: 'Bruxelles', agency: 'AFP', day: 3, month: 3, year: null }],
    ['PEKIN, 12 mai (Xinhua) -- Le conseiller d\'Etat a rencontré mardi un envoyé.', { place: 'Pekin', agency: 'Xinhua', day: 12, month: 5, year: null }],
    ['MOSCOW, June 14. /TASS/. Russian Foreign Minister held talks.', { place: 'Moscow', agency: 'TASS', day: 14, month: 6, year: null }],
    ['Baku. 14 June. REPORT.AZ/ The minister received the envoy.', { place: 'Baku', agency: 'REPORT.AZ', day: 14, month: 6, year: null }],
    ['ISLAMABAD, Aug 20 (APP): The ambassador called on the minister.', { place: 'Islamabad', agency: 'APP', day: 20, month: 8, year: null }],
    ['New Delhi [India], Jan 6 (ANI): The minister will visit.', { place: 'New Delhi', agency: 'ANI', day: 6, month: 1, year: null }],
    ['Hanoï (VNA) – Le vice-ministre a reçu mardi l\'ambassadeur sortant du Chili.', { place: 'Hanoï', agency: 'VNA', day: null, month: null, year: null }],
    ['ASTANA. KAZINFORM – The minister held talks with his counterpart.', { place: 'Astana', agency: 'KAZINFORM', day: null, month: null, year: null }],
    ['Bishkek, Mar. 5, 2024 / Kabar /. The minister held talks.', { place: 'Bishkek', agency: 'Kabar', day: 5, month: 3, year: 2024 }],
    ['Brussels, 27/01/2025', { place: 'Brussels', agency: null, day: 27, month: 1, year: 2025 }],
    ['Le 27 novembre 2024 – Ottawa (Ontario) – Affaires mondiales Canada', { place: 'Ottawa', agency: null, day: 27, month: 11, year: 2024 }],
    ['Abidjan, 14 mai (AIP)- Le ministre a reçu lundi une délégation.', { place: 'Abidjan', agency: 'AIP', day: 14, month: 5, year: null }],
    ['ALGER – Le président de la République a reçu mardi le ministre des Affaires étrangères du Niger, porteur d\'un message.', { place: 'Alger', agency: null, day: null, month: null, year: null }],
    ['ISLAMABAD: Foreign Minister Tariq Hamdani met Nepalese Foreign Minister Prakash Adhikari on Monday in the capital.', { place: 'Islamabad', agency: null, day: null, month: null, year: null }],
    ['NEW DELHI: The minister will travel to Dhaka next week for the joint commission, officials said.', { place: 'New Delhi', agency: null, day: null, month: null, year: null }],
    ['ASTANA. KAZINFORM The Kazakh Foreign Minister met the Ambassador of Germany on Monday in the capital.', { place: 'Astana', agency: 'KAZINFORM', day: null, month: null, year: null }],
  ];
  for (const [line, want] of cases) {
    await t.test(line.slice(0, 40), () => {
      const got = parseDateline(line);
      assert.ok(got, `no dateline found in ${line}`);
      assert.deepEqual({ place: got.place, agency: got.agency, day: got.day, month: got.month, year: got.year }, want);
    });
  }
});

test('lines that are not datelines', async (t) => {
  const negatives = [
    'Vietnam – Uruguay : les chefs de la diplomatie s\'entretiennent en ligne',
    'Le ministre a rencontré son homologue.',
    'António Guterres, Secretary-General',
    'Tue, 03/05/2024 - 17:42',
    'Selon la même source, les deux parties ont évoqué la coopération.',
    'NOTE: The meeting of the foreign ministers was postponed until further notice, the ministry said.',
    'UPDATE: Minister',
    'ASTANA. The minister met the ambassador.',
  ];
  for (const line of negatives) await t.test(line.slice(0, 40), () => assert.equal(parseDateline(line), null));
});

test('publication date lines', async (t) => {
  const cases: [string, string | null][] = [
    ['\u00a0 01 Juin 2016\u00a0 \u00a0 \u00a0 Lu: 1475', '2016-06-01'],
    ['Le 14/03/2024 à 18h05', '2024-03-14'],
    ['Tue, 03/05/2024 - 17:42', '2024-03-05'],
    ['14 May, 2024, 06:40 pm', '2024-05-14'],
    ['02.03.2024 - Mise à jour : 02.03.2024', '2024-03-02'],
    ['Publié le 12 juin 2024', '2024-06-12'],
    ['Doha, 12 March 2024', null],
    ['Le ministre est arrivé le 12 juin 2024 à Bakou pour une visite de travail.', null],
  ];
  for (const [line, want] of cases) await t.test(line.trim().slice(0, 40), () => assert.equal(parseDateLine(line), want));
});

test('page noise is removed and recorded', async (t) => {
  const cases: [string, string, string][] = [
    ['read counter', 'Titre de la dépêche diplomatique du jour\n\n01 Juin 2016    Lu: 1475\nLe ministre a reçu l\'ambassadeur.', 'Lu: 1475'],
    ['tags block', 'Le ministre a reçu l\'ambassadeur de France.\n\nTags:\n\nAzerbaïdjan OTAN\n\nFil d\'info', 'Tags:'],
    ['fil d\'info', 'Le ministre a reçu l\'ambassadeur de France.\n\nFil d\'info', "Fil d'info"],
    ['share row', 'Le ministre a reçu l\'ambassadeur de France.\n\nPartager cet Article!', 'Partager cet Article!'],
    ['font widget', ' date 2024-06-14 + ↺ − 16 px\nThe minister received the ambassador.', '↺'],
    ['photo credit', 'The minister received the ambassador.\n\nPhoto: Akorda\n\nPhoto: Akorda', 'Photo: Akorda'],
    ['translator credit', 'Le ministre a reçu l\'ambassadeur.\n\n* Traduit de l\'anglais par Jeanne Dupont', 'Traduit'],
    ['agency code glued', 'Les deux parties ont signé un accord de coopération.-VNA', '-VNA'],
    ['link marker', 'The EU welcomes the agreement (link is external) signed today.', '(link is external)'],
    ['initials byline', 'Le ministre a reçu l\'ambassadeur.\n\nS.B.', 'S.B.'],
    ['related links', 'Le ministre a reçu l\'ambassadeur.\n\nA lire également\nUn autre titre sans rapport\nEncore un titre', 'Un autre titre'],
  ];
  for (const [name, raw, removed] of cases) {
    await t.test(name, () => {
      const c = clean({ raw });
      assert.ok(!c.text.includes(removed), `"${removed}" still in the text: ${JSON.stringify(c.text)}`);
      assert.ok(c.noise.some((n) => n.text.includes(removed.trim()) || removed.includes(n.text.trim())), `noise not recorded: ${JSON.stringify(c.noise)}`);
      for (const n of c.noise) assert.equal(raw.slice(n.start, n.end), n.text);
    });
  }
});

test('text that is not noise is kept', async (t) => {
  const keep = [
    'Le ministre a déclaré que la source de la crise était politique.',
    'Photos of the meeting were released by the ministry, which said the talks were constructive.',
    'Les tags de la coopération sont nombreux, a-t-il dit.',
  ];
  for (const s of keep) await t.test(s.slice(0, 30), () => assert.equal(clean({ raw: s }).text, s));
});

test('title, duplicated title, corpus prefix and filing date', () => {
  const raw = 'Le ministre a rencontré le secrétaire général de l`OTAN\n\n\u00a0 01 Juin 2016    Lu: 1475\nLe ministre a rencontré le secrétaire général de l`OTAN\nEn marge de sa visite, le ministre a rencontré le secrétaire général.';
  const c = clean({ raw });
  assert.equal(c.title, 'Le ministre a rencontré le secrétaire général de l`OTAN');
  assert.equal(c.published, '2016-06-01');
  assert.equal(c.text, 'En marge de sa visite, le ministre a rencontré le secrétaire général.');
  assert.ok(c.noise.some((n) => n.kind === 'duplicate_title'));

  const p = clean({ raw: ' date 2024-06 Bakou, 14 juin, AZERTAC\n\nLe ministre a reçu hier l\'ambassadeur.' });
  assert.equal(p.published, '2024-06-14');
  assert.deepEqual(p.dateline, { place: 'Bakou', date: '2024-06-14', agency: 'AZERTAC' });
  assert.equal(p.noise[0]!.kind, 'corpus_date');
});

test('a December dateline under a January filing date belongs to the previous year', () => {
  const c = clean({ raw: ' date 2025-01 Madrid, 30 décembre (EFE).- Le ministre a reçu son homologue.' });
  assert.equal(c.dateline?.date, '2024-12-30');
});

test('without a year anywhere the dateline date stays partial', () => {
  const c = clean({ raw: 'Bakou, 14 juin, AZERTAC\n\nLe ministre a reçu l\'ambassadeur.' });
  assert.equal(c.dateline?.date, null);
  assert.deepEqual(c.dateline?.partial, { month: 6, day: 14 });
});

test('hard line breaks inside a sentence are joined', () => {
  const c = clean({ raw: 'ISLAMABAD, Aug 20 (APP): The Ambassador of the Netherlands called on Deputy Prime\nMinister Ishaq Dar here at the Ministry on Tuesday.' });
  assert.ok(c.text.includes('Deputy Prime Minister Ishaq Dar'), c.text);
});

test('place-only datelines must name a place; relay datelines with the date inside parentheses', () => {
  const isPlace = (n: string) => ['Alger', 'Dakar'].includes(n);
  const outlet = clean({ raw: 'AMI - Le président de la République a reçu mardi le ministre des Affaires étrangères du Sénégal, porteur d\'un message.', isPlace });
  assert.equal(outlet.dateline, null);
  const alger = clean({ raw: 'ALGER – Le président de la République a reçu mardi le ministre des Affaires étrangères du Sénégal, porteur d\'un message.', isPlace });
  assert.equal(alger.dateline?.place, 'Alger');
  const urdu = parseDateline('MOSCOW (UrduPoint News / Sputnik - 04th June, 2024) Russian Foreign Minister Sergey Lavrov will hold talks.');
  assert.deepEqual([urdu?.place, urdu?.day, urdu?.month, urdu?.year], ['Moscow', 4, 6, 2024]);
});

test('requests from the archive: HTML fragments, datelines without a dash, "l\'Alliance"', async () => {
  const { readPage } = await import('../src/stages/ingest/html.ts');
  assert.equal(readPage('<p>Le ministre a reçu hier son homologue.</p>').text, 'Le ministre a reçu hier son homologue.');
  const d = parseDateline('Ankara, November 2, 2023 (Anadolu) Turkish Foreign Minister Hakan Fidan received his counterpart.');
  assert.deepEqual([d?.place, d?.agency, d?.day, d?.month, d?.year], ['Ankara', 'Anadolu', 2, 11, 2023]);
  const { extract } = await import('../src/pipeline/extract.ts');
  const x = extract({ source: 't', lang: 'fr', text: "Au siège de l'OTAN, le ministre a rencontré le secrétaire général adjoint de l'Alliance, Mircea Geoană." });
  assert.equal(x.entities.find((e) => e.name === 'Mircea Geoană')?.org, 'NATO');
});
