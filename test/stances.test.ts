// Stances coded to PLOVER (SUPPORT, REQUEST, ACCUSE, REJECT): table-driven, with negatives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from './helpers.ts';

function stances(text: string, lang: string) {
  const d = run(text, { lang, published: '2024-06-14' });
  const name = (id: string) => {
    const e = d.entities.find((x) => x.id === id)!;
    return e.kind === 'person' ? e.name : e.code ?? e.name;
  };
  return d.events.filter((e) => e.mode === 'statement').map((e) => `${e.type}: ${name(e.actors[0]!)} -> ${name(e.recipients[0]!)}`);
}

test('stances with a named actor and target', async (t) => {
  const cases: [string, string, string][] = [
    ['fr', "Le ministre turc Hakan Fidan a réaffirmé le soutien de son pays à l'intégrité territoriale de l'Azerbaïdjan.", 'SUPPORT: Hakan Fidan -> AZE'],
    ['fr', "Le ministre azerbaïdjanais Elmar Mammadyarov a déclaré que l'occupation doit être cessée et que les unités armées arméniennes doivent être retirées.", 'REQUEST: Elmar Mammadyarov -> ARM'],
    ['en', 'The EU condemned the renewed offensive and urged Rwanda to withdraw its forces.', 'ACCUSE: EU -> RWA'],
    ['en', 'Foreign Minister Ahmed Attaf welcomed the decision of the African Union.', 'SUPPORT: Ahmed Attaf -> AU'],
    ['fr', "L'UE a salué la contribution de l'Azerbaïdjan à la sécurité énergétique.", 'SUPPORT: EU -> AZE'],
  ];
  for (const [lang, text, want] of cases) await t.test(want, () => assert.ok(stances(text, lang).includes(want), JSON.stringify(stances(text, lang))));
});

test('no stance without a named actor, towards oneself, or when negated', async (t) => {
  const cases: [string, string][] = [
    ['fr', "Les représentants des Etats alliés ont souligné leur soutien à l'intégrité territoriale de l'Azerbaïdjan."],
    ['fr', "Le ministre azerbaïdjanais Djeyhoun Baïramov a salué le rôle de l'Azerbaïdjan."],
    ['en', 'Foreign Minister Ahmed Attaf did not welcome the decision of the African Union.'],
    ['en', 'The ministers welcomed the progress.'],
  ];
  for (const [lang, text] of cases) await t.test(text.slice(0, 50), () => assert.deepEqual(stances(text, lang), []));
});
