// What the process does when something escapes every handler: an exception thrown from a timer
// or an event, or a promise rejected with nobody listening. Its state can no longer be trusted,
// so it says so in one line, stops taking work, lets what is in flight finish, closes the store
// and exits non-zero, for its supervisor (systemd, Docker, Kubernetes) to start a fresh one.
import type { LogLine } from './app-types.js';

/** The exit code after a fatal error: 70, EX_SOFTWARE of sysexits.h ("internal software error"). */
export const FATAL_EXIT_CODE = 70;

/** Which process event reported the error. */
export type FatalKind = 'uncaughtException' | 'unhandledRejection';

/** More fatal lines than this during one drain are counted, not written. */
const MAX_FATAL_LINES = 5;
/** At most this many stack frames are logged. */
const MAX_FRAMES = 30;

/** A name or code safe to log: a short identifier (never free text that could carry PHI). */
function identifier(value: unknown, fallback: string | undefined): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && /^[\w$.-]{1,64}$/.test(value)) return value;
  return fallback;
}

/**
 * The stack frames of an error (`at fn (file:line:col)`, one per line, at most 30), without the
 * `Name: message` header: a message may quote what a patient sent, a frame never does. When the
 * stack does not begin with that header (a stack rewritten by someone), only the lines that look
 * like frames are kept.
 */
export function stackFrames(error: Error): string {
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const header = `${error.name}: ${error.message}`;
  const rest = stack.startsWith(header)
    ? stack.slice(header.length)
    : stack.startsWith(`${error.name}\n`)
      ? stack.slice(error.name.length)
      : stack;
  return rest
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^at \S/.test(line))
    .slice(0, MAX_FRAMES)
    .join('\n');
}

/**
 * The one log line a fatal error gets: `event: 'fatal'`, the kind, the error's name, its `code`
 * when it has one that is an identifier (`ECONNRESET`, `57P01`, `ERR_…`) and its stack frames —
 * never its message, which may hold personal data. A thrown non-Error says only its type.
 */
export function fatalLine(kind: FatalKind, error: unknown): LogLine {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return {
      event: 'fatal',
      kind,
      error: identifier(error.name, 'Error'),
      code: identifier((error as { code?: unknown }).code, undefined),
      cause: cause instanceof Error ? identifier(cause.name, 'Error') : undefined,
      stack: stackFrames(error),
      message:
        'uncaught; the message is not logged (it may hold personal data), the stack says where',
    };
  }
  return {
    event: 'fatal',
    kind,
    error: error === null ? 'null' : typeof error,
    message: 'a value that is not an Error was thrown or rejected; not logged',
  };
}

/** Where the policy writes its line: a logger whose `fatal` writes before it returns. */
export interface FatalLogger {
  fatal(line: LogLine): void;
}

/** What {@link installProcessPolicy} needs. */
export interface ProcessPolicyOptions {
  /** Writes the fatal line synchronously (`createJsonLogger(...).fatal`). */
  readonly logger: FatalLogger;
  /**
   * The longest the whole stop may take, in milliseconds, before the process exits anyway:
   * PTFX_SHUTDOWN_TIMEOUT_MS for the drain plus a margin for closing the store.
   */
  readonly deadlineMs: number;
  /** Ends the process; `process.exit` unless a test passes its own. */
  readonly exit?: (code: number) => void;
  /** The process whose events are watched; `process` unless a test passes its own. */
  readonly target?: PolicyTarget;
}

/** The part of `process` the policy uses. */
export interface PolicyTarget {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): void;
  removeListener(
    event: 'uncaughtException' | 'unhandledRejection',
    listener: (error: unknown) => void,
  ): void;
  exitCode?: number | string | null | undefined;
}

/** The installed policy. */
export interface ProcessPolicy {
  /**
   * What a fatal error runs before the exit: stop accepting, drain in-flight requests, close
   * the store (the running server's `shutdown`). Until it is given (while starting), a fatal
   * error exits at once.
   */
  setStop(stop: () => Promise<void>): void;
  /** True once a fatal error was seen: a later SIGTERM exit must still be {@link FATAL_EXIT_CODE}. */
  readonly failed: boolean;
  /** Stops listening (tests). */
  uninstall(): void;
}

/**
 * Installs the process-level policy for `uncaughtException` and `unhandledRejection`: the first
 * one logs one fatal line ({@link fatalLine}, written synchronously), sets the exit code to
 * {@link FATAL_EXIT_CODE}, runs the stop given to {@link ProcessPolicy.setStop} (the server stops
 * accepting, drains up to PTFX_SHUTDOWN_TIMEOUT_MS, closes the store) and exits 70 — at once when
 * there is nothing to stop yet, and after `deadlineMs` whatever the stop is doing. Later errors
 * while it stops are logged too (up to 5 lines) but start nothing new.
 *
 * @example
 * const policy = installProcessPolicy({ logger, deadlineMs: config.shutdownTimeoutMs + 5_000 });
 * policy.setStop(() => running.shutdown('fatal'));
 */
export function installProcessPolicy(options: ProcessPolicyOptions): ProcessPolicy {
  const target: PolicyTarget = options.target ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stop: (() => Promise<void>) | undefined;
  let failed = false;
  let lines = 0;
  let exited = false;
  const exitOnce = () => {
    if (exited) return;
    exited = true;
    exit(FATAL_EXIT_CODE);
  };

  const onFatal = (kind: FatalKind) => (error: unknown) => {
    lines++;
    if (lines <= MAX_FATAL_LINES) {
      options.logger.fatal({
        ...fatalLine(kind, error),
        ...(failed ? { during: 'stop', seen: lines } : {}),
      });
    }
    if (failed) return;
    failed = true;
    // Should the event loop empty before the stop resolves, the process still exits 70.
    target.exitCode = FATAL_EXIT_CODE;
    if (!stop) {
      exitOnce();
      return;
    }
    setTimeout(() => {
      options.logger.fatal({
        event: 'fatal-stop-deadline',
        message: `not stopped after ${options.deadlineMs} ms; exiting without waiting further`,
      });
      exitOnce();
    }, options.deadlineMs).unref();
    let stopping: Promise<void>;
    try {
      stopping = stop();
    } catch (stopError) {
      stopping = Promise.reject(stopError);
    }
    stopping.then(exitOnce, (stopError: unknown) => {
      options.logger.fatal({
        event: 'fatal-stop-failed',
        error: stopError instanceof Error ? identifier(stopError.name, 'Error') : typeof stopError,
      });
      exitOnce();
    });
  };
  const onException = onFatal('uncaughtException');
  const onRejection = onFatal('unhandledRejection');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return {
    setStop: (fn) => {
      stop = fn;
    },
    get failed() {
      return failed;
    },
    uninstall: () => {
      target.removeListener('uncaughtException', onException);
      target.removeListener('unhandledRejection', onRejection);
    },
  };
}
