import { writeSync } from 'node:fs';
import type { Logger, LogLine } from './app-types.js';

/** Where log text goes: standard output for events, standard error for errors. */
export interface LogSinks {
  readonly out: (bytes: Uint8Array) => void;
  readonly err: (bytes: Uint8Array) => void;
  /**
   * Writes to standard output before returning ({@link fdSink}`(1)`), for the fatal path: the
   * gathered event lines go here when the process is about to exit. `out` when absent.
   */
  readonly outSync?: (bytes: Uint8Array) => void;
  /** Writes to standard error before returning ({@link fdSink}`(2)`), for the fatal line. `err` when absent. */
  readonly errSync?: (bytes: Uint8Array) => void;
}

/** Longest {@link fdSink} waits, in all, for a full pipe to take its bytes before it gives up. */
const SYNC_WRITE_PATIENCE_MS = 2_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A sink that writes every byte to the file descriptor before it returns (`fs.writeSync`), for a
 * line that must be out before `process.exit()`: `process.stdout.write` to a pipe only queues
 * what the pipe cannot take at once, and exit drops that queue. A pipe Node opened is
 * non-blocking, so a full one answers EAGAIN or takes part of the bytes: the rest is retried,
 * sleeping 1 ms at a time, for up to 2 s in all (a reader that stalls longer loses the line
 * rather than hanging the exit). Other errors (EPIPE: nobody reads) drop the bytes silently.
 */
export function fdSink(fd: number): (bytes: Uint8Array) => void {
  return (bytes) => {
    let offset = 0;
    let waited = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(fd, bytes, offset, bytes.length - offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || waited >= SYNC_WRITE_PATIENCE_MS)
          return;
        Atomics.wait(pause, 0, 0, 1);
        waited += 1;
      }
    }
  };
}

// Text that needs no escaping inside a JSON string: most ids, routes, methods and codes.
const PLAIN = /^[\w .,:;/*+=@?!#&()[\]{}<>~^|'-]*$/;

function jsonString(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);
}

/**
 * `,"key":value` for each field of a flat log line, in order, without undefined ones: what
 * JSON.stringify would write, at a fraction of its cost for the one line every request logs.
 */
export function fields(entry: LogLine): string {
  let out = '';
  for (const key in entry) {
    const value = entry[key];
    if (value === undefined) continue;
    const text =
      typeof value === 'string'
        ? jsonString(value)
        : typeof value === 'number'
          ? Number.isFinite(value)
            ? String(value)
            : 'null'
          : value === null
            ? 'null'
            : value
              ? 'true'
              : 'false';
    out += `,${jsonString(key)}:${text}`;
  }
  return out;
}

/** Largest batch of event lines, in bytes; a full batch is written at once. */
const BATCH_BYTES = 64 * 1024;
/** Longest an event line waits to be written. */
export const LOG_FLUSH_MS = 50;

/** The logger {@link createJsonLogger} makes: a {@link Logger} that can also flush and die well. */
export interface JsonLogger extends Logger {
  /** Writes gathered event lines now (before exit). */
  flush(): void;
  /**
   * The last line of a process that is about to exit (whatever the level): the gathered event
   * lines through `outSync`, then this line through `errSync`, both written before it returns,
   * so `process.exit()` right after loses neither. Never throws.
   */
  fatal(line: LogLine): void;
}

/**
 * JSON lines, one object per line with its `time` first. Event lines (`info`) are gathered and
 * written every {@link LOG_FLUSH_MS} ms (or at 64 KiB) — one write for many requests instead of
 * a system call each, which under load cost a third of a cached GET — so at most that much is
 * lost if the process is killed (`flush()` runs at a normal exit). Error lines are written at
 * once, after any gathered event lines, so the order holds. With level `silent` event lines
 * are dropped and {@link Logger.infoEnabled} is false, so callers can skip building them.
 * `fatal` writes synchronously (see {@link JsonLogger.fatal}).
 */
export function createJsonLogger(level: 'info' | 'silent', sinks: LogSinks): JsonLogger {
  // Event lines are encoded straight into a buffer: a string built up over many requests would
  // outlive young collections and be copied into the old generation, which costs more than the
  // lines themselves.
  let buffer = Buffer.allocUnsafe(BATCH_BYTES);
  let used = 0;
  let scheduled = false;
  const flushTo = (out: (bytes: Uint8Array) => void) => {
    scheduled = false;
    if (used === 0) return;
    const full = buffer.subarray(0, used);
    // A new buffer, so a sink that writes later (a pipe) keeps the bytes it was given.
    buffer = Buffer.allocUnsafe(BATCH_BYTES);
    used = 0;
    out(full);
  };
  const flush = () => flushTo(sinks.out);
  // The time as ISO 8601, made once per millisecond: under load many lines share one.
  let stampedAt = -1;
  let stamp = '';
  const line = (entry: LogLine) => {
    const now = Date.now();
    if (now !== stampedAt) {
      stampedAt = now;
      stamp = new Date(now).toISOString();
    }
    return `{"time":"${stamp}"${fields(entry)}}\n`;
  };
  return {
    infoEnabled: level === 'info',
    info: (entry) => {
      if (level !== 'info') return;
      const text = line(entry);
      if (used + Buffer.byteLength(text) > BATCH_BYTES) {
        flush();
        if (Buffer.byteLength(text) > BATCH_BYTES) {
          sinks.out(Buffer.from(text));
          return;
        }
      }
      used += buffer.write(text, used);
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, LOG_FLUSH_MS).unref();
      }
    },
    error: (entry) => {
      flush();
      sinks.err(Buffer.from(line(entry)));
    },
    flush,
    fatal: (entry) => {
      try {
        flushTo(sinks.outSync ?? sinks.out);
      } catch {
        // The event lines are lost; the fatal line below matters more.
      }
      try {
        (sinks.errSync ?? sinks.err)(Buffer.from(line(entry)));
      } catch {
        // Nowhere left to write to.
      }
    },
  };
}
