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
 * Escapes a text value (RFC 6350 §3.4): backslash, comma, semicolon and line breaks. A semicolon
 * must be escaped in a field of a compound property (ORG, ADR), and RFC 6350 allows escaping it
 * anywhere ("an escaped SEMICOLON character is never a field separator"); it is escaped in every
 * value (FN, NOTE, NICKNAME too) because parsers that split a property on any unescaped `;`
 * (vcard-parser among them) would otherwise cut a NOTE in two. One reader differs: ical.js keeps
 * the backslash of `\;` outside compound properties, so the cards this module writes put no
 * semicolon of their own in FN or NOTE. Control characters, which vCard text may not hold, are
 * dropped.
 *
 * @param compound - accepted for compatibility with earlier versions, which escaped `;` only in a
 * field of a compound property; the result no longer depends on it
 * @throws {TypeError} when `text` is not text or `compound` is not a boolean
 */
export function escapeVCardText(text: string, compound = false): string {
  expectText('escapeVCardText', 'text', text);
  if (typeof compound !== 'boolean')
    throw argumentError('escapeVCardText(compound)', 'true, false or undefined', compound);
  return withoutControlCharacters(text)
    .replace(/[\\,;]/g, (c) => `\\${c}`)
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

/** White space as JavaScript's `trim` sees it: what a parser that trims folded lines loses. */
const isBlank = (char: string | undefined) => char !== undefined && /^\s$/u.test(char);

/**
 * Folds a content line at 75 octets (RFC 6350 §3.2): each continuation starts with a space, and
 * no UTF-8 character is split across lines. A fold is placed between two characters that are not
 * white space where the line allows it, so that a parser that trims folded lines (as some do)
 * still reads the spaces.
 *
 * @throws {TypeError} when `line` is not text
 */
export function foldVCardLine(line: string): string {
  expectText('foldVCardLine', 'line', line);
  const parts: string[] = [];
  let current: string[] = [];
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines spend one octet on the space
    if (octets + size > limit) {
      // Move the fold back past blanks on either side of it while what moves to the next line
      // still fits there; with no such place, fold where the line is full.
      const next = (i: number) => (i < current.length ? current[i] : char);
      const blankAt = (i: number) => isBlank(current[i - 1]) || isBlank(next(i));
      let cut = current.length;
      let moved = 0;
      while (cut > 1 && blankAt(cut)) {
        const back = utf8Length(current[cut - 1] ?? '');
        if (moved + back + size > 74) break;
        moved += back;
        cut -= 1;
      }
      if (blankAt(cut)) {
        cut = current.length;
        moved = 0;
      }
      parts.push(current.slice(0, cut).join(''));
      current = current.slice(cut);
      octets = moved;
    }
    current.push(char);
    octets += size;
  }
  parts.push(current.join(''));
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
  // Commas, not semicolons, between the ranges: ical.js reads an escaped semicolon in a NOTE as
  // "\;" (it follows RFC 6350's TEXT-CHAR grammar, which has no "\;"), an escaped comma as ",".
  return `Hours: ${ranges.length > 0 ? ranges.join(', ') : 'by appointment'}`;
}

/**
 * The practice as a vCard 4.0 (RFC 6350): FN, ORG, every contact channel (TEL typed voice, fax
 * or text; EMAIL; URL), the website, the logo and each location's address. CRLF line ends, text escaped,
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
    ...(org.logo ? [`LOGO:${org.logo}`] : []),
    ...clinic.locations.map((l) => adrLine(l.address)),
  ]);
}

/**
 * One location as a vCard 4.0: FN and ORG with the location's unit, its address, contact
 * channels, map coordinates (GEO, when known), time zone and weekly hours as a NOTE.
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
    ...(location.geo ? [`GEO:geo:${location.geo.latitude},${location.geo.longitude}`] : []),
    `TZ:${location.timeZone}`,
    `NOTE:${escapeVCardText(hoursNote(location.hours))}`,
  ]);
}
