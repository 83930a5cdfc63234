// The fast path answers a published target exactly as the router does: same status, headers
// and bytes, for every header that changes an answer; and it steps aside whenever it cannot.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogLine } from '../app-types.js';
import type { ClinicSource } from '../clinic-source.js';
import { sampleServer } from '../test-support/app.js';

let now = new Date('2026-11-25T18:00:00Z');
let server: Awaited<ReturnType<typeof sampleServer>>;
let logs: LogLine[] = [];
let base = '';
let source: ClinicSource;
const fastHits = () => server.fastHits();

beforeAll(async () => {
  server = await sampleServer({
    clock: () => now,
    corsOrigins: ['https://www.pteffect.com'],
    staff: 'none',
    intakeRateLimit: { limit: 100, windowMs: 60_000 },
  });
  ({ base, source, logs } = server);
});
afterAll(() => server.dispose());

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
/** Headers that differ per response by nature. */
const visible = (h: Raw['headers'], keepId: boolean) =>
  Object.entries(h)
    .filter(([n]) => n !== 'date' && n !== 'connection' && (keepId || n !== 'x-request-id'))
    .sort(([a], [b]) => a.localeCompare(b));

const TARGETS = [
  '/v1/clinic',
  '/v1/locations',
  '/v1/locations/san-diego',
  '/v1/locations/san-diego.vcf',
  '/v1/therapists',
  '/v1/therapists?limit=1&offset=1',
  '/v1/therapists/mark-shulman',
  '/v1/credentials',
  '/v1/credentials/DPT',
  '/v1/treatments',
  '/v1/articles',
  '/v1/clinic.jsonld',
  '/v1/clinic.vcf',
  '/fhir/r4/Practitioner/mark-shulman',
  '/openapi.json',
  '/docs',
];

describe('the fast path', () => {
  it('answers every published target as the router did, byte for byte, for each header that matters', async () => {
    const variants: [string, Record<string, string>, string?][] = [
      ['plain', {}],
      ['brotli', { 'Accept-Encoding': 'gzip, br' }],
      ['gzip', { 'Accept-Encoding': 'gzip' }],
      ['a listed origin', { Origin: 'https://www.pteffect.com' }],
      ['another origin', { Origin: 'https://evil.example' }],
      ['a client request id', { 'X-Request-Id': 'client-id-123' }],
      ['HEAD', {}, 'HEAD'],
    ];
    // The website's files too: the same fast path (its 404 page is never published).
    const site = source.current().site(source.current().today(now));
    const siteTargets = site.rendered.pages
      .filter((page) => page.kind !== 'not-found')
      .map((page) => page.path);
    expect(siteTargets).toEqual(expect.arrayContaining(['/', '/booking/', '/sitemap.xml']));
    for (const target of [...TARGETS, ...siteTargets, '/?utm_source=newsletter']) {
      for (const [name, headers, method] of variants) {
        source.current().published.clear();
        const hitsBefore = fastHits();
        // With nothing published, the router answers, and publishes the target…
        const first = await get(target, headers, method);
        expect(fastHits(), `${target} (${name})`).toBe(hitsBefore);
        // …and the same target again is the fast path's.
        const second = await get(target, headers, method);
        expect(fastHits(), `${target} (${name})`).toBe(hitsBefore + 1);
        const keepId = 'X-Request-Id' in headers;
        expect(second.status, `${target} (${name})`).toBe(first.status);
        expect(visible(second.headers, keepId), `${target} (${name})`).toEqual(
          visible(first.headers, keepId),
        );
        expect(second.body.equals(first.body), `${target} (${name})`).toBe(true);
        expect(first.status).toBeLessThan(300);
      }
      // A conditional GET with the ETag gets 304 from the fast path too.
      const etag = (await get(target)).headers.etag as string;
      const notModified = await get(target, { 'If-None-Match': etag });
      expect(notModified.status, target).toBe(304);
      expect(notModified.body.length).toBe(0);
    }
  });

  it('serves a site page with the site’s headers, not the JSON API’s', async () => {
    source.current().published.clear();
    await get('/therapists/mark-shulman/');
    const hits = fastHits();
    const res = await get('/therapists/mark-shulman/', { 'Accept-Encoding': 'br' });
    expect(fastHits()).toBe(hits + 1);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-security-policy']).toBe(
      source.current().site(source.current().today(now)).rendered.contentSecurityPolicy,
    );
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=60');
    expect(res.headers['set-cookie']).toBeUndefined();
    const json = await get('/v1/clinic');
    expect(json.headers['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it('logs one line per request, as the router does, without the query', async () => {
    logs.length = 0;
    await get('/v1/therapists?limit=2');
    await get('/v1/therapists?limit=2');
    const lines = logs.filter((l) => l.event === 'request');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => [l.method, l.route, l.status])).toEqual([
      ['GET', '/v1/therapists', 200],
      ['GET', '/v1/therapists', 200],
    ]);
    expect(JSON.stringify(lines)).not.toContain('limit');
  });

  it('steps aside for another clinic date, oversized headers and other methods', async () => {
    await get('/v1/therapists/mark-shulman');
    let hits = fastHits();
    await get('/v1/therapists/mark-shulman');
    expect(fastHits()).toBe(hits + 1);
    // Midnight in San Diego: the lint's date changes, so the router answers (and republishes).
    now = new Date('2026-11-26T09:00:00Z');
    hits = fastHits();
    const nextDay = await get('/v1/therapists/mark-shulman');
    expect(fastHits()).toBe(hits);
    expect(JSON.parse(nextDay.body.toString()).lint.asOf).toBe('2026-11-26');
    await get('/v1/therapists/mark-shulman');
    expect(fastHits()).toBe(hits + 1);

    hits = fastHits();
    const big = await get('/v1/clinic', { 'X-Padding': 'x'.repeat(17 * 1024) });
    expect(big.status).toBe(431);
    // A method the route does not take: the router's 405, whatever the body.
    const post = await get('/v1/clinic', {}, 'POST');
    expect(post.status).toBe(405);
    const options = await get(
      '/v1/clinic',
      {
        Origin: 'https://www.pteffect.com',
        'Access-Control-Request-Method': 'GET',
      },
      'OPTIONS',
    );
    expect(options.status).toBe(204);
    expect(fastHits()).toBe(hits);
  });
});
