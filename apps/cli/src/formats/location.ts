import type { Span } from '@ptfx/domain/credentials';
import type { ListingPosition } from '../roster.js';
import type { Region } from './finding.js';

/**
 * The line and column in a roster file of `offset` in a listing that starts at `at`: each line
 * break in the listing starts a new line, and in a quoted CSV field each `"` takes two columns.
 */
function placeOf(listing: string, at: ListingPosition, offset: number) {
  let line = at.line;
  let column = at.column;
  // The common case, with nothing to count: a one-line listing without quotes.
  if (!(at.quoted && listing.includes('"')) && !listing.includes('\n'))
    return { line, column: column + offset };
  for (let i = 0; i < offset && i < listing.length; i++) {
    const c = listing[i];
    if (c === '\n') {
      line++;
      column = 1;
    } else column += at.quoted && c === '"' ? 2 : 1;
  }
  return { line, column: column + Math.max(0, offset - listing.length) };
}

/**
 * The region of a finding in a roster file: the span's characters when the issue has a span,
 * else the whole listing; just the row's line when the listing's column is not known.
 */
export function listingRegion(
  row: { readonly line: number; readonly listing: string; readonly at?: ListingPosition },
  span: Span | undefined,
): Region {
  const { at } = row;
  if (!at) return { startLine: row.line };
  const from = span ? span.start : 0;
  const to = span ? Math.max(span.end, span.start + 1) : Math.max(row.listing.length, 1);
  const start = placeOf(row.listing, at, from);
  const end = placeOf(row.listing, at, Math.min(to, Math.max(row.listing.length, from + 1)));
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: Math.max(end.column, start.line === end.line ? start.column + 1 : 1),
  };
}

/**
 * The text a fix writes in place of a listing's text for `text`, as the file needs it: inside a
 * quoted CSV field each `"` doubled; inside a JSON string escaped as JSON; an unquoted CSV field
 * that the fix gives a comma, quote or line break becomes a quoted one.
 */
export function writtenAs(text: string, at: ListingPosition): string {
  if (at.json) return JSON.stringify(text).slice(1, -1);
  if (at.quoted) return text.replaceAll('"', '""');
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
