// Hash routes (#/dispatch/12, #/timeline?actor=AZE&with=NATO): links work without a server fallback, reloads and
// bookmarks keep the view, and the browser's back button just works.

export interface Route {
  /** "dispatch", "timeline"… ("" for home) */
  name: string;
  /** Path segments after the name: #/dispatch/12 → ["12"] */
  args: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const [name = '', ...args] = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { name, args, params: new URLSearchParams(search) };
}

export function href(name: string, args: (string | number)[] = [], params: Record<string, string | number | null | undefined> = {}): string {
  const path = [name, ...args.map((a) => encodeURIComponent(String(a)))].filter((p) => p !== '').join('/');
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

export function go(to: string): void {
  if (location.hash === to) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = to;
}
