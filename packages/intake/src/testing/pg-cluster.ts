// A private, throw-away PostgreSQL cluster for integration tests: initdb into a temp dir, start a
// server on 127.0.0.1 and a free port, and remove everything afterwards. Nothing here touches a
// system cluster: the data dir, the socket dir and the log all live in the temp dir.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgresClient from 'pg';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/** The superuser `initdb` creates; the cluster trusts every local connection (`-A trust`). */
const SUPERUSER = 'ptfx';

/** A running throw-away cluster. Call {@link PgCluster.stop} when done. */
export interface PgCluster {
  /** `postgres://ptfx@127.0.0.1:PORT/ptfx`: a database made for the caller at start. */
  readonly url: string;
  /** The same server's `postgres` database, for `CREATE DATABASE` and other admin work. */
  readonly adminUrl: string;
  /** The TCP port on 127.0.0.1 (kept across {@link PgCluster.restart}). */
  readonly port: number;
  /** The cluster's data directory (inside the temp dir that {@link PgCluster.stop} removes). */
  readonly dataDir: string;
  /** Creates an empty database (`[a-z0-9_]`, at most 63 characters) and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Drops a database, ending its connections first (`WITH (FORCE)`). */
  dropDatabase(name: string): Promise<void>;
  /** Stops the server and keeps the data: an outage. `immediate` (the default) is a crash. */
  stopServer(mode?: 'immediate' | 'fast'): Promise<void>;
  /** Starts the server again on the same port, with the same data. */
  startServer(): Promise<void>;
  /** {@link PgCluster.stopServer} then {@link PgCluster.startServer}. */
  restart(): Promise<void>;
  /** Stops the server (`-m immediate`) and removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

interface Runner {
  /** How to run a PostgreSQL binary: as the `postgres` OS user when we are root. */
  readonly wrap: (bin: string, args: readonly string[]) => [string, string[]];
  /** Who should own the temp dir, when we are root. */
  readonly owner?: { readonly uid: number; readonly gid: number };
}

let cachedBinDir: { readonly dir?: string; readonly reason?: string } | undefined;

/** The newest `bin` dir with `initdb`, `pg_ctl` and `postgres`, or why there is none. */
function locate(): { readonly dir?: string; readonly reason?: string } {
  if (cachedBinDir) return cachedBinDir;
  const usable = (dir: string) =>
    ['initdb', 'pg_ctl', 'postgres'].every((bin) => existsSync(join(dir, bin)));
  const candidates: string[] = [];
  try {
    const dir = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (dir) candidates.push(dir);
  } catch {
    // No pg_config on PATH: look in Debian's versioned directories below.
  }
  try {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    // No /usr/lib/postgresql at all.
  }
  // pg_config may belong to libpq-dev without a server; prefer the newest directory with a server.
  const best = candidates
    .filter(usable)
    .map((dir) => ({ dir, version: serverMajor(dir) }))
    .sort((a, b) => b.version - a.version)[0];
  cachedBinDir = best
    ? { dir: best.dir }
    : {
        reason:
          'PostgreSQL binaries were not found (no initdb, pg_ctl and postgres in `pg_config --bindir` ' +
          'or /usr/lib/postgresql/*/bin); install PostgreSQL (Debian: the postgresql package) to run these tests',
      };
  return cachedBinDir;
}

function serverMajor(dir: string): number {
  try {
    const out = execFileSync(join(dir, 'postgres'), ['--version'], { encoding: 'utf8' });
    return Number.parseFloat(/(\d+(?:\.\d+)?)/.exec(out)?.[1] ?? '0');
  } catch {
    return 0;
  }
}

let cachedRunner: { readonly runner?: Runner; readonly reason?: string } | undefined;

/** initdb refuses to run as root: as root, run the binaries as the `postgres` OS user. */
function runner(): { readonly runner?: Runner; readonly reason?: string } {
  if (cachedRunner) return cachedRunner;
  if (process.getuid?.() !== 0) {
    cachedRunner = { runner: { wrap: (bin, args) => [bin, [...args]] } };
    return cachedRunner;
  }
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
    const owner = { uid: id('-u'), gid: id('-g') };
    cachedRunner = {
      runner: { owner, wrap: (bin, args) => ['runuser', ['-u', 'postgres', '--', bin, ...args]] },
    };
  } catch {
    cachedRunner = {
      reason:
        'running as root, PostgreSQL must run as another user, and there is no `postgres` OS user',
    };
  }
  return cachedRunner;
}

/**
 * Why {@link startPgCluster} cannot start a cluster here (no PostgreSQL binaries, or root without a
 * `postgres` user), or undefined when it can. Synchronous, so tests can choose `describe.skip`
 * while they are collected.
 */
export function pgUnavailableReason(): string | undefined {
  return locate().reason ?? runner().reason;
}

/** Clusters still running in this process: stopped on exit and on a fatal signal. */
const live = new Map<string, () => void>();
let handlersInstalled = false;

function stopAllSync(): void {
  for (const stop of [...live.values()]) stop();
}

function onSignal(signal: NodeJS.Signals): void {
  stopAllSync();
  // Then die of the same signal, as if we had never listened to it.
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', stopAllSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
}

/**
 * Starts a private PostgreSQL cluster: `initdb -A trust -U ptfx` into a fresh temp dir, a server
 * on 127.0.0.1 and a free port with its unix socket in the temp dir, and a database `ptfx`
 * ({@link PgCluster.url}). Undefined when {@link pgUnavailableReason} says it cannot run here.
 *
 * The server runs with PostgreSQL's defaults (fsync on). Besides {@link PgCluster.stop}, the
 * cluster is stopped when this process exits, on SIGINT/SIGTERM/SIGHUP, and by a small detached
 * watchdog when this process dies without running any handler (SIGKILL).
 */
export async function startPgCluster(): Promise<PgCluster | undefined> {
  const bin = locate().dir;
  const as = runner().runner;
  if (!bin || !as) return undefined;

  const root = mkdtempSync(join(tmpdir(), 'ptfx-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  if (as.owner) chownSync(root, as.owner.uid, as.owner.gid);
  const pg = async (name: string, args: readonly string[]) => {
    const [file, argv] = as.wrap(join(bin, name), args);
    // cwd: the postgres user must be able to enter it (the repository may be root's only).
    return run(file, argv, { cwd: root, env: { ...process.env, LC_ALL: 'C' } });
  };
  const pgSync = (name: string, args: readonly string[]) => {
    const [file, argv] = as.wrap(join(bin, name), args);
    execFileSync(file, argv, { cwd: root, stdio: 'ignore', timeout: 30_000 });
  };

  let port = 0;
  let watchdog: ChildProcess | undefined;
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    live.delete(root);
    try {
      pgSync('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Not running (never started, or already stopped for an outage test).
    }
    if (watchdog?.pid) killQuietly(watchdog.pid);
    rmSync(root, { recursive: true, force: true });
  };
  live.set(root, stopSync);
  installExitHandlers();

  try {
    // --no-sync: initdb skips its fsyncs; a throw-away cluster need not survive a power cut.
    // --locale=C: text sorts by code point, like SQLite, whatever the host's locale is.
    await pg('initdb', [
      '-D',
      dataDir,
      '-A',
      'trust',
      '-U',
      SUPERUSER,
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ]);
    const logTail = async () => {
      try {
        return (await readFile(logFile, 'utf8')).split('\n').slice(-20).join('\n');
      } catch {
        return '(no server log)';
      }
    };
    const startOn = async (p: number) => {
      try {
        await pg('pg_ctl', [
          '-D',
          dataDir,
          '-l',
          logFile,
          '-w',
          '-t',
          '60',
          '-o',
          `-p ${p} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root}`,
          'start',
        ]);
      } catch (error) {
        throw new Error(`pg_ctl start failed on port ${p}:\n${await logTail()}`, { cause: error });
      }
    };

    // Another process may take the free port between our probe and the server's bind: retry.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await startOn(port);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    watchdog = startWatchdog(as, bin, dataDir, root);

    const adminUrl = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
    const urlOf = (name: string) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${name}`;
    /** Runs one statement on the `postgres` database over a connection of its own. */
    const admin = async (statement: string): Promise<void> => {
      const client = new postgresClient.Client({
        connectionString: adminUrl,
        ssl: false,
        connectionTimeoutMillis: 10_000,
      });
      // A connection lost while in use is reported here as well as to the query: not uncaught.
      client.on('error', () => {});
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end().catch(() => {});
      }
    };
    const checkName = (name: string) => {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name: ${name}`);
    };
    const createDatabase = async (name: string) => {
      checkName(name);
      await admin(`CREATE DATABASE "${name}"`);
      return urlOf(name);
    };
    const dropDatabase = async (name: string) => {
      checkName(name);
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    const stopServer = async (mode: 'immediate' | 'fast' = 'immediate') => {
      await pg('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
    };
    const startServer = () => startOn(port);

    const url = await createDatabase('ptfx');
    return {
      url,
      adminUrl,
      port,
      dataDir,
      createDatabase,
      dropDatabase,
      stopServer,
      startServer,
      restart: async () => {
        await stopServer();
        await startServer();
      },
      stop: async () => stopSync(),
    };
  } catch (error) {
    stopSync();
    throw error;
  }
}

/**
 * A detached shell that stops the cluster and removes its dir once this process is gone, for the
 * case where no exit handler ran (SIGKILL, OOM). {@link PgCluster.stop} kills it first.
 */
function startWatchdog(as: Runner, bin: string, dataDir: string, root: string): ChildProcess {
  const [file, argv] = as.wrap(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
  const script =
    'while kill -0 "$0" 2>/dev/null; do sleep 1; done; "$@" >/dev/null 2>&1; rm -rf "$ROOT"';
  const child = spawn('/bin/sh', ['-c', script, String(process.pid), file, ...argv], {
    detached: true,
    stdio: 'ignore',
    cwd: root,
    env: { ...process.env, ROOT: root },
  });
  child.unref();
  return child;
}

function killQuietly(pid: number): void {
  try {
    // The watchdog is its own process group (detached): end its `sleep` too.
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
