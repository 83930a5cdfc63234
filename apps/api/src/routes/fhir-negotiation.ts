// FHIR content negotiation (R4 http.html#mime-type, "_format") and the `Prefer: handling`
// preference of search (search.html#errors). This server speaks FHIR JSON only.

/** The media types (and `_format` shorthands) that mean FHIR JSON. */
const JSON_TYPES = new Set([
  'json',
  'application/json',
  'application/fhir+json',
  'application/json+fhir',
]);

/** A media type's essence (lower case, no parameters) and its `fhirVersion` and `q`. */
function parseMediaRange(range: string): { type: string; fhirVersion?: string; q: number } {
  const [type = '', ...params] = range.split(';').map((p) => p.trim());
  let q = 1;
  let fhirVersion: string | undefined;
  for (const param of params) {
    const eq = param.indexOf('=');
    const name = param.slice(0, eq < 0 ? param.length : eq).toLowerCase();
    const value = eq < 0 ? '' : param.slice(eq + 1).replace(/^"|"$/g, '');
    if (name === 'q') q = Number(value);
    else if (name === 'fhirversion') fhirVersion = value;
  }
  return { type: type.toLowerCase(), ...(fhirVersion === undefined ? {} : { fhirVersion }), q };
}

/** R4 is 4.0 (`4.0`, `4.0.1`); another `fhirVersion` is not served. */
const isR4 = (version: string | undefined) =>
  version === undefined || version === '4.0' || version.startsWith('4.0.');

/**
 * Whether an Accept header lets the answer be FHIR JSON: no header, or a range (FHIR or plain
 * JSON, `application/*`, `*\/*`) with q above 0 and no other `fhirVersion` than R4's.
 */
export function acceptsFhirJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((part) => {
    const range = parseMediaRange(part);
    const matches =
      JSON_TYPES.has(range.type) || range.type === '*/*' || range.type === 'application/*';
    return matches && range.q > 0 && isR4(range.fhirVersion);
  });
}

/**
 * Why a request cannot be answered in FHIR JSON, or undefined when it can. `_format` (any of
 * `json`, `application/json`, `application/fhir+json`) overrides Accept, as R4 says; XML,
 * Turtle, HTML or a `fhirVersion` other than R4 are refused (the caller answers 406).
 *
 * @example
 * formatRefusal('xml', undefined); // '_format "xml" is not served: …'
 * formatRefusal(undefined, 'application/fhir+xml, application/fhir+json;q=0.5'); // undefined
 */
export function formatRefusal(
  format: string | undefined,
  accept: string | undefined,
): string | undefined {
  // An empty parameter is no parameter (R4 search): `_format=` leaves it to Accept.
  if (format !== undefined && format.trim() !== '') {
    const range = parseMediaRange(format);
    // `_format` is a form value: a `+` arriving as a space (application/fhir json) is still JSON.
    const type = range.type.replace(' ', '+');
    if (JSON_TYPES.has(type) && isR4(range.fhirVersion)) return undefined;
    return `_format "${format.slice(0, 100)}" is not served: this server answers in FHIR R4 JSON only; use _format=json or leave it out`;
  }
  if (acceptsFhirJson(accept)) return undefined;
  return `Accept "${(accept ?? '').slice(0, 200)}" allows no FHIR R4 JSON: this server answers in application/fhir+json only (XML and other formats are not served); accept application/fhir+json`;
}

/** How a search treats parameters it does not support (R4 search.html#errors). */
export type SearchHandling = 'strict' | 'lenient';

/**
 * The `handling` preference of a `Prefer` header (RFC 7240): `strict` or `lenient`, lenient when
 * absent or anything else (a preference the server does not understand is ignored).
 *
 * @example
 * preferredHandling('return=minimal, handling=strict'); // 'strict'
 */
export function preferredHandling(prefer: string | undefined): SearchHandling {
  if (prefer === undefined) return 'lenient';
  for (const preference of prefer.split(',')) {
    const [token = ''] = preference.split(';');
    const eq = token.indexOf('=');
    if (eq < 0 || token.slice(0, eq).trim().toLowerCase() !== 'handling') continue;
    const value = token
      .slice(eq + 1)
      .trim()
      .replace(/^"|"$/g, '')
      .toLowerCase();
    if (value === 'strict' || value === 'lenient') return value;
  }
  return 'lenient';
}

/**
 * FHIR's general `_pretty` parameter (https://hl7.org/fhir/R4/http.html#general): `true` asks for
 * indented JSON, `false` (or none) for compact. Answers whether to indent, or what is wrong.
 */
export function prettyOf(value: string | undefined): boolean | { readonly invalid: string } {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return { invalid: `_pretty=${[...value].slice(0, 40).join('')}: expected true or false` };
}
