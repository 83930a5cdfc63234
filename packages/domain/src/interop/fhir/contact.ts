import type { PostalAddress } from '../../contact/address.js';
import { formatPostalAddress } from '../../contact/address-format.js';
import type { ContactChannel } from '../../contact/contact-channel.js';
import { expectOneOf, expectShape, expectWholeNumber } from '../../shared/arguments.js';
import { CONTACT_CHANNEL, CONTACT_CHANNELS, POSTAL_ADDRESS } from '../../shared/shapes.js';
import type { FhirAddress, FhirContactPoint } from './types.js';

/**
 * A contact channel as a FHIR ContactPoint: phones and faxes as E.164, web pages as `url`.
 *
 * @param rank - the channel's preference, a whole number from 1 (FHIR's positiveInt)
 * @throws {TypeError} when `channel` is not a parsed contact channel (phone numbers stored as
 * E.164)
 * @throws {RangeError} when `rank` is not a whole number from 1
 */
export function fhirContactPoint(channel: ContactChannel, rank: number): FhirContactPoint {
  expectShape('fhirContactPoint', 'channel', channel, CONTACT_CHANNEL);
  expectWholeNumber('fhirContactPoint', 'rank', rank, 1, 2_147_483_647);
  return contactPoint(channel, rank);
}

function contactPoint(channel: ContactChannel, rank: number): FhirContactPoint {
  const system = channel.kind === 'web' ? 'url' : channel.kind;
  return { system, value: channel.value, use: 'work', rank };
}

/**
 * Contact channels as FHIR telecom, ranked in the order given.
 *
 * @throws {TypeError} when `channels` is not a list of parsed contact channels
 */
export function fhirTelecom(channels: readonly ContactChannel[]): FhirContactPoint[] {
  expectShape('fhirTelecom', 'channels', channels, CONTACT_CHANNELS);
  return fhirTelecomUnchecked(channels);
}

/** {@link fhirTelecom} without the argument check, for callers that have made it. */
export function fhirTelecomUnchecked(channels: readonly ContactChannel[]): FhirContactPoint[] {
  return channels.map((channel, i) => contactPoint(channel, i + 1));
}

/**
 * A US postal address as a FHIR Address.
 *
 * @param type - `physical` (the default), `postal` or `both`; `undefined` leaves it out
 * @throws {TypeError} when `address` is not a parsed postal address or `type` is not one of those
 */
export function fhirAddress(
  address: PostalAddress,
  type: FhirAddress['type'] = 'physical',
): FhirAddress {
  expectShape('fhirAddress', 'address', address, POSTAL_ADDRESS);
  if (type !== undefined) expectOneOf('fhirAddress', 'type', type, ['postal', 'physical', 'both']);
  return {
    use: 'work',
    ...(type ? { type } : {}),
    text: formatPostalAddress(address).join(', '),
    line: address.lines,
    city: address.city,
    state: address.state,
    postalCode: address.postalCode,
    country: address.country,
  };
}
