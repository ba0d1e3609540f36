// The extraction pipeline: one raw document in, one Dispatch out. Stages are pure functions; this module only
// wires them in order: decode/page → clean → language → sentences → entities → interactions → coding.
import { createHash } from 'node:crypto';
import type { Dispatch, Entity, Event, RawDocument } from '../types.ts';
import { clean } from '../stages/clean/index.ts';
import { detectLanguage } from '../stages/language/index.ts';
import { splitSentences } from '../stages/sentences/index.ts';
import { tokenize } from '../text/tokens.ts';
import { findAgency, isLanguage, lexicon, countriesData, isHub } from '../lang/index.ts';
import { findEntities, type EntityDraft } from '../stages/entities/index.ts';
import { findInteractions, type EventContext } from '../stages/events/index.ts';
import { findDates } from '../stages/dates/index.ts';
import { findStances } from '../stages/events/stances.ts';
import { readPage } from '../stages/ingest/html.ts';
import { InputError } from '../stages/ingest/decode.ts';
import { codingFor } from '../ontology/index.ts';
import { fold } from '../text/fold.ts';

/** Documents larger than this are refused: no real dispatch comes near it, and it bounds memory per item. */
export const MAX_DOCUMENT_CHARS = 5_000_000;

export function contentId(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16);
}

export function extract(doc: RawDocument): Dispatch {
  let raw = doc.text ?? '';
  let title = doc.title ?? null;
  let published = normaliseDate(doc.published);
  let pageLang: string | null = null;
  if (doc.html !== undefined && doc.html !== null) {
    if (doc.html.length > MAX_DOCUMENT_CHARS) throw new InputError('too_large', `the page has ${doc.html.length} characters; the limit is ${MAX_DOCUMENT_CHARS}`);
    const page = readPage(doc.html, doc.url ?? null);
    raw = page.text;
    title ??= page.title;
    published ??= page.published;
    pageLang = page.lang;
  }
  if (typeof raw !== 'string') throw new InputError('bad_input', 'the document text is not a string');
  if (raw.length > MAX_DOCUMENT_CHARS) throw new InputError('too_large', `the document has ${raw.length} characters; the limit is ${MAX_DOCUMENT_CHARS}`);
  if (!raw.trim()) throw new InputError('empty', 'the document has no text');

  const c = clean({ raw, title, published, isPlace: (name) => placeCountry(name) !== null });
  const lang = doc.lang && /^[a-z]{2}$/.test(doc.lang) ? doc.lang : detectLanguage(c.text) ?? pageLang ?? 'fr';
  const id = doc.id ?? contentId(c.text);
  const out: Dispatch = {
    id,
    source: doc.source ?? doc.url ?? null,
    lang,
    title: c.title,
    published: c.published,
    dateline: c.dateline,
    text: c.text,
    noise: c.noise,
    entities: [],
    events: [],
  };
  if (!isLanguage(lang)) return out; // other languages: cleaned and dated, no entities yet
  const lex = lexicon(lang);
  const tokens = tokenize(c.text);
  const sentences = splitSentences(c.text);
  const agency = findAgency(c.agency);
  // Officials with a bare domestic title speak for the agency's state, else for the dateline city's, unless that
  // city hosts international bodies (a Brussels, Geneva or New York dateline says nothing of who speaks).
  const home = agency?.country ?? (agency || isHub(c.dateline?.place) ? null : placeCountry(c.dateline?.place));
  const ents = findEntities(c.text, tokens, sentences, lex, home, c.agency);
  const entities = ents.entities;
  let next = entities.length + 1;
  const countryEntity = (iso3: string): string => {
    const found = entities.find((e) => e.kind === 'country' && e.code === iso3);
    if (found) return found.id;
    const name = lex.countryNames.get(iso3) ?? countriesData().find((x) => x.cca3 === iso3)?.name.common ?? iso3;
    const e: EntityDraft = { id: `e${next++}`, kind: 'country', name, aliases: [], code: iso3, mentions: [], keys: [], mentionTokens: [], roles: [] };
    entities.push(e);
    return e.id;
  };
  let datelinePlace: string | null = null;
  if (c.dateline?.place && (!agency || agency.datelineIsEventPlace)) {
    const f = fold(c.dateline.place);
    datelinePlace = entities.find((e) => e.kind === 'place' && (fold(e.name) === f || e.aliases.some((a) => fold(a) === f)))?.id ?? null;
  }
  const ectx: EventContext = {
    text: c.text,
    tokens,
    sentences,
    lex,
    ents,
    reference: c.dateline?.date ?? (c.published && c.published.length === 10 ? c.published : leadDate(c.text, tokens, sentences, lex, c.published) ?? c.published),
    datelineDate: c.dateline?.date ?? null,
    referencePartial: !c.dateline?.date && !c.published && c.dateline?.partial ? c.dateline.partial : null,
    published: c.published,
    datelinePlace,
    datelineSpan: c.datelineSpan,
    hostCountry: (datelinePlace ? entities.find((e) => e.id === datelinePlace)?.country : undefined) ?? placeCountry(c.dateline?.place) ?? agency?.country ?? null,
    countryEntity,
  };
  const interactions = findInteractions(ectx);
  const stances = findStances(ectx);

  const events: Event[] = interactions.map((x, i) => {
    const coding = codingFor(x.mode);
    const participants = [...new Set([...x.subject, ...x.counterparts])];
    let actors: string[];
    let recipients: string[];
    switch (x.role) {
      case 'host':
        actors = x.counterparts;
        recipients = x.subject;
        break;
      case 'from':
        actors = x.counterparts;
        recipients = x.subject;
        break;
      case 'mutual':
      case 'between':
        actors = participants;
        recipients = [];
        break;
      default:
        actors = x.subject;
        recipients = x.counterparts;
    }
    const ev: Event = {
      id: `v${i + 1}`,
      mode: x.mode as Event['mode'],
      type: x.planned ? 'AGREE' : coding.type,
      participants,
      actors,
      recipients,
      date: x.date,
      location: x.location,
      topics: x.topics,
      background: x.background,
      evidence: x.evidence.sort((p, q) => p.start - q.start),
      confidence: x.planned ? Math.min(x.confidence, 0.7) : x.confidence,
    };
    const pm = x.sidelines && x.mode !== 'multilateral' ? 'third-party' : coding.ploverMode;
    if (pm) ev.plover_mode = pm;
    const cameo = x.planned ? coding.cameoPlanned : coding.cameo;
    if (cameo) ev.cameo = cameo;
    if (x.planned) ev.planned = true;
    return ev;
  });
  // Stances (SUPPORT, REQUEST, ACCUSE, REJECT) follow the contacts, as "statement" events.
  for (const st of stances) {
    events.push({
      id: `v${events.length + 1}`,
      mode: 'statement',
      type: st.type,
      cameo: st.cameo,
      participants: [st.actor, st.recipient],
      actors: [st.actor],
      recipients: [st.recipient],
      date: st.date,
      location: null,
      topics: st.topic ? [st.topic] : [],
      background: false,
      evidence: [st.evidence],
      confidence: 0.6,
    });
  }
  out.entities = entities.map(toEntity);
  out.events = events;
  return out;
}

/**
 * With a filing date known only to the month, the lead's own full date ("ce dimanche 17 novembre") dates the
 * dispatch, so that "samedi" and "hier" can be resolved.
 */
function leadDate(text: string, tokens: ReturnType<typeof tokenize>, sentences: ReturnType<typeof splitSentences>, lex: ReturnType<typeof lexicon>, published: string | null): string | null {
  if (!published || published.length !== 7) return null;
  for (const s of sentences.slice(0, 3)) {
    const a = firstTokenAt(tokens, s.start);
    const b = firstTokenAt(tokens, s.end);
    const d = findDates(tokens, lex, a, b, published).find((x) => x.from && x.from.length === 10 && x.from.startsWith(published) && !x.future);
    if (d) return d.from;
  }
  return null;
}

function firstTokenAt(tokens: ReturnType<typeof tokenize>, offset: number): number {
  let i = 0;
  while (i < tokens.length && tokens[i]!.start < offset) i++;
  return i;
}

/** The country of a dateline place ("ALGER" → DZA), from either language's gazetteer. */
function placeCountry(place: string | null | undefined): string | null {
  if (!place) return null;
  const tokens = tokenize(place);
  for (const l of ['fr', 'en'] as const) {
    const m = lexicon(l).gazetteer.matchAt(tokens, 0);
    const e = m?.values.find((v) => v.kind === 'place' || v.kind === 'country');
    if (m && e && m.end === tokens.length) return e.code;
  }
  return null;
}

function toEntity(e: EntityDraft): Entity {
  const out: Entity = { id: e.id, kind: e.kind, name: e.name, aliases: e.aliases.filter((a) => a !== e.name), mentions: e.mentions };
  if (e.code) out.code = e.code;
  if (e.country) out.country = e.country;
  if (e.org) out.org = e.org;
  if (e.title) out.title = e.title;
  if (e.expansion) out.expansion = e.expansion;
  return out;
}

function normaliseDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s.trim());
  if (!m) return null;
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
}

/** Extraction that never throws: a failure becomes the document's `error`, with nothing else lost. */
export function extractSafely(doc: RawDocument): Dispatch {
  try {
    return extract(doc);
  } catch (e) {
    const err = e instanceof InputError ? { code: e.code, message: e.message } : { code: 'internal', message: (e as Error).message ?? String(e) };
    return {
      id: doc.id ?? (doc.text || doc.html ? contentId(doc.text ?? doc.html ?? '') : contentId(doc.source ?? '')),
      source: doc.source ?? doc.url ?? null,
      lang: doc.lang ?? 'und',
      title: doc.title ?? null,
      published: normaliseDate(doc.published),
      dateline: null,
      text: '',
      entities: [],
      events: [],
      error: err,
    };
  }
}
