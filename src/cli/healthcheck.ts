import { parseDatabaseUrl } from "../db/database.js";
import { HEARTBEAT_STALE_MS, heartbeatAgeMs, heartbeatFile } from "../heartbeat.js";
import { projectRoot } from "../project-path.js";

// Docker HEALTHCHECK: healthy while the bot's polling loop keeps touching its heartbeat file.
const location = parseDatabaseUrl(process.env.DATABASE_URL ?? "sqlite:data/lysty.sqlite", projectRoot());
const age = heartbeatAgeMs(heartbeatFile(location.filename));
if (age === undefined || age > HEARTBEAT_STALE_MS) {
  console.error(age === undefined ? "no heartbeat yet" : `heartbeat is ${Math.round(age / 1000)} s old`);
  process.exit(1);
}
