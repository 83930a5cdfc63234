// An organisation's own credentials, as a configuration file or a request gives them: the few
// fields a person can be expected to write, turned into a full catalog entry.
import { describeArgument, expectShape, shapeMismatch } from '../shared/arguments.js';
import { CUSTOM_CREDENTIAL, CUSTOM_CREDENTIALS } from '../shared/shapes.js';
import type { CatalogEntry, CredentialKind, RenewalRule } from './catalog-entry.js';

/**
 * A credential an organisation recognises that the built-in catalog lacks (or that it describes
 * differently), as written in `ptfx.config.json` or a lint request's `catalog`.
 *
 * @example
 * const cfmt: CustomCredential = {
 *   abbreviation: 'CFMT',
 *   name: 'Certified Functional Manual Therapist',
 *   kind: 'certification',
 *   issuer: 'Institute of Physical Art',
 * };
 */
export interface CustomCredential {
  /** How it is written after a name, e.g. `CFMT`; also its id in the catalog. */
  readonly abbreviation: string;
  /** The name written out, e.g. `Certified Functional Manual Therapist`. */
  readonly name: string;
  /** What it is, which decides where it goes in a listing. */
  readonly kind: CredentialKind;
  /** Who issues it. */
  readonly issuer?: string;
  /** How it stays valid; `{ kind: 'unknown' }` when not given. */
  readonly renewal?: RenewalRule;
  /** Other written forms a fix rewrites to the abbreviation, e.g. `C.F.M.T`. */
  readonly aliases?: readonly string[];
  /** Other spelled-out forms that mean it. */
  readonly longForms?: readonly string[];
  /** Where the facts come from; "the organisation's configuration" when not given. */
  readonly source?: string;
}

/** The source of a custom credential that does not name one. */
export const CUSTOM_CREDENTIAL_SOURCE = "the organisation's configuration";

const UNKNOWN_RENEWAL: RenewalRule = { kind: 'unknown' };

/**
 * The catalog entry of a custom credential: its id is its abbreviation, its issuers the one
 * issuer given (or none), its renewal `{ kind: 'unknown' }` and its source "the organisation's
 * configuration" unless given. Only the fields given are set, so an entry says no more than the
 * organisation did.
 *
 * @example
 * customCatalogEntry({ abbreviation: 'CFMT', name: 'Certified Functional Manual Therapist', kind: 'certification' });
 * // { id: 'CFMT', abbreviation: 'CFMT', aliases: [], name: '…', longForms: [], kind: 'certification',
 * //   issuers: [], renewal: { kind: 'unknown' }, source: "the organisation's configuration" }
 * @throws {TypeError} when `custom` is not a custom credential (see {@link CUSTOM_CREDENTIAL})
 */
export function customCatalogEntry(custom: CustomCredential): CatalogEntry {
  expectShape('customCatalogEntry', 'custom', custom, CUSTOM_CREDENTIAL);
  return {
    id: custom.abbreviation,
    abbreviation: custom.abbreviation,
    aliases: [...(custom.aliases ?? [])],
    name: custom.name,
    longForms: [...(custom.longForms ?? [])],
    kind: custom.kind,
    issuers: custom.issuer === undefined ? [] : [custom.issuer],
    renewal: custom.renewal ?? UNKNOWN_RENEWAL,
    source: custom.source ?? CUSTOM_CREDENTIAL_SOURCE,
  };
}

/** What is wrong with a list of custom credentials: where in the list, and what. */
export interface CustomCatalogProblem {
  /** `invalid-value` for an entry that does not fit, `duplicate-abbreviation` for a repeat. */
  readonly code: 'invalid-value' | 'duplicate-abbreviation';
  /** Below the list: `[2, 'kind']`, `[3, 'abbreviation']`; empty when it is not a list. */
  readonly path: readonly (string | number)[];
  /** What was expected and what came, or which entry already has the abbreviation. */
  readonly message: string;
}

/**
 * What is wrong with a list of custom credentials, or `undefined`: an entry that does not fit
 * {@link CUSTOM_CREDENTIALS}, or an abbreviation (or alias) that an earlier entry already has,
 * compared as the catalog matches them (dots and spaces ignored, case kept: `C.F.M.T` is `CFMT`).
 *
 * @example
 * customCatalogProblem([{ abbreviation: 'CFMT', name: 'A', kind: 'certification' },
 *                       { abbreviation: 'C.F.M.T.', name: 'B', kind: 'certification' }]);
 * // { path: [1, 'abbreviation'], message: '"C.F.M.T." is already the abbreviation of entry 0 ("CFMT"); …' }
 */
export function customCatalogProblem(value: unknown): CustomCatalogProblem | undefined {
  const found = shapeMismatch(value, CUSTOM_CREDENTIALS.shape);
  if (found) {
    return {
      code: 'invalid-value',
      path: found.path,
      message:
        found.path.length === 0
          ? `expected ${CUSTOM_CREDENTIALS.what}, got ${describeArgument(found.value)}`
          : `expected ${found.expected}, got ${describeArgument(found.value)}`,
    };
  }
  const seen = new Map<string, { index: number; written: string }>();
  const list = value as readonly CustomCredential[];
  for (let index = 0; index < list.length; index++) {
    const custom = list[index] as CustomCredential;
    const forms: [(string | number)[], string][] = [
      [['abbreviation'], custom.abbreviation],
      ...(custom.aliases ?? []).map((alias, i): [(string | number)[], string] => [
        ['aliases', i],
        alias,
      ]),
    ];
    for (const [where, written] of forms) {
      const key = written.replace(/[.\s\u200b-\u200d\ufeff]/g, '');
      const earlier = seen.get(key);
      // An alias that is its own abbreviation once dots are ignored is idle, not wrong.
      if (earlier && earlier.index !== index) {
        const whose = `entry ${earlier.index} (${list[earlier.index]?.abbreviation})`;
        return {
          code: 'duplicate-abbreviation',
          path: [index, ...where],
          message: `${JSON.stringify(written)} is already written by ${whose}${written === earlier.written ? '' : ` as ${JSON.stringify(earlier.written)}`}; give each custom credential its own abbreviation, and merge the two entries if they are one credential`,
        };
      }
      if (!earlier) seen.set(key, { index, written });
    }
  }
  return undefined;
}
