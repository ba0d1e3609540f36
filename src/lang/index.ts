// Wires each language's data files (this folder) and the country data packages into the look-up structures the
// stages use. Data lives in .tsv/.txt files; this module only reads and indexes them.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TokenTrie } from '../text/trie.ts';
import { fold } from '../text/fold.ts';
import { foldTokens, tokenize } from '../text/tokens.ts';

function tokenizeForms(form: string): string[] {
  return tokenize(form).map((t) => t.text.normalize('NFC').toLowerCase().replace(/[’`´ʼ‘]/g, "'"));
}

const require = createRequire(import.meta.url);

export type Language = 'fr' | 'en';
export const LANGUAGES: Language[] = ['fr', 'en'];

export type GazetteerKind = 'country' | 'organization' | 'place';

export interface GazetteerEntry {
  kind: GazetteerKind;
  code: string; // ISO3 for countries and places (the place's country), organisation code
  canonical: string; // canonical name (English for places and countries, the code for organisations)
  form: string; // the lexicon form
  /** Acronyms and short all-capital forms must match with their exact case. */
  exactCase: boolean;
  /** Must start with a capital in the text (names); French adjectives need not. */
  needsCap: boolean;
  adjective: boolean;
}

export interface TitleEntry {
  form: string;
  role: string;
}

export interface ContactVerb {
  form: string;
  /** The form's words lower-cased with their accents: "rencontré" (met) is not "rencontre" (a meeting). */
  written: string[];
  mode: string;
  role: 'with' | 'host' | 'guest' | 'visit' | 'join' | 'from' | 'mutual' | 'between' | 'interview' | 'invite';
  tense: 'past' | 'present' | 'future' | 'infinitive' | 'nominal';
}

export interface StanceVerb {
  form: string;
  type: 'SUPPORT' | 'REQUEST' | 'ACCUSE' | 'REJECT';
  cameo: string;
  recipient: 'object' | 'clause';
}

export interface Cue {
  form: string;
  kind: string;
}

export interface CalendarEntry {
  form: string;
  kind: string;
  value: number | null;
}

export interface Agency {
  name: string;
  country: string | null;
  datelineIsEventPlace: boolean;
}

export interface Lexicon {
  lang: Language;
  gazetteer: TokenTrie<GazetteerEntry>;
  /** Folded compound prefixes ("armeno" → ARM) for "arméno-azerbaïdjanais". */
  prefixes: Map<string, string>;
  titles: TokenTrie<TitleEntry>;
  honorifics: TokenTrie<{ form: string }>;
  verbs: TokenTrie<ContactVerb>;
  stances: TokenTrie<StanceVerb>;
  cues: TokenTrie<Cue>;
  calendar: TokenTrie<CalendarEntry>;
  /** Single-word calendar entries by folded form ("juin", "oct", "mardi"). */
  calendarWords: Map<string, CalendarEntry>;
  nameStop: Set<string>;
  /** The same words lower-cased with their accents, to tell "Lê" (a surname) from "le". */
  nameStopAccented: Set<string>;
  /** Name of each country (ISO3) in this language, for display. */
  countryNames: Map<string, string>;
}

function dataPath(rel: string): URL {
  return new URL(`./${rel}`, import.meta.url);
}

/** Rows of a tab-separated data file, without its header and '#' comments. */
export function readTsv(rel: string, header = true): string[][] {
  const url = dataPath(rel);
  if (!existsSync(url)) return [];
  const lines = readFileSync(url, 'utf8').split(/\r?\n/);
  const rows: string[][] = [];
  let first = header;
  for (const line of lines) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (first) {
      first = false;
      // Files written with a header line start with the first column's name.
      if (/^[a-z_0-9]+\t/.test(line) || /^(code|name|iso3|form)\t/.test(line)) continue;
    }
    rows.push(line.split('\t').map((c) => c.trim()));
  }
  return rows;
}

function readList(rel: string): string[] {
  const url = dataPath(rel);
  if (!existsSync(url)) return [];
  return readFileSync(url, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

interface WorldCountry {
  cca3: string;
  cca2: string;
  name: { common: string; official: string };
  translations: Record<string, { common: string; official: string }>;
  demonyms?: Record<string, { f: string; m: string }>;
  altSpellings: string[];
  capital: string[];
  independent?: boolean;
}

let worldCountries: WorldCountry[] | null = null;
export function countriesData(): WorldCountry[] {
  if (!worldCountries) worldCountries = require('world-countries') as WorldCountry[];
  return worldCountries;
}

/** French and English plural/feminine forms of a demonym given its masculine and feminine singular. */
function demonymForms(m: string, f: string): string[] {
  const out = new Set<string>([m, f]);
  for (const w of [m, f]) {
    if (/[sx]$/i.test(w)) continue;
    out.add(w + 's');
  }
  return [...out].filter(Boolean);
}

// Not flagged independent in world-countries, but states in diplomatic copy.
const SOVEREIGN_EXTRA = new Set(['PSE', 'UNK', 'TWN', 'ESH', 'VAT']);

function isShortOrAcronym(form: string): boolean {
  return form.length <= 3 || /^[A-Z0-9.]+$/.test(form.replace(/\s/g, ''));
}

function buildGazetteer(lang: Language, countryNames: Map<string, string>): { trie: TokenTrie<GazetteerEntry>; prefixes: Map<string, string> } {
  const trie = new TokenTrie<GazetteerEntry>();
  const seen = new Set<string>();
  const add = (kind: GazetteerKind, code: string, canonical: string, form: string, adjective = false) => {
    form = form.trim();
    if (!form || !code) return;
    const key = `${kind}|${code}|${form}`;
    if (seen.has(key)) return;
    seen.add(key);
    const exactCase = isShortOrAcronym(form) && /[A-Z]/.test(form);
    const needsCap = !(adjective && lang === 'fr') && !exactCase && !(kind === 'organization' && /\s/.test(form));
    trie.add(form, { kind, code, canonical, form, exactCase, needsCap, adjective });
  };

  const iso = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getNames(l: string, o: { select: 'all' }): Record<string, string[]>;
    alpha2ToAlpha3(a: string): string | undefined;
  };
  iso.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  const names = iso.getNames(lang, { select: 'all' });
  const wlang = lang === 'fr' ? 'fra' : 'eng';
  const demonyms = new Map<string, { code: string; canonical: string; form: string }>();
  for (const c of countriesData()) {
    const canonical = c.name.common;
    const local = lang === 'fr' ? c.translations.fra?.common ?? canonical : canonical;
    countryNames.set(c.cca3, local);
    add('country', c.cca3, canonical, local);
    if (lang === 'fr' && c.translations.fra) add('country', c.cca3, canonical, c.translations.fra.official);
    if (lang === 'en') {
      add('country', c.cca3, canonical, c.name.official);
      for (const alt of c.altSpellings) if (alt.length > 3 && /^[A-Z][a-z]/.test(alt) && !/[^\x00-\x7f]/.test(alt)) add('country', c.cca3, canonical, alt);
    }
    for (const n of names[c.cca2] ?? []) add('country', c.cca3, canonical, n);
    // Demonyms: a territory shares its sovereign's ("American" for the Northern Mariana Islands, "French" for
    // the French Southern Territories), so only states give theirs; the first state to claim a form keeps it.
    const d = c.demonyms?.[wlang];
    if (d && d.m && d.f && (c.independent || SOVEREIGN_EXTRA.has(c.cca3))) {
      for (const form of demonymForms(d.m, d.f)) {
        const f = fold(form);
        if (!demonyms.has(f)) demonyms.set(f, { code: c.cca3, canonical, form: lang === 'fr' ? form.toLowerCase() : form });
      }
    }
  }
  const prefixes = new Map<string, string>();
  for (const [iso3, form, kind] of readTsv(`${lang}/country-forms.tsv`)) {
    if (!iso3 || !form) continue;
    const canonical = countriesData().find((c) => c.cca3 === iso3)?.name.common ?? iso3;
    if (kind === 'prefix') prefixes.set(fold(form).replace(/-$/, ''), iso3);
    else if (kind === 'adj') {
      // The data file decides forms that several states share ("congolais").
      const f = lang === 'fr' ? form.toLowerCase() : form;
      const fem = lang === 'fr' ? femininesFr(f) : [f];
      for (const x of fem) for (const y of demonymForms(x, x)) demonyms.set(fold(y), { code: iso3, canonical, form: y });
    } else add('country', iso3, canonical, form);
  }
  for (const d of demonyms.values()) add('country', d.code, d.canonical, d.form, true);
  for (const [code, form] of readTsv(`${lang}/organisations.tsv`)) add('organization', code, code, form);
  for (const row of readTsv(`${lang}/places.tsv`)) {
    const [name, country, canonical] = row;
    if (!name || !country) continue;
    add('place', country, canonical || name, name);
    // "au Caire", "du Caire": French city names with an article lose it after a contracted preposition.
    const bare = /^(?:Le|La|Les) (\p{Lu}.+)$/u.exec(name);
    if (lang === 'fr' && bare) add('place', country, canonical || name, bare[1]!);
  }
  return { trie, prefixes };
}

/** Feminine forms of a French masculine adjective of nationality ("saoudien" → "saoudienne"). */
function femininesFr(m: string): string[] {
  if (/e$/.test(m)) return [m];
  if (/ien$/.test(m)) return [m, m + 'ne'];
  if (/en$/.test(m)) return [m, m + 'ne'];
  if (/on$/.test(m)) return [m, m + 'ne'];
  if (/c$/.test(m)) return [m, m + 'que'];
  return [m, m + 'e'];
}

/** Words of a form as written, lower-cased, accents kept, apostrophes unified. */
export function writtenTokens(form: string): string[] {
  return tokenizeForms(form);
}

const cache = new Map<Language, Lexicon>();

export function lexicon(lang: Language): Lexicon {
  const hit = cache.get(lang);
  if (hit) return hit;
  const countryNames = new Map<string, string>();
  const { trie: gazetteer, prefixes } = buildGazetteer(lang, countryNames);
  const titles = new TokenTrie<TitleEntry>();
  for (const [form, role] of readTsv(`${lang}/titles.tsv`, false)) if (form && role) titles.add(form, { form, role });
  const honorifics = new TokenTrie<{ form: string }>();
  for (const [form] of readTsv(`${lang}/honorifics.tsv`, false)) if (form) honorifics.add(form, { form });
  const verbs = new TokenTrie<ContactVerb>();
  for (const [form, mode, role, tense] of readTsv(`${lang}/contact-verbs.tsv`, false)) {
    if (form && mode && role && tense) verbs.add(form, { form, written: writtenTokens(form), mode, role: role as ContactVerb['role'], tense: tense as ContactVerb['tense'] });
  }
  const stances = new TokenTrie<StanceVerb>();
  for (const [form, type, cameo, recipient] of readTsv(`${lang}/stance-verbs.tsv`, false)) {
    if (form && type && cameo) stances.add(form, { form, type: type as StanceVerb['type'], cameo, recipient: recipient === 'clause' ? 'clause' : 'object' });
  }
  const cues = new TokenTrie<Cue>();
  for (const [form, kind] of readTsv(`${lang}/cues.tsv`, false)) if (form && kind) cues.add(form, { form, kind });
  const calendar = new TokenTrie<CalendarEntry>();
  const calendarWords = new Map<string, CalendarEntry>();
  for (const [form, kind, value] of readTsv(`${lang}/calendar.tsv`, false)) {
    if (!form || !kind) continue;
    const entry = { form, kind, value: value ? Number(value) : null };
    calendar.add(form, entry);
    const parts = foldTokens(form);
    if (parts.length === 1) calendarWords.set(parts[0]!, entry);
  }
  const nameStop = new Set<string>();
  const nameStopAccented = new Set<string>();
  for (const w of readList(`${lang}/name-stopwords.txt`)) {
    for (const t of foldTokens(w)) nameStop.add(t);
    for (const t of w.toLowerCase().split(/[\s'’-]+/)) if (t) nameStopAccented.add(t);
  }
  // Words of titles never start a name ("Senator Mohammad Ishaq Dar", "Ambassador Jane Doe").
  // Except the titles that are also given names (Amir Abdollahian, Sultan Al Jaber, Cheikh Niang).
  const GIVEN = new Set(['cheikh', 'sheikh', 'amir', 'emir', 'sultan', 'prince', 'president']);
  for (const [form] of readTsv(`${lang}/titles.tsv`, false)) for (const t of foldTokens(form ?? '')) if (t.length > 3 && !GIVEN.has(t)) nameStop.add(t);
  if (lang === 'en') nameStop.add('president');
  const lex: Lexicon = { lang, gazetteer, prefixes, titles, honorifics, verbs, stances, cues, calendar, calendarWords, nameStop, nameStopAccented, countryNames };
  cache.set(lang, lex);
  return lex;
}

let agencies: Agency[] | null = null;
export function agencyList(): Agency[] {
  if (!agencies) {
    agencies = readTsv('agencies.tsv', false).map(([name, country, place]) => ({
      name: name!,
      country: country || null,
      datelineIsEventPlace: place === 'yes',
    }));
  }
  return agencies;
}

export function findAgency(name: string | null | undefined): Agency | null {
  if (!name) return null;
  const f = fold(name).replace(/[^a-z0-9 .]/g, '').trim();
  return agencyList().find((a) => fold(a.name) === f || f.startsWith(fold(a.name) + ' ') || f.replace(/\./g, '') === fold(a.name).replace(/\./g, '')) ?? null;
}

export function isLanguage(l: string | null | undefined): l is Language {
  return l === 'fr' || l === 'en';
}

let hubs: Set<string> | null = null;
/** Whether a place hosts international bodies (lang/hubs.txt). */
export function isHub(place: string | null | undefined): boolean {
  if (!place) return false;
  if (!hubs) hubs = new Set(readList('hubs.txt').map((h) => fold(h)));
  return hubs.has(fold(place));
}
