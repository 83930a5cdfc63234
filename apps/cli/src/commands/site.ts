import { CliError, EXIT } from '../errors.js';
import type { Io } from '../io.js';

/** Help text of `ptfx site`. */
export const help = `Usage: ptfx site <command> [options]

The clinic's website, rendered from its data by @ptfx/site (the same pages \`pnpm start\` serves).

Commands:
  build [FILE] --out DIR    write the site as files for any static host

Examples:
  ptfx site build clinic.yaml --out site --base-url https://www.example-pt.com
  ptfx site build --help
`;

/** `ptfx site` without a known subcommand: its help, or a usage error. */
export function run(args: readonly string[], io: Io): number {
  const [first] = args;
  if (first === '-h' || first === '--help') {
    io.stdout(help);
    return EXIT.ok;
  }
  throw new CliError(
    first === undefined
      ? 'site: give a subcommand: build; see `ptfx site --help`'
      : `site: unknown subcommand "${first}"; see \`ptfx site --help\``,
  );
}
