// A dispatch's cleaned text with its entity mentions and evidence sentences highlighted and the noise that cleaning
// removed shown greyed where it was. Spans may overlap: the text is cut at every span boundary and each piece
// carries the classes of the spans covering it. Every piece of text is a text node.
import { h, type Child } from '../dom.ts';
import { t, kindLabel } from '../i18n.ts';

export interface Mention {
  start: number;
  end: number;
  kind: string;
  /** Groups the mentions of one entity (hovering the entity list lights them up). */
  entity: string;
  label: string;
}

export interface EvidenceSpan {
  start: number;
  end: number;
  /** The number of the event card this sentence proves (1-based). */
  card: number;
}

export interface Noise {
  start: number;
  end: number;
  kind: string;
  text: string;
}

export interface TextModel {
  text: string;
  mentions: Mention[];
  evidence: EvidenceSpan[];
  noise: Noise[];
}

/** Where each removed piece of noise stood in the cleaned text. Noise offsets point into the input, not the text:
 *  the input offset less what was removed before it approximates the text offset, which is then moved to the
 *  nearest line boundary so that noise never splits a word. */
export function placeNoise(text: string, noise: Noise[]): { at: number; noise: Noise }[] {
  const sorted = [...noise].sort((a, b) => a.start - b.start);
  let removed = 0;
  const out: { at: number; noise: Noise }[] = [];
  for (const n of sorted) {
    let at = Math.max(0, Math.min(text.length, n.start - removed));
    removed += Math.max(0, n.end - n.start);
    if (at > 0 && at < text.length && text[at - 1] !== '\n') {
      const prev = text.lastIndexOf('\n', at - 1) + 1;
      const nextNl = text.indexOf('\n', at);
      const next = nextNl < 0 ? text.length : nextNl + 1;
      at = at - prev <= next - at ? prev : next;
    }
    out.push({ at, noise: n });
  }
  return out;
}

interface Piece {
  start: number;
  end: number;
  mention: Mention | null;
  cards: number[];
}

/** Cuts the text at every boundary; a sweep keeps the spans open at each point. */
export function pieces(text: string, mentions: Mention[], evidence: EvidenceSpan[], cuts: number[] = []): Piece[] {
  const valid = <T extends { start: number; end: number }>(s: T) => s.start >= 0 && s.end <= text.length && s.start < s.end;
  const ms = mentions.filter(valid);
  const ev = evidence.filter(valid);
  const points = new Set<number>([0, text.length, ...cuts.filter((c) => c >= 0 && c <= text.length)]);
  for (const s of [...ms, ...ev]) {
    points.add(s.start);
    points.add(s.end);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const starts = new Map<number, { m: Mention[]; e: EvidenceSpan[] }>();
  for (const m of ms) (starts.get(m.start) ?? starts.set(m.start, { m: [], e: [] }).get(m.start)!).m.push(m);
  for (const e of ev) (starts.get(e.start) ?? starts.set(e.start, { m: [], e: [] }).get(e.start)!).e.push(e);
  let openM: Mention[] = [];
  let openE: EvidenceSpan[] = [];
  const out: Piece[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    openM = openM.filter((m) => m.end > a);
    openE = openE.filter((e) => e.end > a);
    const st = starts.get(a);
    if (st) {
      openM.push(...st.m);
      openE.push(...st.e);
    }
    // The innermost mention wins where mentions nest ("Azerbaïdjan" inside a longer title).
    const mention = openM.length ? openM.reduce((x, y) => (y.end - y.start < x.end - x.start ? y : x)) : null;
    out.push({ start: a, end: b, mention, cards: [...new Set(openE.map((e) => e.card))].sort((x, y) => x - y) });
  }
  return out;
}

export interface RenderedText {
  element: HTMLElement;
  /** Focuses and flashes the sentence proving a card's event. */
  showSentence(card: number): void;
}

export function annotatedText(model: TextModel, opts: { showNoise: boolean; onCard?: (card: number) => void }): RenderedText {
  const { text } = model;
  const noise = placeNoise(text, model.noise);
  const noiseAt = new Map<number, Noise[]>();
  for (const n of noise) (noiseAt.get(n.at) ?? noiseAt.set(n.at, []).get(n.at)!).push(n.noise);
  const evidenceEnds = new Map<number, number[]>();
  for (const e of model.evidence) (evidenceEnds.get(e.end) ?? evidenceEnds.set(e.end, []).get(e.end)!).push(e.card);
  const firstPieceOf = new Map<number, HTMLElement>();
  const byCard = new Map<number, HTMLElement[]>();

  const children: Child[] = [];
  const noiseBlock = (list: Noise[]) =>
    opts.showNoise
      ? list.map((n) =>
          h('span', { class: 'noise', 'data-kind': n.kind }, h('span', { class: 'noise-kind' }, t('noiseLabel', { kind: n.kind })), ' ', n.text.trim(), '\n'),
        )
      : null;

  for (const p of pieces(text, model.mentions, model.evidence, [...noiseAt.keys(), ...evidenceEnds.keys()])) {
    if (noiseAt.has(p.start)) children.push(noiseBlock(noiseAt.get(p.start)!));
    const classes: string[] = ['piece'];
    const attrs: Record<string, string | number> = {};
    if (p.mention) {
      classes.push('ent', `ent-${p.mention.kind}`);
      attrs['data-entity'] = p.mention.entity;
      attrs.title = `${p.mention.label} — ${kindLabel(p.mention.kind)}`;
    }
    if (p.cards.length) {
      classes.push('ev');
      attrs['data-cards'] = p.cards.join(' ');
    }
    const el = classes.length > 1 ? h('span', { class: classes.join(' '), ...attrs }, text.slice(p.start, p.end)) : text.slice(p.start, p.end);
    if (typeof el !== 'string') {
      for (const c of p.cards) {
        if (!firstPieceOf.has(c)) {
          el.id = `sentence-${c}`;
          el.tabIndex = -1;
          firstPieceOf.set(c, el);
        }
        (byCard.get(c) ?? byCard.set(c, []).get(c)!).push(el);
      }
    }
    children.push(el);
    // After a sentence, a marker leading back to its event card(s).
    for (const c of evidenceEnds.get(p.end) ?? []) {
      children.push(h('button', { type: 'button', class: 'evref', 'aria-label': t('toCard', { n: c }), title: t('toCard', { n: c }), onclick: () => opts.onCard?.(c) }, String(c)));
    }
  }
  if (noiseAt.has(text.length)) children.push(noiseBlock(noiseAt.get(text.length)!));
  if (!text.length && noiseAt.has(0)) children.push(noiseBlock(noiseAt.get(0)!));

  const element = h('div', { class: 'dispatch-text' }, children);
  return {
    element,
    showSentence(card: number) {
      const first = firstPieceOf.get(card);
      if (!first) return;
      for (const el of element.querySelectorAll('.flash')) el.classList.remove('flash');
      for (const el of byCard.get(card) ?? []) el.classList.add('flash');
      first.scrollIntoView({ block: 'center', behavior: 'smooth' });
      first.focus({ preventScroll: true });
    },
  };
}
