// Cross-dispatch entity resolution, rule by rule: transliteration keys, agreement on country and organisation,
// surname-only mentions, user pins, story signatures. Positive and negative cases in their own tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreement, canonicalCode, eventSignature, personKey, resolutionKeys, resolve, sideOf, tokenKey, type Candidate, type LocalEntity } from '../src/archive/resolve.ts';

const SAME_PERSON: [string, string, string][] = [
  ['Djeyhoun Baïramov', 'Jeyhun Bayramov', 'French and English romanisations'],
  ['Jeyhun Bayramov', 'Ceyhun Bayramov', 'Azerbaijani c = j'],
  ['Elmar Mammadyarov', 'Elmar Mamedyarov', 'double letters, a/e'],
  ['Elmar Məmmədyarov', 'Elmar Mammadyarov', 'Azerbaijani schwa'],
  ['Ilham Aliyev', 'Ilham Aliev', '-yev/-ev'],
  ['Hikmet Hadjiyev', 'Hikmet Hajiyev', 'dj/j'],
  ['Hikmet Hadjiyev', 'Hikmat Hajiyev', 'vowels of the given name'],
  ['Mircea Geoană', 'Mircea Geoana', 'diacritics'],
  ['Mevlüt Çavuşoğlu', 'Mevlut Cavusoglu', 'Turkish letters'],
  ['Sergueï Lavrov', 'Sergey Lavrov', 'ou/u, ï/y'],
  ['Mikhaïl Mishustin', 'Mikhail Mishustin', 'kh kept'],
  ['Sergueï Choïgou', 'Sergei Shoigu', 'French ch = English sh, ou = u'],
  ['Serguei Lavroff', 'Sergei Lavrov', 'old French -off'],
  ['Xaqani Rzayev', 'Khagani Rzayev', 'Azerbaijani x = kh, q'],
  ['Ali Al-Sabah', 'Ali Al Sabah', 'hyphen as a space'],
];

const OTHER_PERSON: [string, string, string][] = [
  ['Ilham Aliyev', 'Heydar Aliyev', 'different given names'],
  ['Ilham Aliyev', 'Mehriban Aliyeva', 'feminine surname'],
  ['Jeyhun Bayramov', 'Jeyhun Bayram', 'a different surname'],
  ['Elmar Mammadyarov', 'Elmar Mammadov', 'a shorter surname'],
  ['Jens Stoltenberg', 'Hans Stoltenberg', 'a different given name'],
];

test('one transliteration key for one name across languages', () => {
  for (const [a, b, why] of SAME_PERSON) assert.equal(personKey(a), personKey(b), `${a} = ${b} (${why})`);
});

test('different names keep different keys', () => {
  for (const [a, b, why] of OTHER_PERSON) assert.notEqual(personKey(a), personKey(b), `${a} ≠ ${b} (${why})`);
});

test('token keys fold sounds, not letters', () => {
  const cases: [string, string][] = [
    ['Baïramov', 'b*r*m*v'],
    ['Djeyhoun', 'j*h*n'],
    ['Mammadyarov', 'm*m*d*r*v'],
    ['Khan', 'kh*n'],
    ['Xan', 'kh*n'],
  ];
  for (const [token, key] of cases) assert.equal(tokenKey(token), key, token);
});

test('codes: organisations in their canonical form, states by ISO3', () => {
  const cases: [LocalEntity, string | null, string[]][] = [
    [{ kind: 'organization', name: 'OTAN', code: 'NATO' }, 'NATO', ['org:NATO']],
    [{ kind: 'organization', name: 'OTAN', code: 'OTAN' }, 'NATO', ['org:NATO']],
    [{ kind: 'organization', name: 'Union européenne', code: 'UE' }, 'EU', ['org:EU']],
    [{ kind: 'country', name: 'Azerbaïdjan', code: 'AZE' }, 'AZE', ['country:AZE']],
    [{ kind: 'person', name: 'Jens Stoltenberg', org: 'NATO' }, 'NATO', ['pin:person:jens stoltenberg', 'person:j*ns st*lt*nb*rg', 'surname:st*lt*nb*rg']],
    [{ kind: 'person', name: 'Jeyhun Bayramov', country: 'AZE' }, 'AZE', ['pin:person:jeyhun bayramov', 'person:j*h*n b*r*m*v', 'surname:b*r*m*v']],
    [{ kind: 'place', name: 'Bruxelles', country: 'BEL' }, null, ['place:bruxelles']],
  ];
  for (const [e, side, keys] of cases) {
    assert.equal(sideOf(e), side, e.name);
    assert.deepEqual(resolutionKeys(e), keys, e.name);
  }
  assert.equal(canonicalCode('country', 'aze'), 'AZE');
});

test('agreement: countries and organisations must not differ', () => {
  const ok: [object, object][] = [
    [{ country: 'AZE' }, { country: 'AZE' }],
    [{ country: 'AZE' }, {}],
    [{ org: 'NATO' }, { org: 'NATO', country: 'ROU' }],
    [{}, {}],
  ];
  const refused: [object, object][] = [
    [{ country: 'AZE' }, { country: 'TUR' }],
    [{ org: 'NATO' }, { org: 'EU' }],
  ];
  for (const [a, b] of ok) assert.equal(agreement(a, b).ok, true, JSON.stringify([a, b]));
  for (const [a, b] of refused) assert.equal(agreement(a, b).ok, false, JSON.stringify([a, b]));
});

const cand = (id: number, name: string, extra: Partial<Candidate> = {}): Candidate => {
  const e: LocalEntity = { kind: extra.kind ?? 'person', name, code: extra.code ?? undefined, country: extra.country ?? undefined, org: extra.org ?? undefined };
  return { id, kind: e.kind, name, code: extra.code ?? null, country: extra.country ?? null, org: extra.org ?? null, matched: extra.matched ?? resolutionKeys(e).filter((k) => !k.startsWith('pin:')) };
};

test('resolution joins: the entity and why', () => {
  const cases: [string, LocalEntity, Candidate[], number, RegExp][] = [
    ['transliteration, same country', { kind: 'person', name: 'Jeyhun Bayramov', country: 'AZE' }, [cand(7, 'Djeyhoun Baïramov', { country: 'AZE' })], 7, /transliteration key "j\*h\*n b\*r\*m\*v"; same country AZE/],
    ['organisation on one side only', { kind: 'person', name: 'Mircea Geoana', org: 'NATO' }, [cand(3, 'Mircea Geoană')], 3, /organisation NATO on one side only/],
    ['the agreeing one of two namesakes', { kind: 'person', name: 'Ali Hasanov', country: 'AZE' }, [cand(2, 'Ali Hasanov', { country: 'TUR' }), cand(5, 'Ali Hasanov', { country: 'AZE' })], 5, /same country AZE/],
    ['surname alone, one bearer', { kind: 'person', name: 'Hadjiyev', country: 'AZE' }, [cand(9, 'Hikmet Hajiyev', { country: 'AZE', matched: ['surname:h*j*v'] })], 9, /surname "Hadjiyev" alone, borne by one person only/],
    ['OTAN is NATO', { kind: 'organization', name: 'OTAN', code: 'NATO' }, [cand(1, 'NATO', { kind: 'organization', code: 'NATO', matched: ['org:NATO'] })], 1, /same organisation code NATO/],
    ['a user pin beats the key', { kind: 'person', name: 'Ceyhun Bayramov', country: 'AZE' }, [cand(7, 'Jeyhun Bayramov', { country: 'AZE' }), cand(12, 'Ceyhun Bayramov', { country: 'AZE', matched: ['pin:person:ceyhun bayramov'] })], 12, /pinned .* user correction/],
  ];
  for (const [name, e, cs, id, why] of cases) {
    const r = resolve(e, cs);
    assert.equal(r.entity, id, name);
    assert.match(r.reason, why, name);
  }
});

test('resolution keeps apart: a new entity and why', () => {
  const cases: [string, LocalEntity, Candidate[], RegExp][] = [
    ['no candidate', { kind: 'person', name: 'Hakan Fidan', country: 'TUR' }, [], /first person named "Hakan Fidan"/],
    ['countries differ', { kind: 'person', name: 'Ali Hasanov', country: 'AZE' }, [cand(2, 'Ali Hasanov', { country: 'TUR' })], /countries differ \(AZE, TUR\)/],
    ['organisations differ', { kind: 'person', name: 'John Smith', org: 'NATO' }, [cand(2, 'John Smith', { org: 'EU' })], /organisations differ/],
    ['surname of two persons', { kind: 'person', name: 'Aliyev', country: 'AZE' }, [cand(1, 'Ilham Aliyev', { country: 'AZE', matched: ['surname:*l*v'] }), cand(2, 'Heydar Aliyev', { country: 'AZE', matched: ['surname:*l*v'] })], /borne by 2 persons: kept apart/],
    ['another kind', { kind: 'place', name: 'Bakou', country: 'AZE' }, [cand(1, 'Bakou', { kind: 'person', matched: ['place:bakou'] })], /first place/],
    ['a new state', { kind: 'country', name: 'France', code: 'FRA' }, [], /first country with code FRA/],
  ];
  for (const [name, e, cs, why] of cases) {
    const r = resolve(e, cs);
    assert.equal(r.entity, null, name);
    assert.match(r.reason, why, name);
  }
});

test('story signatures: one contact, whoever tells it', () => {
  assert.equal(eventSignature('2022-03-14', 'meeting', 'CONSULT', [9, 4]), eventSignature('2022-03-14', 'meeting', 'CONSULT', [4, 9, 4]));
  const differ: [string | null, string, string, number[]][] = [
    ['2022-03-15', 'meeting', 'CONSULT', [4, 9]],
    ['2022-03-14', 'phone_call', 'CONSULT', [4, 9]],
    ['2022-03-14', 'meeting', 'AGREE', [4, 9]],
    ['2022-03-14', 'meeting', 'CONSULT', [4, 9, 11]],
  ];
  const base = eventSignature('2022-03-14', 'meeting', 'CONSULT', [4, 9]);
  for (const [d, m, t, p] of differ) assert.notEqual(eventSignature(d, m, t, p), base, `${d} ${m} ${t} ${p}`);
  // Without a day, or with one participant, reports are never taken for one another.
  assert.equal(eventSignature(null, 'meeting', 'CONSULT', [4, 9]), null);
  assert.equal(eventSignature('2022-03', 'meeting', 'CONSULT', [4, 9]), null);
  assert.equal(eventSignature('2022-03-14', 'meeting', 'CONSULT', [4]), null);
});
