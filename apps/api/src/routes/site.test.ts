// The clinic's website at `/`: every file served as rendered, with the site's own headers,
// conditional and compressed like the API's answers; the 308 and 404 rules around it.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { siteContentSecurityPolicy } from '@ptfx/site';
import { describe, expect, it } from 'vitest';
import { sampleAppsPerTest, type TestApp } from '../test-support/app.js';
import { acceptsHtml, isApiPath } from './site.js';

const open = sampleAppsPerTest();
const NOW = new Date('2026-11-25T18:00:00Z'); // a Wednesday; Thanksgiving is tomorrow
const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";
const SITE_CSP = siteContentSecurityPolicy({ baseUrl: 'http://api.test', apiUrl: '' });
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const get = (t: TestApp, path: string, headers: Record<string, string> = {}, method = 'GET') =>
  t.app.request(path, { method, headers });
const siteOf = (t: TestApp) => t.source.current().site(t.source.current().today(NOW));

describe('the website at /', () => {
  it('serves every file of the rendered site with its type, bytes and cache policy', async () => {
    const t = await open({ now: NOW });
    const pages = siteOf(t).rendered.pages;
    // Not vacuous: pages, the 404 page, crawler files and the hashed assets are all there.
    expect(new Set(pages.map((p) => p.kind))).toEqual(
      new Set(['page', 'not-found', 'meta', 'asset']),
    );
    for (const page of pages) {
      const res = await get(t, page.path);
      const expected = {
        status: page.kind === 'not-found' ? 404 : 200,
        type: page.contentType,
        cache:
          page.kind === 'asset'
            ? 'public, max-age=31536000, immutable'
            : page.kind === 'not-found'
              ? 'no-store'
              : 'public, max-age=300, stale-while-revalidate=60',
        body: page.text,
      };
      expect(
        {
          status: res.status,
          type: res.headers.get('content-type'),
          cache: res.headers.get('cache-control'),
          body: await res.text(),
        },
        page.path,
      ).toEqual(expected);
      expect(res.headers.get('content-security-policy'), page.path).toBe(SITE_CSP);
      expect(res.headers.get('x-frame-options'), page.path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), page.path).toBe('nosniff');
      // Public pages: nothing that could tie a visitor to a visit.
      expect(res.headers.get('set-cookie'), page.path).toBeNull();
    }
  });

  it('serves the home page with the site CSP: nothing remote, no inline code, the form to itself', async () => {
    const t = await open({ now: NOW });
    const res = await get(t, '/', { Accept: BROWSER_ACCEPT });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(siteOf(t).rendered.contentSecurityPolicy);
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="en">/i);
    expect(html).toContain('The Physical Therapy Effect');
  });

  it('keeps the JSON routes’ own headers', async () => {
    const t = await open({ now: NOW });
    await get(t, '/'); // the site first, so nothing it set could linger
    const clinic = await get(t, '/v1/clinic');
    expect(clinic.headers.get('content-security-policy')).toBe(JSON_CSP);
    expect(clinic.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(clinic.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('answers a matching If-None-Match with 304, and HEAD with the headers alone', async () => {
    const t = await open({ now: NOW });
    const first = await get(t, '/booking/');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await get(t, '/booking/', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);

    const head = await get(t, '/booking/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(await first.text())));
    expect(await head.text()).toBe('');
  });

  it('compresses pages and assets with brotli or gzip when asked', async () => {
    const t = await open({ now: NOW });
    const css = siteOf(t).rendered.pages.find((p) => p.path.endsWith('.css'));
    expect(css?.kind).toBe('asset');
    for (const path of ['/', css?.path ?? '']) {
      const plain = await (await get(t, path)).text();
      expect(plain.length).toBeGreaterThan(1024);
      const br = await get(t, path, { 'Accept-Encoding': 'gzip, br' });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('vary')).toContain('Accept-Encoding');
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
      const gz = await get(t, path, { 'Accept-Encoding': 'gzip' });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plain);
    }
  });

  it('redirects a page’s path without its slash to the page, never to what was asked', async () => {
    const t = await open({ now: NOW });
    const cases: readonly (readonly [string, string])[] = [
      ['/therapists/mark-shulman', '/therapists/mark-shulman/'],
      ['/therapists/mark-shulman?next=//evil.example', '/therapists/mark-shulman/'],
      ['/booking', '/booking/'],
    ];
    for (const [path, target] of cases) {
      const res = await get(t, path);
      expect(res.status, path).toBe(308);
      expect(res.headers.get('location'), path).toBe(target);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    // Only pages: a file is not a folder, and what the site does not have is not found.
    expect((await get(t, '/sitemap.xml/')).status).toBe(404);
    expect((await get(t, '/therapists/nobody')).status).toBe(404);
  });

  it('answers an unknown path outside the API with the site’s 404 page for a browser, a problem for others', async () => {
    const t = await open({ now: NOW });
    const page = siteOf(t).notFound?.page;
    expect(page?.kind).toBe('not-found');

    const html = await get(t, '/no/such/page', { Accept: BROWSER_ACCEPT });
    expect(html.status).toBe(404);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBe(SITE_CSP);
    expect(html.headers.get('cache-control')).toBe('no-store');
    expect(html.headers.get('vary')).toContain('Accept');
    expect(html.headers.get('etag')).toBeNull();
    expect(await html.text()).toBe(page?.text);

    const head = await get(t, '/no/such/page', { Accept: BROWSER_ACCEPT }, 'HEAD');
    expect(head.status).toBe(404);
    expect(await head.text()).toBe('');

    const forJson = await get(t, '/no/such/page', { Accept: 'application/json' });
    expect(forJson.status).toBe(404);
    expect(forJson.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    // A path under the API is the API's, whoever asks.
    for (const path of ['/v1/nothing', '/fhir/r4/Nothing/x', '/docs/x', '/healthz/x']) {
      const res = await get(t, path, { Accept: BROWSER_ACCEPT });
      expect(res.status, path).toBe(404);
      // problem+json, or under /fhir/r4 an OperationOutcome.
      expect(res.headers.get('content-type'), path).toMatch(/^application\/(problem|fhir)\+json/);
    }
  });

  it('answers another method on a site page with 405 and Allow', async () => {
    const t = await open({ now: NOW });
    const res = await t.app.request('/booking/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('renders the site for the clinic’s date: an hours exception drops out the day after it', async () => {
    let now = NOW;
    const t = await open({ clock: () => now });
    // What the page shows (the scripts' data, JSON-LD and the hours, may list more).
    const home = async () =>
      (await (await get(t, '/')).text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    expect(await home()).toContain('Thanksgiving');
    now = new Date('2026-11-27T18:00:00Z'); // Friday: Thanksgiving is over
    const after = await home();
    expect(after).not.toContain('Thanksgiving');
    expect(after).toContain('Christmas Day');
  });
});

describe('acceptsHtml and isApiPath', () => {
  it.each([
    [BROWSER_ACCEPT, true],
    ['text/html', true],
    ['application/xhtml+xml', true],
    ['TEXT/HTML; q=0.5', true],
    ['text/html;q=0', false],
    ['*/*', false],
    ['application/json', false],
    ['', false],
  ])('acceptsHtml(%j) is %s', (accept, expected) => {
    expect(acceptsHtml(accept)).toBe(expected);
  });

  it.each([
    ['/v1', true],
    ['/v1/clinic', true],
    ['/fhir/r4/metadata', true],
    ['/openapi.json', true],
    ['/docs', true],
    ['/healthz', true],
    ['/', false],
    ['/v10', false],
    ['/docsx', false],
    ['/booking/', false],
  ])('isApiPath(%j) is %s', (path, expected) => {
    expect(isApiPath(path)).toBe(expected);
  });
});
