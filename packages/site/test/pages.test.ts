// The rendered site as a whole: paths, links, heads, JSON-LD, sitemap, robots, CSP, no inline code.

import { sampleClinic } from '@ptfx/domain/sample';
import { describe, expect, it } from 'vitest';
import { FORM_ID, renderSite, siteContentSecurityPolicy } from '../src/index.js';
import { attributeValues, ids, meta, scriptBlocks } from './support/html.js';
import { BASE_URL, htmlOf, sampleSite } from './support/site.js';

const site = sampleSite();
const html = site.pages.filter((p) => p.contentType.startsWith('text/html'));
const indexable = html.filter(
  (p) => p.kind === 'page' && !p.text.includes('<meta name="robots" content="noindex"'),
);

describe('the pages', () => {
  it('has every page of the contract, once each', () => {
    const paths = site.pages.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/',
        '/therapists/mark-shulman/',
        '/therapists/allison-mckay/',
        '/treatments/evaluation/',
        '/treatments/education-and-home-exercise/',
        '/conditions/back-pain/',
        '/articles/how-can-physical-therapy-help-to-reduce-back-pain/',
        '/booking/',
        '/booking/thank-you/',
        '/404.html',
        '/sitemap.xml',
        '/robots.txt',
        '/favicon.svg',
      ]),
    );
    const clinic = sampleClinic();
    expect(html.filter((p) => p.kind === 'page')).toHaveLength(
      1 +
        clinic.therapists.length +
        clinic.treatments.length +
        clinic.conditions.length +
        clinic.articles.length +
        2,
    );
  });

  it('names each file for a static host, and its bytes are its text', () => {
    expect(site.page('/')?.file).toBe('index.html');
    expect(site.page('/booking/thank-you/')?.file).toBe('booking/thank-you/index.html');
    expect(site.page('/404.html')?.file).toBe('404.html');
    expect(site.page('/404.html')?.kind).toBe('not-found');
    for (const page of site.pages) expect(new TextDecoder().decode(page.bytes)).toBe(page.text);
  });

  it('has one stylesheet and at most two scripts (open now, the form), each named by its content hash', () => {
    const assets = site.pages.filter((p) => p.kind === 'asset');
    const css = assets.filter((p) => /^\/assets\/site\.[0-9a-f]{8}\.css$/.test(p.path));
    const js = assets.filter((p) => /^\/assets\/(site|booking)\.[0-9a-f]{8}\.js$/.test(p.path));
    expect(css).toHaveLength(1);
    expect(js.length).toBeLessThanOrEqual(2);
    expect(assets).toHaveLength(css.length + js.length);
    expect(css[0]?.contentType).toBe('text/css; charset=utf-8');
    for (const script of js) expect(script.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('renders the same bytes for the same data', () => {
    const again = sampleSite();
    expect(again.pages.map((p) => [p.path, p.text])).toEqual(
      site.pages.map((p) => [p.path, p.text]),
    );
  });

  it.each(html.map((p) => p.path))(
    '%s: lang, one h1, a skip link to main, no inline script or style',
    (path) => {
      const text = htmlOf(site, path);
      expect(text.startsWith('<!doctype html><html lang="en">')).toBe(true);
      expect(text.match(/<h1\b/g)).toHaveLength(1);
      expect(text).toContain('<a class="skip-link" href="#main">');
      expect(text).toContain('<main id="main"');
      expect(text).not.toMatch(/\sstyle=/);
      expect(text).not.toMatch(/<style\b/);
      expect(text).not.toMatch(/\son[a-z]+=/i);
      expect(text).not.toMatch(/javascript:/i);
      for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const attributes = m[1] ?? '';
        // A script is either external (src, empty body) or a JSON data block, never executed inline.
        if (/\ssrc="/.test(attributes)) expect(m[2]).toBe('');
        else expect(attributes).toMatch(/type="application\/(ld\+)?json"/);
      }
      expect(text).toContain(
        `<meta name="viewport" content="width=device-width, initial-scale=1"/>`,
      );
      expect(text).toMatch(/<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml"\/>/);
    },
  );

  it.each(html.map((p) => p.path))('%s: every internal link and fragment resolves', (path) => {
    const text = htmlOf(site, path);
    const hrefs = [...attributeValues(text, 'a', 'href'), ...attributeValues(text, 'link', 'href')];
    const internal = hrefs.filter((h) => h.startsWith('/') || h.startsWith('#'));
    expect(internal.length).toBeGreaterThan(3);
    for (const href of internal) {
      const [target = '', fragment] = href.split('#');
      const targetPath = target === '' ? path : target;
      const targetPage = site.page(targetPath);
      expect(targetPage, `${path} links ${href}`).toBeDefined();
      if (fragment && targetPage)
        expect(ids(targetPage.text).has(fragment), `${path} links ${href}`).toBe(true);
    }
    // Every other link is a phone, an email or the map (a plain link; nothing remote is loaded).
    for (const href of hrefs.filter((h) => !internal.includes(h))) {
      expect(href).toMatch(
        /^(tel:\+1\d{10}|mailto:|https:\/\/www\.openstreetmap\.org\/search\?query=|https:\/\/pt-effect\.example\/)/,
      );
    }
  });

  it('loads nothing from elsewhere: every src and stylesheet is on the site', () => {
    for (const page of html) {
      for (const src of [
        ...attributeValues(page.text, '[a-z]+', 'src'),
        ...attributeValues(page.text, 'link', 'href'),
      ]) {
        expect(src.startsWith('/') || src.startsWith(`${BASE_URL}/`), `${page.path}: ${src}`).toBe(
          true,
        );
      }
    }
  });

  it('links each script only where it has work: open now on the home page, the form’s on the booking page', () => {
    const scripts = (path: string) =>
      [...htmlOf(site, path).matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]);
    const open = site.pages.find((p) => /^\/assets\/site\.[0-9a-f]{8}\.js$/.test(p.path))?.path;
    const form = site.pages.find((p) => /^\/assets\/booking\.[0-9a-f]{8}\.js$/.test(p.path))?.path;
    expect(scripts('/')).toEqual(open ? [open] : []);
    expect(scripts('/booking/')).toEqual(form ? [form] : []);
    for (const page of html.filter((p) => p.path !== '/' && p.path !== '/booking/'))
      expect(scripts(page.path), page.path).toEqual([]);
  });
});

describe('heads: title, description, canonical, Open Graph', () => {
  it.each(indexable.map((p) => p.path))('%s', (path) => {
    const text = htmlOf(site, path);
    const url = `${BASE_URL}${path}`;
    expect(text).toMatch(/<title>[^<]{5,}<\/title>/);
    expect(meta(text, 'description')?.length).toBeGreaterThan(20);
    expect(attributeValues(text, 'link', 'href')).toContain(url);
    expect(text).toContain(`<link rel="canonical" href="${url}"/>`);
    expect(meta(text, 'og:url')).toBe(url);
    expect(meta(text, 'og:title')?.length).toBeGreaterThan(3);
    expect(meta(text, 'og:description')).toBe(meta(text, 'description'));
    expect(meta(text, 'og:site_name')).toBe('The Physical Therapy Effect');
    expect(meta(text, 'og:locale')).toBe('en_US');
    expect(meta(text, 'og:type')).toBe(
      path.startsWith('/articles/')
        ? 'article'
        : path.startsWith('/therapists/')
          ? 'profile'
          : 'website',
    );
  });

  it('keeps the thank-you and 404 pages out of search results', () => {
    for (const path of ['/booking/thank-you/', '/404.html']) {
      const text = htmlOf(site, path);
      expect(text).toContain('<meta name="robots" content="noindex"/>');
      expect(text).not.toContain('rel="canonical"');
    }
  });

  it('starts canonical URLs and links with the base URL’s path when the site lives under one', () => {
    const nested = renderSite(sampleClinic(), { baseUrl: 'https://example.com/clinic/' });
    const home = nested.page('/')?.text ?? '';
    expect(home).toContain('<link rel="canonical" href="https://example.com/clinic/"/>');
    expect(home).toContain('href="/clinic/therapists/mark-shulman/"');
    expect(home).toMatch(
      /<link rel="stylesheet" href="\/clinic\/assets\/site\.[0-9a-f]{8}\.css"\/>/,
    );
    expect(nested.page('/robots.txt')?.text).toContain(
      'Sitemap: https://example.com/clinic/sitemap.xml',
    );
  });
});

describe('JSON-LD', () => {
  function graph(path: string): Record<string, unknown>[] {
    const blocks = scriptBlocks(htmlOf(site, path), 'application/ld+json');
    expect(blocks).toHaveLength(1);
    const value: { '@context': string; '@graph': Record<string, unknown>[] } = JSON.parse(
      blocks[0] ?? '',
    );
    expect(value['@context']).toBe('https://schema.org');
    return value['@graph'];
  }
  const types = (nodes: Record<string, unknown>[]) => nodes.map((n) => JSON.stringify(n['@type']));

  it.each(indexable.map((p) => p.path))('%s carries the practice', (path) => {
    const practice = graph(path).find((n) => n['@id'] === `${BASE_URL}/#practice`);
    expect(practice?.name).toBe('The Physical Therapy Effect');
    expect(practice?.telephone).toBe('+16195441055');
    expect(practice?.faxNumber).toBe('+16195441056');
    expect(practice?.url).toBe(`${BASE_URL}/`);
  });

  it('a therapist’s page carries that therapist as a Person, with the listing and the page URL', () => {
    const nodes = graph('/therapists/mark-shulman/');
    expect(types(nodes)).toEqual(['["Physiotherapy","MedicalClinic"]', '"Person"']);
    const person = nodes[1];
    expect(person?.name).toBe('Dr. Mark Shulman');
    expect(person?.honorificSuffix).toBe('Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS');
    expect(person?.url).toBe(`${BASE_URL}/therapists/mark-shulman/`);
  });

  it('the article’s page carries it as a BlogPosting with its date, read time and URL', () => {
    const nodes = graph('/articles/how-can-physical-therapy-help-to-reduce-back-pain/');
    expect(types(nodes)).toEqual(['["Physiotherapy","MedicalClinic"]', '"BlogPosting"']);
    const posting = nodes[1];
    expect(posting?.headline).toBe('How Can Physical Therapy Help to Reduce Back Pain?');
    expect(posting?.datePublished).toBe('2022-10-24');
    expect(posting?.timeRequired).toBe('PT3M');
    expect(posting?.url).toBe(
      `${BASE_URL}/articles/how-can-physical-therapy-help-to-reduce-back-pain/`,
    );
  });

  it('other pages carry only the practice', () => {
    for (const path of ['/', '/treatments/massage/', '/conditions/back-pain/', '/booking/']) {
      expect(types(graph(path))).toEqual(['["Physiotherapy","MedicalClinic"]']);
    }
  });
});

describe('crawler files, favicon and CSP', () => {
  it('the sitemap lists exactly the indexable pages, by absolute URL', () => {
    const xml = site.page('/sitemap.xml')?.text ?? '';
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.sort()).toEqual(indexable.map((p) => `${BASE_URL}${p.path}`).sort());
    expect(locs).not.toContain(`${BASE_URL}/booking/thank-you/`);
    expect(xml).toContain(
      `<url><loc>${BASE_URL}/articles/how-can-physical-therapy-help-to-reduce-back-pain/</loc><lastmod>2024-03-18</lastmod></url>`,
    );
    expect(site.page('/sitemap.xml')?.contentType).toBe('application/xml; charset=utf-8');
  });

  it('robots.txt allows everything and names the sitemap', () => {
    expect(site.page('/robots.txt')?.text).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${BASE_URL}/sitemap.xml\n`,
    );
  });

  it('the favicon is an SVG of the practice’s initial', () => {
    const icon = site.page('/favicon.svg');
    expect(icon?.contentType).toBe('image/svg+xml; charset=utf-8');
    expect(icon?.text).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*>P<\/text><\/svg>\n$/,
    );
  });

  it('the CSP allows nothing remote and no inline code; the API’s origin only where the form goes', () => {
    expect(site.contentSecurityPolicy).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(siteContentSecurityPolicy({ baseUrl: BASE_URL, apiUrl: 'https://api.example/v/' })).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://api.example; form-action 'self' https://api.example; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  it('posts the form to the API’s URL on a static export', () => {
    const exported = renderSite(sampleClinic(), {
      baseUrl: BASE_URL,
      apiUrl: 'https://api.example',
    });
    expect(exported.page('/booking/')?.text).toContain(
      `<form id="${FORM_ID}" class="form" method="post" action="https://api.example/v1/consultation-requests" novalidate="">`,
    );
    expect(htmlOf(site, '/booking/')).toContain(`action="/v1/consultation-requests"`);
  });

  it('refuses options it cannot use, saying what it expects', () => {
    expect(() => renderSite(sampleClinic(), { baseUrl: 'pt-effect.example' })).toThrow(
      'renderSite: options.baseUrl must be an absolute http(s) URL such as "https://clinic.example" (PTFX_BASE_URL), got "pt-effect.example"',
    );
    expect(() => renderSite(sampleClinic(), { baseUrl: BASE_URL, apiUrl: 'ftp://x' })).toThrow(
      /options\.apiUrl must be ''/,
    );
    expect(() => renderSite(sampleClinic(), { baseUrl: BASE_URL, asOf: '30/11/2026' })).toThrow(
      'renderSite: options.asOf must be a date "YYYY-MM-DD", got "30/11/2026"',
    );
  });
});
