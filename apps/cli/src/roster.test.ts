import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type RosterRow, readRoster } from './roster.js';

const rows = async (text: string, format: 'csv' | 'ndjson' | 'json', chunk = 5) => {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  const out: RosterRow[] = [];
  for await (const row of readRoster(Readable.from(chunks), 'f', format)) out.push(row);
  return out;
};

describe('where a listing is in its roster', () => {
  it('knows the CSV listing’s line and column, quoted or not, across chunks and CRLF', async () => {
    const text =
      'name,listing,state\r\nAna,Ana Diaz PT,CA\r\n"Lopez, M","Maria ""Mia"" Lopez, PT",TX\r\n';
    for (const chunk of [1, 3, 7, 1000]) {
      const got = await rows(text, 'csv', chunk);
      expect(got.map((r) => r.at)).toEqual([
        { line: 2, column: 5, quoted: false },
        { line: 3, column: 13, quoted: true },
      ]);
    }
  });

  it('counts the lines of an earlier multi-line field', async () => {
    const text = 'name,listing\n"Two\nLines","Jane Doe, PT"\n"x",y\n';
    const got = await rows(text, 'csv');
    expect(got.map((r) => [r.line, r.at])).toEqual([
      [2, { line: 3, column: 9, quoted: true }], // `Lines","` is 8 characters
      [4, { line: 4, column: 5, quoted: false }],
    ]);
  });

  it('finds an NDJSON listing written without escapes, and none with them', async () => {
    const text =
      '{"listing": "Jane Doe, PT", "name": "listing"}\n{"listing":"Jane \\u0044oe, PT"}\n';
    const got = await rows(text, 'ndjson');
    expect(got.map((r) => r.at)).toEqual([
      { line: 1, column: 14, quoted: false, json: true },
      undefined,
    ]);
  });

  it('has no column for a JSON array', async () => {
    const got = await rows('[{"listing":"Jane Doe, PT"}]', 'json');
    expect(got[0]?.at).toBeUndefined();
  });
});
