import { expectText } from '../shared/arguments.js';
import { suggestClosestUnchecked } from '../shared/suggest.js';
import { CREDENTIAL_CATALOG } from './catalog.js';
import type { CatalogEntry } from './catalog-entry.js';

/**
 * The key an abbreviation is matched by: dots and spaces removed, case kept, so `P.T.` is `PT`,
 * `Cert MDT` and `Cert. MDT` are `CertMDT`, and `LAc` stays apart from `LAC`.
 *
 * @throws {TypeError} when `text` is not text
 */
export function abbreviationKey(text: string): string {
  expectText('abbreviationKey', 'text', text);
  return keyOf(text);
}

function keyOf(text: string): string {
  return text.replace(/[.\s\u200b-\u200d\ufeff]/g, '');
}

/**
 * The key a spelled-out name is matched by: lowercase, `&` read as "and", hyphens as spaces,
 * curly apostrophes straight, dots and commas dropped, spaces collapsed.
 *
 * @throws {TypeError} when `text` is not text
 */
export function longFormKey(text: string): string {
  expectText('longFormKey', 'text', text);
  return nameKey(text);
}

function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’‘]/g, "'")
    .replace(/[-‐‑–]/g, ' ')
    .replace(/[.,]/g, '')
    .replace(/[\s\u200b-\u200d\ufeff]+/g, ' ')
    .trim();
}

interface CatalogIndex {
  readonly byId: ReadonlyMap<string, CatalogEntry>;
  readonly byAbbreviation: ReadonlyMap<string, CatalogEntry>;
  readonly byLongForm: ReadonlyMap<string, CatalogEntry>;
  /** Abbreviation key → the spelling as the catalog writes it. */
  readonly spellings: ReadonlyMap<string, string>;
  /** The first word of every spelled-out credential, so that most words can be ruled out at once. */
  readonly longFormFirstWords: ReadonlySet<string>;
  /** The most words a spelled-out credential in the catalog has. */
  readonly longestLongFormWords: number;
}

let index: CatalogIndex | undefined;

/**
 * The catalog's lookup tables, built on first use rather than at import, so that importing a
 * module of this package does no work (`sideEffects: false` holds in fact).
 */
export function catalogIndex(): CatalogIndex {
  if (index) return index;
  const byId = new Map<string, CatalogEntry>();
  const byAbbreviation = new Map<string, CatalogEntry>();
  const byLongForm = new Map<string, CatalogEntry>();
  const spellings = new Map<string, string>();
  for (const entry of CREDENTIAL_CATALOG) {
    byId.set(entry.id, entry);
    for (const written of [entry.abbreviation, ...entry.aliases]) {
      if (written === undefined) continue;
      byAbbreviation.set(abbreviationKey(written), entry);
      spellings.set(abbreviationKey(written), written);
    }
    for (const form of entry.longForms) byLongForm.set(longFormKey(form), entry);
  }
  // Names second, so an explicit long form wins over another entry's identical name.
  for (const entry of CREDENTIAL_CATALOG) {
    const key = longFormKey(entry.name);
    if (!byLongForm.has(key)) byLongForm.set(key, entry);
  }
  const longForms = [...byLongForm.keys()];
  index = {
    byId,
    byAbbreviation,
    byLongForm,
    spellings,
    longFormFirstWords: new Set(longForms.map((k) => k.split(' ')[0] ?? '')),
    longestLongFormWords: Math.max(...longForms.map((k) => k.split(' ').length)),
  };
  return index;
}

/**
 * The catalog entry an abbreviation means, matched as written apart from dots and spaces.
 *
 * @example
 * findCredential('D.P.T.')?.id; // 'DPT'
 * findCredential('Cert MDT')?.id; // 'Cert. MDT'
 * findCredential('dpt'); // undefined: case carries meaning (LAc is not LAC)
 * @throws {TypeError} when `abbreviation` is not text
 */
export function findCredential(abbreviation: string): CatalogEntry | undefined {
  expectText('findCredential', 'abbreviation', abbreviation);
  return catalogIndex().byAbbreviation.get(keyOf(abbreviation));
}

/**
 * The catalog entry a spelled-out name means, e.g. `Doctor of Physical Therapy` → DPT or
 * `Board-Certified Orthopaedic Clinical Specialist` → OCS.
 *
 * @throws {TypeError} when `name` is not text
 */
export function findCredentialByName(name: string): CatalogEntry | undefined {
  expectText('findCredentialByName', 'name', name);
  return catalogIndex().byLongForm.get(nameKey(name));
}

/**
 * The catalog entry with this id (its canonical abbreviation, or a slug for spelled-out-only ones).
 *
 * @throws {TypeError} when `id` is not text
 */
export function credentialById(id: string): CatalogEntry | undefined {
  expectText('credentialById', 'id', id);
  return catalogIndex().byId.get(id);
}

/**
 * The catalog spelling a near miss probably meant: `CMPTT` → `CMPT`, `Dpt` → `DPT`.
 * `undefined` when nothing is close.
 *
 * @throws {TypeError} when `text` is not text
 */
export function suggestCredential(text: string): string | undefined {
  expectText('suggestCredential', 'text', text);
  if (SUGGESTIONS.has(text)) return SUGGESTIONS.get(text);
  const found = closestSpelling(text);
  // The same typo comes back again and again in a roster; edit distance over the catalog is dear.
  if (SUGGESTIONS.size >= 10_000) SUGGESTIONS.clear();
  SUGGESTIONS.set(text, found);
  return found;
}

const SUGGESTIONS = new Map<string, string | undefined>();

function closestSpelling(text: string): string | undefined {
  const key = keyOf(text);
  const lower = key.toLowerCase();
  const { spellings } = catalogIndex();
  for (const [candidate, written] of spellings)
    if (candidate.toLowerCase() === lower) return written;
  const closest = suggestClosestUnchecked(key, spellings.keys());
  return closest === undefined ? undefined : spellings.get(closest);
}
