// A stored dispatch: its metadata, then the annotated text beside its events and entities.
import { api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { dispatchLabel, formatDate, t } from '../i18n.ts';
import { href } from '../router.ts';
import { fromArchiveEvent } from '../components/event-card.ts';
import { dispatchBody, type BodyEntity } from '../components/dispatch-body.ts';
import { loading, setTitle, type ViewContext } from './common.ts';

export async function dispatchView({ root, route, signal }: ViewContext): Promise<void> {
  loading(root);
  const page = await api.dispatch(route.args[0] ?? '');
  if (signal.aborted) return;
  const d = page.dispatch;
  const title = d.title ?? (d.dateline?.place ? [d.dateline.place, d.dateline.agency].filter(Boolean).join(' · ') : dispatchLabel(d));
  setTitle(title);
  const cards = page.events.map((ev, i) => ({ ...fromArchiveEvent(ev, i + 1, false), id: ev.id }));
  const evidence = page.events.flatMap((ev, i) => ev.evidence.map((e) => ({ start: e.start, end: e.end, card: i + 1 })));
  const entities: BodyEntity[] = page.entities.map((e) => ({
    key: e.id,
    kind: e.kind,
    name: e.name,
    detail: [e.title, e.code ?? e.country ?? e.org].filter(Boolean).join(', '),
    entity: e.entity,
    mentions: e.mentions.length,
  }));
  const mentions = page.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, kind: e.kind, entity: e.id, label: e.name })));
  const wanted = Number(route.params.get('event'));
  const focusCard = wanted ? cards.find((c) => c.id === wanted)?.n : undefined;
  // Only web addresses become links; any other "source" (a file path) is shown as text.
  const source = d.url && /^https?:\/\//i.test(d.url) ? h('a', { href: d.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, d.url) : d.source;
  const meta: [string, Node | string | null][] = [
    [t('published'), formatDate(d.published)],
    [t('agency'), d.agency ?? d.dateline?.agency ?? null],
    [t('lang'), d.lang],
    [t('source'), source],
  ];
  replace(
    root,
    h('header', { class: 'dispatch-head' },
      h('h1', { lang: d.lang }, title),
      d.dateline ? h('p', { class: 'dateline', lang: d.lang }, [d.dateline.place, d.dateline.date ? formatDate(d.dateline.date) : null, d.dateline.agency].filter(Boolean).join(', ')) : null,
      h('dl', { class: 'meta' }, meta.filter(([, v]) => v).map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
      page.revisions.length ? h('p', null, `${t('revisions')}: `, page.revisions.map((r, i) => [i ? ', ' : '', r.id === d.id ? h('strong', null, String(r.revision)) : h('a', { href: href('dispatch', [r.id]) }, String(r.revision))])) : null,
      page.mentionsExact ? null : h('p', { class: 'muted small' }, t('approxMentions'))),
    dispatchBody({ text: d.text, lang: d.lang, mentions, evidence, noise: page.noise }, entities, cards, { focusCard }),
  );
}
