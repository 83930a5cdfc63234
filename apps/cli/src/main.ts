import { CliError, EXIT } from './errors.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';

export { VERSION };

interface Command {
  readonly help: string;
  readonly run: (args: readonly string[], io: Io) => number | Promise<number>;
}

// Each command is loaded when it runs, so `ptfx --version` does not build a single schema.
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  validate: () => import('./commands/validate.js'),
  'credentials lint': () => import('./commands/credentials/lint.js'),
  'credentials explain': () => import('./commands/credentials/explain.js'),
  'credentials list': () => import('./commands/credentials/list.js'),
  'credentials expiring': () => import('./commands/credentials/expiring.js'),
  export: () => import('./commands/export.js'),
  'site build': () => import('./commands/site/build.js'),
  site: () => import('./commands/site.js'),
};

/** Help text of `ptfx`. */
export const HELP = `ptfx — validate a physical-therapy clinic's data and credential listings, build its site

Usage: ptfx <command> [options]

Commands:
  validate [FILE]                   check a clinic data file (schema, references, listings, expiry)
  credentials lint [LISTING...]     check credential listings against APTA order and state title law
  credentials explain [CODE|ABBR]   a lint rule (source, examples), or what a credential is
  credentials list                  the credential catalog
  credentials expiring [FILE]       credentials that expire soon or have expired
  export FILE --format F            FHIR R4, schema.org JSON-LD, vCard or the JSON Schema
  site build [FILE] --out DIR       the clinic's website as files for any static host

Options:
  -h, --help       help (also after any command: ptfx validate --help)
  -v, --version    the version

Exit status: 0 fine, 1 findings, 2 usage or input error. Colour only on a terminal, never with NO_COLOR.

Examples:
  ptfx validate clinic.yaml
  ptfx credentials lint "Jane Doe, DPT, PT" --fix
  ptfx credentials lint --file staff.csv --state TX --json > report.ndjson
  ptfx site build clinic.yaml --out site --base-url https://www.example-pt.com
`;

/** Help text of `ptfx credentials` (a group: each subcommand has its own --help). */
const CREDENTIALS_HELP = `Usage: ptfx credentials <command> [options]

Commands:
  lint [LISTING...]     check credential listings against APTA order and state title law
  explain [CODE|ABBR]   a lint rule (source, examples), or what a credential is
  list                  the credential catalog
  expiring [FILE]       credentials that expire soon or have expired

Examples:
  ptfx credentials lint "Jane Doe, DPT, PT" --fix
  ptfx credentials explain designation-not-first
  ptfx credentials lint --help
`;

/**
 * Runs `ptfx` with its arguments; returns the exit code. Every failure ends here: a usage or
 * input error prints its message (exit 2), anything else is a bug and says so.
 */
export async function main(args: readonly string[], io: Io): Promise<number> {
  try {
    const [first, second] = args;
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      io.stdout(HELP);
      return first === undefined ? EXIT.usage : EXIT.ok;
    }
    if (first === '-v' || first === '--version') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    const two = `${first} ${second ?? ''}`;
    const load = COMMANDS[two] ?? COMMANDS[first];
    if (!load) {
      if (first === 'credentials') {
        if (second === '-h' || second === '--help') {
          io.stdout(CREDENTIALS_HELP);
          return EXIT.ok;
        }
        throw new CliError(
          second === undefined
            ? 'credentials: give a subcommand: lint, explain, list or expiring; see `ptfx credentials --help`'
            : `credentials: unknown subcommand "${second}"; see \`ptfx credentials --help\``,
        );
      }
      throw new CliError(`unknown command "${first}"; see \`ptfx --help\``);
    }
    const command = await load();
    return await command.run(args.slice(COMMANDS[two] ? 2 : 1), io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`ptfx: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(
      `ptfx: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in ptfx; please report it with the command you ran.\n`,
    );
    return EXIT.usage;
  }
}
