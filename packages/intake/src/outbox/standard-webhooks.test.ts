import { createHmac } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import {
  mintWebhookSecret,
  parseWebhookSecret,
  parseWebhookUrl,
  signWebhook,
  validateWebhookSecret,
  verifyWebhook,
  webhookHeaders,
} from './standard-webhooks.js';

// 32 bytes 0x00..0x1f, base64.
const SECRET = `whsec_${Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64')}`;
const ID = 'msg_0b7c2f2e4a1d4f579d8e2a0f5c3e9b11';
const BODY =
  '{"type":"consultation-request.created","timestamp":"2030-01-01T00:00:00.000Z","data":{"id":"x"}}';

describe('signWebhook', () => {
  it('is the HMAC-SHA256 of "id.timestamp.body" keyed by the decoded secret, as v1,<base64>', () => {
    const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`${ID}.1700000000.${BODY}`).digest('base64');
    expect(signWebhook(SECRET, ID, 1_700_000_000, BODY)).toBe(`v1,${expected}`);
    // The same with the key as bytes.
    expect(signWebhook(new Uint8Array(key), ID, 1_700_000_000, BODY)).toBe(`v1,${expected}`);
  });

  it('matches the standardwebhooks library, which also verifies it', () => {
    const wh = new Webhook(SECRET);
    const at = new Date();
    const seconds = Math.floor(at.getTime() / 1000);
    expect(signWebhook(SECRET, ID, seconds, BODY)).toBe(wh.sign(ID, at, BODY));
    const headers = webhookHeaders(SECRET, ID, seconds, BODY);
    expect(Object.keys(headers)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    expect(wh.verify(BODY, headers)).toEqual(JSON.parse(BODY));
    // And the library refuses a tampered body, id or timestamp.
    expect(() => wh.verify(BODY.replace('"x"', '"y"'), headers)).toThrow(WebhookVerificationError);
    expect(() => wh.verify(BODY, { ...headers, 'webhook-id': `${ID}0` })).toThrow(
      WebhookVerificationError,
    );
    expect(() => wh.verify(BODY, { ...headers, 'webhook-timestamp': String(seconds + 1) })).toThrow(
      WebhookVerificationError,
    );
  });

  it('refuses a timestamp that is not whole seconds, and a malformed secret', () => {
    expect(() => signWebhook(SECRET, ID, 1.5, BODY)).toThrow(RangeError);
    expect(() => signWebhook(SECRET, ID, -1, BODY)).toThrow(RangeError);
    expect(() => signWebhook('not-a-secret', ID, 1, BODY)).toThrow(TypeError);
  });
});

describe('verifyWebhook', () => {
  const at = new Date(1_700_000_000_000);
  const headers = {
    id: ID,
    timestamp: '1700000000',
    signature: signWebhook(SECRET, ID, 1_700_000_000, BODY),
  };

  it('accepts its own and the library’s signatures, as text or bytes, within the tolerance', () => {
    expect(verifyWebhook(SECRET, headers, BODY, at)).toBe(true);
    expect(verifyWebhook(SECRET, headers, Buffer.from(BODY), at)).toBe(true);
    expect(verifyWebhook(SECRET, headers, BODY, new Date(1_700_000_300_000))).toBe(true);
    expect(verifyWebhook(SECRET, headers, BODY, new Date(1_699_999_700_000))).toBe(true);
    const now = new Date();
    const signature = new Webhook(SECRET).sign(ID, now, BODY);
    const timestamp = String(Math.floor(now.getTime() / 1000));
    expect(verifyWebhook(SECRET, { id: ID, timestamp, signature }, BODY, now)).toBe(true);
  });

  it('rejects a tampered body, id or timestamp, a wrong secret, a stale time and junk', () => {
    expect(verifyWebhook(SECRET, headers, BODY.replace('"x"', '"y"'), at)).toBe(false);
    expect(verifyWebhook(SECRET, { ...headers, id: `${ID}0` }, BODY, at)).toBe(false);
    expect(verifyWebhook(SECRET, { ...headers, timestamp: '1700000001' }, BODY, at)).toBe(false);
    expect(verifyWebhook(mintWebhookSecret(), headers, BODY, at)).toBe(false);
    expect(verifyWebhook(SECRET, headers, BODY, new Date(1_700_000_301_000))).toBe(false);
    expect(verifyWebhook(SECRET, headers, BODY, new Date(1_699_999_699_000))).toBe(false);
    expect(verifyWebhook(SECRET, { ...headers, id: undefined }, BODY, at)).toBe(false);
    expect(verifyWebhook(SECRET, { ...headers, timestamp: ['1700000000'] }, BODY, at)).toBe(false);
    expect(verifyWebhook(SECRET, { ...headers, signature: null }, BODY, at)).toBe(false);
    expect(
      verifyWebhook(
        SECRET,
        { ...headers, signature: headers.signature.replace('v1,', 'v2,') },
        BODY,
        at,
      ),
    ).toBe(false);
    expect(verifyWebhook(SECRET, { ...headers, signature: 'v1,' }, BODY, at)).toBe(false);
    expect(verifyWebhook(SECRET, { ...headers, signature: 'v1,!!!!' }, BODY, at)).toBe(false);
    expect(verifyWebhook('whsec_short', headers, BODY, at)).toBe(false);
    expect(verifyWebhook(SECRET, headers, BODY, new Date(Number.NaN))).toBe(false);
  });

  it('accepts any one of several space-separated signatures (secret rotation)', () => {
    const other = signWebhook(mintWebhookSecret(), ID, 1_700_000_000, BODY);
    expect(
      verifyWebhook(SECRET, { ...headers, signature: `${other} ${headers.signature}` }, BODY, at),
    ).toBe(true);
    expect(verifyWebhook(SECRET, { ...headers, signature: `${other} ${other}` }, BODY, at)).toBe(
      false,
    );
  });
});

describe('PTFX_WEBHOOK_SECRET', () => {
  it('is whsec_ and the base64 of 24 to 64 bytes', () => {
    for (const n of [24, 32, 64]) {
      const secret = `whsec_${Buffer.alloc(n, 7).toString('base64')}`;
      const parsed = parseWebhookSecret(secret);
      expect(parsed).toBeInstanceOf(Uint8Array);
      expect((parsed as Uint8Array).length).toBe(n);
      expect(validateWebhookSecret(secret)).toBeUndefined();
    }
  });

  it('is refused otherwise, naming the variable and how to mint one, never repeating it', () => {
    const cases: [string, RegExp][] = [
      [`whsec_${Buffer.alloc(23, 7).toString('base64')}`, /holds 23 bytes/],
      [`whsec_${Buffer.alloc(65, 7).toString('base64')}`, /holds 65 bytes/],
      ['a-plain-old-secret-of-more-than-32-characters', /does not start with "whsec_"/],
      ['whsec_not*base64*at*all*but*long*enough*xyz', /is not base64/],
      ['whsec_', /is not base64/],
      [` ${SECRET}`, /without surrounding whitespace/],
    ];
    for (const [text, reason] of cases) {
      const message = validateWebhookSecret(text);
      expect(message, text).toMatch(/^PTFX_WEBHOOK_SECRET must be "whsec_" followed by the base64/);
      expect(message).toMatch(reason);
      expect(message).toContain('admin mint-webhook-secret');
      expect(message).not.toContain(text.trim().slice(6, 20) || 'never-empty');
    }
  });

  it('mints whsec_ + 32 random bytes that parse, and the library accepts', () => {
    const a = mintWebhookSecret();
    const b = mintWebhookSecret();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect((parseWebhookSecret(a) as Uint8Array).length).toBe(32);
    expect(() => new Webhook(a)).not.toThrow();
    expect((parseWebhookSecret(mintWebhookSecret(64)) as Uint8Array).length).toBe(64);
    expect(() => mintWebhookSecret(16)).toThrow(RangeError);
  });
});

describe('parseWebhookUrl', () => {
  it('accepts https anywhere and http only on the loopback names', () => {
    for (const text of [
      'https://hooks.clinic.example/ptfx?token=abc',
      'http://localhost:8080/hook',
      'http://127.0.0.1/hook',
      'http://[::1]:9000/',
    ]) {
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
});
