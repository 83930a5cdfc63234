import { Readable } from 'node:stream';
import { type FileSystem, type Io, nodeFileSystem } from '../io.js';

const refuse = async (): Promise<never> => {
  throw new Error('test io: no file system here; use tempDirIo for commands that write a tree');
};
const NO_FILE_SYSTEM: FileSystem = {
  cwd: () => '/nowhere',
  kind: refuse,
  realpath: refuse,
  list: refuse,
  read: refuse,
  mkdir: refuse,
  write: refuse,
  rename: refuse,
  remove: refuse,
};

/** What a test's io holds. */
export interface MemoryIoOptions {
  files?: Record<string, string | Buffer>;
  dirs?: string[];
  stdin?: string | Buffer;
  tty?: boolean;
  env?: Record<string, string>;
  now?: Date;
  /** The file system `site build` writes through; none unless given (see {@link tempDirIo}). */
  fs?: FileSystem;
}

/** An in-memory io: files from a map, stdin from a string, output collected. */
export function memoryIo(options: MemoryIoOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const files = options.files ?? {};
  const io: Io = {
    stdin: () => Readable.from([Buffer.from(options.stdin ?? '')]),
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdoutIsTty: options.tty ?? false,
    stderrIsTty: options.tty ?? false,
    env: options.env ?? {},
    now: () => options.now ?? new Date('2026-11-27T12:00:00'),
    openFile: (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`test io: no file ${path}`);
      const bytes = Buffer.from(content);
      // Several chunks, so that streaming code sees records split across them.
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
      return Readable.from(chunks);
    },
    writeFile: async (path, text) => {
      written.set(path, text);
    },
    stat: async (path) => {
      if (options.dirs?.includes(path)) return { kind: 'directory' };
      const content = files[path];
      return content === undefined
        ? { kind: 'missing' }
        : { kind: 'file', size: Buffer.byteLength(content) };
    },
    fs: options.fs ?? NO_FILE_SYSTEM,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written };
}

/**
 * An in-memory io (input files from a map, output collected) whose tree operations reach the real
 * disk: for `site build`, which a test points at a temporary directory.
 */
export async function tempDirIo(options: Omit<MemoryIoOptions, 'fs'> = {}) {
  return memoryIo({ ...options, fs: await nodeFileSystem() });
}
