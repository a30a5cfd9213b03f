import { parseDatabaseUrl } from "../db/database.js";
import { HEARTBEAT_STALE_MS, heartbeatAgeMs, heartbeatFile } from "../heartbeat.js";
import { projectRoot } from "../project-path.js";

/**
 * Docker HEALTHCHECK. Webhook mode: the instance's own /healthz answers 200 (the process serves HTTP and was not told
 * to stop). Polling mode: the runner keeps touching its heartbeat file while it polls.
 */
async function main(): Promise<number> {
  if (process.env.BOT_MODE === "webhook") {
    const port = process.env.PORT || "8080";
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4_000) });
      if (response.ok) return 0;
      console.error(`/healthz answered ${response.status}`);
    } catch (error) {
      console.error(`/healthz did not answer: ${error instanceof Error ? error.message : "unknown error"}`);
    }
    return 1;
  }
  const file = heartbeatFile(parseDatabaseUrl(process.env.DATABASE_URL || "sqlite:data/lysty.sqlite", projectRoot()));
  const age = file === undefined ? undefined : heartbeatAgeMs(file);
  if (age === undefined || age > HEARTBEAT_STALE_MS) {
    console.error(age === undefined ? "no heartbeat yet" : `heartbeat is ${Math.round(age / 1000)} s old`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
