import { statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const INTERVAL_MS = 15_000;
export const HEARTBEAT_STALE_MS = 60_000;

/** The file the running bot touches and the container health check reads, beside the database file. */
export function heartbeatFile(databaseFilename: string): string {
  return join(dirname(databaseFilename), "heartbeat");
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
