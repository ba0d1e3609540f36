// Home: what the archive holds and where to start: the most reported states and organisations.
import { api } from '../api.ts';
import { h, replace } from '../dom.ts';
import { formatNumber, t } from '../i18n.ts';
import { href } from '../router.ts';
import { knownActors } from '../components/actors.ts';
import { setTitle, type ViewContext } from './common.ts';

const TOP_ACTORS = 16;

export async function homeView({ root, signal }: ViewContext): Promise<void> {
  setTitle('');
  const status = await api.status();
  if (signal.aborted) return;
  const intro = h('section', { class: 'intro' }, h('h1', null, t('appName')), h('p', { class: 'lede' }, t('tagline')));
  if (!status.archive || !status.stats) {
    replace(root, intro, h('p', { class: 'notice' }, t('noArchive')), h('p', null, h('a', { href: href('paste') }, t('navPaste'))));
    return;
  }
  const s = status.stats;
  intro.append(h('p', { class: 'stats' }, t('statsLine', { dispatches: formatNumber(s.dispatches), events: formatNumber(s.events), entities: formatNumber(s.entities) })));
  const actors = (await knownActors()).slice(0, TOP_ACTORS);
  if (signal.aborted) return;
  replace(
    root,
    intro,
    h(
      'section',
      { class: 'explore', 'aria-labelledby': 'explore-h' },
      h('h2', { id: 'explore-h' }, t('exploreHeading')),
      h('p', null, t('exploreHint')),
      h(
        'ul',
        { class: 'actor-grid' },
        actors.map((a) =>
          h(
            'li',
            { class: 'actor-tile' },
            h('a', { class: 'actor-name', href: href('entity', [a.entity]) }, a.name),
            h('span', { class: 'code' }, a.code),
            h('span', { class: 'actor-links' },
              h('a', { href: href('network', [], { actor: a.code }), 'aria-label': `${t('openNetwork')} ${a.name}` }, t('openNetwork')),
              ' · ',
              h('a', { href: href('timeline', [], { actor: a.code }), 'aria-label': `${t('openTimeline')} ${a.name}` }, t('openTimeline'))),
          ),
        ),
      ),
    ),
  );
}
