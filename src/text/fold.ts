// Folding for lexicon look-ups: case, diacritics and apostrophe variants do not matter when matching words
// ("Etats-Unis" = "États-Unis", "l`OTAN" = "l’OTAN" = "l'OTAN").

const APOSTROPHES = /[’`´ʼ‘]/g;

export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(APOSTROPHES, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .toLowerCase();
}

export function isApostrophe(ch: string): boolean {
  return ch === "'" || ch === '’' || ch === '`' || ch === 'ʼ' || ch === '´' || ch === '‘';
}

export function isUpperInitial(s: string): boolean {
  const c = s.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export function isAllUpper(s: string): boolean {
  return /\p{Lu}/u.test(s) && s === s.toUpperCase() && s !== s.toLowerCase();
}

export function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
