import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCredentials } from './canonical-order.js';
import { CREDENTIAL_CATALOG } from './catalog.js';
import { credentialCatalog } from './catalog-lookup.js';
import { type ParsedListing, parseCredentialListing } from './listing-parser.js';

const show = (parsed: ParsedListing) =>
  parsed.tokens
    .filter((t) => t.kind !== 'separator')
    .map((t) => {
      switch (t.kind) {
        case 'credential':
          return `${t.credential.id}${t.form === 'abbreviation' ? '' : `(${t.form})`}`;
        case 'unknown':
          return `?${t.text}${t.suggestion ? `→${t.suggestion}` : ''}`;
        default:
          return `${t.kind}:${t.text}`;
      }
    });

describe('parseCredentialListing', () => {
  it.each([
    [
      'Dr. Mark Shulman — Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS',
      [
        'honorific:Dr.',
        'name:Mark Shulman',
        'DPT(spelled-out-with-abbreviation)',
        'FAAOMPT',
        'COMT',
        'CSCS',
      ],
    ],
    [
      'Dr. Allison McKay\nDoctor of Physical Therapy (DPT), PRPC',
      ['honorific:Dr.', 'name:Allison McKay', 'DPT(spelled-out-with-abbreviation)', 'PRPC'],
    ],
    ['Doctor of Physical Therapy (DPT), PRPC', ['DPT(spelled-out-with-abbreviation)', 'PRPC']],
    ['Jane Doe PT DPT', ['name:Jane Doe', 'PT', 'DPT']],
    ['Jane Doe, P.T., D.P.T.', ['name:Jane Doe', 'PT', 'DPT']],
    ['Jane Doe | PT • DPT – OCS — SCS', ['name:Jane Doe', 'PT', 'DPT', 'OCS', 'SCS']],
    ['Jane\u00a0Doe,\u00a0PT,\u200bDPT', ['name:Jane\u00a0Doe', 'PT', 'DPT']],
    ['Jane Doe, PT/DPT', ['name:Jane Doe', 'PT', 'DPT']],
    ['Jane Doe, PT / DPT', ['name:Jane Doe', 'PT', 'DPT']],
    [
      'PT; DPT; Cert MDT; Cert. MDT; Cred. MDT',
      ['PT', 'DPT', 'Cert. MDT', 'Cert. MDT', 'Cert. MDT'],
    ],
    ['Jane Doe, PT, OTR/L, ATC/L, CLT-LANA', ['name:Jane Doe', 'PT', 'OTR/L', 'ATC', 'CLT-LANA']],
    ['Jane Doe, PT, LAc, LAC, lac', ['name:Jane Doe', 'PT', 'LAc', 'LAC', '?lac→LAc']],
    ['John Smith Jr., PT, CMPTT', ['name:John Smith Jr.', 'PT', '?CMPTT→CMPT']],
    [
      'Jane Doe, PT, Board-Certified Orthopaedic Clinical Specialist',
      ['name:Jane Doe', 'PT', 'OCS(spelled-out)'],
    ],
    [
      'Jane Doe, PT, Board Certified Cardiovascular & Pulmonary Clinical Specialist',
      ['name:Jane Doe', 'PT', 'CCS(spelled-out)'],
    ],
    ['Jane Doe, Physical Therapist', ['name:Jane Doe', 'PT(spelled-out)']],
    ['Doctor Jane Roe, PT, DPT', ['honorific:Doctor', 'name:Jane Roe', 'PT', 'DPT']],
    [
      'Jane Doe, PT, Certified Kinesiotaping Wizard',
      ['name:Jane Doe', 'PT', '?Certified Kinesiotaping Wizard'],
    ],
    ['tDPT, t-DPT, Ph.D., Ed.D.', ['DPT', 'DPT', 'PhD', 'EdD']],
    ['', []],
  ])('reads %j', (text, expected) => {
    expect(show(parseCredentialListing(text))).toEqual(expected);
  });

  it('gives each credential the span of its text', () => {
    const text = 'Dr. Mark Shulman — Doctor of Physical Therapy (DPT), FAAOMPT';
    const parsed = parseCredentialListing(text);
    for (const token of parsed.tokens)
      expect(text.slice(token.span.start, token.span.end)).toBe(token.text);
    expect(parsed.credentials[0]?.span).toEqual({ start: 19, end: 51 });
  });
});

describe('parseCredentialListing on any input', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc
      .array(
        fc.oneof(
          fc.constantFrom(
            ...CREDENTIAL_CATALOG.flatMap((e) => [
              e.abbreviation ?? e.name,
              ...e.aliases,
              ...e.longForms,
            ]),
          ),
          fc.constantFrom('Dr.', 'Doctor', 'Jane', 'Doe', 'of', '(', ')', '&', '/', '-', 'x'),
          // The name grammar's material: nicknames, particles, suffixes, initials, inverted commas.
          fc.constantFrom(
            '“Mia”',
            '"Mia',
            "'",
            '‘',
            '’',
            '"',
            '(Mia)',
            'van',
            'de la',
            'Jr.',
            'III',
            'M.A.',
            'J.',
            'Lopez,',
            'Maria',
            "O'Brien",
            'd’Angelo',
            'Prof.',
            'LOPEZ',
            'Dpt',
            '*D',
            ',*D',
          ),
          fc.constantFrom(', ', ' — ', ' • ', ' | ', '\n', '\u00a0', '\u200b', ' ', '/', ';'),
        ),
        { maxLength: 20 },
      )
      .map((parts) => parts.join('')),
  );

  const catalogs = fc.constantFrom(
    undefined,
    credentialCatalog([
      { abbreviation: 'Maria', name: 'A credential spelled like a name', kind: 'certification' },
      {
        abbreviation: 'CFMT',
        name: 'Certified Functional Manual Therapist',
        kind: 'certification',
      },
    ]),
  );

  it('never throws and keeps every character: tokens tile the input', () => {
    fc.assert(
      fc.property(anyText, catalogs, (text, catalog) => {
        const parsed = parseCredentialListing(text, catalog);
        // The name, when there is one, is the slice of the input its span says, and one token.
        if (parsed.name) {
          expect(text.slice(parsed.name.span.start, parsed.name.span.end)).toBe(parsed.name.text);
          expect(parsed.tokens.filter((t) => t.kind === 'name')).toEqual([parsed.name]);
        }
        expect(parsed.tokens.map((t) => t.text).join('')).toBe(text);
        let offset = 0;
        for (const token of parsed.tokens) {
          expect(token.span.start).toBe(offset);
          expect(token.span.end).toBeGreaterThan(token.span.start);
          expect(text.slice(token.span.start, token.span.end)).toBe(token.text);
          offset = token.span.end;
        }
        expect(offset).toBe(text.length);
        // Separators hold no letter or digit, except the parentheses' contents never do.
        for (const token of parsed.tokens) {
          if (token.kind === 'separator') expect(token.text).not.toMatch(/[\p{L}\p{N}]/u);
        }
      }),
      { numRuns: 3000 },
    );
  }, 60_000); // a property over many inputs: well under 5 s alone, not under a full CI load
});

describe('formatCredentials', () => {
  const entries = fc.uniqueArray(fc.constantFrom(...CREDENTIAL_CATALOG), {
    maxLength: 8,
    selector: (e) => e.id,
  });
  const options = fc.record({
    profile: fc.constantFrom('apta-2016' as const, 'apta-legacy' as const),
    outsideCategories: fc.constantFrom('spell-out' as const, 'omit' as const),
  });

  it('is stable: a canonical listing formats to itself', () => {
    fc.assert(
      fc.property(entries, options, (list, opts) => {
        const canonical = formatCredentials(list, opts);
        expect(formatCredentials(parseCredentialListing(canonical), opts)).toBe(canonical);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    [
      'DPT, PT, OCS, FAAOMPT',
      'apta-2016',
      'PT, DPT, Board-Certified Orthopaedic Clinical Specialist, Fellow of the American Academy of Orthopaedic Manual Physical Therapists',
    ],
    ['DPT, PT, SCS, OCS, FAAOMPT, MBA', 'apta-legacy', 'PT, DPT, MBA, OCS, SCS, FAAOMPT'],
    ['FAPTA, PhD, ATC, MPT, DPT, PT', 'apta-2016', 'PT, DPT, ATC, PhD, FAPTA'],
    ['RPT, MSPT', 'apta-2016', 'MSPT'],
  ] as const)('orders %j under %s', (listing, profile, expected) => {
    expect(formatCredentials(parseCredentialListing(listing), { profile })).toBe(expected);
  });
});

describe('the tokenizer', () => {
  it('splits ASCII text where the separator class says, with or without its fast path', () => {
    for (let code = 0; code < 128; code++) {
      const char = String.fromCharCode(code);
      const separator = /[\s,;|()[\]{}]/u.test(char);
      const words = parseCredentialListing(`PT${char}DPT`).credentials.map((c) => c.text);
      // A separator splits "PT" from "DPT"; any other character joins them into one word (which
      // "PT/DPT" is too, read as slash-joined abbreviations).
      if (separator || char === '/') expect(words, `code ${code}`).toEqual(['PT', 'DPT']);
      else expect(words, `code ${code}`).not.toEqual(['PT', 'DPT']);
    }
  });
});
