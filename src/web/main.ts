// The app shell: header (search, navigation, language), the routed view in <main>, a live region. Views are
// rendered on every hash change; the main element gets focus so keyboard and screen-reader users land on it.
import { h, replace } from './dom.ts';
import { lang, setLang, t, type Lang } from './i18n.ts';
import { parseHash, href } from './router.ts';
import { searchBox } from './components/search-box.ts';
import type { View, ViewContext } from './views/common.ts';
import { failure } from './views/common.ts';
import { ApiFailure } from './api.ts';
import { homeView } from './views/home.ts';
import { timelineView } from './views/timeline.ts';
import { networkView } from './views/network.ts';
import { entityView } from './views/entity.ts';
import { dispatchView } from './views/dispatch.ts';
import { searchView } from './views/search.ts';
import { pasteView } from './views/paste.ts';
import { apiView } from './views/api.ts';

const VIEWS: Record<string, View> = {
  '': homeView,
  timeline: timelineView,
  network: networkView,
  entity: entityView,
  dispatch: dispatchView,
  search: searchView,
  paste: pasteView,
  api: apiView,
};

const app = document.getElementById('app')!;
let controller: AbortController | null = null;
let firstRender = true;

function shell(): HTMLElement {
  const route = parseHash(location.hash);
  const link = (name: string, key: Parameters<typeof t>[0]) =>
    h('a', { href: href(name), class: 'nav-link', 'aria-current': route.name === name ? 'page' : null }, t(key));
  const langButton = (l: Lang, label: string) =>
    h('button', { type: 'button', class: 'lang-button', lang: l, 'aria-pressed': lang() === l ? 'true' : 'false', onclick: () => switchLang(l) }, label);
  const main = h('main', { id: 'main', tabindex: -1 });
  replace(
    app,
    h('a', { class: 'skip', href: '#main', onclick: (e: Event) => { e.preventDefault(); main.focus(); } }, t('skip')),
    h(
      'header',
      { class: 'top' },
      h('a', { class: 'brand', href: href('') }, t('appName')),
      searchBox(),
      h('nav', { 'aria-label': 'primary' }, link('', 'navHome'), link('timeline', 'navTimeline'), link('network', 'navNetwork'), link('paste', 'navPaste'), link('api', 'navApi')),
      h('div', { class: 'langs', role: 'group', 'aria-label': t('language') }, langButton('fr', 'FR'), langButton('en', 'EN')),
    ),
    main,
    h('div', { id: 'live', class: 'visually-hidden', 'aria-live': 'polite' }),
  );
  return main;
}

function switchLang(l: Lang): void {
  setLang(l);
  render();
}

async function render(): Promise<void> {
  controller?.abort();
  controller = new AbortController();
  const route = parseHash(location.hash);
  const root = shell();
  const view = VIEWS[route.name];
  const ctx: ViewContext = { root, route, signal: controller.signal };
  try {
    if (!view) throw new ApiFailure(404, 'no_route', location.hash);
    await view(ctx);
  } catch (e) {
    if (!ctx.signal.aborted) failure(root, e);
  }
  // Focus the new content after navigation, not on first load (the user may start typing in search).
  if (!firstRender && !ctx.signal.aborted && !root.contains(document.activeElement)) root.focus({ preventScroll: true });
  firstRender = false;
  document.body.dataset.view = route.name || 'home';
  document.body.dataset.ready = 'true';
}

setLang(lang());
window.addEventListener('hashchange', () => {
  document.body.dataset.ready = 'false';
  window.scrollTo(0, 0);
  void render();
});
void render();
