// Interactions: contact verbs and nouns, counterparts, modes, negation, plans (table-driven, negatives in their own table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, eventSummaries } from './helpers.ts';

const positives: [string, string, string[]][] = [
  ['fr', "Le ministre des Affaires étrangères de l'Azerbaïdjan Elmar Mammadyarov a rencontré le secrétaire général de l'OTAN Jens Stoltenberg.",
    ['meeting: Elmar Mammadyarov + Jens Stoltenberg']],
  ['fr', 'Le ministre turc des Affaires étrangères, Hakan Fidan, s\'est entretenu hier par téléphone avec son homologue azerbaïdjanais, Ceyhun Bayramov.',
    ['phone_call: Hakan Fidan + Ceyhun Bayramov']],
  ['fr', 'Le ministre algérien des Affaires étrangères, Ahmed Attaf, a eu un entretien téléphonique avec son homologue jordanien, Ayman Safadi.',
    ['phone_call: Ahmed Attaf + Ayman Safadi']],
  ['fr', 'Le ministre des Affaires étrangères, Djeyhoun Baïramov, a reçu un appel téléphonique de la ministre kazakhe, Aïgerim Tolegenova.',
    ['phone_call: Djeyhoun Baïramov + Aïgerim Tolegenova']],
  ['fr', "Le président de la République, Abdelmadjid Tebboune, a reçu en audience lundi à Alger l'ambassadeur de France, Stéphane Romatet.",
    ['reception: Abdelmadjid Tebboune + Stéphane Romatet']],
  ['fr', "La ministre sénégalaise des Affaires étrangères, Yassine Fall, a été reçue par le président turc Recep Tayyip Erdogan.",
    ['reception: Yassine Fall + Recep Tayyip Erdogan']],
  ['fr', "L'assistant du président, Hikmet Hadjiyev, a effectué une visite en Belgique les 12 et 13 juin.",
    ['visit: Hikmet Hadjiyev + BEL']],
  ['fr', "Hikmet Hadjiyev, assistant du président, a participé à un dialogue politique dans le format OTAN+Azerbaïdjan.",
    ['multilateral: Hikmet Hadjiyev + NATO']],
  ['fr', 'Le ministre Djeyhoun Baïramov a également rencontré James Appathurai, secrétaire général adjoint de l\'OTAN, Javier Colomina, représentant spécial, et Zeki Gumrukcu, ambassadeur de Türkiye.',
    ['meeting: Djeyhoun Baïramov + James Appathurai', 'meeting: Djeyhoun Baïramov + Javier Colomina', 'meeting: Djeyhoun Baïramov + Zeki Gumrukcu']],
  ['fr', "Le ministre Nguyen Thanh Vinh s'est entretenu par visioconférence avec la ministre uruguayenne des Affaires étrangères, Valeria Ortiz.",
    ['video_call: Nguyen Thanh Vinh + Valeria Ortiz']],
  ['fr', "Le ministre des Affaires étrangères, Djeyhoun Baïramov, a accordé une interview à la chaîne Euronews.", ['interview: Djeyhoun Baïramov']],
  ['fr', "Le ministre Baïramov a eu jeudi des rencontres bilatérales avec les ministres de l'Uruguay et du Ghana, respectivement Martín Echeverría et Kwabena Asante.",
    ['meeting: Baïramov + Martín Echeverría', 'meeting: Baïramov + Kwabena Asante']],
  ['fr', "La délégation azerbaïdjanaise a été reçue par le vice-ministre chinois Sun Weidong.", ['reception: AZE + Sun Weidong']],
  ['en', 'Azerbaijani Foreign Minister Jeyhun Bayramov met in Baku on Friday with Montenegrin Foreign Minister Ivana Radulovic.',
    ['meeting: Jeyhun Bayramov + Ivana Radulovic']],
  ['en', 'Russian Foreign Minister Sergey Lavrov held a telephone conversation with Nicaraguan Foreign Minister Valentina Ortega.',
    ['phone_call: Sergey Lavrov + Valentina Ortega']],
  ['en', "Azerbaijan's Foreign Minister Jeyhun Bayramov yesterday received a phone call from Tajik Foreign Minister Sirojiddin Muhriddin.",
    ['phone_call: Jeyhun Bayramov + Sirojiddin Muhriddin']],
  ['en', 'Uzbek Foreign Minister Bakhtiyor Saidov held separate meetings with Mongolian Foreign Minister Battsetseg Batmunkh and Portuguese Minister Rui Almeida.',
    ['meeting: Bakhtiyor Saidov + Battsetseg Batmunkh', 'meeting: Bakhtiyor Saidov + Rui Almeida']],
  ['en', 'Secretary of State Marco Rubio met jointly today with Foreign Minister Lucia Barrios of Guatemala and Foreign Minister Arturo Pineda of Honduras.',
    ['meeting: Marco Rubio + Lucia Barrios + Arturo Pineda']],
  ['en', 'The Ambassador of the Netherlands Hendrik-Jan van der Berg called on Foreign Minister Ishaq Dar here on Tuesday.',
    ['meeting: Hendrik-Jan van der Berg + Ishaq Dar']],
  ['en', 'Minister of Foreign Affairs of Kyrgyzstan Jeenbek Kulubaev held talks with Deputy Foreign Minister of Viet Nam Nguyen Thi Lan in a video teleconference.',
    ['video_call: Jeenbek Kulubaev + Nguyen Thi Lan']],
  ['en', "Prime Minister Sheikh Mohammed bin Abdulrahman Al-Thani met today with Kenya's Cabinet Secretary Joseph Wanyama, who is currently visiting the country.",
    ['meeting: Sheikh Mohammed bin Abdulrahman Al-Thani + Joseph Wanyama']],
];

test('contacts that took place', async (t) => {
  for (const [lang, text, want] of positives) {
    await t.test(text.slice(0, 70), () => {
      const got = eventSummaries(run(text, { lang, published: '2024-06-14' }));
      for (const w of want) assert.ok(got.includes(w), `missing "${w}" in ${JSON.stringify(got)}`);
    });
  }
});

const negatives: [string, string][] = [
  ['fr', "Le ministre n'a pas rencontré son homologue russe, Sergueï Lavrov, à Berlin."],
  ['fr', 'La visite du ministre Sergueï Lavrov à Berlin a été annulée.'],
  ['fr', 'Le président Emmanuel Macron devrait rencontrer le chancelier Olaf Scholz.'],
  ['en', 'Foreign Minister Hakan Fidan did not meet his Iranian counterpart Abbas Araghchi.'],
  ['en', 'The EU calls on Rwanda to cease all support to the armed group.'],
  ['en', 'Tehran denied that Foreign Minister Abbas Araghchi met US envoy Steve Witkoff on the sidelines of the summit.'],
  ['fr', 'Le ministre a adressé un message de félicitations à son homologue Ahmed Attaf.'],
  ['en', 'The minister said relations with Turkey were excellent.'],
  ['fr', 'Lors de la réunion, les parties ont exprimé leur satisfaction.'],
];

test('sentences that state no contact that took place', async (t) => {
  for (const [lang, text] of negatives) {
    await t.test(text.slice(0, 70), () => {
      const d = run(text, { lang, published: '2024-06-14' });
      const happened = d.events.filter((e) => e.type === 'CONSULT');
      assert.deepEqual(eventSummaries({ ...d, events: happened }), []);
    });
  }
});

test('plans are kept as AGREE, not as contacts', async (t) => {
  const cases: [string, string][] = [
    ['fr', 'Le président Emmanuel Macron devrait rencontrer le chancelier Olaf Scholz la semaine prochaine.'],
    ['en', 'Chilean Foreign Minister Catalina Mena is expected to visit India next week.'],
    ['en', 'Prime Minister Kamal Hossain will meet Foreign Minister Aiko Tanabe tomorrow.'],
    ['fr', 'Le ministre Baïramov effectuera une visite officielle en Chine.'],
  ];
  for (const [lang, text] of cases) {
    await t.test(text.slice(0, 70), () => {
      const d = run(text, { lang, published: '2024-06-14' });
      assert.ok(d.events.length >= 1, 'no event');
      for (const e of d.events) {
        assert.equal(e.type, 'AGREE');
        assert.equal(e.planned, true);
        assert.equal(e.cameo, '036');
      }
    });
  }
});

test('dates of events: text, dateline, visit frame, never an invented year', () => {
  const d = run(' date 2024-06 Bakou, 14 juin, AZERTAC\n\nL\'assistant du président, Hikmet Hadjiyev, a effectué une visite en Belgique les 12 et 13 juin.\n\nHikmet Hadjiyev a participé à un dialogue dans le format OTAN+Azerbaïdjan.', { lang: 'fr' });
  for (const e of d.events) assert.deepEqual([e.date.start, e.date.end], ['2024-06-12', '2024-06-13']);
  const noYear = run('Le ministre Djeyhoun Baïramov a rencontré le 14 juin son homologue Ahmed Attaf.', { lang: 'fr' });
  assert.equal(noYear.events[0]!.date.start, null);
  assert.deepEqual(noYear.events[0]!.date.partial, { month: 6, day: 14 });
  const dl = run('Bakou, 14 juin, AZERTAC\n\nLe ministre Djeyhoun Baïramov a reçu l\'ambassadeur de France, Anne Boillon.', { lang: 'fr', published: '2024-06' });
  assert.deepEqual(dl.events[0]!.date, { start: '2024-06-14', end: null, basis: 'dateline' });
});

test('background recalls are marked', () => {
  const d = run("Pour rappel, le ministre Djeyhoun Baïramov avait rencontré son homologue Ahmed Attaf le 6 septembre 2017.", { lang: 'fr', published: '2024-06-14' });
  assert.equal(d.events.length, 1);
  assert.equal(d.events[0]!.background, true);
  assert.equal(d.events[0]!.date.start, '2017-09-06');
});

test('topics are split into items', () => {
  const d = run("Le ministre Djeyhoun Baïramov a reçu l'ambassadeur de France, Anne Boillon. Les discussions ont porté sur la coopération énergétique, les préparatifs de la COP29 ainsi que la sécurité régionale.", { lang: 'fr', published: '2024-06-14' });
  assert.deepEqual(d.events[0]!.topics, ['coopération énergétique', 'préparatifs de la COP29', 'sécurité régionale']);
});

test('PLOVER coding: visitor is the actor, host the recipient', () => {
  const d = run("Le président Abdelmadjid Tebboune a reçu le ministre nigérien des Affaires étrangères, Bakary Sangaré.", { lang: 'fr', published: '2024-06-14' });
  const e = d.events[0]!;
  const name = (id: string) => d.entities.find((x) => x.id === id)!.name;
  assert.deepEqual(e.actors.map(name), ['Bakary Sangaré']);
  assert.deepEqual(e.recipients.map(name), ['Abdelmadjid Tebboune']);
  assert.equal(e.type, 'CONSULT');
  assert.equal(e.cameo, '042');
});
