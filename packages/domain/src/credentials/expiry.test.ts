import { addYears } from 'date-fns/addYears';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { formatISO } from 'date-fns/formatISO';
import { parseISO } from 'date-fns/parseISO';
import { subDays } from 'date-fns/subDays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from './catalog-entry.js';
import { findCredential } from './catalog-lookup.js';
import { credentialExpiry, expiryFromCycle } from './expiry.js';

const entry = (abbreviation: string) => {
  const found = findCredential(abbreviation);
  if (!found) throw new Error(`no ${abbreviation} in the catalog`);
  return found;
};

describe('expiryFromCycle', () => {
  it.each([
    ['OCS', '2016-05-01', '2026-04-30'], // ABPTS: 10 years
    ['CHT', '2020-02-29', '2025-02-27'], // HTCC: 5 years, from a leap day
    ['ATC', '2024-07-15', '2026-07-14'], // BOC: 2 years
    ['CSCS', '2025-03-01', '2026-12-31'], // NSCA: the cycle that ends in 2026
    ['CSCS', '2026-12-31', '2026-12-31'],
    ['CSCS', '2027-01-01', '2029-12-31'],
    ['CSCS', '2022-06-01', '2023-12-31'],
    ['DPT', '2012-05-01', undefined], // degrees never lapse
    ['PT', '2012-05-01', undefined], // set by each state board
    ['PRPC', '2012-05-01', undefined], // UNCONFIRMED: no guess
  ])('%s earned %s lapses after %s', (abbreviation, earned, expires) => {
    expect(expiryFromCycle(entry(abbreviation), earned)).toBe(expires);
  });
});

describe('credentialExpiry', () => {
  const asOf = '2026-11-27';

  it.each([
    [
      { expires: '2026-12-31' },
      'CSCS',
      { status: 'expiring', expires: '2026-12-31', basis: 'stated', daysLeft: 34 },
    ],
    [
      { expires: '2027-08-31' },
      'PT',
      { status: 'active', expires: '2027-08-31', basis: 'stated', daysLeft: 277 },
    ],
    [
      { expires: '2026-11-26' },
      'PT',
      { status: 'expired', expires: '2026-11-26', basis: 'stated', daysLeft: -1 },
    ],
    [
      { expires: '2026-11-27' },
      'PT',
      { status: 'expiring', expires: '2026-11-27', basis: 'stated', daysLeft: 0 },
    ],
    [
      { earned: '2016-05-01' },
      'OCS',
      { status: 'expired', expires: '2026-04-30', basis: 'catalog-cycle', daysLeft: -211 },
    ],
    [
      { earned: '2025-03-01' },
      'CSCS',
      { status: 'expiring', expires: '2026-12-31', basis: 'catalog-cycle', daysLeft: 34 },
    ],
    [{ earned: '2012-05-01' }, 'DPT', { status: 'no-expiry' }],
    [{ earned: '2012-05-01' }, 'PRPC', { status: 'unknown' }],
    [{}, 'PT', { status: 'unknown' }],
  ])('%j %s as of 2026-11-27', (credential, abbreviation, expected) => {
    expect(credentialExpiry(credential, entry(abbreviation), asOf)).toEqual(expected);
  });

  it('counts as expiring only inside the window', () => {
    expect(credentialExpiry({ expires: '2026-12-31' }, entry('CSCS'), asOf, 30).status).toBe(
      'active',
    );
    expect(credentialExpiry({ expires: '2026-12-31' }, entry('CSCS'), asOf, 34).status).toBe(
      'expiring',
    );
  });

  it('gives the same answer whatever the process zone', () => {
    const previous = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
        process.env.TZ = zone;
        expect(credentialExpiry({ earned: '2016-05-01' }, entry('OCS'), asOf).expires).toBe(
          '2026-04-30',
        );
      }
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });
});

describe('the calendar arithmetic, against date-fns (what it replaced, to keep date-fns out of the linter)', () => {
  const isoDate = fc
    .date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9899-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const everyYears = (years: number): CatalogEntry => ({
    id: 'X',
    aliases: [],
    name: 'X',
    longForms: [],
    kind: 'certification',
    issuers: [],
    renewal: { kind: 'years', years },
    source: 'test',
  });

  it('ends a cycle the day before the anniversary, Feb 29 included', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 100 }), (earned, years) => {
        const dateFns = formatISO(subDays(addYears(parseISO(earned), years), 1), {
          representation: 'date',
        });
        expect(expiryFromCycle(everyYears(years), earned)).toBe(dateFns);
      }),
    );
    expect(expiryFromCycle(everyYears(1), '2024-02-29')).toBe('2025-02-27');
    expect(expiryFromCycle(everyYears(4), '2024-02-29')).toBe('2028-02-28');
  });

  it('counts the days left by the calendar', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (asOf, expires) => {
        const dateFns = differenceInCalendarDays(parseISO(expires), parseISO(asOf));
        expect(credentialExpiry({ expires }, undefined, asOf).daysLeft).toBe(dateFns);
      }),
    );
  });
});
