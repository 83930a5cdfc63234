import type { Readable } from 'node:stream';
import {
  isUsStateCode,
  suggestUsStateCode,
  type TherapistRole,
  type UsStateCode,
} from '@ptfx/domain/credentials';
import { CliError } from './errors.js';

/**
 * Where a listing's own text starts in its file, so a finding's span becomes a line and column:
 * `column` is 1-based in UTF-16 code units; `quoted` says the text is inside CSV double quotes,
 * where each `"` of the listing is written twice (`""`) and a line break starts a new line;
 * `json` says it is the content of a JSON string (written without escapes).
 */
export interface ListingPosition {
  readonly line: number;
  readonly column: number;
  readonly quoted: boolean;
  readonly json?: true;
}

/** One listing to lint, with where it came from. */
export interface RosterRow {
  /** 1-based line of the row in its file (the line it starts on, for CSV). */
  readonly line: number;
  readonly listing: string;
  /**
   * Where the listing's text is in the file: for CSV always; for NDJSON when the line holds the
   * listing as a JSON string without escapes (then the text is verbatim); absent for a JSON array,
   * standard input lines and arguments (a finding there has the row, not a column).
   */
  readonly at?: ListingPosition;
  readonly name?: string;
  readonly state?: UsStateCode;
  readonly role?: TherapistRole;
}

/** The roster formats, by file extension. */
export type RosterFormat = 'csv' | 'ndjson' | 'json';

/** A JSON array roster is read whole; past this it must be CSV or NDJSON, which stream. */
export const MAX_JSON_ROSTER_BYTES = 64 * 1024 * 1024;

/** The format a roster file's name says, or an error naming the ones accepted. */
export function rosterFormat(path: string): RosterFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return 'ndjson';
  if (lower.endsWith('.json')) return 'json';
  throw new CliError(`${path}: a roster must be .csv, .ndjson or .json`);
}

function rowFrom(
  file: string,
  line: number,
  fields: { listing?: unknown; name?: unknown; state?: unknown; role?: unknown },
  at?: ListingPosition,
): RosterRow {
  const where = `${file}:${line}`;
  if (typeof fields.listing !== 'string') throw new CliError(`${where}: "listing" must be text`);
  const row: { -readonly [K in keyof RosterRow]: RosterRow[K] } = { line, listing: fields.listing };
  if (at) row.at = at;
  if (typeof fields.name === 'string' && fields.name !== '') row.name = fields.name;
  if (typeof fields.state === 'string' && fields.state !== '') {
    const state = fields.state.trim();
    if (!isUsStateCode(state)) {
      const hint = suggestUsStateCode(state);
      throw new CliError(
        `${where}: unknown state "${state}"${hint ? `; did you mean "${hint}"?` : '; use a USPS code like CA'}`,
      );
    }
    row.state = state;
  }
  if (typeof fields.role === 'string' && fields.role !== '') {
    const role = fields.role.trim();
    if (role !== 'PT' && role !== 'PTA' && role !== 'other')
      throw new CliError(`${where}: role must be PT, PTA or other, got "${role}"`);
    row.role = role;
  }
  return row;
}

async function* decoded(stream: Readable, file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  for await (const chunk of stream) {
    const bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (first && bytes.includes(0))
      throw new CliError(`${file}: looks like a binary file (it has NUL bytes); give a text file`);
    first = false;
    try {
      yield decoder.decode(bytes, { stream: true });
    } catch {
      throw new CliError(`${file}: not valid UTF-8; save the file as UTF-8`);
    }
  }
  try {
    yield decoder.decode();
  } catch {
    throw new CliError(`${file}: not valid UTF-8 at the end; save the file as UTF-8`);
  }
}

/**
 * Reads RFC 4180 CSV records as they stream in: quoted fields may hold commas, line breaks and
 * doubled quotes; CRLF or LF ends a record. Yields each record with the line it starts on.
 * Fields are found with indexOf and sliced, not built a character at a time: this loop is most
 * of the cost of linting a large roster. Each field's position comes with it: `lines[i]` and
 * `columns[i]` (1-based, UTF-16) where its text starts, after the opening quote if `quoted[i]`.
 */
export async function* csvRecords(
  text: AsyncIterable<string>,
  file: string,
): AsyncGenerator<{
  line: number;
  fields: string[];
  lines: number[];
  columns: number[];
  quoted: boolean[];
}> {
  let buf = '';
  let line = 1;
  const special = /[",\r\n]/g;

  // Parses one record at `start`; undefined when the buffer ends before the record does.
  const record = (
    start: number,
    final: boolean,
  ):
    | {
        fields: string[];
        next: number;
        lines: number;
        at: { lines: number[]; columns: number[]; quoted: boolean[] };
      }
    | undefined => {
    const fields: string[] = [];
    const at = { lines: [] as number[], columns: [] as number[], quoted: [] as boolean[] };
    let p = start;
    let lines = 0;
    let lineStart = start;
    for (;;) {
      let field: string;
      const quoted = buf[p] === '"';
      at.lines.push(line + lines);
      at.columns.push(p - lineStart + (quoted ? 2 : 1));
      at.quoted.push(quoted);
      if (quoted) {
        let close = buf.indexOf('"', p + 1);
        while (close >= 0 && buf[close + 1] === '"') close = buf.indexOf('"', close + 2);
        if (close < 0) {
          if (final)
            throw new CliError(
              `${file}:${line}: a quoted field is never closed (unterminated quote)`,
            );
          return undefined;
        }
        if (close === buf.length - 1 && !final) return undefined; // a "" may be split across chunks
        field = buf.slice(p + 1, close).replaceAll('""', '"');
        for (let k = field.indexOf('\n'); k >= 0; k = field.indexOf('\n', k + 1)) lines++;
        const lastBreak = buf.lastIndexOf('\n', close);
        if (lastBreak > p) lineStart = lastBreak + 1;
        p = close + 1;
        const after = buf[p];
        if (after !== undefined && after !== ',' && after !== '\r' && after !== '\n') {
          throw new CliError(
            `${file}:${line + lines}: text after a closing quote; a quoted field ends at its quote`,
          );
        }
      } else {
        special.lastIndex = p;
        const found = special.exec(buf);
        const end = found ? found.index : buf.length;
        if (found?.[0] === '"')
          throw new CliError(
            `${file}:${line + lines}: a quote inside an unquoted field; quote the whole field and double the quote ("")`,
          );
        if (!found && !final) return undefined;
        field = buf.slice(p, end);
        p = end;
      }
      fields.push(field);
      const c = buf[p];
      if (c === ',') {
        p++;
        continue;
      }
      if (c === '\r') {
        if (p + 1 >= buf.length && !final) return undefined;
        return { fields, next: buf[p + 1] === '\n' ? p + 2 : p + 1, lines: lines + 1, at };
      }
      if (c === '\n') return { fields, next: p + 1, lines: lines + 1, at };
      return { fields, next: p, lines, at }; // the end of the input
    }
  };

  const drain = function* (final: boolean) {
    let pos = 0;
    while (pos < buf.length) {
      const found = record(pos, final);
      if (!found) break;
      const blank = found.fields.length === 1 && found.fields[0] === '' && buf[pos] !== '"';
      if (!blank) yield { line, fields: found.fields, ...found.at };
      line += found.lines;
      pos = found.next;
    }
    buf = buf.slice(pos);
  };

  for await (const chunk of text) {
    buf += chunk;
    yield* drain(false);
  }
  yield* drain(true);
}

async function* csvRows(text: AsyncIterable<string>, file: string): AsyncGenerator<RosterRow> {
  let columns: Map<string, number> | undefined;
  let listingIndex = -1;
  let width = 0;
  for await (const record of csvRecords(text, file)) {
    if (!columns) {
      const names = record.fields.map((f) =>
        f
          .trim()
          .toLowerCase()
          .replace(/^\ufeff/, ''),
      );
      columns = new Map(names.map((n, i) => [n, i]));
      width = names.length;
      listingIndex = columns.get('listing') ?? -1;
      if (!columns.has('listing')) {
        throw new CliError(
          `${file}:${record.line}: the header has no "listing" column (it has: ${names.join(', ') || 'nothing'}); name the column with the credential listings "listing"`,
        );
      }
      continue;
    }
    if (record.fields.length !== width) {
      throw new CliError(
        `${file}:${record.line}: ${record.fields.length} fields where the header has ${width}; quote fields that contain commas`,
      );
    }
    const field = (name: string) => {
      const index = columns?.get(name);
      return index === undefined ? undefined : record.fields[index];
    };
    yield rowFrom(
      file,
      record.line,
      {
        listing: field('listing'),
        name: field('name'),
        state: field('state'),
        role: field('role'),
      },
      {
        line: record.lines[listingIndex] ?? record.line,
        column: record.columns[listingIndex] ?? 1,
        quoted: record.quoted[listingIndex] === true,
      },
    );
  }
  if (!columns)
    throw new CliError(`${file}: empty; a CSV roster needs a header with a "listing" column`);
}

/** Lines of a text stream, without their line ends (LF or CRLF), in order. */
async function* lines(text: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of text) {
    const data = rest + chunk;
    let start = 0;
    let newline = data.indexOf('\n', start);
    while (newline >= 0) {
      yield data.slice(start, data[newline - 1] === '\r' ? newline - 1 : newline);
      start = newline + 1;
      newline = data.indexOf('\n', start);
    }
    rest = data.slice(start);
  }
  if (rest !== '') yield rest.replace(/\r$/, '');
}

async function* ndjsonRows(text: AsyncIterable<string>, file: string): AsyncGenerator<RosterRow> {
  let line = 0;
  for await (const raw of lines(text)) {
    line++;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new CliError(`${file}:${line}: not valid JSON; each line must be one JSON object`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new CliError(`${file}:${line}: each line must be a JSON object with a "listing"`);
    }
    yield rowFrom(file, line, value, ndjsonPosition(raw, line, value));
  }
}

/**
 * Where an NDJSON line's `"listing"` text is: found only when the line holds it as a JSON string
 * without escapes, so its characters are the file's (an escaped one has no exact column).
 */
function ndjsonPosition(raw: string, line: number, value: object): ListingPosition | undefined {
  const listing = (value as { listing?: unknown }).listing;
  if (typeof listing !== 'string') return undefined;
  const written = JSON.stringify(listing);
  if (written.length !== listing.length + 2) return undefined; // an escape inside
  const key = /"listing"\s*:\s*/g;
  for (let m = key.exec(raw); m; m = key.exec(raw)) {
    const start = m.index + m[0].length;
    if (raw.startsWith(written, start))
      return { line, column: start + 2, quoted: false, json: true };
  }
  return undefined;
}

/** Streams one listing per non-empty line (stdin without --file). */
export async function* readLines(stream: Readable, file: string): AsyncGenerator<RosterRow> {
  let line = 0;
  for await (const listing of lines(decoded(stream, file))) {
    line++;
    if (listing.trim() !== '') yield { line, listing };
  }
}

/** Streams the rows of a roster file (or stdin) in any of the three formats. */
export async function* readRoster(
  stream: Readable,
  file: string,
  format: RosterFormat,
): AsyncGenerator<RosterRow> {
  const text = decoded(stream, file);
  if (format === 'csv') {
    yield* csvRows(text, file);
    return;
  }
  if (format === 'ndjson') {
    yield* ndjsonRows(text, file);
    return;
  }
  let whole = '';
  for await (const chunk of text) {
    whole += chunk;
    if (whole.length > MAX_JSON_ROSTER_BYTES)
      throw new CliError(
        `${file}: a JSON roster over 64 MiB is not read; use .ndjson or .csv, which stream`,
      );
  }
  let value: unknown;
  try {
    value = JSON.parse(whole);
  } catch (error) {
    throw new CliError(
      `${file}: not valid JSON (${error instanceof Error ? error.message : 'syntax error'})`,
    );
  }
  if (!Array.isArray(value))
    throw new CliError(`${file}: a JSON roster must be an array of objects with a "listing"`);
  for (const [i, item] of value.entries()) {
    if (typeof item === 'string') yield rowFrom(file, i + 1, { listing: item });
    else if (typeof item === 'object' && item !== null) yield rowFrom(file, i + 1, item);
    else
      throw new CliError(`${file}: item ${i + 1} must be an object with a "listing" (or a string)`);
  }
}
