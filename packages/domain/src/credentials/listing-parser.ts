import { argumentError, expectText } from '../shared/arguments.js';
import type { Span } from '../shared/issue.js';
import { editDistance } from '../shared/suggest.js';
import type { CatalogEntry } from './catalog-entry.js';
import { type CredentialCatalog, defaultCatalog, longFormKey } from './catalog-lookup.js';

/** How a credential was written in a listing. */
export type CredentialForm = 'abbreviation' | 'spelled-out' | 'spelled-out-with-abbreviation';

/** One piece of a listing. Every character of the input belongs to exactly one token. */
export type ListingToken =
  | { readonly kind: 'honorific'; readonly text: string; readonly span: Span }
  | {
      readonly kind: 'name';
      /** The name exactly as written: nickname, quotes, particles, suffix, inner commas. */
      readonly text: string;
      readonly span: Span;
      /** Written surname first, `Last, First M.` (author lists, HR exports). */
      readonly inverted?: true;
    }
  | { readonly kind: 'separator'; readonly text: string; readonly span: Span }
  | {
      readonly kind: 'credential';
      readonly text: string;
      readonly span: Span;
      /** The catalog entry it matched. */
      readonly credential: CatalogEntry;
      /** Abbreviated, written out, or written out with the abbreviation in parentheses. */
      readonly form: CredentialForm;
    }
  | {
      readonly kind: 'unknown';
      readonly text: string;
      readonly span: Span;
      /** The catalog spelling it is probably a typo of. */
      readonly suggestion?: string;
    };

/** A credential token. */
export type CredentialToken = Extract<ListingToken, { kind: 'credential' }>;

/** The name token of a listing. */
export type NameToken = Extract<ListingToken, { kind: 'name' }>;

/** A credential listing read into its parts. */
export interface ParsedListing {
  /** The input, unchanged. */
  readonly text: string;
  /** Every piece of the input, in order; their texts joined give the input back. */
  readonly tokens: readonly ListingToken[];
  /** The honorific ("Dr.", "Doctor"), if the listing starts with one. */
  readonly honorific?: Extract<ListingToken, { kind: 'honorific' }>;
  /** The person's name, if the listing has one, exactly as written. */
  readonly name?: NameToken;
  /** The credentials recognised, in order. */
  readonly credentials: readonly CredentialToken[];
  /** The pieces not recognised, in order. */
  readonly unknown: readonly Extract<ListingToken, { kind: 'unknown' }>[];
}

// Commas, semicolons, pipes, bullets, dashes, brackets, every kind of space and line break,
// zero-width characters. Slashes and hyphens join words ("OTR/L", "CLT-LANA") unless they stand alone.
const SEPARATOR = /[\s,;|•·∙‧⋅◦▪●—–‒―()[\]{}\u200b-\u200d\u2060\ufeff]/u;
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;
const HAS_ALNUM = /[\p{L}\p{N}]/u;
// The same test for the ASCII range, by table: the tokenizer asks it of every character.
const ASCII_SEPARATOR: readonly boolean[] = Array.from({ length: 128 }, (_, c) =>
  SEPARATOR.test(String.fromCharCode(c)),
);

// Only "Dr." and "Doctor" are honorifics: they are the titles the state practice acts regulate
// (title-rules.ts), which the fix keeps or drops by law. Other courtesy titles (Prof., Professor,
// Mr., Mrs., Ms., Mx.) are read as part of the name, so that the fix keeps them as written.
const HONORIFIC = /^(?:Dr\.?|Doctor)$/i;
// A capitalised word (or one in a script without case), with the apostrophes, hyphens and dots of
// O'Brien, Garcia-Lopez, St., J.R.; or a lowercase elided or hyphenated prefix: d'Angelo, al-Hassan.
const NAME_WORD =
  /^(?:[\p{Lu}\p{Lt}\p{Lo}]|(?:[dl]['’]|(?:al|el|ul|bin|ibn|abu|ben)-)\p{Lu})[\p{L}\p{M}'’.-]*$/u;
const NAME_SUFFIX = /^(?:Jr\.?|JR\.?|Sr\.?|SR\.?|II|III|IV)$/;
// Lowercase particles of multi-part surnames: "de la Cruz", "van der Berg", "García y López".
// Capitalised ones (Van, De, La, St.) are name words; Mc, Mac and O' are part of the word.
const PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'von',
  'de',
  'da',
  'das',
  'del',
  'della',
  'dei',
  'der',
  'den',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'la',
  'las',
  'le',
  'lo',
  'los',
  'ter',
  'ten',
  'y',
  'e',
  'bin',
  'ibn',
  'al',
  'el',
  'st.',
]);
const KEY_DROPPED = /[.\s]/g;
const DOTTED_INITIALS = /^(?:\p{Lu}\.){1,3}$/u;
const HAS_LOWERCASE = /\p{Ll}/u;
const ALL_CAPS_WORD = /^\p{Lu}{2,}$/u;
// Nickname quotes: opening character → the closing characters accepted.
const QUOTES: Readonly<Record<string, string>> = { '"': '"”', '“': '”"', "'": "'’", '‘': "’'" };
const QUOTED_CONTENT = /^[\p{L}\p{M}'’. -]*\p{L}[\p{L}\p{M}'’. -]*$/u;
// Gaps between words, matched in place (sticky) so that no slice is made.
const COMMA_GAP = /[\s\u200b-\u200d\u2060\ufeff]*,[\s\u200b-\u200d\u2060\ufeff]*/y;
const OPEN_PAREN_GAP = /[\s\u200b-\u200d\u2060\ufeff]*\([\s\u200b-\u200d\u2060\ufeff]*/y;
const CLOSE_PAREN_GAP = /[\s\u200b-\u200d\u2060\ufeff]*\)/y;
const SPACE_GAP = /[\s\u200b-\u200d\u2060\ufeff]+/y;
const STAR_GAP = /,[\s\u200b-\u200d\u2060\ufeff]*/y;
// "Doctor of Physical Therapy (DPT)": the abbreviation in parentheses after a spelled-out one.
const ABBREVIATION_IN_PARENS = /[\s\u00a0]*\(\s*([^()\s,;]+(?: [^()\s,;]+)?)\s*\)/uy;

/** Whether `re` (sticky) matches the text from `from` exactly up to `to`. */
function gapMatches(re: RegExp, text: string, from: number, to: number): boolean {
  re.lastIndex = from;
  return re.test(text) && re.lastIndex === to;
}

/** Where `re` (sticky) matching at `from` ends, or -1. */
function gapEnd(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  return re.test(text) ? re.lastIndex : -1;
}

/** A credential read at a word: its entry and the last word it takes. */
interface Found {
  readonly entry: CatalogEntry;
  readonly last: number;
}

interface Piece {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The words of `text`: runs of characters that are not separators and hold a letter or digit (or are "&"). */
function wordsOf(text: string): Piece[] {
  const words: Piece[] = [];
  let start = -1;
  const close = (end: number) => {
    const piece = text.slice(start, end);
    // A "word" with no letter or digit ("/", "-", "&" alone) is a separator, except "&" inside names.
    if (piece === '&' || HAS_ALNUM.test(piece)) words.push({ text: piece, start, end });
    start = -1;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let separator: boolean;
    let width = 1;
    if (code < 128) separator = ASCII_SEPARATOR[code] === true;
    else {
      const codePoint = text.codePointAt(i) ?? 0;
      if (codePoint > 0xffff) width = 2;
      separator = SEPARATOR.test(String.fromCodePoint(codePoint));
    }
    if (separator) {
      if (start >= 0) close(i);
    } else if (start < 0) start = i;
    i += width;
  }
  if (start >= 0) close(text.length);
  return words;
}

// The most words (as the tokenizer splits them) an abbreviation of the catalog has: "APTA Level 2 CI".
const abbreviationWords = new WeakMap<CredentialCatalog, number>();

function longestAbbreviationWords(catalog: CredentialCatalog): number {
  let most = abbreviationWords.get(catalog);
  if (most === undefined) {
    most = 1;
    for (const entry of catalog.entries)
      for (const form of [entry.abbreviation ?? '', ...(entry.variants ?? []), ...entry.aliases])
        most = Math.max(most, wordsOf(form).length);
    abbreviationWords.set(catalog, most);
  }
  return most;
}

/**
 * Reads a credential listing as websites write it — "Dr. Mark Shulman — Doctor of Physical
 * Therapy (DPT), FAAOMPT, COMT, CSCS", "Jane Doe PT DPT", "P.T., D.P.T. | Cert MDT" — into an
 * honorific, a name, credentials (abbreviated or spelled out) and separators, each with its span.
 * Anything not recognised is kept as an `unknown` token, with a suggestion for a near miss; no
 * character is dropped. Matching is case-sensitive for abbreviations (LAc is not LAC) and
 * tolerant of dots and spacing (P.T., Cert MDT). Never throws on text; anything else is a
 * TypeError (a parsed listing has no way to say "this was not text"; `lintCredentialListing`
 * judges any input and says so).
 *
 * The name is read as people write theirs, and its token is the exact slice of the input:
 * - an honorific first: only "Dr." ("Dr", "DR.") and "Doctor" — the titles state law regulates;
 *   Prof., Mr., Ms., Mrs. and Mx. are kept as part of the name;
 * - capitalised words, initials (J., J.R.), hyphenated surnames (Garcia-Lopez), Mc/Mac/O' forms,
 *   elided and hyphenated prefixes (d'Angelo, al-Hassan), and lowercase particles inside or at
 *   the start of the name (van, von, de, da, das, del, della, dei, der, den, des, di, do, dos, du,
 *   la, las, le, lo, los, ter, ten, y, e, bin, ibn, al, el, st.): "de la Cruz", "van der Berg";
 * - a nickname in straight or curly double or single quotes ("Mia", “Mia”, 'Mia', ‘Mia’), or in
 *   parentheses when it stands inside the name ("Maria (Mia) Lopez") or ends it and reads as a
 *   given name ("Lopez, Maria (Mia)"); a parenthesised credential ("(DPT)") is never a nickname;
 * - a suffix, Jr., Sr., II, III or IV, with or without a comma ("John Smith, Jr., PT");
 * - the inverted form `Last, First M.` of author lists and HR exports ("Lopez, Maria, DPT",
 *   "van der Berg, Anna M., PT"), read when a one-part surname is followed by a comma and given
 *   names that are no credential; the name token then has `inverted: true`.
 * A word the catalog knows (even in another case: "Dpt"), and an all-capitals near miss of one
 * after a mixed-case name ("Jane Doe CMPTT"), ends the name.
 *
 * @param catalog - the credential catalog to read by; the built-in one by default
 * @throws {TypeError} when `text` is not text, or `catalog` is not a credential catalog
 * @example
 * parseCredentialListing('Jane Doe, PT, DPT').credentials.map((c) => c.credential.id); // ['PT', 'DPT']
 * parseCredentialListing('Lopez, Maria, DPT').name; // { kind: 'name', text: 'Lopez, Maria', span: { start: 0, end: 12 }, inverted: true }
 */
export function parseCredentialListing(text: string, catalog?: CredentialCatalog): ParsedListing {
  expectText(
    'parseCredentialListing',
    'text',
    text,
    'a credential listing (text) such as "Jane Doe, PT, DPT"',
  );
  if (
    catalog !== undefined &&
    (typeof catalog !== 'object' ||
      catalog === null ||
      typeof catalog.find !== 'function' ||
      typeof catalog.findByName !== 'function' ||
      typeof catalog.suggest !== 'function' ||
      !Array.isArray(catalog.entries) ||
      !(catalog.longFormFirstWords instanceof Set))
  )
    throw argumentError(
      'parseCredentialListing(catalog)',
      'a credential catalog',
      catalog,
      'pass defaultCatalog() or credentialCatalog(customCredentials), or leave it out',
    );
  return parseCredentialListingUnchecked(text, catalog);
}

/** {@link parseCredentialListing} without the argument checks, for callers that have made them. */
export function parseCredentialListingUnchecked(
  text: string,
  catalog: CredentialCatalog = defaultCatalog(),
): ParsedListing {
  const words = wordsOf(text);
  const count = words.length;
  const tokens: ListingToken[] = [];
  // For each word: may the next word be joined to it in a multi-word form (only spaces between)?
  const joinable: boolean[] = new Array(count);
  for (let w = 0; w < count; w++) {
    const next = words[w + 1];
    joinable[w] = next !== undefined && gapMatches(SPACE_GAP, text, words[w]?.end ?? 0, next.start);
  }
  const wordText = (w: number) => words[w]?.text ?? '';
  const startOf = (w: number) => words[w]?.start ?? text.length;
  const endOf = (w: number) => words[w]?.end ?? text.length;

  // Each word's spelled-out and abbreviated readings, worked out once (the name grammar and the
  // credential loop ask about the same words).
  const longMemo: (Found | null | undefined)[] = new Array(count);
  const abbreviationMemo: (Found | null | undefined)[] = new Array(count);
  const longFormAt = (w: number): Found | undefined => {
    let found = longMemo[w];
    if (found === undefined) {
      found = readLongForm(w) ?? null;
      longMemo[w] = found;
    }
    return found ?? undefined;
  };
  const readLongForm = (w: number): Found | undefined => {
    // Most words start no spelled-out credential: rule them out before trying phrases.
    const word = wordText(w);
    const first = PLAIN_WORD.test(word)
      ? word.toLowerCase()
      : (longFormKey(word).split(' ')[0] ?? '');
    if (!catalog.longFormFirstWords.has(first)) return undefined;
    let last = w;
    while (last - w + 1 < catalog.longestLongFormWords && joinable[last]) last++;
    for (let j = last; j >= w; j--) {
      const entry = catalog.findByName(text.slice(startOf(w), endOf(j)));
      // "NDT Certified Canine Rehabilitation Practitioner": NDT, then a credential spelled out.
      if (entry && (j === w || !spelledOutAcross(w + 1, j))) return { entry, last: j };
    }
    return undefined;
  };
  const maxWords = longestAbbreviationWords(catalog);
  /** Whether a spelled-out credential starts at a word from `a` to `b` and runs on past `b`. */
  const spelledOutAcross = (a: number, b: number): boolean => {
    for (let k = a; k <= b; k++) if ((longFormAt(k)?.last ?? -1) > b) return true;
    return false;
  };
  const abbreviationAt = (w: number): Found | undefined => {
    let found = abbreviationMemo[w];
    if (found === undefined) {
      found = readAbbreviation(w) ?? null;
      abbreviationMemo[w] = found;
    }
    return found ?? undefined;
  };
  const readAbbreviation = (w: number): Found | undefined => {
    // "CSCS,*D", "NSCA-CPT,*D": NSCA's "with distinction" mark, written after a comma.
    const next = words[w + 1];
    if (next?.text.startsWith('*') && gapMatches(STAR_GAP, text, endOf(w), next.start)) {
      const entry = catalog.find(text.slice(startOf(w), next.end));
      if (entry) return { entry, last: w + 1 };
    }
    let last = w;
    while (last - w + 1 < maxWords && joinable[last]) last++;
    for (let j = last; j > w; j--) {
      const entry = catalog.find(text.slice(startOf(w), endOf(j)));
      // "NDT Certified Canine Rehabilitation Practitioner": NDT, then a credential spelled out.
      if (entry && !spelledOutAcross(w + 1, j)) return { entry, last: j };
    }
    const entry = catalog.find(wordText(w));
    return entry ? { entry, last: w } : undefined;
  };
  const credentialAt = (w: number) => longFormAt(w) ?? abbreviationAt(w);

  let cursor = 0; // offset up to which tokens cover the text
  const pushSeparatorUpTo = (offset: number) => {
    if (offset > cursor)
      tokens.push({
        kind: 'separator',
        text: text.slice(cursor, offset),
        span: { start: cursor, end: offset },
      });
    cursor = offset;
  };
  const push = (token: ListingToken) => {
    pushSeparatorUpTo(token.span.start);
    tokens.push(token);
    cursor = token.span.end;
  };
  const spanOf = (first: Piece, last: Piece): Span => ({ start: first.start, end: last.end });

  let i = 0;
  const first = words[0];
  if (first && HONORIFIC.test(first.text) && words[1]?.text.toLowerCase() !== 'of') {
    push({ kind: 'honorific', text: first.text, span: spanOf(first, first) });
    i = 1;
  }
  const name = readName(text, words, joinable, i, catalog, credentialAt);
  if (name) {
    push({
      kind: 'name',
      text: text.slice(startOf(i), name.end),
      span: { start: startOf(i), end: name.end },
      ...(name.inverted ? { inverted: true as const } : {}),
    });
    i = name.next;
  }

  while (i < count) {
    const word = words[i];
    if (!word) break;
    const long = longFormAt(i);
    if (long) {
      const lastWord = words[long.last] ?? word;
      let span = spanOf(word, lastWord);
      let form: CredentialForm = 'spelled-out';
      let next = long.last + 1;
      // "Doctor of Physical Therapy (DPT)": the abbreviation in parentheses belongs to it.
      ABBREVIATION_IN_PARENS.lastIndex = span.end;
      const after = ABBREVIATION_IN_PARENS.exec(text);
      if (after?.[1] && catalog.find(after[1]) === long.entry) {
        const end = span.end + after[0].length;
        span = { start: span.start, end };
        form = 'spelled-out-with-abbreviation';
        while (next < count && startOf(next) < end) next++;
      }
      push({
        kind: 'credential',
        text: text.slice(span.start, span.end),
        span,
        credential: long.entry,
        form,
      });
      i = next;
      continue;
    }
    const short = abbreviationAt(i);
    if (short) {
      const span = spanOf(word, words[short.last] ?? word);
      push({
        kind: 'credential',
        text: text.slice(span.start, span.end),
        span,
        credential: short.entry,
        form: 'abbreviation',
      });
      i = short.last + 1;
      continue;
    }
    // "PT/DPT": slash-joined abbreviations.
    if (word.text.includes('/')) {
      const parts = word.text.split('/');
      if (parts.every((part) => part !== '' && catalog.find(part))) {
        let offset = word.start;
        for (const part of parts) {
          const entry = catalog.find(part);
          if (entry) {
            push({
              kind: 'credential',
              text: part,
              span: { start: offset, end: offset + part.length },
              credential: entry,
              form: 'abbreviation',
            });
          }
          offset += part.length + 1;
        }
        i += 1;
        continue;
      }
    }
    // Not recognised: group the words up to the next separator or credential.
    let last = i;
    while (joinable[last] && last + 1 < count && !credentialAt(last + 1)) last++;
    const span = spanOf(word, words[last] ?? word);
    const unknownText = text.slice(span.start, span.end);
    const suggestion = last === i ? catalog.suggest(unknownText) : undefined;
    push({ kind: 'unknown', text: unknownText, span, ...(suggestion ? { suggestion } : {}) });
    i = last + 1;
  }
  pushSeparatorUpTo(text.length);

  const credentials: CredentialToken[] = [];
  const unknown: Extract<ListingToken, { kind: 'unknown' }>[] = [];
  let honorific: Extract<ListingToken, { kind: 'honorific' }> | undefined;
  let nameToken: NameToken | undefined;
  for (const token of tokens) {
    if (token.kind === 'credential') credentials.push(token);
    else if (token.kind === 'unknown') unknown.push(token);
    else if (token.kind === 'honorific') honorific = token;
    else if (token.kind === 'name') nameToken = token;
  }
  return {
    text,
    tokens,
    credentials,
    unknown,
    ...(honorific ? { honorific } : {}),
    ...(nameToken ? { name: nameToken } : {}),
  };
}

/** Where a name read from the listing ends. */
interface NameRead {
  /** The offset just after the name. */
  readonly end: number;
  /** The first word after the name. */
  readonly next: number;
  readonly inverted: boolean;
}

/** A run of name parts: the last word in it and the offset where it ends. */
interface Run {
  readonly first: number;
  readonly last: number;
  readonly end: number;
  /** Capitalised words other than particles, suffixes and nicknames. */
  readonly parts: readonly number[];
  readonly nickname: boolean;
  readonly lowercase: boolean;
}

/**
 * The person's name starting at word `from`, if there is one: a direct name ("Maria “Mia”
 * Lopez", "John Smith, Jr.") or an inverted one ("Lopez, Maria", "van der Berg, Anna M.").
 */
function readName(
  text: string,
  words: readonly Piece[],
  joinable: readonly boolean[],
  from: number,
  catalog: CredentialCatalog,
  credentialAt: (w: number) => unknown,
): NameRead | undefined {
  const count = words.length;
  const wordText = (w: number) => words[w]?.text ?? '';
  const startOf = (w: number) => words[w]?.start ?? text.length;
  const endOf = (w: number) => words[w]?.end ?? text.length;

  /** Whether a capitalised word is a credential in disguise: "Dpt", "Phd", or "CMPTT" after "Jane Doe". */
  const credentialLike = (w: string, lowercaseSoFar: boolean, given: boolean): boolean => {
    // "Dpt" is DPT in disguise; "Edd" is a name, though EDD is read as EdD (any case): only a
    // catalog spelling written in capitals counts.
    if (
      w.length >= 3 &&
      HAS_LOWERCASE.test(w) &&
      catalog.spellingOf(w.toUpperCase()) === w.toUpperCase()
    )
      return true;
    if (lowercaseSoFar && ALL_CAPS_WORD.test(w)) {
      // A slip of one letter (CMPTT, OCSS, FAAMPT), not a surname written in capitals (DUPONT).
      const near = catalog.suggest(w);
      if (near !== undefined && editDistance(w, near.replace(KEY_DROPPED, '')) <= 1) return true;
    }
    if (given && catalog.longFormFirstWords.has(w.toLowerCase())) return true;
    return false;
  };
  /** The last word of a quoted nickname opening at word `w`, or -1. */
  const quotedNickname = (w: number): number => {
    const opening = wordText(w);
    const closing = QUOTES[opening[0] ?? ''];
    if (closing === undefined) return -1;
    for (let k = w; k < count && k < w + 4; k++) {
      const last = wordText(k);
      if ((k > w || last.length > 2) && closing.includes(last[last.length - 1] ?? '')) {
        const inner = text.slice(startOf(w) + 1, endOf(k) - 1);
        return QUOTED_CONTENT.test(inner) && !catalog.find(inner) ? k : -1;
      }
      if (!joinable[k]) return -1;
    }
    return -1;
  };
  /** Whether words `a`..`b` read as given names: no credential, in any case or spelled out. */
  const givenNames = (a: number, b: number): boolean => {
    for (let k = a; k <= b; k++) {
      const w = wordText(k);
      if (!NAME_WORD.test(w) || !HAS_LOWERCASE.test(w) || credentialAt(k)) return false;
      if (credentialLike(w, true, true)) return false;
    }
    return !catalog.find(text.slice(startOf(a), endOf(b)));
  };
  /**
   * A parenthesised nickname after word `w`: "Maria (Mia) Lopez" (inside the name) or, with
   * `trailing`, "Lopez, Maria (Mia)" (ending it). The last word inside and where the group ends.
   */
  const parenNickname = (w: number): { last: number; close: number } | undefined => {
    const open = words[w + 1];
    if (!open || !gapMatches(OPEN_PAREN_GAP, text, endOf(w), open.start)) return undefined;
    let k = w + 1;
    while (k < w + 4 && joinable[k]) k++;
    const close = gapEnd(CLOSE_PAREN_GAP, text, endOf(k));
    if (close < 0 || !givenNames(w + 1, k)) return undefined;
    return { last: k, close };
  };

  /** Dotted initials that spell a degree, inside a name: "Jane M.A. Doe", "John J.D. Smith". */
  // In the given names of an inverted name they are initials wherever they stand ("Lopez, Maria M.A.").
  const middleInitials = (w: number, given: boolean): boolean => {
    if (!DOTTED_INITIALS.test(wordText(w))) return false;
    if (given) return true;
    return (joinable[w] === true && continuesName(w + 1, false)) || innerNickname(w, false) >= 0;
  };
  /** Whether word `k` can carry a name on: a name word, a particle or an opening quote. */
  const continuesName = (k: number, given: boolean): boolean => {
    const next = wordText(k);
    if (next === '') return false;
    if (PARTICLES.has(next) || (next[0] ?? '') in QUOTES) return true;
    return NAME_WORD.test(next) && !credentialAt(k) && !credentialLike(next, true, given);
  };
  /** "Maria (Mia) Lopez": the last word of a parenthesised nickname inside the name after word `w`, or -1. */
  const innerNickname = (w: number, given: boolean): number => {
    const paren = parenNickname(w);
    const after = paren ? words[paren.last + 1] : undefined;
    if (
      paren &&
      after &&
      gapMatches(SPACE_GAP, text, paren.close, after.start) &&
      continuesName(paren.last + 1, given)
    )
      return paren.last;
    return -1;
  };
  /** Name parts from word `start`, joined by spaces (or a parenthesised nickname). */
  const readRun = (start: number, given: boolean, lowercaseBefore: boolean): Run | undefined => {
    let lowercase = lowercaseBefore;
    let last = -1; // the last word of the run so far, not counting particles still waiting for a name word
    let end = -1;
    let nickname = false;
    const parts: number[] = [];
    let w = start;
    while (w < count) {
      const word = wordText(w);
      let through = w;
      let kind: 'word' | 'particle' | 'suffix' | 'nickname';
      const quoted = w > start ? quotedNickname(w) : -1;
      if (quoted >= 0) {
        kind = 'nickname';
        through = quoted;
      } else if (w > start && middleInitials(w, given)) kind = 'word';
      else if (credentialAt(w)) break;
      else if (PARTICLES.has(word)) kind = 'particle';
      else if (w > start && NAME_SUFFIX.test(word)) kind = 'suffix';
      else if (NAME_WORD.test(word) && !credentialLike(word, lowercase, given)) kind = 'word';
      else break;
      if (kind !== 'particle') {
        last = through;
        end = endOf(through);
        if (kind === 'word') parts.push(w);
        if (kind === 'nickname') nickname = true;
      }
      if (!lowercase && HAS_LOWERCASE.test(word)) lowercase = true;
      w = through;
      if (joinable[w]) {
        w++;
        continue;
      }
      // "Maria (Mia) Lopez": a nickname in parentheses inside the name.
      if (kind === 'word' && last === w) {
        const inner = innerNickname(w, given);
        if (inner >= 0) {
          nickname = true;
          w = inner + 1;
          continue;
        }
      }
      break;
    }
    if (last < start || parts.length === 0) return undefined;
    return { first: start, last, end, parts, nickname, lowercase };
  };

  /** The name's end after an optional ", Jr." following word `last` (ending at `end`). */
  const withSuffix = (last: number, end: number): { last: number; end: number } => {
    const suffix = words[last + 1];
    if (
      suffix &&
      NAME_SUFFIX.test(suffix.text) &&
      gapMatches(COMMA_GAP, text, end, suffix.start) &&
      !credentialAt(last + 1)
    )
      return { last: last + 1, end: suffix.end };
    return { last, end };
  };
  /** The name's end after an optional trailing parenthesised nickname: "Lopez, Maria (Mia)". */
  const withTrailingNickname = (last: number, end: number): { last: number; end: number } => {
    if (end !== endOf(last)) return { last, end };
    const paren = parenNickname(last);
    return paren ? { last: paren.last, end: paren.close } : { last, end };
  };

  const direct = readRun(from, false, false);
  if (!direct) return undefined;
  // "Lopez, Maria": a surname of one part (particles and a suffix aside), a comma, given names.
  const comma = words[direct.last + 1];
  if (
    comma &&
    !direct.nickname &&
    gapMatches(COMMA_GAP, text, direct.end, comma.start) &&
    direct.parts.filter((p) => !PARTICLES.has(wordText(p).toLowerCase())).length <= 1
  ) {
    const given = readRun(direct.last + 1, true, direct.lowercase);
    if (given) {
      let tail = withTrailingNickname(given.last, given.end);
      tail = withSuffix(tail.last, tail.end);
      return { end: tail.end, next: tail.last + 1, inverted: true };
    }
  }
  let tail = withSuffix(direct.last, direct.end);
  tail = withTrailingNickname(tail.last, tail.end);
  return { end: tail.end, next: tail.last + 1, inverted: false };
}
