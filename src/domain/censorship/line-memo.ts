/**
 * A memory of values by a string key, bounded by an estimate of the bytes it holds: the least recently used entries
 * leave first. A miss only costs the caller the work the value saves, so the bound is a trade of memory for time.
 */
export interface SizedMemo<V> {
  get(key: string): V | undefined;
  /** Keeps `value` under `key` unless it alone is larger than the whole budget. */
  set(key: string, value: V, bytes: number): void;
  /** Bytes held now, by the callers' estimates. */
  bytes(): number;
  clear(): void;
}

export function createSizedMemo<V>(budgetBytes: number): SizedMemo<V> {
  // A Map iterates in insertion order, so taking an entry out and putting it back on every hit keeps the least
  // recently used first.
  const entries = new Map<string, { value: V; bytes: number }>();
  let held = 0;
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, bytes) {
      if (bytes > budgetBytes) return;
      const old = entries.get(key);
      if (old !== undefined) {
        held -= old.bytes;
        entries.delete(key);
      }
      entries.set(key, { value, bytes });
      held += bytes;
      for (const [oldest, entry] of entries) {
        if (held <= budgetBytes) break;
        entries.delete(oldest);
        held -= entry.bytes;
      }
    },
    bytes: () => held,
    clear() {
      entries.clear();
      held = 0;
    },
  };
}
