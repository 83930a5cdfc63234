// Shared by the bench parents (run.mjs, intake.mjs): their numeric settings from the
// environment, servers forked as child processes that report their port over IPC, stopping them
// all (with any clean-ups) on the way out or on Ctrl-C, and the median of the rounds.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A positive number from the environment variable `name`, or `fallback`. */
export function setting(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0))
    throw new Error(`${name} must be a positive number, got "${process.env[name]}"`);
  return value;
}

const children = [];
const cleanups = [];

/** Runs `cleanup` (it may return a promise) after the children stop; last added runs first. */
export function onStop(cleanup) {
  cleanups.push(cleanup);
}

/**
 * Forks `file` (in this folder) and resolves `{ name, child, url }` once it sends `{ port }`;
 * rejects if it exits first or is silent for 30 s.
 */
export function startChild(name, file, { args = [], execArgv = [], env = {} } = {}) {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, {
    execArgv,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const late = setTimeout(() => reject(new Error(`${name} did not listen within 30 s`)), 30_000);
    child.once('message', ({ port }) => {
      clearTimeout(late);
      resolve({ name, child, url: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`${name} exited (${code ?? signal}) before listening`)),
    );
  });
}

/** Stops every child still running (SIGTERM, then SIGKILL after 5 s), then runs the clean-ups. */
export async function stopChildren() {
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    alive.map(
      (child) =>
        new Promise((done) => {
          const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(force);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => void stopChildren().then(() => process.exit(130)));

/** The median of a list of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
