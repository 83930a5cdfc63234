// The `ptfx` API process: parse the environment, load the clinic, serve, reload on SIGHUP (and
// on file change with PTFX_WATCH=1), and drain gracefully on SIGTERM/SIGINT.
import { type FSWatcher, watch } from 'node:fs';
import { Server } from 'node:http';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { Logger, LogLine } from './app-types.js';
import { type ClinicOrigin, ClinicSource, loadClinic } from './clinic-source.js';
import { type ApiConfig, parseConfig } from './config.js';

function jsonLogger(level: ApiConfig['logLevel']): Logger {
  const write = (stream: NodeJS.WriteStream, line: LogLine) => stream.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
  return {
    info: (line) => {
      if (level === 'info') write(process.stdout, line);
    },
    error: (line) => write(process.stderr, line),
  };
}

function fail(lines: readonly string[]): never {
  for (const line of lines) process.stderr.write(`ptfx api: ${line}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) fail([...parsed.errors, 'fix the variable(s) above and start again']);
  const config = parsed.config;
  const logger = jsonLogger(config.logLevel);
  const origin: ClinicOrigin = config.dataFile ? { kind: 'file', path: resolve(config.dataFile) } : { kind: 'sample' };
  const loaded = await loadClinic(origin, config.baseUrl, new Date());
  if (!loaded.ok) fail([...loaded.errors, `the clinic data has ${loaded.errors.length} problem(s); fix the file and start again`]);
  for (const warning of loaded.warnings) logger.info({ event: 'data-warning', message: warning });

  let ready = false;
  let draining = false;
  const source = new ClinicSource(loaded.snapshot, origin, config.baseUrl);
  const app = createApp({ source, clock: () => new Date(), logger, readiness: { isReady: () => ready && !draining }, config });

  const served = serve(
    {
      fetch: app.fetch,
      port: config.port,
      hostname: config.host,
      // Room above the app's own 16 KiB check, so oversized headers get a problem+json 431.
      serverOptions: { maxHeaderSize: 64 * 1024, requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 },
    },
    (info) => {
      ready = true;
      logger.info({ event: 'listening', url: `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`, data: origin.kind === 'file' ? origin.path : 'sample clinic' });
    },
  );
  if (!(served instanceof Server)) throw new Error('expected an HTTP/1.1 server');
  const server = served;
  server.on('error', (error: NodeJS.ErrnoException) => {
    fail([error.code === 'EADDRINUSE' ? `port ${config.port} on ${config.host} is in use; set PORT to another port` : `cannot listen on ${config.host}:${config.port} (${error.code ?? error.message})`]);
  });

  const reload = async (why: string) => {
    const result = await source.reload();
    if (result.ok) logger.info({ event: 'reloaded', why, warnings: result.warnings.length });
    else {
      logger.error({ event: 'reload-refused', why, problems: result.errors.length, message: 'the old data keeps serving' });
      for (const line of result.errors) logger.error({ event: 'reload-problem', message: line });
    }
  };
  process.on('SIGHUP', () => void reload('SIGHUP'));
  let watcher: FSWatcher | undefined;
  if (config.watch && origin.kind === 'file') {
    let timer: NodeJS.Timeout | undefined;
    watcher = watch(origin.path, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload('file changed'), 150);
    });
  }

  const shutdown = (signal: string) => {
    if (draining) return;
    draining = true;
    logger.info({ event: 'draining', signal });
    watcher?.close();
    const deadline = setTimeout(() => {
      logger.error({ event: 'shutdown-deadline', message: 'connections still open; closing them' });
      server.closeAllConnections();
      process.exit(0);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    // close() stops accepting, lets in-flight requests finish and, on Node 19+, closes idle keep-alive sockets.
    server.close(() => {
      logger.info({ event: 'stopped' });
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => fail([`could not start: ${error instanceof Error ? error.message : String(error)}`]));
