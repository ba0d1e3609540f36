// Shared test helpers: extract a text and read its facts by name rather than by id.
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/pipeline/extract.ts';
import type { Dispatch, Entity, Event } from '../src/types.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const seedsDir = process.env.COMMUNIQUE_SEEDS ?? join(repoRoot, '..', 'shared', 'seeds');
export const haveSeeds = existsSync(seedsDir);

export function run(text: string, extra: { published?: string; lang?: string; title?: string } = {}): Dispatch {
  return extract({ source: 'test', text, ...extra });
}

export function entityByName(d: Dispatch, pred: (e: Entity) => boolean): Entity | undefined {
  return d.entities.find(pred);
}

export function persons(d: Dispatch): Entity[] {
  return d.entities.filter((e) => e.kind === 'person');
}

/** An event as "A — B" strings (names or codes), sorted, to compare whole sets in tables. */
export function dyadNames(d: Dispatch, ev: Event): string[] {
  const byId = new Map(d.entities.map((e) => [e.id, e]));
  return ev.participants.map((p) => {
    const e = byId.get(p)!;
    return e.kind === 'person' ? e.name : e.code ?? e.name;
  });
}

export function eventSummaries(d: Dispatch): string[] {
  return d.events.map((ev) => `${ev.mode}${ev.planned ? '(planned)' : ''}${ev.background ? '(background)' : ''}: ${dyadNames(d, ev).join(' + ')}`);
}
