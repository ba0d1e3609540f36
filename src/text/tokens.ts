// A tokenizer that keeps character offsets: every later stage works on tokens and reports spans into the text.
import { fold, isAllUpper, isApostrophe, isUpperInitial } from './fold.ts';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  text: string;
  fold: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** First letter is a capital. */
  cap: boolean;
  /** Every letter is a capital (acronyms, uppercase surnames). */
  upper: boolean;
  /** White space separates this token from the previous one. */
  spaceBefore: boolean;
}

// One pass over the string, one character class per step: linear whatever the input.
const WORD_CHAR = /[\p{L}\p{M}]/u;
const DIGIT = /[0-9]/;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  let space = true;
  while (i < to) {
    const ch = text[i]!;
    if (/\s/.test(ch) || ch === '\u00a0') {
      space = true;
      i++;
      continue;
    }
    let j = i + 1;
    let kind: TokenKind;
    if (WORD_CHAR.test(ch)) {
      kind = 'word';
      while (j < to && WORD_CHAR.test(text[j]!)) j++;
    } else if (DIGIT.test(ch)) {
      kind = 'number';
      while (j < to && DIGIT.test(text[j]!)) j++;
      // 29e, 5th, 1er: ordinal suffix glued to a number stays with it
      if (j < to && WORD_CHAR.test(text[j]!)) {
        let k = j;
        while (k < to && WORD_CHAR.test(text[k]!) && k - j < 4) k++;
        if (k - j <= 3 && !(k < to && WORD_CHAR.test(text[k]!))) j = k;
      }
    } else {
      kind = 'punct';
    }
    const t = text.slice(i, j);
    out.push({
      text: t,
      fold: isApostrophe(t) ? "'" : fold(t),
      start: i,
      end: j,
      kind,
      cap: kind === 'word' && isUpperInitial(t),
      upper: kind === 'word' && isAllUpper(t),
      spaceBefore: space,
    });
    space = false;
    i = j;
  }
  return out;
}

/** Folded token strings of a lexicon form, tokenized exactly as the text is. */
export function foldTokens(form: string): string[] {
  return tokenize(form).map((t) => t.fold);
}
