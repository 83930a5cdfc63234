// The keys that keep personal fields unreadable at rest, and the AES-256-GCM FieldCipher made
// from them. PTFX_DATA_KEY is a comma-separated list of 32-byte keys (base64 or base64url): the
// first seals, every one opens, so a key is retired by putting a new one first, running
// `admin rotate-key` until nothing is left under the old one, then removing it. A key's id is
// derived from the key (never configured), stored beside each sealed value, and safe to log.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { DataKeyError, type FieldCipher } from './cipher.js';

/** A data key's length in bytes (AES-256). */
export const DATA_KEY_BYTES = 32;

/** The command that mints a data key, for messages that tell an operator what to do. */
export const MINT_DATA_KEY_COMMAND = 'pnpm --filter @ptfx/api admin mint-data-key';

/** The sealed text's version prefix: `v1.<base64url(iv ‖ ciphertext ‖ tag)>`. */
const SEALED_PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_CONTEXT = 'ptfx-data-key-id:';

/**
 * One data key: its id (safe to log and to store) and the key itself as a node:crypto
 * `KeyObject`, which neither `JSON.stringify` nor `util.inspect` reveals.
 */
export interface DataKey {
  /** {@link dataKeyId} of the key's bytes. */
  readonly id: string;
  /** The AES-256 key. */
  readonly key: KeyObject;
}

/** PTFX_DATA_KEY cannot be used as written. The message names the entry, never its text. */
export class DataKeyFormatError extends Error {
  override readonly name = 'DataKeyFormatError';
}

/**
 * A key's id: the first 12 characters of base64url(SHA-256("ptfx-data-key-id:" ‖ key)). It tells
 * keys apart (72 bits) without revealing anything about them.
 *
 * @example dataKeyId(Buffer.alloc(32)) // the same 12 characters on every machine, every run
 */
export function dataKeyId(key: Uint8Array): string {
  return createHash('sha256')
    .update(KEY_ID_CONTEXT, 'utf8')
    .update(key)
    .digest('base64url')
    .slice(0, 12);
}

/** A {@link DataKey} from its 32 bytes. Throws RangeError for another length. */
export function dataKeyFromBytes(bytes: Uint8Array): DataKey {
  if (bytes.length !== DATA_KEY_BYTES)
    throw new RangeError(`a data key is ${DATA_KEY_BYTES} bytes, got ${bytes.length}`);
  return { id: dataKeyId(bytes), key: createSecretKey(Buffer.from(bytes)) };
}

/**
 * A new random data key (32 bytes from the operating system's CSPRNG), as the base64url text to
 * put in PTFX_DATA_KEY and its id.
 */
export function mintDataKey(): { readonly text: string; readonly id: string } {
  const bytes = randomBytes(DATA_KEY_BYTES);
  return { text: bytes.toString('base64url'), id: dataKeyId(bytes) };
}

/** 32 bytes in base64 (43 characters and one `=`, or without it) or base64url (43). */
const KEY_TEXT = /^(?:[A-Za-z0-9+/]{43}=?|[A-Za-z0-9_-]{43})$/;

/**
 * Parses PTFX_DATA_KEY: comma-separated keys of exactly 32 bytes, each in base64 or base64url
 * (spaces around an entry are ignored). The first is the current key, which seals; the others
 * only open. Throws {@link DataKeyFormatError} naming PTFX_DATA_KEY and the entry's number (never
 * its text) for an empty list, an empty entry, an entry that is not 32 bytes in base64(url), and
 * a key listed twice.
 *
 * @example
 * const keys = parseDataKeys(process.env.PTFX_DATA_KEY ?? '');
 * const cipher = aesGcmCipher(keys); // seals under keys[0]
 */
export function parseDataKeys(text: string): readonly DataKey[] {
  const mint = `mint one with "${MINT_DATA_KEY_COMMAND}"`;
  if (text.trim() === '')
    throw new DataKeyFormatError(`PTFX_DATA_KEY is empty; set it to a data key (${mint})`);
  const entries = text.split(',');
  const keys: DataKey[] = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of entries.entries()) {
    const n = index + 1;
    const entry = raw.trim();
    if (entry === '') {
      throw new DataKeyFormatError(
        `PTFX_DATA_KEY entry ${n} of ${entries.length} is empty; list keys separated by single commas, the current key first`,
      );
    }
    if (!KEY_TEXT.test(entry)) {
      throw new DataKeyFormatError(
        `PTFX_DATA_KEY entry ${n} of ${entries.length} is not a data key (${entry.length} characters): each key is ${DATA_KEY_BYTES} random bytes in base64 or base64url (43 characters, or 44 ending in "="); ${mint}`,
      );
    }
    const bytes = Buffer.from(
      entry,
      entry.includes('-') || entry.includes('_') ? 'base64url' : 'base64',
    );
    if (bytes.length !== DATA_KEY_BYTES) {
      // The pattern admits only 43 characters of data; kept as a guard against decoder changes.
      throw new DataKeyFormatError(
        `PTFX_DATA_KEY entry ${n} of ${entries.length} decodes to ${bytes.length} bytes, not ${DATA_KEY_BYTES}; ${mint}`,
      );
    }
    const key = dataKeyFromBytes(bytes);
    bytes.fill(0);
    const first = seen.get(key.id);
    if (first !== undefined) {
      throw new DataKeyFormatError(
        `PTFX_DATA_KEY entries ${first} and ${n} are the same key (id ${key.id}); list each key once, the current key first`,
      );
    }
    seen.set(key.id, n);
    keys.push(key);
  }
  return keys;
}

/**
 * The AES-256-GCM {@link FieldCipher} over `keys` (as {@link parseDataKeys} returns them): seals
 * under the first, opens under any. Each value gets a fresh 12-byte random IV and is bound to its
 * AAD (the row it belongs to), so a sealed value copied to another row does not open. Sealed
 * text is `v1.<base64url(iv ‖ ciphertext ‖ 16-byte tag)>`. A value with key id `null` is a row
 * stored before encryption was turned on: it opens as the plaintext it is (until `rotateKeys`
 * seals it).
 *
 * `open` throws {@link DataKeyError}: `missing-key` when no key has the value's id,
 * `unauthentic` when the value does not authenticate under that key or is malformed.
 */
export function aesGcmCipher(keys: readonly DataKey[]): FieldCipher {
  const current = keys[0];
  if (current === undefined) throw new RangeError('aesGcmCipher needs at least one data key');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  if (byId.size !== keys.length) throw new RangeError('aesGcmCipher was given a key twice');
  return Object.freeze({
    currentKeyId: current.id,
    seal(plaintext: string, aad: string) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = cipher.update(plaintext, 'utf8');
      const last = cipher.final();
      const sealed = Buffer.concat([iv, body, last, cipher.getAuthTag()]);
      return { keyId: current.id, text: `${SEALED_PREFIX}${sealed.toString('base64url')}` };
    },
    open(keyId: string | null, text: string, aad: string): string {
      if (keyId === null) return text;
      const key = byId.get(keyId);
      if (key === undefined) throw new DataKeyError('missing-key', keyId);
      const sealed = decodeSealed(text);
      if (sealed === undefined) throw new DataKeyError('unauthentic', keyId);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(aad, 'utf8'));
        decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
        const plain = Buffer.concat([
          decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch (error) {
        // node:crypto says only "Unsupported state or unable to authenticate data": no key, no text.
        throw new DataKeyError('unauthentic', keyId, { cause: error });
      }
    },
  });
}

const SEALED_BODY = /^[A-Za-z0-9_-]+$/;

/** The bytes of a `v1.` sealed text, or undefined when it is not one. */
function decodeSealed(text: string): Buffer | undefined {
  if (!text.startsWith(SEALED_PREFIX)) return undefined;
  const body = text.slice(SEALED_PREFIX.length);
  if (!SEALED_BODY.test(body) || body.length % 4 === 1) return undefined;
  const bytes = Buffer.from(body, 'base64url');
  return bytes.length >= IV_BYTES + TAG_BYTES ? bytes : undefined;
}
