// Address formatting, apart from the schema so that a site importing it does not bundle zod.
import type { PostalAddress } from './address.js';
import { US_STATES, type UsStateCode } from './us-state-codes.js';

/**
 * Formats an address on the lines a letter would carry.
 *
 * @example
 * formatPostalAddress(address);
 * // ['1601 Kettner Blvd Suite 11', 'San Diego, CA 92101']
 */
export function formatPostalAddress(address: PostalAddress): string[] {
  return [...address.lines, `${address.city}, ${address.state} ${address.postalCode}`];
}

/** The full name of an address's state: `CA` → `California`. */
export function usStateName(code: UsStateCode): string {
  return US_STATES[code];
}
