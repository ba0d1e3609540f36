// An entity: every name form seen (by language), titles over time, counterparts, latest contacts and dispatches,
// and why its names were joined.
import { api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { dispatchLabel, formatDate, formatNumber, kindLabel, t } from '../i18n.ts';
import { href } from '../router.ts';
import { eventCard, fromArchiveEvent } from '../components/event-card.ts';
import { loading, setTitle, type ViewContext } from './common.ts';

const range = (a: string | null, b: string | null) => (a === b ? formatDate(a) : `${formatDate(a)} – ${formatDate(b)}`);

export async function entityView({ root, route, signal }: ViewContext): Promise<void> {
  loading(root);
  const page = await api.entity(route.args[0] ?? '');
  if (signal.aborted) return;
  const e = page.entity;
  setTitle(e.name);
  // States and organisations are followed by their code, others by their archive id.
  const actor = (e.kind === 'country' || e.kind === 'organization') && e.code ? e.code : `#${e.id}`;
  const section = (id: string, heading: string, ...content: (Node | Node[] | null)[]) =>
    h('section', { class: 'entity-section', 'aria-labelledby': id }, h('h2', { id }, heading), ...content);

  replace(
    root,
    h('header', { class: 'entity-head' },
      h('h1', null, e.name),
      h('p', { class: 'muted' }, [kindLabel(e.kind), e.code, e.country, e.org].filter(Boolean).join(' · '), ' · ', t('seenIn', { n: e.dispatches }), e.firstSeen ? ` · ${range(e.firstSeen, e.lastSeen)}` : ''),
      h('p', { class: 'view-links' }, h('a', { href: href('timeline', [], { actor }) }, t('openTimeline')), ' · ', h('a', { href: href('network', [], { actor }) }, t('openNetwork')))),
    h('div', { class: 'entity-grid' },
      section('names-h', t('entityNames'),
        h('ul', { class: 'names' }, e.names.map((n) => h('li', null, h('span', { lang: n.lang ?? '' }, n.name), ' ', h('span', { class: 'muted' }, [n.lang, `×${n.count}`, range(n.firstSeen, n.lastSeen)].filter(Boolean).join(' · ')))))),
      e.titles.length
        ? section('titles-h', t('entityTitles'), h('ol', { class: 'titles' }, e.titles.map((x) => h('li', null, h('strong', null, x.title), h('span', { class: 'muted' }, ` ${range(x.firstSeen, x.lastSeen)} · ×${x.count}`)))))
        : null,
      page.counterparts.length
        ? section('counterparts-h', t('entityCounterparts'),
            h('ul', { class: 'counterparts' }, page.counterparts.map((r) =>
              h('li', null, h('a', { href: href('timeline', [], { actor, with: r.b }) }, r.bName), ' ', h('span', { class: 'muted' }, `${r.b} · ${formatNumber(r.contacts)}`)))))
        : null,
      page.dispatches.length
        ? section('dispatches-h', t('entityDispatches'),
            h('ul', { class: 'dispatch-list' }, page.dispatches.map((d) =>
              h('li', null, h('a', { href: href('dispatch', [d.id]) }, dispatchLabel(d)), ' ', h('span', { class: 'muted' }, formatDate(d.published))))))
        : null,
    ),
    page.latest.length ? section('latest-h', `${t('entityLatest')} (${formatNumber(page.contacts)})`, h('div', { class: 'cards' }, page.latest.map((ev, i) => eventCard(fromArchiveEvent(ev, i + 1, true))))) : null,
    page.merges.length
      ? h('details', { class: 'merges' }, h('summary', null, t('entityMerges')),
          h('ul', null, page.merges.map((m) => h('li', null, m.name ? h('strong', null, m.name) : null, m.name ? ': ' : '', m.reason, h('span', { class: 'muted' }, ` (${m.by})`)))))
      : null,
  );
}
