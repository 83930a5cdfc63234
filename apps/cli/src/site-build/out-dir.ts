import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliError } from '../errors.js';
import type { FileSystem } from '../io.js';
import { MANIFEST_FILE, manifestHashes, sha256 } from './manifest.js';

/** What is at `--out` now, and whether a build may replace it. */
export type OutDirState =
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'empty'; readonly path: string }
  /** A folder a previous build wrote, unchanged since (every file listed, same hash). */
  | { readonly kind: 'ours'; readonly path: string }
  /** Anything else: not empty, and not (or no longer) only what ptfx wrote. */
  | { readonly kind: 'foreign'; readonly path: string; readonly reason: string };

// A folder with more entries than this is no site ptfx wrote; stop walking it.
const MAX_ENTRIES = 20_000;

const isInside = (child: string, parent: string) =>
  child === parent || child.startsWith(parent.endsWith(sep) ? parent : `${parent}${sep}`);

/**
 * Refuses, whatever `--force` says, an output folder whose replacement would destroy what the
 * user is working in: the file-system root, the home folder, the working folder or one above it,
 * or a folder holding the clinic file being built.
 */
export function refuseDangerousOut(
  out: string,
  given: string,
  guard: { cwd: string; home?: string | undefined; input?: string | undefined },
): void {
  const why =
    dirname(out) === out
      ? 'is the root of the file system'
      : guard.home !== undefined && resolve(guard.home) === out
        ? 'is your home folder'
        : isInside(guard.cwd, out)
          ? 'is the working folder or holds it'
          : guard.input !== undefined && isInside(resolve(guard.cwd, guard.input), out)
            ? `holds the clinic file ${guard.input}`
            : undefined;
  if (why)
    throw new CliError(
      `--out ${given} ${why}; the build replaces the whole folder, so give a folder of its own, like --out site`,
    );
}

async function walk(
  fs: FileSystem,
  root: string,
  visit: (file: string, kind: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const pending = [''];
  let seen = 0;
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of await fs.list(join(root, dir))) {
      if (++seen > MAX_ENTRIES) return `it has over ${MAX_ENTRIES} entries`;
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.kind === 'directory') pending.push(rel);
      else {
        const problem = await visit(rel, entry.kind);
        if (problem) return problem;
      }
    }
  }
  return undefined;
}

/** Looks at `--out`: missing, empty, a previous build's, or something else (with why). */
export async function inspectOutDir(fs: FileSystem, given: string): Promise<OutDirState> {
  const absolute = resolve(fs.cwd(), given);
  let kind = await fs.kind(absolute);
  let path = absolute;
  if (kind === 'symlink') {
    // Follow a link to a folder (the folder is replaced, the link kept); a dangling one is refused.
    path = await fs.realpath(absolute).catch(() => {
      throw new CliError(`--out ${given} is a symbolic link to nothing; give a folder`);
    });
    kind = await fs.kind(path);
  }
  if (kind === 'missing') return { kind: 'missing', path };
  if (kind !== 'directory') throw new CliError(`--out ${given} is not a folder; give a folder`);
  const entries = await fs.list(path);
  if (entries.length === 0) return { kind: 'empty', path };
  const manifest = entries.find((e) => e.name === MANIFEST_FILE && e.kind === 'file');
  if (!manifest)
    return { kind: 'foreign', path, reason: `it is not empty and has no ${MANIFEST_FILE}` };
  const hashes = manifestHashes(new TextDecoder().decode(await fs.read(join(path, MANIFEST_FILE))));
  if (!hashes)
    return { kind: 'foreign', path, reason: `its ${MANIFEST_FILE} is not one ptfx wrote` };
  const problem = await walk(fs, path, async (file, kind) => {
    if (file === MANIFEST_FILE) return undefined;
    if (kind !== 'file') return `${file} is not a plain file ptfx wrote`;
    const expected = hashes.get(file);
    if (expected === undefined) return `${file} was not written by ptfx`;
    if (sha256(await fs.read(join(path, file))) !== expected)
      return `${file} changed since ptfx wrote it`;
    return undefined;
  });
  return problem ? { kind: 'foreign', path, reason: problem } : { kind: 'ours', path };
}

/** A relative file path a renderer gave, checked to stay inside the output folder. */
export function safeRelativeFile(file: string): string {
  const parts = file.split('/');
  if (
    file === '' ||
    isAbsolute(file) ||
    file.includes('\\') ||
    file.includes('\0') ||
    parts.some((p) => p === '' || p === '.' || p === '..')
  )
    throw new Error(`the renderer gave an unsafe file name: ${JSON.stringify(file)}`);
  return file;
}

const token = () => randomBytes(4).toString('hex');

function writeError(given: string, error: unknown): CliError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    code === 'EBUSY'
      ? '; it may be a mount point: give a folder inside it'
      : code === 'EACCES' || code === 'EPERM'
        ? '; check the permissions of the folder and the one above it'
        : '';
  return new CliError(
    `--out ${given}: could not write the site (${message})${hint}; what was there is unchanged`,
  );
}

/**
 * Writes every file into a new sibling folder, then puts it in place of `out` with renames, so a
 * build that fails part-way leaves what was there untouched, and nobody sees half a site.
 */
export async function replaceDir(
  fs: FileSystem,
  out: string,
  given: string,
  files: readonly { readonly file: string; readonly bytes: Uint8Array }[],
): Promise<void> {
  for (const { file } of files) safeRelativeFile(file);
  const parent = dirname(out);
  const name = basename(out);
  // A plain mkdir, not mkdtemp: the folder is published, so it gets the usual mode (umask), not 0700.
  const staging = join(parent, `.${name}.ptfx-new-${token()}`);
  try {
    await fs.mkdir(parent, { parents: true });
    await fs.mkdir(staging);
  } catch (error) {
    throw writeError(given, error);
  }
  try {
    const made = new Set<string>();
    for (const { file, bytes } of files) {
      const target = join(staging, file);
      const dir = dirname(target);
      if (!made.has(dir)) {
        await fs.mkdir(dir, { parents: true });
        made.add(dir);
      }
      await fs.write(target, bytes);
    }
    if ((await fs.kind(out)) === 'missing') await fs.rename(staging, out);
    else {
      const old = join(parent, `.${name}.ptfx-old-${token()}`);
      await fs.rename(out, old);
      try {
        await fs.rename(staging, out);
      } catch (error) {
        await fs.rename(old, out);
        throw error;
      }
      await fs.remove(old);
    }
  } catch (error) {
    await fs.remove(staging).catch(() => {});
    throw writeError(given, error);
  }
}

/** `out` relative to the working folder when it is inside it, for messages. */
export function displayPath(cwd: string, out: string): string {
  const rel = relative(cwd, out);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? out : rel;
}
