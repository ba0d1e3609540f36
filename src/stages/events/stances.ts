// Stances coded to PLOVER besides contacts: support ("soutien à l'intégrité territoriale de l'Azerbaïdjan",
// "welcomed"), requests ("l'occupation doit être cessée", "urged"), accusations ("a condamné") and rejections.
// A stance is kept only when the text names both who takes it and towards whom: an unnamed actor or target gives
// nothing rather than a guess.
import type { Token } from '../../text/tokens.ts';
import type { StanceVerb } from '../../lang/index.ts';
import type { Reference } from '../entities/index.ts';
import { firstToken } from '../entities/index.ts';
import { findDates } from '../dates/index.ts';
import type { EventContext } from './index.ts';

export interface Stance {
  type: StanceVerb['type'];
  cameo: string;
  actor: string;
  recipient: string;
  sentence: number;
  evidence: { start: number; end: number };
  date: { start: string | null; end: string | null; partial?: { month: number; day?: number }; basis: 'text' | 'dateline' | 'published' | 'none' };
  topic: string | null;
}

const NEGATION = new Set(['pas', 'not', 'ne', 'jamais', 'never']);

export function findStances(ctx: EventContext): Stance[] {
  const { tokens, sentences, lex, ents, text } = ctx;
  const byId = new Map(ents.entities.map((e) => [e.id, e]));
  const refsBySentence = new Map<number, Reference[]>();
  for (const r of ents.references) {
    const l = refsBySentence.get(r.sentence);
    if (l) l.push(r);
    else refsBySentence.set(r.sentence, [r]);
  }
  const sideOf = (id: string): string => {
    const e = byId.get(id);
    return e?.kind === 'person' ? e.country ?? e.org ?? id : e?.code ?? id;
  };
  const out: Stance[] = [];
  const seen = new Set<string>();
  sentences.forEach((sent, si) => {
    const a = firstToken(tokens, sent.start);
    const b = firstToken(tokens, sent.end);
    const refs = (refsBySentence.get(si) ?? []).filter((r) => !r.affiliationOf || r.via === 'name');
    for (const m of lex.stances.scan(tokens.slice(a, b))) {
      const start = a + m.start;
      const end = a + m.end;
      const verb = m.values[0]!;
      // "called on the minister" is a call; "called on Rwanda to withdraw" an appeal.
      if (/^call/.test(verb.form) && !tokens.slice(end, Math.min(b, end + 7)).some((t) => t.fold === 'to')) continue;
      if (NEGATION.has(tokens[start - 1]?.fold ?? '') || NEGATION.has(tokens[start - 2]?.fold ?? '')) continue;
      const actor = actorBefore(refs, start, a, byId, tokens);
      if (!actor) continue;
      const candidates = refs.filter((r) => {
        const k = byId.get(r.entity)?.kind;
        if (k !== 'country' && k !== 'organization' && k !== 'person') return false;
        if (sideOf(r.entity) === sideOf(actor) || r.entity === actor) return false;
        return verb.recipient === 'clause' ? true : r.start >= end;
      });
      const target = verb.recipient === 'clause' ? nearest(candidates, start) : candidates[0];
      if (!target) continue;
      const key = `${verb.type}|${actor}|${target.entity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const d = findDates(tokens, lex, a, b, ctx.reference)[0];
      const date = d?.from
        ? { start: d.from, end: d.to, basis: 'text' as const }
        : ctx.datelineDate
          ? { start: ctx.datelineDate, end: null, basis: 'dateline' as const }
          : ctx.published
            ? { start: ctx.published, end: null, basis: 'published' as const }
            : { start: null, end: null, basis: 'none' as const };
      const after = text.slice(tokens[end - 1]!.end, sent.end).replace(/^[\s,:]+/, '').replace(/[.;!?»"”]+$/, '').trim();
      out.push({ type: verb.type, cameo: verb.cameo, actor, recipient: target.entity, sentence: si, evidence: { start: sent.start, end: sent.end }, date, topic: verb.recipient === 'object' && after ? after.slice(0, 160) : null });
    }
  });
  return out;
}

function actorBefore(refs: Reference[], at: number, from: number, byId: Map<string, { kind: string }>, tokens: Token[]): string | null {
  const before = refs.filter((r) => r.end <= at && r.start >= from);
  const persons = before.filter((r) => byId.get(r.entity)?.kind === 'person');
  if (persons.length) return persons[persons.length - 1]!.entity;
  // A state or body that opens the clause ("L'UE a salué …", "La Türkiye condamne …").
  const first = before.find((r) => ['country', 'organization'].includes(byId.get(r.entity)?.kind ?? '') && !['de', 'du', 'des', 'of', 'to', 'a', 'en', 'in'].includes(tokens[r.start - 1]?.fold ?? ''));
  return first?.entity ?? null;
}

function nearest(refs: Reference[], at: number): Reference | undefined {
  let best: Reference | undefined;
  for (const r of refs) if (!best || Math.abs(r.start - at) < Math.abs(best.start - at)) best = r;
  return best;
}
