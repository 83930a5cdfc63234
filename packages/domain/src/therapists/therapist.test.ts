import { describe, expect, it } from 'vitest';
import { CredentialSchema } from '../credentials/credential.js';
import { therapistDisplayName } from './display-name.js';
import { TherapistSchema } from './therapist.js';

const mark = {
  slug: 'mark-shulman',
  name: { given: 'Mark', family: 'Shulman' },
  honorificPrefix: 'Dr.',
  role: 'PT',
  credentialListing: 'Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS',
  npi: '1234567893',
  locations: ['san-diego'],
};

describe('TherapistSchema', () => {
  it('keeps the listing exactly as displayed and fills defaults', () => {
    const parsed = TherapistSchema.parse({ ...mark, credentialListing: ' PT,  DPT ' });
    expect(parsed.credentialListing).toBe(' PT,  DPT ');
    expect(parsed.languages).toEqual(['en']);
    expect(parsed.credentials).toEqual([]);
    expect(therapistDisplayName(parsed)).toBe('Dr. Mark Shulman');
  });

  it.each([
    ['an invalid NPI', { npi: '1234567890' }, 'npi'],
    ['an unknown role', { role: 'DPT' }, 'role'],
    ['a language tag that is not BCP 47', { languages: ['english!'] }, 'languages.0'],
    ['a bad taxonomy code', { specialties: ['2251X0800'] }, 'specialties.0'],
    ['no location', { locations: [] }, 'locations'],
    ['an http photo', { photo: { url: 'http://example.com/a.jpg', alt: 'Mark' } }, 'photo.url'],
    ['an over-long listing', { credentialListing: 'PT, '.repeat(80) }, 'credentialListing'],
  ])('refuses %s', (_name, change, path) => {
    const result = TherapistSchema.safeParse({ ...mark, ...change });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([path]);
  });

  it('canonicalises language tags', () => {
    expect(TherapistSchema.parse({ ...mark, languages: ['EN', 'zh-hant'] }).languages).toEqual([
      'en',
      'zh-Hant',
    ]);
  });
});

describe('CredentialSchema', () => {
  it('takes a license with its state and dates', () => {
    const pt = CredentialSchema.parse({
      abbreviation: 'PT',
      issuer: 'Physical Therapy Board of California',
      earned: '2012-06-01',
      expires: '2027-08-31',
      license: { number: 'PT 38291', state: 'CA' },
    });
    expect(pt.license).toEqual({ number: 'PT 38291', state: 'CA' });
  });

  it.each(['DPT', 'OTR/L', 'Cert. MDT', 'LAc', 'FAAOMPT'])(
    'accepts the abbreviation %j',
    (abbreviation) => {
      expect(CredentialSchema.safeParse({ abbreviation }).success).toBe(true);
    },
  );

  it.each(['', '-PT', 'PT<script>', 'A'.repeat(21)])(
    'refuses the abbreviation %j',
    (abbreviation) => {
      expect(CredentialSchema.safeParse({ abbreviation }).success).toBe(false);
    },
  );

  it('refuses an expiry before the date earned, and a license from an unknown state', () => {
    const result = CredentialSchema.safeParse({
      abbreviation: 'PT',
      earned: '2020-01-01',
      expires: '2019-12-31',
      license: { number: '123', state: 'XX' },
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['license.state']);
    const dates = CredentialSchema.safeParse({
      abbreviation: 'PT',
      earned: '2020-01-01',
      expires: '2019-12-31',
    });
    expect(dates.error?.issues.map((i) => i.path.join('.'))).toEqual(['expires']);
  });
});
