// HTML page to article text and metadata: readability finds the main text; metadata (title, publication date)
// is read from meta tags, JSON-LD and on-page date lines before the boilerplate is dropped.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { collapseSpaces } from '../../text/fold.ts';
import { InputError } from './decode.ts';

export interface PageText {
  text: string;
  title: string | null;
  published: string | null;
  lang: string | null;
  url: string | null;
}

const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'TR', 'BR', 'FIGCAPTION', 'HEADER', 'FOOTER', 'PRE', 'TABLE', 'UL', 'OL', 'DL', 'DT', 'DD', 'ASIDE', 'NAV', 'FIGURE', 'HR']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'FORM', 'BUTTON', 'SELECT', 'OBJECT']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree with one paragraph per block element. */
export function blockText(root: DomNode): string {
  const parts: string[] = [];
  let line = '';
  const flush = () => {
    const t = collapseSpaces(line);
    if (t) parts.push(t);
    line = '';
  };
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) {
      line += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return parts.join('\n\n');
}

function isoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const d = /(\d{1,2})[./](\d{1,2})[./](\d{4})/.exec(s);
  if (d) return `${d[3]}-${d[2]!.padStart(2, '0')}-${d[1]!.padStart(2, '0')}`;
  return null;
}

export function readPage(html: string, url: string | null = null): PageText {
  if (!/<[a-z!?]/i.test(html)) throw new InputError('not_html', 'the input is not HTML (no tags found)');
  let doc: any;
  try {
    ({ document: doc } = parseHTML(html));
  } catch (e) {
    throw new InputError('bad_html', `the HTML could not be parsed: ${(e as Error).message}`);
  }
  const meta = (sel: string): string | null => {
    const el = doc.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    return v ? collapseSpaces(v) : null;
  };
  let published =
    isoDate(meta('meta[property="article:published_time"]')) ??
    isoDate(meta('meta[name="article:published_time"]')) ??
    isoDate(meta('meta[itemprop="datePublished"]')) ??
    isoDate(meta('meta[name="pubdate"]')) ??
    isoDate(meta('meta[name="date"]')) ??
    isoDate(meta('meta[name="DC.date.issued"]')) ??
    isoDate(meta('meta[name="dcterms.date"]'));
  if (!published) {
    for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
      const m = /"datePublished"\s*:\s*"([^"]{0,40})"/.exec(s.textContent ?? '');
      if (m) {
        published = isoDate(m[1]);
        if (published) break;
      }
    }
  }
  if (!published) published = isoDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'));
  const headline = doc.querySelector('article h1, h1');
  // The article's own headline first: og:title and <title> often carry the site's name too.
  const candidates: (string | null)[] = [headline ? collapseSpaces(headline.textContent ?? '') : null, meta('meta[property="og:title"]'), collapseSpaces(doc.querySelector('title')?.textContent ?? '')];
  const title: string | null = candidates.find((t): t is string => !!t) ?? null;
  const lang = (doc.documentElement?.getAttribute?.('lang') ?? meta('meta[http-equiv="content-language"]') ?? '').slice(0, 2).toLowerCase() || null;
  // On-page date lines ("Publié le 12 juin 2024") sit in headers that readability drops: keep the page's full text
  // head so that the cleaning stage can still read them.
  let text = '';
  try {
    const clone = parseHTML(html).document as any;
    const article = new Readability(clone, { charThreshold: 200 }).parse();
    if (article?.content) {
      const { document: frag } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      text = blockText(frag.body as unknown as DomNode);
    }
  } catch {
    text = '';
  }
  // A fragment (a feed item's description) may have no <body>: read the whole tree then.
  let bodyText = doc.body ? blockText(doc.body as DomNode) : '';
  // (a fragment parses with its first element as the document element; a page's <html> would bring its <head>)
  if (!bodyText.trim() && doc.documentElement && doc.documentElement.nodeName !== 'HTML') bodyText = blockText(doc.documentElement as DomNode);
  if (text.length < 200 && bodyText.length > text.length) text = bodyText;
  if (!text.trim()) throw new InputError('no_text', 'the page has no readable text');
  return { text, title, published, lang, url };
}
