// Date expressions of French and English dispatches, resolved against the dispatch's reference date (dateline
// or filing date): "les 12 et 13 juin", "du 3 au 5 mai", "mardi 8 septembre", "le 6 septembre 2017", "hier",
// "ce jeudi", "June 12-13", "on Tuesday", "yesterday". The year is never invented: without one, a partial date.
import type { Token } from '../../text/tokens.ts';
import type { Lexicon } from '../../lang/index.ts';
import { addDays, iso, parseIso, validDay, weekday, inferYear } from './calendar.ts';

export interface DateExpression {
  start: number; // token index
  end: number; // exclusive
  from: string | null;
  to: string | null;
  partial?: { month: number; day?: number };
  /** Points forward from the reference ("prochain", "next", "demain"). */
  future: boolean;
  /** Only a month, or a year-month: too coarse to be an event's own day. */
  coarse: boolean;
  /** The expression names its year. */
  explicitYear: boolean;
  /** A bare weekday (0 = Sunday): which one is meant depends on the tense around it. */
  weekday?: number;
  /** Days from the reference date ("hier" = -1), for references known only by day and month. */
  relative?: number;
}

const PREP = new Set(['le', 'les', 'du', 'ce', 'cet', 'cette', 'on', 'this', 'last', 'the', 'from', 'depuis', 'dès', 'des']);

function num(t: Token | undefined): number | null {
  if (!t || t.kind !== 'number') return null;
  const m = /^(\d{1,4})(?:er|e|eme|ème|st|nd|rd|th)?$/i.exec(t.text);
  return m ? Number(m[1]) : null;
}

export function findDates(tokens: Token[], lex: Lexicon, from: number, to: number, ref: string | null): DateExpression[] {
  const out: DateExpression[] = [];
  const cal = (i: number) => (i < to ? lex.calendarWords.get(tokens[i]!.fold) : undefined);
  const month = (i: number) => {
    const c = cal(i);
    if (c?.kind !== 'month') return null;
    // "mai", "mar", "may" are also words: an abbreviation must be capitalised or next to a number.
    return c.value;
  };
  const year = (i: number): number | null => {
    const n = num(tokens[i]);
    return n && n >= 1900 && n <= 2100 && tokens[i]!.text.length === 4 ? n : null;
  };
  const refDay = parseIso(ref)?.d ? ref : null;
  const skipDot = (i: number) => (tokens[i]?.text === '.' ? i + 1 : i);

  let i = from;
  while (i < to) {
    const t = tokens[i]!;
    // ISO 2024-06-14
    if (t.kind === 'number' && t.text.length === 4 && tokens[i + 1]?.text === '-' && num(tokens[i + 2]) && tokens[i + 3]?.text === '-' && num(tokens[i + 4])) {
      const y = Number(t.text);
      const m = num(tokens[i + 2])!;
      const d = num(tokens[i + 4])!;
      if (validDay(y, m, d)) {
        out.push({ start: i, end: i + 5, from: iso(y, m, d), to: null, future: false, coarse: false, explicitYear: true });
        i += 5;
        continue;
      }
    }
    // 14.06.2024, 14/06/2024
    if (num(t) && (tokens[i + 1]?.text === '.' || tokens[i + 1]?.text === '/') && num(tokens[i + 2]) && tokens[i + 3]?.text === tokens[i + 1]!.text && year(i + 4)) {
      const d = num(t)!;
      const m = num(tokens[i + 2])!;
      const y = year(i + 4)!;
      if (validDay(y, m, d)) {
        out.push({ start: i, end: i + 5, from: iso(y, m, d), to: null, future: false, coarse: false, explicitYear: true });
        i += 5;
        continue;
      }
    }
    // Day-first: [weekday] D [(et|au|-|and|to) D2] MONTH [YEAR]   and   du D MONTH au D2 MONTH2 [YEAR]
    if (num(t) !== null && num(t)! <= 31 && t.text.length <= 4) {
      const d1 = num(t)!;
      let j = i + 1;
      let d2: number | null = null;
      let m1: number | null = month(j);
      if (!m1 && tokens[j] && ['et', 'au', 'and', 'to', '-', '–', 'a', 'à'].includes(tokens[j]!.fold) && num(tokens[j + 1]) && num(tokens[j + 1])! <= 31) {
        d2 = num(tokens[j + 1]);
        j += 2;
        m1 = month(j);
      }
      if (m1) {
        j = skipDot(j + 1);
        let y1 = year(j);
        if (y1) j++;
        let end: { d: number; m: number; y: number | null } | null = null;
        // "du 30 mai au 2 juin 2024"
        if (!d2 && tokens[j] && ['au', 'to', 'a', 'à', '-', 'et', 'and'].includes(tokens[j]!.fold) && num(tokens[j + 1]) && month(j + 2)) {
          const d3 = num(tokens[j + 1])!;
          const m3 = month(j + 2)!;
          let k = skipDot(j + 3);
          const y3 = year(k);
          if (y3) k++;
          end = { d: d3, m: m3, y: y3 };
          if (!y1 && y3) y1 = m3 >= m1 ? y3 : y3 - 1;
          j = k;
        }
        let s = i;
        // a weekday and preposition before it belong to the expression
        if (s > from && cal(s - 1)?.kind === 'weekday') s--;
        if (s > from && PREP.has(tokens[s - 1]!.fold)) s--;
        const future = isFuture(tokens, j, to, lex);
        const y = y1 ?? inferYear(m1, d1, ref, future);
        const expr: DateExpression = { start: s, end: j, from: null, to: null, future, coarse: false, explicitYear: !!y1 };
        if (y && validDay(y, m1, d1)) {
          expr.from = iso(y, m1, d1);
          if (d2 && validDay(y, m1, d2)) expr.to = iso(y, m1, d2);
          if (end) {
            const ye = end.y ?? (end.m >= m1 ? y : y + 1);
            if (validDay(ye, end.m, end.d)) expr.to = iso(ye, end.m, end.d);
          }
        } else if (!y) expr.partial = { month: m1, day: d1 };
        out.push(expr);
        i = j;
        continue;
      }
    }
    // Month-first (English): MONTH D [(-|and|to) D2][, YEAR]   or MONTH YEAR
    const mm = month(i);
    if (mm && (t.cap || lex.lang === 'fr')) {
      let j = skipDot(i + 1);
      const d1 = num(tokens[j]);
      if (d1 && d1 <= 31 && tokens[j]!.text.length <= 4) {
        j++;
        let d2: number | null = null;
        if (tokens[j] && ['-', '–', 'and', 'to', 'through'].includes(tokens[j]!.fold) && num(tokens[j + 1]) && num(tokens[j + 1])! <= 31) {
          d2 = num(tokens[j + 1]);
          j += 2;
        }
        let y1: number | null = null;
        if (tokens[j]?.text === ',' && year(j + 1)) {
          y1 = year(j + 1);
          j += 2;
        } else if (year(j)) {
          y1 = year(j);
          j++;
        }
        let s = i;
        if (s > from && tokens[s - 1]?.text === ',' && cal(s - 2)?.kind === 'weekday') s -= 2;
        else if (s > from && cal(s - 1)?.kind === 'weekday') s--;
        if (s > from && PREP.has(tokens[s - 1]!.fold)) s--;
        const future = isFuture(tokens, j, to, lex);
        const y = y1 ?? inferYear(mm, d1, ref, future);
        const expr: DateExpression = { start: s, end: j, from: null, to: null, future, coarse: false, explicitYear: !!y1 };
        if (y && validDay(y, mm, d1)) {
          expr.from = iso(y, mm, d1);
          if (d2 && validDay(y, mm, d2)) expr.to = iso(y, mm, d2);
        } else if (!y) expr.partial = { month: mm, day: d1 };
        out.push(expr);
        i = j;
        continue;
      }
      const y = year(j);
      if (y) {
        let s = i;
        if (s > from && ['en', 'in', 'de', 'of', 'since', 'depuis'].includes(tokens[s - 1]!.fold)) s--;
        out.push({ start: s, end: j + 1, from: iso(y, mm), to: null, future: false, coarse: true, explicitYear: true });
        i = j + 1;
        continue;
      }
      // "en février", "in February": the month, in the year the tense points to.
      if (i > from && (tokens[i - 1]!.fold === 'en' || (tokens[i - 1]!.fold === 'in' && t.cap))) {
        const future = isFuture(tokens, j, to, lex);
        const y = inferYear(mm, 0, ref, future);
        out.push({ start: i - 1, end: j, from: y ? iso(y, mm) : null, to: null, future, coarse: true, explicitYear: false });
        i = j;
        continue;
      }
    }
    // Relative days and weekdays.
    const rel = lex.calendar.matchAt(tokens, i);
    if (rel && rel.end <= to) {
      const c = rel.values[0]!;
      // "le mois prochain", "last month": the month before or after the reference's.
      if (c.kind === 'month_relative') {
        const n = c.value ?? 0;
        const ref = refDay ? parseIso(refDay) : null;
        let from: string | null = null;
        if (ref) {
          const k = ref.y * 12 + (ref.m - 1) + n;
          from = iso(Math.floor(k / 12), (k % 12) + 1);
        }
        out.push({ start: i, end: rel.end, from, to: null, future: n > 0, coarse: true, explicitYear: false });
        i = rel.end;
        continue;
      }
      if (c.kind === 'relative') {
        const n = c.value ?? 0;
        out.push({ start: i, end: rel.end, from: refDay ? addDays(refDay, n) : null, to: null, future: n > 0, coarse: false, explicitYear: false, relative: n });
        i = rel.end;
        continue;
      }
      // "vendredi 10 février": the day and month say which Friday (read by the day-first branch).
      if (c.kind === 'weekday' && num(tokens[rel.end]) !== null && month(rel.end + 1)) {
        i = rel.end;
        continue;
      }
      // "Wednesday (4 December 2024)": the date in parentheses says which Wednesday.
      if (c.kind === 'weekday' && tokens[rel.end]?.text === '(' && num(tokens[rel.end + 1]) !== null) {
        i = rel.end + 1;
        continue;
      }
      if (c.kind === 'weekday' && (t.cap ? lex.lang === 'en' || isWeekdayContext(tokens, i) : true)) {
        let s = i;
        let e = rel.end;
        let dir: 'past' | 'future' | 'this' = 'past';
        const prev = tokens[i - 1]?.fold;
        if (prev === 'ce' || prev === 'this') dir = 'this';
        if (prev === 'next') dir = 'future';
        if (prev === 'last') dir = 'past';
        if (prev && ['ce', 'this', 'on', 'last', 'next', 'le'].includes(prev) && i - 1 >= from) s = i - 1;
        const after = tokens[e] ? lex.calendarWords.get(tokens[e]!.fold) : undefined;
        if (after?.kind === 'future') {
          dir = 'future';
          e++;
        } else if (after?.kind === 'past') {
          dir = 'past';
          e++;
        }
        const future = dir === 'future' || (dir !== 'past' && isFuture(tokens, e, to, lex, i));
        let value: string | null = null;
        if (refDay) {
          const wd = weekday(refDay);
          const target = c.value ?? 0;
          if (future) value = addDays(refDay, ((target - wd + 7) % 7) || (dir === 'this' ? 0 : 7));
          else value = addDays(refDay, -((wd - target + 7) % 7));
        }
        out.push({ start: s, end: e, from: value, to: null, future, coarse: false, explicitYear: false, weekday: c.value ?? 0 });
        i = e;
        continue;
      }
    }
    i++;
  }
  return out;
}

function isWeekdayContext(tokens: Token[], i: number): boolean {
  // A capitalised French weekday starts a sentence ("Mardi, le ministre...") or a dateline.
  return i === 0 || tokens[i - 1]!.text === '.' || tokens[i - 1]!.text === '\n';
}

/** Whether the verb near a date points forward: future tense, "prochain", "will", "devrait". */
function isFuture(tokens: Token[], j: number, to: number, lex: Lexicon, before?: number): boolean {
  const t = tokens[j];
  if (t && lex.calendarWords.get(t.fold)?.kind === 'future') return true;
  const lo = Math.max(0, (before ?? j) - 6);
  for (let k = lo; k < Math.min(to, j + 3); k++) {
    const f = tokens[k]!.fold;
    if (f === 'will' || f === 'prochain' || f === 'prochaine' || f === 'next' || f === 'demain' || f === 'tomorrow') return true;
  }
  return false;
}

export { parseIso };
