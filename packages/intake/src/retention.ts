import type { PurgeCutoffs, PurgeResult, Store } from './store.js';
import type { WebhookLogger as Logger } from './webhook.js';

const DAY_MS = 86_400_000;
/** Idempotency keys are kept a day: retries come within minutes, and the answer holds no PHI. */
export const IDEMPOTENCY_KEY_TTL_MS = DAY_MS;

/** What a purge at `now` removes, for a retention of `days`. */
export function purgeCutoffs(now: Date, days: number): PurgeCutoffs {
  return {
    requestsBefore: new Date(now.getTime() - days * DAY_MS),
    idempotencyKeysBefore: new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS),
    // The longest rate-limit window is a day (PTFX_INTAKE_RATE_LIMIT caps it there).
    rateLimitWindowsBefore: new Date(now.getTime() - DAY_MS),
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
