import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

/** Everything a command touches outside itself, so tests run it in memory. */
export interface Io {
  /** Standard input, as a stream of bytes. */
  readonly stdin: () => Readable;
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Whether stdout and stderr are terminals (colour, progress). */
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
  /** The environment (NO_COLOR). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Today, for expiry. */
  readonly now: () => Date;
  /** Opens a file as a byte stream (the real filesystem, or a test's). */
  readonly openFile: (path: string) => Readable;
  /** Writes a whole file (for --out). */
  readonly writeFile: (path: string, text: string) => Promise<void>;
  /** What a path is: a file with its size, a directory, or nothing. */
  readonly stat: (
    path: string,
  ) => Promise<{ kind: 'file'; size: number } | { kind: 'directory' } | { kind: 'missing' }>;
}

/** The real process. */
export async function nodeIo(): Promise<Io> {
  const { stat, writeFile } = await import('node:fs/promises');
  return {
    stdin: () => process.stdin,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    env: process.env,
    now: () => new Date(),
    openFile: (path) => createReadStream(path),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    stat: async (path) => {
      try {
        const s = await stat(path);
        return s.isDirectory() ? { kind: 'directory' } : { kind: 'file', size: s.size };
      } catch {
        return { kind: 'missing' };
      }
    },
  };
}
