/**
 * Standard Webhooks (https://www.standardwebhooks.com): how every announcement is signed, and how
 * a receiver checks it. Receivers can use the `standardwebhooks` libraries (JavaScript, Python,
 * Go, Ruby, PHP, …) with the same `whsec_…` secret, or {@link verifyWebhook} here.
 *
 * Each delivery is `POST <PTFX_WEBHOOK_URL>` with the JSON body and the headers
 *
 * | header | value |
 * |---|---|
 * | `webhook-id` | the message id (`msg_…`): the same on every retry, so deduplicate on it |
 * | `webhook-timestamp` | unix seconds when this attempt was signed (fresh on every retry) |
 * | `webhook-signature` | `v1,<base64 HMAC-SHA256 of "${id}.${timestamp}.${body}">` keyed by the secret's bytes |
 *
 * The secret is `whsec_` followed by the base64 of 24 to 64 random bytes; the key is those bytes.
 *
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The prefix of a Standard Webhooks secret. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** The fewest random bytes a secret may carry. */
export const WEBHOOK_SECRET_MIN_BYTES = 24;
/** The most random bytes a secret may carry. */
export const WEBHOOK_SECRET_MAX_BYTES = 64;
/** How far a receiver should let `webhook-timestamp` be from its clock, in seconds (either side). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The three Standard Webhooks header names (lower case, as Node gives them). */
export const WEBHOOK_HEADERS = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

const MINT_HINT =
  'mint one with `pnpm --filter @ptfx/api admin mint-webhook-secret` (or: echo "whsec_$(openssl rand -base64 32)") and give the same value to the receiver';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Reads `PTFX_WEBHOOK_SECRET`: `whsec_` and the base64 of 24 to 64 bytes. Returns the key bytes,
 * or an error message that names the variable, says how to mint one and never repeats the value.
 */
export function parseWebhookSecret(text: string): Uint8Array | string {
  const what = `PTFX_WEBHOOK_SECRET must be "${WEBHOOK_SECRET_PREFIX}" followed by the base64 of ${WEBHOOK_SECRET_MIN_BYTES} to ${WEBHOOK_SECRET_MAX_BYTES} random bytes (the Standard Webhooks format)`;
  if (text.trim() !== text) return `${what}, without surrounding whitespace; ${MINT_HINT}`;
  if (!text.startsWith(WEBHOOK_SECRET_PREFIX)) {
    return `${what}; the value does not start with "${WEBHOOK_SECRET_PREFIX}"; ${MINT_HINT}`;
  }
  const encoded = text.slice(WEBHOOK_SECRET_PREFIX.length);
  if (!BASE64.test(encoded) || encoded.length === 0) {
    return `${what}; what follows "${WEBHOOK_SECRET_PREFIX}" is not base64; ${MINT_HINT}`;
  }
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length < WEBHOOK_SECRET_MIN_BYTES || bytes.length > WEBHOOK_SECRET_MAX_BYTES) {
    return `${what}; it holds ${bytes.length} bytes; ${MINT_HINT}`;
  }
  return new Uint8Array(bytes);
}

/** `undefined` when `PTFX_WEBHOOK_SECRET` is well formed, else what is wrong (see {@link parseWebhookSecret}). */
export function validateWebhookSecret(text: string): string | undefined {
  const parsed = parseWebhookSecret(text);
  return typeof parsed === 'string' ? parsed : undefined;
}

/** A new secret: `whsec_` and the base64 of `bytes` (default 32) random bytes. */
export function mintWebhookSecret(bytes = 32): string {
  if (
    !Number.isInteger(bytes) ||
    bytes < WEBHOOK_SECRET_MIN_BYTES ||
    bytes > WEBHOOK_SECRET_MAX_BYTES
  ) {
    throw new RangeError(
      `a webhook secret holds ${WEBHOOK_SECRET_MIN_BYTES} to ${WEBHOOK_SECRET_MAX_BYTES} bytes, got ${bytes}`,
    );
  }
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(bytes).toString('base64')}`;
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

function keyOf(secret: string | Uint8Array): Uint8Array {
  if (typeof secret !== 'string') return secret;
  const parsed = parseWebhookSecret(secret);
  if (typeof parsed === 'string') throw new TypeError(parsed);
  return parsed;
}

function mac(key: Uint8Array, id: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
}

/**
 * The `webhook-signature` of one attempt: `v1,` and the base64 HMAC-SHA256 of
 * `${id}.${timestamp}.${body}`, keyed by the secret's bytes (a `whsec_…` text or the bytes).
 * `timestamp` is unix seconds. Throws a TypeError for a malformed secret, a RangeError for a
 * timestamp that is not whole seconds.
 */
export function signWebhook(
  secret: string | Uint8Array,
  id: string,
  timestamp: number,
  body: string,
): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError('timestamp must be whole unix seconds');
  }
  return `v1,${mac(keyOf(secret), id, String(timestamp), body).toString('base64')}`;
}

/** The three headers of one attempt, signed at `timestamp` (unix seconds). */
export function webhookHeaders(
  secret: string | Uint8Array,
  id: string,
  timestamp: number,
  body: string,
): Record<(typeof WEBHOOK_HEADERS)[keyof typeof WEBHOOK_HEADERS], string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, id, timestamp, body),
  };
}

/** The three header values {@link verifyWebhook} checks, as a server framework gives them. */
export interface WebhookSignatureHeaders {
  readonly id: string | readonly string[] | null | undefined;
  readonly timestamp: string | readonly string[] | null | undefined;
  /** One or more `v1,<base64>`, separated by spaces (secret rotation). */
  readonly signature: string | readonly string[] | null | undefined;
}

/**
 * Checks a delivery the way a receiver should: the timestamp is within `toleranceSeconds` of
 * `now` (either side), and one of the `v1,` signatures is the HMAC of `${id}.${timestamp}.${body}`,
 * compared in constant time. Pass the raw body exactly as received. Never throws (a malformed
 * secret is simply no match).
 */
export function verifyWebhook(
  secret: string | Uint8Array,
  headers: WebhookSignatureHeaders,
  body: string | Uint8Array,
  now: Date,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): boolean {
  const { id, timestamp, signature } = headers;
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signature !== 'string') {
    return false;
  }
  if (id.length === 0 || !/^\d{1,15}$/.test(timestamp)) return false;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (!Number.isFinite(nowSeconds) || !(toleranceSeconds >= 0)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  let key: Uint8Array;
  try {
    key = keyOf(secret);
  } catch {
    return false;
  }
  const expected = mac(key, id, timestamp, body);
  let match = false;
  for (const part of signature.split(' ')) {
    const [version, encoded] = part.split(',', 2);
    if (version !== 'v1' || encoded === undefined || !BASE64.test(encoded)) continue;
    const given = Buffer.from(encoded, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) match = true;
  }
  return match;
}
