import { CONSULTATION_REQUEST_EXAMPLE } from '@ptfx/domain';
import type { OutboxInput } from '@ptfx/intake';
import { StoreUnavailableError } from '@ptfx/intake';
import { describe, expect, it } from 'vitest';
import { sampleAppsPerTest, TEST_STAFF, type TestApp, wrapStore } from '../test-support/app.js';

const open = sampleAppsPerTest();

const body = (value: unknown = CONSULTATION_REQUEST_EXAMPLE) => JSON.stringify(value);
async function post(
  t: TestApp,
  payload: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return await t.app.request('/v1/consultation-requests', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: payload,
  });
}
const staffGet = (t: TestApp, path: string) =>
  t.app.request(path, { headers: { Authorization: TEST_STAFF.authorization } });
async function storedCount(t: TestApp): Promise<number> {
  const res = await staffGet(t, '/v1/staff/consultation-requests?limit=100');
  expect(res.status).toBe(200);
  const page = (await res.json()) as { items: unknown[] };
  return page.items.length;
}

/**
 * A stand-in for the configured webhook's outbox: a recognisable announcement (the real one is
 * tested with the deliverer), and a count of wake-ups.
 */
function recordingOutbox() {
  const recorded = {
    announced: [] as { requestId: string; at: string }[],
    wakes: 0,
    announcement(requestId: string, receivedAt: Date): OutboxInput {
      recorded.announced.push({ requestId, at: receivedAt.toISOString() });
      return {
        id: `msg_${requestId.replaceAll('-', '')}`,
        type: 'consultation-request.created',
        payload: JSON.stringify({ id: requestId }),
      };
    },
    wake() {
      recorded.wakes += 1;
    },
  };
  return recorded;
}

/** The outbox messages a deliverer would claim now (claiming leases them for a minute). */
async function dueMessages(t: TestApp) {
  return await t.store.claimOutbox({
    now: new Date('2026-11-26T00:00:00Z'),
    leaseMs: 60_000,
    limit: 100,
  });
}

describe('POST /v1/consultation-requests', () => {
  it('stores a request and answers 201 with its id and a thank-you, nothing personal', async () => {
    const t = await open();
    const res = await post(t, body());
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const receipt = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(receipt).sort()).toEqual(['id', 'message', 'receivedAt', 'reply']);
    expect(receipt.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(receipt.reply).toEqual({ channel: 'sms' });
    expect(JSON.stringify(receipt)).not.toMatch(/Ana|Reyes|0142|back pain/i);

    const stored = await staffGet(t, `/v1/staff/consultation-requests/${String(receipt.id)}`);
    expect(stored.status).toBe(200);
    const view = (await stored.json()) as Record<string, unknown>;
    expect(view.status).toBe('new');
    expect(view.receivedAt).toBe('2026-11-25T18:00:00.000Z');
    expect(view.request).toMatchObject({
      name: { given: 'Ana', family: 'Reyes' },
      contact: { phone: '+16195550142', email: 'ana.reyes@example.com', preferred: 'sms' },
      consent: { accepted: true, textVersion: '2026-01', channels: ['sms', 'phone'] },
    });
  });

  it('keeps the reason byte for byte: emoji, RTL override, CRLF and NUL', async () => {
    const t = await open();
    const reason = 'Knee 🦵 pain\r\nsince \u202Emonday\u0000 — worse on stairs';
    const res = await post(t, body({ ...CONSULTATION_REQUEST_EXAMPLE, reason }));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const view = (await (await staffGet(t, `/v1/staff/consultation-requests/${id}`)).json()) as {
      request: { reason: string };
    };
    expect(view.request.reason).toBe(reason);
  });

  it.each([
    ['truncated JSON (B1)', '{"name":', 400, 'malformed-json'],
    ['an empty body', '', 400, 'malformed-json'],
    [
      '__proto__ pollution (B3)',
      body({ ...CONSULTATION_REQUEST_EXAMPLE, __proto__: { isStaff: true } }).replace(
        '{',
        '{"__proto__":{"isStaff":true},',
      ),
      400,
      'invalid-request',
    ],
    [
      'constructor.prototype pollution (B3)',
      body({ ...CONSULTATION_REQUEST_EXAMPLE, constructor: { prototype: { x: 1 } } }),
      400,
      'invalid-request',
    ],
    [
      'fields only staff set (B4)',
      body({
        ...CONSULTATION_REQUEST_EXAMPLE,
        status: 'scheduled',
        id: 'x',
        createdAt: '2020-01-01',
        staffNotes: 'vip',
      }),
      400,
      'invalid-request',
    ],
    [
      'a 10,000-character name (B6)',
      body({ ...CONSULTATION_REQUEST_EXAMPLE, name: { given: 'A'.repeat(10_000), family: 'R' } }),
      400,
      'invalid-request',
    ],
    [
      'a lone surrogate (B6)',
      body({ ...CONSULTATION_REQUEST_EXAMPLE, reason: 'x' }).replace(
        '"reason":"x"',
        '"reason":"\\ud800"',
      ),
      400,
      'invalid-request',
    ],
    [
      'no consent',
      body({
        ...CONSULTATION_REQUEST_EXAMPLE,
        consent: { accepted: false, textVersion: '1', channels: ['sms'] },
      }),
      400,
      'invalid-request',
    ],
  ])('refuses %s with a problem and stores nothing', async (_name, payload, status, type) => {
    const t = await open();
    const res = await post(t, payload);
    expect(res.status).toBe(status);
    const problem = (await res.json()) as { type: string; detail: string };
    expect(problem.type).toBe(`https://ptfx.dev/problems/${type}`);
    expect(JSON.stringify(problem)).not.toMatch(/at .+\.(ts|js):\d+/);
    expect(({} as Record<string, unknown>).isStaff).toBeUndefined();
    expect(await storedCount(t)).toBe(0);
  });

  it('names the JSON path of each problem', async () => {
    const t = await open();
    const res = await post(
      t,
      body({
        ...CONSULTATION_REQUEST_EXAMPLE,
        contact: { preferred: 'email', phone: '6195550142' },
      }),
    );
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual([
      'body.contact.email',
      'body.consent.channels',
    ]);
  });

  it.each([
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['no Content-Type', { 'Content-Type': '' }],
    ['multipart/form-data', { 'Content-Type': 'multipart/form-data; boundary=x' }],
  ])(
    'answers valid JSON sent as %s with 415, not a stored empty record (B2)',
    async (_n, headers) => {
      const t = await open();
      const res = await post(t, body(), headers);
      expect(res.status).toBe(415);
      expect(await storedCount(t)).toBe(0);
    },
  );

  it('reads JSON sent as a form as the form it claims to be: not valid, nothing stored (B2)', async () => {
    const t = await open();
    const res = await post(t, body(), { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await storedCount(t)).toBe(0);
  });

  it('answers a body over the limit with 413 and stores nothing', async () => {
    const t = await open({ bodyLimit: 2048 });
    const res = await post(t, body({ ...CONSULTATION_REQUEST_EXAMPLE, reason: 'x'.repeat(3000) }));
    expect(res.status).toBe(413);
    expect(await storedCount(t)).toBe(0);
  });
});

describe('Idempotency-Key', () => {
  const key = '"8e03978e-40d5-43e8-bc93-6894a57f9324"';

  it('replays the first answer for the same key and body, and stores one row (F6)', async () => {
    const t = await open();
    const first = await post(t, body(), { 'Idempotency-Key': key });
    const second = await post(t, body(), { 'Idempotency-Key': key });
    // The bare form of the same key is the same key.
    const third = await post(t, body(), { 'Idempotency-Key': key.slice(1, -1) });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = await first.text();
    expect(await second.text()).toBe(firstBody);
    expect(await third.text()).toBe(firstBody);
    expect(await storedCount(t)).toBe(1);
  });

  it('treats a reordered but equal body as the same body', async () => {
    const t = await open();
    const { name, ...rest } = CONSULTATION_REQUEST_EXAMPLE;
    await post(t, body(), { 'Idempotency-Key': key });
    const reordered = await post(t, JSON.stringify({ ...rest, name }), { 'Idempotency-Key': key });
    expect(reordered.status).toBe(201);
    expect(await storedCount(t)).toBe(1);
  });

  it('answers the same key with a different body with 422 and stores nothing new', async () => {
    const t = await open();
    await post(t, body(), { 'Idempotency-Key': key });
    const res = await post(t, body({ ...CONSULTATION_REQUEST_EXAMPLE, reason: 'Another reason' }), {
      'Idempotency-Key': key,
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { type: string }).type).toMatch(/idempotency-key-reused$/);
    expect(await storedCount(t)).toBe(1);
  });

  it('replays the first answer to 200 concurrent retries once it is stored: no 409, one row', async () => {
    const t = await open();
    const first = await post(t, body(), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const original = await first.text();
    const retries = await Promise.all(
      Array.from({ length: 200 }, () => post(t, body(), { 'Idempotency-Key': key })),
    );
    expect(retries.map((r) => r.status)).toEqual(Array(200).fill(201));
    expect(retries.every((r) => r.headers.get('idempotent-replayed') === 'true')).toBe(true);
    expect(new Set(await Promise.all(retries.map((r) => r.text())))).toEqual(new Set([original]));
    expect(await storedCount(t)).toBe(1);
  });

  it('answers concurrent duplicates of an in-flight first with 409 and Retry-After, then replays', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const base = await open();
    const t = await open({
      store: wrapStore(base.store, {
        createRequest: async (input) => {
          entered();
          await gate;
          return base.store.createRequest(input);
        },
      }),
    });
    const first = post(t, body(), { 'Idempotency-Key': key });
    await inside;
    const duplicates = await Promise.all(
      Array.from({ length: 20 }, () => post(t, body(), { 'Idempotency-Key': key })),
    );
    expect(duplicates.map((r) => r.status)).toEqual(Array(20).fill(409));
    expect(duplicates.every((r) => r.headers.get('retry-after') === '1')).toBe(true);
    release();
    const stored = await first;
    expect(stored.status).toBe(201);
    const original = await stored.text();
    const after = await Promise.all(
      Array.from({ length: 20 }, () => post(t, body(), { 'Idempotency-Key': key })),
    );
    expect(after.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(await Promise.all(after.map((r) => r.text())))).toEqual(new Set([original]));
    expect(await storedCount(base)).toBe(1);
  });

  it.each(['short', 'has space inside it, too', `${'a'.repeat(256)}`, '"unbalanced-quote-1234'])(
    'refuses the key %j with 400 naming the header',
    async (bad) => {
      const t = await open();
      const res = await post(t, body(), { 'Idempotency-Key': bad });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { errors: { path: string }[] };
      expect(problem.errors[0]?.path).toBe('headers.idempotency-key');
      expect(await storedCount(t)).toBe(0);
    },
  );
});

describe('rate limit', () => {
  /** A clock the test moves: the app reads it once per request. */
  function movingClock(start = '2026-11-25T18:00:00Z') {
    let now = new Date(start);
    return {
      clock: () => now,
      at: (offsetMs: number) => {
        now = new Date(Date.parse(start) + offsetMs);
      },
    };
  }
  const keyed = (n: number) => ({
    'Idempotency-Key': `rate-limit-key-${String(n).padStart(8, '0')}`,
  });

  it('allows the limit, then answers 429 with Retry-After and RateLimit headers (L1)', async () => {
    const t = await open({ intakeRateLimit: { limit: 5, windowMs: 600_000 } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      // A spoofed X-Forwarded-For does not make a new client: no proxy is trusted.
      last = await post(t, body(), { 'X-Forwarded-For': `203.0.113.${i}` });
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('ratelimit-policy')).toBe('"intake";q=5;w=600');
        // GCRA: one hit uses a fifth of the window, back in 120 s.
        expect(last.headers.get('ratelimit')).toBe('"intake";r=4;t=120');
      }
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    if (last === undefined) throw new Error('no response');
    // All five at once: the next is allowed when the first fifth of the window has passed.
    expect(last.headers.get('retry-after')).toBe('120');
    expect(last.headers.get('ratelimit-policy')).toBe('"intake";q=5;w=600');
    expect(last.headers.get('ratelimit')).toBe('"intake";r=0;t=600');
    expect(((await last.json()) as { detail: string }).detail).toMatch(/try again in 120 seconds/);
    expect(await storedCount(t)).toBe(5);
  });

  it('lets a client hammering at the limit out after window ÷ limit: refused requests do not count', async () => {
    const time = movingClock();
    const t = await open({ clock: time.clock, intakeRateLimit: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect((await post(t, body())).status).toBe(201);
    // Twenty refused requests, one a second: each says how long is left, none pushes it back.
    for (let s = 0; s < 20; s++) {
      time.at(s * 1000);
      const refused = await post(t, body());
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe(String(20 - s));
    }
    time.at(20_000);
    expect((await post(t, body())).status).toBe(201);
    expect((await post(t, body())).status).toBe(429);
    expect(await storedCount(t)).toBe(4);
  });

  it('allows no second burst across a window edge (the fixed window allowed twice the limit)', async () => {
    const time = movingClock();
    const t = await open({ clock: time.clock, intakeRateLimit: { limit: 5, windowMs: 60_000 } });
    time.at(59_900);
    for (let i = 0; i < 5; i++) expect((await post(t, body())).status).toBe(201);
    // Just past where a fixed window would start afresh: nothing more.
    time.at(60_100);
    const after = [];
    for (let i = 0; i < 5; i++) after.push((await post(t, body())).status);
    expect(after).toEqual([429, 429, 429, 429, 429]);
    // One more each twelfth of a minute after the burst, no sooner.
    time.at(59_900 + 11_999);
    expect((await post(t, body())).status).toBe(429);
    time.at(59_900 + 12_000);
    expect((await post(t, body())).status).toBe(201);
    expect((await post(t, body())).status).toBe(429);
    expect(await storedCount(t)).toBe(6);
  });

  it('does not count replays, and answers them at the limit', async () => {
    const t = await open({ intakeRateLimit: { limit: 2, windowMs: 600_000 } });
    const first = await post(t, body(), keyed(1));
    expect(first.status).toBe(201);
    expect(first.headers.get('ratelimit')).toBe('"intake";r=1;t=300');
    const original = await first.text();
    for (let i = 0; i < 10; i++) {
      const replay = await post(t, body(), keyed(1));
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await replay.text()).toBe(original);
    }
    // Ten replays later, the second request is still allowed, and the third is not.
    const second = await post(t, body(), keyed(2));
    expect(second.status).toBe(201);
    expect(second.headers.get('ratelimit')).toBe('"intake";r=0;t=600');
    expect((await post(t, body(), keyed(3))).status).toBe(429);
    // At the limit, a retry of a stored request still gets its answer.
    const late = await post(t, body(), keyed(1));
    expect(late.status).toBe(201);
    expect(await late.text()).toBe(original);
    expect(await storedCount(t)).toBe(2);
  });

  it('starts counting again once the window has passed', async () => {
    const time = movingClock();
    const t = await open({ clock: time.clock, intakeRateLimit: { limit: 1, windowMs: 60_000 } });
    expect((await post(t, body())).status).toBe(201);
    expect((await post(t, body())).status).toBe(429);
    time.at(60_000);
    expect((await post(t, body())).status).toBe(201);
  });

  it('counts a bot that fills the honeypot in its address’s limit, and refuses it past it', async () => {
    const t = await open({ intakeRateLimit: { limit: 2, windowMs: 600_000 } });
    const bot = body({ ...CONSULTATION_REQUEST_EXAMPLE, website: 'http://spam.example' });
    expect((await post(t, bot)).status).toBe(201);
    expect((await post(t, bot)).status).toBe(201);
    const refused = await post(t, bot);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('300');
    // The bot used up the address's allowance: a person behind it waits too.
    expect((await post(t, body())).status).toBe(429);
    expect(await storedCount(t)).toBe(0);
  });
});

describe('honeypot', () => {
  it('answers a bot as it would a person, and stores and announces nothing', async () => {
    const outbox = recordingOutbox();
    const t = await open({ outbox });
    const res = await post(
      t,
      body({ ...CONSULTATION_REQUEST_EXAMPLE, website: 'http://spam.example' }),
    );
    expect(res.status).toBe(201);
    expect(Object.keys((await res.json()) as object).sort()).toEqual([
      'id',
      'message',
      'receivedAt',
      'reply',
    ]);
    expect(await storedCount(t)).toBe(0);
    expect(outbox.announced).toEqual([]);
    expect(outbox.wakes).toBe(0);
    expect(await dueMessages(t)).toEqual([]);
  });
});

describe('webhook announcement', () => {
  it('writes the announcement with the request, once per stored request, and wakes the deliverer', async () => {
    const outbox = recordingOutbox();
    const t = await open({ outbox, newId: () => '0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11' });
    const key = { 'Idempotency-Key': 'announce-once-1234567' };
    expect((await post(t, body(), key)).status).toBe(201);
    expect((await post(t, body(), key)).headers.get('idempotent-replayed')).toBe('true');
    // Built for the new request (a replay's copy is not stored), the deliverer woken once.
    expect(new Set(outbox.announced.map((a) => JSON.stringify(a)))).toEqual(
      new Set([
        JSON.stringify({
          requestId: '0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11',
          at: '2026-11-25T18:00:00.000Z',
        }),
      ]),
    );
    expect(outbox.wakes).toBe(1);
    // In the store, committed with the request: the deliverer finds it even if no wake came.
    const due = await dueMessages(t);
    expect(due.map((m) => [m.id, m.type, m.payload])).toEqual([
      [
        'msg_0b7c2f2e4a1d4f579d8e2a0f5c3e9b11',
        'consultation-request.created',
        '{"id":"0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11"}',
      ],
    ]);
  });

  it('announces nothing for a request the rate limit refuses', async () => {
    const outbox = recordingOutbox();
    const t = await open({ outbox, intakeRateLimit: { limit: 1, windowMs: 600_000 } });
    expect((await post(t, body())).status).toBe(201);
    expect((await post(t, body())).status).toBe(429);
    expect(outbox.wakes).toBe(1);
    expect(await dueMessages(t)).toHaveLength(1);
  });

  it('writes no announcement when no webhook is configured', async () => {
    const t = await open();
    expect((await post(t, body())).status).toBe(201);
    expect(await dueMessages(t)).toEqual([]);
  });
});

describe('when the store is unavailable', () => {
  it('answers 503 with Retry-After and no internals, and keeps serving clinic facts', async () => {
    const base = await open();
    const broken = wrapStore(base.store, {
      createRequest: () => Promise.reject(new StoreUnavailableError('disk-full')),
      ping: () => Promise.reject(new StoreUnavailableError('unreachable')),
    });
    const t = await open({ store: broken });
    const res = await post(t, body());
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const text = await res.text();
    expect(text).toMatch(/store-unavailable/);
    expect(text).not.toMatch(/disk|sqlite|stack/i);
    expect((await t.app.request('/v1/clinic')).status).toBe(200);
    expect((await t.app.request('/readyz')).status).toBe(503);
    expect((await t.app.request('/healthz')).status).toBe(200);
  });
});
