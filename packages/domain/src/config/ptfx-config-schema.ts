// The zod schema of ptfx.config.json, and of the same options in a lint request: rule levels, an
// organisation's own credentials, and the default profile, state and role.
import * as z from 'zod';
import { type UsStateCode, UsStateCodeSchema } from '../contact/us-state.js';
import { CREDENTIAL_PROFILES, type CredentialProfile } from '../credentials/canonical-order.js';
import { CREDENTIAL_KINDS } from '../credentials/catalog-entry.js';
import { type CustomCredential, customCatalogProblem } from '../credentials/custom-credential.js';
import { CREDENTIAL_LINT_RULES } from '../credentials/lint-rules.js';
import type { CredentialRuleLevel, CredentialRuleLevels } from '../credentials/rules/rule.js';
import { reportIssue } from '../shared/schema.js';
import { type TherapistRole, TherapistRoleSchema } from '../therapists/therapist.js';

/** The levels a rule can be set to: `off` drops it, a severity replaces its default. */
export const RULE_LEVELS = [
  'off',
  'info',
  'warning',
  'error',
] as const satisfies readonly CredentialRuleLevel[];
/** One of {@link RULE_LEVELS}: the linter's `CredentialRuleLevel` under the configuration's name. */
export type RuleLevel = CredentialRuleLevel;

/**
 * The codes of the rules a configuration can set: every code of `CREDENTIAL_LINT_RULES` but
 * `invalid-argument`, which says the listing or options could not be judged at all.
 */
export function configurableRuleCodes(): string[] {
  return Object.keys(CREDENTIAL_LINT_RULES).filter((code) => code !== 'invalid-argument');
}

/** A rule's level: `off`, `info`, `warning` or `error`. */
export const RuleLevelSchema = z
  .enum(RULE_LEVELS)
  .describe('"off" drops the rule; "info", "warning" or "error" replaces its default severity');

function ruleDescription(code: string): string {
  const rule: { readonly severity: string; readonly summary?: string } | undefined =
    Object.getOwnPropertyDescriptor(CREDENTIAL_LINT_RULES, code)?.value;
  return `${rule?.summary ?? code} Default: ${rule?.severity ?? 'warning'}.`;
}

/**
 * Rule levels by code, `{ "order": "off", "unknown-credential": "error" }`: a rule not named keeps
 * its default; a code that is not a rule is refused.
 */
export const RuleLevelsSchema = z
  .strictObject(
    Object.fromEntries(
      configurableRuleCodes().map((code) => [
        code,
        RuleLevelSchema.optional().describe(ruleDescription(code)),
      ]),
    ),
  )
  .describe(
    'Rule levels by code ("off", "info", "warning", "error"); a rule not named keeps its default severity. `ptfx credentials explain CODE` says what a rule checks.',
  );

const YearsSchema = z.int().min(1).max(100).describe('Length of the cycle in years, from 1 to 100');

/** How a custom credential stays valid, as `CatalogEntry.renewal` says it. */
export const RenewalRuleSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({ kind: z.literal('none').describe('Never lapses (degrees, honors)') })
      .describe('Never lapses'),
    z
      .strictObject({
        kind: z.literal('years').describe('Valid a fixed number of years from when earned'),
        years: YearsSchema,
      })
      .describe('Valid `years` years from when it was earned or last renewed'),
    z
      .strictObject({
        kind: z.literal('fixed-cycle').describe('Everyone shares fixed renewal cycles'),
        years: YearsSchema,
        anchorYear: z
          .int()
          .min(1900)
          .max(2999)
          .describe('A year one of the cycles ends in (Dec 31), such as 2026'),
      })
      .describe('Shared cycles of `years` years, one ending Dec 31 of `anchorYear`'),
    z
      .strictObject({
        kind: z.literal('varies-by-state').describe('Set by each state board'),
      })
      .describe('Set by each state board'),
    z
      .strictObject({ kind: z.literal('unknown').describe('No source says') })
      .describe('No source says (the default)'),
  ])
  .describe('How the credential stays valid; { "kind": "unknown" } when not given');

// Patterns without flags: JSON Schema and OpenAPI carry a pattern's source, and a flag lost there
// would change what it matches. "A letter" needs \p{L} and so the u flag: a refinement instead.
const AbbreviationSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^\S(?:[\s\S]*\S)?$/, { error: 'must not start or end with a space' })
  .regex(/^[^,]*$/, { error: 'must not hold a comma, which separates credentials in a listing' })
  .refine((text) => /\p{L}/u.test(text), { error: 'must hold a letter' });

const TextSchema = (max: number, description: string) =>
  z.string().trim().min(1).max(max).describe(description);

/** A credential the organisation recognises, as written in `catalog`. */
export const CustomCredentialSchema = z
  .strictObject({
    abbreviation: AbbreviationSchema.describe(
      'How it is written after a name, such as "CFMT"; replaces a built-in credential of the same abbreviation',
    ),
    name: TextSchema(200, 'The name written out, such as "Certified Functional Manual Therapist"'),
    kind: z
      .enum(CREDENTIAL_KINDS)
      .describe(
        'What it is, which decides its place in a listing: "certification", "academic-degree", "fellowship", …',
      ),
    issuer: TextSchema(200, 'Who issues it, such as "Institute of Physical Art"').optional(),
    renewal: RenewalRuleSchema.optional(),
    aliases: z
      .array(AbbreviationSchema.describe('Another written form, rewritten by a fix'))
      .max(20)
      .optional()
      .describe('Other written forms that a fix rewrites to the abbreviation, such as "C.F.M.T."'),
    longForms: z
      .array(TextSchema(200, 'A spelled-out form'))
      .max(20)
      .optional()
      .describe('Other spelled-out forms that mean this credential'),
    source: TextSchema(500, 'Where the facts come from, such as a URL')
      .optional()
      .describe(
        'Where the facts come from, such as the issuer’s page; "the organisation\'s configuration" when not given',
      ),
  })
  .describe('A credential the organisation recognises: abbreviation, name and kind at least');

/** The organisation's own credentials; an abbreviation (or alias) may appear once. */
export const CustomCredentialsSchema = z
  .array(CustomCredentialSchema)
  .max(500)
  .superRefine((list, ctx) => {
    const problem = customCatalogProblem(list);
    // An entry that does not fit has its own issue from the item schema.
    if (problem?.code === 'duplicate-abbreviation')
      reportIssue(ctx, 'duplicate-abbreviation', problem.message, { path: problem.path });
  })
  .describe(
    'Credentials the organisation recognises, merged into the catalog; one with a built-in abbreviation replaces the built-in entry',
  );

/** The `$id` of the configuration file's JSON Schema. */
export const PTFX_CONFIG_JSON_SCHEMA_ID = 'https://ptfx.dev/schema/ptfx.config.schema.json';

/**
 * The schema of `ptfx.config.json`: strict, so a misspelt key is an error rather than ignored.
 *
 * @example
 * ptfxConfigSchema.parse({ rules: { order: 'off' }, state: 'CA' });
 */
export const ptfxConfigSchema = z
  .strictObject({
    $schema: z
      .string()
      .max(2000)
      .optional()
      .describe(
        `The JSON Schema of this file, for editors: "./node_modules/@ptfx/domain/schema/ptfx.config.schema.json" or ${PTFX_CONFIG_JSON_SCHEMA_ID}`,
      ),
    rules: RuleLevelsSchema.optional(),
    catalog: CustomCredentialsSchema.optional(),
    profile: z
      .enum(CREDENTIAL_PROFILES as readonly CredentialProfile[] as [CredentialProfile])
      .optional()
      .describe('The credential order to judge by: "apta-2016" (the default) or "apta-legacy"'),
    state: UsStateCodeSchema.optional().describe(
      'The state whose title law applies when a roster row or flag does not say, such as "CA"',
    ),
    role: TherapistRoleSchema.optional().describe(
      'The role when a roster row or flag does not say: "PT", "PTA" or "other"',
    ),
  })
  .describe(
    'ptfx configuration: rule levels, custom credentials, and default profile, state and role',
  );

/** A `ptfx.config.json` as read: every key optional. */
export interface PtfxConfig {
  /** The JSON Schema the file points its editor at. */
  readonly $schema?: string;
  /** Rule levels by code; a rule not named keeps its default. */
  readonly rules?: CredentialRuleLevels;
  /** The organisation's own credentials, merged into the catalog. */
  readonly catalog?: readonly CustomCredential[];
  /** The credential order to judge by. */
  readonly profile?: CredentialProfile;
  /** The state whose title law applies by default. */
  readonly state?: UsStateCode;
  /** The role by default. */
  readonly role?: TherapistRole;
}
