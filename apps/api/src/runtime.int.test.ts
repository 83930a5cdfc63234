import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LogLine } from './app-types.js';
import { type ClinicOrigin, ClinicSource, loadClinic, sampleClinicPath } from './clinic-source.js';
import type { ApiConfig } from './config.js';
import { type RunningServer, startServer } from './runtime.js';
import { tempSqliteStore } from './test-support/app.js';

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.shutdown('test end')));
});

async function start(
  options: {
    origin?: ClinicOrigin;
    bodyLimit?: number;
    watch?: boolean;
    timeouts?: {
      requestTimeout: number;
      headersTimeout: number;
      keepAliveTimeout: number;
      connectionsCheckingInterval: number;
    };
  } = {},
) {
  const origin = options.origin ?? { kind: 'sample' };
  const config: ApiConfig = {
    port: 0,
    host: '127.0.0.1',
    watch: options.watch ?? false,
    corsOrigins: '*',
    baseUrl: 'http://127.0.0.1',
    bodyLimit: options.bodyLimit ?? 4096,
    shutdownTimeoutMs: 3000,
    logLevel: 'silent',
    database: { kind: 'sqlite', path: 'unused: the test opens its own store' },
    staffTokens: [],
    trustedProxies: [],
    intakeRateLimit: { limit: 5, windowMs: 600_000 },
    retentionDays: 90,
  };
  const loaded = await loadClinic(origin, config.baseUrl, new Date());
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const logs: LogLine[] = [];
  const source = new ClinicSource(loaded.snapshot, origin, config.baseUrl);
  const { store } = await tempSqliteStore();
  const server = await startServer({
    config,
    source,
    origin,
    store,
    logger: { info: (l) => logs.push(l), error: (l) => logs.push(l) },
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
  });
  running.push(server);
  return { server, logs, url: `http://127.0.0.1:${server.address.port}` };
}

/** A raw connection that collects everything the server sends. */
function raw(
  port: number,
): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
    });
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.once('error', reject);
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
  });
}

const ClinicName = z.object({ organization: z.object({ name: z.string() }) });
const clinicName = async (url: string) =>
  ClinicName.parse(await (await fetch(`${url}/v1/clinic`)).json()).organization.name;

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('the API over a real socket', () => {
  it('finishes a request in flight when draining, then refuses new connections', async () => {
    const { server, url } = await start();
    const body = JSON.stringify({ listing: 'Jane Doe, PT, DPT' });
    const client = await raw(server.address.port);
    client.socket.write(
      `POST /v1/credential-listings/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 50));
    const began = Date.now();
    const stopped = server.shutdown('SIGTERM');
    expect((await fetch(`${url}/readyz`).catch(() => undefined))?.status ?? 'refused').not.toBe(
      200,
    );
    client.socket.write(body.slice(10));
    await until(() => client.received().includes('"clean":true'));
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 OK/);
    await stopped;
    expect(Date.now() - began).toBeLessThan(2000); // well before the 3 s deadline
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('closes idle keep-alive connections on shutdown', async () => {
    const { server } = await start();
    const client = await raw(server.address.port);
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => client.received().includes('"pass"'));
    await server.shutdown('SIGTERM');
    await client.closed;
  });

  it('counts a chunked body on the stream and answers 413 past the limit', async () => {
    const { server } = await start({ bodyLimit: 1024 });
    const client = await raw(server.address.port);
    client.socket.write(
      'POST /v1/credential-listings/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    const chunk = 'x'.repeat(600);
    for (let i = 0; i < 4; i++) client.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    client.socket.write('0\r\n\r\n');
    await until(() => client.received().includes('payload-too-large'));
    expect(client.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(client.received()).toContain('application/problem+json');
    client.socket.destroy();
  });

  it('times out a slow client without holding up others', async () => {
    const { server, url } = await start({
      timeouts: {
        requestTimeout: 1000,
        headersTimeout: 500,
        keepAliveTimeout: 500,
        connectionsCheckingInterval: 100,
      },
    });
    const slow = await raw(server.address.port);
    slow.socket.write('GET /v1/clinic HTTP/1.1\r\nHost: x\r\n');
    const fast = await fetch(`${url}/v1/clinic`);
    expect(fast.status).toBe(200);
    await slow.closed;
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
  }, 10_000);

  it('answers 431 for headers past Node’s own limit too', async () => {
    const { server } = await start();
    const client = await raw(server.address.port);
    client.socket.write(
      `GET /v1/clinic HTTP/1.1\r\nHost: x\r\nX-Big: ${'x'.repeat(70_000)}\r\n\r\n`,
    );
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 431 /);
  });

  it('reloads a changed file, and keeps serving the old data when the new file is bad', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptfx-reload-'));
    const path = join(dir, 'clinic.yaml');
    const sample = readFileSync(sampleClinicPath(), 'utf8');
    writeFileSync(path, sample);
    const { server, url, logs } = await start({ origin: { kind: 'file', path } });
    const name = () => clinicName(url);
    expect(await name()).toBe('The Physical Therapy Effect');

    writeFileSync(path, sample.replace('postalCode: "92101"', 'postalCode: "9210"'));
    const refused = await server.reload('test');
    expect(refused.ok).toBe(false);
    expect(await name()).toBe('The Physical Therapy Effect');
    expect(JSON.stringify(logs)).toContain('clinic.yaml:');

    writeFileSync(path, sample.replace('name: The Physical Therapy Effect', 'name: The PT Effect'));
    expect((await server.reload('test')).ok).toBe(true);
    expect(await name()).toBe('The PT Effect');
  });

  it('re-renders the website on reload, and serves the new page from then on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptfx-reload-site-'));
    const path = join(dir, 'clinic.yaml');
    const sample = readFileSync(sampleClinicPath(), 'utf8');
    writeFileSync(path, sample);
    const { server, url } = await start({ origin: { kind: 'file', path } });
    const home = async () => {
      const res = await fetch(`${url}/`);
      expect(res.status).toBe(200);
      return res.text();
    };
    // Twice: the second is the fast path's published answer, which the reload must not outlive.
    expect(await home()).toContain('The Physical Therapy Effect');
    expect(await home()).toContain('The Physical Therapy Effect');
    writeFileSync(path, sample.replace('name: The Physical Therapy Effect', 'name: The PT Effect'));
    expect((await server.reload('SIGHUP')).ok).toBe(true);
    const after = await home();
    expect(after).toContain('The PT Effect');
    expect(after).not.toContain('The Physical Therapy Effect');
  });

  it('re-reads the file when it changes, with PTFX_WATCH', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptfx-watch-'));
    const path = join(dir, 'clinic.yaml');
    const sample = readFileSync(sampleClinicPath(), 'utf8');
    writeFileSync(path, sample);
    const { url } = await start({ origin: { kind: 'file', path }, watch: true });
    writeFileSync(
      path,
      sample.replace('name: The Physical Therapy Effect', 'name: Watched Clinic'),
    );
    let name = await clinicName(url);
    const deadline = Date.now() + 5000;
    while (name !== 'Watched Clinic' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      name = await clinicName(url);
    }
    expect(name).toBe('Watched Clinic');
  });
});
