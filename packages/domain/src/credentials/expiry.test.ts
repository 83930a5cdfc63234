import { describe, expect, it } from 'vitest';
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
