import type { PurgeCutoffs, PurgeResult, Store } from './store.js';

/** Where retention logs: one structured line per purge (counts only, never what was purged). */
export interface RetentionLogger {
  info(line: Record<string, unknown>): void;
  error(line: Record<string, unknown>): void;
}
type Logger = RetentionLogger;

const DAY_MS = 86_400_000;
/** Idempotency keys are kept a day: retries come within minutes, and the answer holds no PHI. */
export const IDEMPOTENCY_KEY_TTL_MS = DAY_MS;
/**
 * Delivered outbox messages are kept as long as idempotency keys (a day), to show what was sent
 * for a request that may still be retried. Dead ones are kept until staff re-drive them.
 */
export const OUTBOX_DELIVERED_TTL_MS = IDEMPOTENCY_KEY_TTL_MS;

/** What a purge at `now` removes, for a retention of `days`. */
export function purgeCutoffs(now: Date, days: number): PurgeCutoffs {
  return {
    requestsBefore: new Date(now.getTime() - days * DAY_MS),
    idempotencyKeysBefore: new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS),
    // A GCRA bucket whose theoretical arrival time has passed is fully reset: dropping it
    // changes no decision (a missing bucket starts at now).
    rateLimitWindowsBefore: now,
    outboxDeliveredBefore: new Date(now.getTime() - OUTBOX_DELIVERED_TTL_MS),
  };
}

/** Runs one purge and logs what it removed (counts only). */
export async function purgeOnce(
  store: Store,
  days: number,
  now: Date,
  logger: Logger,
): Promise<PurgeResult> {
  const result = await store.purge(purgeCutoffs(now, days));
  logger.info({ event: 'retention-purge', retentionDays: days, ...result });
  return result;
}

/**
 * Purges now and then every `everyMs` (an hour by default) until stopped. A failed purge is
 * logged and tried again at the next tick; it never stops the server.
 */
export function scheduleRetention(options: {
  readonly store: Store;
  readonly days: number;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly everyMs?: number;
}): { stop(): void } {
  const run = () =>
    purgeOnce(options.store, options.days, options.clock(), options.logger).catch(
      (error: unknown) =>
        options.logger.error({
          event: 'retention-purge-failed',
          error: error instanceof Error ? error.name : 'unknown',
        }),
    );
  void run();
  const timer = setInterval(run, options.everyMs ?? 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
