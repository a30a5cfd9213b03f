type Listener = () => void;

const listeners = new Set<Listener>();
let scheduled = false;

/**
 * `enqueue` runs deep inside a feature's transaction and cannot reach the worker, so workers in this process
 * subscribe here. Listeners run on the next macrotask: after the caller's transaction has usually committed (on
 * SQLite a claim would wait for it anyway); a wake that comes too early costs nothing, the poll tick catches up.
 */
export function onOutboxEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyOutboxEnqueued(): void {
  if (scheduled || listeners.size === 0) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    for (const listener of listeners) listener();
  });
}
