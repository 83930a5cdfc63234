import { expectOneOf, expectShape } from '../shared/arguments.js';
import { CONTACT_CHANNEL_KINDS, CONTACT_PURPOSES, SEARCHED_CHANNELS } from '../shared/shapes.js';
import type { ContactChannel, ContactChannelKind, ContactPurpose } from './contact-channel.js';

/**
 * The first channel of `kind` that serves `purpose`, falling back to the first channel of that
 * kind that serves `general`.
 *
 * @throws {TypeError} when `channels` is not a list of parsed contact channels, or `kind` or
 * `purpose` is not one of the known values (a misspelt purpose would otherwise fall back silently)
 * @example
 * findContactChannel(location.contact, 'fax', 'referrals')?.value; // '+16195441056'
 */
export function findContactChannel<K extends ContactChannelKind>(
  channels: readonly ContactChannel[],
  kind: K,
  purpose: ContactPurpose = 'general',
): Extract<ContactChannel, { kind: K }> | undefined {
  expectShape('findContactChannel', 'channels', channels, SEARCHED_CHANNELS);
  expectOneOf('findContactChannel', 'kind', kind, CONTACT_CHANNEL_KINDS);
  expectOneOf('findContactChannel', 'purpose', purpose, CONTACT_PURPOSES);
  const ofKind = channels.filter((c): c is Extract<ContactChannel, { kind: K }> => c.kind === kind);
  return (
    ofKind.find((c) => c.purposes.includes(purpose)) ??
    ofKind.find((c) => c.purposes.includes('general'))
  );
}
