import { describe, expect, it } from 'vitest';
import { canonicalListing } from './canonical-listing.js';
import { credentialCatalog } from './catalog-lookup.js';
import { lintCredentialListing } from './listing-lint.js';
import { type ParsedListing, parseCredentialListing } from './listing-parser.js';

/** The tokens other than separators, as `kind:text` (credentials by catalog id). */
const show = (parsed: ParsedListing) =>
  parsed.tokens
    .filter((t) => t.kind !== 'separator')
    .map((t) => {
      switch (t.kind) {
        case 'credential':
          return t.credential.id;
        case 'unknown':
          return `?${t.text}`;
        case 'name':
          return `${t.inverted ? 'inverted' : 'name'}:${t.text}`;
        default:
          return `${t.kind}:${t.text}`;
      }
    });

/**
 * A listing, what the parser reads (honorific, name — `inverted:` for surname first —,
 * credentials by id, `?` unknown), and the fix (`null` when the listing is already canonical).
 */
type Row = [listing: string, read: readonly string[], fix: string | null];

// The shapes of issue 14 ("Names are sacred"): the name as written, never a character changed.
const NAMES: readonly Row[] = [
  // The two failures the issue reports.
  ['Maria “Mia” Lopez, PT, DPT', ['name:Maria “Mia” Lopez', 'PT', 'DPT'], null],
  ['Lopez, Maria, DPT, ATC', ['inverted:Lopez, Maria', 'DPT', 'ATC'], 'Lopez, Maria, PT, DPT, ATC'],
  // Nicknames in every quote style, and in parentheses inside the name.
  [
    'Maria "Mia" Lopez, DPT, PT',
    ['name:Maria "Mia" Lopez', 'DPT', 'PT'],
    'Maria "Mia" Lopez, PT, DPT',
  ],
  [
    "Maria 'Mia' Lopez PT DPT",
    ["name:Maria 'Mia' Lopez", 'PT', 'DPT'],
    "Maria 'Mia' Lopez, PT, DPT",
  ],
  ['Maria ‘Mia’ Lopez, DPT', ['name:Maria ‘Mia’ Lopez', 'DPT'], 'Maria ‘Mia’ Lopez, PT, DPT'],
  [
    'Maria (Mia) Lopez, DPT, PT',
    ['name:Maria (Mia) Lopez', 'DPT', 'PT'],
    'Maria (Mia) Lopez, PT, DPT',
  ],
  ['Robert “Bob” Smith-Jones, PT, DPT', ['name:Robert “Bob” Smith-Jones', 'PT', 'DPT'], null],
  // Inverted, as author lists and HR exports write it: kept inverted (the inverted-name rule advises).
  ['van der Berg, Anna M., PT', ['inverted:van der Berg, Anna M.', 'PT'], null],
  ['de la Cruz, Ana, PT, DPT', ['inverted:de la Cruz, Ana', 'PT', 'DPT'], null],
  ['Smith, John, Jr., PT', ['inverted:Smith, John, Jr.', 'PT'], null],
  [
    'Smith Jr., John A., DPT, PT',
    ['inverted:Smith Jr., John A.', 'DPT', 'PT'],
    'Smith Jr., John A., PT, DPT',
  ],
  ['LOPEZ, MARIA, DPT', ['inverted:LOPEZ, MARIA', 'DPT'], 'LOPEZ, MARIA, PT, DPT'],
  // Given names that also start a spelled-out credential (Catherine Worthingham Fellow, McKenzie).
  ['Smith, Catherine, PT', ['inverted:Smith, Catherine', 'PT'], null],
  ['Lee, McKenzie R., PT', ['inverted:Lee, McKenzie R.', 'PT'], null],
  [
    'Lopez, Maria (Mia), DPT',
    ['inverted:Lopez, Maria (Mia)', 'DPT'],
    'Lopez, Maria (Mia), PT, DPT',
  ],
  [
    'Lopez, Maria “Mia”, DPT',
    ['inverted:Lopez, Maria “Mia”', 'DPT'],
    'Lopez, Maria “Mia”, PT, DPT',
  ],
  // Suffixes, with or without the comma.
  ['John Smith, Jr., PT', ['name:John Smith, Jr.', 'PT'], null],
  ['John Smith Jr PT, DPT', ['name:John Smith Jr', 'PT', 'DPT'], 'John Smith Jr, PT, DPT'],
  ['John Smith III, DPT', ['name:John Smith III', 'DPT'], 'John Smith III, PT, DPT'],
  // The start of a credential written in several words, then a slip, ends the name.
  ['Jane Roe Cert MDTT', ['name:Jane Roe', '?Cert MDTT'], 'Jane Roe, PT, Cert MDTT'],
  ['Jane Schroth PT', ['name:Jane Schroth', 'PT'], 'Jane Schroth, PT'],
  // A suffix ends the name.
  [
    'John Smith Jr. Cert MDTT',
    ['name:John Smith Jr.', '?Cert MDTT'],
    'John Smith Jr., PT, Cert MDTT',
  ],
  // Hyphens, apostrophes, Mc/Mac/O', particles, initials (even ones that spell a degree).
  [
    'Dr. Mary O’Brien-McKay, PT, DPT',
    ['honorific:Dr.', 'name:Mary O’Brien-McKay', 'PT', 'DPT'],
    null,
  ],
  [
    'Mary MacDonald-O’Neill, DPT',
    ['name:Mary MacDonald-O’Neill', 'DPT'],
    'Mary MacDonald-O’Neill, PT, DPT',
  ],
  ['Anna-Lena d’Angelo, PT', ['name:Anna-Lena d’Angelo', 'PT'], null],
  ['Omar al-Hassan, PT, DPT', ['name:Omar al-Hassan', 'PT', 'DPT'], null],
  ['Ludwig van Beethoven, PT', ['name:Ludwig van Beethoven', 'PT'], null],
  ['Anna St. John, PT', ['name:Anna St. John', 'PT'], null],
  ['Ana de los Santos y García, PT', ['name:Ana de los Santos y García', 'PT'], null],
  ['J.R. Ewing, PT', ['name:J.R. Ewing', 'PT'], null],
  ['Jane M.A. Doe, PT', ['name:Jane M.A. Doe', 'PT'], null],
  ['Jean DUPONT, PT', ['name:Jean DUPONT', 'PT'], null],
  ['MARIA LOPEZ, PT', ['name:MARIA LOPEZ', 'PT'], null],
  // Honorifics: Dr. and Doctor only; other courtesy titles stay in the name.
  ['Dr. Jane Doe, DPT', ['honorific:Dr.', 'name:Jane Doe', 'DPT'], 'Dr. Jane Doe, PT, DPT'],
  ['Doctor Jane Roe, PT, DPT', ['honorific:Doctor', 'name:Jane Roe', 'PT', 'DPT'], null],
  ['Prof. Jane Doe, PT, PhD', ['name:Prof. Jane Doe', 'PT', 'PhD'], null],
  ['Ms. Jane Doe, DPT', ['name:Ms. Jane Doe', 'DPT'], 'Ms. Jane Doe, PT, DPT'],
];

// What must still not be read as a name, or not as more of one than it is.
const NOT_NAMES: readonly Row[] = [
  // Credentials right after the honorific, a degree written out, an all-capitals list.
  ['Dr. PT, DPT', ['honorific:Dr.', 'PT', 'DPT'], 'Dr., PT, DPT'],
  ['Doctor of Physical Therapy', ['DPT'], 'PT, DPT'],
  ['PT DPT OCS', ['PT', 'DPT', 'OCS'], 'PT, DPT, Board-Certified Orthopaedic Clinical Specialist'],
  ['P.T., D.P.T.', ['PT', 'DPT'], 'PT, DPT'],
  // A parenthesised credential is no nickname, after a name or a spelled-out degree.
  ['Jane Doe (DPT)', ['name:Jane Doe', 'DPT'], 'Jane Doe, PT, DPT'],
  ['Jane Doe, Doctor of Physical Therapy (DPT)', ['name:Jane Doe', 'DPT'], 'Jane Doe, PT, DPT'],
  ['Jane Doe (Physical Therapist)', ['name:Jane Doe', 'PT'], 'Jane Doe, PT'],
  // Pronouns in parentheses are not a nickname either.
  ['Jane Doe (she/her), PT', ['name:Jane Doe', '?she/her', 'PT'], 'Jane Doe, PT, she/her'],
  // Degrees after the name, dotted or not, are degrees.
  ['Jane Doe, M.A., PT', ['name:Jane Doe', 'MA', 'PT'], 'Jane Doe, PT, MA'],
  ['Jane Doe M.A. PT', ['name:Jane Doe', 'MA', 'PT'], 'Jane Doe, PT, MA'],
  // A credential in another case, or a one-letter slip in capitals, ends the name.
  ['Dpt, PT', ['?Dpt', 'PT'], 'PT, Dpt'],
  ['Jane Doe CMPTT', ['name:Jane Doe', '?CMPTT'], 'Jane Doe, PT, CMPTT'],
  // A comma after a one-word name is no inversion when a credential follows.
  ['Doe, Dpt', ['name:Doe', '?Dpt'], 'Doe, PT, Dpt'],
  ['Doe, MS, PT', ['name:Doe', 'MS', 'PT'], 'Doe, PT, MS'],
  ['Smith, Physical Therapist', ['name:Smith', 'PT'], 'Smith, PT'],
  ['Jane Doe, MS, PT', ['name:Jane Doe', 'MS', 'PT'], 'Jane Doe, PT, MS'],
  // A spelled-out credential, or a job title, after a one-word name is no given name.
  [
    'Doe, Certified Kinesiotaping Wizard, PT',
    ['name:Doe', '?Certified Kinesiotaping Wizard', 'PT'],
    'Doe, PT, Certified Kinesiotaping Wizard',
  ],
  [
    'Dr. Smith, Clinic Director, DPT',
    ['honorific:Dr.', 'name:Smith', '?Clinic Director', 'DPT'],
    'Dr. Smith, PT, DPT, Clinic Director',
  ],
];

describe('names as written (issue 14)', () => {
  it.each(NAMES)('reads %j', (listing, read, fix) => {
    const parsed = parseCredentialListing(listing);
    expect(show(parsed)).toEqual(read);
    const lint = lintCredentialListing(listing);
    expect(lint.fix ?? null).toBe(fix);
    // The fix starts with the name exactly as written (after "Dr." when it stays).
    const name = parsed.name?.text ?? '';
    const person = parsed.honorific ? `${parsed.honorific.text} ${name}` : name;
    expect((fix ?? listing).startsWith(`${person},`)).toBe(true);
    expect(lint.issues.some((i) => i.code === 'inverted-name')).toBe(
      parsed.name?.inverted === true,
    );
  });

  it.each(NOT_NAMES)('does not read a name into %j', (listing, read, fix) => {
    expect(show(parseCredentialListing(listing))).toEqual(read);
    expect(lintCredentialListing(listing).fix ?? null).toBe(fix);
  });

  it('gives the name token the exact slice of the input, inner commas and quotes included', () => {
    const text = 'Smith Jr., John “Jack” A., DPT';
    const { name, tokens } = parseCredentialListing(text);
    expect(name).toEqual({
      kind: 'name',
      text: 'Smith Jr., John “Jack” A.',
      span: { start: 0, end: 25 },
      inverted: true,
    });
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    expect(parseCredentialListing('Maria Lopez, PT').name).not.toHaveProperty('inverted');
  });

  it('writes the honorific, one space and the name as given at the head of the fix', () => {
    const parsed = parseCredentialListing('Dr.\u00a0Ana\u00a0“Anita” de la Cruz — DPT');
    expect(canonicalListing(parsed, { profile: 'apta-2016', role: 'PT', jurisdiction: 'WA' })).toBe(
      'Dr. Ana\u00a0“Anita” de la Cruz, PT, DPT',
    );
  });
});

describe('credentials the catalog spells in several words, or with a mark', () => {
  it.each([
    ['Jane Doe, PT, CSCS,*D', ['name:Jane Doe', 'PT', 'CSCS']],
    ['Jane Doe, PT, NSCA-CPT,*D', ['name:Jane Doe', 'PT', 'NSCA-CPT']],
    ['Jane Doe, PT, APTA CI, LSVT BIG', ['name:Jane Doe', 'PT', 'apta-ccip-1', 'LSVT BIG']],
    ['Jane Doe PT APTA Level 2 CI', ['name:Jane Doe', 'PT', 'apta-ccip-2']],
    // "NDT Certified" is a spelling of C/NDT, but here NDT is followed by another credential spelled out.
    [
      'Jane Doe, PT, NDT\nCertified Canine Rehabilitation Practitioner',
      ['name:Jane Doe', 'PT', 'NDT', 'CCRP'],
    ],
  ])('reads %j', (listing, read) => {
    const parsed = parseCredentialListing(listing);
    expect(show(parsed)).toEqual(read);
    expect(parsed.unknown).toEqual([]);
  });
});

describe('parseCredentialListing with a catalog', () => {
  const custom = [
    {
      abbreviation: 'CFMT',
      name: 'Certified Functional Manual Therapist',
      kind: 'certification' as const,
    },
    { abbreviation: 'Wexler', name: 'Wexler Method Practitioner', kind: 'certification' as const },
  ];

  it('reads by the catalog it is given: an organisation credential is a credential, not a name', () => {
    const catalog = credentialCatalog(custom);
    expect(show(parseCredentialListing('Jane Doe, PT, Wexler', catalog))).toEqual([
      'name:Jane Doe',
      'PT',
      'Wexler',
    ]);
    // The built-in catalog does not know it: after a one-word name it would read as a given name.
    expect(show(parseCredentialListing('Doe, Wexler, PT'))).toEqual(['inverted:Doe, Wexler', 'PT']);
    expect(show(parseCredentialListing('Doe, Wexler, PT', catalog))).toEqual([
      'name:Doe',
      'Wexler',
      'PT',
    ]);
  });

  it('refuses something that is not a catalog, saying what to pass', () => {
    expect(() =>
      parseCredentialListing('Jane Doe, PT', { find: () => undefined } as never),
    ).toThrow(
      /parseCredentialListing\(catalog\): expected a credential catalog.*defaultCatalog\(\)/,
    );
  });
});
