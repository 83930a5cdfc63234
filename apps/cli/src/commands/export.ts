import {
  clinicJsonLd,
  clinicJsonSchema,
  fhirBundle,
  type IsoDate,
  locationVCard,
  organizationVCard,
  serializeJsonLdForHtml,
} from '@ptfx/domain';
import { baseUrlOption, dateOption, parseCommandArgs } from '../args.js';
import { requireClinic } from '../clinic-file.js';
import { CliError, EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { clinicToday } from '../listing-check.js';

const FORMATS = ['fhir', 'jsonld', 'vcard', 'json-schema'] as const;
type ExportFormat = (typeof FORMATS)[number];

/** Help text of `ptfx export`. */
export const help = `Usage: ptfx export FILE --format fhir|jsonld|vcard|json-schema [--out PATH] [--base-url URL] [--as-of DATE]

Project a clinic data file:
  fhir          a FHIR R4 collection Bundle (Organization, Locations, Practitioners, roles,
                services; with --base-url also the Endpoint of the FHIR API there)
  jsonld        schema.org JSON-LD, safe to paste into <script type="application/ld+json">
  vcard         vCard 4.0: the practice, then each location
  json-schema   the JSON Schema of clinic data files (FILE is not read; give -)

Options:
  --format F     one of the above (required)
  --out PATH     write to PATH instead of stdout
  --base-url U   fhir: the FHIR API's base, for fullUrls and its Endpoint; jsonld: the website,
                 for ids and links (default https://example.invalid, and no Endpoint)
  --as-of DATE   FHIR: the day licence statuses are for, a lapsed one is inactive (default:
                 today in the first location's time zone)

Examples:
  ptfx export clinic.yaml --format jsonld --base-url https://www.example-pt.com
  ptfx export clinic.yaml --format fhir --out bundle.json
  ptfx export clinic.yaml --format fhir --base-url https://api.example-pt.com/fhir/r4
  ptfx export - --format json-schema > clinic.schema.json
`;

/** Writes one projection of a clinic; returns the exit code. */
export async function exportClinic(
  options: {
    file: string;
    format: ExportFormat;
    out?: string | undefined;
    baseUrl: string;
    /** Whether `baseUrl` was given: only then is the FHIR API there an Endpoint. */
    baseUrlGiven?: boolean;
    asOf?: IsoDate | undefined;
  },
  io: Io,
): Promise<number> {
  let text: string;
  if (options.format === 'json-schema') text = `${JSON.stringify(clinicJsonSchema(), null, 2)}\n`;
  else {
    const clinic = await requireClinic(io, options.file);
    switch (options.format) {
      case 'fhir':
        text = `${JSON.stringify(
          fhirBundle(clinic, {
            baseUrl: options.baseUrl,
            endpoint: options.baseUrlGiven === true,
            asOf: options.asOf ?? clinicToday(clinic, io.now()),
          }),
          null,
          2,
        )}\n`;
        break;
      case 'jsonld':
        text = `${serializeJsonLdForHtml(clinicJsonLd(clinic, { baseUrl: options.baseUrl }))}\n`;
        break;
      case 'vcard':
        text = [
          organizationVCard(clinic),
          ...clinic.locations.map((l) => locationVCard(clinic, l)),
        ].join('');
        break;
      default: {
        const unhandled: never = options.format;
        throw new Error(`unhandled format ${unhandled}`);
      }
    }
  }
  if (options.out) await io.writeFile(options.out, text);
  else io.stdout(text);
  return EXIT.ok;
}

/** `ptfx export`. */
export async function run(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, {
    format: { type: 'string' },
    out: { type: 'string' },
    'base-url': { type: 'string' },
    'as-of': { type: 'string' },
  });
  if (values.help) {
    io.stdout(help);
    return EXIT.ok;
  }
  const format = FORMATS.find((f) => f === values.format);
  if (!format)
    throw new CliError(
      `export: --format must be one of ${FORMATS.join(', ')}${values.format ? `, got "${values.format}"` : ''}`,
    );
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0)
    throw new CliError('export: give one clinic data file (or - for stdin)');
  const given = values['base-url'];
  const baseUrl =
    given === undefined ? 'https://example.invalid' : baseUrlOption('--base-url', given);
  const asOf = dateOption('--as-of', values['as-of']);
  return exportClinic(
    {
      file,
      format,
      out: values.out,
      baseUrl,
      baseUrlGiven: given !== undefined,
      asOf,
    },
    io,
  );
}
