// Shared by the bench parent and the baseline servers: the routes under test and a raw HTTP/1.1
// request helper (no compression, no decoding, so the bytes compared are the bytes on the wire).
import { request } from 'node:http';

export const LIST_PATH = '/v1/therapists';
export const DETAIL_PATH = '/v1/therapists/mark-shulman';
export const LINT_PATH = '/v1/credential-listings/lint';
export const LINT_BODY = '{"listing":"Dr. Jane Doe, PT, DPT, OCS","jurisdiction":"CA"}';
export const JSON_TYPE = { 'content-type': 'application/json' };
/** Pages of the clinic's website the API serves at `/`: the home page and one deeper page. */
export const SITE_PATHS = ['/', '/therapists/mark-shulman/'];
/** What a browser sends for a page: HTML, compressed (the server negotiates brotli). */
export const SITE_REQUEST_HEADERS = { accept: 'text/html', 'accept-encoding': 'br, gzip' };
/** The encodings the baselines keep a copy of each site page in, as ptfx chose them. */
export const SITE_ENCODINGS = { br: 'br, gzip', gzip: 'gzip', identity: 'identity' };

/** Headers that differ per response or per connection; never compared, never copied. */
export const VOLATILE = ['date', 'connection', 'keep-alive', 'x-request-id', 'transfer-encoding'];

/** One request on a fresh connection: `{ status, headers, body: Buffer }`. */
export function fetchRaw(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url} in 10 s`)));
    req.end(body);
  });
}
