import { expectText } from '../shared/arguments.js';

/**
 * The two-letter codes USPS accepts in the state field of an address (Publication 28,
 * Appendix B): the 50 states, DC, the territories and freely associated states, and the Armed
 * Forces codes AA, AE and AP, with their names.
 */
export const US_STATES = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  AS: 'American Samoa',
  GU: 'Guam',
  MP: 'Northern Mariana Islands',
  PR: 'Puerto Rico',
  VI: 'U.S. Virgin Islands',
  FM: 'Federated States of Micronesia',
  MH: 'Marshall Islands',
  PW: 'Palau',
  AA: 'Armed Forces Americas',
  AE: 'Armed Forces Europe',
  AP: 'Armed Forces Pacific',
} as const;

/** A USPS two-letter state, territory or military code, such as `CA`. */
export type UsStateCode = keyof typeof US_STATES;

let byName: ReadonlyMap<string, UsStateCode> | undefined;

// Built on first use, not at import: importing a module of this package does no work.
function codesByName(): ReadonlyMap<string, UsStateCode> {
  if (byName) return byName;
  const map = new Map<string, UsStateCode>();
  for (const [code, name] of Object.entries(US_STATES)) {
    if (isUsStateCode(code)) map.set(name.toLowerCase().replace(/[^a-z]/g, ''), code);
  }
  byName = map;
  return map;
}

/** True when `text` is exactly one of the USPS codes in {@link US_STATES}; never throws (anything but text is `false`). */
export function isUsStateCode(text: string): text is UsStateCode {
  return typeof text === 'string' && Object.hasOwn(US_STATES, text);
}

/**
 * Suggests the USPS code someone probably meant: `"ca"` → `CA`, `"California"` → `CA`.
 * Returns `undefined` when nothing is close.
 *
 * @throws {TypeError} when `text` is not text
 */
export function suggestUsStateCode(text: string): UsStateCode | undefined {
  expectText('suggestUsStateCode', 'text', text, 'a state name or code such as "California"');
  const upper = text.trim().toUpperCase().replace(/\./g, '');
  return isUsStateCode(upper)
    ? upper
    : codesByName().get(text.toLowerCase().replace(/[^a-z]/g, ''));
}
