/**
 * `bench:censorship -- --slowest [n]`: the work per letter without the noise (issue 16, speed round 5). Each letter's
 * CPU time is taken as its minimum over the runs, which leaves out the scavenges and preemption that fall in some
 * runs, so p50 and p99 here are what the letters cost by themselves; the slowest letters are listed with what makes
 * them slow (their share of Latin letters: English and Latin-typed paragraphs are read more ways).
 */
export class SlowestLetters {
  private readonly best: number[];

  constructor(private readonly texts: readonly string[]) {
    this.best = texts.map(() => Number.POSITIVE_INFINITY);
  }

  record(letter: number, cpuMilliseconds: number): void {
    this.best[letter] = Math.min(this.best[letter] ?? Number.POSITIVE_INFINITY, cpuMilliseconds);
  }

  describe(count: number): string[] {
    const sorted = [...this.best].sort((a, b) => a - b);
    const at = (fraction: number) => (sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN).toFixed(3);
    const order = this.best.map((_, letter) => letter).sort((a, b) => (this.best[b] ?? 0) - (this.best[a] ?? 0));
    return [
      `  work per letter (minimum CPU time over the runs): p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
      ...order.slice(0, count).map((letter) => `    letter ${letter}: ${(this.best[letter] ?? 0).toFixed(3)} ms, ${latinShare(this.texts[letter] ?? "")} % Latin letters`),
    ];
  }
}

function latinShare(text: string): number {
  let latin = 0;
  let letters = 0;
  for (const character of text) {
    if (/\p{L}/u.test(character)) letters++;
    if (/[A-Za-z]/u.test(character)) latin++;
  }
  return letters === 0 ? 0 : Math.round((100 * latin) / letters);
}
