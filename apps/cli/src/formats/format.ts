import { CliError } from '../errors.js';

/** The output formats of `ptfx credentials lint` and `ptfx validate`. */
export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';

/** Every {@link OutputFormat}, in the order help lists them. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];

/**
 * The format asked for by `--format NAME` and `--json` (a synonym of `--format json`).
 *
 * @throws {CliError} (exit 2) for an unknown name, or `--json` with another `--format`
 */
export function formatOption(
  command: string,
  format: string | undefined,
  json: boolean | undefined,
): OutputFormat {
  if (format === undefined) return json === true ? 'json' : 'text';
  const name = format.trim().toLowerCase();
  if (!(OUTPUT_FORMATS as readonly string[]).includes(name))
    throw new CliError(
      `${command}: unknown --format "${format}"; use one of ${OUTPUT_FORMATS.join(', ')}`,
    );
  if (json === true && name !== 'json')
    throw new CliError(
      `${command}: --json is --format json, so it conflicts with --format ${name}; give one of them`,
    );
  return name as OutputFormat;
}
