import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { LogLine } from './app-types.js';
import {
  FATAL_EXIT_CODE,
  fatalLine,
  installProcessPolicy,
  type PolicyTarget,
  stackFrames,
} from './process-policy.js';

const PHI = 'Jane Canary-Doe, +41 79 555 01 23, "my knee hurts since the fall"';

class ConsultationError extends Error {
  override name = 'ConsultationError';
  readonly code = 'ECANARY';
}

/** A fake process: an emitter with an exit code, and a record of exits. */
function harness(deadlineMs = 60_000) {
  const emitter = new EventEmitter() as EventEmitter & PolicyTarget;
  const lines: LogLine[] = [];
  const exits: number[] = [];
  let exited: (code: number) => void = () => {};
  const exit = new Promise<number>((resolve) => {
    exited = resolve;
  });
  const policy = installProcessPolicy({
    logger: { fatal: (line) => lines.push(line) },
    deadlineMs,
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
    target: emitter,
  });
  return { emitter, lines, exits, exit, policy };
}

describe('fatalLine', () => {
  it('names the kind, the error and its code, with the frames but not the message', () => {
    const error = new ConsultationError(`could not store ${PHI}\nsecond line ${PHI}`);
    const line = fatalLine('uncaughtException', error);
    expect(line).toMatchObject({
      event: 'fatal',
      kind: 'uncaughtException',
      error: 'ConsultationError',
      code: 'ECANARY',
    });
    expect(String(line.stack)).toMatch(/^at .*process-policy\.test\.ts:\d+:\d+/);
    expect(JSON.stringify(line)).not.toContain('Canary-Doe');
    expect(JSON.stringify(line)).not.toContain('knee');
  });

  it('keeps only frame lines when the stack does not start with the message', () => {
    const error = new Error(PHI);
    error.stack = `Something else: ${PHI}\n    at f (/app/x.js:1:2)\n${PHI}\n    at g (/app/y.js:3:4)`;
    expect(stackFrames(error)).toBe('at f (/app/x.js:1:2)\nat g (/app/y.js:3:4)');
  });

  it('logs no message that pretends to be a frame inside the message', () => {
    const error = new Error(`${PHI}\n    at ${PHI}`);
    expect(stackFrames(error)).not.toContain('Canary');
  });

  it('drops a code or name that is free text rather than an identifier', () => {
    const error = Object.assign(new Error('x'), { code: PHI, name: PHI });
    const line = fatalLine('unhandledRejection', error);
    expect(line.code).toBeUndefined();
    expect(line.error).toBe('Error');
    expect(JSON.stringify(line)).not.toContain('Canary');
    expect(fatalLine('unhandledRejection', Object.assign(new Error('x'), { code: 57 })).code).toBe(
      '57',
    );
  });

  it('says only the type of a thrown value that is not an Error', () => {
    expect(fatalLine('unhandledRejection', PHI)).toMatchObject({
      event: 'fatal',
      kind: 'unhandledRejection',
      error: 'string',
    });
    expect(JSON.stringify(fatalLine('unhandledRejection', { name: PHI }))).not.toContain('Canary');
    expect(fatalLine('uncaughtException', null).error).toBe('null');
  });

  it("names the cause's type, not its message", () => {
    const error = new Error('outer', { cause: new RangeError(PHI) });
    const line = fatalLine('uncaughtException', error);
    expect(line.cause).toBe('RangeError');
    expect(JSON.stringify(line)).not.toContain('Canary');
  });
});

describe('installProcessPolicy', () => {
  it('exits 70 at once when nothing runs yet', async () => {
    const h = harness();
    h.emitter.emit('uncaughtException', new ConsultationError(PHI));
    expect(await h.exit).toBe(FATAL_EXIT_CODE);
    expect(h.lines).toHaveLength(1);
    expect(h.emitter.exitCode).toBe(70);
    expect(h.policy.failed).toBe(true);
  });

  it('runs the stop once, then exits 70; a second error is logged but starts nothing', async () => {
    const h = harness();
    let stops = 0;
    let finish: () => void = () => {};
    h.policy.setStop(() => {
      stops++;
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    });
    h.emitter.emit('unhandledRejection', new ConsultationError(PHI));
    h.emitter.emit('uncaughtException', new TypeError(PHI));
    expect(stops).toBe(1);
    expect(h.exits).toEqual([]);
    finish();
    expect(await h.exit).toBe(70);
    expect(h.exits).toEqual([70]);
    expect(h.lines.map((l) => [l.kind, l.error, l.during])).toEqual([
      ['unhandledRejection', 'ConsultationError', undefined],
      ['uncaughtException', 'TypeError', 'stop'],
    ]);
  });

  it('writes at most five lines however many errors follow', async () => {
    const h = harness();
    h.policy.setStop(() => new Promise<void>(() => {}));
    for (let i = 0; i < 50; i++) h.emitter.emit('uncaughtException', new Error(String(i)));
    expect(h.lines).toHaveLength(5);
    h.policy.uninstall();
  });

  it('exits 70 when the stop fails', async () => {
    const h = harness();
    h.policy.setStop(() => Promise.reject(new Error(PHI)));
    h.emitter.emit('uncaughtException', new Error('boom'));
    expect(await h.exit).toBe(70);
    expect(h.lines.map((l) => l.event)).toEqual(['fatal', 'fatal-stop-failed']);
    expect(JSON.stringify(h.lines)).not.toContain('Canary');
  });

  it('exits 70 when the stop throws before it returns a promise', async () => {
    const h = harness();
    h.policy.setStop(() => {
      throw new Error('stop threw');
    });
    h.emitter.emit('uncaughtException', new Error('boom'));
    expect(await h.exit).toBe(70);
  });

  it('exits 70 after the deadline when the stop never ends', async () => {
    const h = harness(30);
    h.policy.setStop(() => new Promise<void>(() => {}));
    h.emitter.emit('uncaughtException', new Error('boom'));
    expect(await h.exit).toBe(70);
    expect(h.lines.map((l) => l.event)).toEqual(['fatal', 'fatal-stop-deadline']);
  });

  it('stops listening when uninstalled', () => {
    const h = harness();
    h.policy.uninstall();
    expect(h.emitter.listenerCount('uncaughtException')).toBe(0);
    expect(h.emitter.listenerCount('unhandledRejection')).toBe(0);
  });
});
