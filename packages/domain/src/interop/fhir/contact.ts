import type { PostalAddress } from '../../contact/address.js';
import { formatPostalAddress } from '../../contact/address-format.js';
import type { ContactChannel } from '../../contact/contact-channel.js';
import type { FhirAddress, FhirContactPoint } from './types.js';

/** A contact channel as a FHIR ContactPoint: phones and faxes as E.164, web pages as `url`. */
export function fhirContactPoint(channel: ContactChannel, rank: number): FhirContactPoint {
  const system = channel.kind === 'web' ? 'url' : channel.kind;
  return { system, value: channel.value, use: 'work', rank };
}

/** Contact channels as FHIR telecom, ranked in the order given. */
export function fhirTelecom(channels: readonly ContactChannel[]): FhirContactPoint[] {
  return channels.map((channel, i) => fhirContactPoint(channel, i + 1));
}

/** A US postal address as a FHIR Address. */
export function fhirAddress(
  address: PostalAddress,
  type: FhirAddress['type'] = 'physical',
): FhirAddress {
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
