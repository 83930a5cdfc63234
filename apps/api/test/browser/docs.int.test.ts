// The API reference at /docs in Chromium, served by the built server (dist/server.js, what
// production and the Docker image run): Scalar's page with every script from the API itself and
// nothing from anywhere else, its policy breaking nothing, "try it" sending real requests to the
// same origin and showing the answers, staff operations marked, and axe finding nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_CSP } from '../../src/docs/reference-page.js';
import { type ServerProcess, startServerProcess } from '../../src/test-support/server-process.js';
import { launchChromium, watchProblems } from './support/chromium.js';
import { axeViolations } from './support/page-checks.js';

// A machine with two cores and three test runs at once: Scalar's 5 MB script and axe are slow.
const SLOW = 120_000;

let server: ServerProcess;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ptfx-docs-'));
  server = await startServerProcess({
    DATABASE_URL: `file:${join(dir, 'docs.db')}`,
    PTFX_LOG: 'silent',
  });
  browser = await launchChromium();
}, SLOW);

afterAll(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  await server?.exited;
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh context and page, with every request it makes and every problem it meets. */
async function open(
  hash = '',
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<{
  context: BrowserContext;
  page: Page;
  requests: string[];
  problems: string[];
  issues: string[];
}> {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light' });
  const { lines } = watchProblems(context);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  // What Chromium's DevTools list under Issues: a CSP violation that the page's own code catches
  // (an eval probe) is there, not in the console.
  const issues: string[] = [];
  const cdp = await context.newCDPSession(page);
  cdp.on('Audits.issueAdded', ({ issue }) => issues.push(JSON.stringify(issue)));
  await cdp.send('Audits.enable');
  await page.goto(`${server.url}/docs${hash}`);
  // Scalar has rendered the document it fetched from /openapi.json.
  await page.locator('main.references-rendered').waitFor({ timeout: 60_000 });
  await page.locator('button.show-api-client-button').first().waitFor({ timeout: 60_000 });
  return { context, page, requests, problems: lines, issues };
}

/** The "Test Request" button of one operation (its hidden text is `(get /v1/clinic)`). */
const testRequestButton = (page: Page, method: string, path: string) =>
  page.locator('button.show-api-client-button', { hasText: `(${method} ${path})` });

/** One operation's section (Scalar's id: `api-1/tag/<tag>/<METHOD><path>`). */
const operation = (page: Page, tag: string, method: string, path: string) =>
  page.locator(`section[id="api-1/tag/${tag}/${method}${path}"]`);

describe('the API reference page (/docs)', () => {
  it(
    'renders the OpenAPI document with files from this origin only, and no CSP violation or error',
    async () => {
      const res = await fetch(`${server.url}/docs`);
      expect(res.headers.get('content-security-policy')).toBe(DOCS_CSP);
      const { context, page, requests, problems, issues } = await open();
      try {
        await expect(page.title()).resolves.toBe('ptfx API — API reference');
        expect((await page.locator('h1').first().textContent())?.trim()).toBe('ptfx API');
        // Every tag of the document is in the sidebar.
        const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
          tags?: { name: string }[];
          paths: Record<string, Record<string, { tags?: string[] }>>;
        };
        const tags = new Set(
          Object.values(doc.paths).flatMap((item) =>
            Object.values(item).flatMap((op) => op.tags ?? []),
          ),
        );
        expect(tags.size).toBeGreaterThan(5);
        const sidebar = await page.locator('.t-doc__sidebar').textContent();
        for (const tag of tags) expect(sidebar, tag).toContain(tag);
        // The page, Scalar's bundle, the configuration, the document: nothing else, nothing remote
        // (no fonts.scalar.com, no CDN, no telemetry).
        const origins = new Set(requests.map((url) => new URL(url).origin));
        expect([...origins]).toEqual([server.url]);
        expect(requests.map((url) => new URL(url).pathname)).toEqual(
          expect.arrayContaining(['/docs', '/openapi.json']),
        );
        expect(
          requests.filter((url) => /\/docs\/scalar-[\d.]+\.[0-9a-f]{16}\.js$/.test(url)),
        ).toHaveLength(1);
        expect(
          requests.filter((url) => /\/docs\/config\.[0-9a-f]{16}\.js$/.test(url)),
        ).toHaveLength(1);
        // A CSP violation is a console error or a DevTools issue: none, nor any failed request,
        // uncaught exception or other issue.
        expect(problems).toEqual([]);
        expect(issues).toEqual([]);
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    'is held by its policy: a request to another origin and an inline script are refused',
    async () => {
      const { context, page } = await open();
      try {
        const outcome = await page.evaluate(async () => {
          const violations: string[] = [];
          document.addEventListener('securitypolicyviolation', (e) =>
            violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
          );
          const remote = await fetch('https://example.com/').then(
            () => 'fetched',
            () => 'refused',
          );
          const script = document.createElement('script');
          script.textContent = 'window.__ptfxInline = true';
          document.body.append(script);
          await new Promise((resolve) => setTimeout(resolve, 100));
          return {
            remote,
            inline: (window as unknown as { __ptfxInline?: boolean }).__ptfxInline === true,
            violations,
          };
        });
        expect(outcome).toEqual({
          remote: 'refused',
          inline: false,
          violations: ['connect-src https://example.com/', 'script-src-elem inline'],
        });
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    '"try it" sends a GET and a POST to the origin that served the page and shows the answers',
    async () => {
      const { context, page, problems, issues } = await open('#tag/clinic/GET/v1/clinic');
      try {
        await testRequestButton(page, 'get', '/v1/clinic').click();
        const dialog = page.getByRole('dialog');
        const [got] = await Promise.all([
          page.waitForResponse((r) => r.url() === `${server.url}/v1/clinic`),
          dialog.getByRole('button', { name: /Send Request/ }).click(),
        ]);
        expect(got.status()).toBe(200);
        const clinic = (await got.json()) as { organization: { name: string } };
        // The answer is on screen: its status and the body.
        await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toContain('200 OK');
        await expect.poll(() => dialog.textContent()).toContain(clinic.organization.name);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });

        // A POST with the operation's example body, which the linter answers.
        await page.goto(`${server.url}/docs#tag/credentials/POST/v1/credential-listings/lint`);
        await testRequestButton(page, 'post', '/v1/credential-listings/lint').click();
        const [posted] = await Promise.all([
          page.waitForResponse((r) => r.url() === `${server.url}/v1/credential-listings/lint`),
          dialog.getByRole('button', { name: /Send Request/ }).click(),
        ]);
        expect(posted.request().method()).toBe('POST');
        expect(posted.request().headers()['content-type']).toMatch(/^application\/json/);
        expect(posted.status()).toBe(200);
        const lint = JSON.stringify(await posted.json());
        expect(lint.length).toBeGreaterThan(2);
        await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toContain('200 OK');
        expect(problems).toEqual([]);
        expect(issues).toEqual([]);
        // The console with an answer, to axe: Scalar puts the console (a dialog with its own
        // <main>) inside the reference's <main>, which nothing outside Scalar can undo; that is
        // axe's best-practice rule landmark-no-duplicate-main, not a WCAG criterion. Anything
        // else is a failure.
        const violations = await axeViolations(page);
        expect(violations.map((v) => v.split(' ')[0])).toEqual(['landmark-no-duplicate-main']);
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    'marks staff operations as needing the bearer token, and public ones not',
    async () => {
      const { context, page } = await open('#tag/staff/GET/v1/staff/audit');
      try {
        const staff = operation(page, 'staff', 'GET', '/v1/staff/audit');
        await staff.waitFor();
        expect(await staff.textContent()).toContain('Auth Required');
        await page.goto(`${server.url}/docs#tag/clinic/GET/v1/clinic`);
        const clinic = operation(page, 'clinic', 'GET', '/v1/clinic');
        await clinic.waitFor();
        expect(await clinic.textContent()).toContain('(get /v1/clinic)');
        expect(await clinic.textContent()).not.toContain('Auth Required');
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    'has no axe violations: at the top, on operations with every method and a schema picker, in dark mode',
    async () => {
      const views: [string, 'light' | 'dark'][] = [
        ['', 'light'],
        ['#tag/staff', 'light'],
        ['#tag/credentials', 'light'],
        ['#tag/staff', 'dark'],
      ];
      for (const [hash, colorScheme] of views) {
        const { context, page } = await open(hash, { colorScheme });
        try {
          expect(await axeViolations(page), `${hash || 'top'} (${colorScheme})`).toEqual([]);
        } finally {
          await context.close();
        }
      }
    },
    4 * SLOW,
  );
});
