import type { Clinic, ClinicDataFormat } from '@ptfx/domain';
import { SAMPLE_CLINIC_YAML } from '@ptfx/domain/sample';
import { baseUrlOption } from '../args.js';
import { clinicFormat } from '../clinic-file.js';
import { CliError } from '../errors.js';
import { readTextFile } from '../input.js';
import type { Io } from '../io.js';

/** The name the embedded sample clinic is reported under. */
export const SAMPLE_SOURCE = '@ptfx/domain/sample-clinic.yaml';

/** The clinic data a site is built from. */
export interface SiteSource {
  /** How messages name it: the path as given, `<stdin>` or {@link SAMPLE_SOURCE}. */
  readonly label: string;
  /** The file's path, when it is a file (for the guard against replacing the folder holding it). */
  readonly path?: string;
  readonly text: string;
  readonly format: ClinicDataFormat;
}

/** The file given; else `./clinic.yaml` when there is one; else the embedded sample clinic. */
export async function readSiteSource(file: string | undefined, io: Io): Promise<SiteSource> {
  const path = file ?? ((await io.stat('clinic.yaml')).kind === 'file' ? 'clinic.yaml' : undefined);
  if (path === undefined) return { label: SAMPLE_SOURCE, text: SAMPLE_CLINIC_YAML, format: 'yaml' };
  const format = clinicFormat(path);
  const text = await readTextFile(io, path);
  return path === '-' ? { label: '<stdin>', text, format } : { label: path, path, text, format };
}

/** The base URL when `--base-url` is not given: the data's `organization.website`, if any. */
export function baseUrlFromData(clinic: Clinic): string {
  const website = clinic.organization.website;
  if (website === undefined)
    throw new CliError(
      'site build: give --base-url, the address the site will be served at (like https://www.example.com): canonical links, the sitemap and JSON-LD need it, and the data has no organization.website',
    );
  try {
    return baseUrlOption('organization.website', website);
  } catch (error) {
    throw new CliError(
      `site build: ${error instanceof Error ? error.message : String(error)}; give --base-url`,
    );
  }
}
