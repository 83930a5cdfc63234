/**
 * Announces stored consultation requests to a clinic-configured webhook
 * (`PTFX_WEBHOOK_URL`, `PTFX_WEBHOOK_SECRET`).
 *
 * The announcement carries no personal data: only the event type, the request id, the time it was
 * stored and a staff link to fetch the request with staff credentials. Delivery happens in the
 * background, after the HTTP response: a slow or failing webhook never loses or delays a request.
 *
 * ## The delivery, for clinic developers
 *
 * `POST <PTFX_WEBHOOK_URL>` with the body
 * `{"type":"consultation-request.created","id":"…","staffUrl":"…","at":"<ISO 8601 instant>"}`
 * and the headers
 *
 * | header | value |
 * |---|---|
 * | `Content-Type` | `application/json` |
 * | `User-Agent` | `ptfx-api` |
 * | `Ptfx-Webhook-Id` | the event id (the request id); the same on every retry, so deduplicate on it |
 * | `Ptfx-Webhook-Timestamp` | unix seconds when this attempt was sent (fresh on every retry) |
 * | `Ptfx-Webhook-Signature` | `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>", keyed by the secret as UTF-8>` |
 *
 * Answer any 2xx to acknowledge. Network errors, timeouts, 408, 425, 429 and 5xx are retried with
 * exponential backoff and full jitter (`Retry-After` honoured); other statuses, redirects included,
 * are not retried. Verify with {@link verifyWebhookSignature} on the raw body before parsing it,
 * and reject timestamps outside a few minutes of your clock (replays):
 *
 * ```ts
 * const ok = verifyWebhookSignature(
 *   secret,
 *   { timestamp: req.headers['ptfx-webhook-timestamp'], signature: req.headers['ptfx-webhook-signature'] },
 *   rawBody,
 *   new Date(),
 * );
 * ```
 *
 * @module
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The one event type announced. */
export const WEBHOOK_EVENT_TYPE = 'consultation-request.created';

/** The header carrying the event id, identical across retries. */
export const WEBHOOK_ID_HEADER = 'Ptfx-Webhook-Id';
/** The header carrying the unix seconds of the attempt. */
export const WEBHOOK_TIMESTAMP_HEADER = 'Ptfx-Webhook-Timestamp';
/** The header carrying `v1=<hex HMAC-SHA256>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'Ptfx-Webhook-Signature';

/** Where and how to deliver announcements. */
export interface WebhookConfig {
  /** The endpoint; see {@link parseWebhookUrl}. Only its origin is ever logged. */
  url: string;
  /** The HMAC key, at least 32 characters; see {@link validateWebhookSecret}. Never logged. */
  secret: string;
  /** Attempts per event, the first included. Default 6. */
  maxAttempts?: number;
  /** Backoff base: the wait before retry `n` is up to `baseDelayMs * 2^(n-1)`. Default 1000. */
  baseDelayMs?: number;
  /** Longest wait between attempts, `Retry-After` included. Default 60 000. */
  maxDelayMs?: number;
  /** Longest a single attempt may take until the response headers arrive. Default 5000. */
  timeoutMs?: number;
  /** Deliveries in flight at once. Default 4. */
  maxConcurrent?: number;
  /**
   * Announcements kept waiting (queued or waiting for a retry), not counting those in flight;
   * when full, the oldest is dropped with an error line. Default 1000.
   */
  maxQueue?: number;
}

/** What is announced. Only these four fields are ever sent, whatever else the object holds. */
export interface WebhookEvent {
  /** Always {@link WEBHOOK_EVENT_TYPE}. */
  type: typeof WEBHOOK_EVENT_TYPE;
  /** The stored request's id: visible ASCII, at most 200 characters. Sent as `Ptfx-Webhook-Id`. */
  id: string;
  /** Where staff fetch the request, e.g. `${baseUrl}/v1/staff/consultation-requests/${id}`. */
  staffUrl: string;
  /** When the request was stored. */
  at: Date;
}

/** A log line the notifier writes: flat, no URL path or query, no secret, no body. */
export type WebhookLogLine = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Where the notifier logs; the API's `Logger` fits. */
export interface WebhookLogger {
  /** Deliveries and scheduled retries. */
  info(line: WebhookLogLine): void;
  /** Announcements given up, dropped or abandoned. */
  error(line: WebhookLogLine): void;
}

/** What the notifier runs on; tests pass their own. */
export interface WebhookDeps {
  /** Where outcome lines go. */
  logger: WebhookLogger;
  /** Default: Node's global `fetch`. */
  fetch?: typeof fetch;
  /** The clock, for `Ptfx-Webhook-Timestamp` and `Retry-After` dates. Default `new Date()`. */
  now?: () => Date;
  /** Schedules a retry. Default: `setTimeout`, unref'd so it never holds the process open. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  /**
   * Cancels what `setTimer` returned. Default: `clearTimeout` with the default `setTimer`;
   * without it, a cancelled timer that fires anyway does nothing.
   */
  clearTimer?: (handle: unknown) => void;
  /** Uniform in [0, 1), for the backoff jitter. Default `Math.random`. */
  random?: () => number;
}

/** Announces events to the webhook in the background. */
export interface WebhookNotifier {
  /**
   * Queues the event for delivery and returns at once; never throws. Call it after the request
   * is stored. Delivery starts on a later turn of the event loop.
   */
  announce(event: WebhookEvent): void;
  /** Events not yet settled: queued, in flight or waiting for a retry. */
  pending(): number;
  /**
   * For graceful shutdown: cancels retries not yet due, lets queued and in-flight deliveries
   * finish (a failure is not retried) until `timeoutMs`, then aborts the rest. Logs how many were
   * abandoned, by id. Resolves when nothing is pending or at the deadline; afterwards
   * {@link WebhookNotifier.announce} only logs. Repeated calls return the same promise.
   */
  drain(timeoutMs: number): Promise<void>;
}

/** The two header values {@link verifyWebhookSignature} checks, as a server framework gives them. */
export interface WebhookSignatureHeaders {
  /** `Ptfx-Webhook-Timestamp`. */
  timestamp: string | readonly string[] | null | undefined;
  /** `Ptfx-Webhook-Signature`: one or more `v1=<hex>`, separated by spaces or commas. */
  signature: string | readonly string[] | null | undefined;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Parses `PTFX_WEBHOOK_URL`: an absolute `https:` URL, or `http:` for localhost, 127.0.0.1 or
 * [::1] only, without a user name or password. Returns the URL or an error message that names the
 * variable and never repeats the path or query (which may carry a token).
 */
export function parseWebhookUrl(text: string): URL | string {
  const expected = 'PTFX_WEBHOOK_URL must be an absolute https:// URL';
  if (text.length === 0 || text.length > 2048 || text.trim() !== text) {
    return `${expected} of at most 2048 characters without surrounding spaces`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return expected;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `${expected}, got a ${url.protocol} URL`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'PTFX_WEBHOOK_URL must not contain a user name or password; put a token in the path or query instead';
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return `${expected}; http:// is allowed only for localhost, 127.0.0.1 and [::1], got ${url.origin}`;
  }
  return url;
}

/**
 * Checks `PTFX_WEBHOOK_SECRET`: at least 32 characters, no surrounding whitespace. Returns an
 * error message naming the variable (never the secret), or `undefined` when it is fine.
 */
export function validateWebhookSecret(text: string): string | undefined {
  if (text.length < 32) {
    return `PTFX_WEBHOOK_SECRET must be at least 32 characters, got ${text.length}`;
  }
  if (text.trim() !== text) return 'PTFX_WEBHOOK_SECRET must not start or end with whitespace';
  return undefined;
}

function hmac(secret: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/**
 * Signs one attempt: `v1=` and the hex HMAC-SHA256 of `${timestamp}.${body}`, keyed by the secret
 * as UTF-8. `timestamp` is unix seconds, sent as `Ptfx-Webhook-Timestamp`.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError('timestamp must be whole unix seconds');
  }
  return `v1=${hmac(secret, String(timestamp), body).toString('hex')}`;
}

/**
 * Checks a delivery the way a receiver should: the timestamp is within `toleranceSeconds` of
 * `now` (either side), and one of the `v1=` signatures is the HMAC of `${timestamp}.${body}`,
 * compared in constant time. Pass the raw body exactly as received. Several signatures,
 * separated by spaces or commas, are accepted (secret rotation). Never throws.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: WebhookSignatureHeaders,
  body: string | Uint8Array,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const { timestamp, signature } = headers;
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  if (secret.length === 0 || !/^\d{1,15}$/.test(timestamp)) return false;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (!Number.isFinite(nowSeconds) || !(toleranceSeconds >= 0)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = hmac(secret, timestamp, body);
  let match = false;
  for (const part of signature.split(/[\s,]+/)) {
    const hex = /^v1=([0-9a-fA-F]{64})$/.exec(part)?.[1];
    if (hex !== undefined && timingSafeEqual(Buffer.from(hex, 'hex'), expected)) match = true;
  }
  return match;
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
function retryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
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

function eventProblem(event: WebhookEvent): string | undefined {
  if (typeof event !== 'object' || event === null) return 'the event is not an object';
  if (event.type !== WEBHOOK_EVENT_TYPE) return 'unknown event type';
  if (typeof event.id !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(event.id)) {
    return 'the id must be 1 to 200 visible ASCII characters';
  }
  if (typeof event.staffUrl !== 'string' || event.staffUrl.length > 2048) {
    return 'the staff URL must be text of at most 2048 characters';
  }
  if (!(event.at instanceof Date) || Number.isNaN(event.at.getTime())) {
    return 'the time must be a valid Date';
  }
  return undefined;
}

function whole(
  problems: string[],
  name: string,
  value: number | undefined,
  min: number,
  fallback: number,
) {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    problems.push(`webhook ${name} must be a whole number of at least ${min}, got ${value}`);
  }
  return value;
}

interface Delivery {
  readonly seq: number;
  readonly id: string;
  readonly body: string;
  /** Attempts started so far. */
  attempt: number;
  state: 'queued' | 'in-flight' | 'waiting' | 'settled';
  timer: unknown;
  abort: AbortController | undefined;
}

type AttemptResult =
  | { readonly status: number; readonly retryAfter: string | null }
  | { readonly error: string; readonly cause: string | undefined };

/**
 * Creates the notifier. Throws a `TypeError` listing every problem when the configuration is
 * invalid (so start-up fails loudly); after that, nothing it does throws.
 */
export function createWebhookNotifier(config: WebhookConfig, deps: WebhookDeps): WebhookNotifier {
  const problems: string[] = [];
  const url = parseWebhookUrl(config.url);
  if (typeof url === 'string') problems.push(url);
  const secretProblem = validateWebhookSecret(config.secret);
  if (secretProblem !== undefined) problems.push(secretProblem);
  const maxAttempts = whole(problems, 'maxAttempts', config.maxAttempts, 1, 6);
  const baseDelayMs = whole(problems, 'baseDelayMs', config.baseDelayMs, 0, 1000);
  const maxDelayMs = whole(problems, 'maxDelayMs', config.maxDelayMs, 0, 60_000);
  const timeoutMs = whole(problems, 'timeoutMs', config.timeoutMs, 1, 5000);
  const maxConcurrent = whole(problems, 'maxConcurrent', config.maxConcurrent, 1, 4);
  const maxQueue = whole(problems, 'maxQueue', config.maxQueue, 1, 1000);
  if (typeof url === 'string' || problems.length > 0) throw new TypeError(problems.join('\n'));

  const { secret } = config;
  const target = url.href;
  const origin = url.origin;
  const logger = deps.logger;
  const fetchImpl = deps.fetch ?? globalThis.fetch;
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const setTimer =
    deps.setTimer ??
    ((fn: () => void, ms: number) => {
      const timer = setTimeout(fn, ms);
      timer.unref();
      return timer;
    });
  const clearTimer =
    deps.clearTimer ??
    (deps.setTimer === undefined
      ? (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>)
      : undefined);

  /** Every unsettled delivery, in announce order (entries are never re-inserted). */
  const deliveries = new Map<number, Delivery>();
  const queue: Delivery[] = [];
  let inFlight = 0;
  let seq = 0;
  let pumpScheduled = false;
  let draining: { promise: Promise<void>; abandoned: string[]; check(): void } | undefined;
  let closed = false;

  const log = (level: 'info' | 'error', line: Record<string, string | number | undefined>) => {
    try {
      logger[level]({ event: 'webhook', ...line });
    } catch {
      // A broken logger must not break delivery.
    }
  };

  const settle = (delivery: Delivery) => {
    delivery.state = 'settled';
    deliveries.delete(delivery.seq);
    if (delivery.timer !== undefined) clearTimer?.(delivery.timer);
    delivery.timer = undefined;
  };

  const pump = () => {
    while (inFlight < maxConcurrent) {
      const delivery = queue.shift();
      if (delivery === undefined) break;
      inFlight += 1;
      delivery.state = 'in-flight';
      void attempt(delivery)
        .catch((error: unknown) => {
          if (delivery.state !== 'settled') {
            log('error', { outcome: 'failed', id: delivery.id, error: errorName(error) });
            settle(delivery);
          }
        })
        .finally(() => {
          inFlight -= 1;
          pump();
          draining?.check();
        });
    }
  };

  const schedulePump = () => {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(() => {
      pumpScheduled = false;
      pump();
    });
  };

  const retryDelay = (attemptNumber: number, retryAfter: string | null): number => {
    const asked = retryAfter === null ? undefined : parseRetryAfter(retryAfter, now());
    if (asked !== undefined) return Math.min(asked, maxDelayMs);
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attemptNumber - 1));
    const r = random();
    return Math.floor(ceiling * (r >= 0 && r < 1 ? r : 0.5));
  };

  async function send(delivery: Delivery): Promise<AttemptResult> {
    const controller = new AbortController();
    delivery.abort = controller;
    try {
      const timestamp = Math.floor(now().getTime() / 1000);
      const response = await fetchImpl(target, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'ptfx-api',
          [WEBHOOK_ID_HEADER]: delivery.id,
          [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, timestamp, delivery.body),
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.any([controller.signal, AbortSignal.timeout(timeoutMs)]),
      });
      const retryAfter = response.headers.get('retry-after');
      // The body is never read (nor logged); release the connection.
      response.body?.cancel().catch(() => undefined);
      return { status: response.status, retryAfter };
    } catch (error) {
      return { error: errorName(error), cause: causeCode(error) };
    } finally {
      delivery.abort = undefined;
    }
  }

  async function attempt(delivery: Delivery): Promise<void> {
    delivery.attempt += 1;
    const number = delivery.attempt;
    const started = performance.now();
    const result = await send(delivery);
    // Abandoned at the drain deadline: already counted and logged.
    if (delivery.state === 'settled') return;
    const line = {
      id: delivery.id,
      type: WEBHOOK_EVENT_TYPE,
      attempt: number,
      webhook: origin,
      ms: Math.round(performance.now() - started),
      ...('status' in result
        ? { status: result.status }
        : { error: result.error, ...(result.cause === undefined ? {} : { cause: result.cause }) }),
    };
    if ('status' in result && result.status >= 200 && result.status <= 299) {
      log('info', { outcome: 'delivered', ...line });
      settle(delivery);
      return;
    }
    if ('status' in result && !retryableStatus(result.status)) {
      const reason = result.status >= 300 && result.status <= 399 ? 'redirect' : 'refused';
      log('error', { outcome: 'failed', reason, ...line });
      settle(delivery);
      return;
    }
    if (number >= maxAttempts) {
      log('error', { outcome: 'gave-up', ...line });
      settle(delivery);
      return;
    }
    if (draining !== undefined) {
      log('error', { outcome: 'abandoned', reason: 'shutting-down', ...line });
      draining.abandoned.push(delivery.id);
      settle(delivery);
      return;
    }
    const delayMs = retryDelay(number, 'status' in result ? result.retryAfter : null);
    log('info', { outcome: 'retrying', delayMs, ...line });
    delivery.state = 'waiting';
    delivery.timer = setTimer(() => {
      if (delivery.state !== 'waiting') return;
      delivery.timer = undefined;
      delivery.state = 'queued';
      queue.push(delivery);
      pump();
    }, delayMs);
  }

  /** Drops the oldest delivery not in flight, to keep memory bounded. */
  const dropOldest = () => {
    for (const delivery of deliveries.values()) {
      if (delivery.state === 'in-flight') continue;
      if (delivery.state === 'queued') queue.splice(queue.indexOf(delivery), 1);
      log('error', {
        outcome: 'dropped',
        reason: 'queue-full',
        id: delivery.id,
        type: WEBHOOK_EVENT_TYPE,
        attempt: delivery.attempt,
        webhook: origin,
      });
      settle(delivery);
      return;
    }
  };

  return {
    announce(event) {
      try {
        const problem = eventProblem(event);
        if (problem !== undefined) {
          log('error', { outcome: 'rejected', reason: problem, webhook: origin });
          return;
        }
        if (closed) {
          log('error', {
            outcome: 'abandoned',
            reason: 'closed',
            id: event.id,
            type: WEBHOOK_EVENT_TYPE,
            webhook: origin,
          });
          return;
        }
        // Exactly these fields, whatever else the object carries.
        const body = JSON.stringify({
          type: WEBHOOK_EVENT_TYPE,
          id: event.id,
          staffUrl: event.staffUrl,
          at: event.at.toISOString(),
        });
        while (deliveries.size - inFlight >= maxQueue) dropOldest();
        seq += 1;
        const delivery: Delivery = {
          seq,
          id: event.id,
          body,
          attempt: 0,
          state: 'queued',
          timer: undefined,
          abort: undefined,
        };
        deliveries.set(delivery.seq, delivery);
        queue.push(delivery);
        schedulePump();
      } catch (error) {
        log('error', { outcome: 'failed', error: errorName(error), webhook: origin });
      }
    },

    pending() {
      return deliveries.size;
    },

    drain(drainTimeoutMs) {
      if (draining !== undefined) return draining.promise;
      const abandoned: string[] = [];
      for (const delivery of [...deliveries.values()]) {
        if (delivery.state !== 'waiting') continue;
        abandoned.push(delivery.id);
        settle(delivery);
      }
      let finish = () => {};
      const promise = new Promise<void>((resolve) => {
        finish = resolve;
      });
      let done = false;
      const complete = () => {
        if (done) return;
        done = true;
        closed = true;
        clearTimeout(deadline);
        log(abandoned.length > 0 ? 'error' : 'info', {
          outcome: 'drained',
          abandoned: abandoned.length,
          ids: abandoned.join(','),
          webhook: origin,
        });
        finish();
      };
      const deadline = setTimeout(
        () => {
          queue.length = 0;
          for (const delivery of [...deliveries.values()]) {
            abandoned.push(delivery.id);
            delivery.abort?.abort(new Error('webhook drain deadline'));
            settle(delivery);
          }
          complete();
        },
        Math.max(0, drainTimeoutMs),
      );
      draining = {
        promise,
        abandoned,
        check() {
          if (deliveries.size === 0) complete();
        },
      };
      draining.check();
      return promise;
    },
  };
}
