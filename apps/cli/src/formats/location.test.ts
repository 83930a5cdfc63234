import { describe, expect, it } from 'vitest';
import { listingRegion, writtenAs } from './location.js';

describe('writtenAs', () => {
  it('writes a fix the way the file quotes the listing', () => {
    const fix = 'Maria "Mia" Lopez, PT, DPT';
    expect(writtenAs(fix, { line: 1, column: 1, quoted: true })).toBe(
      'Maria ""Mia"" Lopez, PT, DPT',
    );
    expect(writtenAs(fix, { line: 1, column: 1, quoted: false, json: true })).toBe(
      'Maria \\"Mia\\" Lopez, PT, DPT',
    );
    // An unquoted CSV field (`Jane Doe DPT PT`) whose fix has commas must become a quoted field.
    expect(writtenAs('Jane Doe, PT, DPT', { line: 1, column: 1, quoted: false })).toBe(
      '"Jane Doe, PT, DPT"',
    );
    expect(writtenAs('PT', { line: 1, column: 1, quoted: false })).toBe('PT');
  });
});

describe('listingRegion', () => {
  it('maps a span through doubled quotes and line breaks', () => {
    const at = { line: 4, column: 10, quoted: true };
    expect(listingRegion({ line: 4, listing: 'A "B" C', at }, { start: 6, end: 7 })).toEqual({
      startLine: 4,
      startColumn: 18,
      endLine: 4,
      endColumn: 19,
    });
    expect(listingRegion({ line: 4, listing: 'A\nB, PT', at }, { start: 5, end: 7 })).toEqual({
      startLine: 5,
      startColumn: 4,
      endLine: 5,
      endColumn: 6,
    });
    // No column known: the row's line alone.
    expect(listingRegion({ line: 2, listing: 'x' }, { start: 0, end: 1 })).toEqual({
      startLine: 2,
    });
    // An empty span (a missing PT at the start) still covers one column.
    expect(
      listingRegion(
        { line: 1, listing: 'DPT', at: { line: 1, column: 3, quoted: false } },
        { start: 0, end: 0 },
      ),
    ).toEqual({
      startLine: 1,
      startColumn: 3,
      endLine: 1,
      endColumn: 4,
    });
  });
});
