// The generated roster the CLI benchmarks lint: varied listings (a name from 200 and two to five
// credentials from 24 — hundreds of thousands of distinct listings, some repeated, as in a large
// employer's export), seeded so every run and every build sees the same file.
import { createWriteStream } from 'node:fs';

const givens = ['Jane', 'Mark', 'Allison', 'Ana', 'Li', 'Omar', 'Grace', 'Tom', 'Priya', 'Sam'];
const families = Array.from({ length: 20 }, (_, i) => `Family${i}`);
const creds = [
  'PT',
  'DPT',
  'MPT',
  'PTA',
  'OCS',
  'SCS',
  'NCS',
  'FAAOMPT',
  'COMT',
  'CSCS',
  'PRPC',
  'CHT',
  'ATC',
  'MBA',
  'PhD',
  'MS',
  'Cert. MDT',
  'CMPTT',
  'FAPTA',
  'LAc',
  'OTR/L',
  'CLT',
  'Doctor of Physical Therapy (DPT)',
  'P.T.',
];
const states = ['CA', 'TX', 'FL', 'NY', 'WA'];

/** Writes a CSV roster of `rows` rows (header `name,listing,state`) to `path`. */
export function writeRoster(path, rows) {
  let seed = 2026;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const listingFor = () => {
    const parts = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(creds));
    return `${random() < 0.3 ? 'Dr. ' : ''}${pick(givens)} ${pick(families)}, ${parts.join(', ')}`;
  };
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.write('name,listing,state\n');
    let i = 0;
    const write = () => {
      let ok = true;
      while (i < rows && ok) {
        ok = out.write(`"Person ${i}","${listingFor()}",${states[i % states.length]}\n`);
        i++;
      }
      if (i < rows) out.once('drain', write);
      else out.end(resolve);
    };
    write();
  });
}
