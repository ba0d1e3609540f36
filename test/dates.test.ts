// Date expressions resolved against the reference date (table-driven; the year is never invented).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from '../src/stages/dates/index.ts';
import { tokenize } from '../src/text/tokens.ts';
import { lexicon } from '../src/lang/index.ts';

function first(text: string, lang: 'fr' | 'en', ref: string | null) {
  const toks = tokenize(text);
  const d = findDates(toks, lexicon(lang), 0, toks.length, ref)[0];
  return d ? { from: d.from, to: d.to, partial: d.partial ?? null, future: d.future } : null;
}

test('French date expressions', async (t) => {
  // 2024-06-14 is a Friday.
  const cases: [string, string | null, { from: string | null; to: string | null; partial?: object | null; future?: boolean }][] = [
    ['a effectué une visite les 12 et 13 juin.', '2024-06-14', { from: '2024-06-12', to: '2024-06-13' }],
    ['une visite du 12 au 13 juin.', '2024-06-14', { from: '2024-06-12', to: '2024-06-13' }],
    ['du 30 mai au 2 juin 2024', null, { from: '2024-05-30', to: '2024-06-02' }],
    ['le 6 septembre 2017', '2024-06-14', { from: '2017-09-06', to: null }],
    ['mardi 8 septembre', '2020-09-10', { from: '2020-09-08', to: null }],
    ['hier', '2024-06-14', { from: '2024-06-13', to: null }],
    ['avant-hier', '2024-06-14', { from: '2024-06-12', to: null }],
    ["aujourd'hui", '2024-06-14', { from: '2024-06-14', to: null }],
    ['ce jeudi', '2024-06-14', { from: '2024-06-13', to: null }],
    ['ce vendredi', '2024-06-14', { from: '2024-06-14', to: null }],
    ['a reçu lundi', '2024-06-14', { from: '2024-06-10', to: null }],
    ['mardi prochain', '2024-06-14', { from: '2024-06-18', to: null, future: true }],
    ['le 30 décembre', '2025-01-02', { from: '2024-12-30', to: null }],
    ['le 14 juin', null, { from: null, to: null, partial: { month: 6, day: 14 } }],
    ['le 14.06.2024', null, { from: '2024-06-14', to: null }],
    // A month before or after the reference's, across a year's end.
    ['le mois prochain', '2024-03-14', { from: '2024-04', to: null, future: true }],
    ['le mois prochain', '2024-12-20', { from: '2025-01', to: null, future: true }],
    ['le mois dernier', '2024-01-05', { from: '2023-12', to: null, future: false }],
    ['le mois prochain', null, { from: null, to: null }],
    // A month alone after "en": this year's when it has come, last year's when it is months ahead of the reference.
    ['la rencontre en février', '2024-03-12', { from: '2024-02', to: null }],
    ['la rencontre en novembre', '2024-03-12', { from: '2023-11', to: null }],
    ['ils se rencontreront en avril', '2024-03-12', { from: '2024-04', to: null }],
  ];
  for (const [text, ref, want] of cases) {
    await t.test(`${text} (ref ${ref})`, () => {
      const got = first(text, 'fr', ref);
      assert.ok(got, 'no date found');
      assert.equal(got.from, want.from);
      assert.equal(got.to, want.to);
      if ('partial' in want) assert.deepEqual(got.partial, want.partial);
      if ('future' in want) assert.equal(got.future, want.future);
    });
  }
});

test('English date expressions', async (t) => {
  const cases: [string, string | null, { from: string | null; to: string | null; partial?: object | null }][] = [
    ['on June 12-13', '2024-06-14', { from: '2024-06-12', to: '2024-06-13' }],
    ['from 12 to 13 June', '2024-06-14', { from: '2024-06-12', to: '2024-06-13' }],
    ['on June 14, 2024', null, { from: '2024-06-14', to: null }],
    ['on Tuesday', '2024-06-14', { from: '2024-06-11', to: null }],
    ['yesterday', '2024-06-14', { from: '2024-06-13', to: null }],
    ['today', '2024-06-14', { from: '2024-06-14', to: null }],
    ['on Wednesday (4 December 2024)', '2025-02-11', { from: '2024-12-04', to: null }],
    ['on December 27', '2025-01-03', { from: '2024-12-27', to: null }],
    ['on June 14', null, { from: null, to: null, partial: { month: 6, day: 14 } }],
    ['next month', '2024-03-14', { from: '2024-04', to: null }],
    ['last month', '2024-03-14', { from: '2024-02', to: null }],
    ['earlier this month', '2024-03-14', { from: '2024-03', to: null }],
    ['a meeting in February', '2024-03-14', { from: '2024-02', to: null }],
  ];
  for (const [text, ref, want] of cases) {
    await t.test(`${text} (ref ${ref})`, () => {
      const got = first(text, 'en', ref);
      assert.ok(got, 'no date found');
      assert.equal(got.from, want.from);
      assert.equal(got.to, want.to);
      if ('partial' in want) assert.deepEqual(got.partial, want.partial);
    });
  }
});

test('words that are not dates', async (t) => {
  const negatives: [string, 'fr' | 'en'][] = [
    ['Le ministre a parlé de mai 68 et du printemps arabe.', 'fr'],
    ['The May Day parade was not discussed.', 'en'],
    ['Il a souligné 12 priorités pour la coopération.', 'fr'],
    ['They may meet again.', 'en'],
    ['Le mois de la francophonie a été célébré.', 'fr'],
    ['Il a plaidé en mars pour la paix.', 'en'],
    ['They may in may be there.', 'en'],
    ['The month-long campaign ended.', 'en'],
  ];
  for (const [text, lang] of negatives) {
    await t.test(text, () => {
      const got = first(text, lang, '2024-06-14');
      assert.ok(!got || got.from === null && !got.partial, `found ${JSON.stringify(got)}`);
    });
  }
});
