import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhoneNumberSchema } from './phone.js';
import { formatPhoneNumber, parseNanp, phoneToTelUri, splitPhoneNumber } from './phone-number.js';

const NBSP = '\u00a0';
const E164 = /^\+1[2-9]\d{2}[2-9]\d{6}(?:;ext=\d{1,6})?$/;

/** The issues a schema parse reports, or none when it succeeds. */
function phoneIssues(input: unknown) {
  const result = PhoneNumberSchema.safeParse(input);
  return result.success ? [] : result.error.issues;
}

describe('parseNanp', () => {
  it.each([
    '(619) 544-1055',
    '(619)544-1055',
    '619.544.1055',
    '619-544-1055',
    '619 544 1055',
    '619/544/1055',
    '6195441055',
    '16195441055',
    '1-619-544-1055',
    '1 (619) 544-1055',
    '1.619.544.1055',
    '+1 619 544 1055',
    '+1 (619) 544-1055',
    '+1-619-544-1055',
    '+1.619.544.1055',
    '+16195441055',
    '+ 1 619 544 1055',
    '  (619) 544-1055  ',
    '\t619-544-1055\n',
    `619${NBSP}544${NBSP}1055`,
    `${NBSP}+1${NBSP}619${NBSP}544${NBSP}1055${NBSP}`,
    `(619)${NBSP}544-1055`,
  ])('reads %j as +16195441055', (text) => {
    expect(parseNanp(text)).toEqual({ ok: true, value: '+16195441055' });
  });

  it.each([
    ['619-544-1055 ext. 2', '+16195441055;ext=2'],
    ['+16195441055;ext=2', '+16195441055;ext=2'],
    ['tel:+16195441055;ext=2', '+16195441055;ext=2'],
    ['619-544-1055 ext 2', '+16195441055;ext=2'],
    ['619-544-1055 ext.2', '+16195441055;ext=2'],
    ['619-544-1055 EXT. 2', '+16195441055;ext=2'],
    ['619-544-1055 Ext 2', '+16195441055;ext=2'],
    ['619-544-1055 extension 12', '+16195441055;ext=12'],
    ['619 544 1055 x12', '+16195441055;ext=12'],
    ['619 544 1055 X12', '+16195441055;ext=12'],
    ['619 544 1055 x. 12', '+16195441055;ext=12'],
    ['6195441055x12', '+16195441055;ext=12'],
    ['619-544-1055 #7', '+16195441055;ext=7'],
    ['619-544-1055, ext. 345', '+16195441055;ext=345'],
    ['619-544-1055; ext 345', '+16195441055;ext=345'],
    ['(619) 544-1055 ext. 123456', '+16195441055;ext=123456'],
    ['(619) 544-1055 ext. 007', '+16195441055;ext=007'],
    ['+1 619 544 1055 x 0', '+16195441055;ext=0'],
    ['619-544-1055 ext. 2   ', '+16195441055;ext=2'],
    [`619-544-1055${NBSP}ext.${NBSP}2`, '+16195441055;ext=2'],
  ])('reads %j with its extension as %j', (text, expected) => {
    expect(parseNanp(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['(212) 555-0123', '+12125550123'],
    ['800.275.2273', '+18002752273'],
    ['+1 907 200 0000', '+19072000000'],
    ['1-999-999-9999', '+19999999999'],
    ['(201) 200-0000', '+12012000000'],
    ['(210) 201-0000', '+12102010000'],
    ['(219) 912-3456', '+12199123456'],
  ])('keeps the digits of %j in order as %j', (text, expected) => {
    expect(parseNanp(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['area code starting with 1', '(119) 544-1055', /area code 119 cannot start with 0 or 1/],
    ['area code starting with 0', '(019) 544-1055', /area code 019 cannot start with 0 or 1/],
    ['area code 100', '100-544-1055', /area code 100 cannot start with 0 or 1/],
    ['+1 then an area code starting with 1', '+1 119 544 1055', /area code 119/],
    ['N11 area code 211', '(211) 544-1055', /area code 211 is an N11 service code/],
    ['N11 area code 411', '(411) 544-1055', /area code 411 is an N11 service code/],
    ['N11 area code 911', '(911) 544-1055', /area code 911 is an N11 service code/],
    ['N11 area code 611', '+1 611 544 1055', /area code 611 is an N11/],
    ['exchange starting with 1', '619-144-1055', /exchange 144 cannot start with 0 or 1/],
    ['exchange starting with 0', '619-044-1055', /exchange 044 cannot start with 0 or 1/],
    ['N11 exchange 411', '619-411-1055', /exchange 411 is an N11 service code/],
    ['N11 exchange 911', '619-911-1055', /exchange 911 is an N11 service code/],
    ['N11 exchange 211', '(619) 211-1055', /exchange 211 is an N11/],
    ['nine digits', '619-544-105', /has 9 digits/],
    ['seven digits', '544-1055', /has 7 digits/],
    ['eleven digits not starting with 1', '2-619-544-1055', /has 11 digits/],
    ['twelve digits', '1-619-544-10555', /has 12 digits/],
    ['+1 and then eleven digits', '+1 1 619 544 1055', /has 12 digits/],
    ['+1 and then nine digits', '+1 619 544 105', /area code 161/],
    ['no digits', '()-.', /has 0 digits/],
    ['letters', '619-544-CALL', /contains characters other than digits/],
    ['a vanity number', '1-800-FLOWERS', /contains characters other than digits/],
    ['words', 'six one nine', /contains characters other than digits/],
    ['underscores', '619_544_1055', /contains characters other than digits/],
    ['full-width digits', '６１９-５４４-１０５５', /contains characters other than digits/],
    ['an extension with seven digits', '619 544 1055 x1234567', /contains characters/],
    ['an extension word without digits', '619-544-1055 ext.', /contains characters/],
    ['UK number', '+44 20 7946 0958', /is not a North American number \(\+1\)/],
    ['Mexican number', '+52 55 1234 5678', /is not a North American number/],
    ['Russian number', '+7 916 123 4567', /is not a North American number/],
    ['+ in the middle', '619+544+1055', /is not a North American number/],
    ['empty', '', /is empty/],
    ['only spaces', '   ', /is empty/],
    ['only non-breaking spaces', `${NBSP}${NBSP}`, /is empty/],
    ['only an extension', 'ext. 2', /is empty/],
  ])('rejects %s: %j', (_why, text, message) => {
    expect(parseNanp(text)).toEqual({
      ok: false,
      problem: { code: 'invalid-phone', message: expect.stringMatching(message) },
    });
  });
});

describe('PhoneNumberSchema', () => {
  it.each([
    ['(619) 544-1055', '+16195441055'],
    ['619.544.1055', '+16195441055'],
    ['+1 619 544 1055', '+16195441055'],
    ['1-619-544-1055', '+16195441055'],
    ['6195441055', '+16195441055'],
    ['619-544-1055 ext. 2', '+16195441055;ext=2'],
    ['619 544 1055 x12', '+16195441055;ext=12'],
    [`619${NBSP}544${NBSP}1055`, '+16195441055'],
  ])('stores %j as %j', (text, expected) => {
    expect(PhoneNumberSchema.safeParse(text)).toEqual({ success: true, data: expected });
  });

  it.each([
    '(119) 544-1055',
    '(019) 544-1055',
    '619-144-1055',
    '(211) 544-1055',
    '(411) 544-1055',
    '(911) 544-1055',
    '619-411-1055',
    '619-544-105',
    '619-544-10555',
    '619-544-CALL',
    '+44 20 7946 0958',
    '',
  ])('rejects %j with one invalid-phone issue carrying the parser message', (text) => {
    const problem = parseNanp(text);
    expect(problem.ok).toBe(false);
    const message = problem.ok ? '' : problem.problem.message;
    const issues = phoneIssues(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'custom',
      message,
      path: [],
      params: { code: 'invalid-phone' },
    });
    expect(issues[0]).not.toHaveProperty('params.fix');
  });

  it('rejects text over 40 characters before reading it', () => {
    const text = '(619) 544-1055'.padEnd(41, ' ');
    expect(parseNanp(text)).toEqual({ ok: true, value: '+16195441055' });
    const issues = phoneIssues(text);
    expect(issues.map((issue) => issue.code)).toEqual(['too_big']);
  });

  it('accepts exactly 40 characters', () => {
    const text = '(619) 544-1055'.padEnd(40, ' ');
    expect(PhoneNumberSchema.safeParse(text)).toEqual({ success: true, data: '+16195441055' });
  });

  it.each([
    ['a number', 6195441055],
    ['null', null],
    ['undefined', undefined],
    ['an object', { value: '(619) 544-1055' }],
  ])('rejects %s as not a string', (_what, input) => {
    expect(phoneIssues(input).map((issue) => issue.code)).toEqual(['invalid_type']);
  });

  it('re-parses a stored number without an extension to itself', () => {
    const stored = PhoneNumberSchema.parse('(619) 544-1055');
    expect(PhoneNumberSchema.safeParse(stored)).toEqual({ success: true, data: stored });
  });

  // The stored form (RFC 3966 ';ext=') must read back as itself.
  it('re-parses a stored number with an extension to itself', () => {
    const stored = PhoneNumberSchema.parse('619-544-1055 ext. 2');
    expect(stored).toBe('+16195441055;ext=2');
    expect(PhoneNumberSchema.safeParse(stored)).toEqual({ success: true, data: stored });
  });
});

describe('splitPhoneNumber', () => {
  it.each([
    ['(619) 544-1055', { e164: '+16195441055' }],
    ['(212) 555-0123', { e164: '+12125550123' }],
    ['619-544-1055 ext. 2', { e164: '+16195441055', extension: '2' }],
    ['619 544 1055 x123456', { e164: '+16195441055', extension: '123456' }],
    ['619-544-1055 ext. 007', { e164: '+16195441055', extension: '007' }],
  ])('splits %j into %j', (text, expected) => {
    expect(splitPhoneNumber(PhoneNumberSchema.parse(text))).toStrictEqual(expected);
  });
});

describe('formatPhoneNumber', () => {
  it.each([
    ['+16195441055', '(619) 544-1055'],
    ['619.544.1055', '(619) 544-1055'],
    ['1-212-555-0123', '(212) 555-0123'],
    ['619-544-1055 ext. 2', '(619) 544-1055 ext. 2'],
    ['619 544 1055 x12', '(619) 544-1055 ext. 12'],
    ['+1 800 275 2273 #007', '(800) 275-2273 ext. 007'],
  ])('formats %j as %j', (text, expected) => {
    expect(formatPhoneNumber(PhoneNumberSchema.parse(text))).toBe(expected);
  });

  it.each([
    '(619) 544-1055',
    '619.544.1055',
    '+1 619 544 1055',
    '619-544-1055 ext. 2',
    '1-619-544-1055',
    '6195441055',
    '619 544 1055 x12',
    `619${NBSP}544${NBSP}1055`,
    '(212) 555-0123 extension 123456',
  ])('round-trips %j: the formatted number parses to the same value', (text) => {
    const stored = PhoneNumberSchema.parse(text);
    expect(PhoneNumberSchema.parse(formatPhoneNumber(stored))).toBe(stored);
    expect(parseNanp(formatPhoneNumber(stored))).toEqual({ ok: true, value: stored });
  });
});

describe('phoneToTelUri', () => {
  it.each([
    ['(619) 544-1055', 'tel:+16195441055'],
    ['1-212-555-0123', 'tel:+12125550123'],
    ['619-544-1055 ext. 2', 'tel:+16195441055;ext=2'],
    ['619 544 1055 x12', 'tel:+16195441055;ext=12'],
  ])('turns %j into %j', (text, expected) => {
    expect(phoneToTelUri(PhoneNumberSchema.parse(text))).toBe(expected);
  });
});

describe('parseNanp properties', () => {
  const digit = (min: number) => fc.integer({ min, max: 9 });
  /** An NPA or NXX code: first digit 2–9 and not an N11 service code. */
  const validCode = fc
    .tuple(digit(2), digit(0), digit(0))
    .filter(([, second, third]) => !(second === 1 && third === 1))
    .map((digits) => digits.join(''));
  const lineNumber = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));
  const extension = fc.integer({ min: 0, max: 999999 }).map(String);

  const spellings: ReadonlyArray<(npa: string, nxx: string, line: string) => string> = [
    (npa, nxx, line) => `(${npa}) ${nxx}-${line}`,
    (npa, nxx, line) => `(${npa})${nxx}-${line}`,
    (npa, nxx, line) => `${npa}.${nxx}.${line}`,
    (npa, nxx, line) => `${npa}-${nxx}-${line}`,
    (npa, nxx, line) => `${npa} ${nxx} ${line}`,
    (npa, nxx, line) => `${npa}${nxx}${line}`,
    (npa, nxx, line) => `1${npa}${nxx}${line}`,
    (npa, nxx, line) => `1-${npa}-${nxx}-${line}`,
    (npa, nxx, line) => `1 (${npa}) ${nxx}-${line}`,
    (npa, nxx, line) => `+1${npa}${nxx}${line}`,
    (npa, nxx, line) => `+1 ${npa} ${nxx} ${line}`,
    (npa, nxx, line) => `+1 (${npa}) ${nxx}-${line}`,
    (npa, nxx, line) => `+1-${npa}-${nxx}-${line}`,
    (npa, nxx, line) => `+1.${npa}.${nxx}.${line}`,
    (npa, nxx, line) => `  ${npa}${NBSP}${nxx}${NBSP}${line}  `,
  ];

  it('reads every spelling of a valid number as the same E.164', () => {
    fc.assert(
      fc.property(validCode, validCode, lineNumber, (npa, nxx, line) => {
        const expected = `+1${npa}${nxx}${line}`;
        for (const spell of spellings) {
          expect(parseNanp(spell(npa, nxx, line))).toEqual({ ok: true, value: expected });
        }
      }),
    );
  });

  it('keeps any extension of a valid number, however it is introduced', () => {
    const marker = fc.constantFrom(' ext. ', ' ext ', ' extension ', ' x', ' x. ', ' #', ', ext. ');
    fc.assert(
      fc.property(validCode, validCode, lineNumber, extension, marker, (npa, nxx, line, ext, m) => {
        const text = `(${npa}) ${nxx}-${line}${m}${ext}`;
        expect(parseNanp(text)).toEqual({ ok: true, value: `+1${npa}${nxx}${line};ext=${ext}` });
      }),
    );
  });

  it('round-trips every valid number through formatPhoneNumber', () => {
    const maybeExtension = fc.option(extension, { nil: undefined });
    fc.assert(
      fc.property(validCode, validCode, lineNumber, maybeExtension, (npa, nxx, line, ext) => {
        const text = `${npa}-${nxx}-${line}${ext === undefined ? '' : ` x${ext}`}`;
        const stored = PhoneNumberSchema.parse(text);
        expect(PhoneNumberSchema.parse(formatPhoneNumber(stored))).toBe(stored);
        expect(phoneToTelUri(stored)).toBe(`tel:${stored}`);
        expect(splitPhoneNumber(stored).e164).toBe(`+1${npa}${nxx}${line}`);
        expect(splitPhoneNumber(stored).extension).toBe(ext);
      }),
    );
  });

  it('rejects any area code or exchange that starts with 0 or 1', () => {
    const badCode = fc
      .tuple(
        digit(0).filter((d) => d <= 1),
        digit(0),
        digit(0),
      )
      .map((digits) => digits.join(''));
    fc.assert(
      fc.property(badCode, validCode, lineNumber, (bad, good, line) => {
        expect(parseNanp(`(${bad}) ${good}-${line}`).ok).toBe(false);
        expect(parseNanp(`(${good}) ${bad}-${line}`).ok).toBe(false);
        expect(parseNanp(`+1 ${bad} ${good} ${line}`).ok).toBe(false);
      }),
    );
  });

  it('rejects any N11 code as area code or exchange', () => {
    const n11 = digit(2).map((d) => `${d}11`);
    fc.assert(
      fc.property(n11, validCode, lineNumber, (service, good, line) => {
        expect(parseNanp(`(${service}) ${good}-${line}`).ok).toBe(false);
        expect(parseNanp(`(${good}) ${service}-${line}`).ok).toBe(false);
      }),
    );
  });

  it('never throws, and returns either a valid E.164 or an invalid-phone problem', () => {
    const phoneish = fc.string({
      unit: fc.constantFrom(...'0123456789 ()-.+/#;,=xXet\u00a0\t'.split('')),
      maxLength: 40,
    });
    const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), phoneish);
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseNanp(text);
        if (result.ok) {
          expect(result.value).toMatch(E164);
          expect(result.value.slice(3, 5)).not.toBe('11');
          expect(result.value.slice(6, 8)).not.toBe('11');
          const stored = PhoneNumberSchema.parse(result.value);
          expect(PhoneNumberSchema.parse(formatPhoneNumber(stored))).toBe(stored);
        } else {
          expect(result.problem.code).toBe('invalid-phone');
          expect(result.problem.message).not.toBe('');
        }
        expect(() => PhoneNumberSchema.safeParse(text)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
