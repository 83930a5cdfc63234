// Debian's Chromium driven by playwright-core: Playwright's own browser download does not work on
// the machines ptfx is built on, so the tests take the system browser (.ci/run installs it).
import { accessSync, constants } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where the tests look for Chromium when PTFX_CHROMIUM is not set. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium on a machine without a network beyond loopback: no sandbox (CI
 * runs as root), no GPU, and none of the background connections (updates, sync, QUIC probes)
 * that a closed network refuses, many at a time.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * The Chromium binary: `PTFX_CHROMIUM`, else /usr/bin/chromium. Throws a message that says how to
 * get one when it is missing: the browser tests fail rather than skip without a browser.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.PTFX_CHROMIUM || DEFAULT_CHROMIUM;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      env.PTFX_CHROMIUM
        ? `PTFX_CHROMIUM is ${path}, which is not an executable file: point it at a Chromium binary, or unset it to use ${DEFAULT_CHROMIUM}`
        : `Chromium is not installed at ${DEFAULT_CHROMIUM}: the site's browser tests need it. Install Debian's package (apt-get install chromium; .ci/run does this) or set PTFX_CHROMIUM to a Chromium binary`,
    );
  }
  return path;
}

/** Launches headless Chromium with {@link CHROMIUM_ARGS}. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}

/** What went wrong while a page was open: console errors, uncaught exceptions, failed requests. */
export interface PageProblems {
  /** One line per problem, in the order they happened. */
  readonly lines: string[];
}

/**
 * Collects every console error, uncaught exception, failed request and HTTP error answer of the
 * pages of `context` (those opened before and after the call).
 */
export function watchProblems(context: BrowserContext): PageProblems {
  const lines: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error')
        lines.push(`console error on ${page.url()}: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => lines.push(`uncaught exception on ${page.url()}: ${error}`));
    page.on('requestfailed', (request) =>
      lines.push(
        `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'no reason'})`,
      ),
    );
    page.on('response', (response) => {
      if (response.status() >= 400)
        lines.push(
          `HTTP ${response.status()} for ${response.request().method()} ${response.url()}`,
        );
    });
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  return { lines };
}
