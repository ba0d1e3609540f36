// RSS 2.0, RSS 1.0 (RDF) and Atom feeds to a list of items (link, guid, title, date, inline content), with
// fast-xml-parser. Broken XML is a FeedError for that feed alone.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export class FeedError extends Error {
  code = 'bad_feed';
}

export interface FeedItem {
  /** Identity of the item in its feed: guid/id, else link, else title and date. */
  key: string;
  link: string | null;
  title: string | null;
  published: string | null;
  /** Inline content (HTML) when the feed carries it: used when the item has no link. */
  content: string | null;
}

export interface Feed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  items: FeedItem[];
}

/** Whether a fetched body is a feed rather than a page. */
export function looksLikeFeed(body: string, contentType: string | null): boolean {
  if (contentType && /(?:rss|atom|rdf)\+xml/i.test(contentType)) return true;
  const head = body.slice(0, 2048).replace(/^\uFEFF/, '');
  return /^\s*(?:<\?xml[^>]{0,300}\?>\s*)?(?:<!--[^>]{0,500}-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]/.test(head);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  const s = String(v).trim();
  return s || null;
}

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

/** The calendar date a feed gives, as written (no shift to UTC): RFC 822 (RSS) or ISO 8601 (Atom, Dublin Core). */
export function feedDate(s: string | null): string | null {
  if (!s) return null;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})/.exec(s);
  if (rfc && MONTHS[rfc[2]!.toLowerCase()]) return `${rfc[3]}-${MONTHS[rfc[2]!.toLowerCase()]}-${rfc[1]!.padStart(2, '0')}`;
  return null;
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return text(links);
  const nodes = links.map((l) => (typeof l === 'object' && l ? (l as Node) : { '@_href': String(l) }));
  const alt = nodes.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? nodes[0];
  return alt ? text(alt['@_href']) ?? text(alt) : null;
}

function rssLink(links: unknown): string | null {
  if (!Array.isArray(links)) return text(links);
  // RSS items may carry an atom:link beside their own <link>: the plain one is the page.
  for (const l of links) {
    const t = typeof l === 'object' && l ? text((l as Node)['#text']) ?? text((l as Node)['@_href']) : text(l);
    if (t) return t;
  }
  return null;
}

function item(key: string | null, link: string | null, title: string | null, published: string | null, content: string | null): FeedItem {
  return { key: key ?? link ?? `${title ?? ''}|${published ?? ''}`, link, title, published, content };
}

export function parseFeed(xml: string): Feed {
  const body = xml.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new FeedError(`broken XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  let doc: Node;
  try {
    doc = parser.parse(body) as Node;
  } catch (e) {
    throw new FeedError(`unreadable XML: ${(e as Error).message}`);
  }
  const rss = doc.rss as Node | undefined;
  if (rss && typeof rss === 'object') {
    const channel = (rss.channel ?? {}) as Node;
    const items = ((channel.item as Node[] | undefined) ?? []).map((i) =>
      item(text(i.guid), rssLink(i.link), text(i.title), feedDate(text(i.pubDate) ?? text(i['dc:date'])), text(i['content:encoded']) ?? text(i.description)),
    );
    return { format: 'rss', title: text(channel.title), items };
  }
  const feed = doc.feed as Node | undefined;
  if (feed && typeof feed === 'object') {
    const items = ((feed.entry as Node[] | undefined) ?? []).map((e) =>
      item(text(e.id), atomLink(e.link), text(e.title), feedDate(text(e.published) ?? text(e.updated)), text(e.content) ?? text(e.summary)),
    );
    return { format: 'atom', title: text(feed.title), items };
  }
  const rdf = doc['rdf:RDF'] as Node | undefined;
  if (rdf && typeof rdf === 'object') {
    const items = ((rdf.item as Node[] | undefined) ?? []).map((i) => item(text(i['@_rdf:about']), rssLink(i.link), text(i.title), feedDate(text(i['dc:date'])), text(i.description)));
    return { format: 'rdf', title: text((rdf.channel as Node | undefined)?.title), items };
  }
  throw new FeedError('XML but not an RSS or Atom feed');
}
