import { bench, describe } from 'vitest';
import { CREDENTIAL_CATALOG } from './catalog.js';
import { lintCredentialListing } from './listing-lint.js';
import { parseCredentialListing } from './listing-parser.js';

// 100,000 generated listings, the same every run (a seeded mulberry32), cycled through one per
// benchmark operation: each bench's ops/sec is listings linted (or parsed) per second.
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(2026);
const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? '';
const spellings = CREDENTIAL_CATALOG.flatMap((e) => [
  e.abbreviation ?? e.name,
  ...e.aliases,
  ...e.longForms,
]);
const names = ['Jane Doe', 'Mark Shulman', 'Allison McKay', 'Ana Ruiz', 'John Smith Jr.', 'Li Wei'];
const separators = [', ', ', ', ' — ', ' | ', ' • ', '\n', ' '];
const typos = ['CMPTT', 'Dpt', 'OCSS', 'FAAMPT', 'Cert MDTT'];

const LISTINGS: string[] = Array.from({ length: 100_000 }, () => {
  const count = 1 + Math.floor(random() * 6);
  const parts = Array.from({ length: count }, () =>
    random() < 0.05 ? pick(typos) : pick(spellings),
  );
  const head = `${random() < 0.3 ? 'Dr. ' : ''}${pick(names)}`;
  return `${head}${pick(separators)}${parts.join(pick(separators))}`;
});

let i = 0;
const next = () => LISTINGS[i++ % LISTINGS.length] ?? '';

// Long enough that each bench lints more than all 100,000 listings.
const options = { time: 4000 };

describe('credential listings, one per operation (ops/sec = listings per second)', () => {
  bench(
    'parseCredentialListing (baseline)',
    () => {
      parseCredentialListing(next());
    },
    options,
  );
  bench(
    'lintCredentialListing, apta-2016, CA',
    () => {
      lintCredentialListing(next(), { jurisdiction: 'CA' });
    },
    options,
  );
  bench(
    'lintCredentialListing, apta-legacy, TX, with expiry',
    () => {
      lintCredentialListing(next(), {
        profile: 'apta-legacy',
        jurisdiction: 'TX',
        asOf: '2026-11-27',
        credentials: [{ abbreviation: 'CSCS', expires: '2026-12-31' }],
      });
    },
    options,
  );
});
