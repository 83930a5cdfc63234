import { webcrypto } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createWebhookNotifier,
  parseRetryAfter,
  parseWebhookUrl,
  signWebhook,
  validateWebhookSecret,
  verifyWebhookSignature,
  type WebhookConfig,
  type WebhookDeps,
  type WebhookEvent,
  type WebhookLogger,
  type WebhookLogLine,
} from './webhook.js';

const SECRET = 'whsec-test-0123456789abcdefghijklmnopqrstuvwxyz';
const T0 = Date.parse('2030-01-01T00:00:00Z');

function event(id = 'cr_01HZX0ABC'): WebhookEvent {
  return {
    type: 'consultation-request.created',
    id,
    staffUrl: `https://api.clinic.example/v1/staff/consultation-requests/${id}`,
    at: new Date('2030-05-06T07:08:09.010Z'),
  };
}

function bodyOf(e: WebhookEvent): string {
  return `{"type":"consultation-request.created","id":"${e.id}","staffUrl":"${e.staffUrl}","at":"${e.at.toISOString()}"}`;
}

/** A clock that moves one second forward each time it is read. */
function tickingClock(start = T0) {
  let t = start;
  return () => {
    t += 1000;
    return new Date(t);
  };
}

type Entry = { level: 'info' | 'error'; line: WebhookLogLine };

function collector() {
  const entries: Entry[] = [];
  const waiters: { test: (e: Entry) => boolean; resolve: (e: Entry) => void }[] = [];
  const push = (level: Entry['level']) => (line: WebhookLogLine) => {
    const entry = { level, line };
    entries.push(entry);
    for (const w of [...waiters]) {
      if (w.test(entry)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(entry);
      }
    }
  };
  const logger: WebhookLogger = { info: push('info'), error: push('error') };
  return {
    entries,
    logger,
    outcomes: () => entries.map((e) => e.line.outcome),
    /** Resolves with the first line (past or future) matching. */
    until(test: (line: WebhookLogLine) => boolean, ms = 5000): Promise<Entry> {
      const found = entries.find((e) => test(e.line));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('log line never came')), ms);
        waiters.push({
          test: (e) => test(e.line),
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
  };
}

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

/** A real webhook receiver on 127.0.0.1; `handlers[n-1]` answers the n-th request (the last repeats). */
async function receiver(handlers: Handler[], onReceived?: (r: Received) => void) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(r);
      onReceived?.(r);
      const handler = handlers[Math.min(received.length, handlers.length) - 1];
      handler?.(req, res, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { received, origin, url: `${origin}/hooks/path-token-777?token=query-token-999` };
}

const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(code, headers).end(code >= 400 ? 'upstream said no: secret-ish body' : '');
  };
const never: Handler = () => {};

function notifier(
  config: Partial<WebhookConfig> & { url: string },
  deps: Partial<WebhookDeps> = {},
) {
  const log = collector();
  const n = createWebhookNotifier(
    { secret: SECRET, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 2000, ...config },
    { logger: log.logger, now: tickingClock(), ...deps },
  );
  return { n, log };
}

/** A fake `fetch` whose answers the test releases one by one. */
function manualFetch() {
  const calls: { url: string; init: RequestInit; answer: (r: Response) => void }[] = [];
  const fetchFn = ((input: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve) => {
      calls.push({ url: String(input), init: init ?? {}, answer: resolve });
    })) as typeof fetch;
  return { calls, fetchFn };
}

/** A `setTimer` that records delays and runs nothing until told. */
function fakeTimers() {
  const timers: { fn: () => void; ms: number }[] = [];
  return { timers, setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }) };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
async function until(test: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('condition never held');
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('signWebhook / verifyWebhookSignature', () => {
  const body = '{"type":"consultation-request.created","id":"cr_1"}';

  it('matches an HMAC computed by openssl and by Web Crypto', async () => {
    const signature = signWebhook(SECRET, 1_700_000_000, body);
    // printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac "$SECRET"
    expect(signature).toBe('v1=9e1665d17595eefbe298b99166c913a594e0af7aaf7bc0299a1690bb48b8f95b');
    const key = await webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(SECRET),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = await webcrypto.subtle.sign(
      'HMAC',
      key,
      new TextEncoder().encode(`1700000000.${body}`),
    );
    expect(signature).toBe(`v1=${Buffer.from(mac).toString('hex')}`);
  });

  it('verifies its own signature, as text or bytes, within the tolerance on either side', () => {
    const signature = signWebhook(SECRET, 1_700_000_000, body);
    const headers = { timestamp: '1700000000', signature };
    expect(verifyWebhookSignature(SECRET, headers, body, new Date(1_700_000_000_000))).toBe(true);
    expect(
      verifyWebhookSignature(SECRET, headers, Buffer.from(body), new Date(1_700_000_000_000)),
    ).toBe(true);
    expect(verifyWebhookSignature(SECRET, headers, body, new Date(1_700_000_300_000))).toBe(true);
    expect(verifyWebhookSignature(SECRET, headers, body, new Date(1_699_999_700_000))).toBe(true);
  });

  it('rejects a tampered body, a wrong secret, an old or future timestamp, and junk', () => {
    const signature = signWebhook(SECRET, 1_700_000_000, body);
    const at = new Date(1_700_000_000_000);
    const headers = { timestamp: '1700000000', signature };
    expect(verifyWebhookSignature(SECRET, headers, body.replace('cr_1', 'cr_2'), at)).toBe(false);
    expect(verifyWebhookSignature(`${SECRET}x`, headers, body, at)).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers, body, new Date(1_700_000_301_000))).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers, body, new Date(1_699_999_699_000))).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers, body, new Date(1_700_000_060_000), 59)).toBe(
      false,
    );
    // The timestamp is signed: moving it forward breaks the signature.
    expect(verifyWebhookSignature(SECRET, { timestamp: '1700000100', signature }, body, at)).toBe(
      false,
    );
    expect(verifyWebhookSignature(SECRET, { timestamp: undefined, signature }, body, at)).toBe(
      false,
    );
    expect(
      verifyWebhookSignature(SECRET, { timestamp: '1700000000', signature: null }, body, at),
    ).toBe(false);
    expect(verifyWebhookSignature(SECRET, { timestamp: ['1700000000'], signature }, body, at)).toBe(
      false,
    );
    expect(
      verifyWebhookSignature(
        SECRET,
        { ...headers, signature: signature.replace('v1=', 'v0=') },
        body,
        at,
      ),
    ).toBe(false);
    expect(verifyWebhookSignature(SECRET, { ...headers, signature: 'v1=' }, body, at)).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers, body, new Date(Number.NaN))).toBe(false);
    expect(verifyWebhookSignature('', { timestamp: '1', signature }, body, new Date(1000))).toBe(
      false,
    );
  });

  it('accepts any one of several signatures (secret rotation)', () => {
    const other = signWebhook(`${SECRET}-old`, 1_700_000_000, body);
    const good = signWebhook(SECRET, 1_700_000_000, body);
    const at = new Date(1_700_000_000_000);
    expect(
      verifyWebhookSignature(
        SECRET,
        { timestamp: '1700000000', signature: `${other} ${good}` },
        body,
        at,
      ),
    ).toBe(true);
    expect(
      verifyWebhookSignature(
        SECRET,
        { timestamp: '1700000000', signature: `${other},${other}` },
        body,
        at,
      ),
    ).toBe(false);
  });

  it('refuses a timestamp that is not whole seconds', () => {
    expect(() => signWebhook(SECRET, 1.5, body)).toThrow(RangeError);
    expect(() => signWebhook(SECRET, -1, body)).toThrow(RangeError);
  });
});

describe('parseWebhookUrl / validateWebhookSecret', () => {
  it('accepts https anywhere and http only on the loopback names', () => {
    const ok = [
      'https://hooks.clinic.example/ptfx?token=abc',
      'http://localhost:8080/hook',
      'http://127.0.0.1/hook',
      'http://[::1]:9000/',
    ];
    for (const text of ok) {
      const url = parseWebhookUrl(text);
      expect(url).toBeInstanceOf(URL);
      expect((url as URL).href).toBe(text);
    }
  });

  it('refuses everything else with a message naming the variable and hiding path and query', () => {
    const cases: [string, RegExp][] = [
      [
        'http://hooks.clinic.example/p-secret?q=q-secret',
        /http:\/\/ is allowed only for localhost/,
      ],
      ['http://localhost.evil.example/p-secret?q=q-secret', /allowed only for localhost/],
      ['http://127.0.0.2/p-secret?q=q-secret', /allowed only for localhost/],
      ['ftp://hooks.clinic.example/p-secret?q=q-secret', /got a ftp: URL/],
      ['https://user:pw@hooks.clinic.example/p-secret?q=q-secret', /user name or password/],
      ['https://:pw@hooks.clinic.example/p-secret?q=q-secret', /user name or password/],
      ['/hooks/p-secret?q=q-secret', /absolute https:\/\/ URL/],
      ['', /absolute https:\/\/ URL/],
      [' https://hooks.clinic.example/p-secret?q=q-secret', /surrounding spaces/],
      [`https://hooks.clinic.example/${'a'.repeat(2048)}`, /2048/],
    ];
    for (const [text, message] of cases) {
      const result = parseWebhookUrl(text);
      expect(typeof result, text).toBe('string');
      expect(result).toMatch(/^PTFX_WEBHOOK_URL /);
      expect(result).toMatch(message);
      expect(result).not.toContain('p-secret');
      expect(result).not.toContain('q-secret');
      expect(result).not.toContain('pw');
    }
  });

  it('wants a secret of at least 32 characters and never repeats it', () => {
    expect(validateWebhookSecret('a'.repeat(32))).toBeUndefined();
    expect(validateWebhookSecret(SECRET)).toBeUndefined();
    expect(validateWebhookSecret('short-secret-31-characters-long')).toBe(
      'PTFX_WEBHOOK_SECRET must be at least 32 characters, got 31',
    );
    expect(validateWebhookSecret('')).toBe(
      'PTFX_WEBHOOK_SECRET must be at least 32 characters, got 0',
    );
    expect(validateWebhookSecret(`${'b'.repeat(32)}\n`)).toBe(
      'PTFX_WEBHOOK_SECRET must not start or end with whitespace',
    );
  });

  it('createWebhookNotifier refuses a bad configuration up front, listing every problem', () => {
    const log = collector();
    expect(() =>
      createWebhookNotifier(
        { url: 'http://hooks.example/x?token=t0k', secret: 'too-short-secret', maxAttempts: 0 },
        { logger: log.logger },
      ),
    ).toThrow(
      new TypeError(
        [
          'PTFX_WEBHOOK_URL must be an absolute https:// URL; http:// is allowed only for localhost, 127.0.0.1 and [::1], got http://hooks.example',
          'PTFX_WEBHOOK_SECRET must be at least 32 characters, got 16',
          'webhook maxAttempts must be a whole number of at least 1, got 0',
        ].join('\n'),
      ),
    );
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

describe('createWebhookNotifier delivery', () => {
  it('POSTs exactly the four fields with valid, signed headers', async () => {
    const hook = await receiver([status(204)]);
    const now = tickingClock();
    const { n, log } = notifier({ url: hook.url }, { now });
    // Whatever else the caller's object carries is never sent.
    const withExtras = { ...event(), name: 'Jane Doe', phone: '+1 555 0100' };
    n.announce(withExtras);
    const done = await log.until((l) => l.outcome === 'delivered');

    expect(hook.received).toHaveLength(1);
    const [r] = hook.received;
    expect(r?.method).toBe('POST');
    expect(r?.url).toBe('/hooks/path-token-777?token=query-token-999');
    expect(r?.body).toBe(
      '{"type":"consultation-request.created","id":"cr_01HZX0ABC","staffUrl":"https://api.clinic.example/v1/staff/consultation-requests/cr_01HZX0ABC","at":"2030-05-06T07:08:09.010Z"}',
    );
    expect(Object.keys(JSON.parse(r?.body ?? '{}'))).toEqual(['type', 'id', 'staffUrl', 'at']);
    expect(r?.headers['content-type']).toBe('application/json');
    expect(r?.headers['user-agent']).toBe('ptfx-api');
    expect(r?.headers['ptfx-webhook-id']).toBe('cr_01HZX0ABC');
    expect(r?.headers['ptfx-webhook-timestamp']).toBe(String(T0 / 1000 + 1));
    expect(r?.headers['ptfx-webhook-signature']).toBe(
      signWebhook(SECRET, T0 / 1000 + 1, r?.body ?? ''),
    );
    expect(
      verifyWebhookSignature(
        SECRET,
        {
          timestamp: r?.headers['ptfx-webhook-timestamp'],
          signature: r?.headers['ptfx-webhook-signature'],
        },
        r?.body ?? '',
        new Date(T0 + 1000),
      ),
    ).toBe(true);

    expect(done.level).toBe('info');
    expect(done.line).toEqual({
      event: 'webhook',
      outcome: 'delivered',
      id: 'cr_01HZX0ABC',
      type: 'consultation-request.created',
      attempt: 1,
      webhook: hook.origin,
      status: 204,
      ms: expect.any(Number),
    });
    expect(n.pending()).toBe(0);
  });

  it('retries 500, 500 then 200: three attempts, one id, fresh timestamps and signatures', async () => {
    const hook = await receiver([status(500), status(500), status(200)]);
    const { n, log } = notifier({ url: hook.url });
    const e = event('cr_retry');
    n.announce(e);
    await log.until((l) => l.outcome === 'delivered');

    expect(hook.received).toHaveLength(3);
    expect(hook.received.map((r) => r.headers['ptfx-webhook-id'])).toEqual([
      'cr_retry',
      'cr_retry',
      'cr_retry',
    ]);
    const stamps = hook.received.map((r) => Number(r.headers['ptfx-webhook-timestamp']));
    expect(stamps).toEqual([T0 / 1000 + 1, T0 / 1000 + 2, T0 / 1000 + 3]);
    expect(new Set(hook.received.map((r) => r.headers['ptfx-webhook-signature'])).size).toBe(3);
    for (const r of hook.received) {
      expect(r.body).toBe(bodyOf(e));
      const ts = Number(r.headers['ptfx-webhook-timestamp']);
      expect(
        verifyWebhookSignature(
          SECRET,
          {
            timestamp: r.headers['ptfx-webhook-timestamp'],
            signature: r.headers['ptfx-webhook-signature'],
          },
          r.body,
          new Date(ts * 1000),
          0,
        ),
      ).toBe(true);
    }
    expect(log.entries.map((e) => [e.line.outcome, e.line.attempt, e.line.status])).toEqual([
      ['retrying', 1, 500],
      ['retrying', 2, 500],
      ['delivered', 3, 200],
    ]);
    expect(n.pending()).toBe(0);
  });

  it('does not retry a 400: exactly one attempt, logged as an error', async () => {
    const hook = await receiver([status(400), status(200)]);
    const { n, log } = notifier({ url: hook.url });
    n.announce(event('cr_bad'));
    const failed = await log.until((l) => l.outcome === 'failed');
    expect(n.pending()).toBe(0);
    await new Promise((r) => setTimeout(r, 60));
    expect(hook.received).toHaveLength(1);
    expect(failed.level).toBe('error');
    expect(failed.line).toMatchObject({ id: 'cr_bad', attempt: 1, status: 400, reason: 'refused' });
    expect(log.outcomes()).toEqual(['failed']);
  });

  it('treats a redirect as a failure and never follows it', async () => {
    const elsewhere = await receiver([status(200)]);
    const hook = await receiver([status(307, { Location: `${elsewhere.origin}/steal` })]);
    const { n, log } = notifier({ url: hook.url });
    n.announce(event('cr_redirect'));
    const failed = await log.until((l) => l.outcome === 'failed');
    expect(failed.line).toMatchObject({ attempt: 1, status: 307, reason: 'redirect' });
    expect(hook.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
    expect(n.pending()).toBe(0);
  });

  it('honours Retry-After in seconds, capped at maxDelayMs', async () => {
    const hook = await receiver([
      status(503, { 'Retry-After': '7' }),
      status(429, { 'Retry-After': '3600' }),
      status(200),
    ]);
    const fake = fakeTimers();
    const { n, log } = notifier(
      { url: hook.url, maxDelayMs: 60_000 },
      { setTimer: fake.setTimer, random: () => 0 },
    );
    n.announce(event('cr_later'));
    await log.until((l) => l.outcome === 'retrying');
    expect(fake.timers.map((t) => t.ms)).toEqual([7000]);
    expect(hook.received).toHaveLength(1);
    fake.timers[0]?.fn();
    await log.until((l) => l.outcome === 'retrying' && l.attempt === 2);
    expect(fake.timers.map((t) => t.ms)).toEqual([7000, 60_000]);
    fake.timers[1]?.fn();
    await log.until((l) => l.outcome === 'delivered');
    expect(hook.received).toHaveLength(3);
    expect(log.entries.map((e) => e.line.delayMs)).toEqual([7000, 60_000, undefined]);
  });

  it('honours Retry-After as an HTTP date, against the injected clock', async () => {
    const fetchFn = manualFetch();
    const fake = fakeTimers();
    const { n, log } = notifier(
      { url: 'https://hooks.clinic.example/x' },
      {
        fetch: fetchFn.fetchFn,
        setTimer: fake.setTimer,
        now: () => new Date('2030-01-01T00:00:00Z'),
      },
    );
    n.announce(event('cr_date'));
    await until(() => fetchFn.calls.length === 1);
    fetchFn.calls[0]?.answer(
      new Response(null, {
        status: 503,
        headers: { 'Retry-After': 'Tue, 01 Jan 2030 00:00:30 GMT' },
      }),
    );
    await log.until((l) => l.outcome === 'retrying');
    // maxDelayMs is 50 in these tests: the date asks for 30 s, the cap wins.
    expect(fake.timers.map((t) => t.ms)).toEqual([50]);
  });

  it('backs off exponentially with full jitter, capped, then gives up after maxAttempts', async () => {
    const fetchFn = manualFetch();
    const fake = fakeTimers();
    const { n, log } = notifier(
      {
        url: 'https://hooks.clinic.example/x',
        baseDelayMs: 1000,
        maxDelayMs: 5000,
        maxAttempts: 6,
      },
      { fetch: fetchFn.fetchFn, setTimer: fake.setTimer, random: () => 0.5 },
    );
    n.announce(event('cr_backoff'));
    for (let i = 1; i <= 6; i++) {
      await until(() => fetchFn.calls.length === i);
      fetchFn.calls[i - 1]?.answer(new Response('nope', { status: 502 }));
      if (i < 6) {
        await until(() => fake.timers.length === i);
        fake.timers[i - 1]?.fn();
      }
    }
    const gaveUp = await log.until((l) => l.outcome === 'gave-up');
    expect(fake.timers.map((t) => t.ms)).toEqual([500, 1000, 2000, 2500, 2500]);
    expect(fetchFn.calls).toHaveLength(6);
    expect(gaveUp.level).toBe('error');
    expect(gaveUp.line).toMatchObject({ id: 'cr_backoff', attempt: 6, status: 502 });
    expect(n.pending()).toBe(0);
    // The request went out as configured.
    expect(fetchFn.calls[0]?.url).toBe('https://hooks.clinic.example/x');
    expect(fetchFn.calls[0]?.init.redirect).toBe('manual');
    expect(fetchFn.calls[0]?.init.method).toBe('POST');
    expect(fetchFn.calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('gives up after maxAttempts against a real server that keeps failing', async () => {
    const hook = await receiver([status(503)]);
    const { n, log } = notifier({ url: hook.url, maxAttempts: 3 });
    n.announce(event('cr_down'));
    const gaveUp = await log.until((l) => l.outcome === 'gave-up');
    await new Promise((r) => setTimeout(r, 60));
    expect(hook.received).toHaveLength(3);
    expect(gaveUp.level).toBe('error');
    expect(gaveUp.line).toMatchObject({ id: 'cr_down', attempt: 3, status: 503 });
    expect(log.outcomes()).toEqual(['retrying', 'retrying', 'gave-up']);
    expect(n.pending()).toBe(0);
  });

  it('times out a server that never answers, and retries', async () => {
    const hook = await receiver([never, status(200)]);
    const { n, log } = notifier({ url: hook.url, timeoutMs: 300 });
    n.announce(event('cr_slow'));
    await log.until((l) => l.outcome === 'delivered');
    expect(hook.received).toHaveLength(2);
    expect(
      log.entries.map((e) => [e.line.outcome, e.line.attempt, e.line.error ?? e.line.status]),
    ).toEqual([
      ['retrying', 1, 'TimeoutError'],
      ['delivered', 2, 200],
    ]);
  });

  it('retries network errors and gives up, naming the error class and code', async () => {
    const hook = await receiver([status(200)]);
    // Close it so the port refuses connections.
    const server = servers.pop();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    const { n, log } = notifier({ url: hook.url, maxAttempts: 3 });
    n.announce(event('cr_refused'));
    await log.until((l) => l.outcome === 'gave-up');
    expect(
      log.entries.map((e) => [e.level, e.line.outcome, e.line.attempt, e.line.error, e.line.cause]),
    ).toEqual([
      ['info', 'retrying', 1, 'TypeError', 'ECONNREFUSED'],
      ['info', 'retrying', 2, 'TypeError', 'ECONNREFUSED'],
      ['error', 'gave-up', 3, 'TypeError', 'ECONNREFUSED'],
    ]);
  });

  it('returns from announce before the webhook even sees the request', async () => {
    const order: string[] = [];
    const hook = await receiver(
      [
        (_req, res) => {
          setTimeout(() => {
            order.push('server answered');
            res.writeHead(200).end();
          }, 500);
        },
      ],
      () => order.push('server received'),
    );
    const { n, log } = notifier({ url: hook.url });
    n.announce(event('cr_fast'));
    order.push('announce returned');
    expect(n.pending()).toBe(1);
    await log.until((l) => l.outcome === 'delivered');
    order.push('delivered');
    expect(order).toEqual(['announce returned', 'server received', 'server answered', 'delivered']);
  });

  it('never throws from announce: bad events and a broken logger are only logged', async () => {
    const fetchFn = manualFetch();
    const { n, log } = notifier(
      { url: 'https://hooks.clinic.example/x' },
      { fetch: fetchFn.fetchFn },
    );
    const bad: unknown[] = [
      { ...event(), at: new Date(Number.NaN) },
      { ...event(), type: 'consultation-request.deleted' },
      { ...event(), id: 'cr_1\r\nX-Evil: 1' },
      { ...event(), id: '' },
      { ...event(), staffUrl: 42 },
      null,
    ];
    for (const e of bad) expect(() => n.announce(e as WebhookEvent)).not.toThrow();
    expect(log.outcomes()).toEqual(Array(6).fill('rejected'));
    expect(log.entries.every((e) => e.level === 'error')).toBe(true);
    expect(JSON.stringify(log.entries)).not.toContain('X-Evil');

    const throwing = createWebhookNotifier(
      { url: 'https://hooks.clinic.example/x', secret: SECRET },
      {
        logger: {
          info: () => {
            throw new Error('disk full');
          },
          error: () => {
            throw new Error('disk full');
          },
        },
        fetch: fetchFn.fetchFn,
      },
    );
    expect(() => throwing.announce({ ...event(), id: '' })).not.toThrow();
    throwing.announce(event('cr_ok'));
    await tick();
    expect(fetchFn.calls).toHaveLength(1);
    fetchFn.calls[0]?.answer(new Response(null, { status: 200 }));
    await until(() => throwing.pending() === 0);
  });

  it('never logs the secret, the URL path or query, or the response body', async () => {
    const hook = await receiver([status(500), status(200), status(400), never, status(200)]);
    const { n, log } = notifier({ url: hook.url, timeoutMs: 300 });
    n.announce(event('cr_a')); // 500 then 200
    await log.until((l) => l.outcome === 'delivered' && l.id === 'cr_a');
    n.announce(event('cr_b')); // 400
    await log.until((l) => l.outcome === 'failed' && l.id === 'cr_b');
    n.announce(event('cr_c')); // timeout then 200
    await log.until((l) => l.outcome === 'delivered' && l.id === 'cr_c');

    expect(log.outcomes()).toEqual(['retrying', 'delivered', 'failed', 'retrying', 'delivered']);
    const text = JSON.stringify(log.entries);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('query-token-999');
    expect(text).not.toContain('path-token-777');
    expect(text).not.toContain('secret-ish body');
    expect(text).not.toContain('staff/consultation-requests');
    for (const e of log.entries) {
      expect(e.line.event).toBe('webhook');
      expect(e.line.webhook).toBe(hook.origin);
    }
  });
});

describe('createWebhookNotifier bounds', () => {
  it('caps deliveries in flight', async () => {
    const fetchFn = manualFetch();
    const { n } = notifier(
      { url: 'https://hooks.clinic.example/x', maxConcurrent: 2 },
      { fetch: fetchFn.fetchFn },
    );
    for (let i = 1; i <= 5; i++) n.announce(event(`cr_${i}`));
    await tick();
    await tick();
    expect(fetchFn.calls).toHaveLength(2);
    expect(n.pending()).toBe(5);
    fetchFn.calls[0]?.answer(new Response(null, { status: 200 }));
    await until(() => fetchFn.calls.length === 3);
    await tick();
    expect(fetchFn.calls).toHaveLength(3);
    expect(n.pending()).toBe(4);
  });

  it('keeps at most maxQueue waiting, dropping the oldest with an error line', async () => {
    const fetchFn = manualFetch();
    const { n, log } = notifier(
      { url: 'https://hooks.clinic.example/x', maxConcurrent: 1, maxQueue: 3 },
      { fetch: fetchFn.fetchFn },
    );
    for (let i = 1; i <= 6; i++) n.announce(event(`cr_${i}`));
    expect(n.pending()).toBe(3);
    expect(log.entries.map((e) => [e.level, e.line.outcome, e.line.reason, e.line.id])).toEqual([
      ['error', 'dropped', 'queue-full', 'cr_1'],
      ['error', 'dropped', 'queue-full', 'cr_2'],
      ['error', 'dropped', 'queue-full', 'cr_3'],
    ]);
    for (let i = 0; i < 3; i++) {
      await until(() => fetchFn.calls.length === i + 1);
      fetchFn.calls[i]?.answer(new Response(null, { status: 200 }));
    }
    await until(() => n.pending() === 0);
    expect(fetchFn.calls.map((c) => new Headers(c.init.headers).get('Ptfx-Webhook-Id'))).toEqual([
      'cr_4',
      'cr_5',
      'cr_6',
    ]);
  });

  it('drops the oldest waiting retry before a newer queued event, never one in flight', async () => {
    const fetchFn = manualFetch();
    const fake = fakeTimers();
    const { n, log } = notifier(
      { url: 'https://hooks.clinic.example/x', maxConcurrent: 1, maxQueue: 2 },
      { fetch: fetchFn.fetchFn, setTimer: fake.setTimer },
    );
    n.announce(event('cr_old'));
    await until(() => fetchFn.calls.length === 1);
    fetchFn.calls[0]?.answer(new Response(null, { status: 500 }));
    await until(() => fake.timers.length === 1); // cr_old waits for a retry
    n.announce(event('cr_mid'));
    await until(() => fetchFn.calls.length === 2); // cr_mid in flight
    n.announce(event('cr_new1'));
    n.announce(event('cr_new2')); // waiting: cr_old, cr_new1 -> full, cr_old goes
    expect(log.entries.filter((e) => e.line.outcome === 'dropped').map((e) => e.line.id)).toEqual([
      'cr_old',
    ]);
    expect(n.pending()).toBe(3);
    fake.timers[0]?.fn(); // the dropped retry's timer fires anyway: nothing happens
    fetchFn.calls[1]?.answer(new Response(null, { status: 200 }));
    await until(() => fetchFn.calls.length === 3);
    expect(new Headers(fetchFn.calls[2]?.init.headers).get('Ptfx-Webhook-Id')).toBe('cr_new1');
  });

  it('applies the default queue bound of 1000', async () => {
    const fetchFn = manualFetch();
    const { n, log } = notifier(
      { url: 'https://hooks.clinic.example/x' },
      { fetch: fetchFn.fetchFn },
    );
    for (let i = 1; i <= 1005; i++) n.announce(event(`cr_${i}`));
    expect(n.pending()).toBe(1000);
    expect(log.entries.map((e) => e.line.id)).toEqual(['cr_1', 'cr_2', 'cr_3', 'cr_4', 'cr_5']);
    await tick();
    expect(fetchFn.calls).toHaveLength(4); // default maxConcurrent
  });
});

describe('drain', () => {
  it('resolves at once when nothing is pending', async () => {
    const { n, log } = notifier({ url: 'https://hooks.clinic.example/x' });
    await n.drain(10_000);
    expect(log.entries.map((e) => e.line)).toEqual([
      {
        event: 'webhook',
        outcome: 'drained',
        abandoned: 0,
        ids: '',
        webhook: 'https://hooks.clinic.example',
      },
    ]);
  });

  it('waits for a delivery in flight, then resolves', async () => {
    const order: string[] = [];
    let received!: () => void;
    const got = new Promise<void>((resolve) => {
      received = resolve;
    });
    const hook = await receiver(
      [(_req, res) => setTimeout(() => res.writeHead(200).end(), 200)],
      () => received(),
    );
    const { n, log } = notifier({ url: hook.url });
    n.announce(event('cr_inflight'));
    await got;
    const drained = n.drain(5000).then(() => order.push('drain resolved'));
    await log.until((l) => l.outcome === 'delivered').then(() => order.push('delivered'));
    await drained;
    expect(order).toEqual(['delivered', 'drain resolved']);
    expect(n.pending()).toBe(0);
    expect(log.entries.at(-1)?.line).toMatchObject({ outcome: 'drained', abandoned: 0 });
  });

  it('cancels retries not yet due, logs their ids, and refuses announcements afterwards', async () => {
    const hook = await receiver([status(500)]);
    const fake = fakeTimers();
    const cleared: unknown[] = [];
    const { n, log } = notifier(
      { url: hook.url },
      { setTimer: fake.setTimer, clearTimer: (h) => cleared.push(h) },
    );
    n.announce(event('cr_wait1'));
    n.announce(event('cr_wait2'));
    await until(() => fake.timers.length === 2);
    await n.drain(5000);
    expect(n.pending()).toBe(0);
    expect(cleared).toEqual([1, 2]);
    const drained = log.entries.find((e) => e.line.outcome === 'drained');
    expect(drained?.level).toBe('error');
    expect(drained?.line).toMatchObject({ abandoned: 2, ids: 'cr_wait1,cr_wait2' });
    for (const t of fake.timers) t.fn();
    n.announce(event('cr_late'));
    await new Promise((r) => setTimeout(r, 30));
    expect(hook.received).toHaveLength(2);
    expect(log.entries.at(-1)?.line).toMatchObject({
      outcome: 'abandoned',
      reason: 'closed',
      id: 'cr_late',
    });
  });

  it('does not retry a failure while draining', async () => {
    const hook = await receiver([(_req, res) => setTimeout(() => res.writeHead(503).end(), 100)]);
    const { n, log } = notifier({ url: hook.url });
    n.announce(event('cr_fails'));
    await until(() => hook.received.length === 1);
    await n.drain(5000);
    expect(log.entries.map((e) => [e.line.outcome, e.line.status, e.line.ids])).toEqual([
      ['abandoned', 503, undefined],
      ['drained', undefined, 'cr_fails'],
    ]);
    expect(hook.received).toHaveLength(1);
  });

  it('gives up at its deadline, aborting what is still in flight', async () => {
    let aborted = false;
    const hook = await receiver([
      (req) => {
        req.socket.on('close', () => {
          aborted = true;
        });
      },
    ]);
    const { n, log } = notifier({ url: hook.url, timeoutMs: 30_000 });
    n.announce(event('cr_hung'));
    await until(() => hook.received.length === 1);
    const started = Date.now();
    await n.drain(100);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(n.pending()).toBe(0);
    expect(log.entries.map((e) => e.line)).toEqual([
      {
        event: 'webhook',
        outcome: 'drained',
        abandoned: 1,
        ids: 'cr_hung',
        webhook: hook.origin,
      },
    ]);
    await until(() => aborted);
  });
});
