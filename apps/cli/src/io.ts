import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

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
    fs: await nodeFileSystem(),
  };
}
