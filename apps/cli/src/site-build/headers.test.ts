import type { RenderedSite, SitePage } from '@ptfx/site';
import { describe, expect, it } from 'vitest';
import { headersFile } from './headers.js';

const page = (path: string, kind: SitePage['kind']): SitePage => ({
  path,
  file: path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1),
  contentType: 'text/plain; charset=utf-8',
  kind,
  text: '',
  bytes: new Uint8Array(),
});

describe('headersFile', () => {
  it('sends the CSP everywhere once, and caches only the content-hashed assets forever', () => {
    const pages = [
      page('/', 'page'),
      page('/favicon.svg', 'meta'),
      page('/assets/site.0a1b2c3d.css', 'asset'),
      page('/assets/site.4e5f6a7b.js', 'asset'),
    ];
    const site: RenderedSite = {
      pages,
      page: (path) => pages.find((p) => p.path === path),
      contentSecurityPolicy: "default-src 'none'; form-action 'self' https://api.example.com",
    };
    expect(headersFile(site)).toMatchInlineSnapshot(`
      "# Written by ptfx site build. Netlify and Cloudflare Pages send these headers; elsewhere,
      # configure the same ones on the server.
      /*
        Content-Security-Policy: default-src 'none'; form-action 'self' https://api.example.com
        X-Content-Type-Options: nosniff
        X-Frame-Options: DENY
        Referrer-Policy: strict-origin-when-cross-origin
        Cross-Origin-Opener-Policy: same-origin

      /assets/site.0a1b2c3d.css
        Cache-Control: public, max-age=31536000, immutable

      /assets/site.4e5f6a7b.js
        Cache-Control: public, max-age=31536000, immutable
      "
    `);
  });
});
