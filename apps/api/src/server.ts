// The API process: parse the environment, load the clinic, serve, reload on SIGHUP (and on file
// change with PTFX_WATCH=1), drain on SIGTERM/SIGINT and exit 0; on an uncaught exception or
// unhandled rejection, log it, drain and exit 70 (process-policy.ts).
import { resolve } from 'node:path';
import {
  aesGcmCipher,
  describeTarget,
  MINT_DATA_KEY_COMMAND,
  openStore,
  PLAINTEXT,
  type Store,
  StoreConfigError,
  StoreUnavailableError,
  scheduleRetention,
} from '@ptfx/intake';
import { type ClinicOrigin, ClinicSource, loadClinic } from './clinic-source.js';
import { parseConfig } from './config.js';
import { createJsonLogger, fdSink } from './logger.js';
import { unsupportedNode } from './node-support.js';
import { startOutbox } from './outbox.js';
import { FATAL_EXIT_CODE, installProcessPolicy } from './process-policy.js';
import { startServer } from './runtime.js';

function fail(lines: readonly string[]): never {
  for (const line of lines) process.stderr.write(`ptfx api: ${line}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const unsupported = unsupportedNode(process.versions.node);
  if (unsupported) fail([unsupported]);
  const parsed = parseConfig(process.env);
  if (!parsed.ok) fail([...parsed.errors, 'fix the variable(s) above and start again']);
  const config = parsed.config;
  const logger = createJsonLogger(config.logLevel, {
    out: (bytes) => process.stdout.write(bytes),
    err: (bytes) => process.stderr.write(bytes),
    outSync: fdSink(1),
    errSync: fdSink(2),
  });
  process.once('exit', () => logger.flush());
  // Store close gets 5 s beyond the drain before the process exits anyway.
  const policy = installProcessPolicy({ logger, deadlineMs: config.shutdownTimeoutMs + 5_000 });
  const origin: ClinicOrigin = config.dataFile
    ? { kind: 'file', path: resolve(config.dataFile) }
    : { kind: 'sample' };
  const loaded = await loadClinic(origin, config.baseUrl, new Date());
  if (!loaded.ok)
    fail([
      ...loaded.errors,
      `the clinic data has ${loaded.errors.length} problem(s); fix the file and start again`,
    ]);
  for (const warning of loaded.warnings) logger.info({ event: 'data-warning', message: warning });

  const where = describeTarget(config.database, process.cwd());
  // Personal fields are sealed before they reach the store; without PTFX_DATA_KEY (development
  // only: config refuses production) they are stored as sent, and we say so where it is seen.
  const cipher = config.dataKeys ? aesGcmCipher(config.dataKeys) : PLAINTEXT;
  if (config.dataKeys) {
    logger.info({
      event: 'storage-encrypted',
      keyId: cipher.currentKeyId ?? undefined,
      opens: config.dataKeys.map((k) => k.id).join(','),
    });
  } else {
    logger.error({
      event: 'storage-unencrypted',
      level: 'warn',
      message: `WARNING: PTFX_DATA_KEY is not set, so consultation requests are stored UNENCRYPTED in ${where}; fine for development only (NODE_ENV=production refuses to start without it). Mint a key with "${MINT_DATA_KEY_COMMAND}"`,
    });
  }
  const store: Store = await openStore(config.database, process.cwd(), { cipher }).catch(
    (error: unknown) =>
      fail([
        error instanceof StoreConfigError
          ? `${where}: ${error.message}`
          : error instanceof StoreUnavailableError
            ? `cannot open ${where} (${error.reason}); check DATABASE_URL and that the database is up`
            : `cannot open ${where}: ${error instanceof Error ? error.message : String(error)}`,
      ]),
  );
  logger.info({ event: 'store', store: where });
  if (config.staffTokens.length === 0) {
    logger.info({
      event: 'staff-access-off',
      message: 'PTFX_STAFF_TOKENS is not set: staff routes answer 503',
    });
  }
  // The transactional outbox: announcements are stored with their requests and sent from here.
  const outbox = config.webhook
    ? startOutbox({ webhook: config.webhook, store, baseUrl: config.baseUrl, logger })
    : undefined;
  const retention = scheduleRetention({
    store,
    days: config.retentionDays,
    logger,
    clock: () => new Date(),
  });

  const source = new ClinicSource(loaded.snapshot, origin, config.baseUrl);
  const running = await startServer({
    config,
    source,
    origin,
    logger,
    store,
    ...(outbox ? { outbox } : {}),
  }).catch((error: NodeJS.ErrnoException) =>
    fail([
      error.code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is in use; set PORT to another port`
        : `cannot listen on ${config.host}:${config.port} (${error.code ?? error.message})`,
    ]),
  );
  const { address, port } = running.address;
  logger.info({
    event: 'listening',
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    data: origin.kind === 'file' ? origin.path : 'sample clinic',
  });
  process.on('SIGHUP', () => void running.reload('SIGHUP'));
  policy.setStop(() => {
    retention.stop();
    return running.shutdown('fatal');
  });
  const stop = (signal: string) => {
    retention.stop();
    void running.shutdown(signal).then(() => process.exit(policy.failed ? FATAL_EXIT_CODE : 0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) =>
  fail([`could not start: ${error instanceof Error ? error.message : String(error)}`]),
);
