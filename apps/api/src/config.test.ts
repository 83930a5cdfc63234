import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';

/** whsec_ and the base64 of 24 bytes (Standard Webhooks' format). */
const WEBHOOK_SECRET = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;

describe('parseConfig', () => {
  it('defaults to the sample clinic on 127.0.0.1:3000', () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      config: {
        port: 3000,
        host: '127.0.0.1',
        watch: false,
        corsOrigins: '*',
        baseUrl: 'http://127.0.0.1:3000',
        bodyLimit: 1024 * 1024,
        shutdownTimeoutMs: 10_000,
        logLevel: 'info',
        database: { kind: 'sqlite', path: '.ptfx/ptfx.db' },
        staffTokens: [],
        trustedProxies: [],
        intakeRateLimit: { limit: 5, windowMs: 600_000 },
        retentionDays: 90,
      },
    });
  });

  it('reads every variable', () => {
    const parsed = parseConfig({
      PORT: '8080',
      HOST: '::1',
      PTFX_DATA: 'clinic.yaml',
      PTFX_WATCH: '1',
      PTFX_CORS_ORIGINS: 'https://a.example, https://b.example:8443',
      PTFX_BASE_URL: 'https://api.example.com/',
      PTFX_BODY_LIMIT: '65536',
      PTFX_SHUTDOWN_TIMEOUT_MS: '2000',
      PTFX_LOG: 'silent',
      DATABASE_URL: 'postgres://ptfx:secret@db.internal:5432/ptfx?sslmode=verify-full',
      PTFX_STAFF_TOKENS: `alice:${'a'.repeat(64)}, bob:${'B'.repeat(64)}`,
      PTFX_TRUSTED_PROXIES: '10.0.0.1, ::1',
      PTFX_INTAKE_RATE_LIMIT: '10/3600',
      PTFX_RETENTION_DAYS: '30',
      PTFX_WEBHOOK_URL: 'https://hooks.example.com/ptfx?token=abc',
      PTFX_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PTFX_WEBHOOK_MAX_ATTEMPTS: '5',
      PTFX_WEBHOOK_TIMEOUT_MS: '3000',
    });
    expect(parsed).toMatchObject({
      ok: true,
      config: {
        port: 8080,
        host: '::1',
        dataFile: 'clinic.yaml',
        watch: true,
        corsOrigins: ['https://a.example', 'https://b.example:8443'],
        baseUrl: 'https://api.example.com',
        bodyLimit: 65536,
        shutdownTimeoutMs: 2000,
        logLevel: 'silent',
        database: {
          kind: 'postgres',
          url: 'postgres://ptfx:secret@db.internal:5432/ptfx?sslmode=verify-full',
        },
        staffTokens: [
          { name: 'alice', sha256: 'a'.repeat(64) },
          { name: 'bob', sha256: 'b'.repeat(64) },
        ],
        trustedProxies: ['10.0.0.1', '::1'],
        intakeRateLimit: { limit: 10, windowMs: 3_600_000 },
        retentionDays: 30,
        webhook: {
          url: 'https://hooks.example.com/ptfx?token=abc',
          secret: WEBHOOK_SECRET,
          maxAttempts: 5,
          timeoutMs: 3000,
        },
      },
    });
    expect(parseConfig({ DATABASE_URL: 'file:/var/lib/ptfx/requests.db' })).toMatchObject({
      ok: true,
      config: { database: { kind: 'sqlite', path: '/var/lib/ptfx/requests.db' } },
    });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://root:hunter2@db/ptfx' }, /^DATABASE_URL must be unset/, 'hunter2'],
    [{ DATABASE_URL: 'file:' }, /^DATABASE_URL must be/, undefined],
    [
      { PTFX_STAFF_TOKENS: 'alice:my-plain-token' },
      /^PTFX_STAFF_TOKENS entry 1 must be name:/,
      'my-plain-token',
    ],
    [
      { PTFX_STAFF_TOKENS: `a:${'a'.repeat(64)},a:${'b'.repeat(64)}` },
      /entry 2 .*each name once/,
      undefined,
    ],
    [
      { PTFX_TRUSTED_PROXIES: '10.0.0.1, proxy.internal' },
      /^PTFX_TRUSTED_PROXIES must be .*"proxy.internal"/,
      undefined,
    ],
    [
      { PTFX_INTAKE_RATE_LIMIT: '5 per minute' },
      /^PTFX_INTAKE_RATE_LIMIT must be REQUESTS\/SECONDS/,
      undefined,
    ],
    [
      { PTFX_RETENTION_DAYS: '0' },
      /^PTFX_RETENTION_DAYS must be a whole number from 1 to 3650/,
      undefined,
    ],
    [{ PTFX_WEBHOOK_URL: 'https://hooks.example.com/x' }, /PTFX_WEBHOOK_SECRET/, undefined],
    [{ PTFX_WEBHOOK_SECRET: WEBHOOK_SECRET }, /PTFX_WEBHOOK_URL is not/, undefined],
    [
      { PTFX_WEBHOOK_URL: 'http://hooks.example.com/x', PTFX_WEBHOOK_SECRET: WEBHOOK_SECRET },
      /PTFX_WEBHOOK_URL/,
      undefined,
    ],
    [
      { PTFX_WEBHOOK_URL: 'https://hooks.example.com/x', PTFX_WEBHOOK_SECRET: 'short' },
      /PTFX_WEBHOOK_SECRET/,
      'short',
    ],
    [
      {
        PTFX_WEBHOOK_URL: 'https://hooks.example.com/x',
        PTFX_WEBHOOK_SECRET: 'an-old-style-secret-of-more-than-32-characters',
      },
      /^PTFX_WEBHOOK_SECRET must be "whsec_" .*admin mint-webhook-secret/,
      'an-old-style-secret',
    ],
    [
      { PTFX_WEBHOOK_MAX_ATTEMPTS: '0' },
      /^PTFX_WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 100/,
      undefined,
    ],
  ] as [Record<string, string>, RegExp, string | undefined][])(
    'refuses %j, naming the variable and never echoing a secret',
    (env, message, secret) => {
      const parsed = parseConfig(env);
      expect(parsed.ok).toBe(false);
      const errors = parsed.ok ? [] : parsed.errors;
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      if (secret) expect(errors[0]).not.toContain(secret);
    },
  );

  it('reads PTFX_SITE_URL, the site on another origin, without a trailing slash', () => {
    expect(
      parseConfig({
        PTFX_SITE_URL: 'https://www.pteffect.example/',
        PTFX_CORS_ORIGINS: 'https://www.pteffect.example',
      }),
    ).toMatchObject({ ok: true, config: { siteUrl: 'https://www.pteffect.example' } });
    // With CORS open to every origin, or the site on the API's own origin, nothing more is needed.
    expect(parseConfig({ PTFX_SITE_URL: 'https://example.com/clinic' })).toMatchObject({
      ok: true,
      config: { siteUrl: 'https://example.com/clinic' },
    });
    expect(
      parseConfig({
        PTFX_BASE_URL: 'https://clinic.example',
        PTFX_SITE_URL: 'https://clinic.example/site',
        PTFX_CORS_ORIGINS: 'https://other.example',
      }),
    ).toMatchObject({ ok: true });
    expect(parseConfig({})).toMatchObject({
      ok: true,
      config: { baseUrl: 'http://127.0.0.1:3000' },
    });
    // Unset, the site is the API's own (the redirect stays on this origin).
    const plain = parseConfig({});
    expect(plain.ok && plain.config.siteUrl).toBeUndefined();
  });

  it.each([
    [
      { PTFX_SITE_URL: 'www.pteffect.example' },
      /^PTFX_SITE_URL must be the absolute http\(s\) URL/,
    ],
    [{ PTFX_SITE_URL: 'javascript:alert(1)' }, /^PTFX_SITE_URL must be/],
    [
      { PTFX_SITE_URL: 'https://www.pteffect.example', PTFX_CORS_ORIGINS: 'https://a.example' },
      /^PTFX_SITE_URL's origin https:\/\/www\.pteffect\.example must be in PTFX_CORS_ORIGINS/,
    ],
  ] as [Record<string, string>, RegExp][])('refuses %j', (env, message) => {
    const parsed = parseConfig(env);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors).toEqual([expect.stringMatching(message)]);
  });

  it('names the variable and what it expects, for every bad value at once', () => {
    expect(
      parseConfig({
        PORT: 'abc',
        PTFX_WATCH: 'yes',
        PTFX_CORS_ORIGINS: 'evil',
        PTFX_BODY_LIMIT: '1',
        HOST: 'a b',
      }),
    ).toEqual({
      ok: false,
      errors: [
        'PORT must be a whole number from 1 to 65535, got "abc"',
        'HOST must be a host name or IP address, got "a b"',
        'PTFX_WATCH must be 1 or 0, got "yes"',
        'PTFX_CORS_ORIGINS must be * or a comma-separated list of origins like https://www.example.com, got "evil"',
        'PTFX_BODY_LIMIT must be a whole number from 1024 to 16777216, got "1"',
      ],
    });
    expect(parseConfig({ PORT: '70000' })).toMatchObject({
      ok: false,
      errors: ['PORT must be a whole number from 1 to 65535, got "70000"'],
    });
    expect(parseConfig({ PORT: '3.5' })).toMatchObject({ ok: false });
  });
});
