// Scoring of extraction output against gold files (eval/GOLD.md): persons, countries, organisations, interaction
// dyads (who met whom), and the accuracy of event dates, places, filing dates and datelines.
import type { Dispatch, Entity } from '../src/types.ts';
import { fold } from '../src/text/fold.ts';

export interface GoldPerson {
  name: string;
  title?: string | null;
  country?: string | null;
  org?: string | null;
}

export interface GoldEvent {
  mode: string;
  type?: string;
  participants: string[];
  date: { start: string | null; end: string | null; partial?: { month: number; day?: number } };
  location: string | null;
  background?: boolean;
  planned?: boolean;
}

export interface Gold {
  lang: string;
  title: string | null;
  published: string | null;
  dateline: { place: string | null; date: string | null; agency: string | null } | null;
  persons: GoldPerson[];
  countries: string[];
  organizations: string[];
  events: GoldEvent[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Accuracy {
  ok: number;
  n: number;
}

export interface DocScore {
  persons: Counts;
  countries: Counts;
  organizations: Counts;
  dyads: Counts;
  dates: Accuracy;
  places: Accuracy;
  published: Accuracy;
  dateline: Accuracy;
  misses: string[];
}

const key = (s: string) => fold(s).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
const HONORIFIC = /^(?:m|mme|mr|mrs|ms|dr|h e|he|s e|sem|sheikh|cheikh|his excellency|her excellency|pr|prof)\s+/;

function surnameKeys(name: string): string[] {
  const k = key(name).replace(HONORIFIC, '');
  const words = k.split(' ').filter(Boolean);
  if (!words.length) return [];
  return [k, words[words.length - 1]!];
}

function personMatches(goldName: string, e: Entity): boolean {
  const g = surnameKeys(goldName);
  const forms = [e.name, ...e.aliases].flatMap(surnameKeys);
  if (g[0] && forms.includes(g[0])) return true;
  // Surname match: the gold surname equals the entity's surname (names written surname-first count too).
  const gWords = key(goldName).split(' ');
  const eWords = [e.name, ...e.aliases].flatMap((n) => key(n).split(' '));
  const gl = g[1];
  return !!gl && gl.length > 2 && eWords.includes(gl) && gWords.length > 0 && surnameKeys(e.name)[1] !== undefined && (surnameKeys(e.name)[1] === gl || gWords.includes(surnameKeys(e.name)[1]!));
}

function greedy<G, S>(gold: G[], sys: S[], match: (g: G, s: S) => boolean): { pairs: [G, S][]; fn: G[]; fp: S[] } {
  const used = new Set<number>();
  const pairs: [G, S][] = [];
  const fn: G[] = [];
  for (const g of gold) {
    const i = sys.findIndex((s, k) => !used.has(k) && match(g, s));
    if (i >= 0) {
      used.add(i);
      pairs.push([g, sys[i]!]);
    } else fn.push(g);
  }
  return { pairs, fn, fp: sys.filter((_, k) => !used.has(k)) };
}

function counts(r: { pairs: unknown[]; fn: unknown[]; fp: unknown[] }): Counts {
  return { tp: r.pairs.length, fp: r.fp.length, fn: r.fn.length };
}

/**
 * Whether the gold participant string (a name, an ISO3 or an organisation code) denotes the entity. Lenient: a
 * person also stands for the state or organisation it speaks for.
 */
function participantMatches(g: string, e: Entity | undefined, lenient = true): boolean {
  if (!e) return false;
  if (/^[A-Z][A-Z0-9-]{1,11}$/.test(g)) {
    if (e.code === g) return true;
    if (lenient && e.kind === 'person' && (e.country === g || e.org === g)) return true;
    if (e.code && (e.code.startsWith(g + '-') || g.startsWith(e.code + '-'))) return true;
    return false;
  }
  if (e.kind === 'person') return personMatches(g, e);
  return key(e.name) === key(g) || e.aliases.some((a) => key(a) === key(g));
}

function placeMatches(g: string | null, e: Entity | undefined): boolean {
  if (!g) return !e;
  if (!e) return false;
  const kg = key(g);
  return [e.name, ...e.aliases].some((n) => key(n) === kg || key(n).includes(kg) || kg.includes(key(n))) || (!!e.code && e.code === g);
}

export function scoreDocument(gold: Gold, out: Dispatch): DocScore {
  const misses: string[] = [];
  const byId = new Map(out.entities.map((e) => [e.id, e]));
  const mentioned = (e: Entity) => e.mentions.length > 0;
  // persons
  const sysPersons = out.entities.filter((e) => e.kind === 'person' && mentioned(e));
  const pr = greedy(gold.persons, sysPersons, (g, s) => personMatches(g.name, s));
  for (const g of pr.fn) misses.push(`person missed: ${g.name}`);
  for (const s of pr.fp) misses.push(`person spurious: ${s.name}`);
  // countries
  const sysCountries = [...new Set(out.entities.filter((e) => e.kind === 'country' && mentioned(e) && e.code).map((e) => e.code!))];
  const cr = greedy([...new Set(gold.countries)], sysCountries, (g, s) => g === s);
  for (const g of cr.fn) misses.push(`country missed: ${g}`);
  for (const s of cr.fp) misses.push(`country spurious: ${s}`);
  // organisations
  const sysOrgs = out.entities.filter((e) => e.kind === 'organization' && mentioned(e));
  const or = greedy([...new Set(gold.organizations)], sysOrgs, (g, s) => s.code === g || key(s.name) === key(g) || s.aliases.some((a) => key(a) === key(g)) || (!!s.expansion && key(s.expansion) === key(g)));
  for (const g of or.fn) misses.push(`org missed: ${g}`);
  for (const s of or.fp) misses.push(`org spurious: ${s.code ?? s.name}`);
  // dyads
  type GD = { a: string; b: string; ev: GoldEvent };
  type SD = { a: Entity | undefined; b: Entity | undefined; ev: Dispatch['events'][number] };
  const gd: GD[] = [];
  for (const ev of gold.events) {
    const ps = [...new Set(ev.participants)];
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) gd.push({ a: ps[i]!, b: ps[j]!, ev });
  }
  const sd: SD[] = [];
  // Interaction dyads: contacts, not stances (mode "statement").
  for (const ev of out.events.filter((e) => e.mode !== 'statement')) {
    const ps = [...new Set(ev.participants)];
    for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) sd.push({ a: byId.get(ps[i]!), b: byId.get(ps[j]!), ev });
  }
  const dm = (lenient: boolean) => (g: GD, s: SD) =>
    (participantMatches(g.a, s.a, lenient) && participantMatches(g.b, s.b, lenient)) || (participantMatches(g.a, s.b, lenient) && participantMatches(g.b, s.a, lenient));
  // Pair the closest first: exact participants and same date, then exact participants, then a person standing
  // for its state or organisation.
  const passes: ((g: GD, s: SD) => boolean)[] = [
    (g, s) => dm(false)(g, s) && sameDate(g.ev.date, s.ev.date),
    dm(false),
    (g, s) => dm(true)(g, s) && sameDate(g.ev.date, s.ev.date),
    dm(true),
  ];
  let dr = { pairs: [] as [GD, SD][], fn: gd, fp: sd };
  for (const pass of passes) {
    const r = greedy(dr.fn, dr.fp, pass);
    dr = { pairs: [...dr.pairs, ...r.pairs], fn: r.fn, fp: r.fp };
  }
  for (const g of dr.fn) misses.push(`dyad missed: ${g.a} — ${g.b} (${g.ev.mode}${g.ev.planned ? ', planned' : ''}${g.ev.background ? ', background' : ''})`);
  for (const s of dr.fp) misses.push(`dyad spurious: ${s.a?.name} — ${s.b?.name} (${s.ev.mode})`);
  // dates and places of the matched contacts (one per gold event)
  const dates: Accuracy = { ok: 0, n: 0 };
  const places: Accuracy = { ok: 0, n: 0 };
  const seen = new Set<GoldEvent>();
  for (const [g, s] of dr.pairs) {
    if (seen.has(g.ev)) continue;
    seen.add(g.ev);
    dates.n++;
    if (sameDate(g.ev.date, s.ev.date)) dates.ok++;
    else misses.push(`date: ${g.a} — ${g.b}: gold ${fmtDate(g.ev.date)} got ${fmtDate(s.ev.date)}`);
    places.n++;
    const loc = s.ev.location ? byId.get(s.ev.location) : undefined;
    if (placeMatches(g.ev.location, loc)) places.ok++;
    else misses.push(`place: ${g.a} — ${g.b}: gold ${g.ev.location} got ${loc?.name ?? null}`);
  }
  const published: Accuracy = { ok: gold.published === out.published ? 1 : 0, n: 1 };
  if (!published.ok) misses.push(`published: gold ${gold.published} got ${out.published}`);
  const dateline: Accuracy = { ok: 0, n: 1 };
  const gdl = gold.dateline;
  const sdl = out.dateline;
  if ((!gdl && !sdl) || (gdl && sdl && key(gdl.place ?? '') === key(sdl.place ?? '') && (gdl.date ?? null) === (sdl.date ?? null))) dateline.ok = 1;
  else misses.push(`dateline: gold ${JSON.stringify(gdl)} got ${JSON.stringify(sdl && { place: sdl.place, date: sdl.date, agency: sdl.agency })}`);
  return { persons: counts(pr), countries: counts(cr), organizations: counts(or), dyads: counts(dr), dates, places, published, dateline, misses };
}

function sameDate(g: GoldEvent['date'], s: Dispatch['events'][number]['date']): boolean {
  if ((g.start ?? null) !== (s.start ?? null)) return false;
  if ((g.end ?? null) !== (s.end ?? null)) return false;
  if (!g.start && g.partial) return !!s.partial && s.partial.month === g.partial.month && (s.partial.day ?? null) === (g.partial.day ?? null);
  return true;
}

function fmtDate(d: { start: string | null; end: string | null; partial?: { month: number; day?: number } }): string {
  return d.start ? (d.end ? `${d.start}..${d.end}` : d.start) : d.partial ? `--${d.partial.month}-${d.partial.day ?? ''}` : 'null';
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function addAcc(a: Accuracy, b: Accuracy): Accuracy {
  return { ok: a.ok + b.ok, n: a.n + b.n };
}
