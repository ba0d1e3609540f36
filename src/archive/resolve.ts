// Cross-dispatch entity resolution: pure functions deciding whether an entity read in one dispatch is an entity the
// archive already knows. Every store calls them inside its save transaction; every decision carries its reason.
//
// Persons are matched on a transliteration-folding key: French, English and Azerbaijani spellings of one name
// ("Djeyhoun Baïramov", "Jeyhun Bayramov", "Ceyhun Bayramov") fold to one key, and two persons with one key are
// joined only when the countries and organisations they speak for do not disagree. States are matched by ISO3,
// organisations by code (the extraction already reads "OTAN" as NATO).
import type { Entity, EntityKind } from '../types.ts';

/** An entity as one dispatch read it. */
export type LocalEntity = Pick<Entity, 'kind' | 'name' | 'code' | 'country' | 'org' | 'title'> & { aliases?: string[] };

/** An archive entity offered as a match, with the keys it is indexed under. */
export interface Candidate {
  id: number;
  kind: EntityKind;
  name: string;
  code: string | null;
  country: string | null;
  org: string | null;
  /** The keys (from `resolutionKeys`) under which this candidate was found. */
  matched: string[];
}

export interface Resolution {
  /** The archive entity to join, or null for a new one. */
  entity: number | null;
  reason: string;
}

/** Organisation codes that are other languages' forms of one code (the extraction's data mostly canonicalises). */
const ORG_ALIASES: Record<string, string> = { OTAN: 'NATO', UE: 'EU', ONU: 'UN', OSCE: 'OSCE', OCS: 'SCO', OCI: 'OIC', CEI: 'CIS', OTSC: 'CSTO' };

export function canonicalCode(kind: EntityKind, code: string | null | undefined): string | null {
  if (!code) return null;
  const c = code.trim().toUpperCase();
  return kind === 'organization' ? ORG_ALIASES[c] ?? c : c;
}

// Letters that Unicode decomposition does not reduce to a Latin base letter.
const SPECIAL: Record<string, string> = { ı: 'i', ə: 'a', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th' };

/** Lower case, no diacritics, special letters spelled out. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıəøæœßđłþ]/g, (c) => SPECIAL[c] ?? c)
    .replace(/[’`´ʼ‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

// One spelling per sound across French, English, Russian and Azerbaijani/Turkish romanisations (Azerbaijani c is
// English j, q is g, x is kh). Longer graphemes first: the alternation is tried left to right at each position (a
// plain alternation of literals: linear time).
const GRAPHEMES: [string, string][] = [
  ['dzh', 'j'], ['tch', 'ch'], ['sch', 'ch'],
  ['dj', 'j'], ['zh', 'j'], ['sh', 'ch'], ['ch', 'ch'], ['kh', 'kh'], ['ph', 'f'], ['ck', 'k'],
  ['x', 'kh'], ['c', 'j'], ['q', 'g'], ['w', 'v'], ['y', 'i'],
];
const GRAPHEME_MAP = new Map(GRAPHEMES);
const GRAPHEME_RE = new RegExp(GRAPHEMES.map(([g]) => g).join('|'), 'g');

/** The transliteration-folding key of one name token: "Baïramov", "Bayramov" → "b*r*m*v". */
export function tokenKey(token: string): string {
  let s = foldName(token).replace(/[^a-z]/g, '');
  if (s.endsWith('ff')) s = s.slice(0, -2) + 'v'; // "Lavroff", the old French spelling of -ov
  s = s.replace(GRAPHEME_RE, (g) => GRAPHEME_MAP.get(g) ?? g);
  // Double letters are single ("Mammadyarov" = "Mamadyarov"), then every vowel run is one slot: ou/u, ï/y/i,
  // a/ə/e ("Mammadyarov" = "Mamedyarov") and -ov/-ev ("Aliyev" = "Aliev") all fold.
  let out = '';
  for (const ch of s) if (out.charAt(out.length - 1) !== ch) out += ch;
  return out.replace(/[aeiou]+/g, '*');
}

/** Name tokens that count for matching: initials ("J.") and particles joined by hyphens are split off. */
export function nameTokens(name: string): string[] {
  return foldName(name)
    .split(/[\s\-‐‑–—.'’]+/)
    .filter((t) => /[a-z]/.test(t) && t.replace(/[^a-z]/g, '').length > 1);
}

/** The transliteration key of a full name: one key per token, in order. */
export function personKey(name: string): string {
  return nameTokens(name).map(tokenKey).join(' ');
}

/** The keys an archive indexes an entity under, strongest first. */
export function resolutionKeys(e: LocalEntity): string[] {
  const code = canonicalCode(e.kind, e.code);
  switch (e.kind) {
    case 'country':
      return code ? [`country:${code}`] : [`country-name:${foldName(e.name)}`];
    case 'organization':
      return code ? [`org:${code}`] : [`org-name:${foldName(e.name)}`];
    case 'person': {
      const tokens = nameTokens(e.name);
      const keys: string[] = [`pin:person:${foldName(e.name)}`];
      if (tokens.length >= 2) keys.push(`person:${tokens.map(tokenKey).join(' ')}`);
      if (tokens.length >= 1) keys.push(`surname:${tokenKey(tokens[tokens.length - 1]!)}`);
      return keys;
    }
    default:
      return [`${e.kind}:${foldName(e.name)}`];
  }
}

/** The key a user correction pins an exact name form to (see `entities merge`, `entities split`). */
export function pinKey(kind: EntityKind, name: string): string {
  return `pin:${kind}:${foldName(name)}`;
}

/** Whether two entities' countries and organisations leave room for one person; why not when they do not. */
export function agreement(a: { country?: string | null; org?: string | null }, b: { country?: string | null; org?: string | null }): { ok: boolean; why: string } {
  const why: string[] = [];
  if (a.country && b.country) {
    if (a.country !== b.country) return { ok: false, why: `countries differ (${a.country}, ${b.country})` };
    why.push(`same country ${a.country}`);
  } else if (a.country || b.country) why.push(`country ${a.country ?? b.country} on one side only`);
  if (a.org && b.org) {
    if (a.org !== b.org) return { ok: false, why: `organisations differ (${a.org}, ${b.org})` };
    why.push(`same organisation ${a.org}`);
  } else if (a.org || b.org) why.push(`organisation ${a.org ?? b.org} on one side only`);
  return { ok: true, why: why.join(', ') || 'no country or organisation on either side' };
}

/** Prefers candidates that agree on more (same country and organisation over one side only), then the oldest. */
function closeness(e: LocalEntity, c: Candidate): number {
  let n = 0;
  if (e.country && c.country === e.country) n += 2;
  if (e.org && c.org === e.org) n += 2;
  if (!e.country !== !c.country) n -= 1;
  return n;
}

/** Decides which archive entity, among the candidates found under `resolutionKeys(e)`, a dispatch's entity is. */
export function resolve(e: LocalEntity, candidates: Candidate[]): Resolution {
  const sameKind = candidates.filter((c) => c.kind === e.kind);
  const keys = resolutionKeys(e);
  const pinned = sameKind.filter((c) => c.matched.some((k) => k.startsWith('pin:')));
  if (pinned.length) return { entity: pinned[0]!.id, reason: `name form "${e.name}" pinned to this entity by a user correction` };
  if (e.kind === 'country' || e.kind === 'organization') {
    const code = canonicalCode(e.kind, e.code);
    const hit = sameKind.find((c) => c.matched.includes(keys[0]!));
    if (!hit) return { entity: null, reason: code ? `first ${e.kind} with code ${code}` : `first ${e.kind} named "${e.name}"` };
    return { entity: hit.id, reason: code ? `same ${e.kind === 'country' ? 'ISO3 code' : 'organisation code'} ${code}` : `same name "${e.name}" (accents and case aside)` };
  }
  if (e.kind !== 'person') {
    const hit = sameKind.find((c) => c.matched.includes(keys[0]!) && (e.kind !== 'place' || agreement(e, c).ok));
    return hit ? { entity: hit.id, reason: `same ${e.kind} name "${e.name}" (accents and case aside)` } : { entity: null, reason: `first ${e.kind} named "${e.name}"` };
  }
  const full = keys.find((k) => k.startsWith('person:'));
  const surname = keys.find((k) => k.startsWith('surname:'))!;
  const ranked = (list: Candidate[]) => list.map((c) => ({ c, a: agreement(e, c) })).filter((x) => x.a.ok).sort((x, y) => closeness(e, y.c) - closeness(e, x.c) || x.c.id - y.c.id);
  if (full) {
    const hits = ranked(sameKind.filter((c) => c.matched.includes(full)));
    if (hits.length) {
      const { c, a } = hits[0]!;
      const form = c.name === e.name ? `same name "${e.name}"` : `"${e.name}" and "${c.name}" share the transliteration key "${full.slice('person:'.length)}"`;
      return { entity: c.id, reason: `${form}; ${a.why}` };
    }
    const refused = sameKind.filter((c) => c.matched.includes(full)).map((c) => `#${c.id} ${c.name}: ${agreement(e, c).why}`);
    return { entity: null, reason: refused.length ? `same name key as ${refused.join('; ')}, kept apart` : `first person named "${e.name}"` };
  }
  // A surname alone joins a person only when exactly one agreeing person bears it.
  if (!surname) return { entity: null, reason: `first person named "${e.name}"` };
  const hits = ranked(sameKind.filter((c) => c.matched.includes(surname)));
  const best = hits.filter((h) => closeness(e, h.c) === closeness(e, hits[0]!.c));
  if (best.length === 1) return { entity: best[0]!.c.id, reason: `surname "${e.name}" alone, borne by one person only ("${best[0]!.c.name}"); ${best[0]!.a.why}` };
  return { entity: null, reason: best.length ? `surname "${e.name}" alone, borne by ${best.length} persons: kept apart` : `first person named "${e.name}"` };
}

/** The side of a relation an entity stands for: an organisation's or country's code, a person's organisation,
 *  else a person's country. A place is no side. */
export function sideOf(e: LocalEntity): string | null {
  switch (e.kind) {
    case 'country':
    case 'organization':
      return canonicalCode(e.kind, e.code);
    case 'person':
      return canonicalCode('organization', e.org) ?? canonicalCode('country', e.country);
    default:
      return null;
  }
}

/** One contact as any dispatch tells it: its date, mode, PLOVER type and the set of archive entities taking part.
 *  Null when the date is not known to the day: such reports are never taken for one another. */
export function eventSignature(date: string | null, mode: string, type: string, participants: number[]): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ids = [...new Set(participants)].sort((a, b) => a - b);
  if (ids.length < 2) return null;
  return `${date}|${mode}|${type}|${ids.join(',')}`;
}
