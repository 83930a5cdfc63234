import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as credentialsEntry from './credentials/index.js';
import * as api from './index.js';
import * as sampleEntry from './sample/index.js';
import { sampleClinicYaml } from './test-support/sample-clinic.js';
import { sampleClinic } from './test-support/sample-clinic-value.js';

// Every exported function of every entry (`.`, `./credentials`, `./sample`), called the way plain
// JavaScript can call it: any values, any number of them, and a good call with one value inside
// it spoilt. Each answers with a documented result or refuses with a TypeError or RangeError whose
// message starts with the function's name and the argument (`formatPhoneNumber(phone): expected
// …`) — never an engine message from deep inside. A function without a contract here fails the
// test, so a new export cannot slip by.

/**
 * What a function promises a caller that passes anything:
 * - `never-throws`: a judging function; returns a documented result (`returns`) for any input;
 * - `typed-error`: returns, or throws a TypeError/RangeError naming itself and the argument.
 * `valid` is one good call; it must succeed, and its spoilt variants must keep the contract.
 */
type Contract = (
  | { readonly kind: 'never-throws'; readonly returns: (result: unknown) => boolean }
  | { readonly kind: 'typed-error'; readonly returns?: (result: unknown) => boolean }
) & {
  readonly valid?: () => readonly unknown[];
  /**
   * A known gap, said in words: the two properties are expected to fail until it is closed (and
   * fail, as `it.fails` does, once it is, so that the note is removed).
   */
  readonly gap?: string;
};

const CLINIC = sampleClinic();
const clinic = () => structuredClone(CLINIC);
const location = () => clinic().locations[0];
const therapist = () => clinic().therapists[0];
const treatment = () => clinic().treatments[0];
const article = () => clinic().articles[0];
const channel = () => clinic().locations[0]?.contact[0];
const entry = (abbreviation: string) =>
  structuredClone(credentialsEntry.findCredential(abbreviation));
const AT = new Date('2026-03-09T16:00:00Z');
const SHULMAN = 'Dr. Mark Shulman — Doctor of Physical Therapy (DPT), FAAOMPT, COMT, CSCS';
const ISSUE = {
  code: 'invalid-phone',
  severity: 'error',
  message: 'area code 119 cannot start with 0 or 1',
  path: ['locations', 0, 'contact', 0, 'value'],
  position: { line: 34, column: 19 },
};
const request = () => api.ConsultationRequestSchema.parse(api.CONSULTATION_REQUEST_EXAMPLE);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isIssueList = (v: unknown) =>
  Array.isArray(v) && v.every((i) => isRecord(i) && typeof i.code === 'string');
const isJudgement = (v: unknown) =>
  isRecord(v) &&
  typeof v.ok === 'boolean' &&
  isIssueList(v.issues) &&
  (v.ok || (Array.isArray(v.issues) && v.issues.some((i) => i.severity === 'error')));
const isText = (v: unknown) => typeof v === 'string';
const isObject = (v: unknown) => isRecord(v);

const CONTRACTS: Readonly<Record<string, Contract>> = {
  // clinic
  checkClinicReferences: { kind: 'typed-error', returns: isIssueList, valid: () => [clinic()] },
  parseClinicData: {
    kind: 'never-throws',
    returns: isJudgement,
    valid: () => [sampleClinicYaml, { format: 'yaml' }],
  },
  clinicJsonSchema: { kind: 'never-throws', returns: isObject, valid: () => [] },
  // config
  parsePtfxConfig: {
    kind: 'never-throws',
    returns: isJudgement,
    valid: () => ['{ "rules": { "order": "off" }, "state": "CA" }', { file: 'ptfx.config.json' }],
  },
  ptfxConfigJsonSchema: { kind: 'never-throws', returns: isObject, valid: () => [] },
  configurableRuleCodes: { kind: 'never-throws', returns: Array.isArray, valid: () => [] },
  customCatalogEntry: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [
      {
        abbreviation: 'CFMT',
        name: 'Certified Functional Manual Therapist',
        kind: 'certification',
      },
    ],
  },
  customCatalogProblem: {
    kind: 'never-throws',
    returns: (r) => r === undefined || isObject(r),
    valid: () => [
      [
        {
          abbreviation: 'CFMT',
          name: 'Certified Functional Manual Therapist',
          kind: 'certification',
        },
      ],
    ],
  },
  addCalendarDays: {
    kind: 'typed-error',
    returns: isText,
    valid: () => ['2026-03-08', 1, 'America/Los_Angeles'],
  },
  hoursOn: { kind: 'typed-error', returns: isObject, valid: () => [location(), '2026-11-26'] },
  isOpenAt: { kind: 'typed-error', valid: () => [location(), AT] },
  localDateOf: { kind: 'typed-error', returns: isText, valid: () => [AT, 'America/Los_Angeles'] },
  nextOpening: { kind: 'typed-error', valid: () => [location(), AT, 30] },
  openingStatus: { kind: 'typed-error', returns: isObject, valid: () => [location(), AT] },
  describeOpenNow: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [location(), AT, { locale: 'en-US' }],
  },
  reviewClinic: { kind: 'typed-error', returns: isIssueList, valid: () => [clinic()] },
  sampleClinic: { kind: 'never-throws', returns: isObject, valid: () => [] },
  // contact
  formatPostalAddress: { kind: 'typed-error', valid: () => [location()?.address] },
  usStateName: { kind: 'typed-error', returns: isText, valid: () => ['CA'] },
  findContactChannel: {
    kind: 'typed-error',
    valid: () => [location()?.contact, 'phone', 'appointments'],
  },
  formatPhoneNumber: { kind: 'typed-error', returns: isText, valid: () => ['(619) 544-1055'] },
  parseNanp: {
    kind: 'never-throws',
    returns: (r) =>
      isRecord(r) &&
      (r.ok === true
        ? typeof r.value === 'string'
        : r.ok === false && isRecord(r.problem) && r.problem.code === 'invalid-phone'),
    valid: () => ['619-544-1055 ext. 2'],
  },
  phoneToTelUri: { kind: 'typed-error', returns: isText, valid: () => ['619.544.1055'] },
  splitPhoneNumber: { kind: 'typed-error', returns: isObject, valid: () => ['+16195441055;ext=2'] },
  isUsStateCode: {
    kind: 'never-throws',
    returns: (r) => typeof r === 'boolean',
    valid: () => ['CA'],
  },
  suggestUsStateCode: { kind: 'typed-error', valid: () => ['california'] },
  // content
  articleReadTime: { kind: 'typed-error', valid: () => [article()] },
  articleWordCount: { kind: 'typed-error', valid: () => [article()] },
  countWords: { kind: 'typed-error', valid: () => ['two words'] },
  // credentials
  canonicalListing: {
    kind: 'typed-error',
    returns: isText,
    valid: () => [
      credentialsEntry.parseCredentialListing(SHULMAN),
      { profile: 'apta-2016', role: 'PT', jurisdiction: 'CA' },
    ],
  },
  aptaCategory: { kind: 'typed-error', valid: () => [entry('DPT')] },
  canonicalCredentialLabels: {
    kind: 'typed-error',
    valid: () => [[entry('DPT'), entry('PT'), entry('OCS')], { profile: 'apta-legacy' }],
  },
  credentialLabel: { kind: 'typed-error', returns: isText, valid: () => [entry('OCS')] },
  formatCredentials: {
    kind: 'typed-error',
    returns: isText,
    valid: () => [credentialsEntry.parseCredentialListing(SHULMAN), {}],
  },
  highestPtDegree: { kind: 'typed-error', valid: () => [[entry('MPT'), entry('DPT')]] },
  legacyRank: { kind: 'typed-error', valid: () => [entry('OCS')] },
  abbreviationKey: { kind: 'typed-error', returns: isText, valid: () => ['P.T.'] },
  credentialById: { kind: 'typed-error', valid: () => ['DPT'] },
  findCredential: { kind: 'typed-error', valid: () => ['D.P.T.'] },
  findCredentialByName: { kind: 'typed-error', valid: () => ['Doctor of Physical Therapy'] },
  longFormKey: { kind: 'typed-error', returns: isText, valid: () => ['Board-Certified'] },
  suggestCredential: { kind: 'typed-error', valid: () => ['CMPTT'] },
  credentialExpiry: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [{ abbreviation: 'CSCS', expires: '2026-12-31' }, entry('CSCS'), '2026-11-27', 90],
  },
  expiryFromCycle: { kind: 'typed-error', valid: () => [entry('CSCS'), '2025-03-01'] },
  lintCredentialListing: {
    kind: 'never-throws',
    returns: (r) =>
      isRecord(r) &&
      typeof r.input === 'string' &&
      typeof r.clean === 'boolean' &&
      isIssueList(r.issues),
    valid: () => [
      SHULMAN,
      {
        jurisdiction: 'CA',
        asOf: '2026-11-27',
        credentials: [{ abbreviation: 'CSCS', expires: '2026-12-31' }],
      },
    ],
  },
  parseCredentialListing: { kind: 'typed-error', returns: isObject, valid: () => [SHULMAN] },
  isBarredForAssistant: { kind: 'typed-error', valid: () => [entry('DPT'), 'DPT'] },
  isDesignation: { kind: 'typed-error', valid: () => [entry('PT')] },
  keepsTitle: { kind: 'typed-error', valid: () => [[entry('DPT'), entry('PT')], 'PT', 'CA'] },
  titleDegree: { kind: 'typed-error', valid: () => [[entry('PhD'), entry('PT')], 'CA'] },
  defaultCatalog: { kind: 'never-throws', returns: isObject, valid: () => [] },
  credentialCatalog: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [
      [
        {
          abbreviation: 'CFMT',
          name: 'Certified Functional Manual Therapist',
          kind: 'certification',
        },
      ],
    ],
  },
  stateTitleLaw: {
    kind: 'never-throws',
    returns: (r) => r === undefined || isRecord(r),
    valid: () => ['CA'],
  },
  // identifiers
  explainInvalidNpi: {
    kind: 'never-throws',
    returns: (r) => r === undefined || typeof r === 'string',
    valid: () => ['1234567893'],
  },
  isValidNpi: {
    kind: 'never-throws',
    returns: (r) => typeof r === 'boolean',
    valid: () => ['1234567893'],
  },
  npiCheckDigit: {
    kind: 'never-throws',
    returns: (r) => r === undefined || (Number.isInteger(r) && Number(r) >= 0 && Number(r) <= 9),
    valid: () => ['123456789'],
  },
  procedureCodeSystem: { kind: 'typed-error', returns: isText, valid: () => ['97110'] },
  taxonomyName: { kind: 'typed-error', valid: () => ['225100000X'] },
  // intake
  isHoneypotFilled: { kind: 'typed-error', valid: () => [request()] },
  requestContent: { kind: 'typed-error', returns: isObject, valid: () => [request()] },
  // interop
  fhirEndpoint: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [clinic(), { baseUrl: 'https://api.example.com/fhir/r4' }],
  },
  fhirBundle: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [clinic(), { baseUrl: 'https://api.example.com/fhir/r4' }],
  },
  fhirFullUrl: {
    kind: 'typed-error',
    returns: isText,
    valid: () => [
      'https://api.example.com/fhir/r4/',
      { resourceType: 'Location', id: 'san-diego' },
    ],
  },
  fhirResources: { kind: 'typed-error', valid: () => [clinic()] },
  fhirAddress: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [location()?.address, 'both'],
  },
  fhirContactPoint: { kind: 'typed-error', returns: isObject, valid: () => [channel(), 1] },
  fhirTelecom: { kind: 'typed-error', valid: () => [location()?.contact] },
  credentialCode: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [{ abbreviation: 'DPT' }],
  },
  fhirHealthcareService: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [treatment(), clinic()],
  },
  fhirLocation: { kind: 'typed-error', returns: isObject, valid: () => [location(), clinic()] },
  fhirOrganization: { kind: 'typed-error', returns: isObject, valid: () => [clinic()] },
  fhirPractitioner: { kind: 'typed-error', returns: isObject, valid: () => [therapist()] },
  fhirPractitionerRole: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [therapist(), clinic()],
  },
  clinicJsonLd: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [clinic(), { baseUrl: 'https://example.com' }],
  },
  serializeJsonLdForHtml: {
    kind: 'typed-error',
    returns: isText,
    valid: () => [{ name: '</script>', list: [1, true, null] }],
  },
  escapeVCardText: { kind: 'typed-error', returns: isText, valid: () => ['a;b,c\nd', true] },
  foldVCardLine: { kind: 'typed-error', returns: isText, valid: () => ['NOTE:'.padEnd(100, 'é')] },
  locationVCard: { kind: 'typed-error', returns: isText, valid: () => [clinic(), location()] },
  organizationVCard: { kind: 'typed-error', returns: isText, valid: () => [clinic()] },
  // shared
  formatIssueLine: { kind: 'typed-error', returns: isText, valid: () => ['clinic.yaml', ISSUE] },
  formatPath: { kind: 'typed-error', returns: isText, valid: () => [['therapists', 1, 'npi']] },
  hasNoErrors: { kind: 'typed-error', valid: () => [[ISSUE]] },
  editDistance: { kind: 'typed-error', valid: () => ['kitten', 'sitting'] },
  suggestClosest: { kind: 'typed-error', valid: () => ['bak-pain', ['back-pain', 'neck-pain']] },
  // therapists
  therapistDisplayName: { kind: 'typed-error', returns: isText, valid: () => [therapist()] },
  lintTherapistListing: {
    kind: 'typed-error',
    returns: isObject,
    valid: () => [therapist(), clinic().locations, { asOf: '2026-11-27' }],
  },
};

// What an engine says when code reads into a value it did not check.
const ENGINE_MESSAGE =
  /Cannot read prop|Cannot set prop|Cannot convert|Cannot use 'in'|is not a function|is not iterable|is not a constructor|undefined is not|null is not|Invalid time value|Invalid array length|Maximum call stack|Do not know how to serialize|circular structure/;

/** Calls `fn` with `args` and checks the outcome against the contract; returns what went wrong. */
function outcome(name: string, fn: unknown, contract: Contract, args: readonly unknown[]): string {
  if (typeof fn !== 'function') return 'not a function';
  let result: unknown;
  try {
    result = Reflect.apply(fn, undefined, [...args]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (contract.kind === 'never-throws') return `threw: ${message}`;
    if (!(error instanceof TypeError || error instanceof RangeError))
      return `threw ${error instanceof Error ? error.name : typeof error}: ${message}`;
    if (!message.startsWith(`${name}(`)) return `message does not name ${name}: ${message}`;
    if (ENGINE_MESSAGE.test(message)) return `engine message: ${message}`;
    return 'ok';
  }
  if (contract.returns && !contract.returns(result))
    return `returned an undocumented result: ${JSON.stringify(result)?.slice(0, 200)}`;
  return 'ok';
}

// Values a JavaScript caller might pass by mistake, and fast-check's anything.
const plainValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(
    undefined,
    null,
    '',
    42,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -1,
    1.5,
    true,
    '(619) 544-1055',
    '2026-03-09',
    '2026-02-30',
    'America/Los_Angeles',
    'CA',
    'California',
    'PT',
    [],
    {},
    new Date('soon'),
    new Date('2026-03-09T16:00:00Z'),
  ),
  fc.string(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'format',
      'jurisdiction',
      'profile',
      'role',
      'baseUrl',
      'name',
      'kind',
      'sections',
    ),
    fc.anything({ maxDepth: 1 }),
  ),
);

// Runs per property; PTFX_PROPERTY_RUNS=2000 for a longer search.
const RUNS = Number(process.env.PTFX_PROPERTY_RUNS ?? 60);

type Path = readonly (string | number)[];

/** Every place in a value a spoilt call can change: the value itself and everything inside it. */
function pathsIn(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) for (const [i, v] of value.entries()) pathsIn(v, [...at, i], out);
  else if (isRecord(value) && !(value instanceof Date))
    for (const [key, v] of Object.entries(value)) pathsIn(v, [...at, key], out);
  return out;
}

const REMOVE = Symbol('remove');

/** `root` with the value at `path` replaced (or removed, when `replacement` is REMOVE). */
function spoil(root: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const copy = structuredClone(root);
  let parent: unknown = copy;
  for (const key of path.slice(0, -1))
    parent = isRecord(parent) || Array.isArray(parent) ? Reflect.get(parent, key) : undefined;
  const last = path.at(-1);
  if ((isRecord(parent) || Array.isArray(parent)) && last !== undefined) {
    if (replacement === REMOVE) Reflect.deleteProperty(parent, last);
    else Reflect.set(parent, last, replacement);
  }
  return copy;
}

const entries: readonly (readonly [string, unknown])[] = [
  ...Object.entries(api),
  ...Object.entries(credentialsEntry),
  ...Object.entries(sampleEntry),
];
const functions = [...new Map(entries.filter(([, v]) => typeof v === 'function')).entries()];
const schemas = entries.filter(([name, v]) => name.endsWith('Schema') && typeof v === 'object');

describe('every exported function, called from plain JavaScript', () => {
  it('has a contract, and every contract names an export', () => {
    const names = new Set(functions.map(([name]) => name));
    expect(functions.filter(([name]) => !Object.hasOwn(CONTRACTS, name)).map(([n]) => n)).toEqual(
      [],
    );
    expect(Object.keys(CONTRACTS).filter((name) => !names.has(name))).toEqual([]);
  });

  describe.each(functions)('%s', (name, fn) => {
    const contract = CONTRACTS[name];
    if (!contract) return;

    const property = contract.gap ? it.fails : it;
    const timeout = Math.max(5000, RUNS * 20);

    property('keeps its contract for any arguments', { timeout }, () => {
      const arity = typeof fn === 'function' ? fn.length : 0;
      fc.assert(
        fc.property(fc.array(plainValue, { maxLength: arity + 2 }), (args) => {
          expect(outcome(name, fn, contract, args)).toBe('ok');
        }),
        { numRuns: RUNS },
      );
    });

    const valid = contract.valid;
    if (!valid) return;

    it('answers a good call', () => {
      expect(
        outcome(
          name,
          fn,
          { ...contract, kind: 'never-throws', returns: contract.returns ?? (() => true) },
          valid(),
        ),
      ).toBe('ok');
    });

    property(
      'keeps its contract for a good call with one value inside it spoilt',
      { timeout },
      () => {
        const good = valid();
        const places = good.flatMap((arg, i) => pathsIn(arg).map((path) => [i, ...path]));
        fc.assert(
          fc.property(
            fc.nat(),
            fc.oneof(fc.constant<unknown>(REMOVE), plainValue),
            (pick, replacement) => {
              const [index = 0, ...path] = places[pick % places.length] ?? [0];
              const args = good.map((arg, i) =>
                i === index ? spoil(arg, path, replacement) : arg,
              );
              expect(outcome(name, fn, contract, args)).toBe('ok');
            },
          ),
          { numRuns: RUNS },
        );
      },
    );
  });
});

describe('every exported schema', () => {
  it.each(schemas)('%s: safeParse never throws', (_name, schema) => {
    fc.assert(
      fc.property(plainValue, (value) => {
        const safeParse = isRecord(schema) ? schema.safeParse : undefined;
        if (typeof safeParse !== 'function') throw new Error('no safeParse');
        const result: unknown = Reflect.apply(safeParse, schema, [value]);
        expect(isRecord(result) && typeof result.success === 'boolean').toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('phone numbers as typed', () => {
  it('formats and links any spelling parseNanp reads', () => {
    expect(api.formatPhoneNumber('(619) 544-1055')).toBe('(619) 544-1055');
    expect(api.phoneToTelUri('(619) 544-1055')).toBe('tel:+16195441055');
    expect(api.splitPhoneNumber('619.544.1055 x2')).toEqual({
      e164: '+16195441055',
      extension: '2',
    });
    expect(api.formatPhoneNumber('+1 619 544 1055 ext. 2')).toBe('(619) 544-1055 ext. 2');
  });

  it('refuses what is not a dialable number, saying why', () => {
    const message = (value: unknown) => {
      try {
        Reflect.apply(api.formatPhoneNumber, undefined, [value]);
      } catch (error) {
        return error instanceof TypeError ? error.message : `not a TypeError: ${error}`;
      }
      return 'did not throw';
    };
    expect(message(42)).toMatchInlineSnapshot(
      `"formatPhoneNumber(phone): expected a US phone number such as "(619) 544-1055" or "+16195441055", got 42"`,
    );
    expect(message('(119) 544-1055')).toMatchInlineSnapshot(
      `"formatPhoneNumber(phone): expected a US phone number such as "(619) 544-1055" or "+16195441055", got "(119) 544-1055"; area code 119 cannot start with 0 or 1"`,
    );
  });
});
