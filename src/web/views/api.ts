// Where the API is documented: the docs page and the OpenAPI document, both served by this server.
import { h, replace } from '../dom.ts';
import { t } from '../i18n.ts';
import { setTitle, type ViewContext } from './common.ts';

export function apiView({ root }: ViewContext): void {
  setTitle(t('apiTitle'));
  replace(root,
    h('h1', null, t('apiTitle')),
    h('p', null, t('apiHelp')),
    h('ul', null,
      h('li', null, h('a', { href: '/api/docs' }, '/api/docs')),
      h('li', null, h('a', { href: '/api/openapi.json' }, '/api/openapi.json'))),
    h('pre', { class: 'example' }, `curl -s "${location.origin}/api/events?between=AZE,NATO&since=2016&mode=meeting,phone_call"`));
}
