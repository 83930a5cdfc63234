// Child process: the real ptfx API, built (../dist), on 127.0.0.1 with an OS-chosen port. Reports
// its port over IPC. The access log is on, as in production (PTFX_LOG=info, the server's own JSON
// logger), written to /dev/null instead of standard output; BENCH_LOG=silent turns it off.
// The store is the one DATABASE_URL names (the parent passes a temporary SQLite file or a private
// PostgreSQL database); PTFX_INTAKE_RATE_LIMIT and PTFX_TRUSTED_PROXIES come from the parent too. Personal fields are
// sealed as in production (AES-256-GCM under a key minted here; PTFX_DATA_KEY when given);
// BENCH_PLAINTEXT=1 stores them as sent, as development without a key does.
import { openSync, writeSync } from 'node:fs';
import { aesGcmCipher, mintDataKey, openStore, PLAINTEXT } from '@ptfx/intake';
import {
  ClinicSource,
  createJsonLogger,
  loadClinic,
  parseConfig,
  startServer,
} from '../dist/index.js';

const parsed = parseConfig({
  HOST: '127.0.0.1',
  PTFX_LOG: process.env.BENCH_LOG ?? 'info',
  DATABASE_URL: process.env.DATABASE_URL,
  PTFX_INTAKE_RATE_LIMIT: process.env.PTFX_INTAKE_RATE_LIMIT,
  PTFX_TRUSTED_PROXIES: process.env.PTFX_TRUSTED_PROXIES,
  ...(process.env.BENCH_PLAINTEXT === '1'
    ? {}
    : { PTFX_DATA_KEY: process.env.PTFX_DATA_KEY ?? mintDataKey().text }),
});
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
// PORT must be 1-65535 in the environment; port 0 (any free port) can only be set here.
const config = { ...parsed.config, port: 0 };
const origin = { kind: 'sample' };
const loaded = await loadClinic(origin, config.baseUrl, new Date());
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const devNull = openSync('/dev/null', 'w');
const logger = createJsonLogger(config.logLevel, {
  out: (bytes) => writeSync(devNull, bytes),
  err: (bytes) => process.stderr.write(bytes),
});
const source = new ClinicSource(loaded.snapshot, origin, config.baseUrl);
const cipher = config.dataKeys ? aesGcmCipher(config.dataKeys) : PLAINTEXT;
const store = await openStore(config.database, process.cwd(), { cipher });
const running = await startServer({ config, source, origin, logger, store });
process.send({ port: running.address.port });

// Exit through process.exit so that --cpu-prof, when given, writes its profile.
const stop = () => void running.shutdown('bench').then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
