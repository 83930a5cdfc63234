import {
  aptaCategory,
  type CatalogEntry,
  credentialById,
  findCredential,
  legacyRank,
  suggestCredential,
} from '@ptfx/domain/credentials';
import { parseCommandArgs } from '../../args.js';
import { CliError, EXIT } from '../../errors.js';
import type { Io } from '../../io.js';
import { paint } from '../../render.js';

/** Help text of `ptfx credentials explain`. */
export const help = `Usage: ptfx credentials explain ABBR [--json]

What a credential is, who issues it, how it is renewed, where it goes in the order, and why its
abbreviation may be ambiguous.

Examples:
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
    ['Also written', entry.aliases.join(', ') || '—'],
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

/** `ptfx credentials explain`. */
export function run(args: readonly string[], io: Io): number {
  const { values, positionals } = parseCommandArgs('credentials explain', args, {
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(help);
    return EXIT.ok;
  }
  const [abbreviation, ...extra] = positionals;
  if (!abbreviation || extra.length > 0)
    throw new CliError(
      'credentials explain: give exactly one abbreviation, e.g. `ptfx credentials explain DPT`',
    );
  return explainCredential({ abbreviation, json: values.json === true }, io);
}
