import {
  aptaCategory,
  CREDENTIAL_CATALOG,
  CREDENTIAL_KINDS,
  type CredentialKind,
} from '@ptfx/domain/credentials';
import { parseCommandArgs } from '../../args.js';
import { CliError, EXIT } from '../../errors.js';
import type { Io } from '../../io.js';
import { paint } from '../../render.js';

const KINDS: readonly CredentialKind[] = CREDENTIAL_KINDS;

/** Help text of `ptfx credentials list`. */
export const help = `Usage: ptfx credentials list [--kind KIND] [--json]

Every credential in the catalog, one per line.

Options:
  --kind KIND    only one kind: ${KINDS.join(', ')}
  --json         one JSON object per line (NDJSON)

Examples:
  ptfx credentials list --kind abpts-specialist
  ptfx credentials list --json | jq -r .abbreviation
`;

/** Lists the catalog. */
export function listCredentials(
  options: { kind?: CredentialKind | undefined; json: boolean },
  io: Io,
): number {
  const p = paint(io);
  for (const entry of CREDENTIAL_CATALOG) {
    if (options.kind && entry.kind !== options.kind) continue;
    if (options.json)
      io.stdout(`${JSON.stringify({ ...entry, aptaCategory: aptaCategory(entry) ?? null })}\n`);
    else
      io.stdout(
        `${p.bold((entry.abbreviation ?? '—').padEnd(12))} ${entry.name}  ${p.dim(entry.kind)}\n`,
      );
  }
  return EXIT.ok;
}

/** `ptfx credentials list`. */
export function run(args: readonly string[], io: Io): number {
  const { values, positionals } = parseCommandArgs('credentials list', args, {
    kind: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(help);
    return EXIT.ok;
  }
  if (positionals.length > 0)
    throw new CliError(`credentials list: unexpected argument "${positionals[0]}"`);
  const kind = values.kind === undefined ? undefined : KINDS.find((k) => k === values.kind);
  if (values.kind !== undefined && !kind)
    throw new CliError(`--kind must be one of ${KINDS.join(', ')}; got "${values.kind}"`);
  return listCredentials({ kind, json: values.json === true }, io);
}
