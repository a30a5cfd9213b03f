import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type RunningApp, startApp } from "./app.js";
import { describeError } from "./bot/middlewares/error-boundary.js";
import { systemClock } from "./clock.js";
import { ConfigError, parseConfig } from "./config.js";
import { openDatabase, parseDatabaseUrl } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { heartbeatFile, startHeartbeat } from "./heartbeat.js";
import { createLogger } from "./logger.js";
import { projectPath, projectRoot } from "./project-path.js";
import { isDatabaseUnreachable, retryWhileStarting, TelegramRejectedToken } from "./startup.js";

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
/**
 * A signal during start-up cancels the waiting at once; a step that cannot be cancelled (a database query, a call to
 * Telegram already sent) gets this long before the process exits anyway. Nothing has been taken from Telegram yet.
 */
const STARTUP_CANCEL_LIMIT_MS = 1_500;

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);

  // Signal handlers come before anything waits: a SIGTERM while the database or Telegram is unreachable must end the
  // process (node as PID 1 without a handler would ignore it, and the container would wait for SIGKILL).
  const startup = new AbortController();
  let shutdown: ((signal: NodeJS.Signals) => Promise<void>) | undefined = undefined;
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    if (shutdown) return void shutdown(signal);
    logger.info({ signal }, "stopping during start-up");
    startup.abort();
    setTimeout(() => {
      logger.warn({ limit_ms: STARTUP_CANCEL_LIMIT_MS }, "start-up step did not end; exiting");
      process.exit(0);
    }, STARTUP_CANCEL_LIMIT_MS).unref();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const location = parseDatabaseUrl(config.databaseUrl, projectRoot());
  if (location.dialect === "sqlite" && location.filename !== ":memory:") {
    mkdirSync(dirname(location.filename), { recursive: true });
  }
  const db = openDatabase(location);
  let app: RunningApp;
  try {
    const applied = await retryWhileStarting(() => migrateToLatest(db), {
      waitingFor: "the database",
      signal: startup.signal,
      logger,
      retryable: isDatabaseUnreachable,
    });
    logger.info({ migrations: applied.length, dialect: location.dialect, mode: config.botMode }, "database ready");
    app = await startApp({ config, db, logger, clock: systemClock }, { signal: startup.signal });
  } catch (error) {
    if (!startup.signal.aborted) throw error;
    await db.destroy().catch(() => undefined);
    logger.info("stopped");
    process.exit(0);
  }
  const running = app;

  const file = heartbeatFile(location);
  if (file) mkdirSync(dirname(file), { recursive: true });
  const stopHeartbeat = file ? startHeartbeat(file, () => running.isRunning()) : () => undefined;

  shutdown = async (signal) => {
    logger.info({ signal }, "shutting down");
    stopHeartbeat();
    const deadline = setTimeout(() => {
      logger.error({ limit_ms: SHUTDOWN_LIMIT_MS }, "shutdown took too long; exiting with updates still in flight");
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    deadline.unref();
    await running.stop();
    await db.destroy();
    logger.info("stopped");
    process.exit(0);
  };
  // The signal came while the last start-up step finished: stop what just started.
  if (signalled) await shutdown("SIGTERM");

  try {
    await running.done;
  } catch {
    await running.stop().catch(() => undefined);
    await db.destroy();
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  // A refused token is the commonest first-run mistake: one line that says so, no stack.
  if (error instanceof TelegramRejectedToken) console.error(error.message);
  else console.error("Lysty failed to start:", describeError(error));
  process.exit(1);
});
