// Timeline of contacts for an actor or a pair: one lane per mode, one dot per event, coloured by mode; zoom with
// the wheel, the buttons or +/−, pan by dragging or with the arrow keys. Every dot is a link to its dispatch, and
// the events in view are listed below as a table (the same facts, for keyboards, screen readers and phones).
import { api, type ArchiveEvent } from '../api.ts';
import { h, replace, s } from '../dom.ts';
import { dispatchLabel, formatDate, formatNumber, lang, modeLabel, t } from '../i18n.ts';
import { MODE_ORDER, modeColour } from '../modes.ts';
import { href } from '../router.ts';
import { knownActors } from '../components/actors.ts';
import { actorForm } from '../components/actor-form.ts';
import { swatch } from '../components/event-card.ts';
import { announce, loading, setTitle, type ViewContext } from './common.ts';

const DAY = 86_400_000;
const LANE = 34;
const AXIS = 30;
const TOP = 8;
const RADIUS = 6;
const LIST_ROWS = 200;

export function eventTime(ev: ArchiveEvent): number | null {
  const d = ev.date.start ?? ev.dispatch.published;
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  return m ? Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) : null;
}

export function participantsLine(ev: ArchiveEvent): string {
  return ev.participants.map((p) => (p.kind === 'person' && p.side ? `${p.asWritten || p.name} (${p.side})` : p.asWritten || p.name)).join(' – ');
}

/** Tick marks for a time span: years, then quarters, months, weeks as the view narrows. */
export function ticks(from: number, to: number): { at: number; label: string }[] {
  const days = (to - from) / DAY;
  const out: { at: number; label: string }[] = [];
  const start = new Date(from);
  const fmt = (d: Date, withMonth: boolean) =>
    new Intl.DateTimeFormat(lang(), withMonth ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' }).format(d);
  if (days > 1100) {
    const step = days > 6000 ? 5 : days > 3000 ? 2 : 1;
    for (let y = start.getUTCFullYear(); ; y++) {
      const at = Date.UTC(y, 0, 1);
      if (at > to) break;
      if (at >= from && y % step === 0) out.push({ at, label: String(y) });
    }
  } else if (days > 45) {
    const step = days > 500 ? 3 : days > 200 ? 2 : 1;
    for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); ; m++) {
      const at = Date.UTC(y, m, 1);
      if (at > to) break;
      const month = new Date(at).getUTCMonth();
      if (at >= from && month % step === 0) out.push({ at, label: fmt(new Date(at), true) });
    }
  } else {
    const first = Math.ceil(from / DAY) * DAY;
    const step = days > 14 ? 7 : 1;
    for (let at = first; at <= to; at += step * DAY) out.push({ at, label: new Intl.DateTimeFormat(lang(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(at)) });
  }
  return out;
}

export async function timelineView({ root, route, signal }: ViewContext): Promise<void> {
  const p = route.params;
  loading(root);
  const actors = await knownActors();
  if (signal.aborted) return;
  const actor = p.get('actor') || actors[0]?.code || '';
  const partner = p.get('with') || '';
  const modes = (p.get('mode') ?? '').split(',').filter(Boolean);
  const nameOf = (code: string) => actors.find((a) => a.code === code.toUpperCase())?.name ?? code;
  const title = partner ? t('timelinePairTitle', { a: nameOf(actor), b: nameOf(partner) }) : t('timelineTitle', { actor: nameOf(actor) });
  setTitle(title);
  const form = actorForm('timeline', { actor, with: partner, since: p.get('since') ?? '', until: p.get('until') ?? '', modes }, actors);
  if (!actor) {
    replace(root, h('h1', null, t('navTimeline')), form);
    return;
  }
  const q = {
    ...(partner ? { between: `${actor},${partner}` } : { actor }),
    since: p.get('since'),
    until: p.get('until'),
    mode: modes.length ? modes.join(',') : null,
  };
  const { items, truncated } = await api.allEvents(q, 3000, signal);
  if (signal.aborted) return;
  const dated = items.map((ev) => ({ ev, at: eventTime(ev) })).filter((x): x is { ev: ArchiveEvent; at: number } => x.at !== null);

  const header = h('h1', null, title);
  const counts = h('p', { class: 'counts' }, t('eventsCount', { n: formatNumber(items.length) }), truncated ? ` ${t('eventsTruncated', { n: items.length })}` : '');
  const links = h('p', { class: 'view-links' }, h('a', { href: href('network', [], { actor }) }, `${t('openNetwork')} ${nameOf(actor)}`), partner ? [' · ', h('a', { href: href('network', [], { actor: partner }) }, `${t('openNetwork')} ${nameOf(partner)}`)] : null);
  if (!dated.length) {
    replace(root, header, form, links, h('p', { class: 'notice' }, t('noEvents')));
    announce(t('noEvents'));
    return;
  }

  const lanes = MODE_ORDER.filter((m) => dated.some((d) => d.ev.mode === m));
  for (const d of dated) if (!lanes.includes(d.ev.mode)) lanes.push(d.ev.mode);
  const min = Math.min(...dated.map((d) => d.at));
  const max = Math.max(...dated.map((d) => d.at));
  const pad = Math.max(30 * DAY, (max - min) * 0.04);
  const full = { from: min - pad, to: max + pad };
  const view = { ...full };

  const svg = s('svg', { class: 'timeline-svg', role: 'img', 'aria-labelledby': 'timeline-desc' });
  const chart = h('div', { class: 'chart', tabindex: 0, role: 'group', 'aria-label': title, 'aria-describedby': 'timeline-help' }, svg);
  const inView = h('p', { class: 'in-view', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const table = h('table', { class: 'events-table' },
    h('caption', { class: 'visually-hidden' }, title),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('date')), h('th', { scope: 'col' }, t('mode')), h('th', { scope: 'col' }, t('participants')), h('th', { scope: 'col' }, t('dispatchesHeading')))),
    tbody);

  const draw = () => {
    const width = Math.max(320, chart.clientWidth || 800);
    const narrow = width < 560;
    const left = narrow ? 8 : 118;
    const right = 12;
    const height = TOP + lanes.length * LANE + AXIS;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    const x = (at: number) => left + ((at - view.from) / (view.to - view.from)) * (width - left - right);
    const nodes: SVGElement[] = [s('desc', { id: 'timeline-desc' }, title)];
    lanes.forEach((m, i) => {
      const y = TOP + i * LANE;
      nodes.push(s('rect', { x: left, y, width: width - left - right, height: LANE, class: i % 2 ? 'lane odd' : 'lane' }));
      nodes.push(s('text', { x: narrow ? left + 4 : left - 8, y: y + (narrow ? 11 : LANE / 2 + 4), 'text-anchor': narrow ? 'start' : 'end', class: 'lane-label' }, modeLabel(m)));
    });
    const axisY = TOP + lanes.length * LANE;
    nodes.push(s('line', { x1: left, x2: width - right, y1: axisY, y2: axisY, class: 'axis' }));
    for (const tk of ticks(view.from, view.to)) {
      const tx = x(tk.at);
      nodes.push(s('line', { x1: tx, x2: tx, y1: TOP, y2: axisY + 5, class: 'tick' }));
      nodes.push(s('text', { x: tx, y: axisY + 20, 'text-anchor': 'middle', class: 'tick-label' }, tk.label));
    }
    const visible = dated.filter((d) => d.at >= view.from && d.at <= view.to).sort((a, b) => a.at - b.at);
    // Dots closer than a diameter stack up and down inside their lane.
    const lastX = new Map<string, { x: number; n: number }>();
    for (const d of visible) {
      const cx = x(d.at);
      const lane = lanes.indexOf(d.ev.mode);
      const prev = lastX.get(d.ev.mode);
      const n = prev && cx - prev.x < RADIUS * 1.6 ? prev.n + 1 : 0;
      lastX.set(d.ev.mode, { x: n ? prev!.x : cx, n });
      const dy = n === 0 ? 0 : ((n % 2 ? 1 : -1) * Math.ceil(n / 2) * RADIUS) % (LANE / 2 - RADIUS);
      const cy = TOP + lane * LANE + LANE / 2 + dy;
      const label = `${formatDate(d.ev.date.start ?? d.ev.dispatch.published)} · ${modeLabel(d.ev.mode)} · ${participantsLine(d.ev)}`;
      nodes.push(
        s('a', { href: href('dispatch', [d.ev.dispatch.id], { event: d.ev.id }), class: 'dot', 'aria-label': label },
          s('title', null, label),
          s('circle', { cx, cy, r: RADIUS, fill: d.ev.planned ? '#fff' : modeColour(d.ev.mode), stroke: modeColour(d.ev.mode), 'stroke-width': d.ev.planned ? 2.5 : 1, 'stroke-dasharray': d.ev.background ? '2 2' : null })),
      );
    }
    replace(svg, nodes);
    inView.textContent = `${t('inView', { n: formatNumber(visible.length) })} · ${formatDate(new Date(view.from).toISOString().slice(0, 10))} – ${formatDate(new Date(view.to).toISOString().slice(0, 10))}`;
    replace(tbody, visible.slice(0, LIST_ROWS).map(({ ev }) =>
      h('tr', null,
        h('td', null, formatDate(ev.date.start ?? ev.dispatch.published)),
        h('td', null, swatch(ev.mode), modeLabel(ev.mode)),
        h('td', null, participantsLine(ev)),
        h('td', null, h('a', { href: href('dispatch', [ev.dispatch.id], { event: ev.id }) }, dispatchLabel(ev.dispatch))))));
  };

  const clampView = () => {
    const span = Math.min(full.to - full.from, Math.max(7 * DAY, view.to - view.from));
    if (view.from < full.from) view.from = full.from;
    if (view.from + span > full.to) view.from = full.to - span;
    view.to = view.from + span;
  };
  const zoom = (factor: number, centre = (view.from + view.to) / 2) => {
    const span = (view.to - view.from) * factor;
    const ratio = (centre - view.from) / (view.to - view.from);
    view.from = centre - span * ratio;
    view.to = view.from + span;
    clampView();
    draw();
  };
  const pan = (fraction: number) => {
    const d = (view.to - view.from) * fraction;
    view.from += d;
    view.to += d;
    clampView();
    draw();
  };
  const reset = () => {
    Object.assign(view, full);
    draw();
  };

  chart.addEventListener('wheel', (e) => {
    e.preventDefault();
    const rect = svg.getBoundingClientRect();
    const left = rect.width < 560 ? 8 : 118;
    const frac = Math.min(1, Math.max(0, (e.clientX - rect.left - left) / Math.max(1, rect.width - left - 12)));
    zoom(e.deltaY > 0 ? 1.25 : 0.8, view.from + frac * (view.to - view.from));
  }, { passive: false });
  let drag: { x: number; from: number; to: number } | null = null;
  chart.addEventListener('pointerdown', (e) => {
    if ((e.target as Element).closest('a')) return;
    drag = { x: e.clientX, from: view.from, to: view.to };
    chart.setPointerCapture(e.pointerId);
  });
  chart.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const w = svg.getBoundingClientRect().width || 1;
    const d = ((drag.x - e.clientX) / w) * (drag.to - drag.from);
    view.from = drag.from + d;
    view.to = drag.to + d;
    clampView();
    draw();
  });
  chart.addEventListener('pointerup', () => (drag = null));
  chart.addEventListener('keydown', (e) => {
    const k = e.key;
    if (k === '+' || k === '=') zoom(0.8);
    else if (k === '-' || k === '_') zoom(1.25);
    else if (k === 'ArrowLeft') pan(-0.1);
    else if (k === 'ArrowRight') pan(0.1);
    else if (k === '0' || k === 'Home') reset();
    else return;
    e.preventDefault();
  });

  const legend = h('ul', { class: 'legend', 'aria-label': t('legend') }, lanes.map((m) => h('li', null, swatch(m), `${modeLabel(m)} (${dated.filter((d) => d.ev.mode === m).length})`)));
  const controls = h('div', { class: 'zoom-controls' },
    h('button', { type: 'button', onclick: () => zoom(0.8), 'aria-label': t('zoomIn') }, '+'),
    h('button', { type: 'button', onclick: () => zoom(1.25), 'aria-label': t('zoomOut') }, '−'),
    h('button', { type: 'button', onclick: reset }, t('zoomReset')));
  replace(root, header, form, links, counts, h('p', { id: 'timeline-help', class: 'help' }, t('timelineHelp')), controls, legend, chart, inView, h('div', { class: 'table-wrap' }, table));
  draw();
  const onResize = () => (root.isConnected ? draw() : window.removeEventListener('resize', onResize));
  window.addEventListener('resize', onResize);
  announce(t('eventsCount', { n: items.length }));
}
