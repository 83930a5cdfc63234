// The deliverer against real HTTP receivers on 127.0.0.1, which verify every delivery with the
// `standardwebhooks` library itself (as a clinic's receiver would).
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import {
  announcement,
  createOutboxDeliverer,
  type OutboxDeliverer,
  type OutboxDelivererOptions,
  type OutboxLogLine,
} from './deliverer.js';
import { FakeOutbox } from './fake-outbox.js';
import { mintWebhookSecret } from './standard-webhooks.js';

const SECRET = mintWebhookSecret();

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** What the standardwebhooks library said: the parsed payload, or its error. */
  verified: boolean;
}

type Handler = (req: IncomingMessage, res: ServerResponse, r: Received) => void;

const servers: Server[] = [];
const running: OutboxDeliverer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.stop({ abortAfterMs: 0 })));
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

/**
 * A receiver built on the standardwebhooks library: a delivery that does not verify gets 401
 * (as the library's docs advise); one that does is answered by `handlers[n-1]` (the last repeats),
 * 204 by default.
 */
async function receiver(handlers: Handler[] = []) {
  const wh = new Webhook(SECRET);
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = false;
      try {
        wh.verify(body, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      const r = { headers: req.headers, body, verified };
      received.push(r);
      if (!verified) {
        res.writeHead(401).end('signature mismatch');
        return;
      }
      const handler = handlers[Math.min(received.length, handlers.length) - 1];
      if (handler) handler(req, res, r);
      else res.writeHead(204).end();
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

function start(store: FakeOutbox, options: Partial<OutboxDelivererOptions> & { url: string }) {
  const lines: OutboxLogLine[] = [];
  const d = createOutboxDeliverer({
    store,
    secret: SECRET,
    logger: { info: (l) => lines.push(l), error: (l) => lines.push(l) },
    pollMs: 5,
    baseDelayMs: 5,
    maxDelayMs: 50,
    timeoutMs: 2000,
    ...options,
  });
  running.push(d);
  return { d, lines };
}

function add(store: FakeOutbox, n: number) {
  const input = announcement({
    requestId: `0b7c2f2e-4a1d-4f57-9d8e-${String(n).padStart(12, '0')}`,
    staffUrl: `https://api.clinic.example/v1/staff/consultation-requests/${n}`,
    receivedAt: new Date(),
  });
  store.add(input);
  return input;
}

async function until(test: () => boolean, what = 'condition', ms = 10_000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`${what} never held`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const settled = (store: FakeOutbox) =>
  [...store.rows.values()].every((r) => r.message.status !== 'pending');

describe('the deliverer against a receiver verifying with standardwebhooks', () => {
  it('delivers every message once, each accepted by the library, with its stored body', async () => {
    const hook = await receiver();
    const store = new FakeOutbox();
    const inputs = Array.from({ length: 40 }, (_, n) => add(store, n));
    const { lines } = start(store, { url: hook.url, maxConcurrent: 4 });
    await until(() => settled(store), 'all settled');
    expect(hook.received).toHaveLength(40);
    expect(hook.received.every((r) => r.verified)).toBe(true);
    expect(hook.received.map((r) => r.headers['webhook-id']).sort()).toEqual(
      inputs.map((i) => i.id).sort(),
    );
    for (const r of hook.received) {
      const input = inputs.find((i) => i.id === r.headers['webhook-id']);
      expect(r.body).toBe(input?.payload);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['user-agent']).toBe('ptfx-api');
    }
    expect([...store.rows.values()].every((r) => r.message.status === 'delivered')).toBe(true);
    expect(lines.filter((l) => l.outcome === 'delivered')).toHaveLength(40);
  });

  it('a tampered delivery is rejected by the library, and the message goes dead (401)', async () => {
    const hook = await receiver();
    const store = new FakeOutbox();
    const input = add(store, 1);
    // Something between us and the receiver changes the body.
    const tampering: typeof fetch = (url, init) =>
      fetch(url, {
        ...init,
        body: String(init?.body).replace('consultation-request', 'consultation-reqvest'),
      });
    start(store, { url: hook.url, fetch: tampering });
    await until(() => settled(store));
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]?.verified).toBe(false);
    expect(store.get(input.id)).toMatchObject({ status: 'dead', lastError: 'http 401' });
  });

  it('retries 500, 500 then 200: one webhook-id, every attempt signed afresh and verified', async () => {
    const hook = await receiver([status(500), status(500), status(200)]);
    const store = new FakeOutbox();
    const input = add(store, 1);
    let t = Date.now();
    // The clock moves 2 s per read, so every attempt has its own timestamp.
    const clock = () => {
      t += 2000;
      return new Date(t);
    };
    start(store, { url: hook.url, clock });
    await until(() => settled(store));
    expect(hook.received).toHaveLength(3);
    expect(hook.received.every((r) => r.verified)).toBe(true);
    expect(new Set(hook.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([input.id]));
    expect(new Set(hook.received.map((r) => r.headers['webhook-timestamp'])).size).toBe(3);
    expect(new Set(hook.received.map((r) => r.headers['webhook-signature'])).size).toBe(3);
    expect(store.get(input.id)).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('gives up after maxAttempts against a receiver that keeps failing', async () => {
    const hook = await receiver([status(503)]);
    const store = new FakeOutbox();
    const input = add(store, 1);
    const { lines } = start(store, { url: hook.url, maxAttempts: 3 });
    await until(() => settled(store));
    expect(hook.received).toHaveLength(3);
    expect(store.get(input.id)).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: 'http 503',
    });
    expect(lines.map((l) => l.outcome)).toEqual(['retrying', 'retrying', 'dead']);
  });

  it('honours a real Retry-After of 1 s', async () => {
    const hook = await receiver([status(429, { 'Retry-After': '1' }), status(200)]);
    const store = new FakeOutbox();
    const input = add(store, 1);
    start(store, { url: hook.url, maxDelayMs: 5000 });
    await until(() => settled(store));
    const s = store.settlements[0]?.settlement;
    expect(s?.kind).toBe('retry');
    expect(s?.kind === 'retry' ? s.nextAttemptAt.getTime() - s.at.getTime() : 0).toBe(1000);
    expect(store.get(input.id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('times out a receiver that never answers, and retries', async () => {
    const hook = await receiver([never, status(200)]);
    const store = new FakeOutbox();
    const input = add(store, 1);
    const { lines } = start(store, { url: hook.url, timeoutMs: 300, leaseMs: 10_000 });
    await until(() => settled(store));
    expect(lines.map((l) => [l.outcome, l.attempt, l.error ?? l.status])).toEqual([
      ['retrying', 1, 'timeout'],
      ['delivered', 2, 200],
    ]);
    expect(store.get(input.id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('retries a refused connection, naming the error code', async () => {
    const hook = await receiver();
    const server = servers.pop();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    const store = new FakeOutbox();
    const input = add(store, 1);
    start(store, { url: hook.url, maxAttempts: 2 });
    await until(() => settled(store));
    expect(store.get(input.id)).toMatchObject({
      status: 'dead',
      attempts: 2,
      lastError: 'network ECONNREFUSED',
    });
  });

  it('does not follow a redirect: the message is dead at once', async () => {
    const elsewhere = await receiver();
    const hook = await receiver([status(307, { Location: elsewhere.url })]);
    const store = new FakeOutbox();
    const input = add(store, 1);
    start(store, { url: hook.url });
    await until(() => settled(store));
    expect(elsewhere.received).toHaveLength(0);
    expect(store.get(input.id)).toMatchObject({ status: 'dead', lastError: 'http 307' });
  });

  it('stop() waits for a slow receiver to answer, and the message is delivered', async () => {
    const hook = await receiver([(_req, res) => setTimeout(() => res.writeHead(200).end(), 200)]);
    const store = new FakeOutbox();
    const input = add(store, 1);
    const { d } = start(store, { url: hook.url });
    await until(() => hook.received.length === 1);
    await d.stop();
    expect(store.get(input.id)).toMatchObject({ status: 'delivered' });
  });

  it('never logs the secret, the URL path or query, the body or the response body', async () => {
    const hook = await receiver([status(500), status(200), status(400)]);
    const store = new FakeOutbox();
    add(store, 1);
    add(store, 2);
    const { lines } = start(store, { url: hook.url, maxConcurrent: 1 });
    await until(() => settled(store));
    expect(lines.map((l) => l.outcome)).toEqual(['retrying', 'delivered', 'dead']);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(SECRET.slice(6));
    expect(text).not.toContain('query-token-999');
    expect(text).not.toContain('path-token-777');
    expect(text).not.toContain('secret-ish body');
    expect(text).not.toContain('staff/consultation-requests');
    expect(text).not.toContain('0b7c2f2e');
    for (const line of lines) {
      expect(line.event).toBe('outbox');
      expect(line.webhook).toBe(hook.origin);
    }
  });
});
