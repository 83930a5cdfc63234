import { ConsultationRequestSchema } from '@ptfx/domain';
import { describe, expect, it } from 'vitest';
import { FIELD } from '../form/fields.js';
import {
  MAX_IN_FLIGHT_RETRIES,
  MAX_RETRY_WAIT_SECONDS,
  retryAfterSeconds,
  submitOutcome,
  waitWords,
} from './submit-outcome.js';

const PHONE = '(619) 544-1055';
const context = { phone: PHONE, retries: 0 };
const answer = (status: number, body: unknown, retryAfter: string | null = null) => ({
  status,
  body,
  retryAfter,
});
const NOT_SENT = `We could not send your request. Please try again, or call us at ${PHONE}.`;

/** The API's 400 for a body: the schema's issues as problem+json `errors`. */
function invalidAnswer(body: unknown) {
  const parsed = ConsultationRequestSchema.safeParse(body);
  const errors = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message }));
  return answer(400, {
    type: 'https://ptfx.dev/problems/invalid-request',
    status: 400,
    errors,
  });
}

describe('submitOutcome', () => {
  it('thanks the visitor with the receipt’s message', () => {
    const message =
      'Thank you. We have your request and will be in touch by phone, usually within one business day.';
    expect(submitOutcome(answer(201, { id: 'x', message }), context)).toEqual({
      kind: 'sent',
      message,
    });
    expect(submitOutcome(answer(201, undefined), context)).toEqual({
      kind: 'sent',
      message: 'Thank you. We have your request and will be in touch.',
    });
  });

  it('puts the problems the API lists on their fields, for a visitor', () => {
    const outcome = submitOutcome(
      invalidAnswer({ name: { given: 'Ada' }, contact: { phone: '12', preferred: 'phone' } }),
      context,
    );
    expect(outcome.kind).toBe('invalid');
    const errors = outcome.kind === 'invalid' ? outcome.errors : new Map();
    expect(errors.get(FIELD.familyName)).toEqual(['Enter your last name']);
    expect(errors.get(FIELD.phone)).toEqual([
      'Enter a phone number we can call or text, like (619) 555-0142',
    ]);
    expect(errors.get(FIELD.consentAccepted)).toEqual(['Tick the box to agree to be contacted']);
    const as422 = submitOutcome({ ...invalidAnswer({}), status: 422 }, context);
    expect(as422.kind).toBe('invalid');
  });

  it('says the request was not sent, with the phone, when nothing or an error comes back', () => {
    for (const response of [
      undefined,
      answer(500, { type: 'https://ptfx.dev/problems/internal' }),
      answer(502, undefined),
      answer(400, { type: 'https://ptfx.dev/problems/malformed-json' }),
      answer(413, undefined),
    ]) {
      expect(submitOutcome(response, context)).toEqual({ kind: 'failed', message: NOT_SENT });
    }
    expect(submitOutcome(undefined, { phone: '', retries: 0 })).toEqual({
      kind: 'failed',
      message: 'We could not send your request. Please try again.',
    });
  });

  it('sends again after a 409 (the same key still being stored), a bounded number of times', () => {
    const inFlight = (retryAfter: string | null) =>
      answer(409, { type: 'https://ptfx.dev/problems/idempotency-key-in-flight' }, retryAfter);
    expect(submitOutcome(inFlight('1'), context)).toEqual({ kind: 'retry', afterSeconds: 1 });
    expect(submitOutcome(inFlight(null), context)).toEqual({ kind: 'retry', afterSeconds: 1 });
    expect(submitOutcome(inFlight('0'), context)).toEqual({ kind: 'retry', afterSeconds: 1 });
    expect(submitOutcome(inFlight('3600'), context)).toEqual({
      kind: 'retry',
      afterSeconds: MAX_RETRY_WAIT_SECONDS,
    });
    expect(submitOutcome(inFlight('1'), { phone: PHONE, retries: MAX_IN_FLIGHT_RETRIES })).toEqual({
      kind: 'failed',
      message: NOT_SENT,
    });
  });

  it('says when to try again after 429 and 503, and offers the phone', () => {
    expect(submitOutcome(answer(429, {}, '120'), context)).toEqual({
      kind: 'failed',
      message: `We cannot take your request online just now. Please try again in 2 minutes, or call us at ${PHONE}.`,
    });
    expect(submitOutcome(answer(503, {}), context)).toEqual({
      kind: 'failed',
      message: `We cannot take your request online just now. Please try again in a few minutes, or call us at ${PHONE}.`,
    });
  });

  it('says the first request arrived when the key was used with another body', () => {
    const reused = answer(422, { type: 'https://ptfx.dev/problems/idempotency-key-reused' });
    expect(submitOutcome(reused, context)).toEqual({
      kind: 'failed',
      message: `We already have the request you sent from this page and will be in touch. To change it, please call us at ${PHONE}.`,
    });
  });
});

describe('retryAfterSeconds and waitWords', () => {
  it('reads delta-seconds only', () => {
    expect(retryAfterSeconds('30')).toBe(30);
    expect(retryAfterSeconds(' 5 ')).toBe(5);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds('-1')).toBeUndefined();
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT')).toBeUndefined();
  });

  it('words the wait in minutes', () => {
    expect([undefined, 0, 1, 60, 61, 600].map(waitWords)).toEqual([
      'a few minutes',
      'a few minutes',
      'a minute',
      'a minute',
      '2 minutes',
      '10 minutes',
    ]);
  });
});
