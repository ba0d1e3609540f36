// The app's only door to the server: typed GET/POST on /api, errors as ApiFailure with the server's code.
import type { Static } from 'typebox';
import type { ArchiveEvent, ArchiveEntity, Relation } from '../store/repository.ts';
import type { Dispatch } from '../types.ts';
import type { EntityDetail } from '../server/routes/entities.ts';
import type { RelationsBody } from '../server/routes/relations.ts';
import type { SearchBody } from '../server/routes/search.ts';
import type { StatusBody } from '../server/routes/meta.ts';
import type { DispatchDetail } from '../server/schemas/dispatch.ts';

export type { ArchiveEvent, ArchiveEntity, Relation, Dispatch };
export type EntityPage = Static<typeof EntityDetail>;
export type Relations = Static<typeof RelationsBody>;
export type SearchResults = Static<typeof SearchBody>;
export type Status = Static<typeof StatusBody>;
export type DispatchPage = Static<typeof DispatchDetail>;
export interface Page<T> {
  items: T[];
  next: string | null;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function query(params: Query): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      signal,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiFailure(0, 'network', (e as Error).message);
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, err?.code ?? 'http', err?.message ?? `${res.status} ${res.statusText}`);
  }
  return data as T;
}

export const api = {
  status: () => request<Status>('GET', '/api/status'),
  events: (q: Query, signal?: AbortSignal) => request<Page<ArchiveEvent>>('GET', `/api/events${query(q)}`, undefined, signal),
  /** Every page of a query, up to `max` events. */
  async allEvents(q: Query, max = 3000, signal?: AbortSignal): Promise<{ items: ArchiveEvent[]; truncated: boolean }> {
    const items: ArchiveEvent[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<ArchiveEvent> = await api.events({ ...q, limit: 500, cursor }, signal);
      items.push(...page.items);
      cursor = page.next;
    } while (cursor && items.length < max);
    return { items, truncated: !!cursor };
  },
  entities: (q: Query, signal?: AbortSignal) => request<Page<ArchiveEntity>>('GET', `/api/entities${query(q)}`, undefined, signal),
  entity: (id: number | string) => request<EntityPage>('GET', `/api/entities/${encodeURIComponent(String(id))}`),
  relations: (q: Query, signal?: AbortSignal) => request<Relations>('GET', `/api/relations${query(q)}`, undefined, signal),
  dispatch: (id: number | string) => request<DispatchPage>('GET', `/api/dispatches/${encodeURIComponent(String(id))}`),
  search: (q: Query, signal?: AbortSignal) => request<SearchResults>('GET', `/api/search${query(q)}`, undefined, signal),
  extract: (doc: { text: string; lang?: string; published?: string; title?: string }, signal?: AbortSignal) => request<Dispatch>('POST', '/api/extract', doc, signal),
};
