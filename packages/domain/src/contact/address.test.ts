import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PostalAddressSchema, ZipCodeSchema } from './address.js';
import { formatPostalAddress, usStateName } from './address-format.js';
import {
  isUsStateCode,
  suggestUsStateCode,
  US_STATES,
  type UsStateCode,
  UsStateCodeSchema,
} from './us-state.js';

/** The 50 states, written out here independently of US_STATES. */
const FIFTY_STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
];
/** DC, the territories, the freely associated states and the Armed Forces codes (USPS Pub. 28). */
const OTHER_USPS_CODES = ['DC', 'AS', 'GU', 'MP', 'PR', 'VI', 'FM', 'MH', 'PW', 'AA', 'AE', 'AP'];

const ADDRESS = {
  lines: ['1601 Kettner Blvd Suite 11'],
  city: 'San Diego',
  state: 'CA',
  postalCode: '92101',
};

/** The issues a schema parse reports, or none when it succeeds. */
function stateIssues(input: unknown) {
  const result = UsStateCodeSchema.safeParse(input);
  return result.success ? [] : result.error.issues;
}

function addressIssues(input: unknown) {
  const result = PostalAddressSchema.safeParse(input);
  return result.success ? [] : result.error.issues;
}

describe('ZipCodeSchema', () => {
  it.each(['92101', '92101-1234', '00501', '99950', '10001-0001', '00000'])('accepts %j', (zip) => {
    expect(ZipCodeSchema.safeParse(zip)).toEqual({ success: true, data: zip });
  });

  it.each([
    '9210',
    '92101-12',
    'abcde',
    '921011',
    '92101-',
    '92101-123',
    '92101-12345',
    '92101 1234',
    '921011234',
    '92101–1234',
    ' 92101',
    '92101 ',
    '92101\n',
    '9210a',
    '',
  ])('rejects %j with the ZIP message', (zip) => {
    const result = ZipCodeSchema.safeParse(zip);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(
      expect.objectContaining({
        code: 'invalid_format',
        message: 'must be a ZIP code of 5 digits, or ZIP+4 like "92101-1234"',
      }),
    );
  });

  it.each([
    ['a number', 92101],
    ['null', null],
  ])('rejects %s as not a string (quote ZIPs in YAML)', (_what, input) => {
    const result = ZipCodeSchema.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.code)).toEqual(['invalid_type']);
  });

  it('accepts every 5-digit and ZIP+4 string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5}(-\d{4})?$/), (zip) => {
        expect(ZipCodeSchema.safeParse(zip).success).toBe(true);
      }),
    );
  });

  it('rejects every all-digit string that is not 5 digits long', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), maxLength: 12 });
    fc.assert(
      fc.property(
        digits.filter((zip) => zip.length !== 5),
        (zip) => {
          expect(ZipCodeSchema.safeParse(zip).success).toBe(false);
        },
      ),
    );
  });
});

describe('UsStateCodeSchema', () => {
  it.each([...FIFTY_STATES, ...OTHER_USPS_CODES])('accepts %s', (code) => {
    expect(UsStateCodeSchema.safeParse(code)).toEqual({ success: true, data: code });
  });

  it('knows the 50 states, DC, 5 territories, 3 associated states and AA/AE/AP', () => {
    expect(new Set(FIFTY_STATES).size).toBe(50);
    expect(Object.keys(US_STATES).sort()).toEqual([...FIFTY_STATES, ...OTHER_USPS_CODES].sort());
  });

  it.each([
    ['Ca', 'CA'],
    ['ca', 'CA'],
    ['cA', 'CA'],
    [' CA', 'CA'],
    ['CA ', 'CA'],
    ['C.A.', 'CA'],
    ['N.Y.', 'NY'],
    ['pr', 'PR'],
    ['dc', 'DC'],
    ['California', 'CA'],
    ['california', 'CA'],
    ['CALIFORNIA', 'CA'],
    ['New York', 'NY'],
    ['new-york', 'NY'],
    ['NewYork', 'NY'],
    ['District of Columbia', 'DC'],
    ['Puerto Rico', 'PR'],
    ['U.S. Virgin Islands', 'VI'],
    ['Armed Forces Europe', 'AE'],
    ['West Virginia', 'WV'],
  ])('rejects %j with unknown-state and the fix %j', (text, fix) => {
    const issues = stateIssues(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'custom',
      path: [],
      message: `unknown state "${text}"; did you mean "${fix}"?`,
      params: { code: 'unknown-state', fix },
    });
  });

  it.each(['ZZ', 'XX', 'Californ', 'USA', 'Ontario', '', '  ', 'toString', '__proto__', 'C A'])(
    'rejects %j with unknown-state and no fix',
    (text) => {
      const issues = stateIssues(text);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        code: 'custom',
        message: `unknown state "${text}"; use a two-letter USPS code such as "CA"`,
        params: { code: 'unknown-state' },
      });
      expect(issues[0]).not.toHaveProperty('params.fix');
    },
  );

  it('rejects text over 40 characters without reading it', () => {
    expect(stateIssues('C'.repeat(41)).map((issue) => issue.code)).toEqual(['too_big']);
  });

  it.each([
    ['a number', 6],
    ['null', null],
  ])('rejects %s as not a string', (_what, input) => {
    expect(stateIssues(input).map((issue) => issue.code)).toEqual(['invalid_type']);
  });
});

describe('isUsStateCode', () => {
  it.each([
    ['CA', true],
    ['PR', true],
    ['AP', true],
    ['ca', false],
    ['Ca', false],
    ['ZZ', false],
    [' CA', false],
    ['', false],
    ['toString', false],
    ['__proto__', false],
    ['constructor', false],
  ])('isUsStateCode(%j) is %s', (text, expected) => {
    expect(isUsStateCode(text)).toBe(expected);
  });
});

describe('suggestUsStateCode', () => {
  it.each([
    ['ca', 'CA'],
    ['  tx  ', 'TX'],
    ['T.X.', 'TX'],
    ['texas', 'TX'],
    ['Texas', 'TX'],
    ['north carolina', 'NC'],
    ['North-Dakota', 'ND'],
    ['Northern Mariana Islands', 'MP'],
    ['Federated States of Micronesia', 'FM'],
    ['zz', undefined],
    ['Tex', undefined],
    ['', undefined],
    ['constructor', undefined],
  ])('suggestUsStateCode(%j) is %j', (text, expected) => {
    expect(suggestUsStateCode(text)).toBe(expected);
  });

  it('suggests every code from its lowercase code and from its full name', () => {
    for (const [code, name] of Object.entries(US_STATES)) {
      expect(suggestUsStateCode(code.toLowerCase())).toBe(code);
      expect(suggestUsStateCode(name)).toBe(code);
      expect(suggestUsStateCode(name.toUpperCase())).toBe(code);
    }
  });
});

describe('usStateName', () => {
  const names: ReadonlyArray<[UsStateCode, string]> = [
    ['CA', 'California'],
    ['NY', 'New York'],
    ['DC', 'District of Columbia'],
    ['PR', 'Puerto Rico'],
    ['VI', 'U.S. Virgin Islands'],
    ['AP', 'Armed Forces Pacific'],
  ];

  it.each(names)('usStateName(%j) is %j', (code, name) => {
    expect(usStateName(code)).toBe(name);
  });
});

describe('PostalAddressSchema', () => {
  it('parses an address and defaults the country to US', () => {
    expect(PostalAddressSchema.parse(ADDRESS)).toStrictEqual({ ...ADDRESS, country: 'US' });
  });

  it('accepts an explicit US country', () => {
    expect(PostalAddressSchema.parse({ ...ADDRESS, country: 'US' }).country).toBe('US');
  });

  it('trims street lines and the city', () => {
    const parsed = PostalAddressSchema.parse({
      ...ADDRESS,
      lines: ['  1601 Kettner Blvd  ', '\tSuite 11 '],
      city: ' San Diego ',
    });
    expect(parsed.lines).toEqual(['1601 Kettner Blvd', 'Suite 11']);
    expect(parsed.city).toBe('San Diego');
  });

  it.each([
    ['one line', ['1601 Kettner Blvd']],
    ['two lines', ['1601 Kettner Blvd', 'Suite 11']],
    ['three lines', ['Attn: Front Desk', '1601 Kettner Blvd', 'Suite 11']],
    ['a line of 100 characters', ['x'.repeat(100)]],
    ['a line of 100 characters after trimming', [` ${'x'.repeat(100)} `]],
  ])('accepts %s', (_what, lines) => {
    expect(addressIssues({ ...ADDRESS, lines })).toEqual([]);
  });

  it.each([
    ['no lines', [], 'too_small', ['lines']],
    ['four lines', ['a', 'b', 'c', 'd'], 'too_big', ['lines']],
    ['a line of 101 characters', ['x'.repeat(101)], 'too_big', ['lines', 0]],
    ['an empty line', ['1601 Kettner Blvd', ''], 'too_small', ['lines', 1]],
    ['a blank line', ['   '], 'too_small', ['lines', 0]],
  ])('rejects %s', (_what, lines, code, path) => {
    expect(addressIssues({ ...ADDRESS, lines })).toEqual([expect.objectContaining({ code, path })]);
  });

  it.each([
    ['a city of 64 characters', 'c'.repeat(64), []],
    ['a city of 65 characters', 'c'.repeat(65), ['too_big']],
    ['an empty city', '', ['too_small']],
    ['a blank city', '  ', ['too_small']],
  ])('checks the city length: %s', (_what, city, codes) => {
    const issues = addressIssues({ ...ADDRESS, city });
    expect(issues.map((issue) => issue.code)).toEqual(codes);
    for (const issue of issues) expect(issue.path).toEqual(['city']);
  });

  it('reports an unknown state at its path with the fix', () => {
    expect(addressIssues({ ...ADDRESS, state: 'Ca' })).toEqual([
      expect.objectContaining({
        code: 'custom',
        path: ['state'],
        params: { code: 'unknown-state', fix: 'CA' },
      }),
    ]);
  });

  it.each(['9210', '92101-12', 'abcde'])('reports the bad ZIP %j at postalCode', (postalCode) => {
    expect(addressIssues({ ...ADDRESS, postalCode })).toEqual([
      expect.objectContaining({ code: 'invalid_format', path: ['postalCode'] }),
    ]);
  });

  it('accepts a ZIP+4', () => {
    expect(PostalAddressSchema.parse({ ...ADDRESS, postalCode: '92101-1234' }).postalCode).toBe(
      '92101-1234',
    );
  });

  it.each(['CA', 'MX', 'us', 'USA', ''])('rejects the country %j', (country) => {
    expect(addressIssues({ ...ADDRESS, country })).toEqual([
      expect.objectContaining({ code: 'invalid_value', path: ['country'] }),
    ]);
  });

  it.each([
    ['zip', { zip: '92101' }],
    ['street', { street: '1601 Kettner Blvd' }],
    ['line1', { line1: '1601 Kettner Blvd' }],
    ['county', { county: 'San Diego' }],
  ])('rejects the unknown key %j', (key, extra) => {
    expect(addressIssues({ ...ADDRESS, ...extra })).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: [key] }),
    ]);
  });

  it.each(['lines', 'city', 'state', 'postalCode'])('requires %s', (key) => {
    const partial = Object.fromEntries(Object.entries(ADDRESS).filter(([k]) => k !== key));
    expect(addressIssues(partial)).toEqual([
      expect.objectContaining({ code: 'invalid_type', path: [key] }),
    ]);
  });

  it.each([
    ['a string', '1601 Kettner Blvd, San Diego, CA 92101'],
    ['null', null],
    ['an array', [ADDRESS]],
  ])('rejects %s', (_what, input) => {
    expect(addressIssues(input).map((issue) => issue.code)).toEqual(['invalid_type']);
  });
});

describe('formatPostalAddress', () => {
  it.each([
    ['one street line', ADDRESS, ['1601 Kettner Blvd Suite 11', 'San Diego, CA 92101']],
    [
      'two street lines and ZIP+4',
      { ...ADDRESS, lines: ['1601 Kettner Blvd', 'Suite 11'], postalCode: '92101-1234' },
      ['1601 Kettner Blvd', 'Suite 11', 'San Diego, CA 92101-1234'],
    ],
    [
      'three street lines',
      {
        lines: ['Attn: Billing', '350 Fifth Ave', 'Floor 21'],
        city: 'New York',
        state: 'NY',
        postalCode: '10118',
      },
      ['Attn: Billing', '350 Fifth Ave', 'Floor 21', 'New York, NY 10118'],
    ],
    [
      'trimmed input',
      { ...ADDRESS, lines: [' 1601 Kettner Blvd '], city: ' San Diego ', postalCode: '00501' },
      ['1601 Kettner Blvd', 'San Diego, CA 00501'],
    ],
  ])('formats %s', (_what, input, expected) => {
    expect(formatPostalAddress(PostalAddressSchema.parse(input))).toEqual(expected);
  });

  it('does not change the address it formats', () => {
    const address = PostalAddressSchema.parse(ADDRESS);
    formatPostalAddress(address);
    expect(address.lines).toEqual(['1601 Kettner Blvd Suite 11']);
  });
});
