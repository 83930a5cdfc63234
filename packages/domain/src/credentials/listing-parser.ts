import { expectText } from '../shared/arguments.js';
import type { Span } from '../shared/issue.js';
import type { CatalogEntry } from './catalog-entry.js';
import {
  catalogIndex,
  findCredential,
  findCredentialByName,
  longFormKey,
  suggestCredential,
} from './catalog-lookup.js';

/** How a credential was written in a listing. */
export type CredentialForm = 'abbreviation' | 'spelled-out' | 'spelled-out-with-abbreviation';

/** One piece of a listing. Every character of the input belongs to exactly one token. */
export type ListingToken =
  | { readonly kind: 'honorific'; readonly text: string; readonly span: Span }
  | { readonly kind: 'name'; readonly text: string; readonly span: Span }
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

/** A credential listing read into its parts. */
export interface ParsedListing {
  /** The input, unchanged. */
  readonly text: string;
  /** Every piece of the input, in order; their texts joined give the input back. */
  readonly tokens: readonly ListingToken[];
  /** The honorific ("Dr.", "Doctor"), if the listing starts with one. */
  readonly honorific?: Extract<ListingToken, { kind: 'honorific' }>;
  /** The person's name, if the listing has one. */
  readonly name?: Extract<ListingToken, { kind: 'name' }>;
  /** The credentials recognised, in order. */
  readonly credentials: readonly CredentialToken[];
  /** The pieces not recognised, in order. */
  readonly unknown: readonly Extract<ListingToken, { kind: 'unknown' }>[];
}

// Commas, semicolons, pipes, bullets, dashes, brackets, every kind of space and line break,
// zero-width characters. Slashes and hyphens join words ("OTR/L", "CLT-LANA") unless they stand alone.
const SEPARATOR = /[\s,;|•·∙‧⋅◦▪●—–‒―()[\]{}\u200b-\u200d\u2060\ufeff]/u;
const WHITESPACE = /^[\s\u200b-\u200d\u2060\ufeff]*$/u;
const HAS_ALNUM = /[\p{L}\p{N}]/u;
const HONORIFIC = /^(?:Dr\.?|Doctor)$/i;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const NAME_SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;

interface Piece {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
}

function split(text: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let word: boolean | undefined;
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const isWord = !SEPARATOR.test(String.fromCodePoint(codePoint));
    if (word !== undefined && isWord !== word) {
      pieces.push({ text: text.slice(start, i), start, end: i, word });
      start = i;
    }
    word = isWord;
    i += width;
  }
  if (word !== undefined) pieces.push({ text: text.slice(start), start, end: text.length, word });
  // A "word" with no letter or digit ("/", "-", "&" alone) is a separator, except "&" inside names.
  return pieces.map((p) =>
    p.word && !HAS_ALNUM.test(p.text) && p.text !== '&' ? { ...p, word: false } : p,
  );
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
 * @throws {TypeError} when `text` is not text
 * @example
 * parseCredentialListing('Jane Doe, PT, DPT').credentials.map((c) => c.credential.id); // ['PT', 'DPT']
 */
export function parseCredentialListing(text: string): ParsedListing {
  expectText(
    'parseCredentialListing',
    'text',
    text,
    'a credential listing (text) such as "Jane Doe, PT, DPT"',
  );
  return parseCredentialListingUnchecked(text);
}

/** {@link parseCredentialListing} without the argument check, for callers that have made it. */
export function parseCredentialListingUnchecked(text: string): ParsedListing {
  const pieces = split(text);
  const tokens: ListingToken[] = [];
  const words = pieces.filter((p) => p.word);
  // For each word: may the next word be joined to it in a multi-word form (only spaces between)?
  const joinable: boolean[] = words.map((w, i) => {
    const next = words[i + 1];
    return next !== undefined && WHITESPACE.test(text.slice(w.end, next.start));
  });

  const longFormAt = (i: number): { entry: CatalogEntry; last: number } | undefined => {
    // Most words start no spelled-out credential: rule them out before trying phrases.
    const first = longFormKey(words[i]?.text ?? '').split(' ')[0] ?? '';
    const { longFormFirstWords, longestLongFormWords } = catalogIndex();
    if (!longFormFirstWords.has(first)) return undefined;
    let last = i;
    while (last - i + 1 < longestLongFormWords && joinable[last]) last++;
    for (let j = last; j >= i; j--) {
      const phrase = text.slice(words[i]?.start ?? 0, words[j]?.end ?? 0);
      const entry = findCredentialByName(phrase);
      if (entry) return { entry, last: j };
    }
    return undefined;
  };
  const abbreviationAt = (i: number): { entry: CatalogEntry; last: number } | undefined => {
    for (let j = Math.min(i + 2, words.length - 1); j >= i; j--) {
      if (j > i && !joinable.slice(i, j).every(Boolean)) continue;
      const entry = findCredential(text.slice(words[i]?.start ?? 0, words[j]?.end ?? 0));
      if (entry) return { entry, last: j };
    }
    return undefined;
  };
  const credentialAt = (i: number) => longFormAt(i) ?? abbreviationAt(i);

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
  // Honorific, then the name: capitalised words up to the first separator or credential.
  const first = words[0];
  if (first && HONORIFIC.test(first.text) && words[1]?.text.toLowerCase() !== 'of') {
    push({ kind: 'honorific', text: first.text, span: spanOf(first, first) });
    i = 1;
  }
  let nameEnd = i - 1;
  for (let j = i; j < words.length; j++) {
    const word = words[j];
    if (!word || !(NAME_WORD.test(word.text) || (j > i && NAME_SUFFIX.test(word.text)))) break;
    if (credentialAt(j)) break;
    nameEnd = j;
    if (!joinable[j]) break;
  }
  const nameFirst = words[i];
  const nameLast = words[nameEnd];
  if (nameEnd >= i && nameFirst && nameLast) {
    const span = spanOf(nameFirst, nameLast);
    push({ kind: 'name', text: text.slice(span.start, span.end), span });
    i = nameEnd + 1;
  }

  while (i < words.length) {
    const word = words[i];
    if (!word) break;
    const long = longFormAt(i);
    if (long) {
      const lastWord = words[long.last] ?? word;
      let span = spanOf(word, lastWord);
      let form: CredentialForm = 'spelled-out';
      // "Doctor of Physical Therapy (DPT)": the abbreviation in parentheses belongs to it.
      const after = /^[\s\u00a0]*\(\s*([^()\s,;]+(?: [^()\s,;]+)?)\s*\)/u.exec(
        text.slice(span.end),
      );
      if (after?.[1] && findCredential(after[1]) === long.entry) {
        const end = span.end + after[0].length;
        const next = words.findIndex((w) => w.start >= end);
        span = { start: span.start, end };
        form = 'spelled-out-with-abbreviation';
        push({
          kind: 'credential',
          text: text.slice(span.start, span.end),
          span,
          credential: long.entry,
          form,
        });
        i = next < 0 ? words.length : next;
        continue;
      }
      push({
        kind: 'credential',
        text: text.slice(span.start, span.end),
        span,
        credential: long.entry,
        form,
      });
      i = long.last + 1;
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
    const parts = word.text.split('/');
    if (parts.length > 1 && parts.every((part) => part !== '' && findCredential(part))) {
      let offset = word.start;
      for (const part of parts) {
        const entry = findCredential(part);
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
    // Not recognised: group the words up to the next separator or credential.
    let last = i;
    while (joinable[last] && last + 1 < words.length && !credentialAt(last + 1)) last++;
    const span = spanOf(word, words[last] ?? word);
    const unknownText = text.slice(span.start, span.end);
    const suggestion = last === i ? suggestCredential(unknownText) : undefined;
    push({ kind: 'unknown', text: unknownText, span, ...(suggestion ? { suggestion } : {}) });
    i = last + 1;
  }
  pushSeparatorUpTo(text.length);

  const credentials = tokens.filter((t): t is CredentialToken => t.kind === 'credential');
  const unknown = tokens.filter(
    (t): t is Extract<ListingToken, { kind: 'unknown' }> => t.kind === 'unknown',
  );
  const honorific = tokens.find(
    (t): t is Extract<ListingToken, { kind: 'honorific' }> => t.kind === 'honorific',
  );
  const name = tokens.find((t): t is Extract<ListingToken, { kind: 'name' }> => t.kind === 'name');
  return {
    text,
    tokens,
    credentials,
    unknown,
    ...(honorific ? { honorific } : {}),
    ...(name ? { name } : {}),
  };
}
