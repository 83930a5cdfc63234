// The NPI check-digit rules, apart from the schema so that a site importing them does not bundle zod.
import { describeArgument } from '../shared/arguments.js';

/**
 * The CMS check digit for the first nine digits of an NPI: Luhn over the card-issuer prefix
 * 80840 followed by the nine digits (the prefix contributes the constant 24).
 * Source: CMS, "Requirements for NPI Check Digit".
 *
 * @param base - exactly nine digits, as text
 * @returns the check digit, 0–9; `undefined` when `base` is not text of nine digits (never throws)
 * @example
 * npiCheckDigit('123456789'); // 3
 */
export function npiCheckDigit(base: string): number | undefined {
  if (typeof base !== 'string' || !/^\d{9}$/.test(base)) return undefined;
  let total = 24;
  for (let i = 0; i < 9; i++) {
    const digit = Number(base[8 - i]);
    // From the right, the 1st, 3rd, 5th… digits are doubled; a product over 9 adds its digits.
    const value = i % 2 === 0 ? digit * 2 : digit;
    total += value > 9 ? value - 9 : value;
  }
  // When the total already ends in 0 the check digit is 0, not 10.
  return (10 - (total % 10)) % 10;
}

/**
 * Why a value is not a valid NPI, or `undefined` when it is one. Never throws: a value that is not
 * text (an NPI written as a number loses nothing, but is still refused: NPIs are identifiers, kept
 * as text) gets an explanation too.
 *
 * @example
 * explainInvalidNpi('1234567890'); // 'NPI "1234567890" fails the CMS check digit (…)'
 * explainInvalidNpi(1234567893); // 'NPI must be text of 10 digits such as "1234567893", got 1234567893'
 */
export function explainInvalidNpi(text: string): string | undefined {
  if (typeof text !== 'string')
    return `NPI must be text of 10 digits such as "1234567893", got ${describeArgument(text)}`;
  // Quoted as written (a stray newline shows as one); a long text is cut, not repeated whole.
  const shown = `"${text.length > 20 ? `${text.slice(0, 20)}…` : text}"`;
  if (!/^\d{10}$/.test(text)) return `NPI ${shown} must be exactly 10 digits`;
  if (text[0] !== '1' && text[0] !== '2') return `NPI ${shown} must start with 1 or 2`;
  const expected = npiCheckDigit(text.slice(0, 9));
  if (expected !== Number(text[9])) {
    return `NPI ${shown} fails the CMS check digit (the last digit should be ${expected}); check for a typo`;
  }
  return undefined;
}

/**
 * True when `text` is a well-formed NPI: ten digits, starting with 1 or 2, with a valid CMS
 * check digit. A valid NPI is not necessarily assigned; NPPES says that. Never throws: anything
 * that is not text is `false`.
 *
 * @example
 * isValidNpi('1234567893'); // true
 * isValidNpi('1234567890'); // false
 */
export function isValidNpi(text: string): boolean {
  return explainInvalidNpi(text) === undefined;
}
