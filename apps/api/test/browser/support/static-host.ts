// A tiny static host for a `ptfx site build` folder, as Netlify or Cloudflare Pages would serve
// it: `/x/` from `x/index.html`, any unknown path the 404 page with status 404, and the headers
// its `_headers` file lists (so the site's own Content-Security-Policy applies).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The `_headers` rules: a path (exact, or a prefix ending in `*`) and its headers. */
function readHeaderRules(dir: string): { path: string; headers: [string, string][] }[] {
  let text: string;
  try {
    text = readFileSync(join(dir, '_headers'), 'utf8');
  } catch {
    return [];
  }
  const rules: { path: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** A running static host. */
export interface StaticHost {
  /** Its origin, `http://127.0.0.1:<port>`. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `dir` (read on each request, so it may be written after the host starts). */
export function startStaticHost(dir: string): Promise<StaticHost> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    let status = 200;
    let body: Buffer;
    let served = file;
    try {
      if (!file.startsWith(dir) || path.includes('/_') || path.includes('/.')) throw new Error();
      body = readFileSync(file);
    } catch {
      status = 404;
      served = join(dir, '404.html');
      body = readFileSync(served);
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
    };
    for (const rule of readHeaderRules(dir))
      if (
        rule.path === path ||
        (rule.path.endsWith('*') && path.startsWith(rule.path.slice(0, -1)))
      )
        for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
    res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
