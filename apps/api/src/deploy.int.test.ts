// The deployment examples in deploy/, checked as far as this machine allows:
// - deploy/ptfx-api.service passes `systemd-analyze verify` (no warning at all), in a scratch root
//   so that no systemd needs to run here; its ExecStart is the package's start command and its
//   environment is a configuration the server accepts;
// - deploy/Dockerfile's HEALTHCHECK command, run as Docker would run it, exits 0 against a ready
//   server and 1 when /readyz answers 503, when nothing listens and when the server hangs; its CMD
//   is the start command and its ENV a configuration the server accepts. (No Docker engine runs
//   here, so the image itself is not built in this test.)
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PgCluster, pgUnavailableReason, startPgCluster } from '@ptfx/intake/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_JS, startServerProcess } from './test-support/server-process.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const API = join(ROOT, 'apps/api');
const UNIT = readFileSync(join(ROOT, 'deploy/ptfx-api.service'), 'utf8');
const DOCKERFILE = readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8');
const START = (
  JSON.parse(readFileSync(join(API, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start.split(' ');
const dir = mkdtempSync(join(tmpdir(), 'ptfx-deploy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh data key, as `admin mint-data-key` makes (32 random bytes, base64). */
const dataKey = () => randomBytes(32).toString('base64');

/** The values of a directive in a unit file's text, in order. */
function directive(unit: string, name: string): string[] {
  return unit
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith(`${name}=`))
    .map((line) => line.slice(name.length + 1));
}

/** `Environment=A=1 B=2` lines as one record (the unit's values hold no quotes or spaces). */
function unitEnvironment(unit: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of directive(unit, 'Environment')) {
    for (const pair of line.split(/\s+/)) {
      const at = pair.indexOf('=');
      env[pair.slice(0, at)] = pair.slice(at + 1);
    }
  }
  return env;
}

const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const noSystemd =
  analyze.status === 0
    ? undefined
    : "systemd-analyze is not installed (Debian's systemd package has it)";
if (noSystemd !== undefined && process.env.CI) {
  describe('the systemd unit', () => {
    it('CI needs systemd-analyze', () => {
      throw new Error(`CI needs systemd-analyze: ${noSystemd}`);
    });
  });
}

(noSystemd === undefined ? describe : describe.skip)('the systemd unit', () => {
  /**
   * `systemd-analyze verify` of `unit` in a scratch root: the unit in its etc/systemd/system,
   * stand-ins for the targets every service depends on, and the two programs the unit should
   * run (/usr/bin/node and /bin/kill) as executable stubs — a path other than those fails.
   */
  function verify(unit: string): { status: number | null; output: string } {
    const root = mkdtempSync(join(dir, 'root-'));
    const units = join(root, 'usr/lib/systemd/system');
    mkdirSync(units, { recursive: true });
    mkdirSync(join(root, 'etc/systemd/system'), { recursive: true });
    for (const target of [
      'sysinit.target',
      'basic.target',
      'shutdown.target',
      'network-online.target',
      'multi-user.target',
    ]) {
      writeFileSync(join(units, target), '[Unit]\nDescription=stand-in\n');
    }
    for (const program of ['usr/bin/node', 'bin/kill']) {
      mkdirSync(dirname(join(root, program)), { recursive: true });
      writeFileSync(join(root, program), '#!/bin/sh\n');
      chmodSync(join(root, program), 0o755);
    }
    writeFileSync(join(root, 'etc/systemd/system/ptfx-api.service'), unit);
    const result = spawnSync(
      'systemd-analyze',
      ['verify', '--man=no', `--root=${root}`, 'ptfx-api.service'],
      { encoding: 'utf8', env: { ...process.env, SYSTEMD_LOG_COLOR: '0' } },
    );
    return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
  }

  it('passes systemd-analyze verify without a single warning', () => {
    expect(verify(UNIT)).toEqual({ status: 0, output: '' });
  });

  it('is checked for real: a misspelt directive, a bad value or a missing program fails', () => {
    // What was changed, how, and what systemd-analyze must then say.
    const broken: [RegExp, string, string][] = [
      [/^ProtectSystem=strict$/m, 'ProtectSystm=strict', "Unknown key 'ProtectSystm'"],
      [/^Restart=on-failure$/m, 'Restart=on-failur', 'on-failur'],
      [/^StartLimitBurst=\d+$/m, 'StartLimitBurst=ten', 'ten'],
      [/^ExecStart=\/usr\/bin\/node/m, 'ExecStart=/usr/local/bin/node', '/usr/local/bin/node'],
    ];
    for (const [directive, replacement, complaint] of broken) {
      const unit = UNIT.replace(directive, replacement);
      expect(unit, replacement).not.toBe(UNIT);
      expect(verify(unit).output, replacement).toContain(complaint);
    }
    const noProgram = UNIT.replace(/^ExecStart=\/usr\/bin\/node/m, 'ExecStart=/usr/local/bin/node');
    expect(verify(noProgram).status).not.toBe(0);
  });

  it('restarts on failure within limits, fenced in, with its secrets from a file', () => {
    expect(directive(UNIT, 'Restart')).toEqual(['on-failure']);
    expect(directive(UNIT, 'RestartSec')).toHaveLength(1);
    expect(directive(UNIT, 'StartLimitIntervalSec')).toHaveLength(1);
    expect(directive(UNIT, 'StartLimitBurst')).toHaveLength(1);
    expect(directive(UNIT, 'EnvironmentFile')).toEqual(['/etc/ptfx/api.env']);
    for (const [name, value] of [
      ['NoNewPrivileges', 'yes'],
      ['ProtectSystem', 'strict'],
      ['PrivateTmp', 'yes'],
      ['ProtectHome', 'yes'],
    ]) {
      expect(directive(UNIT, name as string), name).toEqual([value]);
    }
    // The SQLite file is in the one writable folder.
    const sqlite = unitEnvironment(UNIT).DATABASE_URL?.replace(/^file:/, '') ?? '';
    expect(directive(UNIT, 'ReadWritePaths')).toEqual([dirname(sqlite)]);
    // The drain fits in the stop timeout.
    const drainMs = Number(unitEnvironment(UNIT).PTFX_SHUTDOWN_TIMEOUT_MS);
    expect(drainMs).toBeLessThan(Number(directive(UNIT, 'TimeoutStopSec')[0]) * 1000);
  });

  it("runs the package's start command, with an environment the server starts with", async () => {
    // `node --enable-source-maps dist/server.js`, from the repository installed in /opt/ptfx.
    const [program, ...args] = (directive(UNIT, 'ExecStart')[0] ?? '').split(' ');
    expect(program).toBe('/usr/bin/node');
    expect(args).toEqual(
      START.slice(1).map((arg) => (arg.startsWith('dist/') ? `/opt/ptfx/apps/api/${arg}` : arg)),
    );
    // The unit's Environment= lines (production), plus what /etc/ptfx/api.env would add.
    // HOST and PORT: startServerProcess's (127.0.0.1, a free port).
    const { HOST: _host, PORT: _port, ...env } = unitEnvironment(UNIT);
    const server = await startServerProcess({
      ...env,
      DATABASE_URL: `file:${join(dir, 'unit.db')}`,
      PTFX_DATA_KEY: dataKey(),
    });
    server.child.kill('SIGTERM');
    // Exit 0 on SIGTERM: Restart=on-failure leaves a stopped service stopped.
    expect(await server.exited).toBe(0);
    // Read after the exit: the log is written in batches (50 ms), so /readyz can answer before
    // the "listening" line is out; the exit flushes it.
    expect(server.output()).toMatch(/"event":"listening"/);
  });
});

/** The HEALTHCHECK instruction: its options and its exec-form command. */
function healthcheck(): { options: Record<string, string>; command: string[] } {
  const joined = DOCKERFILE.replace(/\\\n/g, ' ');
  const line = joined.split('\n').find((l) => l.startsWith('HEALTHCHECK ')) ?? '';
  const match = /^HEALTHCHECK\s+((?:--[a-z-]+=\S+\s+)*)CMD\s+(\[.*\])\s*$/.exec(line);
  if (!match) throw new Error(`no HEALTHCHECK … CMD [exec form] in deploy/Dockerfile: ${line}`);
  const options = Object.fromEntries(
    (match[1] ?? '')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((o) => o.slice(2).split('=') as [string, string]),
  );
  return { options, command: JSON.parse(match[2] as string) as string[] };
}

/** Runs the HEALTHCHECK command as Docker would (its `node` is ours), against `port`. */
function runHealthcheck(port: number): Promise<number | null> {
  const [program, ...args] = healthcheck().command;
  expect(program).toBe('node');
  return new Promise((resolve) => {
    const child = execFile(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '', PORT: String(port) },
      timeout: 20_000,
    });
    child.on('exit', (code) => resolve(code));
  });
}

describe("the Dockerfile's health check", () => {
  it('ends by itself before Docker would cut it, and needs nothing but node', () => {
    const { options, command } = healthcheck();
    const script = command.at(-1) ?? '';
    const own = Number(/AbortSignal\.timeout\((\d+)\)/.exec(script)?.[1]);
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(Number.parseFloat(options.timeout ?? '30') * 1000);
    expect(script).toContain('/readyz');
    const instructions = DOCKERFILE.split('\n').filter((l) => !l.startsWith('#'));
    expect(instructions.join('\n')).not.toMatch(/\b(curl|wget)\b/);
  });

  it("starts the server with the package's start command, in an environment it accepts", async () => {
    const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(
      DOCKERFILE.replace(/^HEALTHCHECK[^\n]*\\\n[^\n]*$/m, ''),
    );
    expect(JSON.parse(cmd?.[1] ?? '[]')).toEqual(
      START.map((arg) => (arg.startsWith('dist/') ? `apps/api/${arg}` : arg)),
    );
    expect(DOCKERFILE).toMatch(/^WORKDIR \/opt\/ptfx$/m);
    // The runtime stage's ENV (the last stage), plus what `--env-file` would add.
    const runtime = DOCKERFILE.slice(DOCKERFILE.lastIndexOf('\nFROM '));
    const envBlock = /^ENV ((?:[^\n]*\\\n)*[^\n]*)$/m.exec(runtime)?.[1] ?? '';
    const env = Object.fromEntries(
      envBlock
        .replace(/\\\n/g, ' ')
        .trim()
        .split(/\s+/)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    ) as Record<string, string>;
    expect(env).toMatchObject({ NODE_ENV: 'production', PORT: '3000' });
    // HOST and PORT: startServerProcess's (127.0.0.1, a free port), not 0.0.0.0:3000.
    const { HOST: _host, PORT: _port, ...rest } = env;
    const server = await startServerProcess({
      ...rest,
      DATABASE_URL: `file:${join(dir, 'docker.db')}`,
      PTFX_DATA_KEY: dataKey(),
    });
    const port = Number(new URL(server.url).port);
    expect(await runHealthcheck(port)).toBe(0);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // Nothing listens now.
    expect(await runHealthcheck(port)).toBe(1);
  });

  it('fails when the server accepts connections but never answers', async () => {
    const sockets: Socket[] = [];
    const hung: Server = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const { port } = hung.address() as { port: number };
    try {
      expect(await runHealthcheck(port)).toBe(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      hung.close();
    }
  });

  const pgMissing = pgUnavailableReason();
  (pgMissing === undefined ? it : it.skip)(
    'fails while /readyz answers 503 (the database is down) and passes again when it is back',
    async () => {
      const cluster = (await startPgCluster()) as PgCluster;
      try {
        const server = await startServerProcess({
          DATABASE_URL: cluster.url,
          PTFX_LOG: 'silent',
        });
        const port = Number(new URL(server.url).port);
        expect(await runHealthcheck(port)).toBe(0);
        await cluster.stopServer('fast');
        const readyz = await fetch(`${server.url}/readyz`);
        expect(readyz.status).toBe(503);
        expect(await runHealthcheck(port)).toBe(1);
        await cluster.startServer();
        const deadline = Date.now() + 20_000;
        let code = await runHealthcheck(port);
        while (code !== 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          code = await runHealthcheck(port);
        }
        expect(code).toBe(0);
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      } finally {
        await cluster.stop();
      }
    },
  );
});

// The server the checks above start is the built one.
expect(SERVER_JS).toMatch(/dist\/server\.js$/);
