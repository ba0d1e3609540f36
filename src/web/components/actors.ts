// The states and organisations of the archive, for the actor pickers and the home page; fetched once.
import { api, type ArchiveEntity } from '../api.ts';
import { h } from '../dom.ts';

export interface Actor {
  code: string;
  name: string;
  kind: string;
  dispatches: number;
  entity: number;
}

let cache: Promise<Actor[]> | null = null;

export function knownActors(): Promise<Actor[]> {
  cache ??= (async () => {
    const lists = await Promise.all([api.entities({ kind: 'country', limit: 500 }), api.entities({ kind: 'organization', limit: 500 })]);
    const byCode = new Map<string, Actor>();
    for (const e of lists.flatMap((l) => l.items) as ArchiveEntity[]) {
      if (!e.code) continue;
      const prev = byCode.get(e.code);
      if (!prev || e.dispatches > prev.dispatches) byCode.set(e.code, { code: e.code, name: e.name, kind: e.kind, dispatches: e.dispatches + (prev?.dispatches ?? 0), entity: e.id });
      else prev.dispatches += e.dispatches;
    }
    return [...byCode.values()].sort((a, b) => b.dispatches - a.dispatches || a.code.localeCompare(b.code));
  })().catch((e) => {
    cache = null;
    throw e;
  });
  return cache;
}

export function actorDatalist(id: string, actors: Actor[]): HTMLDataListElement {
  return h('datalist', { id }, actors.map((a) => h('option', { value: a.code }, `${a.name}`)));
}
