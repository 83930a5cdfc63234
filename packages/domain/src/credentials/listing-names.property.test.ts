import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalListing } from './canonical-listing.js';
import type { CredentialProfile } from './canonical-order.js';
import { defaultCatalog } from './catalog-lookup.js';
import { lintCredentialListing, MAX_LISTING_LENGTH } from './listing-lint.js';
import { parseCredentialListing } from './listing-parser.js';

// Names are sacred (issue 14): for a name of any shape people write, followed by any list of
// credentials the catalog knows, the parser reads the name exactly as written and the fix starts
// with it (after the honorific when the law lets it stay), not a character changed.

const catalog = defaultCatalog();

/** Whether a generated word could be read as something other than a name: the property is about names. */
function credentialLike(word: string): boolean {
  const bare = word.replace(/[.]/g, '');
  return (
    catalog.find(word) !== undefined ||
    catalog.find(word.toUpperCase()) !== undefined ||
    catalog.findByName(word) !== undefined ||
    catalog.longFormFirstWords.has(bare.toLowerCase()) ||
    /^(?:Dr|Doctor|Jr|Sr|II|III|IV|Of|And|The)$/i.test(bare) ||
    // Job-title words the parser does not take for given names ("Smith, Clinic Director").
    /^(?:owner|founder|director|manager|president|clinic|clinical|coordinator|chief|head|lead|senior|staff|partner|therapist|assistant|instructor|professor|faculty|resident|fellow|student|ceo)$/i.test(
      bare,
    ) ||
    /^(?:van|von|de|da|das|del|della|dei|der|den|des|di|do|dos|du|la|las|le|lo|los|ter|ten|y|e|bin|ibn|al|el|st)$/i.test(
      bare,
    )
  );
}

const LOWER = 'abcdefghijklmnopqrstuvwxyzáéíóúñçöüøå';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÓÖÜØŁŠŽ';

/** A capitalised word: "Maria", "Zoë", or generated ("Kavrelo"). */
const generatedWord = fc
  .tuple(
    fc.constantFrom(...UPPER),
    fc.array(fc.constantFrom(...LOWER), { minLength: 2, maxLength: 9 }),
  )
  .map(([first, rest]) => first + rest.join(''))
  .filter((w) => !credentialLike(w));

const givenName = fc
  .oneof(
    fc.constantFrom(
      'Maria',
      'Anna',
      'John',
      'Jean-Luc',
      'Mary-Kate',
      'José',
      'Zoë',
      'Siobhán',
      'Li',
      'Wei',
      'Ana',
      'Chloé',
      'Øyvind',
      'Łukasz',
      'Nnamdi',
      'Aoife',
      'Kwame',
      'Priya',
      'Mark',
      'Allison',
    ),
    generatedWord,
  )
  .filter((w) => !credentialLike(w));

/** A surname of one part: plain, hyphenated, Mc/Mac/O'/d' forms, with particles. */
const surname = fc.oneof(
  fc.constantFrom(
    'Lopez',
    'Nguyen',
    'Okafor',
    'García',
    'Müller',
    'McKay',
    'MacDonald',
    "O'Brien",
    'O’Neill',
    "D'Angelo",
    "d'Angelo",
    'al-Hassan',
    'Shulman',
  ),
  generatedWord,
  fc.tuple(generatedWord, generatedWord).map(([a, b]) => `${a}-${b}`),
  fc
    .tuple(
      fc.constantFrom(
        'van',
        'van der',
        'von',
        'de',
        'de la',
        'da',
        'del',
        'della',
        'di',
        'du',
        'la',
        'le',
        'Van',
        'De',
        'St.',
        'Van der',
        'dos',
      ),
      fc.oneof(
        fc.constantFrom('Berg', 'Cruz', 'Silva', 'Rossi', 'Pont', 'John', 'Beek'),
        generatedWord,
      ),
    )
    .map(([particles, word]) => `${particles} ${word}`),
);

const initial = fc.oneof(
  fc.constantFrom(...'ABCDEFGHJKLMNPRSTW').map((c) => `${c}.`),
  fc
    .tuple(fc.constantFrom(...'ABCJMR'), fc.constantFrom(...'ABCJMR'))
    .map(([a, b]) => `${a}.${b}.`),
);

const QUOTE_STYLES = [
  ['"', '"'],
  ['“', '”'],
  ["'", "'"],
  ['‘', '’'],
  ['(', ')'],
] as const;

const nickname = fc
  .tuple(
    fc.constantFrom(...QUOTE_STYLES),
    fc.oneof(givenName, fc.constantFrom('Mia', 'Bob', 'Tina')),
  )
  .map(([[open, close], word]) => ({ text: `${open}${word}${close}`, paren: open === '(' }));

const SUFFIXES = ['Jr.', 'Jr', 'Sr.', 'II', 'III', 'IV'] as const;
const suffix = fc.record({
  word: fc.constantFrom(...SUFFIXES),
  comma: fc.boolean(),
});

/** A name as written, and whether it is written surname first. */
interface WrittenName {
  readonly text: string;
  readonly inverted: boolean;
}

/** Given names first: [Prof.] Given [initial] [“Nick”] [Middle] Surname [, Jr.] [“Nick”]. */
const directName: fc.Arbitrary<WrittenName> = fc
  .record({
    courtesy: fc.option(fc.constantFrom('Prof.', 'Mr.', 'Ms.', 'Mrs.', 'Professor'), {
      nil: undefined,
    }),
    given: givenName,
    initial: fc.option(initial, { nil: undefined }),
    nickname: fc.option(nickname, { nil: undefined }),
    nicknameAtEnd: fc.boolean(),
    middle: fc.option(givenName, { nil: undefined }),
    surname,
    suffix: fc.option(suffix, { nil: undefined }),
  })
  .map((n) => {
    // A parenthesised nickname is one only inside the name (or ending an inverted one).
    const atEnd = n.nickname && n.nicknameAtEnd && !n.nickname.paren && !n.suffix;
    const words = [
      n.courtesy,
      n.given,
      n.initial,
      n.nickname && !atEnd ? n.nickname.text : undefined,
      n.middle,
      n.surname,
    ].filter((w) => w !== undefined);
    let text = words.join(' ');
    if (n.suffix) text += `${n.suffix.comma ? ', ' : ' '}${n.suffix.word}`;
    if (atEnd && n.nickname) text += ` ${n.nickname.text}`;
    return { text, inverted: false };
  });

/** Surname first: Surname [Jr.], Given [M.] [“Nick” | (Nick)] [, Jr.]. */
const invertedName: fc.Arbitrary<WrittenName> = fc
  .record({
    surname,
    surnameSuffix: fc.option(fc.constantFrom(...SUFFIXES), { nil: undefined }),
    given: givenName,
    initial: fc.option(initial, { nil: undefined }),
    nickname: fc.option(nickname, { nil: undefined }),
    suffix: fc.option(fc.constantFrom(...SUFFIXES), { nil: undefined }),
  })
  .map((n) => {
    const head = n.surnameSuffix ? `${n.surname} ${n.surnameSuffix}` : n.surname;
    const given = [n.given, n.initial, n.nickname?.text].filter((w) => w !== undefined).join(' ');
    const tail = n.suffix && !n.surnameSuffix ? `, ${n.suffix}` : '';
    return { text: `${head}, ${given}${tail}`, inverted: true };
  });

/** An all-capitals roster export: "LOPEZ, MARIA" or "MARIA LOPEZ". */
const capitalsName: fc.Arbitrary<WrittenName> = fc
  .record({ given: givenName, surname, inverted: fc.boolean() })
  .filter(
    ({ given, surname }) =>
      !`${given} ${surname}`
        .toUpperCase()
        .split(/[\s-]/)
        .some((w) => credentialLike(w) || catalog.suggest(w) !== undefined),
  )
  .map(({ given, surname, inverted }) => ({
    text: (inverted ? `${surname}, ${given}` : `${given} ${surname}`).toUpperCase(),
    inverted,
  }));

/** Every spelling the catalog knows that reads, on its own, as exactly that one credential. */
const SPELLINGS = catalog.entries
  .flatMap((e) => [e.abbreviation ?? e.name, ...(e.variants ?? []), ...e.aliases, ...e.longForms])
  .filter((spelling) => {
    const parsed = parseCredentialListing(spelling);
    return (
      parsed.credentials.length === 1 &&
      parsed.unknown.length === 0 &&
      parsed.name === undefined &&
      parsed.honorific === undefined
    );
  });

const separator = fc.constantFrom(', ', ', ', ' ', ' — ', ' | ', ' • ', '; ', '\n', ',\u00a0');
const credentials = fc.array(fc.tuple(separator, fc.constantFrom(...SPELLINGS)), {
  minLength: 1,
  maxLength: 5,
});

const listing = fc
  .record({
    honorific: fc.option(fc.constantFrom('Dr.', 'Dr', 'Doctor'), { nil: undefined }),
    name: fc.oneof(
      { weight: 3, arbitrary: directName },
      { weight: 2, arbitrary: invertedName },
      { weight: 1, arbitrary: capitalsName },
    ),
    credentials,
  })
  .map(({ honorific, name, credentials }) => ({
    honorific,
    name,
    text: `${honorific ? `${honorific} ` : ''}${name.text}${credentials.map(([s, c]) => s + c).join('')}`,
  }));

const options = fc.record({
  profile: fc.constantFrom<CredentialProfile>('apta-2016', 'apta-legacy'),
  role: fc.constantFrom('PT' as const, 'PTA' as const, 'other' as const),
  jurisdiction: fc.constantFrom(
    undefined,
    'CA' as const,
    'TX' as const,
    'NY' as const,
    'WA' as const,
  ),
});

/** The fix with the honorific taken off its front, when it kept one. */
function afterHonorific(fix: string, honorific: string | undefined): string {
  return honorific !== undefined && fix.startsWith(`${honorific} `)
    ? fix.slice(honorific.length + 1)
    : fix;
}

describe('names are sacred', () => {
  it('reads the name exactly as written, and the fix starts with it', () => {
    fc.assert(
      fc.property(listing, options, ({ honorific, name, text }, opts) => {
        const parsed = parseCredentialListing(text);
        expect(parsed.honorific?.text).toBe(honorific);
        expect(parsed.name?.text).toBe(name.text);
        expect(parsed.name?.inverted === true).toBe(name.inverted);
        expect(parsed.unknown).toEqual([]);
        expect(parsed.tokens.map((t) => t.text).join('')).toBe(text);

        const { jurisdiction, ...rest } = opts;
        const canonicalOptions = jurisdiction ? { ...rest, jurisdiction } : rest;
        const canonical = canonicalListing(parsed, canonicalOptions);
        const person = afterHonorific(canonical, honorific);
        expect(person.startsWith(name.text)).toBe(true);
        expect(['', ',']).toContain(person.charAt(name.text.length));

        // The linter reads at most MAX_LISTING_LENGTH characters; past that there is no fix.
        if (text.length > MAX_LISTING_LENGTH) return;
        const lint = lintCredentialListing(text, canonicalOptions);
        const fix = lint.fix ?? lint.canonical;
        expect(fix).toBe(canonical);
        expect(lint.issues.some((i) => i.code === 'inverted-name')).toBe(name.inverted);
      }),
      { numRuns: 3000 },
    );
    // About 1 s alone; past vitest's 5 s default while turbo runs every suite on two cores.
  }, 60_000);

  it('keeps the fix of a fixed listing: canonical twice is canonical once', () => {
    fc.assert(
      fc.property(listing, options, ({ text }, opts) => {
        const { jurisdiction, ...rest } = opts;
        const canonicalOptions = jurisdiction ? { ...rest, jurisdiction } : rest;
        const once = canonicalListing(parseCredentialListing(text), canonicalOptions);
        const reparsed = parseCredentialListing(once);
        expect(canonicalListing(reparsed, canonicalOptions)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
