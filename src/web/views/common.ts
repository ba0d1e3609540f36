// What every view shares: its context, loading and error states, the page title and the live region.
import { h, replace } from '../dom.ts';
import { t } from '../i18n.ts';
import { ApiFailure } from '../api.ts';
import type { Route } from '../router.ts';

export interface ViewContext {
  root: HTMLElement;
  route: Route;
  /** Aborted when the user navigates away: late answers must not paint over the next view. */
  signal: AbortSignal;
}

export type View = (ctx: ViewContext) => Promise<void> | void;

export function setTitle(title: string): void {
  document.title = title ? `${title} · ${t('appName')}` : t('appName');
}

/** Says something to screen-reader users without moving focus. */
export function announce(message: string): void {
  const region = document.getElementById('live');
  if (region) region.textContent = message;
}

export function loading(root: HTMLElement): void {
  replace(root, h('p', { class: 'status', role: 'status' }, t('loading')));
}

export function failure(root: HTMLElement, err: unknown): void {
  if ((err as Error)?.name === 'AbortError') return;
  const message = err instanceof ApiFailure ? (err.code === 'store_unavailable' ? t('noArchive') : err.message) : String((err as Error)?.message ?? err);
  const title = err instanceof ApiFailure && err.status === 404 ? t('notFound') : t('error', { message });
  replace(root, h('div', { class: 'problem', role: 'alert' }, h('h1', null, title), err instanceof ApiFailure && err.status === 404 ? h('p', null, message) : null));
  setTitle(title);
}
