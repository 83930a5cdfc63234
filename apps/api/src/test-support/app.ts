import { createApp } from '../app.js';
import type { ApiDeps, LogLine } from '../app-types.js';
import { ClinicSource, loadClinic } from '../clinic-source.js';

/** The app on the sample clinic, with a fixed clock and a log that tests can read. */
export async function sampleApp(
  options: {
    now?: Date;
    ready?: boolean;
    corsOrigins?: ApiDeps['config']['corsOrigins'];
    bodyLimit?: number;
  } = {},
) {
  const now = options.now ?? new Date('2026-11-25T18:00:00Z'); // a Wednesday, 10:00 in San Diego
  const loaded = await loadClinic({ kind: 'sample' }, 'http://api.test', now);
  if (!loaded.ok) throw new Error(`sample clinic: ${loaded.errors.join('\n')}`);
  const logs: LogLine[] = [];
  const source = new ClinicSource(loaded.snapshot, { kind: 'sample' }, 'http://api.test');
  const app = createApp({
    source,
    clock: () => now,
    logger: { info: (l) => logs.push(l), error: (l) => logs.push(l) },
    readiness: { isReady: () => options.ready ?? true },
    config: {
      corsOrigins: options.corsOrigins ?? '*',
      bodyLimit: options.bodyLimit ?? 1024 * 1024,
      baseUrl: 'http://api.test',
    },
  });
  return { app, logs, source };
}
