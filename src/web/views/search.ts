// Full search results: entities whose names match, then dispatches with their snippets and events; "More" pages on.
import { api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { dispatchLabel, formatDate, formatNumber, kindLabel, modeLabel, t } from '../i18n.ts';
import { href } from '../router.ts';
import { snippet } from '../components/search-box.ts';
import { swatch } from '../components/event-card.ts';
import { participantsLine } from './timeline.ts';
import { announce, loading, setTitle, type ViewContext } from './common.ts';

export async function searchView({ root, route, signal }: ViewContext): Promise<void> {
  const q = route.params.get('q')?.trim() ?? '';
  setTitle(q ? `${t('searchTitle')}: ${q}` : t('searchTitle'));
  if (!q) {
    replace(root, h('h1', null, t('searchTitle')), h('p', null, t('searchLabel')));
    return;
  }
  loading(root);
  const first = await api.search({ q, limit: 20 }, signal);
  if (signal.aborted) return;
  const list = h('ol', { class: 'search-list' });
  const more = h('button', { type: 'button', class: 'more' }, t('more'));
  let next = first.next;
  let shown = 0;
  const add = (items: typeof first.items) => {
    shown += items.length;
    list.append(...items.map((hit) =>
      h('li', { class: 'hit' },
        h('h2', null, h('a', { href: href('dispatch', [hit.dispatch.id]) }, dispatchLabel(hit.dispatch))),
        h('p', { class: 'muted' }, [formatDate(hit.dispatch.published), hit.dispatch.agency, hit.dispatch.lang].filter(Boolean).join(' · ')),
        h('p', { class: 'snippet', lang: hit.dispatch.lang }, snippet(hit.parts)),
        hit.events.length
          ? h('ul', { class: 'hit-events' }, hit.events.slice(0, 5).map((ev) =>
              h('li', null, swatch(ev.mode), `${formatDate(ev.date.start)} · ${modeLabel(ev.mode)} · `, h('a', { href: href('dispatch', [hit.dispatch.id], { event: ev.id }) }, participantsLine(ev)))))
          : null)));
    more.hidden = !next;
  };
  more.addEventListener('click', async () => {
    if (!next) return;
    more.disabled = true;
    const page = await api.search({ q, limit: 20, cursor: next });
    next = page.next;
    add(page.items);
    more.disabled = false;
    announce(t('searchResults', { n: shown }));
  });
  add(first.items);
  replace(
    root,
    h('h1', null, `${t('searchTitle')}: `, h('q', null, q)),
    first.entities.length
      ? h('section', { 'aria-labelledby': 'ent-h' }, h('h2', { id: 'ent-h' }, t('entitiesHeading')),
          h('ul', { class: 'chips' }, first.entities.map((e) => h('li', null, h('a', { href: href('entity', [e.id]) }, e.name), ' ', h('span', { class: 'muted' }, kindLabel(e.kind))))))
      : null,
    h('section', { 'aria-labelledby': 'hits-h' },
      h('h2', { id: 'hits-h' }, first.items.length ? t('searchResults', { n: formatNumber(first.items.length) + (first.next ? '+' : '') }) : t('searchNone', { q })),
      list, more),
  );
  announce(first.items.length ? t('searchResults', { n: first.items.length }) : t('searchNone', { q }));
}
