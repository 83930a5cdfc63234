// What the exported functions read of the parsed domain objects, as shapes for expectShape: the
// fields read, their types and the formats a function relies on (times, dates, zones, stored
// phone numbers), not the whole schema. Plain data, so that a bundle keeps only the shapes its
// functions use; the formats are patterns rather than imports of the parsers, for the same
// reason. shapes.test.ts pins the enums and patterns to the schemas and parsers.
import { isProcedureCode } from '../identifiers/procedure-code-system.js';
import {
  type ArgumentShape,
  argumentError,
  EXPECTED_ISO_DATE,
  EXPECTED_TIME_ZONE,
  isIsoDate,
  isTimeZone,
  type Shape,
} from './arguments.js';

// Hints are literal text, not built by a call: a call at the top of a module would keep every
// shape in every bundle.

/** A calendar date `YYYY-MM-DD`. */
export const ISO_DATE: Shape = ['test', EXPECTED_ISO_DATE, isIsoDate];

/**
 * A FHIR base: an absolute http(s) URL with a host and perhaps a path, no query or fragment
 * (`https://api.example.com/fhir/r4`). An Endpoint's `address` and every `fullUrl` are built on it.
 */
const FHIR_BASE_URL = /^https?:\/\/[^\s/?#@]+(?:\/[^\s?#]*)?$/i;
/** The `baseUrl` of the FHIR projections. */
export const FHIR_BASE: Shape = [
  'test',
  'an absolute http(s) URL without query, such as "https://api.example.com/fhir/r4"',
  (value) => typeof value === 'string' && FHIR_BASE_URL.test(value),
];
const OPTIONAL_ISO_DATE: Shape = ['optional', ISO_DATE];
const LOCAL_TIME: Shape = [
  'test',
  'a time "HH:MM" from "00:00" to "24:00", such as "08:30"',
  (v) => typeof v === 'string' && /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(v),
];
const TIME_ZONE: Shape = ['test', EXPECTED_TIME_ZONE, isTimeZone];

// Literal lists, not spreads of WEEKDAYS and CREDENTIAL_KINDS: a spread may run an iterator, so a
// bundler keeps it (and what it reaches) even where nothing uses it. shapes.test.ts pins both.
const WEEKDAY: Shape = [
  'one of',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];
const TIME_RANGE: Shape = { opens: LOCAL_TIME, closes: LOCAL_TIME };
const OPENING_HOURS: Shape = {
  weekly: ['list', { days: ['list', WEEKDAY], opens: LOCAL_TIME, closes: LOCAL_TIME }],
  exceptions: [
    'list',
    [
      'by',
      'status',
      {
        closed: { from: ISO_DATE, through: OPTIONAL_ISO_DATE, reason: 'text' },
        open: {
          from: ISO_DATE,
          through: OPTIONAL_ISO_DATE,
          reason: 'text',
          hours: ['list', TIME_RANGE],
        },
      },
    ],
  ],
};

/** A location's zone and hours: what the hours functions read. */
export const SCHEDULE: ArgumentShape = {
  what: 'a location (an object with timeZone and hours)',
  shape: { timeZone: TIME_ZONE, hours: OPENING_HOURS },
  hint: 'parse it with parseClinicData or LocationSchema first',
};

/** A number as PhoneNumberSchema stores it: E.164 under the NANP rules, maybe `;ext=`. */
export const STORED_PHONE_PATTERN = /^\+1(?!\d11)[2-9]\d\d(?!\d11)[2-9]\d{6}(?:;ext=\d{1,6})?$/;
/** The USPS codes of US_STATES. */
export const USPS_CODE_PATTERN =
  /^(?:A[AEKLPRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEHINOPST]|N[CDEHJMVY]|O[HKR]|P[ARW]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])$/;

const STORED_PHONE: Shape = [
  'test',
  'a phone number as PhoneNumberSchema stores it, such as "+16195441055"',
  (v) => typeof v === 'string' && STORED_PHONE_PATTERN.test(v),
];
const STATE: Shape = [
  'test',
  'a USPS state code such as "CA"',
  (v) => typeof v === 'string' && USPS_CODE_PATTERN.test(v),
];
/** A USPS state code, for options. */
export const STATE_CODE: Shape = STATE;
/** A credential profile, for options. */
export const PROFILE: Shape = ['one of', 'apta-2016', 'apta-legacy'];
/** A therapist role, for options. */
export const ROLE: Shape = ['one of', 'PT', 'PTA', 'other'];
/** What the formatter does with credentials outside APTA's categories, for options. */
export const OUTSIDE_CATEGORIES: Shape = ['one of', 'spell-out', 'omit'];

const PURPOSES: Shape = [
  'list',
  ['one of', 'general', 'appointments', 'billing', 'referrals', 'records', 'after-hours'],
];
const CHANNEL: Shape = [
  'by',
  'kind',
  {
    phone: { value: STORED_PHONE, purposes: PURPOSES },
    fax: { value: STORED_PHONE, purposes: PURPOSES },
    sms: { value: STORED_PHONE, purposes: PURPOSES },
    email: { value: 'text', purposes: PURPOSES },
    web: { value: 'text', purposes: PURPOSES },
  },
];

/** The kinds of contact channel. */
export const CONTACT_CHANNEL_KINDS = ['phone', 'fax', 'sms', 'email', 'web'] as const;
/** What a contact channel can be for. */
export const CONTACT_PURPOSES = [
  'general',
  'appointments',
  'billing',
  'referrals',
  'records',
  'after-hours',
] as const;

/** What a search of channels reads: each one's kind and purposes. */
export const SEARCHED_CHANNELS: ArgumentShape = {
  what: 'a list of contact channels (objects with kind and purposes)',
  shape: ['list', { kind: ['one of', 'phone', 'fax', 'sms', 'email', 'web'], purposes: PURPOSES }],
  hint: 'parse it with parseClinicData or ContactChannelsSchema first',
};

/** One contact channel. */
export const CONTACT_CHANNEL: ArgumentShape = {
  what: 'a contact channel (an object with kind, value and purposes)',
  shape: CHANNEL,
  hint: 'parse it with parseClinicData or ContactChannelSchema first',
};

/** A list of contact channels. */
export const CONTACT_CHANNELS: ArgumentShape = {
  what: 'a list of contact channels',
  shape: ['list', CHANNEL],
  hint: 'parse it with parseClinicData or ContactChannelsSchema first',
};

const ADDRESS: Shape = {
  lines: ['list', 'text'],
  city: 'text',
  state: STATE,
  postalCode: 'text',
  country: 'text',
};

/** A US postal address. */
export const POSTAL_ADDRESS: ArgumentShape = {
  what: 'a postal address (an object with lines, city, state and postalCode)',
  shape: ADDRESS,
  hint: 'parse it with parseClinicData or PostalAddressSchema first',
};

const IMAGES: Shape = ['list', { url: 'text', alt: 'text', width: 'number?', height: 'number?' }];
const LOCATION_SHAPE: Shape = {
  slug: 'text',
  name: 'text',
  address: ADDRESS,
  geo: ['optional', { latitude: 'number', longitude: 'number' }],
  contact: ['list', CHANNEL],
  images: IMAGES,
  timeZone: TIME_ZONE,
  hours: OPENING_HOURS,
  acceptingNewPatients: 'boolean',
};

/** A location of the practice. */
export const LOCATION: ArgumentShape = {
  what: 'a location of the clinic',
  shape: LOCATION_SHAPE,
  hint: 'parse it with parseClinicData or LocationSchema first',
};

/** What the therapist linter reads of locations: slug and address state. */
export const LISTING_LOCATIONS: ArgumentShape = {
  what: 'a list of locations (objects with slug and address)',
  shape: ['list', { slug: 'text', address: { state: STATE } }],
  hint: 'parse it with parseClinicData or LocationSchema first',
};

const CREDENTIAL_SHAPE: Shape = {
  abbreviation: 'text',
  name: 'text?',
  issuer: 'text?',
  earned: OPTIONAL_ISO_DATE,
  expires: OPTIONAL_ISO_DATE,
  license: ['optional', { number: 'text', state: STATE }],
};

/** A structured credential. */
export const CREDENTIAL: ArgumentShape = {
  what: 'a credential (an object with abbreviation, and optionally name, earned, expires)',
  shape: CREDENTIAL_SHAPE,
  hint: 'parse it with parseClinicData or CredentialSchema first',
};

/** What a credential's code reads: its abbreviation and name. */
export const CREDENTIAL_NAME: ArgumentShape = {
  what: 'a credential (an object with abbreviation, and optionally name)',
  shape: { abbreviation: 'text', name: 'text?' },
  hint: 'parse it with parseClinicData or CredentialSchema first',
};

/** What the linter reads of structured credentials: names, issuer and dates. */
export const LINTED_CREDENTIALS: Shape = [
  'list',
  {
    abbreviation: 'text',
    name: 'text?',
    issuer: 'text?',
    earned: OPTIONAL_ISO_DATE,
    expires: OPTIONAL_ISO_DATE,
  },
];

/** What the therapist linter reads of a therapist. */
export const LINTED_THERAPIST: ArgumentShape = {
  what: 'a therapist of the clinic',
  shape: {
    name: { given: 'text', middle: 'text?', family: 'text', suffix: 'text?' },
    honorificPrefix: 'text?',
    role: ['one of', 'PT', 'PTA', 'other'],
    credentialListing: 'text',
    credentials: LINTED_CREDENTIALS,
    locations: ['list', 'text'],
  },
  hint: 'parse it with parseClinicData or TherapistSchema first',
};

const PERSON_SHAPE: Shape = {
  name: { given: 'text', middle: 'text?', family: 'text', suffix: 'text?' },
  honorificPrefix: 'text?',
};

/** What a display name reads: the name parts and the honorific. */
export const PERSON: ArgumentShape = {
  what: 'a therapist (an object with name and honorificPrefix)',
  shape: PERSON_SHAPE,
  hint: 'parse it with parseClinicData or TherapistSchema first',
};

const THERAPIST_SHAPE: Shape = {
  slug: 'text',
  name: { given: 'text', middle: 'text?', family: 'text', suffix: 'text?' },
  honorificPrefix: 'text?',
  role: ['one of', 'PT', 'PTA', 'other'],
  credentialListing: 'text',
  credentials: ['list', CREDENTIAL_SHAPE],
  npi: 'text?',
  specialties: ['list', 'text'],
  languages: ['list', 'text'],
  bio: 'text?',
  photo: ['optional', { url: 'text', alt: 'text' }],
  sameAs: ['list', 'text'],
  locations: ['list', 'text'],
  treatments: ['list', 'text'],
};

/** A therapist. */
export const THERAPIST: ArgumentShape = {
  what: 'a therapist of the clinic',
  shape: THERAPIST_SHAPE,
  hint: 'parse it with parseClinicData or TherapistSchema first',
};

const SECTIONS: Shape = ['list', { heading: 'text?', paragraphs: ['list', 'text'] }];

/** What read time reads of an article: its sections. */
export const ARTICLE_BODY: ArgumentShape = {
  what: 'an article (an object with sections)',
  shape: { sections: SECTIONS },
  hint: 'parse it with parseClinicData or ArticleSchema first',
};

const PROCEDURE_CODES: Shape = [
  'list',
  ['test', 'a CPT or HCPCS code such as "97110"', (v) => isProcedureCode(v)],
];

const TREATMENT_SHAPE: Shape = {
  slug: 'text',
  name: 'text',
  summary: 'text',
  codes: PROCEDURE_CODES,
  conditions: ['list', 'text'],
};

/** A treatment. */
export const TREATMENT: ArgumentShape = {
  what: 'a treatment of the clinic',
  shape: TREATMENT_SHAPE,
  hint: 'parse it with parseClinicData or TreatmentSchema first',
};

/** A whole clinic, as far as the projections and reference checks read it. */
export const CLINIC: ArgumentShape = {
  what: 'a clinic (the value parseClinicData returns)',
  shape: {
    organization: {
      slug: 'text',
      name: 'text',
      alternateName: 'text?',
      legalName: 'text?',
      description: 'text?',
      website: 'text?',
      logo: 'text?',
      images: IMAGES,
      priceRange: 'text?',
      contact: ['list', CHANNEL],
      npi: 'text?',
      taxonomy: ['list', 'text'],
      sameAs: ['list', 'text'],
    },
    locations: ['list', LOCATION_SHAPE],
    therapists: ['list', THERAPIST_SHAPE],
    treatments: ['list', TREATMENT_SHAPE],
    conditions: [
      'list',
      { slug: 'text', name: 'text', treatments: ['list', 'text'], articles: ['list', 'text'] },
    ],
    articles: [
      'list',
      {
        slug: 'text',
        title: 'text',
        subtitle: 'text?',
        author: 'text?',
        published: ISO_DATE,
        updated: OPTIONAL_ISO_DATE,
        images: IMAGES,
        sections: SECTIONS,
        displayedReadTime: 'number?',
        conditions: ['list', 'text'],
        treatments: ['list', 'text'],
      },
    ],
    programs: ['list', { slug: 'text', locations: ['list', 'text'] }],
  },
  hint: 'parse it with parseClinicData (or ClinicSchema) first',
};

const SLUGS: Shape = ['list', 'text'];

/** What the reference check reads of a clinic: each collection's slugs and references. */
export const CLINIC_REFERENCES: ArgumentShape = {
  what: 'a clinic (an object with locations, therapists, treatments, conditions, articles and programs)',
  shape: {
    locations: ['list', { slug: 'text' }],
    therapists: ['list', { slug: 'text', locations: SLUGS, treatments: SLUGS }],
    treatments: ['list', { slug: 'text', conditions: SLUGS }],
    conditions: ['list', { slug: 'text', treatments: SLUGS, articles: SLUGS }],
    articles: ['list', { slug: 'text', author: 'text?', conditions: SLUGS, treatments: SLUGS }],
    programs: ['list', { slug: 'text', locations: SLUGS }],
  },
  hint: 'parse it with parseClinicData (or ClinicSchema) first',
};

const RENEWAL: Shape = [
  'by',
  'kind',
  {
    none: {},
    years: { years: ['test', 'a whole number of years from 1 to 100', isCycleYears] },
    'fixed-cycle': {
      years: ['test', 'a whole number of years from 1 to 100', isCycleYears],
      anchorYear: ['test', 'a year from 1900 to 2999', isAnchorYear],
    },
    'varies-by-state': {},
    unknown: {},
  },
];
const ABBREVIATION: Shape = [
  'test',
  'an abbreviation of 1 to 40 characters with a letter and no comma, such as "CFMT"',
  isAbbreviation,
];
const NAME: Shape = ['test', 'a name that is not empty', isNonBlank];
const CREDENTIAL_KIND: Shape = [
  'one of',
  'license-designation',
  'pt-degree',
  'regulated-occupation',
  'academic-degree',
  'apta-fellowship',
  'abpts-specialist',
  'fellowship',
  'certification',
  'student-designation',
  'obsolete-designation',
];
const CUSTOM_CREDENTIAL_SHAPE: Shape = {
  abbreviation: ABBREVIATION,
  name: NAME,
  kind: CREDENTIAL_KIND,
  issuer: ['optional', NAME],
  renewal: ['optional', RENEWAL],
  aliases: ['optional', ['list', ABBREVIATION]],
  longForms: ['optional', ['list', NAME]],
  source: ['optional', NAME],
};
const CUSTOM_HINT =
  'give abbreviation, name and kind (and optionally issuer, renewal, aliases, longForms, source)';

/** An organisation's own credential: what customCatalogEntry reads. */
export const CUSTOM_CREDENTIAL: ArgumentShape = {
  what: 'a custom credential (an object with abbreviation, name and kind)',
  shape: CUSTOM_CREDENTIAL_SHAPE,
  hint: CUSTOM_HINT,
};

/**
 * An organisation's own credentials, the `catalog` option of the linters and of
 * `ptfx.config.json`. Two with the same abbreviation are not caught here: see
 * `customCatalogProblem`.
 */
export const CUSTOM_CREDENTIALS: ArgumentShape = {
  what: 'a list of custom credentials (objects with abbreviation, name and kind)',
  shape: ['list', CUSTOM_CREDENTIAL_SHAPE],
  hint: CUSTOM_HINT,
};

/** What expiry reads of a catalog entry: its renewal rule. */
export const RENEWING_ENTRY: ArgumentShape = {
  what: 'a credential catalog entry (an object with a renewal rule)',
  shape: { renewal: RENEWAL },
  hint: 'use an entry of CREDENTIAL_CATALOG (findCredential, credentialById)',
};

/** What expiry reads of a credential: its dates. */
export const CREDENTIAL_DATES: ArgumentShape = {
  what: 'a credential (an object with optional earned and expires dates)',
  shape: { earned: OPTIONAL_ISO_DATE, expires: OPTIONAL_ISO_DATE },
  hint: 'parse it with parseClinicData or CredentialSchema first',
};

const CATALOG_ENTRY_SHAPE: Shape = {
  id: 'text',
  abbreviation: 'text?',
  name: 'text',
  kind: [
    'one of',
    'license-designation',
    'pt-degree',
    'regulated-occupation',
    'academic-degree',
    'apta-fellowship',
    'abpts-specialist',
    'fellowship',
    'certification',
    'student-designation',
    'obsolete-designation',
  ],
  renewal: RENEWAL,
  ptDegreeRank: 'number?',
  doctorate: 'boolean?',
};
const FROM_CATALOG = 'use an entry of CREDENTIAL_CATALOG (findCredential, credentialById)';

/**
 * The TypeError of a function that reads one field of a catalog entry on a hot path, without the
 * shape (and its size in a bundle): `aptaCategory(entry): expected a credential catalog entry …`.
 */
export function catalogEntryError(fn: string, value: unknown): TypeError {
  return argumentError(
    `${fn}(entry)`,
    'a credential catalog entry (an object with id, name and kind)',
    value,
    FROM_CATALOG,
  );
}

/** A credential catalog entry. */
export const CATALOG_ENTRY: ArgumentShape = {
  what: 'a credential catalog entry',
  shape: CATALOG_ENTRY_SHAPE,
  hint: FROM_CATALOG,
};

/** A list of credential catalog entries. */
export const CATALOG_ENTRIES: ArgumentShape = {
  what: 'a list of credential catalog entries',
  shape: ['list', CATALOG_ENTRY_SHAPE],
  hint: FROM_CATALOG,
};

/** What the formatter reads of a parsed listing. */
export const PARSED_LISTING: ArgumentShape = {
  what: 'a parsed listing (what parseCredentialListing returns)',
  shape: {
    tokens: ['list', { text: 'text' }],
    credentials: ['list', { text: 'text', credential: CATALOG_ENTRY_SHAPE }],
    unknown: ['list', { text: 'text' }],
    honorific: ['optional', { text: 'text' }],
    name: ['optional', { text: 'text' }],
  },
  hint: 'pass what parseCredentialListing returns',
};

const ISSUE_SHAPE: Shape = {
  code: 'text',
  severity: ['one of', 'error', 'warning', 'info'],
  message: 'text',
  path: ['list', ['test', 'a key (text) or an index (number)', isPathSegment]],
  position: ['optional', { line: 'number', column: 'number' }],
};

/** One issue. */
export const ISSUE: ArgumentShape = {
  what: 'an issue (an object with code, severity, message and path)',
  shape: ISSUE_SHAPE,
  hint: 'pass an issue that parseClinicData or lintCredentialListing returned',
};

/** A list of issues, as far as their severities. */
export const ISSUES: ArgumentShape = {
  what: 'a list of issues',
  shape: ['list', { severity: ['one of', 'error', 'warning', 'info'] }],
  hint: 'pass the issues that parseClinicData or lintCredentialListing returned',
};

/** A JSON path: keys and indexes. */
export const JSON_PATH: ArgumentShape = {
  what: 'a path (a list of keys and indexes) such as ["therapists", 1, "npi"]',
  shape: ['list', ['test', 'a key (text) or an index (number)', isPathSegment]],
  hint: 'pass the path of an issue',
};

function isCycleYears(value: unknown): boolean {
  return Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 100;
}

function isAnchorYear(value: unknown): boolean {
  return Number.isInteger(value) && Number(value) >= 1900 && Number(value) <= 2999;
}

function isNonBlank(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function isAbbreviation(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    value.length <= 40 &&
    /\p{L}/u.test(value) &&
    !value.includes(',') &&
    value.trim() === value
  );
}

function isPathSegment(value: unknown): boolean {
  return typeof value === 'string' || Number.isInteger(value);
}

/** A consultation request, as far as the honeypot check reads it. */
export const CONSULTATION_REQUEST: ArgumentShape = {
  what: 'a consultation request',
  shape: { website: 'text?' },
  hint: 'parse it with ConsultationRequestSchema first',
};

/** A FHIR resource, as far as its URL needs. */
export const FHIR_RESOURCE: ArgumentShape = {
  what: 'a FHIR resource (an object with resourceType and id)',
  shape: { resourceType: 'text', id: 'text' },
  hint: 'pass a resource that fhirResources returned',
};
