import { createReadStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** What a path is, without following a final symbolic link. */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'other' | 'missing';

/**
 * The file-system operations of a command that writes a whole tree at once (`ptfx site build`):
 * the real disk in `ptfx`, a temporary directory in tests.
 */
export interface FileSystem {
  /** The working directory relative paths are resolved against. */
  readonly cwd: () => string;
  /** What a path is, without following a final symbolic link. */
  readonly kind: (path: string) => Promise<EntryKind>;
  /** The canonical absolute path (symbolic links resolved) of an existing path. */
  readonly realpath: (path: string) => Promise<string>;
  /** A directory's entries, by name and kind. */
  readonly list: (path: string) => Promise<readonly { name: string; kind: EntryKind }[]>;
  /** A whole file's bytes. */
  readonly read: (path: string) => Promise<Uint8Array>;
  /** Creates a directory; fails if it exists unless `parents` (mkdir -p). */
  readonly mkdir: (path: string, options?: { parents?: boolean }) => Promise<void>;
  /** Writes a whole file, creating or replacing it. */
  readonly write: (path: string, bytes: Uint8Array) => Promise<void>;
  /** Renames a file or directory (same file system). */
  readonly rename: (from: string, to: string) => Promise<void>;
  /** Removes a file or a whole directory tree; nothing if it is missing. */
  readonly remove: (path: string) => Promise<void>;
}

/** Everything a command touches outside itself, so tests run it in memory. */
export interface Io {
  /** Standard input, as a stream of bytes. */
  readonly stdin: () => Readable;
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /**
   * Backpressure: `undefined` when standard output can take more now, else a promise that settles
   * once it can (its buffer drained, or it closed). Absent in an in-memory Io, which never fills.
   * Writers of long outputs await it between chunks ({@link createOutput}).
   */
  readonly stdoutReady?: () => Promise<void> | undefined;
  /** Whether standard output's reader has gone (`| head` done): nothing more can be written. */
  readonly stdoutGone?: () => boolean;
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
  /** Directory trees (`ptfx site build --out`). */
  readonly fs: FileSystem;
}

function entryKind(s: {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}): EntryKind {
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isDirectory()) return 'directory';
  return s.isFile() ? 'file' : 'other';
}

/** The real disk, as a {@link FileSystem}. */
export async function nodeFileSystem(): Promise<FileSystem> {
  const fs = await import('node:fs/promises');
  return {
    cwd: () => process.cwd(),
    kind: async (path) => {
      try {
        return entryKind(await fs.lstat(path));
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return 'missing';
        throw error;
      }
    },
    realpath: (path) => fs.realpath(path),
    list: async (path) =>
      (await fs.readdir(path, { withFileTypes: true })).map((d) => ({
        name: d.name,
        kind: entryKind(d),
      })),
    read: (path) => fs.readFile(path),
    mkdir: async (path, options) => {
      await fs.mkdir(path, { recursive: options?.parents === true });
    },
    write: (path, bytes) => fs.writeFile(path, bytes),
    rename: (from, to) => fs.rename(from, to),
    remove: (path) => fs.rm(path, { recursive: true, force: true }),
  };
}

/**
 * `undefined` when a stream can take more writes now; else a promise that settles on its `drain`,
 * or when it closes or fails (a reader gone, as with `| head`), so a writer never waits forever.
 */
export function waitForDrain(stream: Writable): Promise<void> | undefined {
  // A failed stream (EPIPE) keeps saying it needs a drain that never comes: do not wait for it.
  if (!stream.writableNeedDrain || stream.destroyed || stream.errored) return undefined;
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

/** Bytes gathered before one write: a million small writes cost more than the linting. */
export const OUTPUT_CHUNK = 65_536;

/**
 * Standard output for a long report, honouring backpressure: text is gathered into chunks of
 * {@link OUTPUT_CHUNK} characters, each chunk is written with `io.stdout`, and {@link Output.ready}
 * waits while the reader (a pipe into `gzip`, `jq`, a slow consumer) has not taken the last one,
 * so memory stays flat however slow the reader is.
 */
export interface Output {
  /** Adds text; writes a chunk when enough has gathered. Never waits: call {@link Output.ready}. */
  write(text: string): void;
  /** `undefined` when the caller may go on producing, else a promise to await first. */
  ready(): Promise<void> | undefined;
  /** Writes what is gathered and waits until standard output has taken it. */
  end(): Promise<void>;
  /** Whether the reader has gone, so producing more is wasted work. */
  gone(): boolean;
}

/** An {@link Output} over an {@link Io}'s standard output. */
export function createOutput(io: Io): Output {
  let pending: string[] = [];
  let pendingLength = 0;
  // Whether a chunk went out since the last look at backpressure: only a write can fill the pipe.
  let wrote = false;
  const flush = () => {
    if (pending.length === 0) return;
    io.stdout(pending.length === 1 ? (pending[0] as string) : pending.join(''));
    pending = [];
    pendingLength = 0;
    wrote = true;
  };
  return {
    write(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= OUTPUT_CHUNK) flush();
    },
    ready() {
      if (!wrote) return undefined;
      wrote = false;
      return io.stdoutReady?.();
    },
    async end() {
      flush();
      await io.stdoutReady?.();
    },
    gone: () => io.stdoutGone?.() === true,
  };
}

/** How large V8's young generation may grow (MiB) before {@link capYoungGeneration} stops it. */
export const YOUNG_GENERATION_CAP_MB = 8;

/**
 * Returns a check that, once V8's new space has grown to `mb` MiB, stops it growing further
 * (`--semi-space-growth-factor=1`, a flag V8 reads each time it grows the space). A long report
 * allocates fast and its memo survives scavenges, so V8 doubles the new space to its maximum
 * (about 100 MB of mostly empty heap on a large machine) although the live data is a few tens of
 * MB: capped, a million-row roster peaks at about 150 MB instead of 250 MB, for a few per cent of
 * time. Changing a V8 flag after start-up is allowed but not guaranteed to act (Node's
 * `v8.setFlagsFromString`); if it does nothing, only memory is affected.
 */
export function capYoungGeneration(mb = YOUNG_GENERATION_CAP_MB): () => void {
  let capped = false;
  return () => {
    if (capped) return;
    const newSpace = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    if (newSpace && newSpace.space_size >= mb * 1024 * 1024) {
      setFlagsFromString('--semi-space-growth-factor=1');
      capped = true;
    }
  };
}

/** The real process. */
export async function nodeIo(): Promise<Io> {
  const { stat, writeFile } = await import('node:fs/promises');
  const capNewSpace = capYoungGeneration();
  // A reader that stops early (`ptfx … | head`) is not an error: stop writing, do not crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    stdin: () => process.stdin,
    // Checked at each write: a long report writes in 64 KiB chunks, a short one barely at all.
    stdout: (text) => {
      process.stdout.write(text);
      capNewSpace();
    },
    stdoutReady: () => waitForDrain(process.stdout),
    // process.stdout is not destroyed by EPIPE (autoDestroy is off); it is `errored`.
    stdoutGone: () =>
      process.stdout.destroyed || process.stdout.writableEnded || process.stdout.errored !== null,
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
    fs: await nodeFileSystem(),
  };
}
