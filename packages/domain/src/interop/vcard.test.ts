import fc from 'fast-check';
import ICAL from 'ical.js';
import * as vcardParser from 'vcard-parser';
import { describe, expect, it } from 'vitest';
import { sampleClinic } from '../test-support/sample-clinic-value.js';
import { escapeVCardText, foldVCardLine, locationVCard, organizationVCard } from './vcard.js';

const clinic = sampleClinic();
const [location] = clinic.locations;
if (!location) throw new Error('sample has a location');

const parse = (text: string) => new ICAL.Component(ICAL.parse(text));
/**
 * What ical.js 2.2.1 reads for an escaped text value outside a compound property: it follows the
 * TEXT-CHAR grammar of RFC 6350 §3.4, which has "\\\\", "\\," and "\\n" but no "\\;", so "\\;" stays.
 */
const ICAL_PLAIN_TEXT = (text: string) => text.replaceAll(';', '\\;');
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('vCard 4.0 of the sample clinic', () => {
  it('writes the location card', () => {
    expect(locationVCard(clinic, location).split('\r\n')).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'PRODID:-//ptfx//@ptfx/domain//EN',
      'KIND:org',
      'FN:The Physical Therapy Effect',
      'ORG:The Physical Therapy Effect;San Diego',
      'TEL;VALUE=uri;TYPE=work,voice:tel:+16195441055',
      'TEL;VALUE=uri;TYPE=work,fax:tel:+16195441056',
      'ADR;TYPE=work:;;1601 Kettner Blvd Suite 11;San Diego;CA;92101;US',
      'GEO:geo:32.72089,-117.16938',
      'TZ:America/Los_Angeles',
      'NOTE:Hours: Mon Tue Wed Thu 07:00-19:00\\, Fri 07:00-17:00',
      'END:VCARD',
      '',
    ]);
  });

  it.each([
    ['the practice', organizationVCard(clinic)],
    ['the location', locationVCard(clinic, location)],
  ])('round-trips %s through ical.js', (_name, text) => {
    const vcard = parse(text);
    expect(vcard.name).toBe('vcard');
    expect(vcard.getFirstPropertyValue('fn')).toBe('The Physical Therapy Effect');
    const tels = vcard
      .getAllProperties('tel')
      .map((p) => [p.getParameter('type'), p.getFirstValue()]);
    expect(tels).toEqual([
      [['work', 'voice'], 'tel:+16195441055'],
      [['work', 'fax'], 'tel:+16195441056'],
    ]);
    expect(vcard.getFirstPropertyValue('adr')).toEqual([
      '',
      '',
      '1601 Kettner Blvd Suite 11',
      'San Diego',
      'CA',
      '92101',
      'US',
    ]);
  });

  it('reads the sample’s NOTE, GEO and LOGO back through ical.js', () => {
    const card = parse(locationVCard(clinic, location));
    expect(card.getFirstPropertyValue('note')).toBe(
      'Hours: Mon Tue Wed Thu 07:00-19:00, Fri 07:00-17:00',
    );
    expect(card.getFirstPropertyValue('geo')).toBe('geo:32.72089,-117.16938');
    expect(parse(organizationVCard(clinic)).getFirstPropertyValue('logo')).toBe(
      'https://www.pteffect.example/images/logo.png',
    );
  });

  it.each([
    ['the practice', organizationVCard(clinic)],
    ['the location', locationVCard(clinic, location)],
  ])('round-trips %s through vcard-parser, a second reader', (_name, text) => {
    const card = vcardParser.parse(text);
    expect(card.fn).toEqual([{ value: 'The Physical Therapy Effect' }]);
    expect(card.tel?.map((p) => p.value)).toEqual(['tel:+16195441055', 'tel:+16195441056']);
    expect(card.adr?.[0]?.value).toEqual([
      '',
      '',
      '1601 Kettner Blvd Suite 11',
      'San Diego',
      'CA',
      '92101',
      'US',
    ]);
  });

  it('keeps the location’s NOTE whole in vcard-parser (it splits on an unescaped ; or ,)', () => {
    const card = vcardParser.parse(locationVCard(clinic, location));
    expect(card.note).toEqual([{ value: 'Hours: Mon Tue Wed Thu 07:00-19:00, Fri 07:00-17:00' }]);
    expect(card.org).toEqual([{ value: ['The Physical Therapy Effect', 'San Diego'] }]);
  });

  it('escapes and folds hostile, long, multi-byte text and reads it back', () => {
    const name = 'Rehab; Physio, & Co.\\ — Ünïcødé 🦴 '.repeat(4);
    const hostile = { ...clinic, organization: { ...clinic.organization, name } };
    const text = organizationVCard(hostile);
    for (const line of text.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // ical.js keeps the backslash of "\;" outside a compound property (see ICAL_PLAIN_TEXT).
    expect(parse(text).getFirstPropertyValue('fn')).toBe(ICAL_PLAIN_TEXT(name));
    const locationCard = parse(locationVCard(hostile, location));
    expect(locationCard.getFirstPropertyValue('fn')).toBe(ICAL_PLAIN_TEXT(name));
    expect(locationCard.getFirstPropertyValue('org')).toEqual([name, 'San Diego']);
  });

  it('escapes and folds hostile text that vcard-parser reads back whole', () => {
    // vcard-parser reads no "\\" (it keeps both backslashes) and trims every folded line, so the
    // name has no backslash and does not end in a space; the fold avoids the spaces inside it.
    const name = 'Rehab; Physio, & Co.: “Back” — Ünïcødé 🦴 '.repeat(4).trimEnd();
    const hostile = { ...clinic, organization: { ...clinic.organization, name } };
    const practice = vcardParser.parse(organizationVCard(hostile));
    expect(practice.fn).toEqual([{ value: name }]);
    expect(practice.org).toEqual([{ value: name }]);
    const card = vcardParser.parse(locationVCard(hostile, location));
    expect(card.fn).toEqual([{ value: name }]);
    expect(card.org).toEqual([{ value: [name, 'San Diego'] }]);
  });
});

describe('escapeVCardText', () => {
  it('escapes ; and , in every text value, compound or not (RFC 6350 §3.4)', () => {
    for (const compound of [false, true]) {
      expect(escapeVCardText('Mon 7-19; Fri 7-17, by appt.\\ ok\r\nnext', compound)).toBe(
        'Mon 7-19\\; Fri 7-17\\, by appt.\\\\ ok\\nnext',
      );
    }
  });
});

describe('foldVCardLine', () => {
  it('folds between two characters that are not white space when the line allows it', () => {
    const line = `NOTE:${'word '.repeat(40)}end`;
    const parts = foldVCardLine(line).split('\r\n ');
    expect(parts.join('')).toBe(line);
    for (const part of parts) expect(part).toMatch(/^\S(?:.*\S)?$/);
  });

  it('folds where the line is full when a run of spaces leaves no other place', () => {
    const line = ' '.repeat(200);
    const folded = foldVCardLine(line);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded.split('\r\n').map((p) => Buffer.byteLength(p, 'utf8'))).toEqual([75, 75, 52]);
  });

  it('folds at 75 octets, never inside a character, and unfolds to the line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const line = `NOTE:${escapeVCardText(s)}`;
        const folded = foldVCardLine(line);
        expect(unfold(folded)).toBe(line);
        for (const part of folded.split('\r\n')) {
          expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
          // No character is cut in two: each line is well-formed UTF-16, so well-formed UTF-8.
          expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('lets ical.js read back any escaped text, without its control characters', () => {
    const controls = fc.constantFrom(
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\r',
      '\n',
      '\t',
      ';',
      ',',
      '\\',
    );
    const text = fc
      .array(fc.oneof(controls, fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 10 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const card = `BEGIN:VCARD\r\nVERSION:4.0\r\n${foldVCardLine(`NOTE:${escapeVCardText(s)}`)}\r\nEND:VCARD\r\n`;
        const kept = [...s].filter((c) =>
          c >= ' ' ? c !== '\u007f' : c === '\n' || c === '\r' || c === '\t',
        );
        const expected = kept.join('').replace(/\r\n|\r/g, '\n');
        expect(parse(card).getFirstPropertyValue('note') ?? '').toBe(ICAL_PLAIN_TEXT(expected));
      }),
      { numRuns: 1000 },
    );
  });

  it('lets vcard-parser read back any escaped, folded NOTE whole: no split on ; or ,', () => {
    // Without backslashes (vcard-parser keeps "\\\\" as two) and with no white space at the end
    // (it trims a folded line); everything else, ; , : line breaks and any Unicode, comes back.
    const pieces = fc.constantFrom(
      ';',
      ',',
      ':',
      ' ',
      '\t',
      '\n',
      '\r\n',
      'é',
      '🦴',
      '\u3000',
      'a',
    );
    const text = fc
      .array(fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 30 })
      .map((p) => p.join('').replaceAll('\\', '/'));
    fc.assert(
      fc.property(text, (s) => {
        const expected = [...s]
          .filter((c) => (c >= ' ' && c !== '\u007f') || c === '\n' || c === '\r' || c === '\t')
          .join('')
          .replace(/\r\n|\r/g, '\n')
          .replace(/\s+$/u, '');
        fc.pre(expected.length > 0);
        const card = `BEGIN:VCARD\r\nVERSION:4.0\r\n${foldVCardLine(`NOTE:${escapeVCardText(expected)}`)}\r\nEND:VCARD\r\n`;
        expect(vcardParser.parse(card).note).toEqual([{ value: expected }]);
      }),
      { numRuns: 1000 },
    );
  });
});
