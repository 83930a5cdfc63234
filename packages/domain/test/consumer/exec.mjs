// @ts-check
// Child processes for the consumer check: output captured, a time limit, and an environment
// without the variables that would let the workspace or the parent run leak into the consumer.
import { spawn } from 'node:child_process';

/**
 * @typedef {{ code: number | null; signal: string | null; stdout: string; stderr: string; timedOut: boolean }} RunResult
 */

/**
 * Runs `command` with `args` and resolves (never rejects) with its exit and output.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }} options
 * @returns {Promise<RunResult>}
 */
export function run(command, args, { cwd, env = consumerEnv(), timeoutMs = 120_000 }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({
        code: null,
        signal: null,
        stdout,
        stderr: `${stderr}${error.message}\n`,
        timedOut,
      });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * The parent's environment without what would change how a fresh project resolves or prints:
 * `NODE_PATH` (extra module folders), `NODE_OPTIONS` (say `--conditions=development`),
 * `FORCE_COLOR` (colours in piped `console.log` output), and the `npm_package_*` /
 * `npm_lifecycle_*` / `npm_config_local_prefix` variables of the pnpm script this runs in.
 * npm settings such as the registry, cache, proxy and CA file are kept.
 * @param {NodeJS.ProcessEnv} [extra]
 */
export function consumerEnv(extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (
      /^(NODE_PATH|NODE_OPTIONS|FORCE_COLOR|npm_package_.*|npm_lifecycle_.*|npm_config_local_prefix)$/.test(
        name,
      )
    )
      continue;
    env[name] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/**
 * The last `count` lines of `text`, indented, for a failure message.
 * @param {string} text
 * @param {number} [count]
 */
export function tail(text, count = 25) {
  const lines = text.trimEnd().split('\n');
  const shown = lines.slice(-count);
  return (lines.length > count ? ['…', ...shown] : shown).join('\n');
}
