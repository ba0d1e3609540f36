// Name runs: sequences of capitalised words that may be a person's name, with particles (de la, van der, Ould,
// bin, al-), hyphens (Jean-Yves, Amir-Abdollahian), initials (G.L., S) and upper-case surnames (OKADA).
import type { Token } from '../../text/tokens.ts';
import type { Lexicon } from '../../lang/index.ts';

export interface NameRun {
  start: number; // token index
  end: number; // exclusive
}

const PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'ten', 'bin', 'ben', 'ibn', 'bint', 'al', 'el', 'ould', 'ag', 'e', 'y', 'abu', 'abou', 'bou', 'mac', 'st']);
const MAX_NAME_WORDS = 7;

export function isNameWord(t: Token | undefined, lex: Lexicon, gaz: boolean): boolean {
  if (!t || t.kind !== 'word') return false;
  if (!t.cap) return false;
  if (gaz) return false;
  if (t.text.length === 1) return false; // initials are read by isInitial
  if (lex.nameStop.has(t.fold)) {
    // A stop word only when written as one: "Lê" (Vietnamese surname) is not the article "le".
    const lower = t.text.toLowerCase();
    if (lower === t.fold || lex.nameStopAccented.has(lower)) return false;
  }
  // Month and weekday names are not names; three-letter abbreviations are ("Zhai Jun", "Mai").
  const cal = lex.calendarWords.get(t.fold);
  if (cal && (cal.kind === 'weekday' || t.text.length > 4 || cal.kind !== 'month')) return false;
  // Long all-capital words are acronyms unless they look like a surname printed in capitals (has vowels, ≥ 4).
  if (t.upper && t.text.length > 1 && (t.text.length < 4 || !/[AEIOUY]/.test(t.text))) return false;
  return true;
}

export function findNameRuns(tokens: Token[], lex: Lexicon, gaz: boolean[], from: number, to: number): NameRun[] {
  const out: NameRun[] = [];
  let i = from;
  while (i < to) {
    // Honorifics ("M.", "Mme", "Dr", "H.E.", "S.E.") precede a name; they are not part of it. "Cheikh" and
    // "Sheikh" stay: they are also given names (Cheikh Niang) and part of Gulf names.
    const hon = lex.honorifics.matchAt(tokens, i);
    if (hon && !/^(?:cheikh|sheikh|sheikha|prince)$/.test(tokens[i]!.fold)) {
      i = hon.end;
      if (tokens[i]?.text === '.' && !tokens[i]!.spaceBefore) i++;
      continue;
    }
    // "le général Le Hoang Phuc": a capitalised "Le"/"La" inside a sentence before two name words is a surname.
    const vietnameseLe = /^(?:le|la|ly)$/.test(tokens[i]!.fold) && tokens[i]!.cap && i > from && !/[.!?:«"“]/.test(tokens[i - 1]!.text) && isNameWord(tokens[i + 1], lex, gaz[i + 1] ?? false) && isNameWord(tokens[i + 2], lex, gaz[i + 2] ?? false);
    // A capitalised participle opening a sentence ("Congratulating Cho", "Soulignant …") is not a name.
    const sentenceStart = i === from || /[.!?:]/.test(tokens[i - 1]!.text);
    const opener = sentenceStart && tokens[i]!.text.length > 5 && ((lex.lang === 'en' && /ing$/.test(tokens[i]!.fold)) || (lex.lang === 'fr' && /ant$/.test(tokens[i]!.fold) && !tokens[i + 1]?.cap));
    if (opener || (!vietnameseLe && !isNameWord(tokens[i], lex, gaz[i]!) && !isInitial(tokens, i, lex, gaz))) {
      i++;
      continue;
    }
    let j = vietnameseLe ? i + 1 : i;
    let words = vietnameseLe ? 1 : 0;
    while (j < to && words < MAX_NAME_WORDS) {
      const t = tokens[j]!;
      // An honorific inside a run starts the next name ("… and Emigrants Dr. Abdallah Bou Habib").
      if (j > i && t.cap && lex.honorifics.matchAt(tokens, j) && !/^(?:cheikh|sheikh|sheikha|prince)$/.test(t.fold)) break;
      if (isNameWord(t, lex, gaz[j]!)) {
        j++;
        words++;
        continue;
      }
      if (isInitial(tokens, j, lex, gaz)) {
        j += tokens[j + 1]?.text === '.' && !tokens[j + 1]!.spaceBefore ? 2 : 1;
        words++;
        continue;
      }
      // Regnal numbers: Mohammed VI, Abdullah II.
      if (j > i && t.kind === 'word' && /^[IVX]{1,4}$/.test(t.text) && isNameWord(tokens[j - 1], lex, false)) {
        j++;
        words++;
        continue;
      }
      // Hyphen or apostrophe inside a name: Jean-Yves, Amir-Abdollahian, al-Mekdad, O'Brien, N'Diaye, Seo-yeon.
      if ((t.text === '-' || t.text === "'" || t.text === '’') && !t.spaceBefore && j > i) {
        const n = tokens[j + 1];
        const shortLower = !!n && t.text === '-' && !n.cap && n.text.length <= 5 && /^\p{Ll}+$/u.test(n.text) && isNameWord(tokens[j - 1], lex, false) && tokens[j - 1]!.text.length <= 6;
        if (n && !n.spaceBefore && n.kind === 'word' && (n.cap || shortLower || /^(?:al|el)$/.test(tokens[j - 1]!.fold))) {
          j += 2;
          words++;
          continue;
        }
        break;
      }
      // Particles between name words: "Valdes de la Concepcion", "Ursula von der Leyen", "Mohamed Ould Ghazouani".
      if (j > i && t.kind === 'word' && PARTICLES.has(t.fold) && !(t.cap && t.fold === 'le' && false)) {
        let k = j;
        while (k < to && tokens[k]!.kind === 'word' && PARTICLES.has(tokens[k]!.fold) && k - j < 3) k++;
        // al-Thani: particle joined by a hyphen
        if (tokens[k]?.text === '-' && !tokens[k]!.spaceBefore) k++;
        if (k < to && isNameWord(tokens[k], lex, gaz[k]!) && (tokens[j]!.cap || PARTICLES.has(tokens[j]!.fold))) {
          // A lower-case "de"/"la" between two capitalised words is a name particle only when the left part
          // is a single given name or the right part is the last word ("Jean de la Fontaine" vs "Paris de la France").
          j = k;
          continue;
        }
        break;
      }
      break;
    }
    // Trim trailing particles/punctuation.
    while (j > i && (tokens[j - 1]!.kind !== 'word' || PARTICLES.has(tokens[j - 1]!.fold)) && !(tokens[j - 1]!.text === '.' && isInitialToken(tokens[j - 2]))) j--;
    if (j > i) out.push({ start: i, end: j });
    i = Math.max(j, i + 1);
  }
  return out;
}

function isInitialToken(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && t.text.length === 1 && t.upper;
}

/** "G." / "S" before a name word: an initial. "G.L." is two. */
function isInitial(tokens: Token[], i: number, lex: Lexicon, gaz: boolean[]): boolean {
  const t = tokens[i];
  if (!isInitialToken(t)) return false;
  // "A" and "I" are words in English; "À"/"A" in French
  if (t!.text === 'A' || t!.text === 'I' || t!.text === 'Y') return false;
  let k = i + 1;
  if (tokens[k]?.text === '.' && !tokens[k]!.spaceBefore) k++;
  if (isInitialToken(tokens[k]) && tokens[k]!.text !== 'A') return isInitial(tokens, k, lex, gaz);
  return isNameWord(tokens[k], lex, gaz[k] ?? false);
}

/** Folded keys under which later mentions may refer to the same person: the surname and the full name. */
export function nameKeys(words: string[]): string[] {
  const clean = words.filter((w) => w.length > 1 || /\p{L}/u.test(w));
  const keys = new Set<string>();
  if (clean.length === 0) return [];
  keys.add(clean.join(' '));
  const last = clean[clean.length - 1]!;
  keys.add(last);
  // "Le Drian", "van der Leyen", "Ould Ghazouani": the surname with its particles
  let k = clean.length - 1;
  while (k > 0 && PARTICLES.has(clean[k - 1]!)) k--;
  if (k < clean.length - 1) keys.add(clean.slice(k).join(' '));
  if (clean.length >= 3) keys.add(clean.slice(-2).join(' '));
  // "Ignacio Valdivia Rojas … Valdivia", "Gustavo Adolfo Villarroel Quispe … M. Villarroel": the first of two
  // surnames (Spanish and Portuguese names) also names the person.
  const first = clean[clean.length - 2];
  if (clean.length >= 3 && first && first.length > 2 && !PARTICLES.has(first) && !PARTICLES.has(clean[clean.length - 3]!)) keys.add(first);
  return [...keys];
}

export { PARTICLES };
