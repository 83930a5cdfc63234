// The NPI check-digit rules, apart from the schema so that a site importing them does not bundle zod.

/**
 * The CMS check digit for the first nine digits of an NPI: Luhn over the card-issuer prefix
 * 80840 followed by the nine digits (the prefix contributes the constant 24).
 * Source: CMS, "Requirements for NPI Check Digit".
 *
 * @param base - exactly nine digits
 * @returns the check digit, 0–9; `undefined` when `base` is not nine digits
 * @example
 * npiCheckDigit('123456789'); // 3
 */
export function npiCheckDigit(base: string): number | undefined {
  if (!/^\d{9}$/.test(base)) return undefined;
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

/** Why a text is not a valid NPI, or `undefined` when it is one. */
export function explainInvalidNpi(text: string): string | undefined {
  if (!/^\d{10}$/.test(text)) return `NPI "${text}" must be exactly 10 digits`;
  if (text[0] !== '1' && text[0] !== '2') return `NPI "${text}" must start with 1 or 2`;
  const expected = npiCheckDigit(text.slice(0, 9));
  if (expected !== Number(text[9])) {
    return `NPI "${text}" fails the CMS check digit (the last digit should be ${expected}); check for a typo`;
  }
  return undefined;
}

/**
 * True when `text` is a well-formed NPI: ten digits, starting with 1 or 2, with a valid CMS
 * check digit. A valid NPI is not necessarily assigned; NPPES says that.
 *
 * @example
 * isValidNpi('1234567893'); // true
 * isValidNpi('1234567890'); // false
 */
export function isValidNpi(text: string): boolean {
  return explainInvalidNpi(text) === undefined;
}
