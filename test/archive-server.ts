// A local HTTP server on 127.0.0.1 for the archive's fetching tests: feeds (RSS, Atom, a broken one), pages, an
// HTTP 500, a slow answer, huge bodies, redirects. Every request is logged; everything stops with `close()`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fixtures } from './archive-helpers.ts';

export interface Logged {
  path: string;
  userAgent: string | undefined;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  at: number;
}

export interface FixtureServer {
  base: string;
  log: Logged[];
  /** Feed version of /fr/rss.xml: version 2 lists one more item. */
  state: { rssVersion: number; changingVersion: number };
  hits(path: string): number;
  close(): Promise<void>;
}

const dir = join(fixtures, 'http');
const LAST_MODIFIED = 'Mon, 14 Mar 2022 14:05:00 GMT';

export async function startFixtureServer(): Promise<FixtureServer> {
  const log: Logged[] = [];
  const state = { rssVersion: 1, changingVersion: 1 };
  let base = '';
  const file = (name: string) => readFileSync(join(dir, name), 'utf8').replaceAll('{{base}}', base);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', base).pathname;
    log.push({ path, userAgent: req.headers['user-agent'], ifNoneMatch: req.headers['if-none-match'] as string | undefined, ifModifiedSince: req.headers['if-modified-since'], at: Date.now() });
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    switch (path) {
      case '/fr/rss.xml': {
        const etag = `"rss-v${state.rssVersion}"`;
        if (req.headers['if-none-match'] === etag) return send(304, 'application/rss+xml', '', { etag });
        let xml = file('rss.xml');
        if (state.rssVersion > 1) {
          const extra = `<item><title>Une page modifiée</title><link>${base}/pages/changing.html</link><guid>fr-changing</guid><pubDate>Tue, 15 Mar 2022 09:00:00 +0400</pubDate></item>`;
          xml = xml.replace('</channel>', `${extra}\n  </channel>`);
        }
        return send(200, 'application/rss+xml; charset=utf-8', xml, { etag, 'last-modified': LAST_MODIFIED });
      }
      case '/en/atom.xml':
        return send(200, 'application/atom+xml', file('atom.xml'));
      case '/broken.xml':
        return send(200, 'application/rss+xml', file('broken.xml'));
      case '/500.xml':
        return send(500, 'text/plain', 'internal error');
      case '/slow.xml':
        // Headers, a first line, then nothing: the client's time limit must end it.
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?>\n<rss version="2.0"><channel>');
        return;
      case '/huge.html': {
        // 12 MB streamed without a Content-Length: the client must stop reading at its limit.
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 12 && res.write(chunk)) sent++;
          if (sent >= 12) res.end();
          else res.once('drain', () => (sent++, pump()));
        };
        res.on('error', () => undefined);
        return pump();
      }
      case '/huge-declared.html':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(300 * 1024 * 1024) });
        res.write('<html>');
        return;
      case '/binary.html':
        return send(200, 'text/html', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
      case '/loop':
        return send(302, 'text/plain', '', { location: '/loop' });
      case '/moved':
        return send(301, 'text/plain', '', { location: '/pages/fr-baku-otan.html' });
      case '/pages/changing.html': {
        const extra = state.changingVersion > 1 ? '<p>Les ministres ont également évoqué la coopération dans le domaine des transports.</p>' : '';
        return send(200, 'text/html; charset=utf-8', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Une page modifiée</title></head><body><article><h1>Une page modifiée</h1><p>Bakou, 15 mars 2022, AZERTAC</p><p>Le ministre des Affaires étrangères, Djeyhoun Baïramov, a reçu le 15 mars l'ambassadeur de Türkiye en Azerbaïdjan, Cahit Bağcı.</p>${extra}</article></body></html>`);
      }
      default:
        if (/^\/pages\/[\w-]+\.html$/.test(path)) {
          try {
            return send(200, 'text/html; charset=utf-8', file(path.slice(1)));
          } catch {
            /* not there: 404 below */
          }
        }
        return send(404, 'text/plain', 'not found');
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    log,
    state,
    hits: (path) => log.filter((l) => l.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
