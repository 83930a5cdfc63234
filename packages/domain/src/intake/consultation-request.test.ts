import { describe, expect, it } from 'vitest';
import { BookingPathSchema } from './booking-path.js';
import { ConsultationRequestSchema } from './consultation-request.js';

const valid = {
  name: { given: 'Ana', family: 'Reyes' },
  contact: { channel: 'sms', phone: '619.555.0142' },
  reason: 'Lower back pain after lifting, two weeks now.',
  preferredTimes: [{ days: ['tuesday', 'thursday'], window: 'morning' }],
  patientStatus: 'new',
  coverage: { kind: 'va-community-care' },
  location: 'san-diego',
  consent: { accepted: true, textVersion: '2026-01' },
};

describe('ConsultationRequestSchema', () => {
  it('accepts a request and normalises the callback number', () => {
    const parsed = ConsultationRequestSchema.parse(valid);
    expect(parsed.contact).toEqual({ channel: 'sms', phone: '+16195550142' });
  });

  it.each([
    [
      'without consent',
      { consent: { accepted: false, textVersion: '2026-01' } },
      'consent.accepted',
    ],
    [
      'with an email channel but a phone',
      { contact: { channel: 'email', phone: '6195550142' } },
      'contact.email',
    ],
    ['with an unknown channel', { contact: { channel: 'pigeon' } }, 'contact.channel'],
    ['with an empty reason', { reason: '   ' }, 'reason'],
    ['with an over-long reason', { reason: 'x'.repeat(2001) }, 'reason'],
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
  ])('refuses a request %s', (_name, change, path) => {
    const result = ConsultationRequestSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
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
