import { Readable } from 'node:stream';
import type { Io } from '../io.js';

/** An in-memory io: files from a map, stdin from a string, output collected. */
export function memoryIo(
  options: {
    files?: Record<string, string | Buffer>;
    dirs?: string[];
    stdin?: string | Buffer;
    tty?: boolean;
    env?: Record<string, string>;
    now?: Date;
  } = {},
) {
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
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written };
}
