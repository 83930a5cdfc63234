import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { Store } from '@ptfx/intake';
import { openSqliteStore, type SqliteStore } from '@ptfx/intake';
import { afterEach } from 'vitest';
import { createApp, MAX_HEADER_BYTES, MAX_URL_LENGTH, publicHeaderOptions } from '../app.js';
import type { ApiDeps, LogLine } from '../app-types.js';
import { ClinicSource, loadClinic } from '../clinic-source.js';
import { createFastPath } from '../http/fast-path.js';
import { mintStaffToken, StaffDirectory } from '../http/staff-auth.js';

/** A staff member the test apps know, with the token to send. */
export const TEST_STAFF = (() => {
  const minted = mintStaffToken('alice');
  const [name = '', sha256 = ''] = minted.line.split(':');
  return { name, sha256, token: minted.token, authorization: `Bearer ${minted.token}` };
})();

/** A SQLite store in a fresh temporary folder, and a function that closes and removes it. */
export async function tempSqliteStore(): Promise<{
  store: SqliteStore;
  path: string;
  dispose(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'ptfx-api-'));
  const path = join(dir, 'ptfx.db');
  const store = await openSqliteStore({ path });
  return {
    store,
    path,
    dispose: async () => {
      await store.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The app on the sample clinic, with a fixed clock, a log that tests can read and a real SQLite
 * store in a temporary file (or the store given).
 */
export async function sampleApp(
  options: {
    now?: Date;
    clock?: () => Date;
    ready?: boolean;
    corsOrigins?: ApiDeps['config']['corsOrigins'];
    bodyLimit?: number;
    store?: Store;
    staff?: 'alice' | 'none';
    intakeRateLimit?: ApiDeps['config']['intakeRateLimit'];
    trustedProxies?: readonly string[];
    /** The configured webhook's outbox (announcement + wake); none by default. */
    outbox?: ApiDeps['outbox'];
    newId?: () => string;
    /** PTFX_SITE_URL: the site on another origin (a static export). */
    siteUrl?: string;
  } = {},
) {
  const now = options.now ?? new Date('2026-11-25T18:00:00Z'); // a Wednesday, 10:00 in San Diego
  const loaded = await loadClinic({ kind: 'sample' }, 'http://api.test', now);
  if (!loaded.ok) throw new Error(`sample clinic: ${loaded.errors.join('\n')}`);
  const logs: LogLine[] = [];
  const source = new ClinicSource(loaded.snapshot, { kind: 'sample' }, 'http://api.test');
  const temp = options.store ? undefined : await tempSqliteStore();
  const store = options.store ?? temp?.store;
  if (!store) throw new Error('no store');
  const clock = options.clock ?? (() => now);
  const logger: ApiDeps['logger'] = { info: (l) => logs.push(l), error: (l) => logs.push(l) };
  const config: ApiDeps['config'] = {
    corsOrigins: options.corsOrigins ?? '*',
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    baseUrl: 'http://api.test',
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
    trustedProxies: options.trustedProxies ?? [],
    intakeRateLimit: options.intakeRateLimit ?? { limit: 1000, windowMs: 600_000 },
  };
  const app = createApp({
    source,
    clock,
    logger,
    readiness: { isReady: () => options.ready ?? true },
    config,
    store,
    staff: new StaffDirectory(
      options.staff === 'none' ? [] : [{ name: TEST_STAFF.name, sha256: TEST_STAFF.sha256 }],
    ),
    ...(options.outbox ? { outbox: options.outbox } : {}),
    ...(options.newId ? { newId: options.newId } : {}),
  });
  return {
    app,
    logs,
    source,
    store,
    deps: { source, clock, logger, config },
    dispose: async () => temp?.dispose(),
  };
}

/**
 * A sample app ({@link sampleApp}) on a real socket with the server's fast path in front, as
 * server.ts runs it: `fastHits()` counts the requests the fast path answered.
 */
export async function sampleServer(options: Parameters<typeof sampleApp>[0] = {}) {
  const t = await sampleApp(options);
  const { source, clock, logger, config } = t.deps;
  const fast = createFastPath({ source, clock, logger }, publicHeaderOptions(config), {
    maxUrlLength: MAX_URL_LENGTH,
    maxHeaderBytes: MAX_HEADER_BYTES,
  });
  const hono = getRequestListener(t.app.fetch);
  let hits = 0;
  const server = createServer((req, res) => {
    if (fast(req, res)) hits += 1;
    else void hono(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    ...t,
    base: `http://127.0.0.1:${(address satisfies AddressInfo).port}`,
    fastHits: () => hits,
    dispose: async () => {
      await new Promise((resolve) => server.close(resolve));
      await t.dispose();
    },
  };
}

/** An app from {@link sampleApp}, with its log and store. */
export type TestApp = Awaited<ReturnType<typeof sampleApp>>;

/**
 * Opens sample apps for the tests of one file: each app (and its temporary store) is disposed
 * after the test that opened it.
 */
export function sampleAppsPerTest(): (
  options?: Parameters<typeof sampleApp>[0],
) => Promise<TestApp> {
  const opened: TestApp[] = [];
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.dispose();
  });
  return async (options = {}) => {
    const t = await sampleApp(options);
    opened.push(t);
    return t;
  };
}

/**
 * A store that forwards every call to `store`, except those in `overrides`: a real store with a
 * slow disk, a full disk or an outage in one method.
 */
export function wrapStore(store: Store, overrides: Partial<Store> = {}): Store {
  // Every method the interface has, today's and tomorrow's, forwarded unless overridden.
  return new Proxy(store, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return Reflect.get(overrides, property);
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
