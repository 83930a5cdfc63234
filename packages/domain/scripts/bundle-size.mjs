// Bundle-size budgets of @ptfx/domain's entries, as a browser site ships them: each entry is one
// import from the built package, bundled for the browser and minified by esbuild and by Vite, then
// gzipped (level 9). `node scripts/bundle-size.mjs` prints the README's table;
// test/bundle-size.test.ts fails when an entry goes over its budget with either bundler.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const modules = {
  '@ptfx/domain': join(dist, 'index.js'),
  '@ptfx/domain/credentials': join(dist, 'credentials/index.js'),
  '@ptfx/domain/sample': join(dist, 'sample/index.js'),
};

const KIB = 1024;
/**
 * Each entry: what a site imports, and its budget in gzipped bytes. The small helpers, the hours
 * functions and the projections have the budgets issue 11 set; `parseClinicData` (zod's schemas
 * and the YAML parser) and the sample have budgets a little above what they measured, so that
 * growth is a decision, not an accident.
 *
 * Issue 14 raised the linter's and the projections' budgets on purpose: the credential catalog
 * grew from 107 to 185 entries (what real rosters carry, each with its issuer and source), every
 * rule carries its metadata (description, source link, examples: `ptfx credentials explain` and
 * the README are generated from it) and the state title laws carry their citations. The
 * projections name credentials from the same catalog. Measured after the change: the linter
 * about 33 KiB, fhirBundle and clinicJsonLd about 19 KiB.
 *
 * Issue 15 raised fhirBundle's on purpose: Plan-Net conformance gives every resource a generated
 * narrative (the XHTML writer and its escaping), the Endpoint, and Plan-Net's codes and profile
 * URLs. Measured after the change: 20.3 KiB with esbuild, 21.6 KiB with Vite.
 */
export const BUDGETS = [
  { names: ['isValidNpi'], budget: 2 * KIB },
  { names: ['formatPhoneNumber'], budget: 2 * KIB },
  { names: ['phoneToTelUri'], budget: 2 * KIB },
  { names: ['articleReadTime'], budget: 2 * KIB },
  { names: ['serializeJsonLdForHtml'], budget: 2 * KIB },
  { names: ['isOpenAt', 'nextOpening', 'openingStatus', 'hoursOn'], budget: 8 * KIB },
  { names: ['describeOpenNow'], budget: 8 * KIB },
  { names: ['lintCredentialListing'], budget: 38 * KIB },
  { names: ['lintCredentialListing'], from: '@ptfx/domain/credentials', budget: 38 * KIB },
  { names: ['lintTherapistListing'], budget: 38 * KIB },
  { names: ['fhirBundle'], budget: 23 * KIB },
  { names: ['clinicJsonLd'], budget: 21 * KIB },
  { names: ['locationVCard'], budget: 12 * KIB },
  { names: ['parseClinicData'], budget: 88 * KIB },
  { names: ['sampleClinic'], from: '@ptfx/domain/sample', budget: 92 * KIB },
];

/** The label of an entry in the table: `isOpenAt, nextOpening` or `lintCredentialListing (…/credentials)`. */
export function entryLabel(entry) {
  const names = entry.names.join(', ');
  return entry.from ? `${names} (${entry.from.replace('@ptfx/domain', '')})` : names;
}

function source(entry) {
  const from = modules[entry.from ?? '@ptfx/domain'];
  return `export { ${entry.names.join(', ')} } from ${JSON.stringify(from)};\n`;
}

async function withEsbuild(entry) {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents: source(entry), resolveDir: dist, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles.map((f) => f.text).join('');
}

async function withVite(entry, dir) {
  const { build } = await import('vite');
  const file = join(dir, `${entry.names.join('-')}-${entry.from ? 'sub' : 'root'}.js`);
  writeFileSync(file, source(entry));
  const output = await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      emptyOutDir: false,
      lib: { entry: file, formats: ['es'], fileName: 'entry' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  return results
    .flatMap((r) => r.output)
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('');
}

const gzipped = (code) => gzipSync(code, { level: 9 }).length;

/** Measures every entry with both bundlers: minified and gzipped bytes. */
export async function measureBundles(entries = BUDGETS) {
  const dir = mkdtempSync(join(tmpdir(), 'ptfx-bundle-size-'));
  try {
    const rows = [];
    for (const entry of entries) {
      const esbuild = await withEsbuild(entry);
      const vite = await withVite(entry, dir);
      rows.push({
        ...entry,
        label: entryLabel(entry),
        esbuild: { minified: Buffer.byteLength(esbuild), gzipped: gzipped(esbuild) },
        // zod 4 names its classes by string ($constructor("ZodError", …)), which minifiers keep.
        zod: /["']\$?Zod[A-Z][A-Za-z]*["']/.test(esbuild),
        vite: { minified: Buffer.byteLength(vite), gzipped: gzipped(vite) },
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bytes as the README writes them: `1.9 KiB`. */
export const kib = (bytes) => `${(bytes / KIB).toFixed(1)} KiB`;

/** The README's table of entries, budgets and measured sizes. */
export function sizeTable(rows) {
  const lines = [
    '| import | budget (gzipped) | esbuild | Vite |',
    '|---|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| \`${r.label}\` | ${kib(r.budget)} | ${kib(r.esbuild.gzipped)} | ${kib(r.vite.gzipped)} |`,
    ),
  ];
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(sizeTable(await measureBundles()));
}
