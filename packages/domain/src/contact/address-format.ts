// Address formatting, apart from the schema so that a site importing it does not bundle zod.
import { argumentError, expectShape } from '../shared/arguments.js';
import { POSTAL_ADDRESS } from '../shared/shapes.js';
import type { PostalAddress } from './address.js';
import {
  isUsStateCode,
  suggestUsStateCode,
  US_STATES,
  type UsStateCode,
} from './us-state-codes.js';

/**
 * Formats an address on the lines a letter would carry.
 *
 * @throws {TypeError} when `address` is not a parsed postal address (lines, city, state, postalCode)
 * @example
 * formatPostalAddress(address);
 * // ['1601 Kettner Blvd Suite 11', 'San Diego, CA 92101']
 */
export function formatPostalAddress(address: PostalAddress): string[] {
  expectShape('formatPostalAddress', 'address', address, POSTAL_ADDRESS);
  return [...address.lines, `${address.city}, ${address.state} ${address.postalCode}`];
}

/**
 * The full name of an address's state: `CA` → `California`.
 *
 * @throws {TypeError} when `code` is not one of the USPS codes in {@link US_STATES} (the message
 * suggests one for `"ca"` or `"California"`)
 */
export function usStateName(code: UsStateCode): string {
  if (!isUsStateCode(code)) {
    const suggestion = typeof code === 'string' ? suggestUsStateCode(code) : undefined;
    throw argumentError(
      'usStateName(code)',
      'a USPS state code such as "CA"',
      code,
      suggestion ? `did you mean "${suggestion}"?` : undefined,
    );
  }
  return US_STATES[code];
}
