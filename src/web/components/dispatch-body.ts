// The body of a dispatch page, shared by stored dispatches and the paste box: the annotated text beside the
// entities and the event cards; cards lead to their sentence and sentences back to their cards.
import { h, replace } from '../dom.ts';
import { kindLabel, t } from '../i18n.ts';
import { href } from '../router.ts';
import { annotatedText, type TextModel } from './annotated-text.ts';
import { eventCard, type CardModel } from './event-card.ts';

export interface BodyEntity {
  key: string;
  kind: string;
  name: string;
  detail: string;
  entity: number | null;
  mentions: number;
}

export function dispatchBody(model: TextModel & { lang: string }, entities: BodyEntity[], cards: CardModel[], opts: { focusCard?: number } = {}): HTMLElement {
  let showNoise = true;
  const textBox = h('div', { class: 'text-box' });
  const cardEls = new Map<number, HTMLElement>();
  const goCard = (n: number) => {
    const el = cardEls.get(n);
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el.focus({ preventScroll: true });
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 1600);
  };
  let rendered = annotatedText(model, { showNoise, onCard: goCard });
  const paint = () => {
    rendered = annotatedText(model, { showNoise, onCard: goCard });
    rendered.element.lang = model.lang;
    replace(textBox, rendered.element);
  };
  paint();
  const light = (key: string, on: boolean) => {
    for (const el of textBox.querySelectorAll(`[data-entity="${CSS.escape(key)}"]`)) el.classList.toggle('lit', on);
  };
  const noiseToggle = h('label', { class: 'toggle' }, h('input', { type: 'checkbox', checked: true, onchange: (e: Event) => { showNoise = (e.target as HTMLInputElement).checked; paint(); } }), t('showNoise'));
  const legend = h('p', { class: 'legend-text', 'aria-label': t('legend') },
    h('span', { class: 'piece ent ent-person' }, t('legendEntity')), ' ',
    h('span', { class: 'piece ev' }, t('legendEvidence')), ' ',
    model.noise.length ? h('span', { class: 'noise-sample' }, t('legendNoise')) : null);
  for (const c of cards) cardEls.set(c.n, eventCard(c, { onSentence: (n) => rendered.showSentence(n) }));
  const entityList = h('ul', { class: 'entity-list' }, entities.map((e) => {
    const name = e.entity ? h('a', { href: href('entity', [e.entity]) }, e.name) : h('span', null, e.name);
    const li = h('li', { class: `ent-item ent-${e.kind}` }, h('span', { class: `kind-dot ent-${e.kind}`, 'aria-hidden': 'true' }), name, ' ', h('span', { class: 'muted' }, [kindLabel(e.kind), e.detail, e.mentions ? `×${e.mentions}` : ''].filter(Boolean).join(' · ')));
    li.addEventListener('mouseenter', () => light(e.key, true));
    li.addEventListener('mouseleave', () => light(e.key, false));
    li.addEventListener('focusin', () => light(e.key, true));
    li.addEventListener('focusout', () => light(e.key, false));
    return li;
  }));
  const body = h('div', { class: 'dispatch-body' },
    h('section', { class: 'text-col', 'aria-label': t('dispatchesHeading') }, h('div', { class: 'text-tools' }, legend, model.noise.length ? noiseToggle : null), textBox),
    h('aside', { class: 'side-col' },
      h('section', { 'aria-labelledby': 'events-h' }, h('h2', { id: 'events-h' }, `${t('eventsInText')} (${cards.length})`), h('div', { class: 'cards' }, [...cardEls.values()])),
      h('section', { 'aria-labelledby': 'entities-h' }, h('h2', { id: 'entities-h' }, `${t('entitiesInText')} (${entities.length})`), entityList)));
  if (opts.focusCard) setTimeout(() => rendered.showSentence(opts.focusCard!), 50);
  return body;
}
