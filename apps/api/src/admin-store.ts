// What every admin command that uses the store shares: the configuration read from the
// environment, the store opened (with the data keys when PTFX_DATA_KEY is set) and closed, and
// a failure said in one line with the exit code (2 configuration, 1 the store failed).
import {
  aesGcmCipher,
  describeTarget,
  openStore,
  type Store,
  StoreConfigError,
  StoreUnavailableError,
} from '@ptfx/intake';
import { type ApiConfig, parseConfig } from './config.js';

/** Where the commands write: the admin's stdout and stderr. */
export interface AdminOutput {
  out(text: string): void;
  err(text: string): void;
}

/** The environment the commands read (DATABASE_URL, PTFX_DATA_KEY, …). */
export type AdminEnv = Readonly<Record<string, string | undefined>>;

/** The API's configuration from `env`, or undefined after writing every problem to `io`. */
export function adminConfig(env: AdminEnv, io: AdminOutput): ApiConfig | undefined {
  const parsed = parseConfig(env);
  if (parsed.ok) return parsed.config;
  for (const error of parsed.errors) io.err(`admin: ${error}\n`);
  return undefined;
}

/**
 * Says why the store at `where` failed and gives the exit code: 2 when it cannot be used as
 * configured, 1 otherwise. `retry` is added to an unavailable store's message.
 */
export function adminStoreFailure(
  error: unknown,
  where: string,
  io: AdminOutput,
  retry = '',
): number {
  const why =
    error instanceof StoreConfigError
      ? error.message
      : error instanceof StoreUnavailableError
        ? `unavailable (${error.reason}); check DATABASE_URL and that the database is up${retry}`
        : error instanceof Error
          ? error.message
          : String(error);
  io.err(`admin: ${where}: ${why}\n`);
  return error instanceof StoreConfigError ? 2 : 1;
}

/**
 * Opens the store DATABASE_URL names (sealing and opening with PTFX_DATA_KEY's keys when set),
 * runs `run` and closes it. Resolves to `run`'s exit code, or 2 / 1 as {@link adminStoreFailure}.
 */
export async function withAdminStore(
  env: AdminEnv,
  cwd: string,
  io: AdminOutput,
  run: (store: Store, config: ApiConfig) => Promise<number>,
): Promise<number> {
  const config = adminConfig(env, io);
  if (config === undefined) return 2;
  const where = describeTarget(config.database, cwd);
  try {
    const store = await openStore(
      config.database,
      cwd,
      config.dataKeys ? { cipher: aesGcmCipher(config.dataKeys) } : {},
    );
    try {
      return await run(store, config);
    } finally {
      await store.close();
    }
  } catch (error) {
    return adminStoreFailure(error, where, io);
  }
}
