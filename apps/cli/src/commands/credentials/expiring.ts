import { credentialExpiry, findCredential, therapistDisplayName } from '@ptfx/domain';
import { dateOption, parseCommandArgs, withinOption } from '../../args.js';
import { requireClinic } from '../../clinic-file.js';
import { CliError, EXIT } from '../../errors.js';
import type { Io } from '../../io.js';
import { clinicToday } from '../../listing-check.js';
import { paint } from '../../render.js';

/** Help text of `ptfx credentials expiring`. */
export const help = `Usage: ptfx credentials expiring [FILE] [--within 90d] [--as-of DATE] [--json]

Structured credentials in a clinic data file that expire within the window or have expired,
soonest first. Expiry is the stated date, else the catalog's renewal cycle from the date earned
(ABPTS 10 years, CHT 5, ATC 2, CSCS's shared 3-year cycle). FILE defaults to clinic.yaml.

Exit status: 0 none, 1 some expiring or expired, 2 usage or input error.

Examples:
  ptfx credentials expiring clinic.yaml --within 60d
  ptfx credentials expiring clinic.yaml --as-of 2027-01-01 --json
`;

/** Lists expiring and expired credentials; returns the exit code. */
export async function listExpiring(
  options: { file: string; withinDays: number; asOf?: string | undefined; json: boolean },
  io: Io,
): Promise<number> {
  const clinic = await requireClinic(io, options.file);
  const asOf = options.asOf ?? clinicToday(clinic, io.now());
  const found = clinic.therapists.flatMap((t) =>
    t.credentials.flatMap((credential) => {
      const expiry = credentialExpiry(
        credential,
        findCredential(credential.abbreviation),
        asOf,
        options.withinDays,
      );
      return expiry.status === 'expired' || expiry.status === 'expiring'
        ? [
            {
              therapist: t.slug,
              name: therapistDisplayName(t),
              abbreviation: credential.abbreviation,
              status: expiry.status,
              expires: expiry.expires ?? '',
              daysLeft: expiry.daysLeft ?? 0,
              basis: expiry.basis ?? 'stated',
            },
          ]
        : [];
    }),
  );
  found.sort((a, b) => a.expires.localeCompare(b.expires));
  const p = paint(io);
  for (const f of found) {
    if (options.json) io.stdout(`${JSON.stringify(f)}\n`);
    else {
      const when =
        f.status === 'expired'
          ? p.red(`expired ${f.expires} (${-f.daysLeft} days ago)`)
          : p.yellow(`expires ${f.expires} (in ${f.daysLeft} days)`);
      io.stdout(
        `${f.name.padEnd(24)} ${f.abbreviation.padEnd(10)} ${when}${f.basis === 'catalog-cycle' ? p.dim('  by renewal cycle') : ''}\n`,
      );
    }
  }
  if (!options.json)
    io.stdout(
      found.length === 0
        ? `nothing expires within ${options.withinDays} days of ${asOf}\n`
        : `\n${found.length} credential${found.length === 1 ? '' : 's'} expiring within ${options.withinDays} days of ${asOf} or expired\n`,
    );
  return found.length > 0 ? EXIT.findings : EXIT.ok;
}

/** `ptfx credentials expiring`. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('credentials expiring', args, {
    within: { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(help);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new CliError('credentials expiring: give one file');
  return listExpiring(
    {
      file: positionals[0] ?? 'clinic.yaml',
      withinDays: withinOption(values.within),
      asOf: dateOption('--as-of', values['as-of']),
      json: values.json === true,
    },
    io,
  );
}
