// Calendar arithmetic on plain ISO strings; no time zones: a dispatch's dates are civil dates.
import { fold } from '../../text/fold.ts';
import { lexicon, LANGUAGES } from '../../lang/index.ts';

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export function iso(y: number, m: number, d?: number): string {
  const mm = String(m).padStart(2, '0');
  return d === undefined ? `${String(y).padStart(4, '0')}-${mm}` : `${String(y).padStart(4, '0')}-${mm}-${String(d).padStart(2, '0')}`;
}

export function parseIso(s: string | null | undefined): YMD | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: m[3] ? Number(m[3]) : 0 };
}

export function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addDays(s: string, n: number): string {
  const p = parseIso(s)!;
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + n));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function weekday(s: string): number {
  const p = parseIso(s)!;
  return new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
}

export function dayDiff(a: string, b: string): number {
  const pa = parseIso(a)!;
  const pb = parseIso(b)!;
  return Math.round((Date.UTC(pa.y, pa.m - 1, pa.d) - Date.UTC(pb.y, pb.m - 1, pb.d)) / 86400000);
}

let months: Map<string, number> | null = null;
/** Month names and abbreviations of every language we read, folded ("juin" → 6, "oct" → 10). */
export function monthNumber(word: string): number | null {
  if (!months) {
    months = new Map();
    for (const l of LANGUAGES) for (const [k, v] of lexicon(l).calendarWords) if (v.kind === 'month' && v.value) months.set(k, v.value);
  }
  return months.get(fold(word).replace(/\.$/, '')) ?? null;
}

/**
 * The year of a day and month that a dispatch gives without one: the reference date's year, or the previous
 * year when that would put a past event well after the reference (filed 2 January about 30 December).
 */
export function inferYear(m: number, d: number, ref: string | null, future = false): number | null {
  const r = parseIso(ref);
  if (!r) return null;
  let y = r.y;
  if (r.d) {
    const cand = iso(y, m, Math.min(d || 1, 28));
    const diff = dayDiff(cand, iso(r.y, r.m, r.d));
    if (!future && diff > 60) y -= 1;
    else if (future && diff < -60) y += 1;
  } else {
    if (!future && m - r.m > 2) y -= 1;
    else if (future && r.m - m > 2) y += 1;
  }
  return y;
}
