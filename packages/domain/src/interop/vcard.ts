import type { Clinic } from '../clinic/clinic.js';
import type { Location } from '../clinic/location.js';
import type { OpeningHours } from '../clinic/opening-hours.js';
import type { PostalAddress } from '../contact/address.js';
import type { ContactChannel } from '../contact/contact-channel.js';
import { phoneToTelUri } from '../contact/phone-number.js';
import { argumentError, expectShape, expectText } from '../shared/arguments.js';
import { CLINIC, LOCATION } from '../shared/shapes.js';

const CRLF = '\r\n';

/** Octets of one character in UTF-8. */
function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/**
 * Escapes a text value (RFC 6350 §3.4): backslash, comma and line breaks always; semicolon too
 * when the value is a field of a compound property (ORG, ADR), where it would split fields.
 * Control characters, which vCard text may not hold, are dropped.
 *
 * @throws {TypeError} when `text` is not text or `compound` is not a boolean
 */
export function escapeVCardText(text: string, compound = false): string {
  expectText('escapeVCardText', 'text', text);
  if (typeof compound !== 'boolean')
    throw argumentError('escapeVCardText(compound)', 'true, false or undefined', compound);
  return withoutControlCharacters(text)
    .replace(compound ? /[\\,;]/g : /[\\,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** vCard text may not hold control characters (RFC 6350 VALUE-CHAR) other than line breaks and tabs. */
function withoutControlCharacters(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if ((code >= 0x20 && code !== 0x7f) || char === '\n' || char === '\r' || char === '\t')
      out += char;
  }
  return out;
}

/**
 * Folds a content line at 75 octets (RFC 6350 §3.2): each continuation starts with a space, and
 * no UTF-8 character is split across lines.
 *
 * @throws {TypeError} when `line` is not text
 */
export function foldVCardLine(line: string): string {
  expectText('foldVCardLine', 'line', line);
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines spend one octet on the space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function card(lines: readonly string[]): string {
  return (
    ['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//ptfx//@ptfx/domain//EN', ...lines, 'END:VCARD']
      .map(foldVCardLine)
      .join(CRLF) + CRLF
  );
}

function telecomLines(channels: readonly ContactChannel[]): string[] {
  return channels.flatMap((channel) => {
    switch (channel.kind) {
      case 'phone':
        return [`TEL;VALUE=uri;TYPE=work,voice:${phoneToTelUri(channel.value)}`];
      case 'fax':
        return [`TEL;VALUE=uri;TYPE=work,fax:${phoneToTelUri(channel.value)}`];
      case 'sms':
        return [`TEL;VALUE=uri;TYPE=work,text:${phoneToTelUri(channel.value)}`];
      case 'email':
        return [`EMAIL;TYPE=work:${channel.value}`];
      case 'web':
        return [`URL:${channel.value}`];
      default: {
        const unhandled: never = channel;
        throw new Error(`unhandled channel ${JSON.stringify(unhandled)}`);
      }
    }
  });
}

function adrLine(address: PostalAddress): string {
  // Components: PO box; extended address; street; locality; region; postal code; country.
  const street = address.lines.map((line) => escapeVCardText(line, true)).join(',');
  const components = [
    '',
    '',
    street,
    escapeVCardText(address.city, true),
    address.state,
    address.postalCode,
    address.country,
  ];
  return `ADR;TYPE=work:${components.join(';')}`;
}

function hoursNote(hours: OpeningHours): string {
  const short = {
    monday: 'Mon',
    tuesday: 'Tue',
    wednesday: 'Wed',
    thursday: 'Thu',
    friday: 'Fri',
    saturday: 'Sat',
    sunday: 'Sun',
  } as const;
  const ranges = hours.weekly.map(
    (r) => `${r.days.map((d) => short[d]).join(' ')} ${r.opens}-${r.closes}`,
  );
  return `Hours: ${ranges.length > 0 ? ranges.join('; ') : 'by appointment'}`;
}

/**
 * The practice as a vCard 4.0 (RFC 6350): FN, ORG, every contact channel (TEL typed voice, fax
 * or text; EMAIL; URL), the website and each location's address. CRLF line ends, text escaped,
 * lines folded at 75 octets.
 *
 * @throws {TypeError} when `clinic` is not a parsed clinic
 */
export function organizationVCard(clinic: Clinic): string {
  expectShape('organizationVCard', 'clinic', clinic, CLINIC);
  const org = clinic.organization;
  return card([
    'KIND:org',
    `FN:${escapeVCardText(org.name)}`,
    `ORG:${escapeVCardText(org.name, true)}`,
    ...(org.alternateName ? [`NICKNAME:${escapeVCardText(org.alternateName)}`] : []),
    ...telecomLines(org.contact),
    ...(org.website ? [`URL:${org.website}`] : []),
    ...clinic.locations.map((l) => adrLine(l.address)),
  ]);
}

/**
 * One location as a vCard 4.0: FN and ORG with the location's unit, its address, contact
 * channels, time zone and weekly hours as a NOTE.
 *
 * @throws {TypeError} when `clinic` is not a parsed clinic or `location` not a parsed location
 */
export function locationVCard(clinic: Clinic, location: Location): string {
  expectShape('locationVCard', 'clinic', clinic, CLINIC);
  expectShape('locationVCard', 'location', location, LOCATION);
  const org = clinic.organization;
  const name = clinic.locations.length === 1 ? org.name : `${org.name} — ${location.name}`;
  return card([
    'KIND:org',
    `FN:${escapeVCardText(name)}`,
    `ORG:${escapeVCardText(org.name, true)};${escapeVCardText(location.name, true)}`,
    ...telecomLines(location.contact),
    ...(org.website ? [`URL:${org.website}`] : []),
    adrLine(location.address),
    `TZ:${location.timeZone}`,
    `NOTE:${escapeVCardText(hoursNote(location.hours))}`,
  ]);
}
