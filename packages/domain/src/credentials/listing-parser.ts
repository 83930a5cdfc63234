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

/** {@link SEPARATOR} for an ASCII character code, without a regex: the tokenizer asks it of every character. */
function isAsciiSeparator(code: number): boolean {
  switch (code) {
    case 9: // tab, line feed, vertical tab, form feed, carriage return
    case 10:
    case 11:
    case 12:
    case 13:
    case 32: // space
    case 40: // ( )
    case 41:
    case 44: // ,
    case 59: // ;
    case 91: // [ ]
    case 93:
    case 123: // { | }
    case 124:
    case 125:
      return true;
    default:
      return false;
  }
}

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
const PARTICLES: ReadonlySet<string> = /* @__PURE__ */ new Set([
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
// Words of job titles, which follow a one-word name after a comma ("Dr. Smith, Clinic Director")
// and are not given names: they keep such a listing from being read as an inverted name.
const JOB_TITLE_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'owner',
  'founder',
  'co-founder',
  'director',
  'manager',
  'president',
  'clinic',
  'clinical',
  'coordinator',
  'chief',
  'head',
  'lead',
  'senior',
  'staff',
  'partner',
  'therapist',
  'assistant',
  'instructor',
  'professor',
  'faculty',
  'resident',
  'fellow',
  'student',
  'ceo',
]);
const KEY_DROPPED = /[.\s]/g;
const DOTTED_INITIALS = /^(?:\p{Lu}\.){1,3}$/u;
const INITIAL = /^\p{Lu}\.?(?:\p{Lu}\.?)?$/u;
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
    if (code < 128) separator = isAsciiSeparator(code);
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

/** What the parser needs to know of a catalog's abbreviations written in several words. */
interface AbbreviationShape {
  /** The most words (as the tokenizer splits them) an abbreviation has: "APTA Level 2 CI". */
  readonly most: number;
  /** The first words of those written in several ("Cert" of "Cert. MDT"), dots dropped. */
  readonly firsts: ReadonlySet<string>;
  /** The longest abbreviation, in characters: a longer word is none. */
  readonly longest: number;
}

const abbreviationShapes = /* @__PURE__ */ new WeakMap<CredentialCatalog, AbbreviationShape>();

function abbreviationShape(catalog: CredentialCatalog): AbbreviationShape {
  let shape = abbreviationShapes.get(catalog);
  if (shape === undefined) {
    let most = 1;
    let longest = 0;
    const firsts = new Set<string>();
    for (const entry of catalog.entries)
      for (const form of [entry.abbreviation ?? '', ...(entry.variants ?? []), ...entry.aliases]) {
        const words = wordsOf(form);
        most = Math.max(most, words.length);
        longest = Math.max(longest, form.length);
        const first = words[0]?.text;
        if (words.length > 1 && first) firsts.add(first.replace(KEY_DROPPED, ''));
      }
    shape = { most, firsts, longest };
    abbreviationShapes.set(catalog, shape);
  }
  return shape;
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
 * - a suffix, Jr., Sr., II, III or IV, with or without a comma ("John Smith, Jr., PT"), which
 *   ends the name;
 * - the inverted form `Last, First M.` of author lists and HR exports ("Lopez, Maria, DPT",
 *   "van der Berg, Anna M., PT"), read when a one-part surname is followed by a comma and given
 *   names that are no credential, no word that starts a spelled-out one and no job title
 *   ("Dr. Smith, Clinic Director" is not inverted); the name token then has `inverted: true`.
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
      typeof catalog.spellingOf !== 'function' ||
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
  const reader = new ListingReader(text, catalog);
  const out = new TokenWriter(text);
  let i = 0;
  const first = reader.words[0];
  if (first && HONORIFIC.test(first.text) && reader.words[1]?.text.toLowerCase() !== 'of') {
    out.push({ kind: 'honorific', text: first.text, span: { start: first.start, end: first.end } });
    i = 1;
  }
  const name = readName(reader, i);
  if (name) {
    const span = { start: reader.startOf(i), end: name.end };
    out.push({
      kind: 'name',
      text: text.slice(span.start, span.end),
      span,
      ...(name.inverted ? { inverted: true as const } : {}),
    });
    i = name.next;
  }
  while (i < reader.count) i = readCredential(reader, i, out);
  return out.finish();
}

/** A credential read at a word: its entry and the last word it takes. */
interface Found {
  readonly entry: CatalogEntry;
  readonly last: number;
}

/** The words of one listing and what the catalog makes of them, each worked out once. */
class ListingReader {
  readonly words: readonly Piece[];
  readonly count: number;
  /** For each word: may the next word be joined to it in a multi-word form (only spaces between)? */
  readonly joinable: readonly boolean[];
  readonly #maxAbbreviationWords: number;
  /** First words of the catalog's abbreviations written in several words ("Cert", "APTA"). */
  readonly abbreviationFirsts: ReadonlySet<string>;
  /** The longest abbreviation of the catalog, in characters. */
  readonly longestAbbreviation: number;
  // The name grammar and the credential loop ask about the same words.
  readonly #longForms: (Found | null | undefined)[];
  readonly #abbreviations: (Found | null | undefined)[];

  constructor(
    readonly text: string,
    readonly catalog: CredentialCatalog,
  ) {
    const words = wordsOf(text);
    const count = words.length;
    const joinable: boolean[] = new Array(count);
    for (let w = 0; w < count; w++) {
      const next = words[w + 1];
      joinable[w] =
        next !== undefined && gapMatches(SPACE_GAP, text, words[w]?.end ?? 0, next.start);
    }
    this.words = words;
    this.count = count;
    this.joinable = joinable;
    const shape = abbreviationShape(catalog);
    this.#maxAbbreviationWords = shape.most;
    this.abbreviationFirsts = shape.firsts;
    this.longestAbbreviation = shape.longest;
    this.#longForms = new Array(count);
    this.#abbreviations = new Array(count);
  }

  wordText(w: number): string {
    return this.words[w]?.text ?? '';
  }

  startOf(w: number): number {
    return this.words[w]?.start ?? this.text.length;
  }

  endOf(w: number): number {
    return this.words[w]?.end ?? this.text.length;
  }

  /** Whether `re` (sticky) matches exactly the text from `from` to the start of word `w`. */
  gapTo(re: RegExp, from: number, w: number): boolean {
    return w < this.count && gapMatches(re, this.text, from, this.startOf(w));
  }

  /** A credential (spelled out or abbreviated) starting at word `w`. */
  credentialAt(w: number): Found | undefined {
    return this.longFormAt(w) ?? this.abbreviationAt(w);
  }

  /** A spelled-out credential starting at word `w`: "Doctor of Physical Therapy". */
  longFormAt(w: number): Found | undefined {
    let found = this.#longForms[w];
    if (found === undefined) {
      found = this.#readLongForm(w) ?? null;
      this.#longForms[w] = found;
    }
    return found ?? undefined;
  }

  /** An abbreviation starting at word `w`: "DPT", "Cert. MDT", "APTA Level 2 CI", "CSCS,*D". */
  abbreviationAt(w: number): Found | undefined {
    let found = this.#abbreviations[w];
    if (found === undefined) {
      found = this.#readAbbreviation(w) ?? null;
      this.#abbreviations[w] = found;
    }
    return found ?? undefined;
  }

  #readLongForm(w: number): Found | undefined {
    // Most words start no spelled-out credential: rule them out before trying phrases.
    const word = this.wordText(w);
    const first = PLAIN_WORD.test(word)
      ? word.toLowerCase()
      : (longFormKey(word).split(' ')[0] ?? '');
    const catalog = this.catalog;
    if (!catalog.longFormFirstWords.has(first)) return undefined;
    let last = w;
    while (last - w + 1 < catalog.longestLongFormWords && this.joinable[last]) last++;
    for (let j = last; j >= w; j--) {
      const entry = catalog.findByName(this.text.slice(this.startOf(w), this.endOf(j)));
      if (entry && (j === w || !this.#spelledOutAcross(w, j))) return { entry, last: j };
    }
    return undefined;
  }

  #readAbbreviation(w: number): Found | undefined {
    const { text, catalog } = this;
    // "CSCS,*D", "NSCA-CPT,*D": NSCA's "with distinction" mark, written after a comma.
    const next = this.words[w + 1];
    if (next?.text.startsWith('*') && gapMatches(STAR_GAP, text, this.endOf(w), next.start)) {
      const entry = catalog.find(text.slice(this.startOf(w), next.end));
      if (entry) return { entry, last: w + 1 };
    }
    let last = w;
    while (last - w + 1 < this.#maxAbbreviationWords && this.joinable[last]) last++;
    for (let j = last; j > w; j--) {
      const entry = catalog.find(text.slice(this.startOf(w), this.endOf(j)));
      if (entry && !this.#spelledOutAcross(w, j)) return { entry, last: j };
    }
    const entry = catalog.find(this.wordText(w));
    return entry ? { entry, last: w } : undefined;
  }

  /**
   * Whether words `w`..`b`, read as one credential, would swallow the start of another that
   * runs on past `b`, where the words before that other one are a credential themselves:
   * "NDT Certified Canine Rehabilitation Practitioner" is NDT, then a credential spelled out,
   * though "NDT Certified" is a spelling of C/NDT.
   */
  #spelledOutAcross(w: number, b: number): boolean {
    for (let k = w + 1; k <= b; k++) {
      if ((this.longFormAt(k)?.last ?? -1) <= b) continue;
      const before = this.text.slice(this.startOf(w), this.endOf(k - 1));
      if (this.catalog.find(before) || this.catalog.findByName(before)) return true;
    }
    return false;
  }
}

/** Collects tokens, filling the gaps between them with separators. */
class TokenWriter {
  readonly #tokens: ListingToken[] = [];
  #cursor = 0; // offset up to which tokens cover the text

  constructor(readonly text: string) {}

  push(token: ListingToken): void {
    this.#separatorUpTo(token.span.start);
    this.#tokens.push(token);
    this.#cursor = token.span.end;
  }

  #separatorUpTo(offset: number): void {
    const cursor = this.#cursor;
    if (offset > cursor)
      this.#tokens.push({
        kind: 'separator',
        text: this.text.slice(cursor, offset),
        span: { start: cursor, end: offset },
      });
    this.#cursor = offset;
  }

  /** The parsed listing: every token, the rest of the text a separator. */
  finish(): ParsedListing {
    this.#separatorUpTo(this.text.length);
    const tokens = this.#tokens;
    const credentials: CredentialToken[] = [];
    const unknown: Extract<ListingToken, { kind: 'unknown' }>[] = [];
    let honorific: Extract<ListingToken, { kind: 'honorific' }> | undefined;
    let name: NameToken | undefined;
    for (const token of tokens) {
      if (token.kind === 'credential') credentials.push(token);
      else if (token.kind === 'unknown') unknown.push(token);
      else if (token.kind === 'honorific') honorific = token;
      else if (token.kind === 'name') name = token;
    }
    return {
      text: this.text,
      tokens,
      credentials,
      unknown,
      ...(honorific ? { honorific } : {}),
      ...(name ? { name } : {}),
    };
  }
}

/**
 * Reads what stands at word `i` after the name — a credential spelled out (with its
 * abbreviation in parentheses), abbreviated, slash-joined abbreviations, or an unknown group of
 * words — writes its tokens, and returns the next word to read.
 */
function readCredential(reader: ListingReader, i: number, out: TokenWriter): number {
  const { text, catalog, words } = reader;
  const word = words[i];
  if (!word) return reader.count;
  const long = reader.longFormAt(i);
  if (long) {
    let span: Span = { start: word.start, end: reader.endOf(long.last) };
    let form: CredentialForm = 'spelled-out';
    let next = long.last + 1;
    // "Doctor of Physical Therapy (DPT)": the abbreviation in parentheses belongs to it.
    ABBREVIATION_IN_PARENS.lastIndex = span.end;
    const after = ABBREVIATION_IN_PARENS.exec(text);
    if (after?.[1] && catalog.find(after[1]) === long.entry) {
      span = { start: span.start, end: span.end + after[0].length };
      form = 'spelled-out-with-abbreviation';
      while (next < reader.count && reader.startOf(next) < span.end) next++;
    }
    const slice = text.slice(span.start, span.end);
    out.push({ kind: 'credential', text: slice, span, credential: long.entry, form });
    return next;
  }
  const short = reader.abbreviationAt(i);
  if (short) {
    const span = { start: word.start, end: reader.endOf(short.last) };
    const slice = text.slice(span.start, span.end);
    out.push({
      kind: 'credential',
      text: slice,
      span,
      credential: short.entry,
      form: 'abbreviation',
    });
    return short.last + 1;
  }
  // "PT/DPT": slash-joined abbreviations.
  if (word.text.includes('/')) {
    const parts = word.text.split('/');
    if (parts.every((part) => part !== '' && catalog.find(part))) {
      let offset = word.start;
      for (const part of parts) {
        const entry = catalog.find(part);
        const span = { start: offset, end: offset + part.length };
        if (entry)
          out.push({
            kind: 'credential',
            text: part,
            span,
            credential: entry,
            form: 'abbreviation',
          });
        offset += part.length + 1;
      }
      return i + 1;
    }
  }
  // Not recognised: group the words up to the next separator or credential.
  let last = i;
  while (reader.joinable[last] && last + 1 < reader.count && !reader.credentialAt(last + 1)) last++;
  const span = { start: word.start, end: reader.endOf(last) };
  const unknownText = text.slice(span.start, span.end);
  const suggestion = last === i ? catalog.suggest(unknownText) : undefined;
  out.push({ kind: 'unknown', text: unknownText, span, ...(suggestion ? { suggestion } : {}) });
  return last + 1;
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

/** A stretch of words taken into the name, and the offset where it ends. */
interface Stretch {
  readonly last: number;
  readonly end: number;
}

/**
 * The person's name starting at word `from`, if there is one: a direct name ("Maria “Mia”
 * Lopez", "John Smith, Jr.") or an inverted one ("Lopez, Maria", "van der Berg, Anna M.").
 */
function readName(r: ListingReader, from: number): NameRead | undefined {
  const direct = readRun(r, from, false, false);
  if (!direct) return undefined;
  // "Lopez, Maria": a surname of one part (particles and a suffix aside), a comma, given names.
  if (
    !direct.nickname &&
    r.gapTo(COMMA_GAP, direct.end, direct.last + 1) &&
    direct.parts.filter((p) => !PARTICLES.has(r.wordText(p).toLowerCase())).length <= 1
  ) {
    const given = readRun(r, direct.last + 1, true, direct.lowercase);
    if (given) {
      const tail = withSuffix(r, withTrailingNickname(r, given));
      return { end: tail.end, next: tail.last + 1, inverted: true };
    }
  }
  const tail = withTrailingNickname(r, withSuffix(r, direct));
  return { end: tail.end, next: tail.last + 1, inverted: false };
}

/**
 * Name parts from word `start`, joined by spaces (or a parenthesised nickname): words,
 * initials, particles, a suffix, nicknames. `given`: the given names of an inverted name, read
 * more strictly (no word that starts a spelled-out credential). `lowercaseBefore`: a word with a
 * lowercase letter came before, so a word in capitals that is one slip from a credential is one.
 */
function readRun(
  r: ListingReader,
  start: number,
  given: boolean,
  lowercaseBefore: boolean,
): Run | undefined {
  let lowercase = lowercaseBefore;
  let last = -1; // the last word so far, not counting particles still waiting for a name word
  let end = -1;
  let nickname = false;
  const parts: number[] = [];
  let w = start;
  while (w < r.count) {
    const word = r.wordText(w);
    let through = w;
    let kind: 'word' | 'particle' | 'suffix' | 'nickname';
    const quoted = w > start ? quotedNickname(r, w) : -1;
    if (quoted >= 0) {
      kind = 'nickname';
      through = quoted;
    } else if (w > start && middleInitials(r, w, given)) kind = 'word';
    else if (r.credentialAt(w)) break;
    else if (PARTICLES.has(word)) kind = 'particle';
    else if (w > start && NAME_SUFFIX.test(word)) kind = 'suffix';
    else if (NAME_WORD.test(word) && !credentialLike(r, w, lowercase, given)) kind = 'word';
    else break;
    if (kind !== 'particle') {
      last = through;
      end = r.endOf(through);
      if (kind === 'word') parts.push(w);
      if (kind === 'nickname') nickname = true;
    }
    if (!lowercase && HAS_LOWERCASE.test(word)) lowercase = true;
    w = through;
    // A suffix ends the name: "John Smith Jr. Cert MDTT" is John Smith Jr., then a slip.
    if (kind === 'suffix') break;
    if (r.joinable[w]) {
      w++;
      continue;
    }
    // "Maria (Mia) Lopez": a nickname in parentheses inside the name.
    if (kind === 'word' && last === w) {
      const inner = innerNickname(r, w, given);
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
}

/**
 * Whether capitalised word `k` is a credential in disguise: "Dpt", or "CMPTT" after "Jane Doe";
 * among the given names of an inverted name, also a job title ("Smith, Clinic Director") or the
 * first of several words that may spell a credential out ("Doe, Certified Kinesiotaping Wizard"),
 * though a given name alone may be such a word ("Smith, Catherine", "Lee, McKenzie").
 */
function credentialLike(
  r: ListingReader,
  k: number,
  lowercaseSoFar: boolean,
  given: boolean,
): boolean {
  const catalog = r.catalog;
  const w = r.wordText(k);
  // "Dpt" is DPT in disguise; "Edd" is a name, though EDD is read as EdD (any case): only a
  // catalog spelling written in capitals counts.
  if (w.length >= 3 && w.length <= r.longestAbbreviation && HAS_LOWERCASE.test(w)) {
    const upper = w.toUpperCase();
    if (catalog.spellingOf(upper) === upper) return true;
  }
  // "Cert" in "Jane Roe Cert MDTT": the start of a credential written in several words, then a
  // word in capitals the catalog does not know ("Jane Schroth PT" keeps its surname).
  if (
    lowercaseSoFar &&
    r.joinable[k] === true &&
    ALL_CAPS_WORD.test(r.wordText(k + 1)) &&
    r.abbreviationFirsts.has(w.replace(KEY_DROPPED, '')) &&
    !r.credentialAt(k + 1)
  )
    return true;
  if (lowercaseSoFar && ALL_CAPS_WORD.test(w)) {
    // A slip of one letter (CMPTT, OCSS, FAAMPT), not a surname written in capitals (DUPONT).
    const near = catalog.suggest(w);
    if (near !== undefined && editDistance(w, near.replace(KEY_DROPPED, '')) <= 1) return true;
  }
  if (!given) return false;
  const lower = w.toLowerCase();
  if (JOB_TITLE_WORDS.has(lower)) return true;
  // Several words, not a given name and an initial: "Certified Kinesiotaping", not "McKenzie R.".
  return (
    r.joinable[k] === true &&
    !INITIAL.test(r.wordText(k + 1)) &&
    catalog.longFormFirstWords.has(lower)
  );
}

/** The last word of a quoted nickname opening at word `w` ("Mia", “Mia Rose”), or -1. */
function quotedNickname(r: ListingReader, w: number): number {
  const opening = r.wordText(w);
  const closing = QUOTES[opening[0] ?? ''];
  if (closing === undefined) return -1;
  for (let k = w; k < r.count && k < w + 4; k++) {
    const last = r.wordText(k);
    if ((k > w || last.length > 2) && closing.includes(last[last.length - 1] ?? '')) {
      const inner = r.text.slice(r.startOf(w) + 1, r.endOf(k) - 1);
      return QUOTED_CONTENT.test(inner) && !r.catalog.find(inner) ? k : -1;
    }
    if (!r.joinable[k]) return -1;
  }
  return -1;
}

/** Whether words `a`..`b` read as given names: mixed case, no credential in any case or spelled out. */
function givenNames(r: ListingReader, a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const w = r.wordText(k);
    if (!NAME_WORD.test(w) || !HAS_LOWERCASE.test(w) || r.credentialAt(k)) return false;
    if (credentialLike(r, k, true, true)) return false;
  }
  return !r.catalog.find(r.text.slice(r.startOf(a), r.endOf(b)));
}

/**
 * Given names in parentheses right after word `w`: "(Mia)" in "Maria (Mia) Lopez" or "Lopez,
 * Maria (Mia)". The last word inside and the offset after the closing parenthesis.
 */
function parenNickname(r: ListingReader, w: number): { last: number; close: number } | undefined {
  if (!r.gapTo(OPEN_PAREN_GAP, r.endOf(w), w + 1)) return undefined;
  let k = w + 1;
  while (k < w + 4 && r.joinable[k]) k++;
  const close = gapEnd(CLOSE_PAREN_GAP, r.text, r.endOf(k));
  if (close < 0 || !givenNames(r, w + 1, k)) return undefined;
  return { last: k, close };
}

/**
 * Dotted initials that spell a degree, inside a name: "Jane M.A. Doe", "John J.D. Smith". In the
 * given names of an inverted name they are initials wherever they stand ("Lopez, Maria M.A.").
 */
function middleInitials(r: ListingReader, w: number, given: boolean): boolean {
  if (!DOTTED_INITIALS.test(r.wordText(w))) return false;
  if (given) return true;
  return (
    (r.joinable[w] === true && continuesName(r, w + 1, false)) || innerNickname(r, w, false) >= 0
  );
}

/** Whether word `k` can carry a name on: a name word, a particle or an opening quote. */
function continuesName(r: ListingReader, k: number, given: boolean): boolean {
  const next = r.wordText(k);
  if (next === '') return false;
  if (PARTICLES.has(next) || (next[0] ?? '') in QUOTES) return true;
  return NAME_WORD.test(next) && !r.credentialAt(k) && !credentialLike(r, k, true, given);
}

/** "Maria (Mia) Lopez": the last word of a parenthesised nickname inside the name after word `w`, or -1. */
function innerNickname(r: ListingReader, w: number, given: boolean): number {
  const paren = parenNickname(r, w);
  if (
    paren &&
    r.gapTo(SPACE_GAP, paren.close, paren.last + 1) &&
    continuesName(r, paren.last + 1, given)
  )
    return paren.last;
  return -1;
}

/** The name with a following ", Jr." (or ", III") taken in: "John Smith, Jr.". */
function withSuffix(r: ListingReader, name: Stretch): Stretch {
  const suffix = r.words[name.last + 1];
  if (
    suffix &&
    NAME_SUFFIX.test(suffix.text) &&
    r.gapTo(COMMA_GAP, name.end, name.last + 1) &&
    !r.credentialAt(name.last + 1)
  )
    return { last: name.last + 1, end: suffix.end };
  return name;
}

/** The name with a trailing parenthesised nickname taken in: "Lopez, Maria (Mia)". */
function withTrailingNickname(r: ListingReader, name: Stretch): Stretch {
  if (name.end !== r.endOf(name.last)) return name;
  const paren = parenNickname(r, name.last);
  return paren ? { last: paren.last, end: paren.close } : name;
}
