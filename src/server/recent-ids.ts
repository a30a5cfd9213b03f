/**
 * The last `capacity` update ids this instance handled. Telegram delivers an update again when an answer came too
 * late or the connection broke; handling it twice would, for instance, relay a letter twice.
 */
export class RecentIds {
  private readonly seen = new Set<number>();
  private readonly order: number[] = [];
  private next = 0;

  constructor(private readonly capacity = 10_000) {}

  has(id: number): boolean {
    return this.seen.has(id);
  }

  /** False when the id was seen recently; otherwise remembers it. */
  add(id: number): boolean {
    if (this.seen.has(id)) return false;
    if (this.order.length < this.capacity) {
      this.order.push(id);
    } else {
      this.seen.delete(this.order[this.next] as number);
      this.order[this.next] = id;
      this.next = (this.next + 1) % this.capacity;
    }
    this.seen.add(id);
    return true;
  }
}
