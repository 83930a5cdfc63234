import { formErrorsFromProblem } from '../form/codec.js';

/** How many times a request still in flight (409) is sent again before giving up. */
export const MAX_IN_FLIGHT_RETRIES = 5;
/** The longest wait before sending again after a 409, in seconds, whatever Retry-After says. */
export const MAX_RETRY_WAIT_SECONDS = 10;

/** What the API answered, as the script reads it; absent when no answer came (network, timeout). */
export interface SubmitResponse {
  readonly status: number;
  /** The Retry-After header, if any. */
  readonly retryAfter: string | null;
  /** The body parsed as JSON, or undefined. */
  readonly body: unknown;
}

/** What to do after an attempt to send the form. */
export type SubmitOutcome =
  /** Stored: replace the form with the thank-you message. */
  | { readonly kind: 'sent'; readonly message: string }
  /** Refused: show each field's problems. */
  | { readonly kind: 'invalid'; readonly errors: Map<string, string[]> }
  /** The same request is still being stored: send it again (same key) after a wait. */
  | { readonly kind: 'retry'; readonly afterSeconds: number }
  /** Not sent: say so in the status line; the visitor's text stays. */
  | { readonly kind: 'failed'; readonly message: string };

/** What the script knows besides the answer. */
export interface SubmitContext {
  /** The clinic's phone number as displayed, to offer a call; empty when the page has none. */
  readonly phone: string;
  /** How many times the request was sent again after a 409 already. */
  readonly retries: number;
}

const THANK_YOU = 'Thank you. We have your request and will be in touch.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Retry-After in whole seconds (the API sends delta-seconds), or undefined when absent or not that. */
export function retryAfterSeconds(header: string | null): number | undefined {
  const text = header?.trim() ?? '';
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** `a minute`, `3 minutes`; `a few minutes` when not known. */
export function waitWords(seconds: number | undefined): string {
  const minutes = seconds === undefined ? 0 : Math.ceil(seconds / 60);
  return minutes > 1 ? `${minutes} minutes` : minutes === 1 ? 'a minute' : 'a few minutes';
}

function callUs(phone: string): string {
  return phone ? `, or call us at ${phone}` : '';
}

/** The message for a request that could not be sent: what happened, and what to do. */
export function notSentMessage(phone: string): string {
  return `We could not send your request. Please try again${callUs(phone)}.`;
}

/**
 * What to do with the API's answer to the form (or with no answer): the thank-you message on 2xx,
 * each field's problems on a 4xx that lists them (problem+json `errors`), a retry after a 409
 * (the same Idempotency-Key still being stored), and otherwise a message that keeps the
 * visitor's text and offers the phone.
 *
 * @example
 * submitOutcome(undefined, { phone: '(619) 544-1055', retries: 0 });
 * // { kind: 'failed', message: 'We could not send your request. Please try again, or call us at (619) 544-1055.' }
 */
export function submitOutcome(
  response: SubmitResponse | undefined,
  context: SubmitContext,
): SubmitOutcome {
  const failed = (message: string): SubmitOutcome => ({ kind: 'failed', message });
  if (!response) return failed(notSentMessage(context.phone));
  const { status, body } = response;
  const problemType = isRecord(body) && typeof body.type === 'string' ? body.type : '';
  if (status >= 200 && status < 300) {
    const message = isRecord(body) ? body.message : undefined;
    const usable = typeof message === 'string' && message.trim() !== '' && message.length <= 500;
    return { kind: 'sent', message: usable ? message : THANK_YOU };
  }
  // 400 from the API's validation; any 4xx that lists problems is read the same way.
  if (
    status >= 400 &&
    status < 500 &&
    isRecord(body) &&
    Array.isArray(body.errors) &&
    body.errors.length > 0
  ) {
    return { kind: 'invalid', errors: formErrorsFromProblem(body.errors) };
  }
  const wait = retryAfterSeconds(response.retryAfter);
  if (status === 409 && context.retries < MAX_IN_FLIGHT_RETRIES) {
    return {
      kind: 'retry',
      afterSeconds: Math.min(Math.max(wait ?? 1, 1), MAX_RETRY_WAIT_SECONDS),
    };
  }
  if (status === 422 && problemType.endsWith('/idempotency-key-reused')) {
    // The first send was stored (its answer was lost), and the form was changed since.
    return failed(
      `We already have the request you sent from this page and will be in touch. To change it, please call us${context.phone ? ` at ${context.phone}` : ''}.`,
    );
  }
  if (status === 429 || status === 503) {
    // Too many requests from this address, or the store is down: either way, later or by phone.
    return failed(
      `We cannot take your request online just now. Please try again in ${waitWords(wait)}${callUs(context.phone)}.`,
    );
  }
  return failed(notSentMessage(context.phone));
}
