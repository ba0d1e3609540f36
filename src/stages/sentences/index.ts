// Sentence boundaries with offsets. A full stop ends a sentence unless it closes an abbreviation, an initial
// ("G.L. Peiris", "S. Jaishankar"), an honorific ("M.", "H.E.") or a number.
import type { Span } from '../../types.ts';

export interface Sentence extends Span {
  /** Index of the paragraph (blank-line or line-break separated block) it belongs to. */
  paragraph: number;
}

const ABBREVIATIONS = new Set(
  ['m', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'me', 'st', 'ste', 'mr', 'mrs', 'ms', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'hon', 'rev', 'sr', 'jr',
   'jan', 'feb', 'febr', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'janv', 'févr', 'fév', 'avr', 'juil', 'déc',
   'no', 'nos', 'vol', 'p', 'pp', 'art', 'etc', 'cf', 'vs', 'env', 'av', 'bd', 'ch', 'dept', 'inc', 'ltd', 'co', 'corp', 'ave', 'e', 'u', 's', 'h', 'n', 'ex', 'approx', 'sh']);

/** Longest sentence kept whole; real dispatches stay far below (their longest run-on lists are about 1,000). */
export const MAX_SENTENCE_CHARS = 2000;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    // A run-on "sentence" (lists without stops, hostile input) is cut at a clause boundary, so that the work done
    // per sentence stays bounded.
    while (e - s > MAX_SENTENCE_CHARS) {
      let cut = -1;
      for (let k = s + MAX_SENTENCE_CHARS; k > s + MAX_SENTENCE_CHARS / 2 && cut < 0; k--) if ((text[k - 1] === ';' || text[k - 1] === ',') && text[k] === ' ') cut = k;
      for (let k = s + MAX_SENTENCE_CHARS; k > s + MAX_SENTENCE_CHARS / 2 && cut < 0; k--) if (text[k] === ' ') cut = k;
      if (cut < 0) cut = s + MAX_SENTENCE_CHARS;
      out.push({ start: s, end: cut, paragraph });
      s = cut;
      while (s < e && /\s/.test(text[s]!)) s++;
    }
    if (e > s) out.push({ start: s, end: e, paragraph });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
      paragraph++;
      while (i + 1 < text.length && text[i + 1] === '\n') i++;
      start = i + 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // Closing quotes and brackets stay with the sentence they end.
    let j = i + 1;
    while (j < text.length && /[»"”’)\]]/.test(text[j]!)) j++;
    if (j < text.length && !/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < text.length && (text[k] === ' ' || text[k] === '\u00a0' || text[k] === '\t')) k++;
    if (k < text.length && text[k] === '\n') continue; // the line break ends it
    const next = text[k];
    if (next === undefined) continue;
    // The next sentence starts with a capital, a digit or an opening quote.
    if (!/[\p{Lu}\d«"“(\[]/u.test(next)) continue;
    if (ch === '.') {
      // the word before the full stop
      let w = i;
      while (w > start && /[\p{L}.]/u.test(text[w - 1]!)) w--;
      const word = text.slice(w, i);
      const bare = word.replace(/\./g, '').toLowerCase();
      if (word.includes('.') && /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue; // U.S. H.E. G.L.
      if (bare.length === 1 && /\p{Lu}/u.test(word)) continue; // initials: "S. Jaishankar"
      if (ABBREVIATIONS.has(bare) && /\p{Lu}/u.test(next)) {
        // "M. Bayramov", "Dr. Smith", "Oct. 5": an abbreviation before a name or a number
        if (bare.length <= 4) continue;
      }
      if (/\d/.test(text[i - 1] ?? '') && /\d/.test(next)) continue;
    }
    push(j);
    start = j;
  }
  push(text.length);
  return out;
}
