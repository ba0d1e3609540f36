// HTTP for the archive (feeds and pages): Node's built-in fetch with a time limit on the whole exchange, a size
// limit read as the body streams, redirects followed by hand (bounded, http/https only), an honest User-Agent,
// a politeness delay per host, and conditional GET (ETag / Last-Modified) for watch mode.

export const USER_AGENT = 'Communique/0.1 (+offline archive)';

export interface HttpOptions {
  /** Time for one exchange, headers and body, per hop. */
  timeoutMs: number;
  /** Larger bodies are refused: no feed or dispatch page comes near it, and memory stays bounded. */
  maxBytes: number;
  maxRedirects: number;
  /** Time between two requests to one host. */
  politenessMs: number;
  userAgent: string;
}

export const DEFAULT_HTTP: HttpOptions = {
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  politenessMs: 1_000,
  userAgent: USER_AGENT,
};

export type FetchErrorCode = 'bad_url' | 'http_status' | 'timeout' | 'too_large' | 'too_many_redirects' | 'network';

export class FetchError extends Error {
  constructor(
    public code: FetchErrorCode,
    message: string,
    public status?: number,
  ) {
    super(message);
  }
}

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

export interface HttpResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class HttpClient {
  readonly options: HttpOptions;
  private lastRequest = new Map<string, number>();

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = { ...DEFAULT_HTTP, ...options };
  }

  private async polite(host: string): Promise<void> {
    const last = this.lastRequest.get(host);
    const wait = last === undefined ? 0 : last + this.options.politenessMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    this.lastRequest.set(host, Date.now());
  }

  async get(url: string, cond: Conditional = {}, accept = '*/*'): Promise<HttpResponse> {
    let current = checkUrl(url);
    for (let hop = 0; ; hop++) {
      await this.polite(current.host);
      const headers: Record<string, string> = { 'user-agent': this.options.userAgent, accept };
      if (hop === 0 && cond.etag) headers['if-none-match'] = cond.etag;
      if (hop === 0 && cond.lastModified) headers['if-modified-since'] = cond.lastModified;
      const signal = AbortSignal.timeout(this.options.timeoutMs);
      let res: Response;
      try {
        res = await fetch(current, { redirect: 'manual', signal, headers });
      } catch (e) {
        throw fetchFailure(e, current.href, this.options.timeoutMs);
      }
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (!location) throw new FetchError('http_status', `${current.href}: HTTP ${res.status} without a Location`, res.status);
        if (hop >= this.options.maxRedirects) throw new FetchError('too_many_redirects', `${url}: more than ${this.options.maxRedirects} redirects`);
        current = checkUrl(new URL(location, current).href);
        continue;
      }
      const meta = { url: current.href, status: res.status, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified'), contentType: res.headers.get('content-type') };
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        return { ...meta, notModified: true, etag: meta.etag ?? cond.etag ?? null, lastModified: meta.lastModified ?? cond.lastModified ?? null, body: Buffer.alloc(0) };
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError('http_status', `${current.href}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > this.options.maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError('too_large', `${current.href}: ${declared} bytes; the limit is ${this.options.maxBytes}`);
      }
      const body = await readBody(res, current.href, this.options);
      return { ...meta, notModified: false, body };
    }
  }
}

function checkUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FetchError('bad_url', `not a URL: ${url}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError('bad_url', `only http and https are fetched, not ${u.protocol} (${url})`);
  return u;
}

async function readBody(res: Response, url: string, opts: HttpOptions): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > opts.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new FetchError('too_large', `${url}: over ${opts.maxBytes} bytes; the limit is ${opts.maxBytes}`);
      }
      chunks.push(Buffer.from(value));
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw fetchFailure(e, url, opts.timeoutMs);
  }
  return Buffer.concat(chunks);
}

function fetchFailure(e: unknown, url: string, timeoutMs: number): FetchError {
  const err = e as Error & { cause?: Error & { code?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return new FetchError('timeout', `${url}: no complete answer within ${timeoutMs} ms`);
  const cause = err.cause?.code ?? err.cause?.message ?? err.message;
  return new FetchError('network', `${url}: ${cause}`);
}
