import {
  type ContactChannel,
  findContactChannel,
  formatPhoneNumber,
  formatPostalAddress,
  type Location,
  type Organization,
  phoneToTelUri,
} from '@ptfx/domain';
import { type Html, rendered } from './html.js';

/** Props of {@link ContactBlock}. */
export interface ContactBlockProps {
  /** The practice: its name heads the address, its channels stand in for the location's. */
  readonly organization: Organization;
  /** The location whose phone, fax and address are shown. */
  readonly location: Location;
}

/** An OpenStreetMap search for an address: a plain link, nothing loads until it is followed. */
export function mapUrl(location: Location): string {
  const query = formatPostalAddress(location.address).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

function channel<K extends 'phone' | 'fax' | 'email'>(
  props: ContactBlockProps,
  kind: K,
  purpose: 'appointments' | 'referrals' | 'general',
): Extract<ContactChannel, { kind: K }> | undefined {
  return (
    findContactChannel(props.location.contact, kind, purpose) ??
    findContactChannel(props.organization.contact, kind, purpose)
  );
}

/**
 * How to reach a location: the phone as a `tel:` link, the fax, an email if there is one, and
 * the postal address under the practice's name with a link to a map (OpenStreetMap; no map is
 * embedded, so nothing third-party loads).
 *
 * @example
 * String(ContactBlock({ organization: clinic.organization, location: clinic.locations[0] }));
 */
export function ContactBlock(props: ContactBlockProps): Html {
  const phone = channel(props, 'phone', 'appointments');
  const fax = channel(props, 'fax', 'referrals');
  const email = channel(props, 'email', 'general');
  const lines = formatPostalAddress(props.location.address);
  return rendered(
    <div class="contact-block">
      {phone ? (
        <p class="contact-phone">
          <a href={phoneToTelUri(phone.value)}>{formatPhoneNumber(phone.value)}</a>
        </p>
      ) : null}
      {fax ? <p>Fax: {formatPhoneNumber(fax.value)}</p> : null}
      {email ? (
        <p>
          Email: <a href={`mailto:${email.value}`}>{email.value}</a>
        </p>
      ) : null}
      <address>
        <span class="address-name">{props.organization.name}</span>
        {lines.map((line) => (
          <>
            <br />
            {line}
          </>
        ))}
      </address>
      <p>
        <a href={mapUrl(props.location)}>Map of {lines.join(', ')} on OpenStreetMap</a>
      </p>
    </div>,
  );
}
