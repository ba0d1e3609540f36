// Interactions: a contact verb or noun from the lexicon ("a rencontré", "s'est entretenu par téléphone avec",
// "a été reçu par", "met with", "held talks"), its subject and counterparts, mode, date, place and topics, with the
// sentence that proves it. Negated and cancelled contacts are skipped; planned ones are kept as AGREE.
import type { Token } from '../../text/tokens.ts';
import type { Lexicon, ContactVerb } from '../../lang/index.ts';
import type { TrieMatch } from '../../text/trie.ts';
import type { Sentence } from '../sentences/index.ts';
import type { EntityResult, Reference } from '../entities/index.ts';
import { firstToken } from '../entities/index.ts';
import { findDates, type DateExpression } from '../dates/index.ts';
import { parseIso, addDays, weekday as weekdayOf } from '../dates/calendar.ts';

/** Day and month moved by n days, in a common year (no year is known). */
function shiftPartial(p: { month: number; day: number }, n: number): { month: number; day: number } {
  const t = new Date(Date.UTC(2001, p.month - 1, p.day + n));
  return { month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function nextWeekday(ref: string, target: number): string {
  return addDays(ref, (target - weekdayOf(ref) + 7) % 7);
}
import { findTopics, topicList } from './topics.ts';

export interface Interaction {
  mode: string;
  role: ContactVerb['role'];
  subject: string[];
  counterparts: string[];
  /** The party that initiated (calls received), when the text says. */
  initiator: string | null;
  date: { start: string | null; end: string | null; partial?: { month: number; day?: number }; basis: 'text' | 'dateline' | 'published' | 'none' };
  location: string | null;
  topics: string[];
  background: boolean;
  planned: boolean;
  sentence: number;
  evidence: { start: number; end: number }[];
  confidence: number;
  sidelines: boolean;
}

export interface EventContext {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  lex: Lexicon;
  ents: EntityResult;
  /** Reference date for relative expressions: the dateline's date, else the filing date. */
  reference: string | null;
  datelineDate: string | null;
  published: string | null;
  /** A dateline known only by day and month ("Bakou, 27 février, AZERTAC" and no year anywhere). */
  referencePartial: { month: number; day: number } | null;
  /** The dateline place's entity id when the dateline city is where events happen (AZERTAC, Xinhua). */
  datelinePlace: string | null;
  /** Where the dateline stands in the text: its date is not an event's. */
  datelineSpan: { start: number; end: number } | null;
  /** The country where the dispatch is filed ("who is visiting the country"). */
  hostCountry: string | null;
  /** Entity id for an ISO3 country, created on demand (a host country named only through its capital). */
  countryEntity: (iso3: string) => string;
}

const SUBJECT_PRONOUNS = new Set(['il', 'elle', 'he', 'she', 'ils', 'elles', 'they']);
const LOCATIVE = new Set(['a', 'in', 'at', 'en', 'au', 'de', 'from', 'here', 'of', 'capital', 'capitale', 'ville', 'city']);
const TOPIC_PREPS = new Set(['sur', 'au sujet de', 'concernant', 'portant sur', 'on', 'about', 'regarding', 'concerning']);
const JOIN_ZONE_END = new Set(['afin', 'sur', 'porteur', 'porteuse', 'carrying', 'to discuss', 'pour discuter', 'on']);

interface CueHit {
  start: number;
  end: number;
  kind: string;
  form: string;
}

export function findInteractions(ctx: EventContext): Interaction[] {
  const { tokens, sentences, lex, ents } = ctx;
  const out: Interaction[] = [];
  const entityById = new Map(ents.entities.map((e) => [e.id, e]));
  let lastSubject: string[] = [];
  const refsBySentence = new Map<number, Reference[]>();
  for (const r of ents.references) {
    const list = refsBySentence.get(r.sentence) ?? [];
    list.push(r);
    refsBySentence.set(r.sentence, list);
  }
  // In text order: bare titles resolved late ("the Foreign Minister") were appended after the names.
  for (const list of refsBySentence.values()) list.sort((x, y) => x.start - y.start);
  const unnamedBySentence = new Map<number, EntityResult['unnamedTitles']>();
  for (const u of ents.unnamedTitles) {
    const list = unnamedBySentence.get(u.sentence) ?? [];
    list.push(u);
    unnamedBySentence.set(u.sentence, list);
  }
  const resolveUnnamed = (id: string | null): string | null => {
    if (!id) return null;
    if (id.startsWith('country:')) return ctx.countryEntity(id.slice(8));
    return id;
  };

  // A dispatch that denies a reported contact: contacts only claimed in it ("a daily claimed that the two had met")
  // are not events.
  // Cues of every sentence, read once.
  const cuesOf = sentences.map((sent) => {
    const a = firstToken(tokens, sent.start);
    const b = firstToken(tokens, sent.end);
    const cues: CueHit[] = [];
    for (let i = a; i < b; ) {
      const m = lex.cues.matchAt(tokens, i);
      if (m && m.end <= b) {
        for (const v of m.values) cues.push({ start: m.start, end: m.end, kind: v.kind, form: v.form });
        i = m.end;
      } else i++;
    }
    return cues;
  });
  const docDenies = cuesOf.some((cues) => cues.some((c) => c.kind === 'deny'));
  // Copy stripped of its accents (some relays) is matched without them.
  const accented = /[éèêàùçâîôû]/i.test(ctx.text);
  let lastNews: Interaction | null = null;
  let lastDated: Interaction | null = null;
  const triggerSentences = new Set<number>();
  sentences.forEach((sent, si) => {
    const a = firstToken(tokens, sent.start);
    const b = firstToken(tokens, sent.end);
    if (findTriggers(tokens, lex, a, b, findDates(tokens, lex, a, b, ctx.reference), accented).some((m) => m.values[0]!.tense !== 'nominal')) triggerSentences.add(si);
  });
  /**
   * Persons listed after the sentence: "Il s'agit de : - A, ambassadeur de X ; - B, …", "They are: …", bullets.
   * The list's sentences name the counterparts of a contact whose own sentence names none.
   */
  /** The person an earlier sentence names as a delegation's leader ("X, qui conduit une délégation", "une
   *  délégation conduite par X", "a delegation led by X"), within six sentences. */
  const delegationLeader = (si: number): string | null => {
    for (let k = si - 1; k >= 0 && si - k <= 6; k--) {
      const s = ctx.text.slice(sentences[k]!.start, sentences[k]!.end);
      const d = DELEGATION.exec(s);
      if (!d) continue;
      const at = sentences[k]!.start + d.index;
      const persons = (refsBySentence.get(k) ?? []).filter((r) => isParty(r) && entityById.get(r.entity)?.kind === 'person');
      const led = LED_BY.exec(s.slice(d.index));
      // led by X: the first person after; X who leads a delegation: the last person before.
      const after = led ? persons.find((r) => tokens[r.start]!.start > at) : undefined;
      const before = /\b(?:conduit|conduisait|dirige|dirigeait|mène|menait|tête|leads|led|leading|heading|heads)\b/i.test(s.slice(Math.max(0, d.index - 40), d.index))
        ? [...persons].reverse().find((r) => tokens[r.start]!.start < at)
        : undefined;
      const who = after ?? before;
      if (who) return who.entity;
    }
    return null;
  };
  const listedIn = new Map<string, Sentence>();
  const listAfter = (si: number): string[] => {
    const out: string[] = [];
    const here = ctx.text.slice(sentences[si]!.start, sentences[si]!.end);
    let k = si + 1;
    const intro = (s: string) => /^(?:Il s'agit|Il s’agit|Ce sont|Il y a|They are|These are|The (?:new )?(?:ambassadors|envoys) (?:are|were))\b/i.test(s);
    const bullet = (s: string) => /^[-–—•*·]\s/.test(s);
    // A photo caption may stand between the contact and its list ("… - ảnh 1 Photo: VOV").
    const caption = (s: string) => /\bPhoto\s?:|\bCrédit|©/i.test(s) && s.length < 200;
    while (k < sentences.length && k - si <= 3 && caption(ctx.text.slice(sentences[k]!.start, sentences[k]!.end))) k++;
    if (!/:\s*$/.test(here) && !(k < sentences.length && (intro(ctx.text.slice(sentences[k]!.start, sentences[k]!.end)) || bullet(ctx.text.slice(sentences[k]!.start, sentences[k]!.end))))) return out;
    const first = k;
    for (; k < sentences.length && k - si <= 25; k++) {
      const s = ctx.text.slice(sentences[k]!.start, sentences[k]!.end);
      if (k > first && !bullet(s) && !/^[\p{Lu}]/u.test(s)) break;
      if (k > first && !bullet(s) && triggerSentences.has(k)) break;
      let persons = (refsBySentence.get(k) ?? []).filter((r) => isParty(r) && entityById.get(r.entity)?.kind === 'person');
      // "Il s'agit des ambassadeurs sri-lankais, slovène et tanzanien": the states when no names are given.
      if (!persons.length && intro(s)) persons = (refsBySentence.get(k) ?? []).filter((r) => isParty(r) && entityById.get(r.entity)?.kind === 'country');
      if (!persons.length && k > first) break;
      for (const r of persons) {
        if (out.includes(r.entity)) continue;
        out.push(r.entity);
        listedIn.set(r.entity, sentences[k]!);
      }
      if (!bullet(s) && !intro(s) && k > first) break;
    }
    return out;
  };
  sentences.forEach((sent, si) => {
    const a = firstToken(tokens, sent.start);
    const b = firstToken(tokens, sent.end);
    if (b - a < 3) return;
    const cues = cuesOf[si]!;
    const has = (kind: string, from = a, to = b) => cues.some((c) => c.kind === kind && c.start >= from && c.end <= to);
    const dates = findDates(tokens, lex, a, b, ctx.reference).filter((d) => (!ctx.datelineSpan || tokens[d.start]!.start >= ctx.datelineSpan.end) && !afterReportingVerb(tokens, d.start));
    const triggers = findTriggers(tokens, lex, a, b, dates, accented);
    if (triggers.length === 0) {
      // Subject tracking across sentences: the last person named as a sentence subject.
      const refs = (refsBySentence.get(si) ?? []).filter((r) => isParty(r) && entityById.get(r.entity)?.kind === 'person');
      const listItem = /^[-–—•*·]\s/.test(ctx.text.slice(sent.start, sent.end));
      // A person opening a sentence becomes the running subject only until contacts have been found: after that,
      // "il"/"he" refers to the subject of the last contact, not to whoever was named since.
      if (refs.length && refs[0]!.start - a < 12 && !listItem && !out.length) lastSubject = [refs[0]!.entity];
      return;
    }
    // Cues that end a list of counterparts, outside titles ("Minister of State for … on": the "on" is the title's).
    const zoneCues = cues.filter((c) => !ents.titleOf.has(c.start));
    const refs = (refsBySentence.get(si) ?? []).filter(isParty);
    const unnamed = (unnamedBySentence.get(si) ?? []).filter((u) => u.entity);
    const sentenceBackground = has('background');
    const cancelled = has('cancel');
    let consumedTo = a;
    // Counterparts already taken by an earlier contact of this sentence ("une rencontre avec A, avant un entretien
    // avec B": A is not the one who meets B).
    const taken = new Set<string>();
    triggers.forEach((tr, ti) => {
      if (tr.start < consumedTo) return;
      const verb = pickReading(tr.values, wordBeforeNoun(tokens, tr.start), lex.lang);
      const nextTrigger = triggers.slice(ti + 1).find((x) => x.values[0]!.tense !== 'nominal' || verb.tense === 'nominal')?.start ?? b;
      // Negation right before the verb ("n'a pas rencontré", "did not meet").
      const negated = cues.some((c) => c.kind === 'negation' && c.end <= tr.end && tr.start - c.end <= 3 && c.end > a - 1) || (tokens[tr.start - 1]?.fold === 'pas' && tokens[tr.start - 3]?.fold === 'n') || ['aucun', 'aucune', 'no'].includes(tokens[tr.start - 1]?.fold ?? '');
      if (negated) return;
      // "le report a été décidé lors d'un entretien téléphonique …": the contact where a cancellation was decided
      // took place.
      const during = findWord(tokens, ['lors', 'during', 'cours'], Math.max(a, tr.start - 4), tr.start) >= 0;
      if (cancelled && !during && cues.some((c) => c.kind === 'cancel' && Math.abs(c.start - tr.start) < 25)) return;
      if (docDenies && has('claim')) return;
      const modal = cues.some((c) => c.kind === 'planned' && c.end <= tr.start && tr.start - c.end <= 4);
      let trDate = nearestDate(dates, tr.start);
      // "A meeting between A and B would take place on …", "une rencontre … aura lieu le …": a contact noun whose
      // clause says it is yet to happen.
      const toHappen = verb.tense === 'nominal' && TO_HAPPEN.test(ctx.text.slice(tokens[tr.end - 1]!.end, Math.min(sent.end, tokens[tr.end - 1]!.end + 240)));
      let planned = verb.tense === 'future' || modal || toHappen || !!trDate?.future || has('planned_sentence');
      // "doit être reçue mardi": a weekday in a planned clause is the next one, not the last.
      if (planned && trDate && trDate.weekday !== undefined && !trDate.future && ctx.reference && parseIso(ctx.reference)?.d) {
        trDate = { ...trDate, from: nextWeekday(ctx.reference, trDate.weekday), future: true };
      }
      // A plan is not dated by a past date in its sentence ("is expected to visit next week, the ministry said on Monday").
      if (planned && trDate?.from && ctx.reference && trDate.from < ctx.reference && !trDate.explicitYear) trDate = undefined;
      if (verb.tense === 'infinitive' && !modal) return;
      // "calls on Rwanda to cease …", "a appelé X à …": an appeal, not a call on someone.
      // A person (or an unnamed official) before the "to" makes it a visit: "called on President X to discuss …".
      // "called the talks a success", "called it": a judgement, not a call ("called the Foreign Minister" is one).
      if (verb.form === 'called' && ['the', 'a', 'an', 'this', 'that', 'it', 'his', 'her', 'their', 'its', 'them', 'him'].includes(tokens[tr.end]?.fold ?? '') && !tokens[tr.end + 1]?.cap) return;
      if (/^call/.test(verb.form)) {
        const to = findWord(tokens, ['to'], tr.end + 1, Math.min(b, tr.end + 6));
        const someone = refs.some((r) => r.start >= tr.end && r.start < to && entityById.get(r.entity)?.kind === 'person')
          || (unnamedBySentence.get(si) ?? []).some((u) => u.phrase.start >= tr.end && u.phrase.start < to);
        if (to >= 0 && !someone) return;
      }
      if (verb.tense === 'nominal' && verb.role !== 'between' && isGenericNominal(tokens, tr.start)) {
        // "lors de l'entretien avec X" restates a contact; kept, and merged later with the verb's event.
      }
      // Subject: the nearest party before the verb in this clause, else the running subject.
      const before = refs.filter((r) => r.end <= tr.start && r.start >= a && !(verb.tense === 'nominal' && verb.role !== 'visit' && taken.has(r.entity)));
      const beforeUnnamed = unnamed.filter((u) => u.phrase.end <= tr.start && u.phrase.start >= a);
      let subject: string[] = [];
      if (verb.role === 'mutual') {
        // The parties named before the verb: persons, else states and bodies that are not complements.
        const parties = before.filter((r) => entityById.get(r.entity)?.kind === 'person');
        subject = uniq((parties.length ? parties : before.filter((r) => ['country', 'organization'].includes(entityById.get(r.entity)?.kind ?? '') && !isComplement(tokens, r.start))).map((r) => r.entity));
      } else {
        const isSpokes = (r: Reference) => !!(entityById.get(r.entity) as { role?: string } | undefined)?.role?.startsWith('spokes');
        const allPersons = before.filter((r) => entityById.get(r.entity)?.kind === 'person');
        const persons = allPersons.some((r) => !isSpokes(r)) ? allPersons.filter((r) => !isSpokes(r)) : allPersons;
        const pick = persons.length ? persons[persons.length - 1]! : null;
        const other = before.filter((r) => entityById.get(r.entity)?.kind !== 'person' && entityById.get(r.entity)?.kind !== 'place' && !isComplement(tokens, r.start));
        // "La délégation se rendra ensuite à Shanghai, où elle doit rencontrer …": the delegation's leader.
        const byDelegation = !pick && findWord(tokens, ['delegation'], a, tr.start) >= 0;
        const leader = byDelegation ? delegationLeader(si) : null;
        if (pick) subject = [pick.entity];
        else if (leader) subject = [leader];
        else if (beforeUnnamed.length) subject = [resolveUnnamed(beforeUnnamed[beforeUnnamed.length - 1]!.entity)!];
        else if (other.length) subject = [other[other.length - 1]!.entity];
        // (A delegation whose leader the text does not name is not the person named before.)
        else if (lastSubject.length && !byDelegation) subject = lastSubject;
      }
      let verbRole: ContactVerb['role'] = verb.role;
      // "discussed X with B": a contact only with the "with"; what comes before it is the topic.
      let zoneStart = tr.end;
      let distantWith = false;
      if (NEEDS_WITH.has(verb.form)) {
        const w = findWord(tokens, ['with', 'avec'], tr.end, Math.min(b, nextTrigger));
        if (w < 0) return;
        distantWith = w > tr.end + 1;
        zoneStart = w + 1;
      }
      // Counterparts.
      const zoneEnd = findZoneEnd(tokens, zoneCues, zoneStart, nextTrigger, verb.role);
      // "leur rencontre", "leur précédente rencontre", "their last meeting"
      const plural = verb.tense === 'nominal' && ['leur', 'leurs', 'their'].includes(wordBeforeNoun(tokens, tr.start)?.fold ?? '');
      if (plural) subject = uniq(before.filter((r) => entityById.get(r.entity)?.kind === 'person').map((r) => r.entity));
      if (verb.tense === 'nominal' && verb.role !== 'between' && !plural && !before.some((r) => entityById.get(r.entity)?.kind === 'person')) {
        // A nominal contact ("lors de son entretien avec X") takes the clause's subject, which may come after the
        // counterparts ("…, le ministre Y a souligné"), else the running subject.
        // ("En marge de sa visite à Bruxelles, le ministre X a rencontré …": the visitor is X, named after the place.)
        // (Not a person of the next contact: "une séance de travail avec A, puis une audience avec B".)
        const after = refs.filter((r) => r.start >= (verb.role === 'visit' ? tr.end + 1 : Math.max(zoneEnd, tr.end + 1)) && r.start < nextTrigger && entityById.get(r.entity)?.kind === 'person' && !r.affiliationOf);
        if (after.length) subject = [after[0]!.entity];
      }
      if (verb.tense === 'nominal' && verb.role === 'visit' && !plural) {
        // "X a été reçu par Y dans le cadre de la visite qu'il effectue en Tunisie": the visitor is the guest of the
        // sentence's contact, not the host named last.
        let here: Interaction | undefined;
        for (let k = out.length - 1; k >= 0 && out[k]!.sentence === si && !here; k--) if (out[k]!.mode !== 'visit') here = out[k];
        const guest = here ? (here.role === 'host' ? here.counterparts.slice(0, 1) : here.role === 'guest' ? here.subject : []) : [];
        if (guest.length) subject = guest;
        // "la visite qu'effectue le président X": the visitor is named right after the verb.
        if (/effectue$/.test(tokenFold(verb.form))) {
          const named = refs.find((r) => r.start >= tr.end && r.start <= tr.end + 3 && entityById.get(r.entity)?.kind === 'person');
          if (named) subject = [named.entity];
        }
      }
      const consumedBefore = consumedTo;
      consumedTo = zoneEnd;
      let counterparts: string[] = [];
      let locationRef: string | null = null;
      const routeStops = new Map<string, string>();
      if (verb.role === 'invite') {
        // "a invité son homologue à effectuer une visite", "invited the minister to visit": the invitee is the
        // visitor, the inviter the host; no visit word, no visit ("invited to the ceremony").
        if (!/\b(?:visite|visiter|visit|se rendre|effectuer)\b/i.test(ctx.text.slice(tokens[tr.end - 1]!.end, sent.end))) return;
        const invitee = refs.find((r) => r.start >= tr.end && r.start < zoneEnd + 12 && entityById.get(r.entity)?.kind === 'person' && !r.affiliationOf)
          ?? unnamed.map((u) => ({ entity: resolveUnnamed(u.entity), start: u.phrase.start })).find((u) => u.start >= tr.end && !!u.entity) as { entity: string } | undefined;
        const inviter = subject;
        // "a invité son homologue", "invited his counterpart": the counterpart of the inviter's last contact.
        const counterpart = !invitee && /\b(?:homologue|counterpart|interlocut)/i.test(ctx.text.slice(tokens[tr.end - 1]!.end, sent.end))
          ? [...out].reverse().find((e) => e.subject.some((x) => inviter.includes(x)))?.counterparts[0]
          : undefined;
        const guest = invitee?.entity ?? counterpart;
        if (!guest || !inviter.length || inviter.includes(guest)) return;
        subject = [guest];
        const where = refs.find((r) => r.start >= tr.end && entityById.get(r.entity)?.kind === 'place') ?? refs.find((r) => r.start >= tr.end && entityById.get(r.entity)?.kind === 'country');
        const made = { mode: 'visit', role: 'visit' as const, subject, counterparts: inviter, initiator: null, date: { start: null, end: null, basis: 'none' as const }, location: where?.entity ?? null, topics: [], background: false, planned: true, sentence: si, evidence: [{ start: sent.start, end: sent.end }], confidence: 0.6, sidelines: false };
        out.push(made);
        consumedTo = zoneEnd;
        return;
      }
      // "leur rencontre …, entre l'OTAN et l'UE": owners named by the possessive take the place of a later "entre".
      const entre = verb.role === 'between' && !(plural && subject.length > 1) ? findWord(tokens, ['entre', 'between'], tr.end, Math.min(b, tr.end + 8)) : -1;
      if (verb.role === 'between' && entre < 0) {
        // "lors d'un entretien téléphonique que le ministre X a eu avant-hier avec son homologue Y" (a title, however
        // long, counts as one word of the 25)
        let reach = tr.end;
        for (let n = 0; reach < b && n < 25; reach++) if (!ents.titleOf.has(reach)) n++;
        const avec = findWord(tokens, ['avec', 'with'], tr.end, reach);
        if (avec >= 0) {
          const inner = refs.filter((r) => r.start > tr.end && r.start < avec && entityById.get(r.entity)?.kind === 'person' && !r.affiliationOf);
          const partners = refs.filter((r) => r.start > avec && r.end <= findZoneEnd(tokens, cues, avec + 1, b, 'with') && entityById.get(r.entity)?.kind === 'person' && !r.affiliationOf);
          if (!partners.length) return;
          subject = inner.length ? [inner[0]!.entity] : subject.length ? subject : lastSubject;
          counterparts = uniq(partners.map((r) => r.entity));
          verbRole = 'with';
        } else if (plural && subject.length > 1) {
          // "lors de leur précédente rencontre": the owners of the meeting are its parties.
          verbRole = 'mutual';
        } else return;
      }
      if ((verbRole === 'with' || verbRole === 'mutual') && verb.role === 'between') {
        // partners found after "avec" above
      } else if (verbRole === 'between') {
        const betweenEnd = findZoneEnd(tokens, zoneCues, entre + 1, nextTrigger, verb.role);
        // "between A and B, held at …, were C": the pair ends at the first comma after the "and".
        let pairEnd = betweenEnd;
        const and = findWord(tokens, ['et', 'and'], entre + 1, betweenEnd);
        const personAt = new Set(refs.filter((r) => entityById.get(r.entity)?.kind === 'person').map((r) => r.start));
        if (and >= 0) for (let k = and + 1; k < betweenEnd; k++) if (tokens[k]!.text === ',' && !ents.titleOf.has(k) && !personAt.has(k + 1) && !ents.titleOf.has(k - 1)) {
          pairEnd = k;
          break;
        }
        const zoneRefs = refs.filter((r) => r.start > entre && r.end <= pairEnd && !r.affiliationOf);
        subject = [];
        const named = zoneRefs.filter((r) => entityById.get(r.entity)!.kind === 'person');
        counterparts = uniq((named.length >= 2 ? named : zoneRefs.filter((r) => ['country', 'organization', 'person'].includes(entityById.get(r.entity)!.kind))).map((r) => r.entity));
        if (counterparts.length < 2) {
          // "la rencontre entre les deux ministres": the parties of the contact just told (found below).
          // (Two persons, not "the political dialogue between the two countries", a topic.)
          if (verb.mode === 'multilateral' || !cues.some((c) => c.kind === 'both_sides' && c.start === entre + 1 && TWO_PERSONS.test(c.form))) return;
          counterparts = [];
          verbRole = 'mutual';
        }
      } else {
        // A spokesperson quoted in the clause reports the contact; she is not a party to it.
        // The sender of a message passed on ("lui a transmis les salutations du président X") is not at the contact.
        const zone = refs.filter((r) => r.start >= zoneStart && r.end <= zoneEnd && !(entityById.get(r.entity) as { role?: string } | undefined)?.role?.startsWith('spokes') && !conveyedFrom(tokens, r.start, ents.titleOf));
        const zoneUnnamed = unnamed.filter((u) => u.phrase.start >= tr.end && u.phrase.end <= zoneEnd);
        const persons = zone.filter((r) => entityById.get(r.entity)?.kind === 'person');
        const nonPersons = zone.filter((r) => {
          const k = entityById.get(r.entity)?.kind;
          return (k === 'country' || k === 'organization') && !insidePersonTitle(ents, r);
        });
        const places = zone.filter((r) => entityById.get(r.entity)?.kind === 'place');
        if (verb.role === 'visit') {
          const inv = findWord(tokens, ['invitation'], tr.end, b);
          const host = inv >= 0 ? refs.find((r) => r.start > inv && entityById.get(r.entity)?.kind === 'person') : undefined;
          const countries = nonPersons.filter((r) => entityById.get(r.entity)?.kind === 'country');
          if (host) counterparts = [host.entity];
          else if (countries.length) counterparts = [countries[0]!.entity];
          else if (places.length && entityById.get(places[0]!.entity)?.country) counterparts = [ctx.countryEntity(entityById.get(places[0]!.entity)!.country!)];
          else if (persons.length) counterparts = [persons[0]!.entity];
          else if (ctx.hostCountry && findWord(tokens, ['country', 'pays', 'kingdom', 'royaume', 'here', 'capital', 'capitale'], tr.end, Math.min(b, tr.end + 6)) >= 0) {
            // "who is currently visiting the country": the country the dispatch is filed from.
            counterparts = [ctx.countryEntity(ctx.hostCountry)];
          }
          locationRef = places[0]?.entity ?? countries[0]?.entity ?? null;
          // "se rendra à Erevan puis à Bakou", "will travel to Kyiv and Warsaw": one visit per state on the route.
          if (!host && counterparts.length === 1) {
            const stops = [...places, ...countries].filter((r) => !insidePersonTitle(ents, r)).sort((x, y) => x.start - y.start);
            const first = stops.findIndex((r) => r.entity === locationRef);
            const route: Reference[] = first >= 0 ? [stops[first]!] : [];
            for (let k = first + 1; first >= 0 && k < stops.length; k++) {
              let linked = true;
              for (let i = route[route.length - 1]!.end; i < stops[k]!.start && linked; i++) linked = ROUTE_LINKS.has(tokens[i]!.fold) || tokens[i]!.text === ',';
              if (!linked) break;
              route.push(stops[k]!);
            }
            const stateOf = (r: Reference) => {
              const e = entityById.get(r.entity) as { kind: string; country?: string } | undefined;
              return e?.kind === 'country' ? r.entity : e?.country ? ctx.countryEntity(e.country) : null;
            };
            for (const r of route.slice(1)) {
              const st = stateOf(r);
              if (st && !counterparts.includes(st)) {
                counterparts.push(st);
                routeStops.set(st, r.entity);
              }
            }
          }
        } else if (verb.role === 'join') {
          counterparts = uniq([...nonPersons.filter((r) => entityById.get(r.entity)?.kind === 'organization').map((r) => r.entity), ...persons.map((r) => r.entity)]);
          if (!counterparts.length) counterparts = uniq(nonPersons.map((r) => r.entity));
          locationRef = places[0]?.entity ?? null;
        } else {
          counterparts = uniq(persons.map((r) => r.entity));
          // "discussed cooperation with the Republic of Korea": far from its verb, a "with" + state is a topic.
          // The words before that "with" stay open to other contacts ("discussed preparations for X's visit to Y").
          if (distantWith && !counterparts.length && !zoneUnnamed.length) {
            consumedTo = consumedBefore;
            return;
          }
          const extra = [...nonPersons.map((r) => r.entity), ...zoneUnnamed.map((u) => resolveUnnamed(u.entity)!)].filter((id) => !counterparts.some((p) => personSpeaksFor(entityById.get(p), entityById.get(id))));
          if (!counterparts.length) counterparts = uniq(extra);
          else counterparts = uniq([...counterparts, ...zoneUnnamed.map((u) => resolveUnnamed(u.entity)!).filter((id) => !counterparts.some((p) => personSpeaksFor(entityById.get(p), entityById.get(id))))]);
          if (!counterparts.length && (verb.role === 'guest' || verb.role === 'with') && subject.length === 1) {
            // "paid a courtesy call on the President at Bangabhaban in Dhaka": a head of state or government named by
            // title alone, in a dispatch that names no home state, is the host state's, where the contact took place.
            const bare = (unnamedBySentence.get(si) ?? []).find((u) => !u.entity && u.phrase.start >= tr.end && u.phrase.end <= zoneEnd && HOST_HEADS.has(u.phrase.role));
            const own = (entityById.get(subject[0]!) as { country?: string } | undefined)?.country;
            const where = bare ? refs.map((r) => entityById.get(r.entity) as { kind: string; country?: string; code?: string }).find((e) => e?.kind === 'place' && e.country && e.country !== own) : undefined;
            if (where?.country) counterparts = [ctx.countryEntity(where.country)];
          }
        }
        if (counterparts.length && verbRole === 'with' && verb.role === 'with') {
          // "met with A, who briefed him on …, and with B, with whom he reviewed …": a second "with" after an aside.
          for (let k = zoneEnd; k + 1 < b && k < zoneEnd + 40; k++) {
            const w = tokens[k]!.fold === 'and' || tokens[k]!.fold === 'et' ? k + 1 : -1;
            if (w < 0 || !['with', 'avec'].includes(tokens[w]!.fold)) continue;
            const end2 = findZoneEnd(tokens, zoneCues, w + 1, b, 'with');
            const more = refs.filter((r) => r.start > w && r.end <= end2 && entityById.get(r.entity)?.kind === 'person' && !r.affiliationOf).map((r) => r.entity);
            counterparts = uniq([...counterparts, ...more]);
            consumedTo = Math.max(consumedTo, end2);
            break;
          }
        }
        if (!counterparts.length && verbRole === 'with' && verb.tense !== 'nominal') {
          // "a eu un entretien, en marge du même forum, avec le ministre X": the partner after an aside.
          const w = findWord(tokens, ['avec', 'with'], zoneEnd, b);
          if (w >= 0) {
            const end2 = findZoneEnd(tokens, zoneCues, w + 1, b, 'with');
            counterparts = uniq(refs.filter((r) => r.start > w && r.end <= end2 && entityById.get(r.entity)?.kind === 'person').map((r) => r.entity));
          }
        }
        if (!counterparts.length && verb.tense === 'nominal' && !(plural && subject.length > 1)) return;
        if (!counterparts.length && ['host', 'with', 'guest'].includes(verb.role)) counterparts = listAfter(si);
      }
      // "A et B se sont entretenus", "A et son homologue B ont discuté": with nobody after the verb, the persons
      // of the clause before it are the parties.
      if (!counterparts.length && (verb.role === 'with' || verb.role === 'host') && verb.tense !== 'nominal') {
        const group = uniq(before.filter((r) => entityById.get(r.entity)?.kind === 'person').map((r) => r.entity));
        if (group.length >= 2 && findWord(tokens, ['et', 'and'], a, tr.start) >= 0) {
          subject = group;
          verbRole = 'mutual';
        }
      }
      // Drop the subject's own side from the counterparts ("OTAN+Azerbaïdjan" for an Azerbaijani official).
      counterparts = counterparts.filter((c) => !subject.includes(c) && !subject.some((s) => personSpeaksFor(entityById.get(s), entityById.get(c))));
      const bothSides = cues.some((c) => c.kind === 'both_sides' && c.end <= tr.start && tr.start - c.end <= 4);
      if (verbRole === 'mutual' || plural || (bothSides && !counterparts.length && (verb.role === 'with' || verb.role === 'host'))) {
        // "They are scheduled to co-chair the China-Chile dialogue": the two of the cue, not the states named after.
        // ("They agreed to hold the next EU-Senegal dialogue" stays between the states: the dialogue is theirs.)
        if (bothSides && verbRole === 'mutual' && /co-?chair|copr[ée]sid/i.test(verb.form) && !subject.length && counterparts.every((c) => entityById.get(c)?.kind !== 'person')) counterparts = [];
        subject = uniq([...subject, ...counterparts]);
        counterparts = [];
        // "ont examiné la préparation de la prochaine réunion du Conseil suprême": a body's session is a topic, not a
        // contact of the two.
        const ofBody = (verb.tense === 'nominal' || /(?:réunion|rencontre|session|meeting|sommet|summit)$/i.test(verb.form)) && ['du', 'des', 'de', 'of'].includes(tokens[tr.end]?.fold ?? '') && [tokens[tr.end + 1], tokens[tr.end + 2]].some((x) => x?.cap && x.kind === 'word' && !['la', 'le', "l'", 'the'].includes(x.fold));
        if (subject.length < 2 && ofBody && !counterparts.length) return;
        if (subject.length < 2) {
          // "les parties sont convenues de se rencontrer", "the two ministers agreed to meet": the sides of the
          // contact just reported, else the last two persons named before.
          // (the last contact between persons, else the last contact reported)
          const recent = [...out.slice(-8)].reverse();
          const prev = recent.find((e) => (!e.background || si - e.sentence <= 1) && e.mode !== 'visit' && [...e.subject, ...e.counterparts].every((x) => entityById.get(x)?.kind === 'person')) ?? lastNews ?? out[out.length - 1];
          if (prev && si - prev.sentence <= 12) subject = uniq([...prev.subject, ...prev.counterparts]);
          else if (!prev) {
            const named: string[] = [];
            for (let k = si - 1; k >= 0 && si - k <= 3 && named.length < 2; k--) {
              for (const r of [...(refsBySentence.get(k) ?? [])].reverse()) {
                if (isParty(r) && entityById.get(r.entity)?.kind === 'person' && !named.includes(r.entity)) named.push(r.entity);
                if (named.length === 2) break;
              }
            }
            if (named.length === 2) subject = named;
          }
          // "les deux pays sont convenus de …", "the two countries agreed to …": the states of those parties.
          if (subject.length >= 2 && findWord(tokens, ['pays', 'countries', 'etats', 'states', 'nations'], a, tr.start) >= 0) {
            const parties = subject.map((x) => entityById.get(x) as { kind: string; country?: string } | undefined);
            if (parties.every((e) => e?.kind === 'country' || (e?.kind === 'person' && e.country))) {
              const states = uniq(subject.map((x, i) => (parties[i]!.kind === 'person' ? ctx.countryEntity(parties[i]!.country!) : x)));
              if (states.length >= 2) subject = states;
            }
          }
        }
      }
      if (!subject.length && counterparts.length && ['his', 'her', 'son', 'sa'].includes(tokens[a]?.fold ?? '')) {
        // "His first meeting of the day was with X": the person who opened the sentence before.
        for (let k = si - 1; k >= 0 && si - k <= 2 && !subject.length; k--) {
          const k0 = firstToken(tokens, Math.max(sentences[k]!.start, ctx.datelineSpan && ctx.datelineSpan.end <= sentences[k]!.end ? ctx.datelineSpan.end : 0));
          const opener = (refsBySentence.get(k) ?? []).find((r) => isParty(r) && entityById.get(r.entity)?.kind === 'person' && r.start - k0 < 12);
          if (opener && !counterparts.includes(opener.entity)) subject = [opener.entity];
        }
      }
      // "Le président doit recevoir son hôte", "will receive his guest": the visitor of the visit just told.
      if (!counterparts.length && verb.role === 'host' && subject.length) {
        const g = findWord(tokens, ['hote', 'guest'], tr.end, Math.min(b, tr.end + 4));
        // (One guest, not "his guests from the diaspora", nor "son hôte de marque venu de …".)
        if (g >= 0 && ['son', 'sa', 'his', 'her', 'their', 'leur'].includes(tokens[g - 1]?.fold ?? '') && !['de', 'du', 'des', 'from', 'of'].includes(tokens[g + 1]?.fold ?? '')) {
          const visit = [...out].reverse().find((e) => e.mode === 'visit' && !e.background && !e.subject.some((x) => subject.includes(x)));
          if (visit) counterparts = [...visit.subject];
        }
      }
      if (!subject.length && !counterparts.length) return;
      const mode = refineMode(verb.mode, cues, a, b, tr.start, zoneEnd);
      const about = cues.find((c) => c.start === zoneEnd && c.kind === 'zone_end' && TOPIC_PREPS.has(tokenFold(c.form)));
      const ownTopics = about && mode !== 'visit' && verb.role !== 'between' ? topicList(ctx.text.slice(tokens[about.end - 1]!.end, sent.end)) : [];
      // A date long before the filing date marks a recalled contact, except in the lead: mirrors and corpora
      // date pages weeks after the event.
      // "lors de leur précédente rencontre", "at their previous meeting": a recall.
      const recalled = verb.tense === 'nominal' && ['precedente', 'precedent', 'previous', 'earlier'].includes(tokens[tr.start - 1]?.fold ?? '');
      // A month before that of the contact just reported ("la rencontre …, en février", told after Monday's call
      // of 11 March) is an earlier contact.
      const earlierMonth = !!trDate?.coarse && !!trDate.from && !!lastNews?.date.start && trDate.from.slice(0, 7) < lastNews.date.start.slice(0, 7);
      const background = sentenceBackground || recalled || earlierMonth || (!!trDate && isOld(trDate, ctx.reference) && lastNews !== null);
      if (background) planned = false;
      // Where: a place named in the sentence (not inside a title), else none for now (filled later).
      if (!locationRef && mode !== 'phone_call' && mode !== 'video_call') {
        const topicStart = cues.find((c) => c.start > tr.start && (c.kind === 'topic' || (c.kind === 'zone_end' && TOPIC_PREPS.has(tokenFold(c.form)))))?.start ?? b;
        // The dateline's city is the filing place, not evidence of where this contact was.
        const inDateline = (r: Reference) => !!ctx.datelineSpan && tokens[r.start]!.start < ctx.datelineSpan.end;
        const placeRefs = refs.filter((r) => entityById.get(r.entity)?.kind === 'place' && !r.affiliationOf && r.start < topicStart && !inDateline(r) && !inParentheses(tokens, r.start, a));
        const locative = placeRefs.filter((r) => LOCATIVE.has(tokens[r.start - 1]?.fold ?? ''));
        const dist = (r: Reference) => Math.abs(r.start - tr.start);
        const pool = locative.length ? locative : placeRefs;
        locationRef = pool.length ? pool.reduce((x, y) => (dist(y) < dist(x) ? y : x)).entity : null;
        // "... au dialogue organisé au siège de l'OTAN à Bruxelles": a following sentence without a contact of
        // its own may say where this one took place.
        if (!locationRef && si + 1 < sentences.length && !triggerSentences.has(si + 1) && sentences[si + 1]!.paragraph <= sent.paragraph + 1) {
          const nextPlace = (refsBySentence.get(si + 1) ?? []).find((r) => entityById.get(r.entity)?.kind === 'place' && ['a', 'in', 'at'].includes(tokens[r.start - 1]?.fold ?? ''));
          if (nextPlace) locationRef = nextPlace.entity;
        }
      }
      // ("The same day, a call … with X, who thanked Baku for a meeting in October": a bare month later in the
      // sentence does not outweigh "the same day".)
      const sameDay = (!trDate || (trDate.coarse && !trDate.explicitYear && trDate.start > tr.start)) && has('same_day') ? lastDated ?? undefined : undefined;
      // "hier" under a dateline without a year: the day before, still without a year.
      if (trDate && !trDate.from && !trDate.partial && trDate.relative !== undefined && ctx.referencePartial) {
        const p = shiftPartial(ctx.referencePartial, trDate.relative);
        trDate = { ...trDate, partial: p };
      }
      const date = sameDay ? { ...sameDay.date } : trDate && (trDate.from || trDate.partial) && !trDate.coarse ? { start: trDate.from, end: trDate.to, ...(trDate.partial ? { partial: trDate.partial } : {}), basis: 'text' as const } : trDate?.coarse ? { start: trDate.from, end: null, basis: 'text' as const } : null;
      // "effectue depuis mercredi une visite de deux jours", "began a three-day visit on Monday": a visit that began
      // on the date runs for the days said.
      const begins = () => SINCE.has(tokens[trDate?.start ?? -1]?.fold ?? '') || SINCE.has(tokens[(trDate?.start ?? 0) - 1]?.fold ?? '') || /\b(?:entam\w*|began|begins|started|kicked off)\s(?:\S+\s){0,4}$/i.test(ctx.text.slice(Math.max(sent.start, tokens[tr.start]!.start - 80), tokens[tr.start]!.start)) || /^(?:entam|began|begins|start|kicked)/.test(tokenFold(verb.form));
      if (mode === 'visit' && date?.start && !date.end && trDate && begins()) {
        const days = visitDays(ctx.text.slice(sent.start, sent.end));
        if (days && days > 1 && /^\d{4}-\d{2}-\d{2}$/.test(date.start)) date.end = addDays(date.start, days - 1);
      }
      const evidence = [{ start: sent.start, end: sent.end }];
      const sidelines = cues.some((c) => c.kind === 'zone_end' && /marge|sidelines|margins/.test(c.form)) || /\ben marge\b|\bsidelines\b|\bmargins\b/i.test(ctx.text.slice(sent.start, sent.end));
      // Several counterparts: separate contacts by default ("a reçu les ambassadeurs A, B et C"), one contact when
      // the text says so ("met jointly", "trilatéral") or for calls, which join everyone on the line.
      const remote = mode === 'phone_call' || mode === 'video_call';
      const separate = has('separate') || (!has('joint') && !remote && counterparts.length > 1 && ['with', 'host', 'guest', 'from'].includes(verb.role));
      const base = {
        mode,
        role: (bothSides || plural) && verbRole !== 'mutual' && subject.length > 1 && !counterparts.length ? ('mutual' as const) : verbRole,
        subject,
        initiator: verb.role === 'from' ? counterparts[0] ?? null : null,
        date: date ?? { start: null, end: null, basis: 'none' as const },
        location: locationRef,
        topics: ownTopics,
        background,
        planned,
        sentence: si,
        evidence,
        confidence: confidenceOf(verb, subject, counterparts, entityById),
        sidelines,
      };
      for (const c of counterparts) taken.add(c);
      // A counterpart found in a list after the sentence: that list item is evidence too.
      const withList = (cs: string[]) => [...evidence, ...cs.flatMap((c) => (listedIn.has(c) ? [{ start: listedIn.get(c)!.start, end: listedIn.get(c)!.end }] : []))];
      const made = routeStops.size ? counterparts.map((c) => ({ ...base, counterparts: [c], location: routeStops.get(c) ?? base.location, topics: [...ownTopics], evidence: withList([c]) }))
        : separate ? counterparts.map((c) => ({ ...base, counterparts: [c], topics: [...ownTopics], evidence: withList([c]) })) : [{ ...base, counterparts, evidence: withList(counterparts) }];
      for (const m of made) {
        out.push(m);
        if (!m.background) lastNews = m;
        if (!m.background && m.date.basis !== 'none') lastDated = m;
      }
      if (subject.length === 1 && entityById.get(subject[0]!)?.kind === 'person' && !background) lastSubject = subject;
    });
  });

  applyDelegationLeaders(ctx, out, refsBySentence);
  applyLaterMedium(ctx, out, triggerSentences);
  attachTopics(ctx, out);
  if (process.env.COMMUNIQUE_DEBUG) for (const x of out) console.error("RAW", x.mode, x.role, x.subject, x.counterparts, x.sentence, x.background);
  return mergeAndDate(ctx, out);
}

// Heads that speak for the state they reside in when the text gives no other.
const HOST_HEADS = new Set(['head_of_state', 'head_of_government', 'monarch', 'vice_president', 'crown_prince']);

// Adjectives between a possessive and a contact noun ("leur précédente rencontre", "their last meeting").
const ORDINAL_ADJ = new Set(['precedente', 'derniere', 'premiere', 'recente', 'prochaine', 'previous', 'last', 'recent', 'first', 'next', 'latest', 'earlier']);

// Words that chain the stops of one journey ("à Erevan puis à Bakou", "to Kyiv and then Warsaw").
const ROUTE_LINKS = new Set(['et', 'puis', 'ensuite', 'avant', 'de', 'd', "'", 'a', 'au', 'aux', 'en', 'and', 'then', 'before', 'to', 'in', 'on', 'la', 'le', 'l', 'the']);

// Adverbs and time words that may sit inside a contact verb phrase ("a eu jeudi des rencontres", "s'est
// également entretenu", "has also met") without changing it.
const INSERTS = new Set(['egalement', 'aussi', 'ensuite', 'alors', 'notamment', 'successivement', 'brievement', 'longuement', 'deja', 'separement', 'also', 'briefly', 'later', 'subsequently', 'today', 'yesterday', 'ce', 'cet', 'cette', 'dernier', 'derniere', 'this',
  // adjectives inside "a eu un premier échange", "a eu un long entretien", "held fruitful talks"
  'premier', 'premiere', 'nouvel', 'nouveau', 'nouvelle', 'bref', 'breve', 'long', 'longue', 'important', 'importante', 'fructueux', 'fructueuse', 'cordial', 'cordiale', 'chaleureux', 'franc', 'substantiel', 'first', 'fruitful', 'productive', 'brief', 'lengthy', 'detailed', 'cordial', 'separate']);

/** Contact verbs of a sentence, matched over its tokens without the inserted adverbs and time words. */
function findTriggers(tokens: Token[], lex: Lexicon, a: number, b: number, dates: DateExpression[] = [], accented = true): TrieMatch<ContactVerb>[] {
  const kept: Token[] = [];
  const idx: number[] = [];
  for (let i = a; i < b; ) {
    const t = tokens[i]!;
    // "effectue depuis mercredi une visite": a date and the preposition that opens it.
    const d = dates.find((x) => x.start === i) ?? (SINCE.has(t.fold) ? dates.find((x) => x.start === i + 1) : undefined);
    if (d && kept.length) {
      i = d.end;
      continue;
    }
    const cal = lex.calendar.matchAt(tokens, i);
    if (cal && cal.end <= b && cal.values.some((v) => v.kind === 'weekday' || v.kind === 'relative') && kept.length) {
      i = cal.end;
      continue;
    }
    if (INSERTS.has(t.fold) && kept.length) {
      i++;
      continue;
    }
    kept.push(t);
    idx.push(i);
    i++;
  }
  // In a text written with accents, "rencontré" (met) is not "rencontre" (a meeting), nor "échangé" "échange".
  const written = (t: Token) => t.text.normalize('NFC').toLowerCase().replace(/[’`´ʼ‘]/g, "'");
  const accept = (v: ContactVerb, s: number, e: number) => !accented || v.written.every((w, k) => k >= e - s || written(kept[s + k]!) === w || !/[\u00c0-\u024f]/.test(w + written(kept[s + k]!)));
  const found = lex.verbs.scan(kept, accept).map((m) => ({ start: idx[m.start]!, end: idx[m.end - 1]! + 1, values: m.values }));
  // Light verb and contact noun far apart: "a tenu samedi à New York, en marge de l'Assemblée, des réunions
  // bilatérales avec …", "held on the sidelines of the forum separate talks with …".
  for (let i = a; i < b; i++) {
    if (!LIGHT_VERBS.has(tokens[i]!.fold) || found.some((m) => i >= m.start && i < m.end)) continue;
    if (tokens[i + 1]?.fold === 'lieu') continue; // "a eu lieu": took place
    const aux = tokens[i - 1]?.fold ?? '';
    if (!['a', 'ont', 'avait', 'avaient', 'has', 'have', 'had', 'also', 'egalement', 'aussi'].includes(aux) && !['held', 'had'].includes(tokens[i]!.fold)) continue;
    for (let j = i + 1; j < b && j - i <= 25; j++) {
      const t = tokens[j]!;
      if (t.text === ';' || found.some((m) => j >= m.start && j < m.end)) break;
      const mode = CONTACT_NOUNS.get(t.fold);
      if (!mode) continue;
      if (['de', 'of'].includes(tokens[j - 1]?.fold ?? '') && ['lors', 'cours', 'during', 'marge', 'sidelines', 'margins'].includes(tokens[j - 2]?.fold ?? '')) continue;
      const phone = /^telephoni/.test(tokens[j + 1]?.fold ?? '') || tokens[j - 1]?.fold === 'phone' || tokens[j - 1]?.fold === 'telephone';
      found.push({ start: i, end: j + 1, values: [{ form: `${tokens[i]!.text} … ${t.text}`, written: [], mode: phone ? 'phone_call' : mode, role: mode === 'reception' ? 'host' : 'with', tense: 'past' }] });
      break;
    }
  }
  return found.sort((x, y) => x.start - y.start);
}

// Verbs that are a contact only with a partner named after "avec"/"with", however far: "a discuté lundi soir, au
// cours d'une conversation téléphonique, avec son homologue", "discussed transit cargo with".
const NEEDS_WITH = new Set(['discussed', 'discuté', 'échangé', 'parlé', 'spoke', 'talked', 'exchanged views', 'reviewed']);

const SINCE = new Set(['depuis', 'since']);

const TO_HAPPEN = /\b(?:will|would|is to|are to|is expected to|are expected to|is scheduled to|should|could|may)\s(?:also\s)?(?:take place|be held)\b|\b(?:pourrait|pourraient|devrait|devraient|doit|doivent)\s(?:avoir lieu|se tenir)\b|\b(?:aura lieu|auront lieu|se tiendra|se tiendront)\b/i;

const MESSAGE_WORDS = new Set(['salutations', 'salut', 'greetings', 'regards', 'message', 'messages', 'lettre', 'letter', 'condoleances', 'condolences', 'felicitations', 'congratulations', 'invitation', 'voeux', 'wishes']);

/** A person named as the sender of a message passed on: "les salutations du président X", "greetings of/from X". */
function conveyedFrom(tokens: Token[], at: number, titleOf: Map<number, string>): boolean {
  let seen = 0;
  for (let k = at - 1; k >= 0 && seen < 6; k--) {
    if (titleOf.has(k) || tokens[k]!.text === ',') continue;
    if (tokens[k]!.cap && tokens[k]!.kind === 'word') return false; // another name stands between
    seen++;
    if (['de', 'du', 'des', 'd', 'of', 'from'].includes(tokens[k]!.fold) && MESSAGE_WORDS.has(tokens[k - 1]?.fold ?? '')) return true;
    if (tokens[k]!.fold === "'" && tokens[k - 1]?.fold === 'd' && MESSAGE_WORDS.has(tokens[k - 2]?.fold ?? '')) return true;
  }
  return false;
}

/** "les deux ministres", "the two leaders": a pair of persons (not of states or sides). */
const TWO_PERSONS = /(?:ministres|responsables|hommes|dirigeants|présidents|diplomates|chefs|ministers|leaders|presidents|officials|diplomats|men)\b/i;

const NUMBER_WORDS: Record<string, number> = { deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, two: 2, three: 3, four: 4, five: 5, seven: 7 };

/** The length in days a visit's description gives ("de deux jours", "two-day", "3-day"), or null. */
function visitDays(s: string): number | null {
  const m = /\b(?:de|d'|of)\s?(\d|deux|trois|quatre|cinq|six|sept|two|three|four|five|seven)\s(?:jours|days)\b/i.exec(s) ?? /\b(\d|two|three|four|five|six|seven)-day\b/i.exec(s);
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  return /^\d$/.test(w) ? Number(w) : NUMBER_WORDS[w] ?? null;
}

const LIGHT_VERBS = new Set(['eu', 'tenu', 'mene', 'held', 'had', 'accorde', 'granted']);
const CONTACT_NOUNS = new Map<string, string>([
  ['entretien', 'talks'], ['entretiens', 'talks'], ['reunion', 'meeting'], ['reunions', 'meeting'], ['rencontre', 'meeting'], ['rencontres', 'meeting'],
  ['discussions', 'talks'], ['pourparlers', 'talks'], ['consultations', 'talks'], ['echange', 'talks'], ['echanges', 'talks'], ['entrevue', 'meeting'],
  ['talks', 'talks'], ['meeting', 'meeting'], ['meetings', 'meeting'], ['negotiations', 'talks'], ['conversation', 'talks'],
  ['audience', 'reception'], ['audiences', 'reception'],
]);

const DETERMINERS = new Set(['la', 'le', 'les', 'l', "'", 'une', 'un', 'des', 'de', 'd', 'du', 'sa', 'son', 'ses', 'leur', 'leurs', 'cette', 'ce', 'cet', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'this']);

/** The word before a contact noun, past one adjective ("leur précédente rencontre", "their last meeting"). */
function wordBeforeNoun(tokens: Token[], i: number): Token | undefined {
  return ORDINAL_ADJ.has(tokens[i - 1]?.fold ?? '') ? tokens[i - 2] : tokens[i - 1];
}

/** A form that is both a noun and a verb ("rencontre"): the noun after a determiner, the verb elsewhere. */
function pickReading(values: ContactVerb[], prev: Token | undefined, lang: string): ContactVerb {
  if (values.length < 2) return values[0]!;
  // French "a" is the auxiliary ("a rencontré"), English "a" the article ("a meeting").
  const nounContext = !!prev && DETERMINERS.has(prev.fold) && !(lang === 'fr' && prev.text.toLowerCase() === 'a');
  return values.find((v) => (v.tense === 'nominal') === nounContext) ?? values[0]!;
}

function isParty(r: Reference): boolean {
  // A country or organisation named inside a person's title speaks through that person.
  return !r.affiliationOf || r.via === 'name';
}

function insidePersonTitle(ents: EntityResult, r: Reference): boolean {
  return ents.titleOf.has(r.start) && r.via !== 'name';
}

/** A reference right after "de", "en", "à" etc. is a complement ("visite en Belgique"), not a subject. */
function isComplement(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1]?.fold;
  const p2 = tokens[i - 2]?.fold;
  return ['de', 'du', 'des', 'en', 'a', 'au', 'aux', 'in', 'to', 'of', 'from', 'with', 'avec', 'entre', 'between', 'sur', 'on', 'pour', 'for', 'par', 'by'].includes(p ?? '') || (p === "'" && ['d', 'l'].includes(p2 ?? '') && ['de', 'a', 'avec', 'entre', 'sur', 'pour', 'par'].includes(tokens[i - 3]?.fold ?? '')) || (p === "'" && p2 === 'd');
}

function personSpeaksFor(p: { kind: string; country?: string; org?: string } | undefined, other: { kind: string; code?: string } | undefined): boolean {
  if (!p || !other || p.kind !== 'person') return false;
  return !!other.code && (p.country === other.code || p.org === other.code);
}

function isGenericNominal(tokens: Token[], i: number): boolean {
  return ['l', "'", 'cet', 'cette', 'the'].includes(tokens[i - 1]?.fold ?? '');
}

function findWord(tokens: Token[], words: string[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (words.includes(tokens[i]!.fold)) return i;
  return -1;
}

function findZoneEnd(tokens: Token[], cues: CueHit[], from: number, to: number, role: ContactVerb['role']): number {
  let end = to;
  for (const c of cues) {
    if (c.kind !== 'zone_end' && c.kind !== 'topic') continue;
    if (c.start < from || c.start >= end) continue;
    // "on Monday", "on 12 June": a date, not a topic.
    if (c.form === 'on' && isDateWord(tokens[c.end])) continue;
    if (role === 'visit' || role === 'join') {
      if (!JOIN_ZONE_END.has(tokenFold(c.form))) continue;
    }
    end = c.start;
  }
  // A list after a colon runs across semicolons ("one by one: Ambassador of Chile A; Ambassador of Kenya B; …").
  let colon = false;
  for (let i = from; i < end; i++) {
    if (tokens[i]!.text === ':') colon = true;
    if (tokens[i]!.text === ';' && !colon) return i;
  }
  return end;
}

/** Inside an aside in parentheses ("(with residence in Moscow)"). */
function inParentheses(tokens: Token[], i: number, from: number): boolean {
  for (let k = i - 1; k >= from && i - k < 15; k--) {
    if (tokens[k]!.text === ')') return false;
    if (tokens[k]!.text === '(') return true;
  }
  return false;
}

const REPORTING = new Set(['said', 'says', 'told', 'announced', 'stated', 'reported', 'added', 'declare', 'indique', 'annonce', 'precise', 'affirme', 'ajoute', 'rapporte']);
/** "the ministry said on Monday", "a indiqué mardi": the date of the report, not of the contact. */
function afterReportingVerb(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 2; k--) if (REPORTING.has(tokens[k]!.fold)) return true;
  return false;
}

function isDateWord(t: Token | undefined): boolean {
  return !!t && (t.kind === 'number' || /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/.test(t.fold));
}

function tokenFold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function refineMode(mode: string, cues: CueHit[], a: number, b: number, trStart: number, zoneEnd: number): string {
  if (mode === 'talks' || mode === 'meeting' || mode === 'reception') {
    const near = (kind: string) => cues.some((c) => c.kind === kind && c.start >= a && c.end <= b && Math.abs(c.start - trStart) < 30 && c.start < zoneEnd + 10);
    if (near('video')) return 'video_call';
    if (near('phone') && mode !== 'reception') return 'phone_call';
  }
  return mode;
}

function nearestDate(dates: DateExpression[], at: number): DateExpression | undefined {
  let best: DateExpression | undefined;
  let bestD = Infinity;
  for (const d of dates) {
    const dist = d.end <= at ? at - d.end : d.start - at;
    const penalty = d.coarse ? 20 : 0;
    if (dist + penalty < bestD) {
      best = d;
      bestD = dist + penalty;
    }
  }
  return best;
}

/** A date well before the reference date: the sentence recalls an earlier contact. */
function isOld(d: DateExpression, ref: string | null): boolean {
  if (!d.from || !ref) return false;
  const r = parseIso(ref);
  const x = parseIso(d.from);
  if (!r || !x) return false;
  const rd = r.y * 372 + r.m * 31 + (r.d || 31);
  const xd = x.y * 372 + x.m * 31 + (x.d || 1);
  return rd - xd > 45;
}

function confidenceOf(verb: ContactVerb, subject: string[], counterparts: string[], byId: Map<string, { kind: string }>): number {
  let c = verb.tense === 'nominal' ? 0.6 : 0.8;
  if (subject.some((s) => byId.get(s)?.kind === 'person')) c += 0.1;
  if (!counterparts.length) c -= 0.3;
  return Math.round(Math.max(0.1, Math.min(0.95, c)) * 100) / 100;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

const DELEGATION = /\b(?:délégation|delegation)\b/i;
const LED_BY = /\b(?:dirigée?s?|conduite?s?|menée?s?|présidée?s?|led|headed|chaired)\s+(?:par|by)\b/i;

/**
 * "La délégation de l'Union européenne a été dirigée par Enrique Mora": the person who led a side stands for it
 * in the contact reported just before.
 */
function applyDelegationLeaders(ctx: EventContext, events: Interaction[], refsBySentence: Map<number, Reference[]>): void {
  const byId = new Map(ctx.ents.entities.map((e) => [e.id, e]));
  ctx.sentences.forEach((sent, si) => {
    const s = ctx.text.slice(sent.start, sent.end);
    const led = LED_BY.exec(s);
    if (!led || !DELEGATION.test(s)) return;
    const at = sent.start + led.index;
    const refs = refsBySentence.get(si) ?? [];
    const leader = refs.find((r) => ctx.tokens[r.start]!.start > at && byId.get(r.entity)?.kind === 'person');
    const side = refs.find((r) => ctx.tokens[r.start]!.start < at && ['country', 'organization'].includes(byId.get(r.entity)?.kind ?? ''));
    if (!leader || !side) return;
    const target = [...events].reverse().find((e) => e.sentence <= si && e.sentence >= si - 3 && (e.counterparts.includes(side.entity) || e.subject.includes(side.entity)));
    if (!target) return;
    const swap = (xs: string[]) => xs.map((x) => (x === side.entity ? leader.entity : x));
    target.counterparts = swap(target.counterparts);
    target.subject = swap(target.subject);
    if (!target.evidence.some((x) => x.start === sent.start)) target.evidence.push({ start: sent.start, end: sent.end });
    const p = byId.get(leader.entity)!;
    const e = byId.get(side.entity)!;
    if (!p.country && !p.org) {
      if (e.kind === 'country') p.country = e.code;
      else p.org = e.code;
    }
  });
}

const LATER_PHONE = /(?:au cours de (?:l['’]appel|cet appel|la conversation téléphonique|l['’]entretien téléphonique|cet entretien téléphonique)|lors de (?:l['’]appel|cet appel|l['’]entretien téléphonique)|pendant l['’]appel|during the (?:call|phone call|telephone conversation|phone conversation)|on the call|in the call)\b/i;
const LATER_VIDEO = /\b(?:au cours de la visioconférence|lors de la visioconférence|during the video ?(?:call|conference))\b/i;

/** "s'est entretenue aujourd'hui avec … Au cours de l'appel, …": the medium said after the contact. */
function applyLaterMedium(ctx: EventContext, events: Interaction[], triggerSentences: Set<number>): void {
  ctx.sentences.forEach((sent, si) => {
    if (triggerSentences.has(si)) return;
    const s = ctx.text.slice(sent.start, sent.end);
    const mode = LATER_VIDEO.test(s) ? 'video_call' : LATER_PHONE.test(s) ? 'phone_call' : null;
    if (!mode) return;
    for (const e of events) {
      if (e.sentence < si && si - e.sentence <= 3 && (e.mode === 'talks' || e.mode === 'meeting') && !e.background) {
        e.mode = mode;
        e.location = null;
      }
    }
  });
}

function attachTopics(ctx: EventContext, events: Interaction[]): void {
  const { sentences, tokens, lex, text } = ctx;
  const bySentence = new Map<number, Interaction[]>();
  for (const e of events) {
    const l = bySentence.get(e.sentence);
    if (l) l.push(e);
    else bySentence.set(e.sentence, [e]);
  }
  sentences.forEach((sent, si) => {
    const topics = findTopics(text, tokens, lex, sent);
    if (!topics.length) return;
    // The events of this sentence, else of the closest earlier sentence that has events.
    let target = bySentence.get(si) ?? [];
    if (!target.length) {
      for (let k = si - 1; k >= 0 && si - k <= 4; k--) {
        target = bySentence.get(k) ?? [];
        if (target.length) break;
      }
    }
    for (const e of target) {
      for (const t of topics) if (!e.topics.includes(t)) e.topics.push(t);
      addEvidence(e, sent);
    }
  });
}

const evidenceSeen = new WeakMap<Interaction, Set<number>>();
/** Adds a sentence to an event's evidence once. */
function addEvidence(e: Interaction, span: { start: number; end: number }): void {
  let seen = evidenceSeen.get(e);
  if (!seen) evidenceSeen.set(e, (seen = new Set(e.evidence.map((x) => x.start))));
  if (seen.has(span.start)) return;
  seen.add(span.start);
  e.evidence.push({ start: span.start, end: span.end });
}

const IN_PERSON = new Set(['meeting', 'reception', 'talks', 'multilateral', 'credentials', 'visit']);

function mergeAndDate(ctx: EventContext, events: Interaction[]): Interaction[] {
  const byCode = new Map(ctx.ents.entities.filter((e) => e.code && (e.kind === 'country' || e.kind === 'organization')).map((e) => [e.code!, e.id]));
  const byId = new Map(ctx.ents.entities.map((e) => [e.id, e]));
  const sideOf: SideOf = (id) => {
    const e = byId.get(id);
    if (!e || e.kind !== 'person') return undefined;
    return byCode.get(e.country ?? e.org ?? '');
  };
  // 1. Events without a counterpart right after an event of the same subject add to it (topics, evidence).
  const kept: Interaction[] = [];
  // Indexes by subject, by parties and by sides keep the merge linear in the number of events.
  const lastBySubject = new Map<string, Interaction>();
  const byParties = new Map<string, Interaction[]>();
  const bySides = new Map<string, Interaction[]>();
  const partiesKey = (e: Interaction) => [...new Set([...e.subject, ...e.counterparts])].sort().join('|');
  const sidesKey = (e: Interaction) => [...new Set([...e.subject, ...e.counterparts].map((x) => sideOf(x) ?? x))].sort().join('|');
  const index = (e: Interaction) => {
    for (const [map, key] of [[byParties, partiesKey(e)], [bySides, sidesKey(e)]] as const) {
      const l = map.get(key);
      if (l) l.push(e);
      else map.set(key, [e]);
    }
  };
  for (const e of events) {
    const p = lastBySubject.get(e.subject.join());
    const prev = p && !p.background && e.sentence - p.sentence <= 2 ? p : undefined;
    // (Not a plan or a recall of a group's contact: "ils se sont entretenus … les deux ministres sont convenus de se
    // rencontrer" is a second contact.)
    const another = e.role === 'mutual' && e.subject.length >= 2 && !!prev && (e.planned !== prev.planned || e.background !== prev.background);
    if (!e.counterparts.length && e.mode !== 'interview' && !another) {
      if (prev) {
        for (const t of e.topics) if (!prev.topics.includes(t)) prev.topics.push(t);
        for (const ev of e.evidence) addEvidence(prev, ev);
        continue;
      }
      if (e.role !== 'mutual' || e.subject.length < 2) continue;
    }
    if (new Set([...e.subject, ...e.counterparts]).size < 2 && e.mode !== 'interview') continue;
    // 2. The same contact stated twice (a verb, then "lors de l'entretien avec") is one event; so is a contact
    // first told by sides ("le chef de la diplomatie russe reçoit son homologue éthiopien") then by names.
    const candidates = [...(byParties.get(partiesKey(e)) ?? []), ...(bySides.get(sidesKey(e)) ?? [])];
    const same = candidates.find((k) => (sameParties(k, e) || sameSides(sideOf, k, e)) && k.background === e.background && k.planned === e.planned && compatibleMode(k.mode, e.mode) && compatibleDate(k, e));
    if (same && !sameParties(same, e) && specificity(sideOf, e) > specificity(sideOf, same)) {
      same.subject = e.subject;
      same.counterparts = e.counterparts;
      same.role = e.role;
    }
    if (same) {
      for (const t of e.topics) if (!same.topics.includes(t)) same.topics.push(t);
      for (const ev of e.evidence) addEvidence(same, ev);
      if (e.mode !== same.mode && (same.mode === 'talks' || same.mode === 'meeting')) same.mode = e.mode;
      if (!same.location) same.location = e.location;
      if (same.date.basis === 'none' && e.date.basis !== 'none') same.date = e.date;
      if (!sameParties(same, e)) index(same);
      continue;
    }
    // "La délégation se rendra ensuite à Shanghai": a next stop in the state the visitor is visiting now is the same
    // visit, not a plan of another.
    if (e.mode === 'visit' && e.planned && !e.background) {
      const on = (byParties.get(partiesKey(e)) ?? []).find((k) => k.mode === 'visit' && !k.planned && !k.background && sameParties(k, e));
      if (on) {
        for (const ev of e.evidence) addEvidence(on, ev);
        continue;
      }
    }
    kept.push(e);
    index(e);
    lastBySubject.set(e.subject.join(), e);
  }
  // The day the lead gives ("packed his Tuesday schedule with bilateral meetings") dates the contacts the
  // dispatch reports without a date of their own, before the dateline does.
  let leadDay: string | null = null;
  for (const sent of ctx.sentences.slice(0, 2)) {
    const d = findDates(ctx.tokens, ctx.lex, firstToken(ctx.tokens, sent.start), firstToken(ctx.tokens, sent.end), ctx.reference).find(
      (x) => x.from && x.from.length === 10 && !x.future && !x.coarse && !x.explicitYear && (!ctx.datelineSpan || ctx.tokens[x.start]!.start >= ctx.datelineSpan.end),
    );
    if (d && ctx.reference && d.from! <= ctx.reference && !isOld(d, ctx.reference)) {
      leadDay = d.from;
      break;
    }
  }
  // A visit dated only in a following sentence ("During the visit, scheduled from January 13 to 15, …").
  for (const e of kept) {
    if (e.mode !== 'visit' || e.date.basis !== 'none') continue;
    for (let k = e.sentence + 1; k <= e.sentence + 2 && k < ctx.sentences.length; k++) {
      const sent = ctx.sentences[k]!;
      if (!/\bvisit|\bvisite|\bséjour/i.test(ctx.text.slice(sent.start, sent.end))) continue;
      const range = findDates(ctx.tokens, ctx.lex, firstToken(ctx.tokens, sent.start), firstToken(ctx.tokens, sent.end), ctx.reference).find((d) => d.from && d.to);
      if (range) {
        e.date = { start: range.from, end: range.to, basis: 'text' };
        break;
      }
    }
  }
  // 3. Dates and places from the frame: a dated visit covers the contacts reported during it; otherwise the
  // dateline's date, else the filing date.
  let frame: Interaction | null = null;
  let plannedVisit: Interaction | null = null;
  let lastPlace: Interaction | null = null;
  // A trip abroad reported in the dispatch: its contacts are not in the dateline's city (APP files from Islamabad
  // on the minister's visit to Malaysia).
  const datelineCountry = ctx.datelinePlace ? byId.get(ctx.datelinePlace)?.country : undefined;
  const countryOf = (id: string | null | undefined) => {
    const x = id ? byId.get(id) : undefined;
    return x?.kind === 'country' ? x.code : x?.country;
  };
  const abroad = kept.find(
    (e) =>
      !e.planned &&
      !e.background &&
      !!datelineCountry &&
      ((e.mode === 'visit' && e.counterparts.some((c) => !!countryOf(c) && countryOf(c) !== datelineCountry)) ||
        (IN_PERSON.has(e.mode) && !!e.location && !!countryOf(e.location) && countryOf(e.location) !== datelineCountry)),
  );
  // The latest located in-person contact that shares a side with this one, within the same days.
  const located: Interaction[] = [];
  const placeFor = (e: Interaction): Interaction | undefined => {
    for (let k = located.length - 1; k >= 0 && located.length - k <= 12; k--) {
      const l = located[k]!;
      if (sharesSide(sideOf, l, e) && withinDates(e, l)) return l;
    }
    return undefined;
  };
  for (const e of kept) {
    if (e.date.basis === 'none' && !e.background && !e.planned) {
      const prev = frame;
      if (prev && prev.date.basis === 'text' && (prev.mode === 'visit' || e.sentence - prev.sentence <= 1 || sameSubject(sideOf, prev, e))) {
        e.date = { ...prev.date };
        if (!e.location && IN_PERSON.has(e.mode) && prev.location && prev.mode !== 'visit' && e.sentence - prev.sentence <= 1) e.location = prev.location;
      } else if (leadDay) e.date = { start: leadDay, end: null, basis: 'text' };
      else if (ctx.datelineDate) e.date = { start: ctx.datelineDate, end: null, basis: 'dateline' };
      else if (ctx.published) e.date = { start: ctx.published, end: null, basis: 'published' };
      else if (ctx.referencePartial) e.date = { start: null, end: null, partial: { ...ctx.referencePartial }, basis: 'dateline' };
    }
    const near = !e.location && IN_PERSON.has(e.mode) && !e.background && !e.planned ? placeFor(e) : undefined;
    if (!e.location && IN_PERSON.has(e.mode) && !e.background && !e.planned && frame?.mode === 'visit' && frame.location && sameSubject(sideOf, frame, e)) {
      e.location = near && near.sentence > frame.sentence ? near.location : frame.location;
    }
    if (!e.location && near && e.mode !== 'visit') {
      // "Plus tard dans la journée, il s'est entretenu avec…", "En marge de la réunion, …": where the same side was.
      e.location = near.location;
    }
    if (e.location && IN_PERSON.has(e.mode) && !e.background && !e.planned && e.mode !== 'visit') {
      lastPlace = e;
      located.push(e);
    }
    if (!e.location && IN_PERSON.has(e.mode) && !e.background && !e.planned && e.mode !== 'visit' && abroad?.location && sameSubject(sideOf, abroad, e)) e.location = abroad.location;
    if (!e.location && IN_PERSON.has(e.mode) && !e.background && !e.planned && e.mode !== 'visit' && ctx.datelinePlace && !abroad) e.location = ctx.datelinePlace;
    if (!e.background && !e.planned && (e.date.basis === 'text' || !frame)) frame = e.mode === 'visit' || !frame || frame.mode !== 'visit' ? e : frame;
    // A visit announced with its day: the contacts on its programme take that day and place ("est attendue mardi à
    // Dakar … Au programme, une séance de travail avec …").
    if (e.planned && !e.background && e.mode === 'visit' && e.date.basis === 'text') plannedVisit = e;
    else if (e.planned && !e.background && e.mode !== 'visit' && e.date.basis === 'none' && plannedVisit && e.sentence - plannedVisit.sentence <= 3 && sameSubject(sideOf, plannedVisit, e)) {
      e.date = { ...plannedVisit.date };
      if (!e.location && IN_PERSON.has(e.mode)) e.location = plannedVisit.location;
    }
  }
  return kept;
}

/** The state or organisation a person speaks for, as an entity id (undefined for other entities). */
type SideOf = (id: string) => string | undefined;

/** Same acting side: the same subject, or a subject and the state or organisation it speaks for. */
function sameSubject(sideOf: SideOf, a: Interaction, b: Interaction): boolean {
  if (a.subject.some((s) => b.subject.includes(s))) return true;
  const sides = new Set([...a.subject, ...a.subject.map(sideOf)].filter(Boolean));
  return [...b.subject, ...b.counterparts].some((x) => sides.has(x) || sides.has(sideOf(x)));
}

function sameParties(a: Interaction, b: Interaction): boolean {
  const pa = new Set([...a.subject, ...a.counterparts]);
  const pb = new Set([...b.subject, ...b.counterparts]);
  if (pa.size !== pb.size) return false;
  for (const x of pa) if (!pb.has(x)) return false;
  return true;
}

/** Any participant of one stands for the same side as a participant of the other. */
function sharesSide(sideOf: SideOf, a: Interaction, b: Interaction): boolean {
  const side = (id: string) => sideOf(id) ?? id;
  const sa = new Set([...a.subject, ...a.counterparts].map(side));
  return [...b.subject, ...b.counterparts].some((x) => sa.has(side(x)));
}

/** b's date falls within a's days (or is unknown). */
function withinDates(b: Interaction, a: Interaction): boolean {
  if (!b.date.start || !a.date.start) return true;
  const end = a.date.end ?? a.date.start;
  return b.date.start >= a.date.start && b.date.start <= end;
}

/** Both events between the same states or organisations, one of them naming a side only by its state. */
function sameSides(sideOf: SideOf, a: Interaction, b: Interaction): boolean {
  const side = (id: string) => sideOf(id) ?? id;
  const sa = new Set([...a.subject, ...a.counterparts].map(side));
  const sb = new Set([...b.subject, ...b.counterparts].map(side));
  if (sa.size !== sb.size || sa.size < 2) return false;
  for (const x of sa) if (!sb.has(x)) return false;
  // Only when one of them names a side by its state: two different persons of the same states met apart.
  const unnamed = (e: Interaction) => [...e.subject, ...e.counterparts].some((x) => !sideOf(x));
  return unnamed(a) || unnamed(b);
}

function specificity(sideOf: SideOf, e: Interaction): number {
  return [...e.subject, ...e.counterparts].filter((x) => sideOf(x)).length;
}

function compatibleMode(a: string, b: string): boolean {
  if (a === b) return true;
  const family = (m: string) => (m === 'phone_call' || m === 'video_call' ? 'remote' : m === 'visit' || m === 'multilateral' || m === 'interview' ? m : 'meet');
  return family(a) === family(b) || (family(a) === 'meet' && b === 'phone_call') || (a === 'phone_call' && family(b) === 'meet');
}

function compatibleDate(a: Interaction, b: Interaction): boolean {
  if (a.date.basis === 'none' || b.date.basis === 'none') return true;
  if (a.date.start === b.date.start) return true;
  // a day inside the other's range ("a working visit on June 11-12 … talks on June 12")
  return !!a.date.start && !!b.date.start && ((!!a.date.end && withinDates(b, a)) || (!!b.date.end && withinDates(a, b)));
}
