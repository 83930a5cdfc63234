import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lintListings } from './commands/credentials/lint.js';
import { createOutput, type Io, OUTPUT_CHUNK, waitForDrain } from './io.js';
import { memoryIo } from './test-support/memory-io.js';

/** An io whose stdout is a reader the test controls: it takes nothing until `release`. */
function blockedIo(files: Record<string, string>) {
  const base = memoryIo({ files }).io;
  const written: string[] = [];
  let blocked = true;
  let wake: (() => void) | undefined;
  const io: Io = {
    ...base,
    stdout: (text) => {
      written.push(text);
    },
    stdoutReady: () =>
      blocked
        ? new Promise<void>((resolve) => {
            wake = resolve;
          })
        : undefined,
  };
  return {
    io,
    written,
    release: () => {
      blocked = false;
      wake?.();
    },
  };
}

describe('createOutput', () => {
  it('gathers small writes into chunks and passes the reader’s backpressure on', async () => {
    const t = blockedIo({});
    const out = createOutput(t.io);
    out.write('a');
    expect(t.written).toEqual([]);
    expect(out.ready()).toBeUndefined(); // nothing went out, nothing to wait for
    out.write('x'.repeat(OUTPUT_CHUNK));
    expect(t.written).toEqual([`a${'x'.repeat(OUTPUT_CHUNK)}`]);
    expect(out.ready()).toBeInstanceOf(Promise);
    const ended = out.end();
    let done = false;
    void ended.then(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false); // end waits for the reader
    t.release();
    await ended;
    expect(done).toBe(true);
  });

  it('never waits with an in-memory io', async () => {
    const m = memoryIo();
    const out = createOutput(m.io);
    out.write('hello\n');
    expect(out.ready()).toBeUndefined();
    await out.end();
    expect(m.stdout()).toBe('hello\n');
  });
});

describe('waitForDrain', () => {
  it('settles on drain, and on close when the reader goes away', async () => {
    const slow = new PassThrough({ highWaterMark: 4 });
    expect(waitForDrain(slow)).toBeUndefined();
    slow.write('12345678');
    const waiting = waitForDrain(slow);
    expect(waiting).toBeInstanceOf(Promise);
    slow.read();
    await waiting; // drained
    const gone = new Writable({ highWaterMark: 1, write: () => {} }); // never calls back
    gone.write('ab');
    const stuck = waitForDrain(gone);
    expect(stuck).toBeInstanceOf(Promise);
    gone.destroy();
    await stuck; // closed: no writer waits forever
    const failed = new Writable({
      highWaterMark: 1,
      autoDestroy: false, // like process.stdout
      write: (_chunk, _encoding, callback) =>
        callback(Object.assign(new Error('EPIPE'), { code: 'EPIPE' })),
    });
    failed.on('error', () => {});
    failed.write('ab');
    await new Promise((r) => setImmediate(r));
    expect(failed.errored).not.toBeNull();
    expect(waitForDrain(failed)).toBeUndefined(); // errored: the drain will never come
  });
});

describe('ptfx credentials lint with a slow reader', () => {
  it('stops producing while the reader has not taken the last chunk', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `"Person ${i}","Jane Doe${i}, DPT, PT",CA`);
    const t = blockedIo({ 'big.csv': `name,listing,state\n${rows.join('\n')}\n` });
    const linting = lintListings(
      { listings: [], file: 'big.csv', fix: false, json: true, failOn: 'error' },
      t.io,
    );
    for (let i = 0; i < 500 && t.written.length === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    // Blocked: one chunk written, then it waits (without backpressure it would run to the end).
    expect(t.written.length).toBe(1);
    t.release();
    expect(await linting).toBe(0);
    const lines = t.written.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(3000);
    expect(t.written.length).toBeGreaterThan(2);
  }, 30_000); // lints 3,000 rows and waits on purpose: 3.4 s once under a full CI load
});
