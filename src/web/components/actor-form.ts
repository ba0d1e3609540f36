// The form above the timeline and the network: which actor (and partner), which years, which modes.
import { h } from '../dom.ts';
import { modeLabel, t } from '../i18n.ts';
import { MODE_ORDER } from '../modes.ts';
import { go, href } from '../router.ts';
import { actorDatalist, type Actor } from './actors.ts';
import { swatch } from './event-card.ts';

export interface ActorFormValues {
  actor: string;
  with?: string;
  since?: string;
  until?: string;
  modes?: string[];
}

export function actorForm(view: 'timeline' | 'network', values: ActorFormValues, actors: Actor[]): HTMLFormElement {
  const field = (name: string, labelText: string, value: string | undefined, extra: Record<string, string> = {}) =>
    h('label', { class: 'field' }, h('span', null, labelText), h('input', { name, value: value ?? '', ...extra }));
  const modes = new Set(values.modes ?? []);
  const form = h(
    'form',
    { class: 'actor-form', role: 'search', 'aria-label': view === 'timeline' ? t('navTimeline') : t('navNetwork') },
    actorDatalist('actor-list', actors),
    field('actor', t('actorLabel'), values.actor, { list: 'actor-list', required: 'true', placeholder: 'AZE', title: t('actorHint'), autocomplete: 'off' }),
    view === 'timeline' ? field('with', t('withLabel'), values.with, { list: 'actor-list', placeholder: 'NATO', title: t('actorHint'), autocomplete: 'off' }) : null,
    field('since', t('sinceLabel'), values.since, { placeholder: '2016', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric', size: '10' }),
    field('until', t('untilLabel'), values.until, { placeholder: '2025', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric', size: '10' }),
    view === 'timeline'
      ? h('fieldset', { class: 'modes' }, h('legend', null, t('modesLabel')),
          MODE_ORDER.filter((m) => m !== 'statement').map((m) =>
            h('label', { class: 'mode-check' }, h('input', { type: 'checkbox', name: 'mode', value: m, checked: modes.has(m) }), swatch(m), modeLabel(m))))
      : null,
    h('button', { type: 'submit' }, t('show')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const get = (k: string) => String(data.get(k) ?? '').trim() || null;
    const chosen = data.getAll('mode').map(String);
    go(href(view, [], { actor: get('actor'), with: get('with'), since: get('since'), until: get('until'), mode: chosen.length ? chosen.join(',') : null }));
  });
  return form;
}
