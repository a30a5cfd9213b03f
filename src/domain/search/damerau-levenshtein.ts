/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), bounded: once every path
 * exceeds `max` it stops and returns `max + 1`. Typo matching only ever asks "within 1 or 2 edits?", and stopping
 * early keeps a scan over thousands of names within the search latency budget.
 */
const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

export function boundedDamerauLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  if (width > (rows[0] as Int32Array).length) for (let i = 0; i < 3; i += 1) rows[i] = new Int32Array(width * 2);
  let twoBack = rows[0] as Int32Array;
  let previous = rows[1] as Int32Array;
  let current = rows[2] as Int32Array;
  for (let j = 0; j < width; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j += 1) {
      const charB = b.charCodeAt(j - 1);
      const cost = charA === charB ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        best = Math.min(best, (twoBack[j - 2] as number) + 1);
      }
      current[j] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    if (rowMinimum > max) return max + 1;
    const recycled = twoBack;
    twoBack = previous;
    previous = current;
    current = recycled;
  }
  const distance = previous[width - 1] as number;
  return distance > max ? max + 1 : distance;
}
