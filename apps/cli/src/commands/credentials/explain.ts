import {
  aptaCategory,
  type CatalogEntry,
  CREDENTIAL_RULES,
  type CredentialRule,
  credentialById,
  findCredential,
  legacyRank,
  lintCredentialListing,
  type RuleExample,
  suggestClosest,
  suggestCredential,
} from '@ptfx/domain/credentials';
import { parseCommandArgs } from '../../args.js';
import { CliError, EXIT } from '../../errors.js';
import type { Io } from '../../io.js';
import { type Paint, paint, severityLabel } from '../../render.js';

/** Help text of `ptfx credentials explain`. */
export const help = `Usage: ptfx credentials explain [CODE | ABBR] [--json]

A lint rule, by its code: what it says, its default severity, the source it enforces (with a
link), and its examples with what each yields. Without a code, every rule in one line each.

A credential, by its abbreviation: what it is, who issues it, how it is renewed, where it goes
in the order, and why its abbreviation may be ambiguous.

Examples:
  ptfx credentials explain
  ptfx credentials explain missing-designation
  ptfx credentials explain title-requires-designation --json
  ptfx credentials explain DPT
  ptfx credentials explain "Cert MDT"
  ptfx credentials explain COMT --json
`;

function renewal(entry: CatalogEntry): string {
  const r = entry.renewal;
  switch (r.kind) {
    case 'none':
      return 'never lapses';
    case 'years':
      return `every ${r.years} years`;
    case 'fixed-cycle':
      return `shared ${r.years}-year cycles ending Dec 31 (…, ${r.anchorYear - r.years}, ${r.anchorYear}, ${r.anchorYear + r.years}, …)`;
    case 'varies-by-state':
      return 'set by each state board';
    case 'unknown':
      return 'unknown (no public source found)';
    default: {
      const unhandled: never = r;
      throw new Error(`unhandled renewal ${JSON.stringify(unhandled)}`);
    }
  }
}

const ORDER_2016 = [
  '',
  '1 (PT or PTA)',
  '2 (highest PT degree)',
  '3 (other regulated occupation)',
  '4 (other academic degree)',
  '5 (FAPTA)',
];
const ORDER_LEGACY = [
  '',
  '1 designation',
  '2 PT degree',
  '3 other degrees',
  '4 ABPTS certifications',
  '5 other credentials',
  '6 honors',
];

/** Explains one credential; exit 2 when the catalog does not have it. */
export function explainCredential(
  options: { abbreviation: string; json: boolean },
  io: Io,
): number {
  const entry = findCredential(options.abbreviation) ?? credentialById(options.abbreviation);
  if (!entry) {
    const hint = suggestCredential(options.abbreviation);
    throw new CliError(
      `"${options.abbreviation}" is not in the credential catalog${hint ? `; did you mean "${hint}"?` : ''}; \`ptfx credentials list\` lists them`,
    );
  }
  const category = aptaCategory(entry);
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ ...entry, aptaCategory: category ?? null, legacyRank: legacyRank(entry) })}\n`,
    );
    return EXIT.ok;
  }
  const p = paint(io);
  const rows: [string, string][] = [
    ['Name', entry.name],
    ['Kind', entry.kind],
    ['Also written', [...(entry.variants ?? []), ...entry.aliases].join(', ') || '—'],
    ['Issued by', entry.issuers.join('; ') || 'unknown'],
    ['Renewal', renewal(entry)],
    [
      'APTA 2016 order',
      category
        ? `category ${ORDER_2016[category]}`
        : 'outside the five categories: spell it out or leave it out',
    ],
    ['Legacy order', `rank ${ORDER_LEGACY[legacyRank(entry)]}`],
  ];
  if (entry.ambiguity) rows.push(['Ambiguity', entry.ambiguity]);
  if (entry.note) rows.push(['Note', entry.note]);
  if (entry.unconfirmed) rows.push(['Unconfirmed', entry.unconfirmed]);
  rows.push(['Source', entry.source]);
  io.stdout(
    `${p.bold(entry.abbreviation ?? entry.id)}\n${rows.map(([k, v]) => `  ${p.dim(k.padEnd(16))}${v}`).join('\n')}\n`,
  );
  return EXIT.ok;
}

const RULES_BY_CODE: ReadonlyMap<string, CredentialRule> = new Map(
  CREDENTIAL_RULES.map((rule) => [rule.meta.code, rule]),
);

/** What one example yields: the issues of the rule's code (severity, message, fix). */
function exampleResult(code: string, example: RuleExample) {
  const result = lintCredentialListing(example.listing, example.options);
  return {
    listing: example.listing,
    ...(example.options === undefined ? {} : { options: example.options }),
    issues: result.issues
      .filter((i) => i.code === code)
      .map((i) => ({
        severity: i.severity,
        message: i.message,
        ...(i.fix === undefined ? {} : { fix: i.fix }),
      })),
  };
}

const MAX_SHOWN = 100;

function shownListing(listing: string): string {
  if (listing === '') return '(an empty listing)';
  const one = JSON.stringify(
    listing.length > MAX_SHOWN ? `${listing.slice(0, MAX_SHOWN - 1)}…` : listing,
  );
  return listing.length > MAX_SHOWN ? `${one} (${listing.length} characters)` : one;
}

function exampleLines(p: Paint, code: string, examples: readonly RuleExample[]): string[] {
  const lines: string[] = [];
  for (const example of examples) {
    const { issues } = exampleResult(code, example);
    const options =
      example.options === undefined ? '' : ` ${p.dim(`with ${JSON.stringify(example.options)}`)}`;
    lines.push(`    ${shownListing(example.listing)}${options}`);
    if (issues.length === 0) lines.push(`      → ${p.green(`no ${code}`)}`);
    for (const issue of issues) {
      lines.push(`      → ${severityLabel(p, issue.severity)} ${issue.message}`);
      if (issue.fix !== undefined && issue.fix !== example.listing)
        lines.push(`        ${p.dim('fix:')} ${issue.fix}`);
    }
  }
  return lines;
}

/** Explains one lint rule from its metadata, running its examples. */
export function explainRule(options: { code: string; json: boolean }, io: Io): number {
  const rule = RULES_BY_CODE.get(options.code);
  if (!rule)
    throw new CliError(
      `"${options.code}" is not a lint rule; \`ptfx credentials explain\` lists them`,
    );
  const { meta } = rule;
  if (options.json) {
    io.stdout(
      `${JSON.stringify({
        code: meta.code,
        severity: meta.severity,
        description: meta.description,
        source: meta.source,
        examples: {
          fails: meta.examples.fails.map((e) => exampleResult(meta.code, e)),
          passes: meta.examples.passes.map((e) => exampleResult(meta.code, e)),
        },
      })}\n`,
    );
    return EXIT.ok;
  }
  const p = paint(io);
  const lines = [
    `${p.bold(meta.code)} ${p.dim('(lint rule)')}`,
    `  ${meta.description}`,
    `  ${p.dim('Default'.padEnd(10))}${severityLabel(p, meta.severity)}`,
    `  ${p.dim('Source'.padEnd(10))}${meta.source.text}`,
    `  ${' '.repeat(10)}${meta.source.url}`,
    `  ${p.dim('Fails')}`,
    ...exampleLines(p, meta.code, meta.examples.fails),
    `  ${p.dim('Passes')}`,
    ...exampleLines(p, meta.code, meta.examples.passes),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** Lists every lint rule: code, default severity, description. */
export function listRules(options: { json: boolean }, io: Io): number {
  if (options.json) {
    for (const { meta } of CREDENTIAL_RULES)
      io.stdout(
        `${JSON.stringify({ code: meta.code, severity: meta.severity, description: meta.description, url: meta.source.url })}\n`,
      );
    return EXIT.ok;
  }
  const p = paint(io);
  const width = Math.max(...CREDENTIAL_RULES.map((r) => r.meta.code.length)) + 2;
  const lines = CREDENTIAL_RULES.map(
    ({ meta }) =>
      `${meta.code.padEnd(width)}${severityLabel(p, meta.severity)}${' '.repeat(8 - meta.severity.length)}${meta.description}`,
  );
  io.stdout(
    `${lines.join('\n')}\n\n${p.dim("`ptfx credentials explain CODE` for a rule's source and examples; `ptfx credentials explain ABBR` for a credential.")}\n`,
  );
  return EXIT.ok;
}

/** `ptfx credentials explain`. */
export function run(args: readonly string[], io: Io): number {
  const { values, positionals } = parseCommandArgs('credentials explain', args, {
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(help);
    return EXIT.ok;
  }
  const json = values.json === true;
  const [subject, ...extra] = positionals;
  if (extra.length > 0)
    throw new CliError(
      'credentials explain: give one rule code or one abbreviation, e.g. `ptfx credentials explain order` or `ptfx credentials explain DPT`',
    );
  if (subject === undefined) return listRules({ json }, io);
  if (RULES_BY_CODE.has(subject)) return explainRule({ code: subject, json }, io);
  // A lower-case code is a rule's; a single lower-case word only when it is near one ("ordr"),
  // since credentials are mostly capitals and "dpt" is better answered with "DPT".
  const near = /^[a-z]+(?:-[a-z]+)*$/.test(subject) ? nearestRule(subject) : undefined;
  if (
    (subject.includes('-') || near !== undefined) &&
    /^[a-z]+(?:-[a-z]+)*$/.test(subject) &&
    !findCredential(subject)
  ) {
    throw new CliError(
      `"${subject}" is not a lint rule${near ? `; did you mean "${near}"?` : ''}; \`ptfx credentials explain\` lists them`,
    );
  }
  return explainCredential({ abbreviation: subject, json }, io);
}

/** The rule code sharing the most words with `given` ("missing-pt" → "missing-designation"). */
function nearestRule(given: string): string | undefined {
  const words = new Set(given.split('-'));
  let best: string | undefined;
  let bestScore = 0;
  for (const code of RULES_BY_CODE.keys()) {
    const score = code.split('-').filter((w) => words.has(w)).length;
    if (score > bestScore) {
      best = code;
      bestScore = score;
    }
  }
  return best ?? suggestClosest(given, RULES_BY_CODE.keys());
}
