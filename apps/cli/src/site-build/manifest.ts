import { createHash } from 'node:crypto';

/** The name of the manifest `ptfx site build` leaves in the folder it writes. */
export const MANIFEST_FILE = '.ptfx-site.json';

/** Who wrote a folder: the manifest's `generator`. */
export const GENERATOR = 'ptfx site build';

/** One file `ptfx site build` wrote. */
export interface ManifestFile {
  /** Its path inside the folder, with `/` separators: `therapists/mark-shulman/index.html`. */
  readonly file: string;
  /** The URL path it is served at (`/therapists/mark-shulman/`); absent for `_headers`. */
  readonly path?: string;
  /** What it is: a page kind of `@ptfx/site`, or `headers` for `_headers`. */
  readonly kind: string;
  /** Its media type; absent for `_headers`. */
  readonly contentType?: string;
  /** Its size in bytes. */
  readonly bytes: number;
  /** SHA-256 of its bytes, in hex. */
  readonly sha256: string;
}

/** `.ptfx-site.json`: what a build wrote, so the next one knows the folder is its own. */
export interface SiteManifest {
  readonly generator: typeof GENERATOR;
  /** The version of ptfx that wrote it. */
  readonly version: string;
  /** The clinic data file the site was built from, as given (or the embedded sample). */
  readonly source: string;
  readonly baseUrl: string;
  /** Where the form posts; `''` for the site's own origin. */
  readonly apiUrl: string;
  /** The clinic's date the site was built for (listings linted, hours exceptions shown). */
  readonly asOf: string;
  /** Every file written, the manifest itself aside, in the order written. */
  readonly files: readonly ManifestFile[];
}

/** SHA-256 of bytes, in hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The files a manifest lists (path → SHA-256), or undefined when the text is not a manifest that
 * `ptfx site build` wrote.
 */
export function manifestHashes(text: string): Map<string, string> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.generator !== GENERATOR || !Array.isArray(value.files))
    return undefined;
  const hashes = new Map<string, string>();
  for (const entry of value.files) {
    if (!isRecord(entry) || typeof entry.file !== 'string' || typeof entry.sha256 !== 'string')
      return undefined;
    hashes.set(entry.file, entry.sha256);
  }
  return hashes;
}
