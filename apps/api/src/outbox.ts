// The API's side of the transactional outbox: the announcement each new request is stored with,
// and the deliverer (from @ptfx/intake) that sends it to PTFX_WEBHOOK_URL, started with the server
// and stopped before the store closes.
import {
  announcement,
  createOutboxDeliverer,
  type OutboxDeliverer,
  type OutboxLogger,
  type Store,
} from '@ptfx/intake';
import type { ApiOutbox } from './app-types.js';
import type { WebhookSettings } from './config.js';

/** How long a claim keeps other instances off a message, per millisecond of attempt timeout. */
export const LEASE_PER_TIMEOUT = 3;

/** The outbox of a running server: what the routes use, and `stop` for shutdown. */
export interface RunningOutbox extends ApiOutbox {
  /** Stops the deliverer; see {@link OutboxDeliverer.stop}. */
  stop: OutboxDeliverer['stop'];
}

/** Where staff read a request: the link every announcement carries. */
export function staffRequestUrl(baseUrl: string, requestId: string): string {
  return `${baseUrl}/v1/staff/consultation-requests/${encodeURIComponent(requestId)}`;
}

/**
 * Starts the deliverer for the configured webhook and returns the API's outbox. Throws a
 * TypeError when the settings are invalid (config.ts has already checked them).
 */
export function startOutbox(options: {
  readonly webhook: WebhookSettings;
  readonly store: Pick<Store, 'claimOutbox' | 'settleOutbox'>;
  readonly baseUrl: string;
  readonly logger: OutboxLogger;
  /** For tests: the poll interval (default 1 s). */
  readonly pollMs?: number;
}): RunningOutbox {
  const { webhook, baseUrl } = options;
  const deliverer = createOutboxDeliverer({
    store: options.store,
    url: webhook.url,
    secret: webhook.secret,
    logger: options.logger,
    maxAttempts: webhook.maxAttempts,
    timeoutMs: webhook.timeoutMs,
    leaseMs: LEASE_PER_TIMEOUT * webhook.timeoutMs,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });
  return {
    announcement: (requestId, receivedAt) =>
      announcement({ requestId, staffUrl: staffRequestUrl(baseUrl, requestId), receivedAt }),
    wake: () => deliverer.wake(),
    stop: (stopOptions) => deliverer.stop(stopOptions),
  };
}
