import { CONSULTATION_REQUEST_EXAMPLE, ConsultationRequestSchema } from '@ptfx/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consultationRequestFromForm,
  formErrorsFromProblem,
  MAX_FIELD_VALUE_LENGTH,
  MAX_FORM_ENTRIES,
} from './codec.js';
import { FIELD, REPEATED_FIELDS } from './fields.js';
import { FORM_PROBLEM_MESSAGE } from './visitor-messages.js';

type Entries = [string, string][];

/** A request as the form's fields: dotted names, repeated names for the checkbox groups. */
function toEntries(value: unknown, name = ''): Entries {
  if (Array.isArray(value)) {
    return REPEATED_FIELDS.includes(name)
      ? value.map((v): [string, string] => [name, String(v)])
      : value.flatMap((v, i) => toEntries(v, `${name}.${i}`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => toEntries(v, name ? `${name}.${k}` : k));
  }
  return [[name, String(value)]];
}

/** What the booking form sends when nothing is filled in: text fields empty, no box ticked. */
const EMPTY_FORM: Entries = [
  [FIELD.givenName, ''],
  [FIELD.familyName, ''],
  [FIELD.phone, ''],
  [FIELD.email, ''],
  [FIELD.reason, ''],
  [FIELD.window, 'any'],
  [FIELD.location, 'san-diego'],
  [FIELD.therapist, ''],
  [FIELD.coverage, ''],
  [FIELD.consentVersion, '2026-01'],
  [FIELD.honeypot, ''],
];

/** A form a person filled in, as a browser sends it. */
const FILLED_FORM: Entries = [
  [FIELD.givenName, 'Ana'],
  [FIELD.familyName, 'Reyes'],
  [FIELD.phone, '(619) 555-0142'],
  [FIELD.email, ''],
  [FIELD.preferred, 'sms'],
  [FIELD.reason, 'Lower back pain'],
  [FIELD.patientStatus, 'new'],
  [FIELD.days, 'tuesday'],
  [FIELD.days, 'thursday'],
  [FIELD.window, 'morning'],
  [FIELD.location, 'san-diego'],
  [FIELD.therapist, ''],
  [FIELD.coverage, ''],
  [FIELD.consentAccepted, 'true'],
  [FIELD.consentVersion, '2026-01'],
  [FIELD.consentChannels, 'sms'],
  [FIELD.honeypot, ''],
];

/** The API's path of each issue, as apps/api's problemItems writes it. */
function problemsOf(request: unknown) {
  const parsed = ConsultationRequestSchema.safeParse(request);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: ['body', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

function errorsFor(entries: Entries) {
  return formErrorsFromProblem(problemsOf(consultationRequestFromForm(entries).request));
}

function replace(entries: Entries, changes: Record<string, string | string[]>): Entries {
  const names = new Set(Object.keys(changes));
  return [
    ...entries.filter(([name]) => !names.has(name)),
    ...Object.entries(changes).flatMap(([name, v]) =>
      (Array.isArray(v) ? v : [v]).map((value): [string, string] => [name, value]),
    ),
  ];
}

describe('consultationRequestFromForm', () => {
  it('reads the domain example, written as form fields, back to the same request', () => {
    const entries = toEntries(CONSULTATION_REQUEST_EXAMPLE);
    expect(entries).toContainEqual([FIELD.consentAccepted, 'true']);
    expect(entries).toContainEqual([FIELD.days, 'thursday']);
    const { request } = consultationRequestFromForm(entries);
    const parsed = ConsultationRequestSchema.safeParse(request);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(ConsultationRequestSchema.parse(CONSULTATION_REQUEST_EXAMPLE));
  });

  it('reads a filled-in form: empty fields left out, a ticked box true, repeated names a list', () => {
    const { request, values } = consultationRequestFromForm(FILLED_FORM);
    expect(request).toEqual({
      name: { given: 'Ana', family: 'Reyes' },
      contact: { phone: '(619) 555-0142', preferred: 'sms' },
      reason: 'Lower back pain',
      patientStatus: 'new',
      preferredTimes: [{ days: ['tuesday', 'thursday'], window: 'morning' }],
      location: 'san-diego',
      consent: { accepted: true, textVersion: '2026-01', channels: ['sms'] },
    });
    expect(ConsultationRequestSchema.safeParse(request).success).toBe(true);
    expect(values.get(FIELD.days)).toEqual(['tuesday', 'thursday']);
    expect(values.get(FIELD.email)).toEqual(['']);
    expect([...values.keys()]).toEqual([...new Set(FILLED_FORM.map(([name]) => name))]);
  });

  it('reads URLSearchParams as the API gets a form posted without JavaScript', () => {
    const body = new URLSearchParams(FILLED_FORM).toString();
    const fromBody = consultationRequestFromForm(new URLSearchParams(body));
    expect(fromBody.request).toEqual(consultationRequestFromForm(FILLED_FORM).request);
  });

  it('takes "on" for a ticked box (a checkbox without a value) and leaves other values to the schema', () => {
    const on = consultationRequestFromForm([[FIELD.consentAccepted, 'on']]).request;
    expect(on).toEqual({ consent: { accepted: true } });
    const yes = consultationRequestFromForm([[FIELD.consentAccepted, 'yes']]).request;
    expect(yes).toEqual({ consent: { accepted: 'yes' } });
  });

  it('drops a preferred time without days, and keeps one with days but no time of day', () => {
    expect(consultationRequestFromForm([[FIELD.window, 'morning']]).request).toEqual({});
    expect(consultationRequestFromForm([[FIELD.days, 'monday']]).request).toEqual({
      preferredTimes: [{ days: ['monday'] }],
    });
  });

  it('keeps unknown names, so that the strict schema refuses them', () => {
    const { request } = consultationRequestFromForm([...FILLED_FORM, ['admin', 'true']]);
    expect(request).toMatchObject({ admin: 'true' });
    expect(ConsultationRequestSchema.safeParse(request).success).toBe(false);
  });

  it('makes a list of a name sent twice that should come once, for the schema to refuse', () => {
    const { request } = consultationRequestFromForm(replace(FILLED_FORM, { reason: ['a', 'b'] }));
    expect(request).toMatchObject({ reason: ['a', 'b'] });
    expect(ConsultationRequestSchema.safeParse(request).success).toBe(false);
  });

  it('keeps a name used both as a value and as a group, under a key the schema refuses', () => {
    const { request } = consultationRequestFromForm([...FILLED_FORM, ['name', 'Ana Reyes']]);
    expect(request).toMatchObject({ name: { '': 'Ana Reyes', given: 'Ana' } });
    expect(ConsultationRequestSchema.safeParse(request).success).toBe(false);
  });

  it('makes __proto__ and constructor plain keys, never a prototype', () => {
    const { request } = consultationRequestFromForm([
      ...FILLED_FORM,
      ['__proto__.polluted', 'yes'],
      ['name.constructor.prototype.polluted', 'yes'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(request as object)).toContain('__proto__');
    expect(Object.getOwnPropertyDescriptor(request, '__proto__')?.value).toEqual({
      polluted: 'yes',
    });
    expect(ConsultationRequestSchema.safeParse(request).success).toBe(false);
  });

  it('refuses a form over the bounds, and cuts values past the longest any field allows', () => {
    const many: Entries = [
      ...FILLED_FORM,
      ...Array.from({ length: MAX_FORM_ENTRIES }, (): [string, string] => [FIELD.days, 'monday']),
    ];
    const tooMany = consultationRequestFromForm(many).request;
    expect(ConsultationRequestSchema.safeParse(tooMany).success).toBe(false);
    expect(errorsFor(many).get('')).toEqual([FORM_PROBLEM_MESSAGE]);

    const longName = consultationRequestFromForm([...FILLED_FORM, ['x'.repeat(101), 'y']]);
    expect(ConsultationRequestSchema.safeParse(longName.request).success).toBe(false);

    const long = 'a'.repeat(MAX_FIELD_VALUE_LENGTH + 5);
    const { request, values } = consultationRequestFromForm(replace(FILLED_FORM, { reason: long }));
    expect(values.get(FIELD.reason)?.[0]).toHaveLength(MAX_FIELD_VALUE_LENGTH);
    expect(request).toMatchObject({ reason: 'a'.repeat(MAX_FIELD_VALUE_LENGTH) });
  });

  it('refuses entries that are not pairs of text, and an iterable that throws, without throwing', () => {
    const odd = [['reason', 42], ['a'], 'x', null] as unknown as Iterable<[string, string]>;
    expect(
      ConsultationRequestSchema.safeParse(consultationRequestFromForm(odd).request).success,
    ).toBe(false);
    function* failing(): Generator<[string, string]> {
      yield* FILLED_FORM;
      throw new Error('broken stream');
    }
    const { request } = consultationRequestFromForm(failing());
    expect(ConsultationRequestSchema.safeParse(request).success).toBe(false);
  });

  it('stops reading an endless iterable', () => {
    function* endless(): Generator<[string, string]> {
      for (;;) yield [FIELD.reason, 'again'];
    }
    expect(() => consultationRequestFromForm(endless())).not.toThrow();
  });
});

describe('formErrorsFromProblem', () => {
  it('says what to do with each field of an empty form, in the form’s order', () => {
    expect(errorsFor(EMPTY_FORM)).toMatchInlineSnapshot(`
      Map {
        "name.given" => [
          "Enter your first name",
        ],
        "name.family" => [
          "Enter your last name",
        ],
        "contact.phone" => [
          "Enter a phone number or an email address, so we can reply",
        ],
        "contact.preferred" => [
          "Choose how you would like us to reply",
        ],
        "reason" => [
          "Tell us briefly why you would like a consultation",
        ],
        "patientStatus" => [
          "Tell us whether you are a new or a returning patient",
        ],
        "consent.accepted" => [
          "Tick the box to agree to be contacted",
        ],
        "consent.channels" => [
          "Choose at least one way we may contact you",
        ],
      }
    `);
  });

  it('keeps the domain’s specific reasons, for a visitor', () => {
    const noPhone = replace(FILLED_FORM, { [FIELD.phone]: '' });
    expect(errorsFor(noPhone)).toEqual(
      new Map([
        [
          FIELD.phone,
          [
            'Enter a phone number or an email address, so we can reply',
            'Enter a phone number we can text, or choose another way for us to reply',
          ],
        ],
      ]),
    );
    const callMe = replace(noPhone, {
      [FIELD.email]: 'ana@example.com',
      [FIELD.preferred]: 'phone',
      [FIELD.consentChannels]: 'phone',
    });
    expect(errorsFor(callMe)).toEqual(
      new Map([
        [FIELD.phone, ['Enter a phone number we can call, or choose another way for us to reply']],
      ]),
    );
    const emailMe = replace(FILLED_FORM, {
      [FIELD.preferred]: 'email',
      [FIELD.consentChannels]: ['email', 'sms'],
    });
    expect(errorsFor(emailMe)).toEqual(
      new Map([[FIELD.email, ['Enter an email address, or choose another way for us to reply']]]),
    );
    const notCovered = replace(FILLED_FORM, { [FIELD.consentChannels]: ['phone', 'email'] });
    expect(errorsFor(notCovered)).toEqual(
      new Map([
        [FIELD.consentChannels, ['Also tick “Text message”: it is how you asked us to reply']],
      ]),
    );
  });

  it('says how a phone number, an email address and a choice should look', () => {
    const bad = replace(FILLED_FORM, {
      [FIELD.phone]: '555-0142',
      [FIELD.email]: 'ana at example',
      [FIELD.patientStatus]: 'maybe',
      [FIELD.days]: ['tuesday', 'someday'],
      [FIELD.window]: 'night',
      [FIELD.location]: 'Not A Slug',
      [FIELD.therapist]: 'Dr. Who',
      [FIELD.coverage]: 'gold',
    });
    expect(errorsFor(bad)).toMatchInlineSnapshot(`
      Map {
        "contact.phone" => [
          "Enter a phone number we can call or text, like (619) 555-0142",
        ],
        "contact.email" => [
          "Enter an email address like name@example.com",
        ],
        "patientStatus" => [
          "Tell us whether you are a new or a returning patient",
        ],
        "preferredTimes.0.days" => [
          "Choose the days that suit you from the list",
        ],
        "preferredTimes.0.window" => [
          "Choose the time of day that suits you from the list",
        ],
        "location" => [
          "Choose a location from the list",
        ],
        "therapist" => [
          "Choose a therapist from the list, or “No preference”",
        ],
        "coverage.kind" => [
          "Choose how you expect to pay from the list, or “I’d rather not say”",
        ],
      }
    `);
  });

  it('gives the limit of text that is too long, and asks again for text that is only spaces', () => {
    const long = replace(FILLED_FORM, {
      [FIELD.reason]: 'a'.repeat(2001),
      [FIELD.givenName]: 'b'.repeat(61),
      [FIELD.familyName]: '   ',
    });
    expect(errorsFor(long)).toEqual(
      new Map([
        [FIELD.givenName, ['Your first name must be 60 characters or fewer']],
        [FIELD.familyName, ['Enter your last name']],
        [FIELD.reason, ['Your reason must be 2,000 characters or fewer']],
      ]),
    );
  });

  it('asks for a broken character to be typed again', () => {
    const broken = replace(FILLED_FORM, { [FIELD.reason]: 'back pain \uD800' });
    expect(errorsFor(broken).get(FIELD.reason)).toEqual([
      'Your reason has a character we could not read: remove it and type it again',
    ]);
  });

  it('puts what names no field the visitor can fix under the form as a whole', () => {
    const stray = replace(FILLED_FORM, { [FIELD.consentVersion]: '', extra: 'x' });
    expect(errorsFor(stray)).toEqual(new Map([['', [FORM_PROBLEM_MESSAGE]]]));
    expect(
      formErrorsFromProblem([
        { path: 'headers.idempotency-key', message: 'Idempotency-Key must be 16 to 255 letters' },
        { path: 'body', message: 'Invalid input: expected object, received array' },
      ]),
    ).toEqual(new Map([['', [FORM_PROBLEM_MESSAGE]]]));
  });

  it('marks every field of a group that is missing as a whole', () => {
    expect(
      formErrorsFromProblem([
        { path: 'body.name', message: 'Invalid input: expected object, received undefined' },
        { path: 'body.contact', message: 'Invalid input: expected object, received undefined' },
      ]),
    ).toEqual(
      new Map([
        [FIELD.givenName, ['Enter your first name']],
        [FIELD.familyName, ['Enter your last name']],
        [FIELD.phone, ['Enter a phone number or an email address, so we can reply']],
        [FIELD.preferred, ['Choose how you would like us to reply']],
      ]),
    );
  });

  it('reads a problem below a field (an item of a checkbox group) as the field’s', () => {
    expect(
      formErrorsFromProblem([
        { path: 'body.consent.channels.1', message: 'Invalid option: expected one of "phone"' },
      ]),
    ).toEqual(
      new Map([[FIELD.consentChannels, ['Choose the ways we may contact you from the list']]]),
    );
  });

  it('never throws on what is not a list of problems', () => {
    fc.assert(
      fc.property(fc.anything(), (items) => {
        const errors = formErrorsFromProblem(items as never);
        for (const [, messages] of errors) expect(messages.length).toBeGreaterThan(0);
      }),
    );
  });
});

const FIELD_NAMES = Object.values(FIELD);
const DEVELOPER_WORDS = /Invalid|expected|received|Too (?:big|small)|must be text|"/;

describe('a form of anything', () => {
  const name = fc.oneof(
    fc.constantFrom(...FIELD_NAMES),
    fc.constantFrom('name', 'contact', 'preferredTimes.1.days', '__proto__', 'a..b', '.', ''),
    fc.string({ maxLength: 30 }),
  );
  const value = fc.oneof(
    fc.constantFrom('', 'true', 'on', 'sms', 'phone', 'email', 'monday', 'new', 'san-diego'),
    fc.string({ maxLength: 80, unit: 'grapheme' }),
    fc.string({ maxLength: 3000, unit: 'binary' }),
  );
  const entries = fc.array(fc.tuple(name, value), { maxLength: 120 });

  it('decodes without throwing to a request the schema accepts, or to problems for the visitor', () => {
    fc.assert(
      fc.property(entries, (form) => {
        const { request, values } = consultationRequestFromForm(form);
        expect(values.size).toBeLessThanOrEqual(MAX_FORM_ENTRIES);
        const problems = problemsOf(request);
        if (problems.length === 0) return;
        const errors = formErrorsFromProblem(problems);
        expect(errors.size).toBeGreaterThan(0);
        for (const [field, messages] of errors) {
          expect(['', ...FIELD_NAMES]).toContain(field);
          expect(messages.length).toBeGreaterThan(0);
          for (const message of messages) expect(message).not.toMatch(DEVELOPER_WORDS);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('decodes any filled-in form with one field spoilt to problems naming that field or the form', () => {
    const spoilt = fc.tuple(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(spoilt, ([field, text]) => {
        const form = replace(FILLED_FORM, { [field]: text });
        const errors = errorsFor(form);
        for (const key of errors.keys()) {
          expect([
            '',
            field,
            FIELD.phone,
            FIELD.email,
            FIELD.consentChannels,
            FIELD.days,
            FIELD.window,
          ]).toContain(key);
        }
      }),
    );
  });
});
