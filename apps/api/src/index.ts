// The public surface of @ptfx/api: the app factory and its type (for a typed `hc` client).
export { type AppType, createApp, MAX_HEADER_BYTES, MAX_URL_LENGTH } from './app.js';
export type { ApiDeps, ApiEnv, Logger, LogLine } from './app-types.js';
export {
  type ClinicOrigin,
  ClinicSource,
  type LoadResult,
  loadClinic,
  sampleClinicPath,
} from './clinic-source.js';
export { type ApiConfig, parseConfig } from './config.js';
export { mintStaffToken, StaffDirectory } from './http/staff-auth.js';
export { createJsonLogger, type LogSinks } from './logger.js';
export { SUPPORTED_NODE, unsupportedNode } from './node-support.js';
export {
  DEFAULT_TIMEOUTS,
  type RunningServer,
  type ServerTimeouts,
  startServer,
} from './runtime.js';
export { ClinicSnapshot } from './snapshot.js';
