// Agency datelines ("Bakou, 14 juin, AZERTAC", "BRUXELLES, 3 mars (AFP) -", "Baku. 14 June. REPORT.AZ/",
// "MOSCOW, June 14. /TASS/.", "ALGER –", "Hanoï (VNA) –") and standalone date lines ("01 Juin 2016   Lu: 1475").
// Each pattern is anchored at the start of a line and bounded: linear on any input.
import { monthNumber } from '../dates/calendar.ts';

export interface DatelineMatch {
  place: string | null;
  agency: string | null;
  day: number | null;
  month: number | null;
  year: number | null;
  /** Length of the dateline inside the line (an inline dateline is followed by the lead sentence). */
  length: number;
}

const W = "\\p{Lu}[\\p{L}'’.]{0,24}";
const CITY = `(${W}(?:[ -]${W}){0,3})`;
const COUNTRY = `(?:,\\s?${W}(?: ${W}){0,2}|\\s?\\[${W}(?: ${W}){0,2}\\]|\\s?\\(${W}(?: ${W}){0,2}\\))?`;
const DMY = "(\\d{1,2})(?:er)?\\s(\\p{L}{3,10})\\.?(?:,?\\s(\\d{4}))?";
const MDY = "(\\p{L}{3,10})\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(\\d{4}))?";
const NUM = "(\\d{1,2})[./](\\d{1,2})[./](\\d{4})";
const DATE = `(?:${DMY}|${MDY}|${NUM})`;
const AGENCY = "(\\p{Lu}[\\p{L}.\\-]{0,14}(?:\\s\\p{Lu}[\\p{L}.]{0,14})?)";
const DASH = '\\s?(?:[-–—]{1,2}|:|\\.-|\\.–)\\s?';

interface Shape {
  re: RegExp;
  // group indexes: place, date groups start, agency
  place: number;
  date: number;
  agency: number;
}

// Date groups are 9 in a row: DMY (d, mon, y), MDY (mon, d, y), NUM (d, m, y).
const shapes: Shape[] = [
  // Bakou, 14 juin, AZERTAC  |  Baku, June 14, AZERTAC (own line)
  { re: new RegExp(`^${CITY}${COUNTRY},\\s${DATE},\\s${AGENCY}\\s*$`, 'u'), place: 1, date: 2, agency: 11 },
  // BRUXELLES, 3 mars (AFP) -  |  Abidjan, 12 mars (AIP)-  |  ISLAMABAD, Mar 3 (APP):  |  New Delhi [India], Mar 3 (ANI):
  { re: new RegExp(`^${CITY}${COUNTRY},\\s${DATE}\\s?\\(${AGENCY}\\)\\.?${DASH}`, 'u'), place: 1, date: 2, agency: 11 },
  // MOSCOW, June 14. /TASS/.
  { re: new RegExp(`^${CITY}${COUNTRY},\\s${DATE}\\.?\\s?\\/${AGENCY}\\/\\.?`, 'u'), place: 1, date: 2, agency: 11 },
  // Baku. 14 June. REPORT.AZ/
  { re: new RegExp(`^${CITY}\\.\\s${DATE}\\.\\s${AGENCY}\\/`, 'u'), place: 1, date: 2, agency: 11 },
  // Hanoï (VNA) –  |  ANKARA (AA) –  |  MOGADISHU (Hiiraan Online) –
  { re: new RegExp(`^${CITY}${COUNTRY}\\s?\\(${AGENCY}\\)${DASH}`, 'u'), place: 1, date: -1, agency: 2 },
  // ASTANA. KAZINFORM –  |  Damascus, SANA-
  { re: new RegExp(`^${CITY}[.,]\\s${AGENCY}\\s?[-–—]`, 'u'), place: 1, date: -1, agency: 2 },
  // BAKU, Azerbaijan, Oct. 5  |  Bishkek, Mar. 3, 2024  |  Doha, 12 March 2024  |  Brussels, 12/03/2024 (own line)
  { re: new RegExp(`^${CITY}${COUNTRY},\\s${DATE}\\s*$`, 'u'), place: 1, date: 2, agency: -1 },
  // UZBEKISTAN, March 3 -
  { re: new RegExp(`^${CITY}${COUNTRY},\\s${DATE}${DASH}`, 'u'), place: 1, date: 2, agency: -1 },
  // AA / Ankara
  { re: new RegExp(`^${AGENCY}\\s\\/\\s${CITY}\\s*$`, 'u'), place: 2, date: -1, agency: 1 },
  // 12 mars 2024 – Ottawa (Ontario)
  { re: new RegExp(`^${DATE}\\s[-–—]\\s${CITY}(?:\\s\\(${W}\\))?`, 'u'), place: 10, date: 1, agency: -1 },
  // Doha, Qatar:
  { re: new RegExp(`^${CITY},\\s${W}:\\s`, 'u'), place: 1, date: -1, agency: -1 },
  // ALGER –  |  Dakar —   (place only, before the lead)
  { re: new RegExp(`^${CITY}\\s[-–—]{1,2}\\s`, 'u'), place: 1, date: -1, agency: -1 },
];

function readDate(m: RegExpExecArray, at: number): { day: number | null; month: number | null; year: number | null } | null {
  if (at < 0) return { day: null, month: null, year: null };
  if (m[at]) {
    const month = monthNumber(m[at + 1]!);
    if (!month) return null;
    return { day: Number(m[at]), month, year: m[at + 2] ? Number(m[at + 2]) : null };
  }
  if (m[at + 3]) {
    const month = monthNumber(m[at + 3]!);
    if (!month) return null;
    return { day: Number(m[at + 4]), month, year: m[at + 5] ? Number(m[at + 5]) : null };
  }
  if (m[at + 6]) return { day: Number(m[at + 6]), month: Number(m[at + 7]), year: Number(m[at + 8]) };
  return null;
}

const NOT_PLACES = /^(?:Le|La|Les|L|Un|Une|The|A|An|Il|Elle|He|She|Selon|According|Lors|During|En|In|Au|Aux|Par|By|Pour|For|Après|After|Mais|But|Communiqué|Readout|Photo)$/;

export function parseDateline(line: string): DatelineMatch | null {
  const s = line.slice(0, 160);
  for (const sh of shapes) {
    const m = sh.re.exec(s);
    if (!m) continue;
    const place = m[sh.place] ?? null;
    if (place && NOT_PLACES.test(place.split(/[ -]/)[0]!)) continue;
    const date = readDate(m, sh.date);
    if (!date) continue;
    const agency = sh.agency >= 0 ? m[sh.agency]?.replace(/[.\s]+$/, '') ?? null : null;
    if (sh.date < 0 && sh.agency < 0 && place && place.split(/[ -]/).length > 3) continue;
    return { place: place ? tidyPlace(place) : null, agency, ...date, length: m[0].length };
  }
  // Swiss DFAE header
  const dfae = /^Communiqué de presse,\s(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(s);
  if (dfae) return { place: null, agency: null, day: Number(dfae[1]), month: Number(dfae[2]), year: Number(dfae[3]), length: dfae[0].length };
  return null;
}

function tidyPlace(p: string): string {
  const t = p.replace(/[.,]+$/, '');
  // BRUXELLES → Bruxelles: display form; the place look-up folds case anyway.
  if (t === t.toUpperCase() && t.length > 3) return t.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
  return t;
}

/** A line that holds a publication date and little else ("01 Juin 2016    Lu: 1475", "Publié le 12/03/2024"). */
export function parseDateLine(line: string): string | null {
  const s = line.replace(/\u00a0/g, ' ').trim();
  if (s.length > 90) return null;
  const m = /^(?:(?:Publié|Mis à jour|Published|Updated|Posted)(?: le| on)?\s*:?\s*)?(?:\p{L}{4,9},?\s)?(\d{1,2})(?:er)?\s(\p{L}{3,10})\.?\s(\d{4})(?:,?\s(?:à\s)?\d{1,2}[:h]\d{2})?(?:\s+(?:Lu|Vu|Views?|Read)\s*:?\s*\d{1,9})?$/iu.exec(s);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month) return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  const n = /^(?:(?:Publié|Mis à jour|Published|Updated|Posted)(?: le| on)?\s*:?\s*)?(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2})?$/iu.exec(s);
  if (n) return `${n[3]}-${n[2]!.padStart(2, '0')}-${n[1]!.padStart(2, '0')}`;
  const e = /^(?:(?:Published|Updated|Posted)(?: on)?\s*:?\s*)?(\p{L}{3,9})\.?\s(\d{1,2}),\s(\d{4})(?:,?\s\d{1,2}:\d{2}(?:\s?[AP]M)?)?$/iu.exec(s);
  if (e) {
    const month = monthNumber(e[1]!);
    if (month) return `${e[3]}-${String(month).padStart(2, '0')}-${e[2]!.padStart(2, '0')}`;
  }
  return null;
}
