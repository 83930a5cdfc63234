// ptfx.config.json for the CLI: found the way linters find theirs (the nearest one upward from
// the working directory, or --config PATH) and read with @ptfx/domain's parsePtfxConfig. The
// commands apply it under their flags: a CLI flag > a roster's column > the configuration > the
// default.
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { PtfxConfig } from '@ptfx/domain';
import type {
  CredentialProfile,
  CustomCredential,
  TherapistRole,
  UsStateCode,
} from '@ptfx/domain/credentials';
import { CliError } from './errors.js';
import { readTextFile } from './input.js';
import type { Io } from './io.js';

/** The file name searched for. */
export const CONFIG_FILE_NAME = 'ptfx.config.json';

/** A rule's level, as the configuration writes it. */
export type RuleLevel = 'off' | 'info' | 'warning' | 'error';

/** The configuration a command applies: what the file said, and where it was. */
export interface CliConfig {
  /** The file read, as messages show it (relative to the working directory when found upward); absent when none. */
  readonly file?: string;
  /** Rule levels by code. */
  readonly rules?: { readonly [code: string]: RuleLevel };
  /** The organisation's own credentials. */
  readonly catalog?: readonly CustomCredential[];
  /** The default profile. */
  readonly profile?: CredentialProfile;
  /** The default state. */
  readonly state?: UsStateCode;
  /** The default role. */
  readonly role?: TherapistRole;
}

/** The help lines of `--config`, the same in every command that takes it. */
export const CONFIG_HELP = `  --config PATH        a ptfx.config.json (default: the nearest one in this directory or a
                       parent): rule levels, custom credentials, default profile, state, role`;

/**
 * The nearest `ptfx.config.json` at or above `start`, stopping at the file-system root; a
 * directory of that name is passed over.
 */
export async function findConfigFile(io: Io, start: string): Promise<string | undefined> {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if ((await io.stat(candidate)).kind === 'file') return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The configuration to apply: `--config PATH` when given (a missing file is a usage error naming
 * the path), else the nearest `ptfx.config.json` upward from the working directory, else none
 * (`{}`). A file with mistakes prints each as `file:line:col: path: message` on stderr and
 * throws a {@link CliError} (exit 2), so nothing is judged under a configuration half read.
 */
export async function loadConfig(io: Io, explicit: string | undefined): Promise<CliConfig> {
  const cwd = io.fs.cwd();
  let path: string;
  let shown: string;
  if (explicit !== undefined) {
    if (explicit === '' || explicit === '-')
      throw new CliError('--config needs the path of a ptfx.config.json file');
    path = isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
    shown = explicit;
    const info = await io.stat(path);
    if (info.kind === 'missing') throw new CliError(`--config ${explicit}: no such file`);
    if (info.kind === 'directory')
      throw new CliError(
        `--config ${explicit}: is a directory; give the file (${join(explicit, CONFIG_FILE_NAME)})`,
      );
  } else {
    const found = await findConfigFile(io, cwd);
    if (found === undefined) return {};
    path = found;
    shown = relative(cwd, found) || found;
  }
  const text = await readTextFile(io, path);
  // The schema (zod) loads only when there is a file to read: `ptfx credentials lint` without a
  // configuration starts as fast as before.
  const { parsePtfxConfig, formatPath } = await import('@ptfx/domain');
  const read = parsePtfxConfig(text, { file: shown });
  if (!read.ok) {
    for (const issue of read.issues) {
      const where = issue.position
        ? `${shown}:${issue.position.line}:${issue.position.column}`
        : shown;
      const path = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
      io.stderr(`${where}: ${path}${issue.message}\n`);
    }
    const count = read.issues.length;
    throw new CliError(
      `${shown}: ${count} mistake${count === 1 ? '' : 's'} in the configuration (above); fix ${count === 1 ? 'it' : 'them'}, or give another file with --config`,
    );
  }
  return { file: shown, ...withoutSchema(read.value) };
}

function withoutSchema(config: PtfxConfig): Omit<PtfxConfig, '$schema'> {
  const { $schema: _schema, ...rest } = config;
  return rest;
}
