import type { ContactChannel, ContactChannelKind, ContactPurpose } from './contact-channel.js';

/**
 * The first channel of `kind` that serves `purpose`, falling back to the first channel of that
 * kind that serves `general`.
 *
 * @example
 * findContactChannel(location.contact, 'fax', 'referrals')?.value; // '+16195441056'
 */
export function findContactChannel<K extends ContactChannelKind>(
  channels: readonly ContactChannel[],
  kind: K,
  purpose: ContactPurpose = 'general',
): Extract<ContactChannel, { kind: K }> | undefined {
  const ofKind = channels.filter((c): c is Extract<ContactChannel, { kind: K }> => c.kind === kind);
  return (
    ofKind.find((c) => c.purposes.includes(purpose)) ??
    ofKind.find((c) => c.purposes.includes('general'))
  );
}
