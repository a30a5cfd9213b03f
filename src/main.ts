import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { startApp } from "./app.js";
import { describeError } from "./bot/middlewares/error-boundary.js";
import { systemClock } from "./clock.js";
import { ConfigError, parseConfig } from "./config.js";
import { openDatabase, parseDatabaseUrl } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { heartbeatFile, startHeartbeat } from "./heartbeat.js";
import { createLogger } from "./logger.js";
import { projectPath, projectRoot } from "./project-path.js";

function readConfig() {
  const envFile = projectPath(".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (!process.env.BOT_TOKEN) {
      console.error("BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot), then run BOT_TOKEN=<token> npm start");
    } else {
      console.error(`Lysty cannot start: ${error.problems.join("; ")}`);
    }
    process.exit(1);
  }
}

/** Longest a shutdown may take before the process exits anyway (orchestrators kill after 30 s by default). */
const SHUTDOWN_LIMIT_MS = 25_000;

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const location = parseDatabaseUrl(config.databaseUrl, projectRoot());
  if (location.dialect === "sqlite" && location.filename !== ":memory:") {
    mkdirSync(dirname(location.filename), { recursive: true });
  }
  const db = openDatabase(location);
  const applied = await migrateToLatest(db);
  logger.info({ migrations: applied.length, dialect: location.dialect, mode: config.botMode }, "database ready");

  const app = await startApp({ config, db, logger, clock: systemClock });
  const file = heartbeatFile(location);
  if (file) mkdirSync(dirname(file), { recursive: true });
  const stopHeartbeat = file ? startHeartbeat(file, () => app.isRunning()) : () => undefined;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    stopHeartbeat();
    const deadline = setTimeout(() => {
      logger.error({ limit_ms: SHUTDOWN_LIMIT_MS }, "shutdown took too long; exiting with updates still in flight");
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    deadline.unref();
    await app.stop();
    await db.destroy();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    await app.done;
  } catch {
    await app.stop().catch(() => undefined);
    await db.destroy();
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error("Lysty failed to start:", describeError(error));
  process.exit(1);
});
