// Paste a dispatch: the extraction shown live as you type (POST /api/extract; nothing is stored), with the same
// annotated text and event cards as a stored dispatch.
import { api, type Dispatch } from '../api.ts';
import { debounce, h, replace } from '../dom.ts';
import { t } from '../i18n.ts';
import { fromExtraction } from '../components/event-card.ts';
import { dispatchBody, type BodyEntity } from '../components/dispatch-body.ts';
import { setTitle, type ViewContext } from './common.ts';

let draft = '';

export function pasteView({ root }: ViewContext): void {
  setTitle(t('pasteTitle'));
  const text = h('textarea', { id: 'paste-text', rows: 10, spellcheck: 'false', placeholder: 'Bakou, 14 juin, AZERTAC\n\nLe ministre des Affaires étrangères…' });
  text.value = draft;
  const langSel = h('select', { id: 'paste-lang' }, h('option', { value: '' }, t('pasteAuto')), h('option', { value: 'fr' }, 'français'), h('option', { value: 'en' }, 'English'));
  const published = h('input', { id: 'paste-published', placeholder: '2024-06-14', pattern: '\\d{4}-\\d{2}(-\\d{2})?', size: 12, inputmode: 'numeric' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const result = h('div', { class: 'paste-result' }, h('p', { class: 'muted' }, t('pasteEmpty')));
  let controller: AbortController | null = null;

  const show = (d: Dispatch) => {
    const cards = d.events.map((ev, i) => fromExtraction(d, ev, i + 1));
    const entities: BodyEntity[] = d.entities.map((e) => ({ key: e.id, kind: e.kind, name: e.name, detail: [e.title, e.code ?? e.country ?? e.org].filter(Boolean).join(', '), entity: null, mentions: e.mentions.length }));
    const mentions = d.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, kind: e.kind, entity: e.id, label: e.name })));
    const evidence = d.events.flatMap((ev, i) => ev.evidence.map((e) => ({ start: e.start, end: e.end, card: i + 1 })));
    replace(result,
      h('p', { class: 'muted' }, [d.lang, d.published, d.dateline ? [d.dateline.place, d.dateline.agency].filter(Boolean).join(', ') : null].filter(Boolean).join(' · ')),
      dispatchBody({ text: d.text, lang: d.lang, mentions, evidence, noise: d.noise ?? [] }, entities, cards),
      h('details', { class: 'json' }, h('summary', null, t('pasteJson')), h('pre', null, JSON.stringify(d, null, 2))));
    status.textContent = `${t('eventsInText')}: ${d.events.length} · ${t('entitiesInText')}: ${d.entities.length}`;
  };

  const run = async () => {
    draft = text.value;
    controller?.abort();
    if (!text.value.trim()) {
      replace(result, h('p', { class: 'muted' }, t('pasteEmpty')));
      status.textContent = '';
      return;
    }
    controller = new AbortController();
    status.textContent = t('extracting');
    try {
      const d = await api.extract({ text: text.value, ...(langSel.value ? { lang: langSel.value } : {}), ...(published.validity.valid && published.value ? { published: published.value } : {}) }, controller.signal);
      show(d);
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      status.textContent = t('error', { message: (e as Error).message });
    }
  };
  const live = debounce(run, 400);
  text.addEventListener('input', live);
  langSel.addEventListener('change', run);
  published.addEventListener('change', run);

  replace(root,
    h('h1', null, t('pasteTitle')),
    h('p', { class: 'help' }, t('pasteHelp')),
    h('form', { class: 'paste-form', onsubmit: (e: Event) => { e.preventDefault(); void run(); } },
      h('label', { for: 'paste-text', class: 'block-label' }, t('pasteText')), text,
      h('div', { class: 'row' },
        h('label', { class: 'field' }, h('span', null, t('pasteLang')), langSel),
        h('label', { class: 'field' }, h('span', null, t('pastePublished')), published),
        h('button', { type: 'submit' }, t('pasteRun')))),
    status,
    result);
  if (draft.trim()) void run();
}
