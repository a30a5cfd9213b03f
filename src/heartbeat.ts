import { statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { DatabaseLocation } from "./db/database.js";

const INTERVAL_MS = 15_000;
export const HEARTBEAT_STALE_MS = 60_000;

/**
 * The file the running bot touches and the container health check reads (same container, same filesystem): beside
 * the SQLite file, or in the temporary directory with Postgres. None for an in-memory database.
 */
export function heartbeatFile(location: DatabaseLocation): string | undefined {
  if (location.dialect === "postgres") return join(tmpdir(), "lysty-heartbeat");
  return location.filename === ":memory:" ? undefined : join(dirname(location.filename), "heartbeat");
}

/** Touches the file while `alive()` holds, so a wedged or stopped process turns the container unhealthy. */
export function startHeartbeat(file: string, alive: () => boolean): () => void {
  const beat = () => {
    if (alive()) writeFileSync(file, new Date().toISOString());
  };
  beat();
  const timer = setInterval(beat, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export function heartbeatAgeMs(file: string, now = Date.now()): number | undefined {
  try {
    return now - statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
