// How the adapters keep personal fields unreadable at rest: they never see a key, only a
// FieldCipher. `data-key.ts` makes the AES-256-GCM one from PTFX_DATA_KEY; PLAINTEXT is what a
// development store without a key uses (and says so loudly at start).

/**
 * Seals and opens one text field of one row. The adapters call it for a request's content (AAD
 * `consultation_requests:<id>`) and a staff note (AAD `status_history:<request id>`), so a sealed
 * value moved to another row does not open.
 */
export interface FieldCipher {
  /** The key id new values are sealed under; `null` when values are stored as plaintext. */
  readonly currentKeyId: string | null;
  /**
   * Seals `plaintext` under the current key. `keyId` is what the row stores beside `text`
   * (`null` and the plaintext itself when there is no key).
   */
  seal(plaintext: string, aad: string): { readonly keyId: string | null; readonly text: string };
  /**
   * Opens what {@link seal} made. `keyId` null means `text` is plaintext.
   *
   * @throws DataKeyError when the key is not configured or the value does not authenticate.
   */
  open(keyId: string | null, text: string, aad: string): string;
}

/** A sealed value cannot be opened: the key is not configured here, or it is the wrong one. */
export class DataKeyError extends Error {
  override readonly name = 'DataKeyError';
  constructor(
    /** `missing-key`: no configured key has this id. `unauthentic`: the key or the value is wrong. */
    readonly reason: 'missing-key' | 'unauthentic',
    /** The key id the value was sealed under. Never the key. */
    readonly keyId: string,
    options?: { cause?: unknown },
  ) {
    super(
      reason === 'missing-key'
        ? `data sealed under key ${keyId} cannot be opened: no key with that id is in PTFX_DATA_KEY; add the key that sealed it (keep old keys after the current one until "admin rotate-key" has re-sealed every row)`
        : `data sealed under key ${keyId} does not authenticate: the key in PTFX_DATA_KEY with that id is not the one that sealed it, or the stored value was changed`,
      options,
    );
  }
}

/** No encryption: values are stored as given, with key id `null`. Development only. */
export const PLAINTEXT: FieldCipher = Object.freeze({
  currentKeyId: null,
  seal: (plaintext: string) => ({ keyId: null, text: plaintext }),
  open(keyId: string | null, text: string): string {
    if (keyId !== null) throw new DataKeyError('missing-key', keyId);
    return text;
  },
});
