// Cleaning: from a scraped or corpus dispatch to its body text, with what was dropped recorded as noise spans.
// It also reads the header: corpus date prefix, title line, on-page date line, agency dateline.
import type { Dateline, NoiseSpan } from '../../types.ts';
import { parseDateline, parseDateLine, type DatelineMatch } from './dateline.ts';
import { NOISE_LINE, TRAILING_NOISE, INLINE_NOISE, LEADING_NOISE, RELATED_HEADER, TAGS_HEADER, FOOTER_START } from './patterns.ts';
import { collapseSpaces, fold } from '../../text/fold.ts';
import { iso, parseIso, inferYear } from '../dates/calendar.ts';

export interface CleanInput {
  raw: string;
  title?: string | null;
  published?: string | null;
  /** Whether a name is a known place: a dateline that is only "<Place> –" must name one ("AMI -" does not). */
  isPlace?: (name: string) => boolean;
}

export interface Cleaned {
  text: string;
  noise: NoiseSpan[];
  title: string | null;
  published: string | null;
  dateline: Dateline | null;
  /** The agency named by the dateline, when any. */
  agency: string | null;
  /** Where the dateline stands in `text` (its date is the filing date, not an event's). */
  datelineSpan: { start: number; end: number } | null;
}

interface Line {
  start: number; // offsets into raw
  end: number;
  text: string;
}

const CORPUS_PREFIX = /^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?:T[\d:.]+Z?)?\s*/;

function splitLines(raw: string, from: number): Line[] {
  const out: Line[] = [];
  let i = from;
  while (i <= raw.length) {
    let j = raw.indexOf('\n', i);
    if (j < 0) j = raw.length;
    let e = j;
    if (e > i && raw[e - 1] === '\r') e--;
    out.push({ start: i, end: e, text: raw.slice(i, e) });
    i = j + 1;
  }
  return out;
}

function normLine(s: string): string {
  return fold(collapseSpaces(s)).replace(/[^\p{L}\p{N} ]/gu, '');
}

/** A headline: short, no final full stop, not a dateline, followed by more text. */
function looksLikeTitle(s: string): boolean {
  const t = s.trim();
  if (t.length < 12 || t.length > 220) return false;
  if (/[.:;,]$/.test(t)) return false;
  if (t.split(/\s+/).length < 3) return false;
  return true;
}

/** A line holding only a place name: one to three capitalised words ("New York", "Genève"). */
function isPlaceLine(s: string): boolean {
  return s.length <= 30 && !/^\p{Lu}{2,5}$/u.test(s) && /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}$/u.test(s);
}

export function clean(input: CleanInput): Cleaned {
  const raw = input.raw.replace(/\u0000/g, ' ');
  const noise: NoiseSpan[] = [];
  const addNoise = (start: number, end: number, kind: string) => {
    if (end > start) noise.push({ start, end, kind, text: raw.slice(start, end) });
  };
  let published = input.published ?? null;
  let title = input.title ? collapseSpaces(input.title) : null;

  let from = 0;
  const prefix = CORPUS_PREFIX.exec(raw);
  let corpusDate: string | null = null;
  if (prefix) {
    corpusDate = prefix[1]!;
    addNoise(0, prefix[0].length, 'corpus_date');
    from = prefix[0].length;
  }
  const lines = splitLines(raw, from);
  const keep: boolean[] = lines.map(() => true);
  const dropLine = (i: number, kind: string) => {
    if (!keep[i]) return;
    keep[i] = false;
    addNoise(lines[i]!.start, lines[i]!.end, kind);
  };

  // Page noise, line by line. Related-links and tags blocks run to the next blank line.
  let block: string | null = null;
  let placeLine: { place: string; date: string } | null = null;
  let footer = false;
  let dateLine: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (!t) {
      if (block === 'tags' && i + 1 < lines.length && lines[i + 1]!.text.trim().length < 40) continue;
      block = null;
      continue;
    }
    if (footer) {
      dropLine(i, 'footer');
      continue;
    }
    if (block) {
      if (t.length < 160 || !/[.!?»"]$/.test(t)) {
        dropLine(i, block);
        continue;
      }
      block = null;
    }
    if (FOOTER_START.test(t)) {
      footer = true;
      dropLine(i, 'footer');
      continue;
    }
    if (TAGS_HEADER.test(t)) {
      dropLine(i, 'tags');
      block = 'tags';
      continue;
    }
    if (RELATED_HEADER.test(t)) {
      dropLine(i, 'related_links');
      block = 'related_links';
      continue;
    }
    const dl = i < 12 && !parseDateline(t) ? parseDateLine(t) : null;
    if (dl) {
      // "New York" on its own line above the date line: the place of a readout (UN, ministries).
      const prev = lines.slice(0, i).reverse().find((l) => l.text.trim());
      if (!placeLine && prev && isPlaceLine(prev.text.trim())) placeLine = { place: prev.text.trim(), date: dl };
      dateLine ??= dl;
      dropLine(i, 'date_line');
      continue;
    }
    for (const [re, kind] of NOISE_LINE) {
      if (re.test(t)) {
        dropLine(i, kind);
        break;
      }
    }
  }

  // The title: given, or the first line when it reads as a headline; its repetitions are noise.
  const firstIdx = lines.findIndex((l, i) => keep[i] && l.text.trim());
  if (!title && firstIdx >= 0) {
    const first = lines[firstIdx]!.text.trim();
    const repeated = lines.some((l, i) => i > firstIdx && normLine(l.text) === normLine(first));
    const nextIdx = lines.findIndex((l, i) => i > firstIdx && keep[i] && l.text.trim());
    if (nextIdx > 0 && !parseDateline(first) && (repeated || looksLikeTitle(first))) {
      title = collapseSpaces(first);
      dropLine(firstIdx, 'title');
    }
  }
  if (title) {
    const nt = normLine(title);
    lines.forEach((l, i) => {
      if (keep[i] && nt.length > 10 && normLine(l.text) === nt) dropLine(i, 'duplicate_title');
    });
  }

  // Duplicated paragraphs (mirrors and some ministry sites print a paragraph twice).
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (!keep[i]) return;
    const n = normLine(l.text);
    if (n.length < 60) return;
    if (seen.has(n)) dropLine(i, 'duplicate_paragraph');
    else seen.add(n);
  });

  // Assemble the body: kept lines, blank-line paragraphs collapsed to one, inline noise cut out.
  let text = '';
  let pendingBreak = '';
  let dateline: DatelineMatch | null = null;
  let datelineSpan: Cleaned['datelineSpan'] = null;
  let lastLineLength = 0;
  let bodyLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!keep[i]) continue;
    if (!l.text.trim()) {
      if (text) pendingBreak = '\n\n';
      continue;
    }
    let s = l.text;
    let offset = l.start;
    // Leading white space and non-breaking spaces are layout, not text.
    const lead = /^[\s\u00a0]+/.exec(s);
    if (lead) {
      s = s.slice(lead[0].length);
      offset += lead[0].length;
    }
    s = s.replace(/[\s\u00a0]+$/, '');
    if (bodyLines < 4) {
      for (const [re, kind] of LEADING_NOISE) {
        const m = re.exec(s);
        if (m) {
          addNoise(offset, offset + m[0].length, kind);
          s = s.slice(m[0].length);
          offset += m[0].length;
        }
      }
    }
    let datelineHere: DatelineMatch | null = null;
    if (bodyLines < 4 && !dateline) {
      const d = parseDateline(s);
      if (d && (d.day || d.agency || !input.isPlace || !d.place || input.isPlace(d.place))) {
        dateline = d;
        datelineHere = d;
      }
    }
    bodyLines++;
    // Inline noise: trailing agency codes ("...deux pays.-VNA"), link markers, emoji bullets.
    const pieces: { from: number; to: number; kind: string }[] = [];
    for (const [re, kind] of INLINE_NOISE) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s))) {
        pieces.push({ from: m.index, to: m.index + m[0].length, kind });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    const tail = TRAILING_NOISE.exec(s);
    if (tail) pieces.push({ from: tail.index + (tail[0].length - tail[0].trimStart().length), to: s.length, kind: 'agency_code' });
    pieces.sort((a, b) => a.from - b.from);
    let out = '';
    let pos = 0;
    for (const p of pieces) {
      if (p.from < pos) continue;
      out += s.slice(pos, p.from);
      addNoise(offset + p.from, offset + p.to, p.kind);
      pos = p.to;
    }
    out += s.slice(pos);
    out = out.replace(/[ \t]+$/, '');
    if (!out) continue;
    // A hard line break inside a sentence (APP, MENAFN wires) joins the lines; a line that ends a sentence,
    // a heading or a short line keeps its break.
    // (a caption ending with its credit, "… - Photo: VOV", is never continued by the next line)
    const sep = !text ? '' : pendingBreak ? pendingBreak : /[.!?:;»"”)\]]$/.test(text) || lastLineLength < 40 || /\bPhoto\s?:|©/.test(text.slice(-lastLineLength)) ? '\n' : ' ';
    text += sep;
    if (datelineHere) datelineSpan = { start: text.length, end: text.length + Math.min(datelineHere.length, out.length) };
    text += out;
    lastLineLength = out.length;
    pendingBreak = '';
  }
  noise.sort((a, b) => a.start - b.start);

  if (!dateline && placeLine) dateline = { place: placeLine.place, agency: null, day: null, month: null, year: null, length: 0 };
  // Filing date: the input's own field, else the corpus prefix, the on-page date line, the dateline.
  if (!published) published = dateLine ?? corpusDate;
  else if (corpusDate && published.length < corpusDate.length && corpusDate.startsWith(published)) published = corpusDate;
  let outDateline: Dateline | null = null;
  if (dateline) {
    let date: string | null = null;
    let partial: { month: number; day: number } | undefined;
    if (dateline.month && dateline.day) {
      const y = dateline.year ?? inferYear(dateline.month, dateline.day, published ?? null);
      if (y) date = iso(y, dateline.month, dateline.day);
      else partial = { month: dateline.month, day: dateline.day };
    }
    if (!date && placeLine && dateline.place === placeLine.place) date = placeLine.date;
    const dl = parseIso(published);
    if (dl?.d && dateline.month && dateline.day && dl.m === dateline.day && dl.d === dateline.month && dl.m !== dl.d) published = iso(dl.y, dl.d, dl.m);
    if (!date && dateline.month && dateline.day && dateline.year === null) {
      const y = inferYear(dateline.month, dateline.day, published ?? null);
      if (y) date = iso(y, dateline.month, dateline.day);
    }
    outDateline = { place: dateline.place, date, agency: dateline.agency };
    if (partial) outDateline.partial = partial;
    // A day-precise dateline refines a month-precise filing date of the same month.
    const p = parseIso(published);
    if (date && (!published || (p && !p.d && date.startsWith(published)))) published = date;
  }
  return { text, noise, title, published, dateline: outDateline, agency: dateline?.agency ?? null, datelineSpan };
}
