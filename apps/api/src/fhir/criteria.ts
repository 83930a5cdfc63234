// One search parameter of a query (`name:modifier=value`) turned into a test of a resource, per
// the FHIR R4 search page (search.html#string, #token, #reference; location.html#positional).
import { type FhirSearchParam, NEAR_DEFAULT_KM, NEAR_UNITS } from './search-params.js';
import {
  codesOf,
  codeTextsOf,
  field,
  fold,
  splitUnescaped,
  stringsOf,
  unescapeValue,
  valuesOf,
} from './values.js';

/** A problem with one query parameter: `unsupported` may be ignored (lenient), `invalid` never. */
export interface SearchIssue {
  readonly kind: 'unsupported' | 'invalid';
  /** The parameter as written, e.g. `name:exact` (the OperationOutcome's `http.` location). */
  readonly parameter: string;
  readonly diagnostics: string;
}

/** A parsed query parameter: does a resource match it? `distanceKm` reports `near`'s distance. */
export interface Criterion {
  readonly matches: (resource: unknown) => boolean;
  readonly distanceKm?: (resource: unknown) => number | undefined;
}

type Test = (value: unknown) => boolean;

/** The most comma-separated values (OR) one parameter may carry: each is tested against every resource. */
const MAX_ALTERNATIVES = 100;

/**
 * A search parameter with its modifier and value as a {@link Criterion}; comma-separated
 * values are alternatives (OR). `base` is this server's FHIR base, for absolute references.
 */
export function criterionOf(
  param: FhirSearchParam,
  modifier: string | undefined,
  value: string,
  base: string,
): Criterion | SearchIssue {
  const parameter = modifier === undefined ? param.name : `${param.name}:${modifier.slice(0, 60)}`;
  const invalid = (why: string): SearchIssue => ({
    kind: 'invalid',
    parameter,
    diagnostics: `${parameter}=${value.slice(0, 200)}: ${why}`,
  });
  const alternatives = splitUnescaped(value, ',').filter((v) => v !== '');
  if (alternatives.length > MAX_ALTERNATIVES)
    return invalid(`${alternatives.length} comma-separated values; at most ${MAX_ALTERNATIVES}`);
  if (modifier === 'missing' && param.modifiers.includes('missing')) {
    if (value !== 'true' && value !== 'false') return invalid('expected true or false');
    const missing = value === 'true';
    return { matches: (r) => (valuesOf(r, param.expression).length === 0) === missing };
  }
  const allowed =
    modifier === undefined ||
    param.modifiers.includes(modifier) ||
    (param.targets ?? []).some((t) => t === modifier);
  if (param.type === 'special' && allowed) return nearCriterion(param, alternatives, invalid);
  let test: ((v: string) => Test) | undefined;
  let negate = false;
  if (!allowed || param.type === 'special') test = undefined;
  else if (param.type === 'string') test = stringTest(modifier);
  else if (param.type === 'token') {
    negate = modifier === 'not';
    test = tokenTest(negate ? undefined : modifier);
  } else test = referenceTest(base, modifier);
  if (!test)
    return {
      kind: 'unsupported',
      parameter,
      diagnostics: `the "${param.name}" parameter has the modifier "${modifier?.slice(0, 60)}", which this server does not support (supported: ${[...param.modifiers, ...(param.targets ?? [])].map((m) => `:${m}`).join(', ') || 'none'})`,
    };
  const make = test;
  const tests = alternatives.map((v) => make(v));
  const any = (r: unknown) => valuesOf(r, param.expression).some((v) => tests.some((t) => t(v)));
  return { matches: negate ? (r) => !any(r) : any };
}

function stringTest(modifier: string | undefined): ((v: string) => Test) | undefined {
  switch (modifier) {
    case undefined:
      return (v) => {
        const wanted = fold(unescapeValue(v));
        return (value) => stringsOf(value).some((s) => fold(s).startsWith(wanted));
      };
    case 'contains':
      return (v) => {
        const wanted = fold(unescapeValue(v));
        return (value) => stringsOf(value).some((s) => fold(s).includes(wanted));
      };
    case 'exact':
      return (v) => {
        const wanted = unescapeValue(v);
        return (value) => stringsOf(value).some((s) => s === wanted);
      };
    default:
      return undefined;
  }
}

function tokenTest(modifier: string | undefined): ((v: string) => Test) | undefined {
  if (modifier === 'text')
    return (v) => {
      const wanted = fold(unescapeValue(v));
      return (value) => codeTextsOf(value).some((s) => fold(s).startsWith(wanted));
    };
  if (modifier !== undefined) return undefined;
  return (v) => {
    const parts = splitUnescaped(v, '|', 2).map(unescapeValue);
    const [first = '', second] = parts;
    // `code` → any system; `|code` → no system; `system|` → any code; `system|code` → both.
    const system = second === undefined ? undefined : first;
    const code = second === undefined ? first : second;
    return (value) =>
      codesOf(value).some(
        (c) =>
          (system === undefined ||
            (system === '' ? c.system === undefined : c.system === system)) &&
          (code === '' ? system !== undefined : c.code === code),
      );
  };
}

function referenceTest(base: string, type: string | undefined): (v: string) => Test {
  const prefix = `${base.replace(/\/+$/, '')}/`;
  return (v) => {
    const raw = unescapeValue(v);
    const local = raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
    const wanted = type === undefined ? local : `${type}/${local}`;
    const byIdOnly = !wanted.includes('/');
    return (value) => {
      const ref = field(value, 'reference');
      if (typeof ref !== 'string') return false;
      const target = ref.startsWith(prefix) ? ref.slice(prefix.length) : ref;
      return byIdOnly ? target.slice(target.lastIndexOf('/') + 1) === wanted : target === wanted;
    };
  };
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine) between two WGS84 points in degrees. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function nearCriterion(
  param: FhirSearchParam,
  alternatives: readonly string[],
  invalid: (why: string) => SearchIssue,
): Criterion | SearchIssue {
  const points: { lat: number; lon: number; km: number }[] = [];
  for (const alternative of alternatives) {
    const parts = alternative.split('|').map((p) => p.slice(0, 40));
    const [lat = '', lon = '', distance, units] = parts;
    const shape = 'expected [latitude]|[longitude]|[distance]|[units]';
    if (parts.length > 4) return invalid(`${parts.length} parts separated by |; ${shape}`);
    if (!DECIMAL.test(lat) || Math.abs(Number(lat)) > 90)
      return invalid(`latitude "${lat}" is not a number from -90 to 90 (${shape})`);
    if (!DECIMAL.test(lon) || Math.abs(Number(lon)) > 180)
      return invalid(`longitude "${lon}" is not a number from -180 to 180 (${shape})`);
    if (
      distance !== undefined &&
      distance !== '' &&
      (!DECIMAL.test(distance) || Number(distance) < 0)
    )
      return invalid(`distance "${distance}" is not a number of 0 or more`);
    const unit = units === undefined || units === '' ? 'km' : units;
    const factor = NEAR_UNITS[unit];
    if (factor === undefined)
      return invalid(`unit "${unit}" is not one of ${Object.keys(NEAR_UNITS).join(', ')}`);
    const km =
      distance === undefined || distance === '' ? NEAR_DEFAULT_KM : Number(distance) * factor;
    points.push({ lat: Number(lat), lon: Number(lon), km });
  }
  const closest = (r: unknown): { km: number; within: boolean } | undefined => {
    const position = valuesOf(r, param.expression)[0];
    const lat = field(position, 'latitude');
    const lon = field(position, 'longitude');
    if (typeof lat !== 'number' || typeof lon !== 'number') return undefined;
    let best: { km: number; within: boolean } | undefined;
    for (const p of points) {
      const km = distanceKm(p.lat, p.lon, lat, lon);
      const within = km <= p.km;
      if (!best || (within && !best.within) || (within === best.within && km < best.km))
        best = { km, within };
    }
    return best;
  };
  return {
    matches: (r) => closest(r)?.within === true,
    distanceKm: (r) => closest(r)?.km,
  };
}
