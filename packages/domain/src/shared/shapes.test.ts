import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WeekdaySchema } from '../clinic/opening-hours.js';
import { ContactChannelSchema, ContactPurposeSchema } from '../contact/contact-channel.js';
import { parseNanp } from '../contact/phone-number.js';
import { isUsStateCode } from '../contact/us-state-codes.js';
import { CREDENTIAL_CATALOG } from '../credentials/catalog.js';
import { CREDENTIAL_KINDS } from '../credentials/catalog-entry.js';
import { ProcedureCodeSchema } from '../identifiers/procedure-code.js';
import { isProcedureCode } from '../identifiers/procedure-code-system.js';
import { sampleClinic } from '../test-support/sample-clinic-value.js';
import { TherapistRoleSchema } from '../therapists/therapist.js';
import { type ArgumentShape, shapeMismatch } from './arguments.js';
import {
  ARTICLE_BODY,
  CATALOG_ENTRY,
  CLINIC,
  CLINIC_REFERENCES,
  CONTACT_CHANNEL,
  CONTACT_CHANNEL_KINDS,
  CONTACT_CHANNELS,
  CONTACT_PURPOSES,
  CUSTOM_CREDENTIALS,
  LINTED_THERAPIST,
  LOCATION,
  PERSON,
  POSTAL_ADDRESS,
  SCHEDULE,
  SEARCHED_CHANNELS,
  STORED_PHONE_PATTERN,
  THERAPIST,
  TREATMENT,
  USPS_CODE_PATTERN,
} from './shapes.js';

// A shape that refused what the schemas accept would make a function refuse a parsed value, so
// the shapes are pinned to the schemas here: the sample clinic fits them, and their lists and
// patterns are the schemas' own.

const fits = (value: unknown, expected: ArgumentShape) => shapeMismatch(value, expected.shape);

describe('the parsed sample clinic fits every shape', () => {
  const clinic = sampleClinic();

  it('as a whole', () => {
    expect(fits(clinic, CLINIC)).toBeUndefined();
    expect(fits(clinic, CLINIC_REFERENCES)).toBeUndefined();
  });

  it('in its parts', () => {
    for (const location of clinic.locations) {
      expect(fits(location, LOCATION)).toBeUndefined();
      expect(fits(location, SCHEDULE)).toBeUndefined();
      expect(fits(location.address, POSTAL_ADDRESS)).toBeUndefined();
      expect(fits(location.contact, CONTACT_CHANNELS)).toBeUndefined();
    }
    for (const therapist of clinic.therapists) {
      expect(fits(therapist, THERAPIST)).toBeUndefined();
      expect(fits(therapist, LINTED_THERAPIST)).toBeUndefined();
      expect(fits(therapist, PERSON)).toBeUndefined();
    }
    for (const treatment of clinic.treatments) expect(fits(treatment, TREATMENT)).toBeUndefined();
    for (const article of clinic.articles) expect(fits(article, ARTICLE_BODY)).toBeUndefined();
  });

  it('and every catalog entry fits CATALOG_ENTRY', () => {
    for (const entry of CREDENTIAL_CATALOG)
      expect(fits(entry, CATALOG_ENTRY), entry.id).toBeUndefined();
  });

  it('and CATALOG_ENTRY takes every credential kind, and no other', () => {
    const [first] = CREDENTIAL_CATALOG;
    for (const kind of CREDENTIAL_KINDS)
      expect(fits({ ...first, kind }, CATALOG_ENTRY), kind).toBeUndefined();
    expect(fits({ ...first, kind: 'diploma' }, CATALOG_ENTRY)).toBeDefined();
  });

  it('and CUSTOM_CREDENTIALS takes every credential kind and renewal the catalog uses, and no other kind', () => {
    const custom = { abbreviation: 'CFMT', name: 'Certified Functional Manual Therapist' };
    for (const kind of CREDENTIAL_KINDS)
      expect(fits([{ ...custom, kind }], CUSTOM_CREDENTIALS), kind).toBeUndefined();
    for (const entry of CREDENTIAL_CATALOG)
      expect(
        fits([{ ...custom, kind: entry.kind, renewal: entry.renewal }], CUSTOM_CREDENTIALS),
        entry.id,
      ).toBeUndefined();
    expect(fits([{ ...custom, kind: 'diploma' }], CUSTOM_CREDENTIALS)?.path).toEqual([0, 'kind']);
  });
});

describe('the lists are the schemas’ lists', () => {
  it('contact channel kinds and purposes', () => {
    expect([...CONTACT_PURPOSES]).toEqual(ContactPurposeSchema.options);
    const kinds = ContactChannelSchema.options.map((option) => option.shape.kind.value);
    expect([...CONTACT_CHANNEL_KINDS]).toEqual(kinds);
  });

  it('and the channel shapes take exactly those kinds and purposes', () => {
    const channel = (kind: string, purpose: string) => ({
      kind,
      value: kind === 'email' || kind === 'web' ? 'x' : '+16195441055',
      purposes: [purpose],
    });
    for (const kind of CONTACT_CHANNEL_KINDS) {
      for (const purpose of CONTACT_PURPOSES) {
        expect(fits(channel(kind, purpose), CONTACT_CHANNEL), `${kind} ${purpose}`).toBeUndefined();
        expect(fits([channel(kind, purpose)], SEARCHED_CHANNELS), kind).toBeUndefined();
      }
    }
    expect(fits(channel('pager', 'general'), CONTACT_CHANNEL)).toBeDefined();
    expect(fits([channel('pager', 'general')], SEARCHED_CHANNELS)).toBeDefined();
    expect(fits(channel('phone', 'marketing'), CONTACT_CHANNEL)).toBeDefined();
    expect(fits([channel('phone', 'marketing')], SEARCHED_CHANNELS)).toBeDefined();
  });

  it('weekdays and roles', () => {
    const clinic = sampleClinic();
    const [location] = clinic.locations;
    const [therapist] = clinic.therapists;
    const withDay = (day: string) => ({
      ...location,
      hours: { weekly: [{ days: [day], opens: '08:00', closes: '17:00' }], exceptions: [] },
    });
    for (const day of WeekdaySchema.options) expect(fits(withDay(day), SCHEDULE)).toBeUndefined();
    expect(fits(withDay('Monday'), SCHEDULE)).toBeDefined();
    for (const role of TherapistRoleSchema.options)
      expect(fits({ ...therapist, role }, THERAPIST)).toBeUndefined();
    expect(fits({ ...therapist, role: 'DPT' }, THERAPIST)).toBeDefined();
  });
});

describe('the patterns are the parsers’ rules', () => {
  it('a stored phone number is what parseNanp makes of itself', () => {
    const digits = fc.stringMatching(/^[0-9]{10}$/);
    const stored = fc
      .tuple(digits, fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }))
      .map(([ten, ext]) => `+1${ten}${ext === undefined ? '' : `;ext=${ext}`}`);
    fc.assert(
      fc.property(fc.oneof(stored, fc.string({ maxLength: 24 })), (text) => {
        const parsed = parseNanp(text);
        expect(STORED_PHONE_PATTERN.test(text)).toBe(parsed.ok && parsed.value === text);
      }),
      { numRuns: 2000 },
    );
  });

  it('a USPS code is one of US_STATES', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const a of letters)
      for (const b of letters)
        expect(USPS_CODE_PATTERN.test(a + b), a + b).toBe(isUsStateCode(a + b));
    expect(USPS_CODE_PATTERN.test('ca')).toBe(false);
  });

  it('a procedure code is what ProcedureCodeSchema accepts', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^[0-9A-Z]{4,6}$/), fc.string({ maxLength: 6 })),
        (text) => {
          expect(isProcedureCode(text)).toBe(ProcedureCodeSchema.safeParse(text).success);
        },
      ),
    );
  });
});
