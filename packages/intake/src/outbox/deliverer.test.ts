import { afterEach, describe, expect, it } from 'vitest';
import {
  announcement,
  createOutboxDeliverer,
  type OutboxDeliverer,
  type OutboxDelivererOptions,
  type OutboxLogLine,
  parseRetryAfter,
} from './deliverer.js';
import { FakeOutbox } from './fake-outbox.js';
import { mintWebhookSecret, verifyWebhook } from './standard-webhooks.js';

const SECRET = mintWebhookSecret();
const URL_WITH_TOKENS = 'https://hooks.clinic.example/path-token-777?token=query-token-999';

type Entry = { level: 'info' | 'error'; line: OutboxLogLine };

function collector() {
  const entries: Entry[] = [];
  return {
    entries,
    logger: {
      info: (line: OutboxLogLine) => entries.push({ level: 'info', line }),
      error: (line: OutboxLogLine) => entries.push({ level: 'error', line }),
    },
    outcomes: () => entries.map((e) => e.line.outcome).filter((o) => o !== 'stopped'),
  };
}

/** A fake `fetch` whose answers the test gives one by one. */
function manualFetch() {
  const calls: {
    url: string;
    init: RequestInit;
    headers: Headers;
    answer: (r: Response) => void;
    fail: (e: unknown) => void;
  }[] = [];
  const fetchFn = ((input: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init?.signal;
      signal?.addEventListener('abort', () => reject(signal.reason));
      calls.push({
        url: String(input),
        init: init ?? {},
        headers: new Headers(init?.headers),
        answer: resolve,
        fail: reject,
      });
    })) as typeof fetch;
  return { calls, fetchFn };
}

async function until(test: () => boolean, what = 'condition', ms = 5000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`${what} never held`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

const running: OutboxDeliverer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.stop({ abortAfterMs: 0 })));
});

function deliverer(
  store: FakeOutbox,
  options: Partial<OutboxDelivererOptions> = {},
): { d: OutboxDeliverer; log: ReturnType<typeof collector> } {
  const log = collector();
  const d = createOutboxDeliverer({
    store,
    url: URL_WITH_TOKENS,
    secret: SECRET,
    logger: log.logger,
    pollMs: 10,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    random: () => 0.5,
    ...options,
  });
  running.push(d);
  return { d, log };
}

function message(n: number, store: FakeOutbox, at = new Date()) {
  const input = announcement({
    requestId: `req-${n}`,
    staffUrl: `https://api.clinic.example/v1/staff/consultation-requests/req-${n}`,
    receivedAt: new Date('2030-05-06T07:08:09.010Z'),
    messageId: `msg_${String(n).padStart(32, '0')}`,
  });
  store.add(input, at);
  return input;
}

describe('announcement', () => {
  it('is the Standard Webhooks envelope with the id, the staff link and the time: nothing personal', () => {
    const a = announcement({
      requestId: '0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11',
      staffUrl: 'https://api.clinic.example/v1/staff/consultation-requests/0b7c2f2e',
      receivedAt: new Date('2030-05-06T07:08:09.010Z'),
    });
    expect(a.id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(a.type).toBe('consultation-request.created');
    expect(a.payload).toBe(
      '{"type":"consultation-request.created","timestamp":"2030-05-06T07:08:09.010Z","data":{"id":"0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11","staffUrl":"https://api.clinic.example/v1/staff/consultation-requests/0b7c2f2e","receivedAt":"2030-05-06T07:08:09.010Z"}}',
    );
    const b = announcement({
      requestId: 'x',
      staffUrl: 'y',
      receivedAt: new Date(0),
      now: new Date(1000),
    });
    expect(b.id).not.toBe(a.id);
    expect(JSON.parse(b.payload).timestamp).toBe('1970-01-01T00:00:01.000Z');
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2030-01-01T00:00:00Z');
  it('reads delay seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 31 Dec 2029 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('createOutboxDeliverer', () => {
  it('refuses a bad configuration up front, listing every problem, never the secret or path', () => {
    const log = collector();
    const store = new FakeOutbox();
    let thrown: unknown;
    try {
      createOutboxDeliverer({
        store,
        url: 'http://hooks.example/x?token=t0k',
        secret: 'plain-secret-of-enough-length-1234567890',
        logger: log.logger,
        maxAttempts: 0,
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    const lines = (thrown as Error).message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^PTFX_WEBHOOK_URL .*got http:\/\/hooks\.example$/);
    expect(lines[1]).toMatch(/^PTFX_WEBHOOK_SECRET must be "whsec_"/);
    expect(lines[2]).toBe('outbox maxAttempts must be a whole number of at least 1, got 0');
    expect((thrown as Error).message).not.toContain('t0k');
    expect((thrown as Error).message).not.toContain('plain-secret');
    expect(() =>
      createOutboxDeliverer({
        store,
        url: URL_WITH_TOKENS,
        secret: SECRET,
        logger: log.logger,
        leaseMs: 5000,
        timeoutMs: 5000,
      }),
    ).toThrow(/leaseMs \(5000\) must be more than timeoutMs \(5000\)/);
  });

  it('claims, POSTs the stored payload signed per Standard Webhooks, and settles delivered', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    const input = message(1, store);
    const { log } = deliverer(store, { fetch: fetch.fetchFn });
    await until(() => fetch.calls.length === 1, 'the POST');
    const call = fetch.calls[0];
    expect(call?.url).toBe(URL_WITH_TOKENS);
    expect(call?.init.method).toBe('POST');
    expect(call?.init.redirect).toBe('manual');
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
    expect(call?.init.body).toBe(input.payload);
    expect(call?.headers.get('content-type')).toBe('application/json');
    expect(call?.headers.get('webhook-id')).toBe(input.id);
    expect(
      verifyWebhook(
        SECRET,
        {
          id: call?.headers.get('webhook-id'),
          timestamp: call?.headers.get('webhook-timestamp'),
          signature: call?.headers.get('webhook-signature'),
        },
        String(call?.init.body),
        new Date(),
      ),
    ).toBe(true);
    call?.answer(new Response(null, { status: 204 }));
    await until(() => store.get(input.id)?.status === 'delivered', 'delivered');
    expect(store.get(input.id)).toMatchObject({ attempts: 1, lastError: null });
    expect(log.entries[0]).toEqual({
      level: 'info',
      line: {
        event: 'outbox',
        webhook: 'https://hooks.clinic.example',
        outcome: 'delivered',
        id: input.id,
        type: 'consultation-request.created',
        attempt: 1,
        status: 204,
        ms: expect.any(Number),
      },
    });
  });

  it('retries 408, 425, 429, 5xx, network errors and timeouts with exponential backoff and full jitter', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    const input = message(1, store);
    const failures: ((c: (typeof fetch.calls)[number]) => void)[] = [
      (c) => c.answer(new Response('', { status: 408 })),
      (c) => c.answer(new Response('', { status: 425 })),
      (c) => c.answer(new Response('', { status: 429 })),
      (c) => c.answer(new Response('', { status: 503 })),
      (c) =>
        c.fail(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })),
      (c) => c.fail(new DOMException('The operation timed out', 'TimeoutError')),
    ];
    const { log } = deliverer(store, {
      fetch: fetch.fetchFn,
      baseDelayMs: 1000,
      maxDelayMs: 10_000,
    });
    for (const [i, fail] of failures.entries()) {
      await until(() => fetch.calls.length === i + 1, `attempt ${i + 1}`);
      fail(fetch.calls[i] as (typeof fetch.calls)[number]);
      await until(() => store.settlements.length === i + 1, `settlement ${i + 1}`);
      // Due now again (the test skips the wait by moving the message's due time).
      const row = store.rows.get(input.id);
      if (row) row.message = { ...row.message, nextAttemptAt: new Date(0).toISOString() };
    }
    const waits = store.settlements.map(({ settlement }) =>
      settlement.kind === 'retry'
        ? settlement.nextAttemptAt.getTime() - settlement.at.getTime()
        : settlement.kind,
    );
    // Half (random 0.5) of min(maxDelay, base·2^(n−1)).
    expect(waits).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    expect(
      store.settlements.map(({ settlement }) =>
        settlement.kind === 'retry' ? settlement.error : '',
      ),
    ).toEqual(['http 408', 'http 425', 'http 429', 'http 503', 'network ECONNRESET', 'timeout']);
    expect(store.get(input.id)).toMatchObject({ status: 'pending', attempts: 6 });
    expect(log.outcomes()).toEqual(Array(6).fill('retrying'));
  });

  it('honours Retry-After (seconds or a date), capped at maxDelayMs', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    const input = message(1, store);
    deliverer(store, { fetch: fetch.fetchFn, maxDelayMs: 60_000 });
    await until(() => fetch.calls.length === 1);
    fetch.calls[0]?.answer(new Response('', { status: 429, headers: { 'Retry-After': '42' } }));
    await until(() => store.settlements.length === 1);
    const row = store.rows.get(input.id);
    if (row) row.message = { ...row.message, nextAttemptAt: new Date(0).toISOString() };
    await until(() => fetch.calls.length === 2);
    fetch.calls[1]?.answer(
      new Response('', {
        status: 503,
        headers: { 'Retry-After': new Date(Date.now() + 3_600_000).toUTCString() },
      }),
    );
    await until(() => store.settlements.length === 2);
    const waits = store.settlements.map(({ settlement }) =>
      settlement.kind === 'retry'
        ? settlement.nextAttemptAt.getTime() - settlement.at.getTime()
        : 0,
    );
    expect(waits).toEqual([42_000, 60_000]);
  });

  it('makes other statuses, redirects included, dead at once', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    const statuses = [400, 401, 404, 410, 301, 302, 307];
    for (const n of statuses.keys()) message(n, store);
    const { log } = deliverer(store, { fetch: fetch.fetchFn, maxConcurrent: 1 });
    for (const [i, status] of statuses.entries()) {
      await until(() => fetch.calls.length === i + 1);
      fetch.calls[i]?.answer(
        new Response(null, {
          status,
          headers: status < 400 ? { Location: 'https://elsewhere.example/' } : {},
        }),
      );
    }
    await until(() => store.settlements.length === statuses.length);
    expect(store.settlements.map((s) => s.settlement.kind)).toEqual(Array(7).fill('dead'));
    expect(
      store.settlements.map((s) => (s.settlement.kind === 'dead' ? s.settlement.error : '')),
    ).toEqual(statuses.map((s) => `http ${s}`));
    expect(log.entries.map((e) => [e.level, e.line.reason])).toEqual([
      ...Array(4).fill(['error', 'refused']),
      ...Array(3).fill(['error', 'redirect']),
    ]);
    expect([...store.rows.values()].every((r) => r.message.attempts === 1)).toBe(true);
  });

  it('makes a message dead after maxAttempts', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    const input = message(1, store);
    const { log } = deliverer(store, { fetch: fetch.fetchFn, maxAttempts: 3, baseDelayMs: 0 });
    for (let i = 0; i < 3; i++) {
      await until(() => fetch.calls.length === i + 1, `attempt ${i + 1}`);
      fetch.calls[i]?.answer(new Response('', { status: 500 }));
    }
    await until(() => store.get(input.id)?.status === 'dead');
    expect(store.get(input.id)).toMatchObject({ attempts: 3, lastError: 'http 500' });
    expect(log.outcomes()).toEqual(['retrying', 'retrying', 'dead']);
    expect(log.entries.at(-1)?.line).toMatchObject({
      reason: 'attempts-exhausted',
      attempt: 3,
      status: 500,
    });
    // Nothing more is sent.
    await new Promise((r) => setTimeout(r, 50));
    expect(fetch.calls).toHaveLength(3);
  });

  it('sends at most maxConcurrent at once, claiming no more than it can send', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    for (let n = 0; n < 7; n++) message(n, store);
    deliverer(store, { fetch: fetch.fetchFn, maxConcurrent: 2 });
    await until(() => fetch.calls.length === 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(fetch.calls).toHaveLength(2);
    const leased = [...store.rows.values()].filter((r) => r.leaseUntil !== null);
    expect(leased).toHaveLength(2);
    for (let i = 0; i < 7; i++) {
      await until(() => fetch.calls.length > i);
      fetch.calls[i]?.answer(new Response(null, { status: 200 }));
    }
    await until(() => [...store.rows.values()].every((r) => r.message.status === 'delivered'));
    // Oldest first.
    expect(fetch.calls.map((c) => c.headers.get('webhook-id')?.slice(-1))).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
  });

  it('wakes at once after a create instead of waiting for the next poll', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    const { d } = deliverer(store, { fetch: fetch.fetchFn, pollMs: 3_600_000 });
    await until(() => store.claims === 1, 'the first look');
    message(1, store);
    await new Promise((r) => setTimeout(r, 30));
    expect(fetch.calls).toHaveLength(0);
    d.wake();
    await until(() => fetch.calls.length === 1, 'the woken delivery');
  });

  it('polls for messages it was not woken for (other instances, restarts, retries due)', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    deliverer(store, { fetch: fetch.fetchFn, pollMs: 5 });
    await until(() => store.claims >= 1);
    message(1, store);
    await until(() => fetch.calls.length === 1, 'the polled delivery');
  });

  it('two deliverers on one store never send a message twice while its lease holds', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    for (let n = 0; n < 20; n++) message(n, store);
    deliverer(store, { fetch: fetch.fetchFn, pollMs: 1, maxConcurrent: 3 });
    deliverer(store, { fetch: fetch.fetchFn, pollMs: 1, maxConcurrent: 3 });
    let answered = 0;
    while (answered < 20) {
      await until(() => fetch.calls.length > answered);
      fetch.calls[answered]?.answer(new Response(null, { status: 200 }));
      answered += 1;
    }
    await until(() => [...store.rows.values()].every((r) => r.message.status === 'delivered'));
    const ids = fetch.calls.map((c) => c.headers.get('webhook-id'));
    expect(new Set(ids).size).toBe(20);
    expect(ids).toHaveLength(20);
  });

  it('logs the store being unavailable once, without anything personal, and keeps polling', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    store.down = true;
    const { log } = deliverer(store, { fetch: fetch.fetchFn, pollMs: 2 });
    await until(() => store.claims >= 5, 'several polls');
    expect(log.entries).toEqual([
      {
        level: 'error',
        line: {
          event: 'outbox',
          webhook: 'https://hooks.clinic.example',
          outcome: 'store-unavailable',
          error: 'unreachable',
          message: 'announcements wait in the outbox; polling again',
        },
      },
    ]);
    message(1, store);
    store.down = false;
    await until(() => fetch.calls.length === 1, 'delivery after the store came back');
    expect(log.outcomes()).toEqual(['store-unavailable', 'store-back']);
  });

  it('leaves a message it could not settle to be sent again, with the same webhook-id', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    const input = message(1, store);
    store.settleDown = true;
    let now = Date.now();
    const { log } = deliverer(store, {
      fetch: fetch.fetchFn,
      pollMs: 2,
      leaseMs: 30_000,
      clock: () => new Date(now),
    });
    await until(() => fetch.calls.length === 1);
    fetch.calls[0]?.answer(new Response(null, { status: 200 }));
    await until(() => log.outcomes().includes('settle-failed'));
    expect(log.entries.at(-1)).toEqual({
      level: 'error',
      line: {
        event: 'outbox',
        webhook: 'https://hooks.clinic.example',
        outcome: 'settle-failed',
        id: input.id,
        settlement: 'delivered',
        error: 'unreachable',
      },
    });
    store.settleDown = false;
    // Still leased: not sent again until the lease runs out.
    await new Promise((r) => setTimeout(r, 30));
    expect(fetch.calls).toHaveLength(1);
    now += 30_001;
    await until(() => fetch.calls.length === 2, 'the second send');
    expect(fetch.calls[1]?.headers.get('webhook-id')).toBe(input.id);
    fetch.calls[1]?.answer(new Response(null, { status: 200 }));
    await until(() => store.get(input.id)?.status === 'delivered');
  });

  it('stop() waits for attempts in flight and settles them; nothing is claimed afterwards', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    const input = message(1, store);
    const { d } = deliverer(store, { fetch: fetch.fetchFn });
    await until(() => fetch.calls.length === 1);
    let stopped = false;
    const stopping = d.stop().then(() => {
      stopped = true;
    });
    expect(d.stop()).toBe(d.stop());
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).toBe(false);
    fetch.calls[0]?.answer(new Response(null, { status: 200 }));
    await stopping;
    expect(store.get(input.id)?.status).toBe('delivered');
    const claims = store.claims;
    message(2, store);
    d.wake();
    await new Promise((r) => setTimeout(r, 30));
    expect(store.claims).toBe(claims);
    expect(fetch.calls).toHaveLength(1);
  });

  it('stop({abortAfterMs}) aborts what is still waiting and leaves it due at once', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    const input = message(1, store);
    const { d, log } = deliverer(store, { fetch: fetch.fetchFn });
    await until(() => fetch.calls.length === 1);
    await d.stop({ abortAfterMs: 10 });
    const stored = store.get(input.id);
    expect(stored).toMatchObject({ status: 'pending', lastError: 'shutdown' });
    expect(store.settlements[0]?.settlement).toMatchObject({ kind: 'retry', error: 'shutdown' });
    const s = store.settlements[0]?.settlement;
    expect(s?.kind === 'retry' && s.nextAttemptAt.getTime() === s.at.getTime()).toBe(true);
    expect(log.outcomes()).toEqual(['abandoned']);
  });

  it('never throws from wake, and survives a logger that throws', async () => {
    const store = new FakeOutbox();
    const fetch = manualFetch();
    store.down = true;
    const d = createOutboxDeliverer({
      store,
      url: URL_WITH_TOKENS,
      secret: SECRET,
      logger: {
        info: () => {
          throw new Error('disk full');
        },
        error: () => {
          throw new Error('disk full');
        },
      },
      fetch: fetch.fetchFn,
      pollMs: 2,
    });
    running.push(d);
    expect(() => d.wake()).not.toThrow();
    await until(() => store.claims >= 3);
    store.down = false;
    message(1, store);
    await until(() => fetch.calls.length === 1);
    fetch.calls[0]?.answer(new Response(null, { status: 200 }));
    await until(() => store.settlements.length === 1);
  });
});
