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
 * consumerEnv() for npm and npx: retries kept short, since a registry that refuses or is not
 * there will not come back in the next minute, and the check should say so soon.
 */
export function npmEnv() {
  return consumerEnv({
    npm_config_fetch_retries: '1',
    npm_config_fetch_retry_mintimeout: '2000',
    npm_config_fetch_retry_maxtimeout: '5000',
    npm_config_fetch_timeout: '60000',
  });
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

/** Error codes npm prints when it cannot reach (or trust) the registry. */
const NETWORK_CODES =
  /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ERR_SOCKET_TIMEOUT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|CERT_HAS_EXPIRED|E5\d\d)\b/;

/**
 * A sentence for a failed npm or npx run that could not reach the registry, or '' when the
 * output shows no network error.
 * @param {string} output npm's stderr
 */
export function registryTrouble(output) {
  const code = NETWORK_CODES.exec(output)?.[1];
  if (!code) return '';
  return `npm could not reach the registry (${code}). The consumer check needs the npm registry, or an npm cache that already holds what it installs; it does not skip. Check the network, the proxy and \`npm config get registry\`.`;
}
