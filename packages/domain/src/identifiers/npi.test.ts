import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NpiSchema } from './npi.js';
import { explainInvalidNpi, isValidNpi, npiCheckDigit } from './npi-check.js';

/**
 * Plain Luhn (ISO/IEC 7812-1), written independently of npi.ts: from the right, every second
 * digit is doubled and a product over 9 has 9 taken off; the number is valid when the sum ends
 * in 0.
 */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** An NPI is valid when Luhn accepts it behind the card-issuer prefix 80840 (CMS). */
function independentNpiValid(npi: string): boolean {
  return /^[12]\d{9}$/.test(npi) && luhnValid(`80840${npi}`);
}

/** The one last digit that makes `base` a Luhn-valid NPI, found by trying all ten. */
function independentCheckDigit(base: string): number {
  const digit = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => luhnValid(`80840${base}${d}`));
  if (digit === undefined) throw new Error(`no check digit for ${base}`);
  return digit;
}

/** The first base from 100000000 up whose check digit is 0, found by a loop. */
function firstBaseWithCheckDigitZero(): string {
  for (let n = 100_000_000; n < 200_000_000; n++) {
    const base = String(n);
    if (luhnValid(`80840${base}0`)) return base;
  }
  throw new Error('no base with check digit 0');
}

const NPI_WITH_CHECK_DIGIT_ZERO = `${firstBaseWithCheckDigitZero()}0`;

describe('the test oracle', () => {
  it.each([
    ['1234567893', true],
    ['1234567890', false],
    ['1558598797', true],
    ['1234567894', false],
  ])('independent Luhn over 80840 + %s is %s', (npi, expected) => {
    expect(luhnValid(`80840${npi}`)).toBe(expected);
  });

  it('found an NPI whose check digit is 0', () => {
    expect(NPI_WITH_CHECK_DIGIT_ZERO).toMatch(/^1\d{8}0$/);
    expect(luhnValid(`80840${NPI_WITH_CHECK_DIGIT_ZERO}`)).toBe(true);
  });
});

describe('npiCheckDigit', () => {
  it.each([
    ['123456789', 3],
    ['155859879', 7],
    ['129572356', 7],
    ['152806083', 7],
    ['100000000', 4],
    ['999999999', 5],
    ['000000000', 6],
  ])('npiCheckDigit(%j) is %i', (base, expected) => {
    expect(npiCheckDigit(base)).toBe(expected);
  });

  it('is 0, not 10, when the Luhn total already ends in 0', () => {
    expect(npiCheckDigit(NPI_WITH_CHECK_DIGIT_ZERO.slice(0, 9))).toBe(0);
  });

  it.each([
    ['empty', ''],
    ['eight digits', '12345678'],
    ['ten digits', '1234567893'],
    ['a letter', '12345678a'],
    ['a space', ' 12345678'],
    ['a trailing newline', '123456789\n'],
    ['a hyphen', '1234-5678'],
    ['full-width digits', '１２３４５６７８９'],
  ])('is undefined for %s', (_why, base) => {
    expect(npiCheckDigit(base)).toBeUndefined();
  });

  it('agrees with an independent Luhn for every 9-digit base', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (base) => {
        expect(npiCheckDigit(base)).toBe(independentCheckDigit(base));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isValidNpi and explainInvalidNpi', () => {
  it.each([
    ['the CMS example', '1234567893'],
    ['a published NPI', '1558598797'],
    ['a published NPI', '1295723567'],
    ['a published NPI', '1528060837'],
    ['an NPI whose check digit is 0', NPI_WITH_CHECK_DIGIT_ZERO],
    ['a type 2 (organization) NPI', `200000000${independentCheckDigit('200000000')}`],
    ['the sample organization NPI', '1839204751'],
  ])('accepts %s: %s', (_why, npi) => {
    expect(independentNpiValid(npi)).toBe(true);
    expect(isValidNpi(npi)).toBe(true);
    expect(explainInvalidNpi(npi)).toBeUndefined();
  });

  it.each([
    ['1234567890', 3],
    ['1234567894', 3],
    ['1558598790', 7],
    ['1295723568', 7],
    ['1528060838', 7],
    [`${NPI_WITH_CHECK_DIGIT_ZERO.slice(0, 9)}1`, 0],
  ])('rejects %s for its check digit (should be %i)', (npi, expected) => {
    expect(isValidNpi(npi)).toBe(false);
    expect(explainInvalidNpi(npi)).toBe(
      `NPI "${npi}" fails the CMS check digit (the last digit should be ${expected}); ` +
        'check for a typo',
    );
  });

  it.each([
    ['1234567839', 'two digits swapped'],
    ['1234567983', 'two digits swapped'],
    ['1234557893', 'one digit changed'],
    ['2234567893', 'the first digit changed'],
  ])('rejects %s (%s)', (npi) => {
    expect(independentNpiValid(npi)).toBe(false);
    expect(isValidNpi(npi)).toBe(false);
  });

  it.each(['0', '3', '4', '5', '6', '7', '8', '9'])(
    'rejects an NPI starting with %s even with a correct check digit',
    (first) => {
      const base = `${first}23456789`;
      const npi = `${base}${independentCheckDigit(base)}`;
      expect(luhnValid(`80840${npi}`)).toBe(true);
      expect(isValidNpi(npi)).toBe(false);
      expect(explainInvalidNpi(npi)).toBe(`NPI "${npi}" must start with 1 or 2`);
    },
  );

  it.each([
    ['empty', ''],
    ['nine digits', '123456789'],
    ['eleven digits', '12345678933'],
    ['the 15-digit card form', '808401234567893'],
    ['a letter', '123456789X'],
    ['hyphens', '123-456-7893'],
    ['spaces', '1234 567 893'],
    ['a leading space', ' 1234567893'],
    ['a trailing space', '1234567893 '],
    ['a trailing newline', '1234567893\n'],
    ['full-width digits', '１２３４５６７８９３'],
  ])('rejects %s as not 10 digits', (_why, npi) => {
    expect(isValidNpi(npi)).toBe(false);
    expect(explainInvalidNpi(npi)).toBe(`NPI "${npi}" must be exactly 10 digits`);
  });
});

describe('NpiSchema', () => {
  it.each(['1234567893', '1558598797', '1295723567', '1528060837', NPI_WITH_CHECK_DIGIT_ZERO])(
    'accepts %j',
    (npi) => {
      expect(NpiSchema.safeParse(npi)).toEqual({ success: true, data: npi });
    },
  );

  it.each(['1234567890', '0234567893', '123456789', '123456789X', ''])(
    'rejects %j with one invalid-npi issue carrying the explanation',
    (npi) => {
      const result = NpiSchema.safeParse(npi);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({
          code: 'custom',
          path: [],
          message: explainInvalidNpi(npi),
          params: { code: 'invalid-npi' },
        }),
      ]);
    },
  );

  it('rejects text over 20 characters', () => {
    const result = NpiSchema.safeParse('1'.repeat(21));
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ code: 'too_big' }));
  });

  it.each([
    ['a number', 1234567893],
    ['null', null],
  ])('rejects %s as not a string (quote NPIs in YAML)', (_what, input) => {
    const result = NpiSchema.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.code)).toEqual(['invalid_type']);
  });
});

describe('NPI properties', () => {
  const base = fc.stringMatching(/^[12]\d{8}$/);

  it('accepts base + check digit and rejects every other last digit', () => {
    fc.assert(
      fc.property(base, (b) => {
        const check = npiCheckDigit(b);
        expect(check).toBe(independentCheckDigit(b));
        for (let last = 0; last <= 9; last++) {
          expect(isValidNpi(`${b}${last}`)).toBe(last === check);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the independent Luhn check for any 10-digit string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (npi) => {
        expect(isValidNpi(npi)).toBe(independentNpiValid(npi));
        expect(NpiSchema.safeParse(npi).success).toBe(independentNpiValid(npi));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the independent check for valid NPIs built from any base', () => {
    const valid = base.map((b) => `${b}${independentCheckDigit(b)}`);
    fc.assert(
      fc.property(valid, (npi) => {
        expect(isValidNpi(npi)).toBe(true);
      }),
    );
  });

  it('never throws and explains every rejection', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(isValidNpi(text)).toBe(explainInvalidNpi(text) === undefined);
        expect(isValidNpi(text)).toBe(independentNpiValid(text));
      }),
    );
  });
});
