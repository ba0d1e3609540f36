// How POST /api/dispatches fetches a URL sent alone: the archive's HTTP client (time and size limits, bounded
// redirects, honest User-Agent, politeness per host). One page per request: feeds are for `communique ingest`.
import { FetchError, HttpClient } from '../archive/fetch.ts';
import { looksLikeFeed } from '../archive/feeds.ts';
import { decodeBytes, InputError } from '../stages/ingest/decode.ts';
import { ApiError } from './errors.ts';
import type { PageFetcher } from './routes/dispatches.ts';

export function pageFetcher(http: HttpClient = new HttpClient()): PageFetcher {
  return async (url) => {
    let res;
    try {
      res = await http.get(url, {}, 'text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.5');
    } catch (e) {
      if (e instanceof FetchError) throw new ApiError(e.code === 'bad_url' ? 'bad_request' : 'fetch_failed', `could not fetch ${url}: ${e.message}`, e.code === 'http_status' && e.status ? `http_${e.status}` : e.code);
      throw e;
    }
    const html = !res.contentType || !/^text\/plain/i.test(res.contentType);
    let text: string;
    try {
      text = decodeBytes(res.body, { html }).text;
    } catch (e) {
      if (e instanceof InputError) throw new ApiError('unreadable_document', `the page at ${url} could not be read: ${e.message}`, e.code);
      throw e;
    }
    if (html && looksLikeFeed(text, res.contentType)) throw new ApiError('bad_request', `${url} is a feed, not a page: ingest feeds with \`communique ingest ${url}\``);
    return html ? { source: url, url, html: text } : { source: url, url, text };
  };
}
