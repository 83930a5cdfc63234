import { type FSWatcher, watch } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Store } from '@ptfx/intake';
import { createApp, MAX_HEADER_BYTES, MAX_URL_LENGTH, publicHeaderOptions } from './app.js';
import type { Logger } from './app-types.js';
import type { ClinicOrigin, ClinicSource, LoadResult } from './clinic-source.js';
import type { ApiConfig } from './config.js';
import { createFastPath } from './http/fast-path.js';
import { StaffDirectory } from './http/staff-auth.js';
import type { RunningOutbox } from './outbox.js';

/** Socket timeouts, in milliseconds; tests shorten them. */
export interface ServerTimeouts {
  /** Longest a whole request may take to arrive (slow bodies). */
  readonly requestTimeout: number;
  /** Longest the headers may take to arrive (slowloris). */
  readonly headersTimeout: number;
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveTimeout: number;
  /** How often Node checks the two timeouts above (its default, 30 s, lets a slowloris linger). */
  readonly connectionsCheckingInterval: number;
}

/** Node's defaults are 300 s for a request; a public API wants far less. */
export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  requestTimeout: 30_000,
  headersTimeout: 15_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 2_000,
};

/** A running API server. */
export interface RunningServer {
  /** The Node server. */
  readonly server: Server;
  /** Where it listens. */
  readonly address: AddressInfo;
  /** Re-reads the clinic data; a bad file is refused and the old data keeps serving. */
  reload(why: string): Promise<LoadResult>;
  /**
   * Drains: readiness goes false, no new connections, in-flight requests finish, idle
   * keep-alive connections close; after the deadline the rest are cut. Resolves when closed.
   */
  shutdown(signal: string): Promise<void>;
}

/** Starts the API on a socket and resolves once it listens. */
export function startServer(options: {
  readonly config: ApiConfig;
  readonly source: ClinicSource;
  readonly origin: ClinicOrigin;
  readonly logger: Logger;
  readonly store: Store;
  /** The outbox deliverer, when a webhook is configured; stopped before the store closes. */
  readonly outbox?: RunningOutbox;
  readonly timeouts?: ServerTimeouts;
  /**
   * The time: the machine's unless a test passes its own (the website's hours exceptions, "open
   * now" answers, rate-limit windows and request times all read it).
   */
  readonly clock?: () => Date;
}): Promise<RunningServer> {
  const { config, source, origin, logger, store, outbox } = options;
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  let ready = false;
  let draining: Promise<void> | undefined;
  const clock = options.clock ?? (() => new Date());
  const app = createApp({
    source,
    clock,
    logger,
    readiness: { isReady: () => ready && !draining },
    config,
    store,
    staff: new StaffDirectory(config.staffTokens),
    ...(outbox ? { outbox } : {}),
  });
  const fastPath = createFastPath({ source, clock, logger }, publicHeaderOptions(config), {
    maxUrlLength: MAX_URL_LENGTH,
    maxHeaderBytes: MAX_HEADER_BYTES,
  });

  return new Promise((resolveStart, rejectStart) => {
    const honoListener = getRequestListener(app.fetch, { hostname: config.host });
    // Room above the app's own 16 KiB check, so oversized headers get a problem+json 431.
    const server = createServer({ maxHeaderSize: 64 * 1024, ...timeouts }, (req, res) => {
      // Published answers first (http/fast-path.ts); everything else through Hono.
      if (!fastPath(req, res)) void honoListener(req, res);
    });
    server.listen(config.port, config.host, () => {
      const info = server.address();
      if (info === null || typeof info === 'string') throw new Error('expected a TCP address');
      ready = true;
      resolveStart(running(info));
    });
    server.once('error', rejectStart);

    let watcher: FSWatcher | undefined;
    const reload = async (why: string) => {
      const result = await source.reload();
      if (result.ok) logger.info({ event: 'reloaded', why, warnings: result.warnings.length });
      else {
        logger.error({
          event: 'reload-refused',
          why,
          problems: result.errors.length,
          message: 'the old data keeps serving',
        });
        for (const line of result.errors) logger.error({ event: 'reload-problem', message: line });
      }
      return result;
    };
    if (config.watch && origin.kind === 'file') {
      let timer: NodeJS.Timeout | undefined;
      watcher = watch(origin.path, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void reload('file changed'), 150);
      });
    }

    const shutdown = (signal: string) => {
      draining ??= new Promise<void>((done) => {
        logger.info({ event: 'draining', signal });
        watcher?.close();
        const deadline = setTimeout(() => {
          logger.error({
            event: 'shutdown-deadline',
            message: 'connections still open after the deadline; closing them',
          });
          server.closeAllConnections();
        }, config.shutdownTimeoutMs);
        deadline.unref();
        // close() stops accepting and waits for in-flight requests; idle keep-alive sockets go now,
        // and those that finish a request while draining go as soon as they are idle.
        const reaper = setInterval(() => server.closeIdleConnections(), 25);
        reaper.unref();
        server.close(() => {
          clearTimeout(deadline);
          clearInterval(reaper);
          // Announcements being sent get up to 2 s to be answered (then they are aborted and left
          // due at once, for another instance or the next start); then the store closes.
          void (
            outbox?.stop({ abortAfterMs: Math.min(2_000, config.shutdownTimeoutMs) }) ??
            Promise.resolve()
          )
            .then(() => store.close())
            .catch((error: unknown) =>
              logger.error({
                event: 'store-close-failed',
                error: error instanceof Error ? error.name : 'unknown',
              }),
            )
            .finally(() => {
              logger.info({ event: 'stopped' });
              done();
            });
        });
        server.closeIdleConnections();
      });
      return draining;
    };

    const running = (info: AddressInfo): RunningServer => ({
      server,
      address: info,
      reload,
      shutdown,
    });
  });
}
