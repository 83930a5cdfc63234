import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJsonLogger, fields, LOG_FLUSH_MS } from './logger.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, LOG_FLUSH_MS + 20));

describe('createJsonLogger', () => {
  it('writes event lines in batches, as JSON lines with the time first', async () => {
    const out: string[] = [];
    const logger = createJsonLogger('info', {
      out: (t) => out.push(Buffer.from(t).toString()),
      err: () => {},
    });
    logger.info({ event: 'request', status: 200 });
    logger.info({ event: 'request', status: 304 });
    expect(out).toEqual([]);
    await tick();
    expect(out).toHaveLength(1);
    const lines = (out[0] ?? '')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.event, l.status])).toEqual([
      ['request', 200],
      ['request', 304],
    ]);
    expect(Object.keys(lines[0])[0]).toBe('time');
    expect(Number.isNaN(Date.parse(lines[0].time))).toBe(false);
  });

  it('writes an error at once, after the event lines gathered before it', () => {
    const writes: string[] = [];
    const logger = createJsonLogger('info', {
      out: (t) => writes.push(`out:${Buffer.from(t).toString()}`),
      err: (t) => writes.push(`err:${Buffer.from(t).toString()}`),
    });
    logger.info({ event: 'request' });
    logger.error({ event: 'error' });
    expect(writes.map((w) => w.slice(0, 4))).toEqual(['out:', 'err:']);
    expect(writes[0]).toMatch(/"event":"request"/);
  });

  it('writes a big batch before the turn ends, and flush() writes what is left', () => {
    const out: string[] = [];
    const logger = createJsonLogger('info', {
      out: (t) => out.push(Buffer.from(t).toString()),
      err: () => {},
    });
    for (let i = 0; i < 1000; i++) logger.info({ event: 'request', path: 'x'.repeat(100) });
    expect(out.length).toBeGreaterThan(0);
    logger.flush();
    expect(out.join('').trimEnd().split('\n')).toHaveLength(1000);
  });

  it('drops event lines when silent, says so, and still writes errors', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const logger = createJsonLogger('silent', {
      out: (t) => out.push(Buffer.from(t).toString()),
      err: (t) => err.push(Buffer.from(t).toString()),
    });
    expect(logger.infoEnabled).toBe(false);
    logger.info({ event: 'request' });
    logger.error({ event: 'error' });
    await tick();
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
  });
});

describe('fatal', () => {
  it('writes the gathered lines, then the fatal line, at once and whatever the level', () => {
    const writes: string[] = [];
    const logger = createJsonLogger('silent', {
      out: () => writes.push('async out'),
      err: () => writes.push('async err'),
      outSync: (t) => writes.push(`out:${Buffer.from(t).toString()}`),
      errSync: (t) => writes.push(`err:${Buffer.from(t).toString()}`),
    });
    logger.fatal({ event: 'fatal', kind: 'uncaughtException' });
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(
      /^err:\{"time":"[^"]+","event":"fatal","kind":"uncaughtException"\}\n$/,
    );

    const info = createJsonLogger('info', {
      out: () => writes.push('async out'),
      err: () => writes.push('async err'),
      outSync: (t) => writes.push(`out:${Buffer.from(t).toString()}`),
      errSync: (t) => writes.push(`err:${Buffer.from(t).toString()}`),
    });
    writes.length = 0;
    info.info({ event: 'request', status: 201 });
    info.fatal({ event: 'fatal' });
    expect(writes.map((w) => w.slice(0, 4))).toEqual(['out:', 'err:']);
    expect(writes[0]).toMatch(/"status":201/);
  });

  it('never throws, even when its sinks do', () => {
    const logger = createJsonLogger('info', {
      out: () => {},
      err: () => {},
      outSync: () => {
        throw new Error('EPIPE');
      },
      errSync: () => {
        throw new Error('EPIPE');
      },
    });
    logger.info({ event: 'request' });
    expect(() => logger.fatal({ event: 'fatal' })).not.toThrow();
  });

  it('loses nothing when the process exits right after, into full pipes', async () => {
    // A child process fills its stdout and stderr pipes until they refuse more (EAGAIN: Node has
    // made them non-blocking), gathers 300 event lines in the batch, calls fatal() and exits at
    // once. The parent reads nothing for the first 300 ms.
    const logger = fileURLToPath(new URL('./logger.ts', import.meta.url));
    const script = `
      import { writeSync } from 'node:fs';
      import { createJsonLogger, fdSink } from ${JSON.stringify(logger)};
      const log = createJsonLogger('info', {
        out: (b) => process.stdout.write(b),
        err: (b) => process.stderr.write(b),
        outSync: fdSink(1),
        errSync: fdSink(2),
      });
      log.info({ event: 'start' });
      log.flush();
      log.error({ event: 'start' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const fill = (fd, char) => {
        const chunk = Buffer.from(char.repeat(1023) + '\\n');
        for (let written = 0; ; ) {
          try {
            written += writeSync(fd, chunk);
          } catch (error) {
            if (error.code === 'EAGAIN') return written;
            throw error;
          }
        }
      };
      const filledOut = fill(1, '#');
      const filledErr = fill(2, '%');
      for (let i = 0; i < 300; i++) log.info({ event: 'request', n: i, pad: 'p'.repeat(100) });
      log.fatal({ event: 'fatal', kind: 'uncaughtException', filledOut, filledErr });
      process.exit(70);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.pause();
    child.stderr.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.stdout.resume();
    child.stderr.resume();
    const code = await closed;
    const stdout = Buffer.concat(out).toString();
    const stderr = Buffer.concat(err).toString();
    expect(code, stderr.replace(/%+\n?/g, '')).toBe(70);
    const json = (text: string) =>
      text
        .replace(/[#%]+\n?/g, '')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    const events = json(stdout);
    expect(events.map((e) => e.n ?? e.event)).toEqual([
      'start',
      ...Array.from({ length: 300 }, (_, i) => i),
    ]);
    const errors = json(stderr);
    expect(errors).toMatchObject([
      { event: 'start' },
      { event: 'fatal', kind: 'uncaughtException' },
    ]);
    // The pipes were full (a pipe holds some KiB at least) when the batch and the line were written.
    expect(errors[1].filledOut).toBeGreaterThan(4096);
    expect(errors[1].filledErr).toBeGreaterThan(4096);
    expect(stdout.replace(/[^#]/g, '')).toHaveLength((errors[1].filledOut / 1024) * 1023);
  });
});

describe('fields', () => {
  it('writes what JSON.stringify would, for any flat line', () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), value), (entry) => {
        const parsed: unknown = JSON.parse(`{"time":"t"${fields(entry)}}`);
        const expected: unknown = JSON.parse(JSON.stringify({ time: 't', ...entry }));
        expect(parsed).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a line on one line whatever a value holds', () => {
    const text = fields({ route: 'a\nb\r\u2028"\\', status: 200 });
    expect(text).not.toMatch(/[\n\r]/);
    expect(JSON.parse(`{${text.slice(1)}}`)).toEqual({ route: 'a\nb\r\u2028"\\', status: 200 });
  });
});
