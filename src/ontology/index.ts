// PLOVER/CAMEO codebook for interaction modes, read from plover.tsv.
import { readFileSync } from 'node:fs';
import type { PloverType } from '../types.ts';

export interface Coding {
  type: PloverType;
  ploverMode: string | null;
  cameo: string | null;
  cameoPlanned: string | null;
}

let table: Map<string, Coding> | null = null;

export function codingFor(mode: string): Coding {
  if (!table) {
    table = new Map();
    const rows = readFileSync(new URL('./plover.tsv', import.meta.url), 'utf8').split(/\r?\n/);
    for (const line of rows) {
      if (!line.trim() || line.startsWith('#')) continue;
      const [m, type, pm, cameo, planned] = line.split('\t');
      table.set(m!, { type: type as PloverType, ploverMode: pm || null, cameo: cameo || null, cameoPlanned: planned || null });
    }
  }
  return table.get(mode) ?? { type: 'CONSULT', ploverMode: null, cameo: '040', cameoPlanned: '036' };
}

/** PLOVER's sixteen event types. */
export const PLOVER_TYPES: PloverType[] = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
