// The relations around an actor: the actor in the middle, its counterparts on a ring, each circle sized by the
// number of contacts (area ∝ contacts) and its line thickened alike. Each counterpart is a link: open it to see
// its own network (drill down). A table below gives the same numbers with links to the pair's timeline.
import { api } from '../api.ts';
import { h, replace, s } from '../dom.ts';
import { formatDate, formatNumber, t } from '../i18n.ts';
import { href } from '../router.ts';
import { knownActors } from '../components/actors.ts';
import { actorForm } from '../components/actor-form.ts';
import { announce, loading, setTitle, type ViewContext } from './common.ts';

const TOP = 24;
const SIZE = 640;

export async function networkView({ root, route, signal }: ViewContext): Promise<void> {
  const p = route.params;
  loading(root);
  const actors = await knownActors();
  if (signal.aborted) return;
  const actor = p.get('actor') || actors[0]?.code || '';
  const form = actorForm('network', { actor, since: p.get('since') ?? '', until: p.get('until') ?? '' }, actors);
  if (!actor) {
    setTitle(t('navNetwork'));
    replace(root, h('h1', null, t('navNetwork')), form);
    return;
  }
  const res = await api.relations({ actor, top: TOP, since: p.get('since'), until: p.get('until') }, signal);
  if (signal.aborted) return;
  const centre = res.actor.name;
  const title = t('networkTitle', { actor: centre });
  setTitle(title);
  const rels = res.relations;
  const header = h('h1', null, title);
  const links = h('p', { class: 'view-links' }, h('a', { href: href('timeline', [], { actor }) }, `${t('openTimeline')} ${centre}`), res.actor.entity ? [' · ', h('a', { href: href('entity', [res.actor.entity]) }, centre)] : null);
  if (!rels.length) {
    replace(root, header, form, links, h('p', { class: 'notice' }, t('noRelations')));
    announce(t('noRelations'));
    return;
  }

  const max = Math.max(...rels.map((r) => r.contacts));
  const c = SIZE / 2;
  const ring = SIZE / 2 - 70;
  const radius = (n: number) => 8 + 26 * Math.sqrt(n / max);
  const nodes: SVGElement[] = [s('title', null, title)];
  const edges: SVGElement[] = [];
  rels.forEach((r, i) => {
    const angle = (i / rels.length) * Math.PI * 2 - Math.PI / 2;
    const x = c + ring * Math.cos(angle);
    const y = c + ring * Math.sin(angle);
    edges.push(s('line', { x1: c, y1: c, x2: x, y2: y, class: 'edge', 'stroke-width': 1 + 7 * (r.contacts / max) }));
    const rr = radius(r.contacts);
    const below = Math.sin(angle) >= -0.2;
    const label = `${r.bName} (${r.b}): ${t('eventsCount', { n: r.contacts })}`;
    nodes.push(
      s('a', { href: href('network', [], { actor: r.b, since: p.get('since'), until: p.get('until') }), class: 'node', 'aria-label': label, 'data-code': r.b },
        s('title', null, label),
        s('circle', { cx: x, cy: y, r: rr }),
        s('text', { x, y: y + 4, 'text-anchor': 'middle', class: 'node-count' }, String(r.contacts)),
        s('text', { x, y: below ? y + rr + 14 : y - rr - 6, 'text-anchor': 'middle', class: 'node-label' }, r.bName.length > 26 ? `${r.bName.slice(0, 24)}…` : r.bName)),
    );
  });
  const svg = s('svg', { class: 'network-svg', viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'group', 'aria-label': title },
    edges,
    s('g', { class: 'centre' }, s('circle', { cx: c, cy: c, r: 40 }), s('text', { x: c, y: c + 5, 'text-anchor': 'middle', class: 'centre-label' }, res.actor.code ?? actor)),
    nodes);

  const table = h('table', { class: 'relations-table' },
    h('caption', { class: 'visually-hidden' }, title),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('counterpart')), h('th', { scope: 'col' }, t('contacts')), h('th', { scope: 'col' }, t('firstLast')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('openTimeline'))))),
    h('tbody', null, rels.map((r) =>
      h('tr', null,
        h('th', { scope: 'row' }, h('a', { href: href('network', [], { actor: r.b }) }, r.bName), ' ', h('span', { class: 'code' }, r.b)),
        h('td', { class: 'num' }, formatNumber(r.contacts)),
        h('td', null, `${formatDate(r.first)} – ${formatDate(r.last)}`),
        h('td', null, h('a', { href: href('timeline', [], { actor, with: r.b }) }, t('openTimeline')))))));
  replace(root, header, form, links, h('p', { class: 'help' }, t('networkHelp')), h('div', { class: 'network' }, svg), h('div', { class: 'table-wrap' }, table));
  announce(title);
}
