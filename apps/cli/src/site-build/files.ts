import { gzipSync } from 'node:zlib';
import type { RenderedSite } from '@ptfx/site';
import { HEADERS_FILE, headersFile } from './headers.js';
import { MANIFEST_FILE, type ManifestFile, sha256 } from './manifest.js';

/** A file of the build: what the manifest says of it, and its bytes. */
export type BuiltFile = ManifestFile & { readonly content: Uint8Array };

/** Every file of a rendered site as written: its pages, then `_headers`. */
export function builtFiles(site: RenderedSite): BuiltFile[] {
  const files: BuiltFile[] = site.pages.map((page) => ({
    file: page.file,
    path: page.path,
    kind: page.kind,
    contentType: page.contentType,
    bytes: page.bytes.byteLength,
    sha256: sha256(page.bytes),
    content: page.bytes,
  }));
  const headers = new TextEncoder().encode(headersFile(site));
  files.push({
    file: HEADERS_FILE,
    kind: 'headers',
    bytes: headers.byteLength,
    sha256: sha256(headers),
    content: headers,
  });
  const seen = new Set<string>();
  for (const { file } of files) {
    if (seen.has(file) || file === MANIFEST_FILE)
      throw new Error(`the renderer gave the file name ${JSON.stringify(file)} twice or reserved`);
    seen.add(file);
  }
  return files;
}

const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).byteLength;

/** What a visitor's first load of the home page weighs, gzipped (level 9). */
export interface HomeWeight {
  readonly file: string;
  readonly bytes: number;
  /** The HTML alone. */
  readonly gzipBytes: number;
  /** The HTML with the stylesheets and scripts it loads. */
  readonly withAssetsGzipBytes: number;
}

/** The home page's size, alone and with the stylesheet and script it loads, gzipped. */
export function homeWeight(site: RenderedSite): HomeWeight {
  const home = site.page('/');
  if (!home) throw new Error('the renderer gave no home page (/)');
  const loaded = site.pages.filter(
    (p) => p.kind === 'asset' && /css|javascript/.test(p.contentType) && home.text.includes(p.path),
  );
  const gzipBytes = gzipSize(home.bytes);
  return {
    file: home.file,
    bytes: home.bytes.byteLength,
    gzipBytes,
    withAssetsGzipBytes: loaded.reduce((sum, p) => sum + gzipSize(p.bytes), gzipBytes),
  };
}
