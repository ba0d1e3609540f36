// The header's search: instant results (entities by name, dispatches by full text) as you type, in an ARIA
// combobox: arrows move, Enter opens, Escape closes; Enter with nothing chosen opens the full results page.
import { api, type SearchResults } from '../api.ts';
import { debounce, h, replace } from '../dom.ts';
import { dispatchLabel, formatDate, kindLabel, t } from '../i18n.ts';
import { go, href } from '../router.ts';

const MIN_CHARS = 2;
const DISPATCH_HITS = 6;

/** A snippet's parts, the matches in <mark>: text nodes only. */
export function snippet(parts: { text: string; hit: boolean }[]): (HTMLElement | string)[] {
  return parts.map((p) => (p.hit ? h('mark', null, p.text) : p.text));
}

export function searchBox(): HTMLElement {
  const listId = 'search-results';
  const input = h('input', {
    id: 'search',
    type: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: t('searchPlaceholder'),
  });
  const list = h('div', { id: listId, role: 'listbox', class: 'search-results', hidden: true, 'aria-label': t('searchLabel') });
  let options: { el: HTMLElement; to: string }[] = [];
  let active = -1;
  let controller: AbortController | null = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    options.forEach((o, j) => o.el.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    active = i;
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', options[i]!.el.id);
      options[i]!.el.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (to: string) => {
    close();
    go(to);
  };

  const show = (q: string, res: SearchResults) => {
    options = [];
    const option = (to: string, ...content: (HTMLElement | string | null)[]) => {
      const el = h('div', { role: 'option', id: `search-option-${options.length}`, class: 'search-option', 'aria-selected': 'false' }, ...content);
      // mousedown, not click: the input's blur must not close the list before the choice is made.
      el.addEventListener('mousedown', (e) => {
        e.preventDefault();
        open(to);
      });
      options.push({ el, to });
      return el;
    };
    const groups: HTMLElement[] = [];
    if (res.entities.length) {
      groups.push(
        h('div', { role: 'group', 'aria-label': t('entitiesHeading') }, h('div', { class: 'group-label', 'aria-hidden': 'true' }, t('entitiesHeading')),
          res.entities.map((e) => option(href('entity', [e.id]), h('strong', null, e.name), ' ', h('span', { class: 'muted' }, [kindLabel(e.kind), e.code ?? e.country ?? ''].filter(Boolean).join(' · '))))),
      );
    }
    if (res.items.length) {
      groups.push(
        h('div', { role: 'group', 'aria-label': t('dispatchesHeading') }, h('div', { class: 'group-label', 'aria-hidden': 'true' }, t('dispatchesHeading')),
          res.items.slice(0, DISPATCH_HITS).map((hit) =>
            option(href('dispatch', [hit.dispatch.id]),
              h('strong', null, dispatchLabel(hit.dispatch)), ' ',
              h('span', { class: 'muted' }, formatDate(hit.dispatch.published)),
              h('span', { class: 'snippet' }, snippet(hit.parts))))),
      );
    }
    const all = option(href('search', [], { q }), h('em', null, res.entities.length || res.items.length ? t('searchAll', { q }) : t('searchNone', { q })));
    replace(list, groups, all);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
  };

  const lookup = debounce(async (q: string) => {
    controller?.abort();
    if (q.trim().length < MIN_CHARS) return close();
    controller = new AbortController();
    try {
      const res = await api.search({ q: q.trim(), limit: DISPATCH_HITS }, controller.signal);
      if (input.value === q) show(q.trim(), res);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') close();
    }
  }, 150);

  input.addEventListener('input', () => lookup(input.value));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) return;
      e.preventDefault();
      const n = options.length;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0) open(options[active]!.to);
      else if (input.value.trim()) open(href('search', [], { q: input.value.trim() }));
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));

  return h('div', { class: 'search', role: 'search' }, h('label', { for: 'search', class: 'visually-hidden' }, t('searchLabel')), input, list);
}
