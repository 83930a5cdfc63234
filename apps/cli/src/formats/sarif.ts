import { CREDENTIAL_LINT_RULES, CREDENTIAL_RULES, type Severity } from '@ptfx/domain/credentials';
import { artifactLocation, type Finding, type Region, sarifLevel } from './finding.js';

/** SARIF's version, and the schema a log names. */
export const SARIF_VERSION = '2.1.0';
/** The `$schema` a SARIF log carries (the OASIS SARIF 2.1.0 schema, Errata 01). */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Where a reader learns about ptfx (the tool's `informationUri`). */
export const PTFX_INFORMATION_URI = 'https://ptfx.dev/';

/** A rule as `ptfx` describes it to SARIF: code, default level, one line, its source and link. */
export interface RuleInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly source?: string | undefined;
  readonly url?: string | undefined;
  /** Listings that break the rule and listings that pass, for the help text. */
  readonly fails?: readonly string[];
  readonly passes?: readonly string[];
}

/** The credential-listing rules, from `CREDENTIAL_LINT_RULES` (with the modules' examples). */
export function credentialRuleInfos(): RuleInfo[] {
  const examples = new Map<string, (typeof CREDENTIAL_RULES)[number]['meta']['examples']>(
    CREDENTIAL_RULES.map((r) => [r.meta.code, r.meta.examples]),
  );
  return Object.entries(CREDENTIAL_LINT_RULES).map(([code, rule]) => {
    const ex = examples.get(code);
    return {
      code,
      severity: rule.severity,
      summary: rule.summary,
      source: rule.source,
      url: rule.url,
      fails: ex?.fails.map((e) => e.listing) ?? [],
      passes: ex?.passes.map((e) => e.listing) ?? [],
    };
  });
}

/**
 * The codes `parseClinicData` and the clinic schema report about a data file (`ptfx validate`),
 * with what each means. A code not listed here still gets a rule entry when it occurs.
 */
export const DATA_FILE_RULES: readonly RuleInfo[] = [
  ['syntax-error', 'The file is not well-formed JSON or YAML.'],
  ['duplicate-key', 'A key appears twice in the same object; a parser would silently keep one.'],
  ['too-large', 'The file is larger than ptfx reads.'],
  ['missing', 'A required field is missing.'],
  ['invalid-type', 'A value has the wrong type (text where a number belongs, and so on).'],
  ['invalid-value', 'A value is not one of those the clinic schema allows.'],
  ['invalid-format', 'A value does not have the required format (a date, a URL, an email).'],
  ['unknown-key', 'A key the clinic schema does not define; usually a misspelled one.'],
  ['empty', 'A text that must not be empty is empty.'],
  ['too-short', 'A text or list is shorter than allowed.'],
  ['too-long', 'A text is longer than allowed.'],
  ['too-few', 'A list has fewer items than required.'],
  ['too-many', 'A list has more items than allowed.'],
  ['out-of-range', 'A number is outside its allowed range.'],
  ['invalid-phone', 'A phone number is not a valid North American number.'],
  ['invalid-npi', 'An NPI is not ten digits with a valid Luhn check digit.'],
  ['unknown-state', 'A state is not a USPS state code.'],
  ['unknown-time-zone', 'A time zone is not an IANA time-zone name.'],
  ['invalid-language', 'A language is not a BCP 47 language tag.'],
  ['invalid-hours', 'Opening hours are not valid times, or close before they open.'],
  ['overlapping-hours', 'Two opening-hour ranges of the same day overlap.'],
  ['overlapping-exceptions', 'Two exceptions to the opening hours overlap.'],
  ['invalid-date-range', 'A date range ends before it starts.'],
  ['duplicate-value', 'A value that must be unique in its list appears twice.'],
  ['duplicate-slug', 'Two items share a slug, so their pages would share an address.'],
  ['unknown-reference', 'A reference (a location or therapist id) names nothing in the file.'],
  ['read-time-mismatch', 'An article’s stated reading time does not match its length.'],
].map(([code, summary]) => ({
  code: code as string,
  severity: 'error',
  summary: summary as string,
}));

const pascal = (code: string) =>
  code.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const isUri = (url: string | undefined): url is string => !!url && /^https?:\/\/\S+$/.test(url);

/** A SARIF `reportingDescriptor` for a rule. */
export function sarifRule(rule: RuleInfo): Record<string, unknown> {
  const lines = [sentence(rule.summary)];
  if (rule.fails?.length) lines.push(`Breaks it: ${rule.fails.map((l) => `"${l}"`).join('; ')}.`);
  if (rule.passes?.length) lines.push(`Passes: ${rule.passes.map((l) => `"${l}"`).join('; ')}.`);
  if (rule.source) lines.push(`Source: ${rule.source}`);
  lines.push(`More: ptfx credentials explain ${rule.code}`);
  return {
    id: rule.code,
    name: pascal(rule.code),
    shortDescription: { text: sentence(rule.summary) },
    fullDescription: {
      text: rule.source
        ? `${sentence(rule.summary)} Source: ${rule.source}`
        : sentence(rule.summary),
    },
    help: { text: lines.join('\n') },
    ...(isUri(rule.url) ? { helpUri: rule.url } : {}),
    defaultConfiguration: { level: sarifLevel(rule.severity) },
  };
}

function sarifRegion(region: Region): Record<string, number> {
  return {
    startLine: region.startLine,
    ...(region.startColumn === undefined ? {} : { startColumn: region.startColumn }),
    ...(region.endLine === undefined ? {} : { endLine: region.endLine }),
    ...(region.endColumn === undefined ? {} : { endColumn: region.endColumn }),
  };
}

/**
 * A SARIF log written as it goes, for a million rows without one giant object: {@link header}
 * (the tool, its rules, and the opening of `results`), one {@link result} per finding, then the
 * {@link footer}. Every piece is a string; concatenated they are one valid SARIF 2.1.0 log.
 */
export class SarifStream {
  readonly #rules: RuleInfo[] = [];
  readonly #index = new Map<string, number>();
  readonly #cwd: string;
  readonly #version: string;
  readonly #artifacts = new Map<string, object>();
  #count = 0;

  /** Rules are listed in order; a later rule with a code already listed is dropped. */
  constructor(options: { rules: readonly RuleInfo[]; version: string; cwd: string }) {
    for (const rule of options.rules) this.add(rule);
    this.#cwd = options.cwd;
    this.#version = options.version;
  }

  /** Adds a rule (before {@link header}); returns its index. */
  add(rule: RuleInfo): number {
    const known = this.#index.get(rule.code);
    if (known !== undefined) return known;
    this.#rules.push(rule);
    this.#index.set(rule.code, this.#rules.length - 1);
    return this.#rules.length - 1;
  }

  /** How many results were written. */
  get count(): number {
    return this.#count;
  }

  /** The log up to the first result. */
  header(): string {
    const driver = {
      name: 'ptfx',
      version: this.#version,
      semanticVersion: this.#version,
      informationUri: PTFX_INFORMATION_URI,
      rules: this.#rules.map(sarifRule),
    };
    const head = JSON.stringify({
      $schema: SARIF_SCHEMA_URI,
      version: SARIF_VERSION,
      runs: [
        {
          tool: { driver },
          originalUriBaseIds: {
            '%SRCROOT%': {
              description: { text: 'The directory ptfx ran in (the repository root in CI).' },
            },
          },
          columnKind: 'utf16CodeUnits',
          results: [],
        },
      ],
    });
    // Everything but the closing `]}]}` of the empty results array: results follow.
    return `${head.slice(0, -4)}\n`;
  }

  /** One result (with its separator). */
  result(finding: Finding): string {
    const index = this.#index.get(finding.code);
    const result: Record<string, unknown> = {
      ruleId: finding.code,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: sarifLevel(finding.severity),
      message: { text: finding.message },
    };
    if (finding.file !== undefined) {
      let artifact = this.#artifacts.get(finding.file);
      if (artifact === undefined) {
        artifact = artifactLocation(finding.file, this.#cwd);
        this.#artifacts.set(finding.file, artifact);
      }
      result.locations = [
        {
          physicalLocation: {
            artifactLocation: artifact,
            ...(finding.region ? { region: sarifRegion(finding.region) } : {}),
          },
        },
      ];
      if (finding.fix)
        result.fixes = [
          {
            description: { text: finding.fix.description },
            artifactChanges: [
              {
                artifactLocation: artifact,
                replacements: [
                  {
                    deletedRegion: sarifRegion(finding.fix.region),
                    insertedContent: { text: finding.fix.text },
                  },
                ],
              },
            ],
          },
        ];
    }
    if (finding.properties) result.properties = finding.properties;
    return `${this.#count++ === 0 ? '' : ',\n'}${JSON.stringify(result)}`;
  }

  /** The end of the log: closes `results`, records the invocation and its exit code. */
  footer(exitCode: number): string {
    return `\n],"invocations":[${JSON.stringify({ executionSuccessful: true, exitCode })}]}]}\n`;
  }
}
