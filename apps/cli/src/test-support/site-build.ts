import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach } from 'vitest';
import { main } from '../main.js';
import { type MemoryIoOptions, tempDirIo } from './memory-io.js';

/** The sample clinic file's text. */
export const sample = readFileSync(
  fileURLToPath(import.meta.resolve('@ptfx/domain/sample-clinic.yaml')),
  'utf8',
);

/** The base URL the tests build for. */
export const BASE = 'https://www.example-pt.com';

/** A fresh temporary folder for each test of the file; `folder()` is the current test's. */
export function freshFolders(prefix: string): () => string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let dir = '';
  let n = 0;
  beforeEach(() => {
    dir = join(root, String(++n));
    mkdirSync(dir);
  });
  return () => dir;
}

/** Runs `ptfx site build ARGS` with `clinic.yaml` (the sample unless given) in memory. */
export async function siteBuild(
  args: string[],
  options: Omit<MemoryIoOptions, 'fs'> & { clinic?: string } = {},
) {
  const { clinic = sample, ...rest } = options;
  const io = await tempDirIo({ files: { 'clinic.yaml': clinic }, ...rest });
  const code = await main(['site', 'build', ...args], io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** Every file under a folder, relative, sorted. */
export function tree(path: string): string[] {
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(path.length + 1))
    .sort();
}

/** Every file under a folder with its text: to show that a folder did not change. */
export function contents(path: string): [string, string][] {
  return tree(path).map((f) => [f, readFileSync(join(path, f), 'utf8')]);
}
