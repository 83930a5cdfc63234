import { type Clinic, type ClinicDataFormat, formatIssueLine, parseClinicData } from '@ptfx/domain';
import { CliError } from './errors.js';
import { readTextFile } from './input.js';
import type { Io } from './io.js';

/** The format a clinic file's name says; stdin (`-`) is YAML, which also reads JSON. */
export function clinicFormat(path: string): ClinicDataFormat {
  const lower = path.toLowerCase();
  if (path === '-' || lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  throw new CliError(`${path}: a clinic data file must end in .yaml, .yml or .json`);
}

/** A clinic that must parse; its issues are an input error (exit 2). */
export async function requireClinic(io: Io, path: string): Promise<Clinic> {
  const text = await readTextFile(io, path);
  const result = parseClinicData(text, { format: clinicFormat(path) });
  const label = path === '-' ? '<stdin>' : path;
  if (!result.ok)
    throw new CliError(result.issues.map((i) => formatIssueLine(label, i)).join('\n'));
  return result.value;
}
