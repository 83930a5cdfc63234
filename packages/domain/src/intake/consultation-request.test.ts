import { describe, expect, it } from 'vitest';
import { BookingPathSchema } from './booking-path.js';
import {
  CONSULTATION_REQUEST_EXAMPLE,
  ConsultationRequestSchema,
  StatusChangeSchema,
} from './consultation-request.js';
import { isHoneypotFilled, requestContent } from './request-content.js';

const valid = {
  name: { given: 'Ana', family: 'Reyes' },
  contact: { phone: '619.555.0142', preferred: 'sms' },
  reason: 'Lower back pain after lifting, two weeks now.',
  preferredTimes: [{ days: ['tuesday', 'thursday'], window: 'morning' }],
  patientStatus: 'new',
  coverage: { kind: 'va-community-care' },
  location: 'san-diego',
  consent: { accepted: true, textVersion: '2026-01', channels: ['sms'] },
};

describe('ConsultationRequestSchema', () => {
  it('accepts a request and normalises the callback number', () => {
    const parsed = ConsultationRequestSchema.parse(valid);
    expect(parsed.contact).toEqual({ phone: '+16195550142', preferred: 'sms' });
    expect(isHoneypotFilled(parsed)).toBe(false);
  });

  it('keeps emoji, RTL overrides, CRLF and NUL in the reason exactly as sent', () => {
    const reason = 'Knee 🦵 pain\r\nsince \u202Emonday\u0000 ok';
    expect(ConsultationRequestSchema.parse({ ...valid, reason }).reason).toBe(reason);
  });

  it('accepts its own OpenAPI example', () => {
    expect(ConsultationRequestSchema.safeParse(CONSULTATION_REQUEST_EXAMPLE).success).toBe(true);
  });

  it('accepts both a phone and an email with either preferred', () => {
    const contact = { phone: '6195550142', email: 'ana@example.com', preferred: 'email' };
    const parsed = ConsultationRequestSchema.parse({
      ...valid,
      contact,
      consent: { ...valid.consent, channels: ['email', 'phone'] },
    });
    expect(parsed.contact.email).toBe('ana@example.com');
  });

  it.each([
    [
      'without consent',
      { consent: { accepted: false, textVersion: '2026-01', channels: ['sms'] } },
      'consent.accepted',
    ],
    [
      'with consent that does not cover the preferred channel',
      { consent: { accepted: true, textVersion: '2026-01', channels: ['email'] } },
      'consent.channels',
    ],
    [
      'with a channel listed twice in the consent',
      { consent: { accepted: true, textVersion: '2026-01', channels: ['sms', 'sms'] } },
      'consent.channels',
    ],
    [
      'preferring email but giving only a phone',
      { contact: { phone: '6195550142', preferred: 'email' } },
      'contact.email',
    ],
    [
      'preferring a call but giving only an email',
      { contact: { email: 'ana@example.com', preferred: 'phone' } },
      'contact.phone',
    ],
    ['with no way to reach them', { contact: { preferred: 'sms' } }, 'contact.phone'],
    [
      'with an unknown channel',
      { contact: { phone: '6195550142', preferred: 'pigeon' } },
      'contact.preferred',
    ],
    ['with an empty reason', { reason: '   ' }, 'reason'],
    ['with an over-long reason', { reason: 'x'.repeat(2001) }, 'reason'],
    ['with a lone surrogate in the reason', { reason: 'pain \uD800 here' }, 'reason'],
    [
      'with a 10,000-character name',
      { name: { given: 'A'.repeat(10_000), family: 'R' } },
      'name.given',
    ],
    [
      'with a member ID it does not ask for',
      { coverage: { kind: 'medicare', memberId: '1EG4-TE5-MK72' } },
      'coverage',
    ],
    [
      'with too many preferred times',
      { preferredTimes: Array(11).fill({ days: ['monday'], window: 'any' }) },
      'preferredTimes',
    ],
    ['setting its own status', { status: 'scheduled' }, ''],
  ])('refuses a request %s', (_name, change, path) => {
    const result = ConsultationRequestSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('accepts a filled honeypot, so a bot is not told, and drops it from what is kept', () => {
    const parsed = ConsultationRequestSchema.parse({ ...valid, website: 'http://spam.example' });
    expect(isHoneypotFilled(parsed)).toBe(true);
    expect(requestContent(parsed)).not.toHaveProperty('website');
    expect(isHoneypotFilled(ConsultationRequestSchema.parse({ ...valid, website: ' ' }))).toBe(
      false,
    );
  });
});

describe('StatusChangeSchema', () => {
  it('takes a status and an optional note, and nothing else', () => {
    expect(StatusChangeSchema.parse({ status: 'contacted', note: ' left a voicemail ' })).toEqual({
      status: 'contacted',
      note: 'left a voicemail',
    });
    expect(StatusChangeSchema.safeParse({ status: 'done' }).success).toBe(false);
    expect(StatusChangeSchema.safeParse({ status: 'new', reason: 'x' }).success).toBe(false);
  });
});
describe('BookingPathSchema', () => {
  it('keeps the steps in order and defaults the action to none', () => {
    const path = BookingPathSchema.parse({
      steps: [
        { title: 'Step one', text: 'Call or message us to book your appointment', action: 'call' },
        { title: 'Step two', text: 'We’ll work with you to get you painfree again' },
      ],
    });
    expect(path.steps.map((s) => s.action)).toEqual(['call', 'none']);
  });

  it('needs at least one step and at most ten', () => {
    expect(BookingPathSchema.safeParse({ steps: [] }).success).toBe(false);
    const step = { title: 'Step', text: 'Do it' };
    expect(BookingPathSchema.safeParse({ steps: Array(11).fill(step) }).success).toBe(false);
  });
});

describe('BookingPathSchema consent', () => {
  const steps = [{ title: 'Step one', text: 'Call us' }];
  it('keeps the consent words and their version', () => {
    const path = BookingPathSchema.parse({
      steps,
      consent: { version: '2026-01', text: 'I agree.' },
    });
    expect(path.consent).toEqual({ version: '2026-01', text: 'I agree.' });
  });
  it('refuses consent without a version, or with unknown keys', () => {
    expect(BookingPathSchema.safeParse({ steps, consent: { text: 'I agree.' } }).success).toBe(
      false,
    );
    expect(
      BookingPathSchema.safeParse({ steps, consent: { version: '1', text: 'x', extra: 1 } })
        .success,
    ).toBe(false);
  });
});

describe('BookingPathSchema tagline and call to action', () => {
  const steps = [{ title: 'Step one', text: 'Call us' }];
  it('keeps the words as the clinic writes them', () => {
    const path = BookingPathSchema.parse({
      steps,
      tagline: 'Ready to become painfree?',
      callToAction: { question: 'In pain?', text: 'Schedule a consultation.', label: 'Contact us' },
    });
    expect(path.tagline).toBe('Ready to become painfree?');
    expect(path.callToAction).toEqual({
      question: 'In pain?',
      text: 'Schedule a consultation.',
      label: 'Contact us',
    });
  });
  it('needs the invitation and its link words', () => {
    expect(BookingPathSchema.safeParse({ steps, callToAction: { text: 'Book.' } }).success).toBe(
      false,
    );
  });
});
