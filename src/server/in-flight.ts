/**
 * Updates being handled right now, so a shutdown can wait for each of them to finish (replies sent, database
 * written) instead of cutting them off. The runner's own `stop()` does not wait for them. A count and one settle
 * callback made once, not a set entry and a closure per update: every webhook update passes two of these.
 */
export class InFlight {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly settled = (): void => {
    this.running -= 1;
    if (this.running === 0) for (const wake of this.waiting.splice(0)) wake();
  };

  get size(): number {
    return this.running;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running += 1;
    work.then(this.settled, this.settled);
    return work;
  }

  /** Resolves once nothing is in flight, including work that started while waiting. */
  async drain(): Promise<void> {
    while (this.running > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}
