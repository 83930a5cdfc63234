import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { type ClinicDataFormat, formatIssueLine, parseClinicData } from '@ptfx/domain';
import { ClinicSnapshot } from './snapshot.js';

/** Where the clinic data comes from: a file, or the sample clinic shipped with @ptfx/domain. */
export type ClinicOrigin =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'sample' };

/** The path of the sample clinic's YAML inside @ptfx/domain. */
export function sampleClinicPath(): string {
  return createRequire(import.meta.url).resolve('@ptfx/domain/sample-clinic.yaml');
}

function formatOf(path: string): ClinicDataFormat | undefined {
  const ext = extname(path).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
}

/** The result of reading clinic data: a snapshot, or the lines that say what is wrong. */
export type LoadResult =
  | { readonly ok: true; readonly snapshot: ClinicSnapshot; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Reads and parses clinic data into a snapshot; never throws for bad input. */
export async function loadClinic(
  origin: ClinicOrigin,
  baseUrl: string,
  now: Date,
): Promise<LoadResult> {
  const path = origin.kind === 'file' ? origin.path : sampleClinicPath();
  const format = formatOf(path);
  if (!format)
    return { ok: false, errors: [`${path}: the data file must end in .yaml, .yml or .json`] };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    return { ok: false, errors: [`${path}: cannot read the data file (${code}); check PTFX_DATA`] };
  }
  const result = parseClinicData(text, { format });
  const lines = result.issues.map((i) => formatIssueLine(path, i));
  if (!result.ok) return { ok: false, errors: lines };
  const snapshot = new ClinicSnapshot(result.value, now, baseUrl);
  try {
    // The website is rendered now, not on its first visitor: a clinic it cannot render is refused
    // like bad data (at start the process stops; on reload the old data keeps serving).
    snapshot.site(snapshot.today(now));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [`${path}: the website cannot be rendered from this data: ${reason}`],
    };
  }
  return { ok: true, snapshot, warnings: lines };
}

/**
 * Holds the snapshot being served and swaps in a new one on reload. A reload that fails keeps
 * the old snapshot serving.
 */
export class ClinicSource {
  private snapshot: ClinicSnapshot;

  constructor(
    initial: ClinicSnapshot,
    private readonly origin: ClinicOrigin,
    private readonly baseUrl: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.snapshot = initial;
  }

  /** The snapshot requests are served from. */
  current(): ClinicSnapshot {
    return this.snapshot;
  }

  /** Re-reads the data; on success the new data serves from the next request on. */
  async reload(): Promise<LoadResult> {
    const result = await loadClinic(this.origin, this.baseUrl, this.clock());
    if (result.ok) this.snapshot = result.snapshot;
    return result;
  }
}
