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
