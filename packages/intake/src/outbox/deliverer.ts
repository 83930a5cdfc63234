/**
 * The outbox deliverer: sends the announcements the store wrote with their requests (the
 * transactional outbox) to the clinic's webhook, at least once, signed per Standard Webhooks.
 *
 * It claims due messages (`store.claimOutbox`, leased for `leaseMs` so that no other instance
 * sends them meanwhile), POSTs each one, and settles it (`store.settleOutbox`): delivered on a
 * 2xx; retried later on 408, 425, 429, 5xx, a network error or a timeout, with exponential
 * backoff and full jitter (`Retry-After` honoured, capped at `maxDelayMs`); dead at once on any
 * other status (redirects included), and dead after `maxAttempts`. Dead messages stay for staff
 * to see and re-drive. It polls every `pollMs` (other instances' messages, retries falling due,
 * a crashed process's leases running out) and {@link OutboxDeliverer.wake} makes it look at once
 * (after a request is stored). A crash loses nothing: whatever was claimed and not settled is
 * sent again when its lease runs out, with the same `webhook-id`.
 *
 * Logs never carry the secret, the URL's path or query, a response body or personal data: only
 * the message id, the attempt, the status or error class, and the webhook's origin.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { OutboxInput, OutboxMessage, OutboxSettlement, Store } from '../store.js';
import { StoreUnavailableError } from '../store.js';
import { parseWebhookSecret, parseWebhookUrl, webhookHeaders } from './standard-webhooks.js';

/** The one event type announced. */
export const CONSULTATION_REQUEST_CREATED = 'consultation-request.created';

/** A log line the deliverer writes: flat, no URL path or query, no secret, no body. */
export type OutboxLogLine = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Where the deliverer logs; the API's `Logger` fits. */
export interface OutboxLogger {
  /** Deliveries, scheduled retries, the store coming back. */
  info(line: OutboxLogLine): void;
  /** Dead letters, the store unavailable, settlements that failed. */
  error(line: OutboxLogLine): void;
}

/** What {@link createOutboxDeliverer} needs. Every duration is in milliseconds. */
export interface OutboxDelivererOptions {
  /** The store the outbox lives in (only its two outbox methods are used). */
  readonly store: Pick<Store, 'claimOutbox' | 'settleOutbox'>;
  /** `PTFX_WEBHOOK_URL`; see {@link parseWebhookUrl}. Only its origin is ever logged. */
  readonly url: string;
  /** `PTFX_WEBHOOK_SECRET`, `whsec_…`; see {@link parseWebhookSecret}. Never logged. */
  readonly secret: string;
  /** Where outcome lines go. */
  readonly logger: OutboxLogger;
  /** Default: Node's global `fetch`. */
  readonly fetch?: typeof fetch;
  /** The clock, for claims, `webhook-timestamp`, retries and `Retry-After` dates. */
  readonly clock?: () => Date;
  /** Uniform in [0, 1), for the backoff jitter. Default `Math.random`. */
  readonly random?: () => number;
  /** How often to look for due messages without a wake-up. Default 1000. */
  readonly pollMs?: number;
  /** How long a claim keeps other deliverers off a message; more than `timeoutMs`. Default 30 000. */
  readonly leaseMs?: number;
  /** Most messages claimed at once. Default `maxConcurrent`. */
  readonly batch?: number;
  /** Attempts per message, the first included, before it is dead. Default 8. */
  readonly maxAttempts?: number;
  /** Backoff base: the wait before retry `n` is uniform in [0, `baseDelayMs`·2^(n−1)). Default 30 000. */
  readonly baseDelayMs?: number;
  /** Longest wait between attempts, `Retry-After` included. Default 3 600 000 (one hour). */
  readonly maxDelayMs?: number;
  /** Longest one attempt may take until the response headers arrive. Default 10 000. */
  readonly timeoutMs?: number;
  /** Deliveries in flight at once. Default 4. */
  readonly maxConcurrent?: number;
}

/** A running deliverer. */
export interface OutboxDeliverer {
  /** Looks for due messages now (call it after storing a request). Never throws. */
  wake(): void;
  /**
   * Stops polling and claiming, and resolves once every attempt in flight is settled. After
   * `abortAfterMs` (if given) attempts still waiting for an answer are aborted and settled as
   * retries due at once, so another instance or the next start sends them: nothing is lost.
   * Repeated calls return the same promise.
   */
  stop(options?: { readonly abortAfterMs?: number }): Promise<void>;
}

/**
 * Milliseconds a `Retry-After` value asks to wait — delay seconds or an HTTP date, relative to
 * `now` — or `undefined` when absent or unreadable. Never negative; not capped.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  if (!/[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** Whether an answer with this status is worth another attempt. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * The announcement of a stored request, to pass as `createRequest`'s `announce`: a new
 * `msg_<uuid hex>` id and the Standard Webhooks envelope
 * `{"type":"consultation-request.created","timestamp":ISO,"data":{"id","staffUrl","receivedAt"}}`.
 * Nothing personal: staff fetch the request itself from `staffUrl` with their token.
 */
export function announcement(input: {
  /** The stored request's id. */
  readonly requestId: string;
  /** Where staff read it, e.g. `${baseUrl}/v1/staff/consultation-requests/${id}`. */
  readonly staffUrl: string;
  /** When it was received. */
  readonly receivedAt: Date;
  /** When the event happened (the envelope's `timestamp`); default `receivedAt`. */
  readonly now?: Date;
  /** The message id; default `msg_` + a random UUID without dashes. */
  readonly messageId?: string;
}): OutboxInput {
  const payload = JSON.stringify({
    type: CONSULTATION_REQUEST_CREATED,
    timestamp: (input.now ?? input.receivedAt).toISOString(),
    data: {
      id: input.requestId,
      staffUrl: input.staffUrl,
      receivedAt: input.receivedAt.toISOString(),
    },
  });
  return {
    id: input.messageId ?? `msg_${randomUUID().replaceAll('-', '')}`,
    type: CONSULTATION_REQUEST_CREATED,
    payload,
  };
}

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) {
    const { name } = error;
    if (typeof name === 'string' && /^[A-Za-z][\w$]{0,63}$/.test(name)) return name;
  }
  return typeof error;
}

/** The system error code under a `fetch failed` (`ECONNREFUSED`, `UND_ERR_SOCKET`), if any. */
function causeCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('cause' in error)) return undefined;
  const { cause } = error;
  if (typeof cause !== 'object' || cause === null || !('code' in cause)) return undefined;
  const { code } = cause;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : undefined;
}

function whole(
  problems: string[],
  name: string,
  value: number | undefined,
  min: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    problems.push(`outbox ${name} must be a whole number of at least ${min}, got ${value}`);
  }
  return value;
}

type AttemptResult =
  | { readonly kind: 'answer'; readonly status: number; readonly retryAfter: string | null }
  | { readonly kind: 'failure'; readonly error: string; readonly cause: string | undefined };

/**
 * Starts a deliverer: it polls at once and every `pollMs`. Throws a `TypeError` listing every
 * problem when the options are invalid (so start-up fails loudly); after that nothing it does
 * throws, and a store that is unavailable is logged (once per outage) and polled again.
 */
export function createOutboxDeliverer(options: OutboxDelivererOptions): OutboxDeliverer {
  const problems: string[] = [];
  const url = parseWebhookUrl(options.url);
  if (typeof url === 'string') problems.push(url);
  const key = parseWebhookSecret(options.secret);
  if (typeof key === 'string') problems.push(key);
  const pollMs = whole(problems, 'pollMs', options.pollMs, 1, 1000);
  const leaseMs = whole(problems, 'leaseMs', options.leaseMs, 1, 30_000);
  const maxConcurrent = whole(problems, 'maxConcurrent', options.maxConcurrent, 1, 4);
  const batch = whole(problems, 'batch', options.batch, 1, maxConcurrent);
  const maxAttempts = whole(problems, 'maxAttempts', options.maxAttempts, 1, 8);
  const baseDelayMs = whole(problems, 'baseDelayMs', options.baseDelayMs, 0, 30_000);
  const maxDelayMs = whole(problems, 'maxDelayMs', options.maxDelayMs, 0, 3_600_000);
  const timeoutMs = whole(problems, 'timeoutMs', options.timeoutMs, 1, 10_000);
  if (problems.length === 0 && leaseMs <= timeoutMs) {
    problems.push(
      `outbox leaseMs (${leaseMs}) must be more than timeoutMs (${timeoutMs}): a lease must outlast an attempt, or another instance sends the message again while it is in flight`,
    );
  }
  if (typeof url === 'string' || typeof key === 'string' || problems.length > 0) {
    throw new TypeError(problems.join('\n'));
  }

  const { store, logger } = options;
  const target = url.href;
  const origin = url.origin;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? Math.random;

  const log = (level: 'info' | 'error', line: Record<string, string | number | undefined>) => {
    try {
      logger[level]({ event: 'outbox', webhook: origin, ...line });
    } catch {
      // A broken logger must not break delivery.
    }
  };

  /** Attempts in flight: their promises (settled included) and abort controllers. */
  const inFlight = new Map<string, { done: Promise<void>; abort: AbortController }>();
  let claiming: Promise<void> | undefined;
  /** A wake-up or a full batch came while claiming: look again as soon as that is done. */
  let again = false;
  let storeDown = false;
  let stopping: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const retryDelay = (attempt: number, retryAfter: string | null, now: Date): number => {
    const asked = retryAfter === null ? undefined : parseRetryAfter(retryAfter, now);
    if (asked !== undefined) return Math.min(asked, maxDelayMs);
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    const r = random();
    return Math.floor(ceiling * (r >= 0 && r < 1 ? r : 0.5));
  };

  async function send(message: OutboxMessage, abort: AbortController): Promise<AttemptResult> {
    try {
      const timestamp = Math.floor(clock().getTime() / 1000);
      const response = await fetchImpl(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'ptfx-api',
          ...webhookHeaders(key as Uint8Array, message.id, timestamp, message.payload),
        },
        body: message.payload,
        redirect: 'manual',
        signal: AbortSignal.any([abort.signal, AbortSignal.timeout(timeoutMs)]),
      });
      const retryAfter = response.headers.get('retry-after');
      // The body is never read (nor logged); release the connection.
      response.body?.cancel().catch(() => undefined);
      return { kind: 'answer', status: response.status, retryAfter };
    } catch (error) {
      if (abort.signal.aborted) return { kind: 'failure', error: 'shutdown', cause: undefined };
      const name = errorName(error);
      return {
        kind: 'failure',
        error: name === 'TimeoutError' ? 'timeout' : 'network',
        cause: name === 'TimeoutError' ? undefined : (causeCode(error) ?? name),
      };
    }
  }

  async function attempt(message: OutboxMessage, abort: AbortController): Promise<void> {
    const number = message.attempts + 1;
    const started = performance.now();
    const result = await send(message, abort);
    const now = clock();
    const line = {
      id: message.id,
      type: message.type,
      attempt: number,
      ms: Math.round(performance.now() - started),
      ...(result.kind === 'answer'
        ? { status: result.status }
        : { error: result.error, ...(result.cause === undefined ? {} : { cause: result.cause }) }),
    };
    let settlement: OutboxSettlement;
    if (result.kind === 'answer' && result.status >= 200 && result.status <= 299) {
      settlement = { kind: 'delivered', at: now };
      log('info', { outcome: 'delivered', ...line });
    } else if (result.kind === 'failure' && result.error === 'shutdown') {
      // Aborted by stop(): due again at once, for another instance or the next start.
      settlement = { kind: 'retry', at: now, nextAttemptAt: now, error: 'shutdown' };
      log('info', { outcome: 'abandoned', reason: 'shutting-down', ...line });
    } else {
      const error =
        result.kind === 'answer'
          ? `http ${result.status}`
          : result.cause === undefined
            ? result.error
            : `${result.error} ${result.cause}`;
      if (result.kind === 'answer' && !retryableStatus(result.status)) {
        const reason = result.status >= 300 && result.status <= 399 ? 'redirect' : 'refused';
        settlement = { kind: 'dead', at: now, error };
        log('error', { outcome: 'dead', reason, ...line });
      } else if (number >= maxAttempts) {
        settlement = { kind: 'dead', at: now, error };
        log('error', { outcome: 'dead', reason: 'attempts-exhausted', ...line });
      } else {
        const delayMs = retryDelay(
          number,
          result.kind === 'answer' ? result.retryAfter : null,
          now,
        );
        settlement = {
          kind: 'retry',
          at: now,
          nextAttemptAt: new Date(now.getTime() + delayMs),
          error,
        };
        log('info', { outcome: 'retrying', delayMs, ...line });
      }
    }
    try {
      await store.settleOutbox(message.id, settlement);
    } catch (error) {
      // The lease runs out and the message is sent again (same webhook-id): late, never lost.
      log('error', {
        outcome: 'settle-failed',
        id: message.id,
        settlement: settlement.kind,
        error: error instanceof StoreUnavailableError ? error.reason : errorName(error),
      });
    }
  }

  const start = (message: OutboxMessage) => {
    const abort = new AbortController();
    const done = attempt(message, abort)
      .catch((error: unknown) => {
        log('error', { outcome: 'failed', id: message.id, error: errorName(error) });
      })
      .finally(() => {
        inFlight.delete(message.id);
        if (again && stopping === undefined) look();
      });
    inFlight.set(message.id, { done, abort });
  };

  async function claimOnce(): Promise<void> {
    const free = maxConcurrent - inFlight.size;
    if (free <= 0) {
      again = true;
      return;
    }
    const limit = Math.min(batch, free);
    let claimed: readonly OutboxMessage[];
    try {
      claimed = await store.claimOutbox({ now: clock(), leaseMs, limit });
    } catch (error) {
      if (!storeDown) {
        storeDown = true;
        log('error', {
          outcome: 'store-unavailable',
          error: error instanceof StoreUnavailableError ? error.reason : errorName(error),
          message: 'announcements wait in the outbox; polling again',
        });
      }
      return;
    }
    if (storeDown) {
      storeDown = false;
      log('info', { outcome: 'store-back' });
    }
    // Claimed messages are leased to us: send them even if stop() came meanwhile.
    for (const message of claimed) {
      if (!inFlight.has(message.id)) start(message);
    }
    if (claimed.length >= limit) again = true;
  }

  function look(): void {
    if (stopping !== undefined) return;
    if (claiming !== undefined) {
      again = true;
      return;
    }
    again = false;
    claiming = claimOnce().finally(() => {
      claiming = undefined;
      if (again && stopping === undefined && inFlight.size < maxConcurrent) look();
    });
  }

  const poll = () => {
    timer = setTimeout(() => {
      look();
      if (stopping === undefined) poll();
    }, pollMs);
    timer.unref?.();
  };

  look();
  poll();

  return {
    wake() {
      try {
        look();
      } catch {
        // never throws
      }
    },
    stop(stopOptions) {
      if (stopping !== undefined) return stopping;
      clearTimeout(timer);
      const abortAfterMs = stopOptions?.abortAfterMs;
      stopping = (async () => {
        await claiming;
        let deadline: ReturnType<typeof setTimeout> | undefined;
        if (abortAfterMs !== undefined) {
          deadline = setTimeout(
            () => {
              for (const { abort } of inFlight.values()) abort.abort(new Error('stopping'));
            },
            Math.max(0, abortAfterMs),
          );
        }
        while (inFlight.size > 0) {
          await Promise.all([...inFlight.values()].map((a) => a.done));
        }
        clearTimeout(deadline);
        log('info', { outcome: 'stopped' });
      })();
      return stopping;
    },
  };
}
