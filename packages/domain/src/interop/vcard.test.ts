import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { sampleClinic } from '../test-support/sample-clinic-value.js';
import { escapeVCardText, foldVCardLine, locationVCard, organizationVCard } from './vcard.js';

const clinic = sampleClinic();
const [location] = clinic.locations;
if (!location) throw new Error('sample has a location');

const parse = (text: string) => new ICAL.Component(ICAL.parse(text));
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
      'TZ:America/Los_Angeles',
      'NOTE:Hours: Mon Tue Wed Thu 07:00-19:00; Fri 07:00-17:00',
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

  it('escapes and folds hostile, long, multi-byte text and reads it back', () => {
    const name = 'Rehab; Physio, & Co.\\ — Ünïcødé 🦴 '.repeat(4);
    const hostile = { ...clinic, organization: { ...clinic.organization, name } };
    const text = organizationVCard(hostile);
    for (const line of text.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(parse(text).getFirstPropertyValue('fn')).toBe(name);
    const locationCard = parse(locationVCard(hostile, location));
    expect(locationCard.getFirstPropertyValue('fn')).toBe(name);
    expect(locationCard.getFirstPropertyValue('org')).toEqual([name, 'San Diego']);
  });
});

describe('foldVCardLine', () => {
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
        expect(parse(card).getFirstPropertyValue('note') ?? '').toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
