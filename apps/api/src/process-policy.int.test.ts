// The process policy in the real server process (dist/server.js): an error that escapes every
// handler — thrown from a timer, or a rejection nobody awaits — gives one fatal log line without
// the error's message, the server stops accepting, the request in flight completes and is stored,
// the store closes, and the process exits 70 for its supervisor to restart it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import { nodeSqlite } from '@ptfx/intake';
import { freePort } from '@ptfx/intake/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { FATAL_EXIT_CODE } from './process-policy.js';
import {
  SERVER_JS,
  type ServerProcess,
  startServerProcess,
} from './test-support/server-process.js';

const TRIGGER = fileURLToPath(new URL('./test-support/crash-trigger.mjs', import.meta.url));
const CANARY = `CANARY${Date.now().toString(36)}`;
const dir = mkdtempSync(join(tmpdir(), 'ptfx-fatal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function env(name: string, extra: Record<string, string>): Record<string, string> {
  return {
    DATABASE_URL: `file:${join(dir, `${name}.db`)}`,
    PTFX_INTAKE_RATE_LIMIT: '1000/60',
    PTFX_LOG: 'info',
    NODE_OPTIONS: `--import=${TRIGGER}`,
    CRASH_TEST_CANARY: CANARY,
    ...extra,
  };
}

/** The JSON lines a process wrote whose event is `fatal`. */
function fatalLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.event === 'fatal');
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether a new connection is refused (the server stopped accepting). */
async function refuses(url: string): Promise<boolean> {
  try {
    await (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })).body?.cancel();
    return false;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  }
}

/**
 * A POST whose headers have been read by the server (it answered `100 Continue`) and whose body
 * is only sent when `finish()` is called: a request in flight for as long as the test wants.
 */
async function requestInFlight(server: ServerProcess) {
  const body = Buffer.from(
    JSON.stringify({
      ...CONSULTATION_REQUEST_EXAMPLE,
      name: { given: CANARY, family: 'InFlight' },
      reason: `in flight ${CANARY}`,
    }),
  );
  const { port } = new URL(server.url);
  const req = request({
    host: '127.0.0.1',
    port: Number(port),
    method: 'POST',
    path: '/v1/consultation-requests',
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': String(body.length),
      'Idempotency-Key': `in-flight-${crypto.randomUUID()}`,
      Expect: '100-continue',
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    req.once('continue', resolve);
    req.once('error', reject);
  });
  let answered = false;
  void response.then(
    () => {
      answered = true;
    },
    () => {
      answered = true;
    },
  );
  return {
    response,
    answered: () => answered,
    finish: () => req.end(body),
    abandon: () => req.destroy(),
  };
}

describe('an uncaught error in the server process', () => {
  it('thrown from a timer: one fatal line without the message, no new connections, the request in flight completes and is stored, exit 70', async () => {
    const server = await startServerProcess(env('throw', { CRASH_TEST_KIND: 'throw' }));
    const inFlight = await requestInFlight(server);

    server.child.kill('SIGUSR2');
    await until('the fatal line', () => fatalLines(server.output()).length > 0);
    await until('new connections to be refused', () => refuses(server.url));
    expect(inFlight.answered()).toBe(false);
    expect(server.child.exitCode).toBe(null);

    inFlight.finish();
    const answer = await inFlight.response;
    expect(answer.status, answer.body).toBe(201);
    const { id } = JSON.parse(answer.body) as { id: string };
    expect(await server.exited).toBe(FATAL_EXIT_CODE);

    const output = server.output();
    const fatal = fatalLines(output);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({
      event: 'fatal',
      kind: 'uncaughtException',
      error: 'CrashTestError',
      code: 'ECRASHTEST',
    });
    expect(String(fatal[0]?.stack)).toMatch(/^at .*crash-trigger\.mjs:\d+:\d+/);
    // Drained and closed after the fatal line: the answer was logged, then the store closed.
    expect(output.indexOf('"event":"stopped"')).toBeGreaterThan(output.indexOf('"event":"fatal"'));
    expect(output).toMatch(/"event":"request".*"status":201/);
    // Neither the error's message nor what the person sent is anywhere in the output.
    expect(output).not.toContain(CANARY);

    const db = new (nodeSqlite().DatabaseSync)(join(dir, 'throw.db'), { readOnly: true });
    expect(
      db.prepare('SELECT count(*) AS n FROM consultation_requests WHERE id = ?').get(id),
    ).toEqual({ n: 1 });
    db.close();
  });

  it('a rejected promise nobody awaits: the same policy, kind unhandledRejection', async () => {
    const server = await startServerProcess(env('reject', { CRASH_TEST_KIND: 'reject' }));
    server.child.kill('SIGUSR2');
    expect(await server.exited).toBe(FATAL_EXIT_CODE);
    const fatal = fatalLines(server.output());
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({
      kind: 'unhandledRejection',
      error: 'CrashTestError',
      code: 'ECRASHTEST',
    });
    expect(server.output()).not.toContain(CANARY);
  });

  it('cuts a request still in flight at PTFX_SHUTDOWN_TIMEOUT_MS, closes the store and exits 70', async () => {
    const server = await startServerProcess(
      env('deadline', { CRASH_TEST_KIND: 'throw', PTFX_SHUTDOWN_TIMEOUT_MS: '300' }),
    );
    const inFlight = await requestInFlight(server);
    server.child.kill('SIGUSR2');
    expect(await server.exited).toBe(FATAL_EXIT_CODE);
    await expect(inFlight.response).rejects.toThrow();
    inFlight.abandon();
    const output = server.output();
    expect(output).toMatch(/"event":"shutdown-deadline"/);
    expect(output).toMatch(/"event":"stopped"/);
    expect(fatalLines(output)).toHaveLength(1);
  });

  it('before the server listens: the fatal line and exit 70 at once', async () => {
    const child = spawn(process.execPath, [SERVER_JS], {
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: String(await freePort()),
        ...env('listen', { CRASH_TEST_KIND: 'throw', CRASH_TEST_AT: 'listen' }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, output).toBe(FATAL_EXIT_CODE);
    expect(fatalLines(output)).toMatchObject([
      { kind: 'uncaughtException', error: 'CrashTestError' },
    ]);
    expect(output).not.toMatch(/"event":"listening"/);
    expect(output).not.toContain(CANARY);
  });
});
