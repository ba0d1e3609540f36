// An event as a card: mode (coloured as on the timeline), date, who took part, where, about what, and a way to
// its evidence: the sentence on the same page, or the dispatch that reports it.
import { h } from '../dom.ts';
import { dispatchLabel, formatDate, kindLabel, label, modeLabel, t } from '../i18n.ts';
import { modeColour } from '../modes.ts';
import { href } from '../router.ts';
import type { ArchiveEvent, Dispatch } from '../api.ts';

export interface CardParticipant {
  name: string;
  kind: string;
  side?: string | null;
  entity?: number | null;
}

export interface CardModel {
  n: number;
  mode: string;
  type: string;
  date: { start: string | null; end: string | null };
  planned: boolean;
  background: boolean;
  participants: CardParticipant[];
  location: { name: string; entity?: number | null } | null;
  topics: string[];
  reports?: number;
  dispatch?: { id: number; title: string | null; source: string; url: string | null; published: string | null; event: number };
  evidenceText?: string;
}

export function fromArchiveEvent(ev: ArchiveEvent, n: number, withDispatch: boolean): CardModel {
  return {
    n,
    mode: ev.mode,
    type: ev.type,
    date: ev.date,
    planned: ev.planned,
    background: ev.background,
    participants: ev.participants.map((p) => ({ name: p.asWritten || p.name, kind: p.kind, side: p.side, entity: p.entity })),
    location: ev.location ? { name: ev.location.name, entity: ev.location.entity } : null,
    topics: ev.topics,
    reports: ev.reports,
    dispatch: withDispatch ? { id: ev.dispatch.id, title: ev.dispatch.title, source: ev.dispatch.source, url: ev.dispatch.url, published: ev.dispatch.published, event: ev.id } : undefined,
    evidenceText: withDispatch ? ev.evidence.map((e) => e.text).join(' ') : undefined,
  };
}

export function fromExtraction(d: Dispatch, ev: Dispatch['events'][number], n: number): CardModel {
  const byId = new Map(d.entities.map((e) => [e.id, e]));
  const loc = ev.location ? byId.get(ev.location) : undefined;
  return {
    n,
    mode: ev.mode,
    type: ev.type,
    date: ev.date,
    planned: !!ev.planned,
    background: ev.background,
    participants: ev.participants.map((id) => {
      const e = byId.get(id);
      return { name: e?.name ?? id, kind: e?.kind ?? 'other', side: e?.code ?? e?.country ?? e?.org ?? null };
    }),
    location: loc ? { name: loc.name } : null,
    topics: ev.topics,
  };
}

/** A square of the mode's colour (set through the CSSOM, which the Content-Security-Policy allows). */
export function swatch(mode: string): HTMLElement {
  const el = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  el.style.backgroundColor = modeColour(mode);
  return el;
}

function dateRange(d: CardModel['date']): string {
  if (!d.start) return t('undated');
  return d.end && d.end !== d.start ? `${formatDate(d.start)} – ${formatDate(d.end)}` : formatDate(d.start);
}

export function eventCard(c: CardModel, opts: { onSentence?: (n: number) => void } = {}): HTMLElement {
  const who = c.participants.map((p, i) => [
    i ? ', ' : '',
    p.entity ? h('a', { href: href('entity', [p.entity]), class: `who who-${p.kind}` }, p.name) : h('span', { class: `who who-${p.kind}` }, p.name),
    p.side && p.kind === 'person' ? h('span', { class: 'side' }, ` (${p.side})`) : null,
  ]);
  return h(
    'article',
    { class: 'card', id: `card-${c.n}`, tabindex: -1, 'aria-labelledby': `card-${c.n}-title` },
    h(
      'header',
      null,
      h('span', { class: 'num', 'aria-hidden': 'true' }, String(c.n)),
      h('span', { class: 'mode-chip', 'data-mode': c.mode }, swatch(c.mode), modeLabel(c.mode)),
      h('span', { class: 'ptype' }, c.type),
      c.planned ? h('span', { class: 'flag' }, t('planned')) : null,
      c.background ? h('span', { class: 'flag' }, t('background')) : null,
    ),
    h('h3', { id: `card-${c.n}-title`, class: 'card-date' }, dateRange(c.date)),
    h('p', { class: 'who-line' }, h('span', { class: 'label' }, label('participants')), who),
    c.location
      ? h('p', null, h('span', { class: 'label' }, label('location')), c.location.entity ? h('a', { href: href('entity', [c.location.entity]) }, c.location.name) : c.location.name)
      : null,
    c.topics.length ? h('p', null, h('span', { class: 'label' }, label('topics')), c.topics.join(' · ')) : null,
    c.evidenceText ? h('blockquote', { class: 'evidence-quote' }, c.evidenceText) : null,
    h(
      'p',
      { class: 'card-actions' },
      c.reports && c.reports > 1 ? h('span', { class: 'reports' }, t('reports', { n: c.reports })) : null,
      opts.onSentence ? h('button', { type: 'button', class: 'link-button', onclick: () => opts.onSentence!(c.n) }, t('toSentence')) : null,
      c.dispatch
        ? h('a', { href: href('dispatch', [c.dispatch.id], { event: c.dispatch.event }) }, dispatchLabel(c.dispatch), c.dispatch.published ? ` · ${formatDate(c.dispatch.published)}` : '')
        : null,
    ),
  );
}

export { kindLabel };
