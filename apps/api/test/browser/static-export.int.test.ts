// The site built as files by the real `ptfx site build`, served from another origin than the API
// (a static host), its form sending requests to the API across origins (PTFX_CORS_ORIGINS,
// PTFX_SITE_URL), in Chromium: with JavaScript, stored once and the thank-you text in place of
// the form; without, stored once and back on the static site's thank-you page.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { BOOKING_PATH, FORM_ID, INTAKE_PATH, SUBMIT_ID, THANK_YOU_PATH } from '@ptfx/site';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchProblems } from './support/chromium.js';
import { fillForm, newVisitor, storedFor } from './support/form.js';
import { type SiteServer, startSiteServer } from './support/site-server.js';
import { type StaticHost, startStaticHost } from './support/static-host.js';

// The `ptfx` bin of the workspace's CLI, built before these tests (a dev dependency).
const PTFX_BIN = join(
  dirname(createRequire(import.meta.url).resolve('@ptfx/cli/package.json')),
  'dist/ptfx.js',
);
const RECEIPT =
  'Thank you. We have your request and will be in touch by phone, usually within one business day.';

let browser: Browser;
let api: SiteServer;
let host: StaticHost;
const scratch = mkdtempSync(join(tmpdir(), 'ptfx-static-'));
const out = join(scratch, 'site');

beforeAll(async () => {
  // The host's origin first: the API must allow it, and the site is built for both.
  [browser, host] = await Promise.all([launchChromium(), startStaticHost(out)]);
  api = await startSiteServer({ corsOrigins: [host.url], siteUrl: host.url });
  // No clinic.yaml in the working directory: the CLI builds the embedded sample clinic. Judged as
  // of a fixed day: the sample's CSCS expires on 2029-12-31, and from then on the build (rightly)
  // refuses to publish its listing.
  await promisify(execFile)(
    process.execPath,
    [
      PTFX_BIN,
      'site',
      'build',
      '--out',
      out,
      '--base-url',
      host.url,
      '--api-url',
      api.url,
      '--as-of',
      '2026-11-30',
    ],
    { cwd: scratch },
  ).catch((error: { stderr?: string; message: string }) => {
    throw new Error(`ptfx site build failed: ${error.stderr || error.message}`);
  });
});
afterAll(async () => {
  await Promise.all([browser?.close(), api?.dispose(), host?.close()]);
  rmSync(scratch, { recursive: true, force: true });
});

describe('the static export on its own origin', () => {
  it('sends the form to the API across origins with JavaScript and stores it once', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    const problems = watchProblems(context);
    try {
      const page = await context.newPage();
      const posted: Request[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST') posted.push(r);
      });
      const response = await page.goto(host.url + BOOKING_PATH);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain(
        `connect-src 'self' ${api.url}`,
      );
      expect(await page.getAttribute(`#${FORM_ID}`, 'action')).toBe(api.url + INTAKE_PATH);
      const visitor = newVisitor();
      await fillForm(page, visitor);
      await page.click(`#${SUBMIT_ID}`);
      await page.getByText(RECEIPT).waitFor();
      expect(storedFor(await api.requests(), visitor)).toHaveLength(1);
      // One POST, to the API, from the static site's origin (the header the network stack adds).
      expect(
        await Promise.all(posted.map(async (r) => [r.url(), (await r.allHeaders()).origin])),
      ).toEqual([[api.url + INTAKE_PATH, host.url]]);
      expect(new URL(page.url()).origin).toBe(host.url);
      expect(problems.lines).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sends the form to the API without JavaScript and lands on the static site’s thank-you page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(10_000);
    const problems = watchProblems(context);
    try {
      const page = await context.newPage();
      await page.goto(host.url + BOOKING_PATH);
      const visitor = newVisitor();
      await fillForm(page, visitor);
      const [response] = await Promise.all([page.waitForNavigation(), page.click(`#${SUBMIT_ID}`)]);
      expect(response?.status()).toBe(200);
      expect(page.url()).toBe(host.url + THANK_YOU_PATH);
      expect((await response?.request().redirectedFrom()?.response())?.status()).toBe(303);
      expect(storedFor(await api.requests(), visitor)).toHaveLength(1);
      expect(problems.lines).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
