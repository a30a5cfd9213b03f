/** Rows per statement when ids are written together (at most 4 parameters each, far below either database's limit). */
const MOST_WRITTEN_AT_ONCE = 500;

/**
 * Writes ids in groups: every id handed over in one turn of the event loop goes to one call of `write` (one statement
 * and one commit), and each caller's promise settles with that write. Under load that is one write for several
 * updates instead of one for each; a failed write fails every id it held.
 */
export function groupedWrites(write: (ids: number[]) => Promise<void>): (id: number) => Promise<void> {
  const pending: Array<{ id: number; done: () => void; failed: (error: unknown) => void }> = [];
  const flush = async () => {
    const batch = pending.splice(0, MOST_WRITTEN_AT_ONCE);
    if (pending.length > 0) setImmediate(() => void flush());
    try {
      await write(batch.map((entry) => entry.id));
      for (const entry of batch) entry.done();
    } catch (error) {
      for (const entry of batch) entry.failed(error);
    }
  };
  return (id) =>
    new Promise<void>((done, failed) => {
      if (pending.push({ id, done, failed }) === 1) setImmediate(() => void flush());
    });
}
