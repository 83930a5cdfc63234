import { argumentError, expectText } from '../shared/arguments.js';
import { editDistance } from '../shared/suggest.js';
import { CREDENTIAL_CATALOG, NOT_CREDENTIALS } from './catalog.js';
import type { CatalogEntry } from './catalog-entry.js';
import {
  type CustomCredential,
  customCatalogEntry,
  customCatalogProblem,
} from './custom-credential.js';

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

const KEY_DROPPED = /[.\s\u200b-\u200d\ufeff]/g;

function keyOf(text: string): string {
  return text.replace(KEY_DROPPED, '');
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

/** A credential catalog with its lookup tables: the built-in one, or it plus an organisation's own. */
export interface CredentialCatalog {
  /** Every entry, built-in first (custom ones in place of the built-in they replace), then custom. */
  readonly entries: readonly CatalogEntry[];
  /**
   * The entry an abbreviation means, matched as written apart from dots and spaces (`D.P.T.` is
   * DPT, `Cert MDT` is Cert. MDT). Case is kept (`LAc` is not `LAC`); only entries marked
   * {@link CatalogEntry.anyCase} — degrees and long codes whose letters no other credential
   * shares — are also found in another case (`PHD`, `cert. mdt`), and then only when the text
   * is written all in one case or is at least five characters long, so that a name such as
   * "Edd" is not read as EdD.
   */
  find(written: string): CatalogEntry | undefined;
  /** The entry a spelled-out name means, ignoring case, hyphens, dots and `&` for "and". */
  findByName(name: string): CatalogEntry | undefined;
  /** The entry with this id. */
  byId(id: string): CatalogEntry | undefined;
  /**
   * The catalog spelling a near miss probably meant (`CMPTT` → `CMPT`, `Dpt` → `DPT`), or
   * `undefined` when nothing is close. For text that is itself a credential, its own spelling
   * ({@link CredentialCatalog.spellingOf}): never a different credential.
   */
  suggest(written: string): string | undefined;
  /**
   * The canonical spelling a fix writes for `written`, or `undefined` when it is no credential:
   * the entry's abbreviation for the abbreviation itself and for a deprecated alias (`t-DPT` →
   * `DPT`), or the kept variant matched (`ScD` stays `ScD`, `Cred. MDT` stays `Cred. MDT`), as
   * the catalog writes it — periods dropped where the catalog has none (`Ph.D.` → `PhD`,
   * `Sc.D.` → `ScD`), because APTA writes designations and degrees without periods ("PT, DPT,
   * PhD"; APTA, Appropriate Use of Designations, HOD RC 4-16:
   * https://www.apta.org/apta-and-you/leadership-and-governance/policies/appropriate-use-of-designations),
   * and the case the catalog gives (`cert. mdt` → `Cert. MDT`).
   */
  spellingOf(written: string): string | undefined;
  /** The first word of every spelled-out credential, so that most words can be ruled out at once. */
  readonly longFormFirstWords: ReadonlySet<string>;
  /** The most words a spelled-out credential in the catalog has. */
  readonly longestLongFormWords: number;
}

/** A written form of an entry's abbreviation and the spelling a fix writes for it. */
interface Spelling {
  readonly entry: CatalogEntry;
  /** The abbreviation (for itself and its aliases) or the variant as the catalog writes it. */
  readonly spelling: string;
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

/** Written forms of an entry: abbreviation first, then variants, then aliases. */
function writtenForms(entry: CatalogEntry): { written: string; spelling: string }[] {
  const forms: { written: string; spelling: string }[] = [];
  const abbreviation = entry.abbreviation;
  if (abbreviation === undefined) return forms;
  forms.push({ written: abbreviation, spelling: abbreviation });
  for (const variant of entry.variants ?? []) forms.push({ written: variant, spelling: variant });
  for (const alias of entry.aliases) forms.push({ written: alias, spelling: abbreviation });
  return forms;
}

// How many written forms a catalog remembers before it starts afresh (a few MB at most).
const RECENT_LIMIT = 20_000;

// A text shorter than this is found in another case only when written all in one case.
const MIXED_CASE_MIN = 5;

class Catalog implements CredentialCatalog {
  readonly entries: readonly CatalogEntry[];
  readonly longFormFirstWords: ReadonlySet<string>;
  readonly longestLongFormWords: number;
  readonly index: CatalogIndex;
  readonly #byKey = new Map<string, Spelling>();
  readonly #byFoldedKey = new Map<string, Spelling>();
  readonly #byId = new Map<string, CatalogEntry>();
  readonly #byLongForm = new Map<string, CatalogEntry>();
  readonly #suggestions = new Map<string, string | undefined>();
  readonly #recent = new Map<string, Spelling | null>();

  constructor(entries: readonly CatalogEntry[]) {
    this.entries = entries;
    // Later entries win a shared key: custom credentials come last and shadow the built-in.
    const folded = new Map<string, Spelling | null>();
    for (const entry of entries) {
      this.#byId.set(entry.id, entry);
      for (const { written, spelling } of writtenForms(entry)) {
        const key = keyOf(written);
        const found = { entry, spelling };
        this.#byKey.set(key, found);
        // A folded key two entries share is found in no other case.
        const lower = key.toLowerCase();
        const other = folded.get(lower);
        if (other === undefined) folded.set(lower, entry.anyCase ? found : null);
        else if (other === null || other.entry !== entry) folded.set(lower, null);
      }
      for (const form of entry.longForms) this.#byLongForm.set(nameKey(form), entry);
    }
    for (const [lower, found] of folded) if (found) this.#byFoldedKey.set(lower, found);
    // Names second, so an explicit long form wins over another entry's identical name.
    for (const entry of entries) {
      const key = nameKey(entry.name);
      if (!this.#byLongForm.has(key)) this.#byLongForm.set(key, entry);
    }
    const longForms = [...this.#byLongForm.keys()];
    this.longFormFirstWords = new Set(longForms.map((k) => k.split(' ')[0] ?? ''));
    this.longestLongFormWords = Math.max(0, ...longForms.map((k) => k.split(' ').length));
    const spellings = new Map<string, string>();
    const byAbbreviation = new Map<string, CatalogEntry>();
    for (const [key, found] of this.#byKey) {
      spellings.set(key, found.spelling);
      byAbbreviation.set(key, found.entry);
    }
    this.index = {
      byId: this.#byId,
      byAbbreviation,
      byLongForm: this.#byLongForm,
      spellings,
      longFormFirstWords: this.longFormFirstWords,
      longestLongFormWords: this.longestLongFormWords,
    };
  }

  #lookup(written: string): Spelling | undefined {
    // A roster repeats the same few hundred words (PT, DPT, names): remember what each read as.
    const cached = this.#recent.get(written);
    if (cached !== undefined) return cached === null ? undefined : cached;
    const found = this.#read(written);
    if (this.#recent.size >= RECENT_LIMIT) this.#recent.clear();
    this.#recent.set(written, found ?? null);
    return found;
  }

  #read(written: string): Spelling | undefined {
    const key = keyOf(written);
    const exact = this.#byKey.get(key);
    if (exact !== undefined || this.#byFoldedKey.size === 0) return exact;
    const lower = key.toLowerCase();
    const folded = this.#byFoldedKey.get(lower);
    if (folded === undefined) return undefined;
    if (key.length >= MIXED_CASE_MIN || key === lower || key === key.toUpperCase()) return folded;
    return undefined;
  }

  /** The entry and the spelling a fix writes for `written`, in one lookup. */
  lookup(written: string): Spelling | undefined {
    return this.#lookup(written);
  }

  find(written: string): CatalogEntry | undefined {
    if (typeof written !== 'string') expectText('CredentialCatalog.find', 'written', written);
    return this.#lookup(written)?.entry;
  }

  findByName(name: string): CatalogEntry | undefined {
    if (typeof name !== 'string') expectText('CredentialCatalog.findByName', 'name', name);
    return this.#byLongForm.get(nameKey(name));
  }

  byId(id: string): CatalogEntry | undefined {
    if (typeof id !== 'string') expectText('CredentialCatalog.byId', 'id', id);
    return this.#byId.get(id);
  }

  spellingOf(written: string): string | undefined {
    if (typeof written !== 'string') expectText('CredentialCatalog.spellingOf', 'written', written);
    return this.#lookup(written)?.spelling;
  }

  suggest(written: string): string | undefined {
    if (typeof written !== 'string') expectText('CredentialCatalog.suggest', 'written', written);
    const cache = this.#suggestions;
    if (cache.has(written)) return cache.get(written);
    const found = this.#lookup(written)?.spelling ?? this.#closestSpelling(written);
    // The same typo comes back again and again in a roster; edit distance over the catalog is dear.
    if (cache.size >= 10_000) cache.clear();
    cache.set(written, found);
    return found;
  }

  #closestSpelling(text: string): string | undefined {
    const key = keyOf(text);
    // "*D", "2", "&": too little of a word to be a slip of a credential's spelling.
    if (key.replace(NOT_LETTER_OR_DIGIT, '').length < 2 || notCredentialKeys().has(key))
      return undefined;
    const lower = key.toLowerCase();
    const spellings = this.index.spellings;
    for (const [candidate, spelling] of spellings)
      if (candidate.toLowerCase() === lower) return spelling;
    const closest = closestKey(key, spellings.keys());
    return closest === undefined ? undefined : spellings.get(closest);
  }
}

/**
 * The key closest to `key` (ignoring case) when within a third of its length in edits (at most
 * 3), as `suggestClosest` does; a tie goes to the likeliest slip of the hand: a doubled letter
 * (`CMPTT` for CMPT), then two letters swapped (`OSC` for OCS, `PRCP` for PRPC), then a letter
 * dropped or added (`FAAMPT` for FAAOMPT), then a letter struck for another.
 */
function closestKey(key: string, candidates: Iterable<string>): string | undefined {
  const word = key.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let bestScore = -1;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (Math.abs(lower.length - word.length) > limit) continue;
    const distance = editDistance(word, lower);
    if (distance > bestDistance) continue;
    const score = slipScore(word, lower);
    if (distance < bestDistance || score > bestScore) {
      best = candidate;
      bestDistance = distance;
      bestScore = score;
    }
  }
  return best;
}

function slipScore(word: string, candidate: string): number {
  if (isDoubling(word, candidate)) return 3;
  if (word.length === candidate.length && [...word].sort().join() === [...candidate].sort().join())
    return 2;
  return isSubsequence(word, candidate) || isSubsequence(candidate, word) ? 1 : 0;
}

/** Whether `word` is `candidate` with one letter typed twice. */
function isDoubling(word: string, candidate: string): boolean {
  if (word.length !== candidate.length + 1) return false;
  for (let i = 1; i < word.length; i++)
    if (word[i] === word[i - 1] && word.slice(0, i) + word.slice(i + 1) === candidate) return true;
  return false;
}

/** Whether every letter of `short` appears in `long` in order. */
function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (long[j] === short[i]) i++;
  return i === short.length;
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

let notCredentials: ReadonlySet<string> | undefined;

/** Keys of {@link NOT_CREDENTIALS}: no near-miss suggestion is made for them. */
function notCredentialKeys(): ReadonlySet<string> {
  notCredentials ??= new Set(NOT_CREDENTIALS.map((n) => keyOf(n.written)));
  return notCredentials;
}

/**
 * The spelling a fix writes for `written` when the catalog reads it as `entry`
 * ({@link CredentialCatalog.spellingOf}), else `undefined`: one lookup for the catalogs this
 * module builds, two for another implementation of the interface.
 */
export function spellingFor(
  catalog: CredentialCatalog,
  written: string,
  entry: CatalogEntry,
): string | undefined {
  if (catalog instanceof Catalog) {
    const found = catalog.lookup(written);
    return found?.entry === entry ? found.spelling : undefined;
  }
  return catalog.find(written) === entry ? catalog.spellingOf(written) : undefined;
}

let builtIn: Catalog | undefined;

/**
 * The built-in catalog ({@link CREDENTIAL_CATALOG}) with its lookup tables, built on first use
 * rather than at import, so that importing a module of this package does no work
 * (`sideEffects: false` holds in fact), and built once.
 *
 * @example
 * defaultCatalog().find('D.P.T.')?.id; // 'DPT'
 * defaultCatalog().spellingOf('Sc.D.'); // 'ScD'
 */
export function defaultCatalog(): CredentialCatalog {
  builtIn ??= new Catalog(CREDENTIAL_CATALOG);
  return builtIn;
}

const customCatalogs = new WeakMap<readonly CustomCredential[], CredentialCatalog>();

/**
 * The built-in catalog plus an organisation's own credentials (from `ptfx.config.json` or the
 * `catalog` lint option). A custom credential whose abbreviation the built-in catalog has as an
 * abbreviation (dots, spaces aside) replaces that built-in entry, in its place; any other is added
 * at the end, and its spellings win over a built-in variant or alias written the same way. The
 * catalog is built once per array (held weakly): pass the same array for every listing of a
 * roster. An empty array gives {@link defaultCatalog}.
 *
 * @example
 * const catalog = credentialCatalog([{ abbreviation: 'CFMT', name: 'Certified Functional Manual Therapist', kind: 'certification' }]);
 * catalog.find('CFMT')?.name; // 'Certified Functional Manual Therapist'
 * @throws {TypeError} when `custom` is not a list, or one of its items is not a custom
 * credential (as `customCatalogEntry` says)
 */
export function credentialCatalog(custom: readonly CustomCredential[]): CredentialCatalog {
  if (!Array.isArray(custom))
    throw argumentError(
      'credentialCatalog(custom)',
      'a list of custom credentials such as [{ abbreviation: "CFMT", name: "Certified Functional Manual Therapist", kind: "certification" }]',
      custom,
    );
  if (custom.length === 0) return defaultCatalog();
  const cached = customCatalogs.get(custom);
  if (cached) return cached;
  const problem = customCatalogProblem(custom);
  if (problem)
    throw new TypeError(
      `credentialCatalog(custom${problem.path.map((p) => `[${JSON.stringify(p)}]`).join('')}): ${problem.message}; give each credential abbreviation, name and kind (and optionally issuer, renewal, aliases, longForms, source)`,
    );
  const added = custom.map(customCatalogEntry);
  const replacing = new Map<string, CatalogEntry>();
  for (const entry of added)
    if (entry.abbreviation !== undefined) replacing.set(keyOf(entry.abbreviation), entry);
  const used = new Set<CatalogEntry>();
  const entries: CatalogEntry[] = CREDENTIAL_CATALOG.map((entry) => {
    const replacement =
      entry.abbreviation === undefined ? undefined : replacing.get(keyOf(entry.abbreviation));
    if (replacement === undefined) return entry;
    used.add(replacement);
    return replacement;
  });
  for (const entry of added) if (!used.has(entry)) entries.push(entry);
  const catalog = new Catalog(entries);
  customCatalogs.set(custom, catalog);
  return catalog;
}

/**
 * The built-in catalog's lookup tables (those of {@link defaultCatalog}).
 */
export function catalogIndex(): CatalogIndex {
  return (defaultCatalog() as Catalog).index;
}

/**
 * The built-in catalog entry an abbreviation means, matched as written apart from dots and
 * spaces ({@link CredentialCatalog.find} of {@link defaultCatalog}).
 *
 * @example
 * findCredential('D.P.T.')?.id; // 'DPT'
 * findCredential('Cert MDT')?.id; // 'Cert. MDT'
 * findCredential('dpt'); // undefined: case carries meaning for short codes (LAc is not LAC)
 * @throws {TypeError} when `abbreviation` is not text
 */
export function findCredential(abbreviation: string): CatalogEntry | undefined {
  expectText('findCredential', 'abbreviation', abbreviation);
  return defaultCatalog().find(abbreviation);
}

/**
 * The built-in catalog entry a spelled-out name means, e.g. `Doctor of Physical Therapy` → DPT
 * or `Board-Certified Orthopaedic Clinical Specialist` → OCS.
 *
 * @throws {TypeError} when `name` is not text
 */
export function findCredentialByName(name: string): CatalogEntry | undefined {
  expectText('findCredentialByName', 'name', name);
  return defaultCatalog().findByName(name);
}

/**
 * The built-in catalog entry with this id (its canonical abbreviation, or a slug for
 * spelled-out-only ones).
 *
 * @throws {TypeError} when `id` is not text
 */
export function credentialById(id: string): CatalogEntry | undefined {
  expectText('credentialById', 'id', id);
  return defaultCatalog().byId(id);
}

/**
 * The built-in catalog spelling a near miss probably meant: `CMPTT` → `CMPT`, `Dpt` → `DPT`.
 * `undefined` when nothing is close.
 *
 * @throws {TypeError} when `text` is not text
 */
export function suggestCredential(text: string): string | undefined {
  expectText('suggestCredential', 'text', text);
  return defaultCatalog().suggest(text);
}
