// The admin commands for data keys: `mint-data-key` makes a key for PTFX_DATA_KEY, `rotate-key`
// re-seals every stored request and staff note under the current (first) key, in batches, while
// the server keeps running. admin.ts dispatches to these.
import {
  aesGcmCipher,
  DataKeyError,
  describeTarget,
  MINT_DATA_KEY_COMMAND,
  mintDataKey,
  openStore,
  type Store,
} from '@ptfx/intake';
import { type AdminEnv, type AdminOutput, adminConfig, adminStoreFailure } from './admin-store.js';

/** Rows re-sealed per `rotateKeys` call (one transaction each). */
export const ROTATE_BATCH = 500;

/** How many batches in a row may re-seal nothing while rows remain, before rotate-key gives up. */
const STALLED_BATCHES = 3;

/** The help text of the data-key commands, for admin's usage. */
export const DATA_KEY_HELP = `  mint-data-key       Make a new random data key (32 bytes) for PTFX_DATA_KEY. Prints the key
                      and its id. Keep the key in your secrets manager, not beside the
                      database or its backups: without it the stored requests cannot be read.
  rotate-key          Re-encrypt every stored request and staff note under the current key (the
                      first in PTFX_DATA_KEY), ${ROTATE_BATCH} rows per transaction, while the
                      server keeps running; rows stored unencrypted (before PTFX_DATA_KEY was
                      set) are encrypted too. To retire a key: mint a new one, put it first in
                      PTFX_DATA_KEY (keep the old ones after it), restart every instance, run
                      rotate-key until it reports 0 remaining, then remove the old keys.`;

/** `admin mint-data-key`: prints a new key and its id. Exit code 0. */
export function mintDataKeyCommand(io: AdminOutput): number {
  const key = mintDataKey();
  io.out(
    `new data key (id ${key.id}); keep it in your secrets manager, not beside the database or its backups:\n${key.text}\n\n` +
      'to start encrypting: set PTFX_DATA_KEY to it\n' +
      `to rotate: put it FIRST in PTFX_DATA_KEY, keep the old key(s) after it (comma-separated), restart every instance, then run "admin rotate-key"\n`,
  );
  return 0;
}

/** A `byKey` tally as words: `key AbC…: 12, unencrypted: 3`. */
function tally(byKey: Readonly<Record<string, number>>): string {
  const parts = Object.entries(byKey)
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${id === 'null' ? 'unencrypted' : `key ${id}`}: ${n}`);
  return parts.length > 0 ? parts.join(', ') : 'no rows';
}

/**
 * `admin rotate-key`: opens the store DATABASE_URL names with the cipher from PTFX_DATA_KEY and
 * calls `store.rotateKeys({ limit: 500 })` until nothing remains, printing progress. Refuses
 * (before re-sealing anything else) when rows are sealed under a key id PTFX_DATA_KEY lacks.
 * Resolves to the exit code: 0 done, 1 the store failed or rows could not be re-sealed,
 * 2 configuration error.
 */
export async function rotateKeyCommand(
  env: AdminEnv,
  cwd: string,
  io: AdminOutput,
): Promise<number> {
  const config = adminConfig(env, io);
  if (config === undefined) return 2;
  const { database, dataKeys } = config;
  if (!dataKeys) {
    io.err(
      `admin: rotate-key needs PTFX_DATA_KEY (the key to encrypt under first, then any older keys); mint a key with "${MINT_DATA_KEY_COMMAND}"\n`,
    );
    return 2;
  }
  const cipher = aesGcmCipher(dataKeys);
  const current = cipher.currentKeyId ?? '';
  const configured = new Set(dataKeys.map((k) => k.id));
  const where = describeTarget(database, cwd);
  let store: Store | undefined;
  try {
    store = await openStore(database, cwd, { cipher });
    io.out(`rotating ${where} to key ${current}, ${ROTATE_BATCH} rows per batch\n`);
    let total = 0;
    let stalled = 0;
    for (let batch = 1; ; batch++) {
      const result = await store.rotateKeys({ limit: ROTATE_BATCH });
      total += result.resealed;
      const unknown = Object.entries(result.byKey)
        .filter(([id, n]) => n > 0 && id !== 'null' && !configured.has(id))
        .map(([id, n]) => `${id} (${n} row(s))`);
      if (unknown.length > 0) {
        io.err(
          `admin: rows in ${where} are encrypted under key(s) ${unknown.join(', ')} that PTFX_DATA_KEY does not hold, so they cannot be re-encrypted; add those keys to PTFX_DATA_KEY after the current one and run rotate-key again (${total} row(s) re-encrypted so far; nothing was lost)\n`,
        );
        return 1;
      }
      io.out(
        `batch ${batch}: re-encrypted ${result.resealed} (total ${total}), ${result.remaining} remaining; ${tally(result.byKey)}\n`,
      );
      if (result.remaining === 0) break;
      stalled = result.resealed === 0 ? stalled + 1 : 0;
      if (stalled >= STALLED_BATCHES) {
        io.err(
          `admin: ${result.remaining} row(s) in ${where} could not be re-encrypted in ${STALLED_BATCHES} batches in a row; run rotate-key again (nothing was lost)\n`,
        );
        return 1;
      }
    }
    const retired = dataKeys.slice(1).map((k) => k.id);
    io.out(
      `done: every request and note is encrypted under key ${current}${
        retired.length > 0
          ? `; key(s) ${retired.join(', ')} may now be removed from PTFX_DATA_KEY (restart every instance after)`
          : ''
      }\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DataKeyError) {
      io.err(
        error.reason === 'missing-key'
          ? `admin: rows in ${where} are encrypted under key ${error.keyId}, which PTFX_DATA_KEY does not hold, so they cannot be re-encrypted; add that key to PTFX_DATA_KEY after the current one and run rotate-key again (nothing was lost)\n`
          : `admin: a row in ${where} sealed under key ${error.keyId} does not decrypt with that key (the stored value was altered, or the key is not the one that sealed it); nothing was changed in that batch\n`,
      );
      return 1;
    }
    return adminStoreFailure(
      error,
      where,
      io,
      ', then run rotate-key again (it carries on where it stopped)',
    );
  } finally {
    await store?.close();
  }
}
