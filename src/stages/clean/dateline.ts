// Agency datelines ("Bakou, 14 juin, AZERTAC", "BRUXELLES, 3 mars (AFP) -", "Baku. 14 June. REPORT.AZ/",
// "MOSCOW, June 14. /TASS/.", "ALGER –", "Hanoï (VNA) –") and standalone date lines ("01 Juin 2016   Lu: 1475").
// Each pattern is anchored at the start of a line and bounded: linear on any input.
import { monthNumber, iso as isoDay, validDay as validDate, weekday as dayOfWeek } from '../dates/calendar.ts';
import { fold } from '../../text/fold.ts';

const WEEKDAYS: Record<string, number> = { sun: 0, sunday: 0, dim: 0, dimanche: 0, mon: 1, monday: 1, lun: 1, lundi: 1, tue: 2, tues: 2, tuesday: 2, mar: 2, mardi: 2, wed: 3, wednesday: 3, mer: 3, mercredi: 3, thu: 4, thur: 4, thursday: 4, jeu: 4, jeudi: 4, fri: 5, friday: 5, ven: 5, vendredi: 5, sat: 6, saturday: 6, sam: 6, samedi: 6 };
function weekdayNumber(w: string): number | null {
  return WEEKDAYS[fold(w)] ?? null;
}

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
  // BAKU, Azerbaijan, March 8. Azerbaijan's Minister … (Trend, the lead on the same line)
  { re: new RegExp(`^${CITY}${COUNTRY},\\s${DATE}\\.\\s(?=\\p{Lu})`, 'u'), place: 1, date: 2, agency: -1 },
  // Ankara, November 2, 2023 (Anadolu)   (no dash before the lead)
  { re: new RegExp(`^${CITY}${COUNTRY},\\s${DATE}\\s?\\(${AGENCY}\\)(?=\\s|$)`, 'u'), place: 1, date: 2, agency: 11 },
  // MOSCOW, June 14. /TASS/.
  { re: new RegExp(`^${CITY}${COUNTRY},\\s${DATE}\\.?\\s?\\/(\\p{L}[\\p{L}.\\-]{1,14})\\/\\.?`, 'u'), place: 1, date: 2, agency: 11 },
  // Bishkek, Mar. 5, 2024 / Kabar /.
  { re: new RegExp(`^${CITY}${COUNTRY},\\s${DATE}\\s?\\/\\s?${AGENCY}\\s?\\/\\.?`, 'u'), place: 1, date: 2, agency: 11 },
  // Cairo, SANA-A meeting was held… (the agency glued to the lead)
  { re: new RegExp(`^${CITY},\\s(\\p{Lu}{2,12})[-–—]`, 'u'), place: 1, date: -1, agency: 2 },
  // Baku. 14 June. REPORT.AZ/
  { re: new RegExp(`^${CITY}\\.\\s${DATE}\\.\\s${AGENCY}\\/`, 'u'), place: 1, date: 2, agency: 11 },
  // MOSCOW (UrduPoint News / Sputnik - 04th June, 2024)
  { re: new RegExp(`^${CITY}\\s\\(([\\p{L} ]{2,30})\\s\\/\\s[\\p{L} ]{2,30}\\s[-–]\\s(\\d{1,2})(?:st|nd|rd|th)?\\s(\\p{L}{3,10}),?\\s(\\d{4})\\)`, 'u'), place: 1, date: -2, agency: 2 },
  // Hanoï (VNA) –  |  ANKARA (AA) –  |  MOGADISHU (Hiiraan Online) –
  { re: new RegExp(`^${CITY}${COUNTRY}\\s?\\(${AGENCY}\\)${DASH}`, 'u'), place: 1, date: -1, agency: 2 },
  // ASTANA. KAZINFORM –  |  Damascus, SANA-
  { re: new RegExp(`^${CITY}[.,]\\s${AGENCY}\\s?[-–—](?=\\s|$)`, 'u'), place: 1, date: -1, agency: 2 },
  // BAKU, Azerbaijan, Oct. 5  |  Bishkek, Mar. 3, 2024  |  Doha, 12 March 2024  |  Brussels, 12/03/2024 (own line)
  { re: new RegExp(`^${CITY}${COUNTRY},\\s${DATE}\\s*$`, 'u'), place: 1, date: 2, agency: -1 },
  // UZBEKISTAN, March 3 -
  { re: new RegExp(`^${CITY}${COUNTRY},\\s${DATE}${DASH}`, 'u'), place: 1, date: 2, agency: -1 },
  // AA / Ankara
  { re: new RegExp(`^${AGENCY}\\s\\/\\s${CITY}\\s*$`, 'u'), place: 2, date: -1, agency: 1 },
  // 12 mars 2024 – Ottawa (Ontario)  |  Le 27 novembre 2024 – Ottawa (Ontario) – Affaires mondiales Canada
  { re: new RegExp(`^(?:Le\\s)?${DATE}\\s[-–—]\\s${CITY}(?:\\s\\(${W}\\))?`, 'u'), place: 10, date: 1, agency: -1 },
  // (VOVWORLD) -
  { re: new RegExp(`^\\(${AGENCY}\\)${DASH}`, 'u'), place: -1, date: -1, agency: 1 },
  // Doha, Qatar:
  { re: new RegExp(`^${CITY},\\s${W}:\\s`, 'u'), place: 1, date: -1, agency: -1 },
  // ISLAMABAD: Foreign Minister …  |  NEW DELHI: …   (PTI, Geo: a city in capitals and a colon, the lead after)
  { re: /^(\p{Lu}{3,20}(?:[ -]\p{Lu}{2,20}){0,2}):\s(?=\p{Lu})/u, place: 1, date: -1, agency: -1 },
  // ASTANA. KAZINFORM The … (no dash: the agency's name is one the project knows)
  { re: new RegExp(`^${CITY}\\.\\s(KAZINFORM|Kazinform|AZERTAC|TASS|BELTA|SANA|WAM|QNA|KUNA|IRNA|APA|Trend|UzA)\\s(?=\\p{Lu})`, 'u'), place: 1, date: -1, agency: 2 },
  // ALGER –  |  Dakar —   (place only, before the lead)
  { re: new RegExp(`^${CITY}\\s[-–—]{1,2}\\s`, 'u'), place: 1, date: -1, agency: -1 },
];

function readDate(m: RegExpExecArray, at: number): { day: number | null; month: number | null; year: number | null } | null {
  if (at === -2) {
    // the UrduPoint shape: day, month, year in groups 3 to 5
    const month = monthNumber(m[4]!);
    return month ? { day: Number(m[3]), month, year: Number(m[5]) } : null;
  }
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

const NOT_PLACES = /^(?:Le|La|Les|L|Un|Une|The|A|An|Il|Elle|He|She|Selon|According|Lors|During|En|In|Au|Aux|Par|By|Pour|For|Après|After|Mais|But|Communiqué|Readout|Photo|NOTE|UPDATE|UPDATED|BREAKING|WATCH|VIDEO|PHOTO|PHOTOS|READ|ALSO|CORRECTION|EXCLUSIVE|ANALYSIS|OPINION|EDITOR|EDITORS|LIVE|FILE|AUDIO|SOURCE|SOURCES|URGENT|FLASH|INFO)$/;

export function parseDateline(line: string): DatelineMatch | null {
  const s = line.slice(0, 160);
  for (const sh of shapes) {
    const m = sh.re.exec(s);
    if (!m) continue;
    const place = sh.place >= 0 ? m[sh.place] ?? null : null;
    if (place && (NOT_PLACES.test(place.split(/[ -]/)[0]!) || weekdayNumber(place) !== null)) continue;
    const date = readDate(m, sh.date);
    if (!date) continue;
    const agency = sh.agency >= 0 ? m[sh.agency]?.replace(/[.\s]+$/, '') ?? null : null;
    if (sh.date < 0 && sh.agency < 0) {
      // A place and a dash alone ("ALGER –") must open a lead paragraph, not a headline ("Vietnam – Uruguay : …").
      const lead = s.slice(m[0].length);
      if ((place && place.split(/[ -]/).length > 3) || line.length - m[0].length < 60 || !/[.!?»"”]\s*$/.test(line.trim())) continue;
      if (/^\p{Lu}[\p{L}'’-]*\s?:/u.test(lead)) continue;
    }
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

/** A line that holds a publication date and little else ("01 Juin 2016    Lu: 1475", "Le 14/03/2024 à 18h05",
 * "02.03.2024 - Mise à jour : 02.03.2024", "Tue, 03/05/2024 - 17:42", "14 May, 2024, 06:40 pm"). */
export function parseDateLine(line: string): string | null {
  const s = line.replace(/\u00a0/g, ' ').trim();
  if (s.length > 100 || s.length < 6) return null;
  // The first date on the line, with an optional weekday before it.
  const isoLine = /(?:^|\s|\|)(\d{4})-(\d{2})-(\d{2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?)?(?=\s|$|\|)/u.exec(s);
  if (isoLine && s.replace(isoLine[0], '').replace(/[\s|\d:hH.-]/g, '').length <= 30 && validDate(Number(isoLine[1]), Number(isoLine[2]), Number(isoLine[3]))) {
    const restIso = s.replace(isoLine[0], ' ').replace(/\d{1,2}:\d{2}(?::\d{2})?/g, ' ').replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
    if (!restIso || s.includes('|') || restIso.split(' ').length <= 2) return `${isoLine[1]}-${isoLine[2]}-${isoLine[3]}`;
  }
  const m =
    /(?:^|\s|,|\|)(?:(\p{L}{3,9})\.?,?\s)?(\d{1,2})[./-](\d{1,2})[./-](\d{4})/u.exec(s) ??
    /(?:^|\s|,)(?:(\p{L}{3,9})\.?,?\s)?(\d{1,2})(?:er)?\s(\p{L}{3,10})\.?,?\s(\d{4})/u.exec(s) ??
    /(?:^|\s|,)(?:(\p{L}{3,9})\.?,?\s)?(\p{L}{3,10})\.?\s(\d{1,2}),\s(\d{4})/u.exec(s);
  if (!m) return null;
  // What is left must be furniture: publication words, times, weekdays, a read counter.
  const rest = (s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length))
    .replace(/\d{1,2}[:h]\d{2}(?::\d{2})?\s?(?:am|pm|GMT|UTC)?/gi, ' ')
    .replace(/\d{1,2}[./]\d{1,2}[./]\d{4}/g, ' ')
    .replace(/(?<!\p{L})(?:le|publié|publie|mis|mise|à|a|jour|updated|update|published|posted|last|modified|on|at|lu|vu|views?|read|fois|times|gmt|utc|am|pm)(?!\p{L})/giu, ' ')
    .replace(/[\p{P}\p{S}\d\s]/gu, ' ')
    .trim();
  const words = rest ? rest.split(/\s+/) : [];
  // Bylines hold an outlet and a section between bars ("Xinhua | 12.03.2024 10h05", "… | Sénégal | Politique").
  const byline = s.includes('|') && words.length <= 4;
  if (!byline && words.some((w) => weekdayNumber(w) === null && w.length > 1)) return null;
  if (m[1] && weekdayNumber(m[1]) === null) return null;
  if (/^\d/.test(m[3] ?? '') || m[0].includes('/') || /\d[./]\d/.test(m[0])) {
    // numeric: dd/mm/yyyy unless a weekday says the page wrote mm/dd/yyyy ("Tue, 03/05/2024").
    const [a, b, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
    const wd = m[1] ? weekdayNumber(m[1]) : null;
    const dm = validDate(y, b, a) ? isoDay(y, b, a) : null;
    const md = validDate(y, a, b) ? isoDay(y, a, b) : null;
    if (wd !== null && md && (!dm || dayOfWeek(dm) !== wd) && dayOfWeek(md) === wd) return md;
    return dm ?? md;
  }
  if (/^\d/.test(m[2] ?? '')) {
    const month = monthNumber(m[3]!);
    return month && validDate(Number(m[4]), month, Number(m[2])) ? isoDay(Number(m[4]), month, Number(m[2])) : null;
  }
  const month = monthNumber(m[2]!);
  return month && validDate(Number(m[4]), month, Number(m[3])) ? isoDay(Number(m[4]), month, Number(m[3])) : null;
}
