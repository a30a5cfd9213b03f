/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), bounded: once every path
 * exceeds `max` it stops and returns `max + 1`. Typo matching only ever asks "within 1 or 2 edits?", so only the band
 * of cells within `max` of the diagonal is computed (a cell further off needs more than `max` edits): 5 cells a row
 * instead of the whole row for two edits, which is most of a typo query's time at 10,000 people.
 */
const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

export function boundedDamerauLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const beyond = max + 1;
  const width = b.length + 1;
  if (width + 1 > (rows[0] as Int32Array).length) for (let i = 0; i < 3; i += 1) rows[i] = new Int32Array(width * 2);
  let twoBack = rows[0] as Int32Array;
  let previous = rows[1] as Int32Array;
  let current = rows[2] as Int32Array;
  for (let j = 0; j < width; j += 1) previous[j] = j <= max ? j : beyond;
  previous[width] = beyond;
  for (let i = 1; i <= a.length; i += 1) {
    const low = Math.max(1, i - max);
    const high = Math.min(b.length, i + max);
    // The cell left of the band: the first column, or "too far" (the previous rows wrote their own such cells).
    current[low - 1] = low === 1 ? Math.min(i, beyond) : beyond;
    let rowMinimum = current[low - 1] as number;
    const charA = a.charCodeAt(i - 1);
    for (let j = low; j <= high; j += 1) {
      const charB = b.charCodeAt(j - 1);
      const cost = charA === charB ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        best = Math.min(best, (twoBack[j - 2] as number) + 1);
      }
      current[j] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    // The cell right of the band, read by the next row as "too far".
    if (high < b.length) current[high + 1] = beyond;
    if (rowMinimum > max) return beyond;
    const recycled = twoBack;
    twoBack = previous;
    previous = current;
    current = recycled;
  }
  const distance = previous[width - 1] as number;
  return distance > max ? beyond : distance;
}
