import { parseArgs } from 'node:util';
import {
  CREDENTIAL_PROFILES,
  type CredentialProfile,
  type IsoDate,
  isUsStateCode,
  type Severity,
  suggestUsStateCode,
  type UsStateCode,
} from '@ptfx/domain/credentials';
import { CliError } from './errors.js';

/** What `node:util` parseArgs accepts as option definitions. */
export type OptionSpec = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
>;

/** Parses a command's arguments strictly: an unknown option or a missing value is a usage error. */
export function parseCommandArgs<T extends OptionSpec>(
  command: string,
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new CliError(
      `${command}: ${message.replace(/^Unknown option/, 'unknown option').replace(/\. To specify a positional.*$/, '')}; see \`ptfx ${command} --help\``,
    );
  }
}

/** `--profile apta-2016|apta-legacy`. */
export function profileOption(value: string | undefined): CredentialProfile | undefined {
  if (value === undefined) return undefined;
  const found = CREDENTIAL_PROFILES.find((p) => p === value);
  if (!found) throw new CliError(`--profile must be apta-2016 or apta-legacy, got "${value}"`);
  return found;
}

/** `--state CA`. */
export function stateOption(value: string | undefined): UsStateCode | undefined {
  if (value === undefined) return undefined;
  if (isUsStateCode(value)) return value;
  const hint = suggestUsStateCode(value);
  throw new CliError(
    `--state must be a USPS code like CA, got "${value}"${hint ? `; did you mean ${hint}?` : ''}`,
  );
}

/** `--as-of 2026-11-27`. */
export function dateOption(name: string, value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  // A real calendar date: the Date round trip refuses 2026-02-30. (No zod here: lint stays light.)
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new CliError(
      `${name} must be a date written YYYY-MM-DD, like 2026-11-27, got "${value}"`,
    );
  }
  return value;
}

/** `--fail-on error|warning|info`. */
export function failOnOption(value: string | undefined): Severity {
  if (value === undefined) return 'error';
  if (value === 'error' || value === 'warning' || value === 'info') return value;
  throw new CliError(`--fail-on must be error, warning or info, got "${value}"`);
}

/** `--role PT|PTA|other`. */
export function roleOption(value: string | undefined): 'PT' | 'PTA' | 'other' | undefined {
  if (value === undefined) return undefined;
  if (value === 'PT' || value === 'PTA' || value === 'other') return value;
  throw new CliError(`--role must be PT, PTA or other, got "${value}"`);
}

/** `--within 90d` (days; a bare number is days too). */
export function withinOption(value: string | undefined): number {
  if (value === undefined) return 90;
  const match = /^(\d{1,4})d?$/.exec(value);
  if (!match?.[1]) throw new CliError(`--within must be a number of days like 90d, got "${value}"`);
  return Number(match[1]);
}

function httpUrl(name: string, value: string, example: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.hostname === '' ||
    value.trim() !== value
  )
    throw new CliError(`${name} must be an absolute http(s) URL like ${example}, got "${value}"`);
  if (url.username !== '' || url.password !== '')
    throw new CliError(`${name} must not carry a user name or password, got "${value}"`);
  if (value.includes('?') || value.includes('#'))
    throw new CliError(`${name} must have no query (?…) or fragment (#…), got "${value}"`);
  return url;
}

/**
 * `--base-url https://www.example.com/clinic/`: the site's public address, as the renderer
 * wants it — origin and path, no trailing slash (`https://www.example.com/clinic`).
 */
export function baseUrlOption(name: string, value: string): string {
  const url = httpUrl(name, value, 'https://www.example.com');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `--api-url https://api.example.com`: an origin (scheme, host, port), nothing after it. */
export function originOption(name: string, value: string): string {
  const url = httpUrl(name, value, 'https://api.example.com');
  if (url.pathname !== '/')
    throw new CliError(
      `${name} must be an origin (scheme, host and port) with no path, like https://api.example.com, got "${value}"`,
    );
  return url.origin;
}
