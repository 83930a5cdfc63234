import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintDataKey } from '@ptfx/intake';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from './test-support/server-process.js';

describe('node:sqlite in the server', () => {
  it('lets the real server start and stop with nothing but its JSON log on the console', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptfx-node-sqlite-'));
    try {
      const server = await startServerProcess({
        DATABASE_URL: `file:${join(dir, 'ptfx.db')}`,
        PTFX_LOG: 'info',
        // With a data key, as in production: without one the server rightly warns that storage
        // is unencrypted, and this test is about Node's own warnings (node:sqlite's).
        PTFX_DATA_KEY: mintDataKey().text,
      });
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      const lines = server.output().trim().split('\n');
      expect(lines.map((line) => JSON.parse(line).event)).toContain('listening');
      expect(server.output()).not.toMatch(/warning/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
