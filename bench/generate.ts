// A seeded generator of realistic dispatches in the agencies' shapes (French and English), streamed one at a
// time so that a benchmark never holds a corpus in memory. Names are built from syllables, not taken from lists of
// real people, so the extractor is measured on people it cannot know.
export interface GeneratedDispatch {
  id: string;
  lang: 'fr' | 'en';
  published: string;
  text: string;
}

/** Mulberry32: small, fast, reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ['ba', 'ra', 'mi', 'ko', 'lu', 'se', 'da', 'vi', 'no', 'ta', 'ri', 'ga', 'zu', 'fe', 'la', 'mo', 'ne', 'ki', 'sha', 'dro', 'bel', 'kar', 'mun', 'tov', 'dze', 'gul'];
const FR_COUNTRIES: [string, string, string][] = [['Azerbaïdjan', 'azerbaïdjanais', 'Bakou'], ['Algérie', 'algérien', 'Alger'], ['Maroc', 'marocain', 'Rabat'], ['Turquie', 'turc', 'Ankara'], ['Kazakhstan', 'kazakh', 'Astana'], ['Sénégal', 'sénégalais', 'Dakar'], ['Vietnam', 'vietnamien', 'Hanoï'], ['Belgique', 'belge', 'Bruxelles']];
const EN_COUNTRIES: [string, string, string][] = [['Azerbaijan', 'Azerbaijani', 'Baku'], ['Pakistan', 'Pakistani', 'Islamabad'], ['Qatar', 'Qatari', 'Doha'], ['Turkey', 'Turkish', 'Ankara'], ['Kazakhstan', 'Kazakh', 'Astana'], ['Kenya', 'Kenyan', 'Nairobi'], ['Japan', 'Japanese', 'Tokyo'], ['Chile', 'Chilean', 'Santiago']];
const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function* generate(count: number, seed = 42): Generator<GeneratedDispatch> {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const word = (n: number) => {
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYL);
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const name = () => `${word(2)} ${word(3)}${pick(['ov', 'ev', 'i', 'a', 'ou', ''])}`;
  for (let i = 0; i < count; i++) {
    const year = 2016 + Math.floor(r() * 9);
    const month = 1 + Math.floor(r() * 12);
    const day = 1 + Math.floor(r() * 27);
    const published = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const a = name();
    const b = name();
    const c = name();
    if (r() < 0.6) {
      const [home, , capital] = pick(FR_COUNTRIES);
      const [, adj] = pick(FR_COUNTRIES.filter((x) => x[0] !== home));
      const verb = pick(["a reçu l'ambassadeur", 'a rencontré le ministre', "s'est entretenu par téléphone avec le ministre", 'a eu des entretiens avec le ministre']);
      const text = [
        ` date ${year}-${String(month).padStart(2, '0')} ${capital}, ${day} ${FR_MONTHS[month - 1]}, AZERTAC`,
        '',
        `Le ministre des Affaires étrangères, ${a}, ${verb} ${adj} des Affaires étrangères, ${b}.`,
        '',
        `Les discussions ont porté sur la coopération énergétique, les liaisons de transport régionales ainsi que la sécurité régionale. Le chef de la diplomatie ${adj} a salué le rôle de son pays.`,
        '',
        `Le même jour, ${a} a également rencontré le représentant spécial de l'Union européenne, ${c}.`,
        '',
        `Pour rappel, les deux ministres s'étaient rencontrés le ${1 + Math.floor(r() * 27)} ${pick(FR_MONTHS)} ${year - 1} à ${capital}.`,
        '',
        'Tags:',
        '',
        "Fil d'info",
      ].join('\n');
      yield { id: `gen-${seed}-${i}`, lang: 'fr', published, text };
    } else {
      const [home, adjHome, capital] = pick(EN_COUNTRIES);
      const [, adj] = pick(EN_COUNTRIES.filter((x) => x[0] !== home));
      const verb = pick(['met with', 'held talks with', 'held a telephone conversation with', 'received']);
      const text = [
        ` date ${published} ${capital.toUpperCase()}, ${EN_MONTHS[month - 1]} ${day}. /TASS/. ${adjHome} Foreign Minister ${a} ${verb} ${adj} Foreign Minister ${b} on ${pick(['Monday', 'Tuesday', 'Wednesday'])}.`,
        '',
        `The sides discussed energy cooperation, regional transport links and the situation in the region. ${b} is on an official visit to ${home}.`,
        '',
        `Earlier, ${a} had met ${c}, NATO Deputy Secretary General, in Brussels in March ${year - 1}.`,
        '',
        `The two ministers agreed to meet again next year.`,
      ].join('\n');
      yield { id: `gen-${seed}-${i}`, lang: 'en', published, text };
    }
  }
}
