// The real API (the site at `/`, the intake behind it) on a socket in this process, on the sample
// clinic, with a real SQLite store in a temporary folder that the tests read back.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StoredRequest } from '@ptfx/intake';
import { freePort } from '@ptfx/intake/testing';
import { type ClinicOrigin, ClinicSource, loadClinic } from '../../../src/clinic-source.js';
import type { ApiConfig } from '../../../src/config.js';
import { type RunningServer, startServer } from '../../../src/runtime.js';
import { tempSqliteStore } from '../../../src/test-support/app.js';

/** Before the sample's first dated exception (Thanksgiving 2026), so every one is shown. */
export const SAMPLE_DATA_DAY = new Date('2026-11-20T20:00:00Z');

/** A running API serving the sample clinic's site. */
export interface SiteServer {
  /** Its origin, `http://127.0.0.1:<port>`: also the site's base URL, so canonical links resolve. */
  readonly url: string;
  /** Every consultation request stored so far, newest first (until {@link stop} closes the store). */
  requests(): Promise<readonly StoredRequest[]>;
  /**
   * Stops answering as the API stops: in-flight requests finish, the port is closed (connections
   * refused) and the store is closed.
   */
  stop(): Promise<void>;
  /** Stops (if still running) and removes the store. */
  dispose(): Promise<void>;
}

/**
 * Starts the API on a free port of 127.0.0.1. `corsOrigins` are the site origins allowed to post
 * to it (a static export served elsewhere); same-origin needs none.
 */
export async function startSiteServer(
  options: {
    corsOrigins?: ApiConfig['corsOrigins'];
    /** The site's URL when it is a static export on another origin (PTFX_SITE_URL). */
    siteUrl?: string;
    /**
     * The day the data is loaded on (the site leaves out hours exceptions that ended before it):
     * fixed, so that the sample's holidays stay on the pages whatever the machine's date.
     */
    loadedAt?: Date;
    /** The clinic data (YAML) to serve, written to a file in the store's folder; the sample by default. */
    clinicYaml?: string;
  } = {},
): Promise<SiteServer> {
  // The base URL carries the port, so the port is chosen first (free a moment ago).
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config: ApiConfig = {
    port,
    host: '127.0.0.1',
    watch: false,
    corsOrigins: options.corsOrigins ?? '*',
    baseUrl: url,
    bodyLimit: 1024 * 1024,
    shutdownTimeoutMs: 2000,
    logLevel: 'silent',
    database: { kind: 'sqlite', path: 'unused: the test opens its own store' },
    staffTokens: [],
    trustedProxies: [],
    // Every test posts from 127.0.0.1; the production limit (5 per 10 minutes) would refuse them.
    intakeRateLimit: { limit: 10_000, windowMs: 600_000 },
    retentionDays: 90,
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
  };
  const temp = await tempSqliteStore();
  let origin: ClinicOrigin = { kind: 'sample' };
  if (options.clinicYaml !== undefined) {
    origin = { kind: 'file', path: join(dirname(temp.path), 'clinic.yaml') };
    writeFileSync(origin.path, options.clinicYaml);
  }
  const loaded = await loadClinic(origin, config.baseUrl, options.loadedAt ?? SAMPLE_DATA_DAY);
  if (!loaded.ok) {
    await temp.dispose();
    throw new Error(`clinic data: ${loaded.errors.join('\n')}`);
  }
  const errors: string[] = [];
  let running: RunningServer | undefined = await startServer({
    config,
    source: new ClinicSource(loaded.snapshot, origin, config.baseUrl),
    origin,
    store: temp.store,
    logger: { info: () => {}, error: (line) => errors.push(JSON.stringify(line)) },
  });
  const stop = async () => {
    await running?.shutdown('test');
    running = undefined;
  };
  return {
    url,
    requests: async () => {
      const { items } = await temp.store.listRequests(
        { limit: 100 },
        {
          at: new Date(),
          staff: 'browser-test',
          action: 'request.list',
          targetId: null,
          requestId: 'browser-test',
          outcome: 'ok',
        },
      );
      return items;
    },
    stop,
    dispose: async () => {
      await stop();
      await temp.dispose();
      // A server error logged while the tests ran is a failure even if every page looked right.
      if (errors.length > 0) throw new Error(`the API logged errors:\n${errors.join('\n')}`);
    },
  };
}
