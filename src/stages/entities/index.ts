// Entities of one dispatch: countries, organisations, places (lexicons), acronyms with their spelled-out forms,
// programmes, and persons found from the text's own cues (titles, honorifics, appositions, capitalisation).
// Later references ("Mammadyarov", "M. Bayramov", "le ministre", "le chef de la diplomatie azerbaïdjanaise")
// are resolved to the entity they name.
import type { Entity, EntityKind, Span } from '../../types.ts';
import type { Token } from '../../text/tokens.ts';
import { fold } from '../../text/fold.ts';
import { readTsv, type Language, type Lexicon } from '../../lang/index.ts';
import type { Sentence } from '../sentences/index.ts';
import { findGazetteer } from './gazetteer.ts';
import { findNameRuns, nameKeys, type NameRun } from './names.ts';
import { findTitles, roleMatches, sameFamily, type TitlePhrase } from './titles.ts';

export interface EntityDraft extends Entity {
  role?: string;
  /** Every function the person's titles name ("Premier ministre et ministre des Affaires étrangères"). */
  roles: string[];
  keys: string[];
  /** Token index of each mention's first token, parallel to `mentions`. */
  mentionTokens: number[];
}

/** A reference the events stage resolves: a mention of an entity at a token range. */
export interface Reference {
  entity: string;
  start: number; // token index
  end: number;
  sentence: number;
  /** The mention is a title phrase or an apposition belonging to a person, not a party of its own. */
  affiliationOf?: string;
  /** Surface kind: name, title (bare title reference), gazetteer, acronym. */
  via: 'name' | 'title' | 'gazetteer' | 'acronym';
}

export interface EntityResult {
  entities: EntityDraft[];
  references: Reference[];
  /** Token indexes covered by a title phrase attached to a person, with that person's id. */
  titleOf: Map<number, string>;
  /** Title phrases that named nobody, with the country/organisation they carry ("le chef de l'Etat"). */
  unnamedTitles: { phrase: TitlePhrase; sentence: number; entity: string | null }[];
}

interface Heads {
  map: Map<string, EntityKind>;
}
const headCache = new Map<Language, Heads>();
function heads(lang: Language): Heads {
  let h = headCache.get(lang);
  if (!h) {
    h = { map: new Map(readTsv(`${lang}/heads.tsv`, false).map(([w, k]) => [fold(w!), k as EntityKind])) };
    headCache.set(lang, h);
  }
  return h;
}

const POSTING = new Set(['en', 'au', 'aux', 'a', 'aupres', 'in', 'to', 'accredited', 'chez']);
const LED_BY = new Set(['led', 'headed', 'conduite', 'dirigee', 'menee', 'presidee', 'emmenee', 'conduit', 'dirige']);
const LEADING_FUNCTION = new Set(['le', 'la', 'les', 'l', "'", 'des', 'du', 'de', 'd', 'the', 'a', 'an', 'of', 'et', 'and', 'ainsi', 'que', 'tels', 'telles', 'tel', 'telle', 'notamment', 'such', 'as', 'its', 'their', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'our', 'aux', 'au', 'a', 'dans', 'in', 'sur', 'on', 'par', 'by', 'pour', 'for', 'with', 'avec']);

/**
 * `homeCountry`: the state whose officials a bare domestic title names ("le président de la République"): the
 * agency's (AZERTAC → AZE), else the dateline city's (ALGER → DZA).
 */
export function findEntities(text: string, tokens: Token[], sentences: Sentence[], lex: Lexicon, homeCountry: string | null, datelineAgency: string | null = null): EntityResult {
  const agencyCountry = homeCountry;
  const entities: EntityDraft[] = [];
  const byKey = new Map<string, EntityDraft>();
  const references: Reference[] = [];
  const gaz: boolean[] = tokens.map(() => false);
  const tokSentence: number[] = new Array(tokens.length).fill(0);
  {
    let s = 0;
    for (let i = 0; i < tokens.length; i++) {
      while (s < sentences.length - 1 && tokens[i]!.start >= sentences[s]!.end) s++;
      tokSentence[i] = s;
    }
  }
  const span = (a: number, b: number): Span => ({ start: tokens[a]!.start, end: tokens[b - 1]!.end });
  const surface = (a: number, b: number) => text.slice(tokens[a]!.start, tokens[b - 1]!.end);
  let nextId = 1;
  const newEntity = (key: string, kind: EntityKind, name: string): EntityDraft => {
    const e: EntityDraft = { id: `e${nextId++}`, kind, name, aliases: [], mentions: [], keys: [], mentionTokens: [], roles: [] };
    entities.push(e);
    byId.set(e.id, e);
    byKey.set(key, e);
    return e;
  };
  // Indexes that keep every step linear in the number of mentions (a megabyte of text names the same people
  // thousands of times).
  const seenSpans = new Map<string, Set<number>>();
  const seenAliases = new Map<string, Set<string>>();
  const refsByStart = new Map<number, Reference[]>();
  const byId = new Map<string, EntityDraft>();
  const refsIn = (from: number, to: number): Reference[] => {
    const out: Reference[] = [];
    for (let k = from; k < to; k++) for (const r of refsByStart.get(k) ?? []) out.push(r);
    return out;
  };
  const addMention = (e: EntityDraft, a: number, b: number, via: Reference['via'], affiliationOf?: string) => {
    const sp = span(a, b);
    let spans = seenSpans.get(e.id);
    if (!spans) seenSpans.set(e.id, (spans = new Set()));
    const key = sp.start * 1e7 + sp.end;
    if (!spans.has(key)) {
      spans.add(key);
      e.mentions.push(sp);
      e.mentionTokens.push(a);
    }
    const written = surface(a, b);
    let aliases = seenAliases.get(e.id);
    if (!aliases) seenAliases.set(e.id, (aliases = new Set(e.aliases)));
    if (via !== 'title' && written !== e.name && !aliases.has(written)) {
      aliases.add(written);
      e.aliases.push(written);
    }
    const ref: Reference = { entity: e.id, start: a, end: b, sentence: tokSentence[a]!, via, affiliationOf };
    references.push(ref);
    const list = refsByStart.get(a);
    if (list) list.push(ref);
    else refsByStart.set(a, [ref]);
  };

  // 1. Lexicon entities.
  // The agency of the dateline ("AZERTAC") is the source, not an entity of the story; other agency names
  // ("TAP" the pipeline) are left to the acronym finder.
  const agencyNames = new Set([fold(datelineAgency ?? '#')]);
  const hits = findGazetteer(tokens, lex).filter((h) => {
    // "Nabeela Tunis": a city name right after a given name is a surname.
    const before = tokens[h.start - 1];
    if (h.entry.kind === 'place' && h.end - h.start === 1 && before && before.kind === 'word' && before.cap && !before.upper && !lex.nameStop.has(before.fold) && !lex.gazetteer.matchAt(tokens, h.start - 1) && !lex.titles.matchAt(tokens, h.start - 1)) return false;
    // "Ambassador Baghdad Amreyev", "Mme Victoria Nuland": a city name used as a given name.
    if (h.entry.kind !== 'place' || h.end - h.start !== 1) return true;
    const prev = tokens[h.start - 1];
    const next = tokens[h.end];
    let titled = false;
    for (let k = Math.max(0, h.start - 5); k < h.start && !titled; k++) titled = lex.titles.matchAt(tokens, k)?.end === h.start;
    // ("… Special Envoy for Eurasian Affairs Gao Jun": a title's last word before the city name cues it too)
    const titleWord = !!prev && prev.cap && lex.nameStop.has(prev.fold) && prev.text.length > 3 && !FUNCTION_WORDS.has(prev.fold);
    const cued = !!prev && (lex.honorifics.matchAt(tokens, h.start - 1) !== null || titled || titleWord);
    // A city right before a capitalised word that is no title, institution or other entity is a given name
    // ("Victoria Lindqvist-Berg", "Gao Jun"): cities are followed by their institutions, not by names.
    const nameNext = !!next && next.kind === 'word' && next.cap && !next.upper && !lex.nameStop.has(next.fold) && !lex.gazetteer.matchAt(tokens, h.end);
    const locative = !!prev && ['in', 'at', 'a', 'au', 'de', 'from', 'to', 'en', 'vers', 'near'].includes(prev.fold);
    return !(nameNext && (cued || !locative));
  });
  for (const h of hits) {
    const { entry } = h;
    for (let k = h.start; k < h.end; k++) gaz[k] = true;
    const key = entry.kind === 'place' ? `place|${fold(entry.canonical)}` : `${entry.kind}|${entry.code}`;
    let e = byKey.get(key);
    const written = surface(h.start, h.end);
    if (!e) {
      const name = entry.kind === 'country' ? (entry.adjective ? lex.countryNames.get(entry.code) ?? entry.canonical : written) : written;
      e = newEntity(key, entry.kind === 'place' ? 'place' : entry.kind, name);
      e.code = entry.kind === 'place' ? undefined : entry.code;
      if (entry.kind === 'place') e.country = entry.code;
    } else if (!entry.adjective && entry.kind !== 'place' && written.length > e.name.length && entry.kind === 'organization') {
      // Best full form: "Organisation du traité de l'Atlantique Nord" over "OTAN".
      e.aliases.push(e.name);
      e.name = written;
      e.aliases = e.aliases.filter((a) => a !== written);
    } else if (entry.kind === 'country' && !entry.adjective && lex.countryNames.get(entry.code) === e.name && written !== e.name && e.mentions.length === 0) {
      e.name = written;
    }
    addMention(e, h.start, h.end, 'gazetteer');
  }

  // "l'Alliance", "the Alliance": NATO, in a text that names NATO.
  const nato = byKey.get('organization|NATO');
  if (nato) {
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (gaz[i] || t.text !== 'Alliance' || !["'", 'the', 'l'].includes(tokens[i - 1]!.fold) || tokens[i + 1]?.cap) continue;
      gaz[i] = true;
      addMention(nato, i, i + 1, 'gazetteer');
    }
  }

  // 2. Acronyms with their spelled-out form: "le plan d'action individuel pour le Partenariat (IPAP)".
  const headMap = heads(lex.lang).map;
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')') continue;
    const acr = tokens[i + 1]!;
    if (agencyNames.has(acr.fold)) continue; // "(APP)", "(Xinhua)": the dateline's agency
    if (acr.kind !== 'word' || acr.text.length < 2 || acr.text.length > 10 || !/^\p{Lu}/u.test(acr.text) || !/\p{Lu}.*\p{Lu}|^\p{Lu}\p{Ll}{1,3}$/u.test(acr.text)) continue;
    const sent = tokSentence[i]!;
    let a = i;
    while (a > 0 && tokSentence[a - 1] === sent && i - a < 14) {
      const p = tokens[a - 1]!;
      if (p.kind === 'punct' && p.text !== "'" && p.text !== '’' && p.text !== '`' && p.text !== '-') break;
      a--;
    }
    // Prefer the start whose capitalised words' initials spell the acronym.
    let start = -1;
    for (let s = i - 1; s >= a; s--) {
      const initials = tokens.slice(s, i).filter((t) => t.kind === 'word' && (t.cap || t.text.length > 3) && !LEADING_FUNCTION.has(t.fold)).map((t) => t.fold[0]).join('');
      if (initials === fold(acr.text) && tokens[s]!.kind === 'word') start = s;
    }
    if (start < 0) {
      start = a;
      while (start < i && (LEADING_FUNCTION.has(tokens[start]!.fold) || tokens[start]!.kind === 'punct')) start++;
    }
    if (start >= i) continue;
    const long = surface(start, i);
    if (/\d/.test(long) && !/\p{L}{4}/u.test(long)) continue;
    const existing = (refsByStart.get(i + 1) ?? []).find((r) => r.via === 'gazetteer');
    const longRef = refsIn(start, i).find((r) => r.via === 'gazetteer' && r.end <= i && r.end - r.start >= (i - start) / 2);
    let e: EntityDraft | undefined = existing ? byId.get(existing.entity) : longRef ? byId.get(longRef.entity) : undefined;
    if (!e) {
      const kind = headMap.get(tokens[start]!.fold) ?? (tokens[start]!.cap ? 'organization' : 'other');
      e = byKey.get(`acr|${acr.text}`) ?? newEntity(`acr|${acr.text}`, kind === 'other' && !tokens[start]!.cap ? 'programme' : kind, long);
      e.code ??= acr.text;
      byKey.set(`acr|${acr.text}`, e);
    }
    if (!e.expansion && fold(long) !== fold(acr.text)) e.expansion = long;
    for (let k = start; k <= i + 2; k++) gaz[k] = true;
    if (!longRef) addMention(e, start, i, 'acronym');
    if (!existing) addMention(e, i + 1, i + 2, 'acronym');
  }
  // Later bare uses of acronyms defined above, and other all-capital tokens (TANAP, COP29, FIAS).
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (gaz[i] || t.kind !== 'word' || !t.upper || t.text.length < 2 || t.text.length > 10) continue;
    if (agencyNames.has(t.fold)) continue;
    if (lex.honorifics.matchAt(tokens, i)) continue; // "SEM", "HE": honorifics, not acronyms
    let e = byKey.get(`acr|${t.text}`);
    const glued = tokens[i + 1]?.kind === 'number' && !tokens[i + 1]!.spaceBefore ? 2 : 1; // COP29
    if (!e) {
      // Upper-case words long enough to be surnames are left to the name finder.
      if (t.text.length >= 4 && /[AEIOUY]/.test(t.text) && glued === 1 && isNameContext(tokens, i)) continue;
      if (t.text.length < 3 && glued === 1) continue;
      const prev = tokens.slice(Math.max(0, i - 3), i).map((x) => x.fold);
      const kind: EntityKind = prev.some((w) => headMap.get(w) === 'programme') ? 'programme' : prev.some((w) => headMap.get(w) === 'organization') ? 'organization' : 'other';
      e = newEntity(`acr|${t.text}`, kind, surface(i, i + glued));
      e.code = surface(i, i + glued);
    }
    for (let k = i; k < i + glued; k++) gaz[k] = true;
    addMention(e, i, i + glued, 'acronym');
    i += glued - 1;
  }

  // 3. Named institutions: a capitalised head ("Institut", "University", "Fondation") and the capitalised words
  // joined to it ("Institut Royal des Relations Internationales").
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (gaz[i] || !t.cap || !INSTITUTION_HEADS.has(t.fold)) continue;
    let j = i + 1;
    let words = 1;
    let end = i + 1;
    while (j < tokens.length && j - i < 12) {
      const u = tokens[j]!;
      if (u.kind === 'word' && u.cap && !gaz[j] && !lex.calendarWords.has(u.fold)) {
        words++;
        j++;
        end = j;
        continue;
      }
      if (['de', 'des', 'du', 'd', "'", 'la', 'l', 'pour', 'et', 'for', 'of', 'the', 'and', 'on'].includes(u.fold) && tokenIsCapWord(tokens[j + 1]) ) {
        j++;
        continue;
      }
      if (['de', 'des', 'du', 'd', "'", 'la', 'l', 'pour', 'et', 'for', 'of', 'the', 'and', 'on'].includes(u.fold) && ['la', 'l', "'", 'the'].includes(tokens[j + 1]?.fold ?? '') && tokenIsCapWord(tokens[j + 2])) {
        j += 2;
        continue;
      }
      break;
    }
    if (words < 2) continue;
    const name = surface(i, end);
    const e = byKey.get(`name|${fold(name)}`) ?? newEntity(`name|${fold(name)}`, 'organization', name);
    for (let k = i; k < end; k++) gaz[k] = true;
    addMention(e, i, end, 'gazetteer');
    i = end - 1;
  }

  // English names end with their head: "Turkic Investment Fund", "Pacific Alliance", "Communist Party of China".
  if (lex.lang === 'en') {
    for (let i = 0; i < tokens.length; i++) {
      if (gaz[i] || !tokens[i]!.cap || tokens[i]!.kind !== 'word' || (i > 0 && tokens[i - 1]!.cap && !gaz[i - 1] && tokens[i - 1]!.kind === 'word')) continue;
      let j = i;
      let headAt = -1;
      while (j < tokens.length && j - i < 8) {
        const t = tokens[j]!;
        if (t.kind === 'word' && t.cap && !gaz[j]) {
          if (RIGHT_HEADS.has(t.fold)) headAt = j;
          j++;
          continue;
        }
        if (['of', 'for', 'and', 'the'].includes(t.fold) && tokens[j + 1]?.cap && headAt >= 0) {
          j++;
          continue;
        }
        break;
      }
      // the head ends the name, or is followed by "of <Country>" ("Communist Party of China")
      let end = headAt + 1;
      if (headAt >= 0 && tokens[headAt + 1]?.fold === 'of' && gaz[headAt + 2]) {
        end = headAt + 3;
        while (end < tokens.length && gaz[end]) end++;
      }
      if (headAt <= i || headAt - i > 5) continue;
      if (lex.titles.matchAt(tokens, i)) continue; // "Secretary General of the Council …" is a title
      const name = surface(i, end);
      const e = byKey.get(`name|${fold(name)}`) ?? newEntity(`name|${fold(name)}`, 'organization', name);
      for (let k = i; k < end; k++) gaz[k] = true;
      addMention(e, i, end, 'gazetteer');
      i = end - 1;
    }
  }

  // "@DrSJaishankar": a handle, not a name.
  for (let i = 1; i < tokens.length; i++) if (tokens[i - 1]!.text === '@' && !tokens[i]!.spaceBefore) gaz[i] = true;

  // 4. Persons.
  const runs: NameRun[] = [];
  const titles: TitlePhrase[] = [];
  const nameStart = tokens.map(() => false);
  const runWords = tokens.map(() => 0);
  for (const s of sentences) {
    const a = firstToken(tokens, s.start);
    const b = firstToken(tokens, s.end);
    const sr = findNameRuns(tokens, lex, gaz, a, b);
    runs.push(...sr);
    for (const r of sr) {
      nameStart[r.start] = true;
      runWords[r.start] = tokens.slice(r.start, r.end).filter((t) => t.kind === 'word').length;
    }
    titles.push(...findTitles(tokens, lex, { gaz, nameStart, runWords }, a, b));
  }
  const honorificEndingAt = (end: number): number => {
    // farthest first: the longest honorific ending here ("Dato' Seri", not "Seri")
    for (let back = 4; back >= 1; back--) {
      const s = end - back;
      if (s < 0) continue;
      const m = lex.honorifics.matchAt(tokens, s);
      if (m && m.end === end) return s;
      if (m && tokens[m.end]?.text === '.' && m.end + 1 === end) return s;
    }
    return -1;
  };
  /** Start of the honorifics right before a name, chained ("Dato' Seri", "H.E. Sheikh"), or -1. */
  const honorificBefore = (r: NameRun): number => {
    let s = honorificEndingAt(r.start);
    for (let k = s; k > 0 && r.start - k <= 8; ) {
      k = honorificEndingAt(k);
      if (k >= 0) s = k;
    }
    return s;
  };
  const titleOf = new Map<number, string>();
  const attachedTitles = new Set<TitlePhrase>();
  const personOfRun = new Map<NameRun, EntityDraft>();
  const entityOfTitle = (tp: TitlePhrase): { country?: string; org?: string } => {
    for (const r of refsIn(tp.start, tp.end)) {
      if (r.via !== 'gazetteer' && r.via !== 'acronym') continue;
      if (r.start < tp.start || r.end > tp.end) continue;
      const prev = tokens[r.start - 1]?.fold;
      const prev2 = tokens[r.start - 2]?.fold;
      if (r.start >= tp.headEnd && (POSTING.has(prev ?? '') || (prev === 'de' && prev2 === 'aupres') || (prev === "'" && POSTING.has(prev2 ?? '')) || (prev === 'l' && tokens[r.start - 2]?.text === "'" && false))) continue;
      if ((prev === "'" || prev === 'l' || prev === 'la' || prev === 'le' || prev === 'the') && ['aupres', 'to', 'in'].includes(tokens[r.start - (prev === "'" ? 3 : 2)]?.fold ?? '')) continue;
      const e = byId.get(r.entity)!;
      if (e.kind === 'country') return { country: e.code };
      if (e.kind === 'organization') return { org: e.code };
      if (e.kind === 'place' && e.country) return { country: e.country };
    }
    return {};
  };
  /**
   * "a Turkish delegation led by Deputy Foreign Minister X", "une délégation turque conduite par le vice-ministre X":
   * the state of the delegation a person leads (the title alone says nothing of it).
   */
  const delegationOf = (s: number): string | null => {
    let k = s - 1;
    if (['le', 'la', 'l', "'", 'the'].includes(tokens[k]?.fold ?? '')) k--;
    if (tokens[k]?.text === "'") k--;
    if (!['by', 'par'].includes(tokens[k]?.fold ?? '') || !LED_BY.has(tokens[k - 1]?.fold ?? '')) return null;
    const from = Math.max(0, k - 7);
    let hasDelegation = false;
    for (let i = from; i < k - 1; i++) if (tokens[i]!.fold === 'delegation') hasDelegation = true;
    if (!hasDelegation) return null;
    for (const r of refsIn(from, k - 1)) {
      const e = byId.get(r.entity);
      if (e?.kind === 'country') return e.code ?? null;
    }
    return null;
  };
  const titleText = (tp: TitlePhrase): string => {
    // The function as written, without the country/organisation it carries ("ministre des Affaires étrangères").
    let a = tp.start;
    let b = tp.end;
    while (a < tp.headStart && gaz[a]) a++;
    while (a < tp.headStart && (tokens[a]!.text === "'" || tokens[a]!.fold === 's')) a++;
    // trailing "de l'Azerbaïdjan", "of NATO"
    let k = b;
    while (k > tp.headEnd && gaz[k - 1]) k--;
    if (k < b) {
      let c = k;
      while (c > tp.headEnd && ['de', 'du', 'des', 'd', "'", 'la', 'l', 'of', 'the'].includes(tokens[c - 1]!.fold)) c--;
      if (c < k && c >= tp.headEnd) b = c;
    }
    while (b > tp.headEnd && ['aupres', 'de', 'du', 'des', 'd', "'", 'la', 'l', 'of', 'the', 'to', 'en', 'in', 'pour', 'for', 'et', 'and'].includes(tokens[b - 1]!.fold)) b--;
    let out = '';
    for (let i = a; i < b; i++) {
      // "ministre azerbaïdjanais des …", "ministre sud-africaine des …": the adjective of nationality goes to `country`.
      if (i >= tp.headEnd && gaz[i] && lex.lang === 'fr' && !tokens[i]!.cap) {
        let j = i;
        while (j < b && gaz[j]) j++;
        if (j < b) {
          i = j - 1;
          continue;
        }
      }
      out += (out && tokens[i]!.spaceBefore ? ' ' : '') + tokens[i]!.text;
    }
    return out.replace(/\s+/g, ' ').trim();
  };

  const makePerson = (r: NameRun, tp: TitlePhrase | null, conf: 'cue' | 'shape'): EntityDraft => {
    const words = tokens.slice(r.start, r.end).filter((t) => t.kind === 'word').map((t) => t.fold);
    const keys = nameKeys(words);
    let e = findPerson(entities, keys, words);
    if (!e) {
      e = newEntity(`person|${keys[0]}|${nextId}`, 'person', surface(r.start, r.end));
      e.keys = keys;
      (e as EntityDraft & { conf?: string }).conf = conf;
    } else {
      const written = surface(r.start, r.end);
      if (words.length > e.name.split(/\s+/).length) {
        if (!e.aliases.includes(e.name)) e.aliases.push(e.name);
        e.name = written;
      }
      for (const k of keys) if (!e.keys.includes(k)) e.keys.push(k);
    }
    if (tp) attachTitle(e, tp);
    return e;
  };
  const attachTitle = (e: EntityDraft, tp: TitlePhrase) => {
    attachedTitles.add(tp);
    for (let k = tp.start; k < tp.end; k++) titleOf.set(k, e.id);
    if (tp.role === 'counterpart') {
      const { country, org } = entityOfTitle(tp);
      if (country && !e.country) e.country = country;
      if (org && !e.org) e.org = org;
      if (!e.roles.includes('counterpart')) e.roles.push('counterpart');
      return;
    }
    const { country, org } = entityOfTitle(tp);
    const t = titleText(tp);
    if (!e.title || (t.length > e.title.length && !e.title.includes(t))) {
      e.title = t;
      e.role = tp.role;
    }
    for (const r of tp.roles) if (!e.roles.includes(r)) e.roles.push(r);
    if (country && !e.country) e.country = country;
    if (org && !e.org) e.org = org;
  };

  runs.sort((x, y) => x.start - y.start);
  // Look-ups by token position (linear on long texts).
  const titleByEnd = new Map<number, TitlePhrase>();
  const titleByStart = new Map<number, TitlePhrase>();
  for (const tp of titles) {
    if (!titleByEnd.has(tp.end)) titleByEnd.set(tp.end, tp);
    if (!titleByStart.has(tp.start)) titleByStart.set(tp.start, tp);
    if (!titleByStart.has(tp.headStart)) titleByStart.set(tp.headStart, tp);
  }
  // A name right after a facility noun names the facility ("l'aéroport international Félix Houphouët-Boigny").
  for (let k = runs.length - 1; k >= 0; k--) {
    const r = runs[k]!;
    const prev = [tokens[r.start - 1], tokens[r.start - 2]].map((t) => t?.fold ?? '');
    if (prev.some((w) => FACILITIES.has(w))) {
      for (let i = r.start; i < r.end; i++) gaz[i] = true;
      runs.splice(k, 1);
    }
  }
  const runStarts = new Set(runs.map((r) => r.start));
  const runAt = new Map(runs.map((r) => [r.start, r]));
  const runEnds = new Set(runs.map((r) => r.end));
  /** The title in apposition right after a run (", ministre norvégien des Affaires étrangères"), if any. */
  const appositionAfter = (r: NameRun | undefined): TitlePhrase | undefined => {
    if (!r || tokens[r.end]?.text !== ',') return undefined;
    let k = r.end + 1;
    while (k < tokens.length && ['le', 'la', 'l', "'", 'the', 'a', 'an', 'un', 'une'].includes(tokens[k]!.fold) && k - r.end < 4) k++;
    return titleByStart.get(k);
  };
  // Pass 1: names with a cue — honorific, a title right before, or a title in apposition right after.
  for (const r of runs) {
    const hon = honorificBefore(r);
    const nameStart = hon >= 0 ? hon : r.start;
    let before = titleByEnd.get(nameStart) ?? (tokens[nameStart - 1]?.text === ',' ? titleByEnd.get(nameStart - 1) : undefined);
    // "A, ministre norvégien …, B, ministre chilienne …": a title after another name's comma is that name's when
    // this one has its own.
    if (before && tokens[nameStart - 1]?.text === ',' && !titleByEnd.get(nameStart) && tokens[before.start - 1]?.text === ',' && runEnds.has(before.start - 1) && appositionAfter(r)) before = undefined;
    let after: TitlePhrase | undefined;
    const next = tokens[r.end];
    if (next && (next.text === ',' || next.text === '(')) {
      let k = r.end + 1;
      while (k < tokens.length && ['le', 'la', 'l', "'", 'the', 'a', 'an', 'un', 'une', 'who', 'qui', 'is', 'est', 'currently', 'actuel', 'actuelle'].includes(tokens[k]!.fold) && k - r.end < 5) k++;
      after = titleByStart.get(k);
      // "…, Douglas Whitfield, le secrétaire général de l'OCI, Hissein Taha": a title followed by a comma and
      // a name introduces that next name; it is not this one's apposition. So does a title followed right away by
      // a name ("…, Foreign Ministry spokeswoman Maria Zakharova said").
      if (after && tokens[after.end]?.text === ',' && runStarts.has(after.end + 1) && !appositionAfter(runAt.get(after.end + 1))) after = undefined;
      if (after && runStarts.has(after.end)) after = undefined;
    }
    const words = tokens.slice(r.start, r.end).filter((t) => t.kind === 'word').length;
    const known = findPerson(entities, nameKeys(tokens.slice(r.start, r.end).filter((t) => t.kind === 'word').map((t) => t.fold)), []);
    if (hon >= 0 || before || after || known) {
      const e = makePerson(r, before ?? after ?? null, 'cue');
      if (before && after && after !== before) attachTitle(e, after);
      // "my Turkish counterpart, Foreign Minister X": the counterpart before the title says X's state.
      let comma = before ? before.start - 1 : -1;
      if (comma > 0 && ['le', 'la', 'the'].includes(tokens[comma]!.fold)) comma--;
      else if (comma > 1 && tokens[comma]!.text === "'" && tokens[comma - 1]!.fold === 'l') comma -= 2;
      const outer = before && tokens[comma]?.text === ',' ? titleByEnd.get(comma) : undefined;
      if (outer && outer !== before && outer.role === 'counterpart') attachTitle(e, outer);
      const led = !e.country && !e.org ? delegationOf(before ? before.start : nameStart) : null;
      if (led) e.country = led;
      // "Foreign Minister X of Costa Rica", "le ministre X du Mali": the state right after the name.
      if (before && !e.country && !e.org && ['of', 'du', 'de'].includes(tokens[r.end]?.fold ?? '')) {
        let k = r.end + 1;
        if (['the', 'la', 'l', "'"].includes(tokens[k]?.fold ?? '')) k++;
        if (tokens[k]?.text === "'") k++;
        const st = (refsByStart.get(k) ?? []).map((x) => byId.get(x.entity)).find((x) => x?.kind === 'country');
        if (st?.code) e.country = st.code;
      }
      personOfRun.set(r, e);
      addMention(e, r.start, r.end, 'name');
      for (const tp of [before, after]) if (tp) for (const ref of refsIn(tp.start, tp.end)) if (ref.end <= tp.end && ref.via !== 'name') ref.affiliationOf = e.id;
    } else if (words >= 2 && ['at', 'au', 'dans', 'inside'].includes(tokens[r.start - 1]?.fold ?? '')) {
      // "at Perdana Putra", "au Palais …": a venue
    } else if (words >= 2) {
      // Two or more capitalised words with no cue: a person when nothing says otherwise.
      const t0 = tokens[r.start]!;
      const orgLike = headMap.get(t0.fold) === 'organization' || headMap.get(t0.fold) === 'programme';
      const head = tokens[r.start - 1];
      if (head && head.cap && headMap.has(head.fold)) {
        // "Institut Royal des Relations Internationales": an institution's name, not a person's.
        const name = surface(r.start - 1, r.end);
        const e = byKey.get(`name|${fold(name)}`) ?? newEntity(`name|${fold(name)}`, headMap.get(head.fold) === 'programme' ? 'programme' : 'organization', name);
        for (let k = r.start - 1; k < r.end; k++) gaz[k] = true;
        addMention(e, r.start - 1, r.end, 'gazetteer');
      } else if (!orgLike) {
        const e = makePerson(r, null, 'shape');
        personOfRun.set(r, e);
        addMention(e, r.start, r.end, 'name');
      }
    }
  }
  // Pass 2: single surnames and short forms of persons found above ("Mammadyarov", "M. Bayramov").
  for (const r of runs) {
    if (personOfRun.has(r)) continue;
    const words = tokens.slice(r.start, r.end).filter((t) => t.kind === 'word').map((t) => t.fold);
    const e = findPerson(entities, nameKeys(words), []);
    if (e) {
      personOfRun.set(r, e);
      addMention(e, r.start, r.end, 'name');
    } else if (honorificBefore(r) >= 0) {
      const p = makePerson(r, null, 'cue');
      personOfRun.set(r, p);
      addMention(p, r.start, r.end, 'name');
    }
  }
  const persons = () => entities.filter((e) => e.kind === 'person');
  // Persons with a domestic title and no stated country speak for the agency's state (AZERTAC → AZE).
  for (const p of persons()) {
    if (!p.country && !p.org && p.role && isDomestic(p.role) && agencyCountry) p.country = agencyCountry;
  }
  // Mentions before a token: sorted per person once, kept sorted as title mentions are added.
  const sortedMentions = new Map<string, number[]>();
  const mentionList = (p: EntityDraft): number[] => {
    let l = sortedMentions.get(p.id);
    if (!l) sortedMentions.set(p.id, (l = [...p.mentionTokens].sort((x, y) => x - y)));
    return l;
  };
  const lastBefore = (p: EntityDraft, at: number): number => {
    const l = mentionList(p);
    let lo = 0;
    let hi = l.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (l[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? l[lo - 1]! : -1;
  };
  const noteMention = (p: EntityDraft, at: number) => {
    const l = mentionList(p);
    let i = l.length;
    while (i > 0 && l[i - 1]! > at) i--;
    l.splice(i, 0, at);
  };
  // Pass 3: bare titles ("le ministre", "la cheffe de la diplomatie azerbaïdjanaise", "the Secretary-General").
  const unnamedTitles: EntityResult['unnamedTitles'] = [];
  // Where persons' mentions start and end (character offsets), read once when an apposition is looked for.
  let personEdges: { ends: Set<number>; starts: Set<number> } | null = null;
  for (const tp of titles) {
    if (attachedTitles.has(tp)) continue;
    // Titles inside another title's complement ("du ministre des Affaires étrangères de Belgique") are not references.
    if (titleOf.has(tp.headStart)) continue;
    const { country, org } = entityOfTitle(tp);
    if (tp.role === 'counterpart') {
      // "son homologue algérien": the person of that country named in the text.
      let same = country ? persons().filter((p) => p.country === country && lastBefore(p, tp.headStart) >= 0) : [];
      if (same.length > 1) {
        // The counterpart holds the same kind of office as the foreigner in whose clause it appears.
        const other = persons()
          .filter((p) => p.country !== country && lastBefore(p, tp.headStart) >= 0)
          .sort((a, b) => lastBefore(b, tp.headStart) - lastBefore(a, tp.headStart))[0];
        if (other?.role) same = same.filter((p) => p.role === other.role || sameFamily(p.role!, other.role));
      }
      if (same.length === 1) {
        for (let k = tp.start; k < tp.end; k++) titleOf.set(k, same[0]!.id);
        addMention(same[0]!, tp.headStart, tp.end, 'title');
        noteMention(same[0]!, tp.headStart);
        for (const ref of refsIn(tp.start, tp.end)) if (ref.end <= tp.end && ref.via !== 'title') ref.affiliationOf = same[0]!.id;
      } else if (country) {
        const ent = entities.find((e) => e.kind === 'country' && e.code === country);
        unnamedTitles.push({ phrase: tp, sentence: tokSentence[tp.headStart]!, entity: ent?.id ?? null });
      }
      continue;
    }
    const s = tokSentence[tp.headStart]!;
    const prevTok = tokens[tp.start - 1];
    // "du ministre", "de l'ambassadeur": a title governed by a preposition is usually part of another phrase.
    const governed = prevTok && ['du', 'des', 'of'].includes(prevTok.fold);
    const before = (p: EntityDraft) => lastBefore(p, tp.headStart) >= 0;
    let candidates = persons().filter((p) => {
      // "la cheffe de la diplomatie sud-africaine" for a "ministre des Relations internationales" of South Africa:
      // with the country or organisation given, the role family is enough.
      // ("his Uruguayan counterpart, X … The Uruguayan minister": a counterpart holds the office of the one he meets.)
      const matches = [p.role, ...p.roles].some((r) => roleMatches(tp.role, r) || ((country || org) && (sameFamily(tp.role, r) || r === 'counterpart')));
      if (!matches) return false;
      if (country && p.country !== country) return false;
      if (org && p.org !== org) return false;
      return before(p);
    });
    // Only a title opening its sentence, where it names who acts: an unnamed official in object position
    // ("a rencontré la ministre indonésienne") is someone else.
    const opensSentence = tp.start - firstToken(tokens, sentences[tokSentence[tp.headStart]!]!.start) <= 2;
    if (!candidates.length && (country || org) && opensSentence) {
      // Nobody of that state yet: a person of a like office (a deputy only for a deputy) whose state the text has
      // not said ("le conseiller fédéral Ignazio Cassis … le chef de la diplomatie suisse").
      const deputy = (r: string) => r.startsWith('deputy_');
      candidates = persons().filter((p) => !p.country && !p.org && p.roles.some((r) => r === tp.role || (sameFamily(tp.role, r) && deputy(r) === deputy(tp.role))) && before(p));
    }
    // A bare "le ministre" in an agency's copy is the agency's own minister when several could be meant.
    if (!country && !org && agencyCountry && candidates.filter((p) => p.country === agencyCountry).length >= 1 && candidates.length > 1) {
      candidates = candidates.filter((p) => p.country === agencyCountry);
    }
    // The most recently mentioned candidate.
    let best: EntityDraft | null = null;
    let bestPos = -1;
    for (const p of candidates) {
      const pos = lastBefore(p, tp.headStart);
      if (pos > bestPos) {
        best = p;
        bestPos = pos;
      }
    }
    // A title opening its sentence names who acts: in the sentence that named the candidates last, the one named
    // first, its subject, rather than its object ("A s'est entretenu avec le ministre B. De même, le ministre a
    // rencontré …" is A).
    const s0 = firstToken(tokens, sentences[tokSentence[tp.headStart]!]!.start);
    const det = ['le', 'la', 'l', "'", 'the'].includes(tokens[tp.start - 1]?.fold ?? '') ? 1 : 0;
    const leads = opensSentence || (tokens[tp.start - 1 - det]?.text === ',' && tp.start - s0 <= 6); // "De même, le ministre …"
    if (best && leads && candidates.length > 1 && !country && !org) {
      const bs = tokSentence[bestPos];
      const firstIn = (p: EntityDraft) => p.mentionTokens.filter((t) => tokSentence[t] === bs).sort((x, y) => x - y)[0] ?? Infinity;
      const opener = persons().filter((p) => p.mentionTokens.some((t) => tokSentence[t] === bs)).sort((x, y) => firstIn(x) - firstIn(y))[0];
      if (opener && opener !== best && candidates.includes(opener)) best = opener;
    }
    if (!best && !governed && (country || org)) {
      // Named only later ("La cheffe de la diplomatie belge … Mme Lahbib"): the one person of that state or
      // organisation holding such an office.
      const later = persons().filter((p) => (country ? p.country === country : p.org === org) && [p.role, ...p.roles].some((r) => roleMatches(tp.role, r) || sameFamily(tp.role, r)));
      if (later.length === 1) best = later[0]!;
      else if (!later.length && opensSentence) {
        // Or only by a surname later, without title or state ("Le ministre kazakh des Affaires étrangères a tenu
        // … le porte-parole de M. Seitkali"): the one person the text names so and nowhere else.
        // Not when the sentence names another official without a name ("L'ambassadeur de France a rencontré le
        // ministre kazakh … M. Seitkali"): either could be meant.
        const bare = persons().filter((p) => !p.country && !p.org && !p.role && !p.roles.length && !p.name.includes(' ') && lastBefore(p, tp.headStart) < 0);
        // (A title in apposition to a name, ", son homologue pour le Mexique", is that person's.)
        const apposed = (o: TitlePhrase) => {
          const a = tokens[o.start]!.start;
          const b = tokens[o.end - 1]!.end;
          if (!personEdges) {
            personEdges = { ends: new Set(), starts: new Set() };
            for (const p of persons()) {
              for (const m of p.mentions) {
                personEdges.ends.add(m.end);
                personEdges.starts.add(m.start);
              }
            }
          }
          for (let x = Math.max(0, a - 12); x <= a; x++) if (personEdges.ends.has(x) && APPOSITION_GAP.test(text.slice(x, a))) return true;
          for (let y = b; y <= b + 12; y++) if (personEdges.starts.has(y) && APPOSITION_GAP.test(text.slice(b, y))) return true;
          return false;
        };
        const rival = () => titles.some((o) => o !== tp && tokSentence[o.headStart] === s && !attachedTitles.has(o) && !titleOf.has(o.headStart) && (o.end <= tp.start || o.start >= tp.end) && !apposed(o));
        if (bare.length === 1 && !rival()) {
          best = bare[0]!;
          attachTitle(best, tp); // the title is all the text says of the office: it is the person's
        }
      }
    }
    if (best && !governed && !best.country && !best.org) {
      // "la ministre des Affaires étrangères Hadja Lahbib … La cheffe de la diplomatie belge": the title says
      // which state she speaks for.
      if (country) best.country = country;
      else if (org) best.org = org;
    }
    if (best && !governed) {
      for (let k = tp.start; k < tp.end; k++) titleOf.set(k, best.id);
      addMention(best, tp.headStart, tp.end, 'title');
      noteMention(best, tp.headStart);
      for (const ref of refsIn(tp.start, tp.end)) if (ref.end <= tp.end && ref.via !== 'title') ref.affiliationOf = best.id;
    } else if (!governed) {
      const ent = country ? entities.find((e) => e.kind === 'country' && e.code === country) : org ? entities.find((e) => e.kind === 'organization' && e.code === org) : null;
      unnamedTitles.push({ phrase: tp, sentence: s, entity: ent?.id ?? (isDomestic(tp.role) && agencyCountry ? `country:${agencyCountry}` : null) });
    }
  }
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start);
  return { entities, references, titleOf, unnamedTitles };
}

/** What may stand between a name and its apposed title: punctuation and a determiner ("X, son homologue …"). */
const APPOSITION_GAP = /^[\s,:(–-]*(?:(?:son|sa|ses|leur|le|la|l'|les|his|her|their|its|the)\s*)?$/iu;

const FUNCTION_WORDS = new Set(['dans', 'avec', 'pour', 'from', 'with', 'into', 'onto', 'upon', 'after', 'before', 'during', 'since', 'until', 'while', 'when', 'where', 'selon', 'depuis', 'vers', 'chez', 'entre', 'sous', 'sans', 'this', 'that', 'these', 'those', 'their', 'leur', 'leurs', 'cette']);

const FACILITIES = new Set(['aeroport', 'airport', 'stade', 'stadium', 'avenue', 'rue', 'boulevard', 'place', 'square', 'street', 'lycee', 'ecole', 'hopital', 'hospital', 'pont', 'bridge', 'port', 'barrage', 'dam', 'gare', 'station', 'mosquee', 'mosque', 'cathedrale', 'musee', 'museum', 'bibliotheque', 'library', 'centre', 'center', 'palais', 'palace', 'residence', 'villa', 'salle', 'hall', 'complexe', 'complex', 'boulevard', 'autoroute', 'highway']);

// Heads of institution names that are not themselves a country's government.
const INSTITUTION_HEADS = new Set(['institut', 'universite', 'fondation', 'centre', 'academie', 'forum', 'association', 'federation', 'ligue', 'alliance', 'coalition', 'parti', 'mouvement', 'banque', 'fonds', 'agence', 'organisation', 'union', 'conseil', 'comite', 'commission', 'assemblee', 'parlement', 'cour', 'tribunal', 'chambre', 'communaute', 'groupe',
  'institute', 'university', 'foundation', 'center', 'academy', 'league', 'party', 'movement', 'bank', 'fund', 'agency', 'organization', 'council', 'committee', 'assembly', 'parliament', 'court', 'chamber', 'community', 'group']);

// Heads that end an English institution's name; forums, commissions and councils are more often meetings.
const RIGHT_HEADS = new Set(['fund', 'alliance', 'party', 'movement', 'institute', 'foundation', 'association', 'bank', 'agency', 'organization', 'organisation', 'union', 'league', 'front', 'coalition', 'university', 'academy']);

function tokenIsCapWord(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && t.cap;
}

function isDomestic(role: string): boolean {
  return ['head_of_state', 'head_of_government', 'foreign_minister', 'minister', 'assistant', 'adviser', 'spokesperson', 'parliament_speaker', 'deputy_minister', 'deputy_foreign_minister', 'deputy_head_of_government', 'chief_of_staff', 'vice_president', 'monarch', 'crown_prince'].includes(role);
}

const NAME_PARTICLES = new Set(['de', 'da', 'do', 'dos', 'del', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'ben', 'bin', 'ibn', 'al', 'el', 'ould']);

/** An upper-case word next to other name words (skipping particles): a surname printed in capitals (DIALLO, BEN SALEM). */
function isNameContext(tokens: Token[], i: number): boolean {
  const nameLike = (t: Token | undefined) => !!t && t.kind === 'word' && t.cap && (!t.upper || (t.text.length >= 3 && /[AEIOUY]/.test(t.text)));
  let p = i - 1;
  while (p >= 0 && NAME_PARTICLES.has(tokens[p]!.fold) && i - p < 4) p--;
  let n = i + 1;
  while (n < tokens.length && NAME_PARTICLES.has(tokens[n]!.fold) && n - i < 4) n++;
  return nameLike(tokens[p]) || nameLike(tokens[n]);
}

function firstToken(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findPerson(entities: EntityDraft[], keys: string[], words: string[]): EntityDraft | undefined {
  if (keys.length === 0) return undefined;
  const full = keys[0]!;
  const last = words.length ? words[words.length - 1]! : full.split(' ').pop()!;
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    if (e.keys.includes(full)) return e;
  }
  // A single word or "Given Surname" whose surname is a known person's surname.
  const single = full.split(' ').length === 1;
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const eLast = e.keys[1] ?? e.keys[0];
    if (eLast && (eLast === last || eLast === full) && full.split(' ').length <= 4) {
      // Different given names with the same surname are different people ("Geneviève Tremblay-Roy" is not
      // "Maxime Le Roy"), unless one name holds the other's first word ("Abdulrahman Al Thani" in "Mohammed bin
      // Abdulrahman Al Thani").
      const given = full.split(' ');
      const eGiven = e.keys[0]!.split(' ');
      if (given.length >= 2 && eGiven.length >= 2 && given[0] !== eGiven[0] && given[0]!.length > 2 && eGiven[0]!.length > 2 && !eGiven.includes(given[0]!) && !given.includes(eGiven[0]!)) continue;
      return e;
    }
  }
  // Names written surname first (Wang Yi, Kwon Seo-yeon, Nguyen Thanh Vinh): "M. Wang" is Wang Yi.
  if (single) {
    const hits = entities.filter((e) => e.kind === 'person' && e.keys[0]!.split(' ').length >= 2 && e.keys[0]!.split(' ')[0] === full);
    if (hits.length === 1) return hits[0];
  }
  return undefined;
}

export { firstToken };
