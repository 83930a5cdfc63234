/** Edit distance between two strings (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
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
 */
export function suggestClosest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    const distance = editDistance(lower, candidateLower);
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
