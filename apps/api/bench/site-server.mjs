// The built API as `pnpm start` runs it (`node --enable-source-maps dist/server.js` in apps/api),
// as a child process on 127.0.0.1, for the Lighthouse run. Build first; this builds nothing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const SERVER_JS = fileURLToPath(new URL('../dist/server.js', import.meta.url));

/** A TCP port of 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts dist/server.js with `env` (PORT among it) and resolves `{ url, stop }` once /readyz
 * answers 200; rejects with the server's output if it exits or is not ready in 20 s.
 */
export async function startServerProcess(env) {
  if (!existsSync(SERVER_JS))
    throw new Error(`${SERVER_JS} is missing: build the API first (pnpm build)`);
  const child = spawn(process.execPath, ['--enable-source-maps', SERVER_JS], {
    cwd: API_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  let exited = false;
  const gone = new Promise((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${env.PORT}`;
  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    await gone;
  };
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && !exited) {
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`the API did not become ready:\n${output}`);
}
