/**
 * Updates being handled right now, so a shutdown can wait for each of them to finish (replies sent, database
 * written) instead of cutting them off. The runner's own `stop()` does not wait for them.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves once nothing is in flight, including work that started while waiting. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
