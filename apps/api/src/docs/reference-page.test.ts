import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { sampleAppsPerTest } from '../test-support/app.js';
import { DOCS_CSP, referencePage, SCALAR_CONFIGURATION } from './reference-page.js';
import { readScalarBundle, SCALAR_PACKAGE } from './scalar-bundle.js';

const open = sampleAppsPerTest();
const API_PACKAGE = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/**
 * Runs the configuration script with stand-ins for the browser, then what the browser does next:
 * Scalar's bundle defines `window.Scalar`, the document is parsed. Returns what the script gave
 * Scalar, and zod's global configuration as the bundle finds it.
 */
function runConfiguration(script: string, origin: string) {
  const calls: [string, Record<string, unknown>][] = [];
  const loaded: (() => void)[] = [];
  const window: Record<string, unknown> = { location: { origin } };
  runInNewContext(script, {
    window,
    document: {
      body: {},
      querySelectorAll: () => [],
      addEventListener: (type: string, listener: () => void) => {
        if (type === 'DOMContentLoaded') loaded.push(listener);
      },
    },
    MutationObserver: class {
      observe() {}
    },
  });
  const zod = window.__zod_globalConfig;
  window.Scalar = {
    createApiReference: (selector: string, config: Record<string, unknown>) =>
      calls.push([selector, config]),
  };
  for (const listener of loaded) listener();
  return { calls, zod };
}

describe("Scalar's browser bundle", () => {
  // Reads and hashes a 5 MB file: more than a unit test's 5 s on a loaded machine.
  it('is read from the installed package, a production dependency, without its source map', {
    timeout: 30_000,
  }, () => {
    // A dependency, not a devDependency: `pnpm install --prod` (deploy/Dockerfile) keeps it.
    expect(API_PACKAGE.dependencies[SCALAR_PACKAGE]).toBe('1.76.0');
    const bundle = readScalarBundle();
    expect(bundle.version).toBe('1.76.0');
    expect(bundle.path).toMatch(
      /@scalar[/\\]api-reference[/\\]dist[/\\]browser[/\\]standalone\.js$/,
    );
    expect(bundle.script).toContain('window.Scalar={createApiReference:');
    expect(bundle.script).not.toContain('sourceMappingURL');
  });

  it('says what to do when the package or its bundle cannot be found', () => {
    const missing = () => {
      throw new Error("Cannot find module '@scalar/api-reference'");
    };
    expect(() => readScalarBundle(missing)).toThrow(
      /the API reference page needs @scalar\/api-reference, which Node cannot find from file:.*: install the API's dependencies/,
    );
    // A package without its browser bundle.
    const empty = mkdtempSync(join(tmpdir(), 'ptfx-scalar-'));
    try {
      expect(() => readScalarBundle(() => join(empty, 'dist', 'index.js'))).toThrow(
        `the API reference page cannot read @scalar/api-reference's browser bundle at ${join(empty, 'dist', 'browser', 'standalone.js')}: reinstall the API's dependencies`,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the reference page', () => {
  const bundle = { version: '9.9.9', path: '/x/standalone.js', script: 'window.Scalar = {};' };
  const page = referencePage(bundle, { title: 'A <b> API', description: 'Says "hi" & more' });

  it('loads its configuration and Scalar, both by hashed names, and escapes the title', () => {
    const [scalar, config] = page.assets;
    expect(scalar.name).toMatch(/^scalar-9\.9\.9\.[0-9a-f]{16}\.js$/);
    expect(config.name).toMatch(/^config\.[0-9a-f]{16}\.js$/);
    // The configuration first (see referencePage), then Scalar.
    expect(page.html.indexOf(`src="/docs/${config.name}"`)).toBeGreaterThan(0);
    expect(page.html.indexOf(`src="/docs/${scalar.name}"`)).toBeGreaterThan(
      page.html.indexOf(`src="/docs/${config.name}"`),
    );
    expect(page.html).toContain('<title>A &#60;b&#62; API — API reference</title>');
    expect(page.html).toContain('content="Says &#34;hi&#34; &#38; more"');
    // No inline script: the policy allows none.
    expect(page.html.match(/<script\b[^>]*>/g)).toEqual([
      `<script src="/docs/${config.name}">`,
      `<script src="/docs/${scalar.name}">`,
    ]);
    // A change of either script changes its name (the files are cached for good).
    const other = referencePage(
      { ...bundle, script: 'window.Scalar = { v: 2 };' },
      {
        title: 'A <b> API',
        description: '',
      },
    );
    expect(other.assets[0].name).not.toBe(scalar.name);
  });

  it('configures Scalar to stay on this origin: no fonts, telemetry or agent; "try it" here', () => {
    const { calls, zod } = runConfiguration(page.assets[1].text, 'https://api.example');
    // Before Scalar's bundle runs: its zod then never tries eval, which the policy refuses.
    expect(zod).toEqual({ jitless: true });
    expect(calls).toHaveLength(1);
    const [selector, config] = calls[0] ?? [];
    // Not #api-reference, which the bundle's own HTML API would also mount on.
    expect(selector).toBe('#reference');
    expect(page.html).toContain('<div id="reference"></div>');
    expect(config).toMatchObject({
      url: '/openapi.json',
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      showDeveloperTools: 'never',
      hideClientButton: true,
      servers: [{ url: 'https://api.example', description: 'This server' }],
    });
    expect(config).not.toHaveProperty('proxyUrl');
    expect(SCALAR_CONFIGURATION.customCss).toContain('--scalar-color-3');
  });
});

describe('/docs and its files', () => {
  it('serves the page with its policy, and its scripts from this origin, cached for good', {
    timeout: 30_000,
  }, async () => {
    const { app } = await open();
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(DOCS_CSP);
    expect(DOCS_CSP).not.toMatch(/https?:|\*|'unsafe-eval'/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(2);
    for (const src of scripts) {
      expect(src).toMatch(/^\/docs\/[\w.-]+\.js$/);
      const script = await app.request(src);
      expect(script.status, src).toBe(200);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const etag = script.headers.get('etag') ?? '';
      expect((await app.request(src, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    }
    const bundle = await (await app.request(scripts[1] ?? '')).text();
    expect(bundle).toBe(readScalarBundle().script);
  });

  it('answers 404 problem+json for any other file under /docs/', async () => {
    const { app } = await open();
    for (const path of ['/docs/x', '/docs/scalar.js', '/docs/config.0000000000000000.js']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(((await res.json()) as { detail: string }).detail).toContain(
        'the API reference is at /docs',
      );
    }
  }, 30_000);

  it('documents /docs and /openapi.json with their operationIds, as public operations', async () => {
    const { app } = await open();
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
    };
    expect(doc.paths['/docs']?.get).toMatchObject({ operationId: 'getApiReference', security: [] });
    expect(doc.paths['/openapi.json']?.get).toMatchObject({
      operationId: 'getOpenApiDocument',
      security: [],
    });
    // The page's scripts are not operations of the API.
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/docs/'))).toEqual([]);
  });
});
