import { argumentError, expectText } from './arguments.js';

// The table has (a.length + 1) × (b.length + 1) cells; past this it would take gigabytes.
const MAX_CELLS = 16_000_000;
const tooLong = (call: string, a: string, b: string) =>
  new RangeError(
    `${call}: texts of ${a.length} and ${b.length} characters are too long to compare; their lengths multiplied must stay under 16,000,000`,
  );

/**
 * Edit distance between two strings (insertions, deletions, substitutions, adjacent swaps).
 *
 * @throws {TypeError} when `a` or `b` is not text
 * @throws {RangeError} when the texts are so long that the table would not fit (16 million cells)
 */
export function editDistance(a: string, b: string): number {
  expectText('editDistance', 'a', a);
  expectText('editDistance', 'b', b);
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) throw tooLong('editDistance(a, b)', a, b);
  return distanceBetween(a, b);
}

function distanceBetween(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

// On a tie, prefer a candidate the word starts with ("CMPTT" is "CMPT" typed with a stutter),
// then one of the same length (a swap, "OSC" for "OCS", over a dropped letter).
function tieScore(word: string, candidate: string): number {
  return (word.startsWith(candidate) ? 2 : 0) + (word.length === candidate.length ? 1 : 0);
}

/**
 * The candidate closest to `word`, when it is close enough to be a likely typo: at most a third
 * of the word's length in edits (and at most 3). Case-insensitive.
 *
 * @example
 * suggestClosest('bak-pain', ['back-pain', 'neck-pain']); // 'back-pain'
 * @throws {TypeError} when `word` is not text, or `candidates` is not an iterable of text (a
 * list, a Set, a Map's keys)
 */
export function suggestClosest(word: string, candidates: Iterable<string>): string | undefined {
  expectText('suggestClosest', 'word', word);
  if (!isIterable(candidates))
    throw argumentError(
      'suggestClosest(candidates)',
      'a list (or other iterable) of text',
      candidates,
    );
  // An iterator is read once: keep what it gives.
  const list: string[] = [];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string')
      throw argumentError('suggestClosest(candidates)', 'text in every candidate', candidate);
    if ((word.length + 1) * (candidate.length + 1) > MAX_CELLS)
      throw tooLong('suggestClosest(word, candidates)', word, candidate);
    list.push(candidate);
  }
  return suggestClosestUnchecked(word, list);
}

/** {@link suggestClosest} without the argument checks, for callers that have made them. */
export function suggestClosestUnchecked(
  word: string,
  candidates: Iterable<string>,
): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    const distance = distanceBetween(lower, candidateLower);
    const tieWins =
      distance === bestDistance &&
      best !== undefined &&
      tieScore(lower, candidateLower) > tieScore(lower, best.toLowerCase());
    if (distance < bestDistance || tieWins) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Symbol.iterator in value &&
    typeof value[Symbol.iterator] === 'function'
  );
}
