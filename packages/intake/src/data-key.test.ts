import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DataKeyError, type FieldCipher } from './cipher.js';
import {
  aesGcmCipher,
  DATA_KEY_BYTES,
  DataKeyFormatError,
  dataKeyFromBytes,
  dataKeyId,
  mintDataKey,
  parseDataKeys,
} from './data-key.js';

const AAD = 'consultation_requests:0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11';
const TEXT = JSON.stringify({ name: { given: 'Ada', family: 'Lovelace' }, reason: 'Knie – ü 😀' });

/** What `fn` throws; fails the test when it throws nothing. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, got none');
}

function cipherOf(...texts: string[]): FieldCipher {
  return aesGcmCipher(parseDataKeys(texts.join(',')));
}

/** The sealed bytes of a `v1.` text, and back. */
const bytesOf = (text: string) => Buffer.from(text.slice(3), 'base64url');
const textOf = (bytes: Buffer) => `v1.${bytes.toString('base64url')}`;

describe('dataKeyId', () => {
  it('is the first 12 characters of base64url(SHA-256("ptfx-data-key-id:" ‖ key))', () => {
    const key = Buffer.alloc(32, 7);
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.from('ptfx-data-key-id:'), key]))
      .digest('base64url')
      .slice(0, 12);
    expect(dataKeyId(key)).toBe(expected);
    expect(dataKeyId(key)).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('is stable: pinned for a fixed key, so stored key ids keep meaning the same key', () => {
    // These values must never change: rows in the field carry ids like them.
    expect(dataKeyId(Buffer.alloc(32))).toBe('EMgXP9aKVFSA');
    expect(dataKeyId(Buffer.alloc(32, 255))).toBe('5XBjJC01Z8lB');
    expect(dataKeyId(Buffer.alloc(32))).toBe(dataKeyId(new Uint8Array(32)));
    const [key] = parseDataKeys(Buffer.alloc(32).toString('base64'));
    expect(key?.id).toBe(dataKeyId(Buffer.alloc(32)));
  });

  it('differs between keys and is the same whether the key is written in base64 or base64url', () => {
    const bytes = Buffer.from('fb/+fb/+fb/+fb/+fb/+fb/+fb/+fb/+fb/+fb/+fb8=', 'base64');
    expect(bytes.length).toBe(32);
    const a = parseDataKeys(bytes.toString('base64'));
    const b = parseDataKeys(bytes.toString('base64url'));
    const c = parseDataKeys(bytes.toString('base64').replace(/=$/, ''));
    expect(a[0]?.id).toBe(b[0]?.id);
    expect(a[0]?.id).toBe(c[0]?.id);
    expect(a[0]?.id).toBe(dataKeyId(bytes));
    const ids = new Set(Array.from({ length: 200 }, () => dataKeyId(randomBytes(32))));
    expect(ids.size).toBe(200);
  });
});

describe('mintDataKey', () => {
  it('makes a fresh 32-byte base64url key each time, which PTFX_DATA_KEY accepts with the id it prints', () => {
    const one = mintDataKey();
    const two = mintDataKey();
    expect(one.text).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(one.text, 'base64url')).toHaveLength(DATA_KEY_BYTES);
    expect(one.text).not.toBe(two.text);
    expect(one.id).not.toBe(two.id);
    expect(parseDataKeys(one.text)[0]?.id).toBe(one.id);
  });
});

describe('parseDataKeys', () => {
  it('reads comma-separated keys, the first being current, spaces around entries ignored', () => {
    const a = mintDataKey();
    const b = mintDataKey();
    const keys = parseDataKeys(` ${a.text} ,\n${b.text} `);
    expect(keys.map((k) => k.id)).toEqual([a.id, b.id]);
  });

  it('never shows the key when a parsed key is logged or serialized', () => {
    const minted = mintDataKey();
    const [key] = parseDataKeys(minted.text);
    const b64 = Buffer.from(minted.text, 'base64url').toString('base64');
    for (const shown of [JSON.stringify(key), inspect(key, { depth: 10, showHidden: true })]) {
      expect(shown).toContain(minted.id);
      expect(shown).not.toContain(minted.text);
      expect(shown).not.toContain(b64.slice(0, 20));
    }
  });

  const good = mintDataKey().text;
  const secretish = `${good.slice(0, 40)}!!!`;
  it.each([
    ['', /^PTFX_DATA_KEY is empty; .*admin mint-data-key/],
    ['  ', /^PTFX_DATA_KEY is empty/],
    [`${good},`, /^PTFX_DATA_KEY entry 2 of 2 is empty/],
    [`,${good}`, /^PTFX_DATA_KEY entry 1 of 2 is empty/],
    [`${good},,${mintDataKey().text}`, /^PTFX_DATA_KEY entry 2 of 3 is empty/],
    [secretish, /^PTFX_DATA_KEY entry 1 of 1 is not a data key \(43 characters\).*mint-data-key/],
    [
      `${good},${good.slice(0, 42)}`,
      /^PTFX_DATA_KEY entry 2 of 2 is not a data key \(42 characters\)/,
    ],
    [`${good}A`, /entry 1 of 1 is not a data key \(44 characters\)/],
    [randomBytes(32).toString('hex'), /entry 1 of 1 is not a data key \(64 characters\)/],
    [randomBytes(16).toString('base64'), /entry 1 of 1 is not a data key \(24 characters\)/],
    [randomBytes(33).toString('base64'), /entry 1 of 1 is not a data key \(44 characters\)/],
    [`${good.slice(0, 42)}=`, /entry 1 of 1 is not a data key/],
    ['a+b-'.repeat(10).concat('abc'), /entry 1 of 1 is not a data key/],
  ])('refuses %j, naming PTFX_DATA_KEY and the entry, never its text', (text, message) => {
    const error = thrownBy(() => parseDataKeys(text));
    expect(error).toBeInstanceOf(DataKeyFormatError);
    const shown = (error as Error).message;
    expect(shown).toMatch(message);
    for (const entry of text.split(',').map((e) => e.trim()))
      if (entry.length >= 8) expect(shown).not.toContain(entry.slice(0, 8));
  });

  it('refuses a key listed twice, in either spelling, naming both entries and the key id', () => {
    const bytes = randomBytes(32);
    const other = mintDataKey().text;
    const error = thrownBy(() =>
      parseDataKeys(`${bytes.toString('base64')},${other},${bytes.toString('base64url')}`),
    );
    expect(error).toBeInstanceOf(DataKeyFormatError);
    expect((error as Error).message).toBe(
      `PTFX_DATA_KEY entries 1 and 3 are the same key (id ${dataKeyId(bytes)}); list each key once, the current key first`,
    );
  });

  it('makes a key from exactly 32 bytes and nothing else', () => {
    expect(dataKeyFromBytes(Buffer.alloc(32, 1)).id).toBe(dataKeyId(Buffer.alloc(32, 1)));
    expect(() => dataKeyFromBytes(Buffer.alloc(31))).toThrow(RangeError);
    expect(() => dataKeyFromBytes(Buffer.alloc(33))).toThrow(RangeError);
  });
});

describe('aesGcmCipher', () => {
  const a = mintDataKey();
  const b = mintDataKey();

  it('seals under the first key and opens what it sealed (round trip, any Unicode, empty text)', () => {
    const cipher = cipherOf(a.text, b.text);
    expect(cipher.currentKeyId).toBe(a.id);
    for (const text of [TEXT, '', 'x'.repeat(100_000), '\u0000\uffff\ud83d\ude00']) {
      const sealed = cipher.seal(text, AAD);
      expect(sealed.keyId).toBe(a.id);
      expect(sealed.text).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
      // 12-byte IV ‖ ciphertext (as long as the UTF-8 text) ‖ 16-byte tag.
      expect(bytesOf(sealed.text).length).toBe(12 + Buffer.byteLength(text) + 16);
      expect(cipher.open(sealed.keyId, sealed.text, AAD)).toBe(text);
    }
  });

  it('hides the text: nothing of it in the sealed value, and a fresh IV each time', () => {
    const cipher = cipherOf(a.text);
    const one = cipher.seal(TEXT, AAD);
    const two = cipher.seal(TEXT, AAD);
    expect(one.text).not.toBe(two.text);
    expect(bytesOf(one.text).subarray(0, 12).equals(bytesOf(two.text).subarray(0, 12))).toBe(false);
    for (const sealed of [one.text, Buffer.from(bytesOf(one.text)).toString('latin1')]) {
      expect(sealed).not.toContain('Lovelace');
      expect(sealed).not.toContain(Buffer.from('Lovelace').toString('base64url'));
    }
  });

  it('opens with a later key in the list: an old key still opens what it sealed', () => {
    const sealed = cipherOf(a.text).seal(TEXT, AAD);
    const rotated = cipherOf(b.text, a.text);
    expect(rotated.currentKeyId).toBe(b.id);
    expect(rotated.open(sealed.keyId, sealed.text, AAD)).toBe(TEXT);
    expect(rotated.seal(TEXT, AAD).keyId).toBe(b.id);
  });

  it('opens a plaintext row (key id null, stored before encryption) as it is', () => {
    expect(cipherOf(a.text).open(null, TEXT, AAD)).toBe(TEXT);
  });

  it('binds the value to its AAD: moved to another row, it does not open', () => {
    const cipher = cipherOf(a.text);
    const sealed = cipher.seal(TEXT, AAD);
    for (const other of [`${AAD}x`, 'status_history:0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11', '']) {
      const error = thrownBy(() => cipher.open(sealed.keyId, sealed.text, other));
      expect(error).toBeInstanceOf(DataKeyError);
      expect(error).toMatchObject({ reason: 'unauthentic', keyId: a.id });
    }
  });

  it('detects tampering with any byte of IV, ciphertext or tag, and truncation', () => {
    const cipher = cipherOf(a.text);
    const sealed = cipher.seal(TEXT, AAD);
    const bytes = bytesOf(sealed.text);
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      changed[i] = (changed[i] ?? 0) ^ (1 << (i % 8));
      expect(() => cipher.open(sealed.keyId, textOf(changed), AAD), `byte ${i}`).toThrow(
        DataKeyError,
      );
    }
    for (const cut of [
      bytes.subarray(0, bytes.length - 1),
      bytes.subarray(1),
      bytes.subarray(0, 28),
    ])
      expect(() => cipher.open(sealed.keyId, textOf(cut), AAD)).toThrow(DataKeyError);
  });

  it.each([
    ['no prefix', (t: string) => t.slice(3)],
    ['another version', (t: string) => `v2.${t.slice(3)}`],
    ['not base64url', (t: string) => `${t.slice(0, 10)}+/${t.slice(12)}`],
    ['padding', (t: string) => `${t}==`],
    ['too short for IV and tag', () => `v1.${Buffer.alloc(27).toString('base64url')}`],
    ['empty', () => ''],
    ['plaintext JSON', () => TEXT],
  ])('refuses a malformed sealed value (%s) as unauthentic', (_, change) => {
    const cipher = cipherOf(a.text);
    const sealed = cipher.seal(TEXT, AAD);
    const error = thrownBy(() => cipher.open(sealed.keyId, change(sealed.text), AAD));
    expect(error).toBeInstanceOf(DataKeyError);
    expect(error).toMatchObject({ reason: 'unauthentic', keyId: a.id });
  });

  it('says missing-key, naming the id, when the key that sealed it is not configured', () => {
    const sealed = cipherOf(a.text).seal(TEXT, AAD);
    const error = thrownBy(() => cipherOf(b.text).open(sealed.keyId, sealed.text, AAD));
    expect(error).toBeInstanceOf(DataKeyError);
    expect(error).toMatchObject({ reason: 'missing-key', keyId: a.id });
    expect((error as Error).message).toContain(a.id);
    expect((error as Error).message).toContain('PTFX_DATA_KEY');
    expect((error as Error).message).not.toContain(a.text);
  });

  it('says unauthentic when a different key is configured under the id (wrong key)', () => {
    const sealed = cipherOf(a.text).seal(TEXT, AAD);
    // A store whose rows claim key b's id but were sealed under a.
    const error = thrownBy(() => cipherOf(b.text).open(b.id, sealed.text, AAD));
    expect(error).toBeInstanceOf(DataKeyError);
    expect(error).toMatchObject({ reason: 'unauthentic', keyId: b.id });
    expect((error as Error).message).not.toContain(b.text);
    expect((error as Error).message).not.toContain(TEXT);
  });

  it('needs at least one key, each once', () => {
    expect(() => aesGcmCipher([])).toThrow(RangeError);
    const [key] = parseDataKeys(a.text);
    if (!key) throw new Error('no key');
    expect(() => aesGcmCipher([key, key])).toThrow(RangeError);
  });
});
