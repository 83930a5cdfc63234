// Preloaded into a real server process by process-policy.int.test.ts (NODE_OPTIONS=--import=…):
// makes an error escape every handler, as a bug in a timer callback or a forgotten promise would.
// CRASH_TEST_KIND: `throw` (from a timer) or `reject` (a promise nobody awaits).
// CRASH_TEST_AT: `signal` (on SIGUSR2, the default) or `listen` (when the server is about to
// listen: it never does). The message carries CRASH_TEST_CANARY: it must never be logged.
import { Server } from 'node:net';

class CrashTestError extends Error {
  name = 'CrashTestError';
  code = 'ECRASHTEST';
}

function crash() {
  const error = new CrashTestError(
    `patient ${process.env.CRASH_TEST_CANARY ?? ''} could not be saved`,
  );
  if (process.env.CRASH_TEST_KIND === 'reject') {
    void Promise.reject(error);
  } else {
    setTimeout(() => {
      throw error;
    }, 0);
  }
}

if (process.env.CRASH_TEST_AT === 'listen') {
  Server.prototype.listen = function listen() {
    crash();
    return this;
  };
} else {
  process.on('SIGUSR2', crash);
}
