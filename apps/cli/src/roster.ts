import type { Readable } from 'node:stream';
import {
  isUsStateCode,
  suggestUsStateCode,
  type TherapistRole,
  type UsStateCode,
} from '@ptfx/domain/credentials';
import { CliError } from './errors.js';

/** One listing to lint, with where it came from. */
export interface RosterRow {
  /** 1-based line of the row in its file (the line it starts on, for CSV). */
  readonly line: number;
  readonly listing: string;
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
): RosterRow {
  const where = `${file}:${line}`;
  if (typeof fields.listing !== 'string') throw new CliError(`${where}: "listing" must be text`);
  const row: { -readonly [K in keyof RosterRow]: RosterRow[K] } = { line, listing: fields.listing };
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
 * of the cost of linting a large roster.
 */
export async function* csvRecords(
  text: AsyncIterable<string>,
  file: string,
): AsyncGenerator<{ line: number; fields: string[] }> {
  let buf = '';
  let line = 1;
  const special = /[",\r\n]/g;

  // Parses one record at `start`; undefined when the buffer ends before the record does.
  const record = (
    start: number,
    final: boolean,
  ): { fields: string[]; next: number; lines: number } | undefined => {
    const fields: string[] = [];
    let p = start;
    let lines = 0;
    for (;;) {
      let field: string;
      if (buf[p] === '"') {
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
        return { fields, next: buf[p + 1] === '\n' ? p + 2 : p + 1, lines: lines + 1 };
      }
      if (c === '\n') return { fields, next: p + 1, lines: lines + 1 };
      return { fields, next: p, lines }; // the end of the input
    }
  };

  const drain = function* (final: boolean) {
    let pos = 0;
    while (pos < buf.length) {
      const found = record(pos, final);
      if (!found) break;
      const blank = found.fields.length === 1 && found.fields[0] === '' && buf[pos] !== '"';
      if (!blank) yield { line, fields: found.fields };
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
    const at = (name: string) => {
      const index = columns?.get(name);
      return index === undefined ? undefined : record.fields[index];
    };
    yield rowFrom(file, record.line, {
      listing: at('listing'),
      name: at('name'),
      state: at('state'),
      role: at('role'),
    });
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
    yield rowFrom(file, line, value);
  }
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
