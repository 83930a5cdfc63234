import type { Readable } from 'node:stream';
import { CliError } from './errors.js';
import type { Io } from './io.js';

/** The largest clinic data file read whole: 5 MiB (rosters stream and have no limit). */
export const MAX_TEXT_FILE_BYTES = 5 * 1024 * 1024;

async function collect(stream: Readable, limit: number, label: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buffer.length;
    if (size > limit)
      throw new CliError(`${label}: over the ${limit / 1024 / 1024} MiB limit for a data file`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Bytes as UTF-8 text, or a clear error for a binary file or invalid UTF-8. */
export function decodeText(bytes: Buffer, label: string): string {
  if (bytes.includes(0))
    throw new CliError(`${label}: looks like a binary file (it has NUL bytes); give a text file`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = bytes.subarray(0, firstInvalidUtf8(bytes)).toString('latin1').split('\n').length;
    throw new CliError(`${label}:${line}: not valid UTF-8; save the file as UTF-8`);
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/** Checks that a path names a readable file and says why not (exit 2) otherwise. */
export async function requireFile(io: Io, path: string): Promise<number> {
  const info = await io.stat(path);
  if (info.kind === 'missing') throw new CliError(`${path}: no such file`);
  if (info.kind === 'directory') throw new CliError(`${path}: is a directory; give a file`);
  return info.size;
}

/** Reads a whole text file (or stdin for `-`) with the checks a data file needs. */
export async function readTextFile(io: Io, path: string): Promise<string> {
  const label = path === '-' ? '<stdin>' : path;
  if (path !== '-') {
    const size = await requireFile(io, path);
    if (size > MAX_TEXT_FILE_BYTES)
      throw new CliError(`${path}: ${size} bytes, over the 5 MiB limit for a data file`);
  }
  const bytes = await collect(
    path === '-' ? io.stdin() : io.openFile(path),
    MAX_TEXT_FILE_BYTES,
    label,
  );
  return decodeText(bytes, label);
}
