import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { I18n } from "@grammyjs/i18n";
import type { BotContext, BotDeps, FlowContext, UpdateObserver } from "./bot/context.js";
import { publishCommands, publishOrganiserMenus } from "./bot/commands.js";
import { reviewPublicLinks } from "./services/relay/public-links.js";
import { createBot } from "./bot/index.js";
import { describeError } from "./bot/middlewares/error-boundary.js";
import { openChatLock } from "./db/chat-lock.js";
import { isPostgresDb } from "./db/database.js";
import { seedDirectory } from "./db/repositories/directory-document.js";
import { type Intake, startIntake } from "./intake.js";
import { createMetrics, type AppMetrics } from "./metrics/metrics.js";
import { createOutboxWorker } from "./outbox/worker.js";
import type { OutboxWorker } from "./outbox/worker-options.js";
import { createOutboxApi } from "./outbox/api.js";
import type { SharedDeliveryLedger } from "./server/deliveries.js";
import { databaseAnswers } from "./server/readiness.js";
import { createLocalDeliveryLedger, createSharedDeliveryLedger } from "./server/shared-deliveries.js";
import { createUpdateHandler } from "./server/update-handler.js";
import { createWebApp, setEditorMenuButton } from "./server/webapp.js";
import { outboxHandlers } from "./services/outbox-handlers.js";
import { createRetentionJob, type RetentionJob } from "./services/privacy/retention.js";
import { relayOutboxHandlers } from "./services/relay/outbox-handlers.js";
import { createNewsScheduler, type NewsScheduler } from "./services/news/scheduler.js";
import { newsOutboxHandlers } from "./services/news/outbox-handlers.js";
import { initBotWhileStarting } from "./startup.js";
import { createDirectorySyncJob, type DirectorySyncJob } from "./services/directory-sync/scheduler.js";
import { ensurePenitentiaryInstitutions } from "./services/directory-sync/institutions.js";
import { letterReplyOutboxHandlers } from "./services/relay/letter-replies.js";

/** Update types Lysty handles (kept here too for callers that import it from the app). */
export { ALLOWED_UPDATES } from "./intake.js";

export interface RunningApp {
  bot: Bot<BotContext>;
  outbox: OutboxWorker;
  /** Broadcast progress, reminders, birthdays, digests; `news.runOnce()` lets tests drive it with the clock. */
  news: NewsScheduler;
  retention: RetentionJob;
  directorySync: DirectorySyncJob;
  metrics: AppMetrics;
  i18n: I18n<FlowContext>;
  /** Port of the HTTP server (webhook mode, or METRICS_PORT in polling mode); undefined without one. */
  httpPort: number | undefined;
  /** Updates arrive (polling runs, or the webhook server accepts them). */
  isRunning(): boolean;
  /**
   * Resolves once the command menus were published and the old public links reviewed (or either failed, which is
   * logged): both go out after start-up, not before the first update.
   */
  menusPublished: Promise<void>;
  /** polit-sake's 948 facilities, loaded once per database after the first getUpdates (docs/directory.md). */
  facilitiesLoaded: Promise<void>;
  /** Resolves when the app has stopped; rejects when polling hit an error it cannot go on after. */
  done: Promise<void>;
  /** Stops taking updates, finishes those in flight, then stops the background workers. */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  botInfo?: UserFromGetMe;
  /** Aborted by SIGTERM/SIGINT during start-up: waiting for Telegram ends and nothing further starts. */
  signal?: AbortSignal;
}

/** Something running in the background, started with the app and stopped after the last update was handled. */
interface Worker {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Everything the process runs besides opening the database: the bot with its command lists, the background workers
 * and the way updates come in (long polling with the runner, or a webhook server). `main.ts` and the end-to-end tests
 * both start Lysty through here, so the tests exercise what production runs.
 */
export async function startApp(deps: BotDeps, options: StartAppOptions = {}): Promise<RunningApp> {
  const { config, db, clock, logger } = deps;
  const signal = options.signal ?? new AbortController().signal;
  // The shipped directory is upserted on every start; newer facts recorded by organisers are kept.
  const seeded = await seedDirectory(db, { now: clock.now() });
  logger.info({ inserted: seeded.prisoners.inserted, updated: seeded.prisoners.updated }, "directory seed loaded");
  const metrics = createMetrics({ db, clock, logger });
  // Several webhook instances may share one Postgres database: one chat's updates one at a time across them all.
  const chatLock = config.botMode === "webhook" ? openChatLock(db) : undefined;
  const { bot, i18n } = createBot(
    { ...deps, observer: bothObservers(metrics.observer, deps.observer) },
    { botInfo: options.botInfo, ...(chatLock ? { chatLock } : {}) },
  );
  await initBotWhileStarting(bot, { logger, signal, apiRoot: config.telegramApiRoot });

  // The outbox paces and retries by itself, so it gets a plain Api without the interactive auto-retry.
  const outbox = createOutboxWorker({
    db,
    api: createOutboxApi(config.botToken, { apiRoot: config.telegramApiRoot }),
    logger: logger.child({ worker: "outbox" }),
    handlers: {
      ...outboxHandlers(clock),
      ...relayOutboxHandlers({ clock, logger: logger.child({ worker: "relay" }), admins: config.botAdmins }),
      ...newsOutboxHandlers(clock),
      ...letterReplyOutboxHandlers({ clock }),
    },
    clock,
  });
  // Broadcast progress, reminders, birthday reminders and digests (docs/news.md); it enqueues, the outbox sends.
  const newsScheduler = createNewsScheduler({ db, config, clock, logger: logger.child({ worker: "news" }) });
  const retention = createRetentionJob({
    db,
    clock,
    logger: logger.child({ worker: "retention" }),
    settings: {
      letterTextRetentionDays: config.letterTextRetentionDays,
      draftRetentionDays: config.draftRetentionDays,
      intervalMs: config.retentionIntervalSeconds * 1000,
    },
  });
  // Follows the public registries every DIRECTORY_SYNC_HOURS (off by default); admins get a summary (docs/directory.md).
  const directorySync = createDirectorySyncJob({
    db,
    clock,
    logger: logger.child({ worker: "directory-sync" }),
    config: config.directorySync,
    admins: config.botAdmins,
    defaultLocale: config.defaultLocale,
    translate: (locale, key, args) => i18n.t(locale, key, args),
  });
  const workers: Worker[] = [outbox, newsScheduler, retention, directorySync];
  for (const worker of workers) worker.start();
  const stopWorkers = async () => {
    for (const worker of [...workers].reverse()) await worker.stop();
  };

  const handler = createUpdateHandler(bot, { logger, observeDuration: metrics.observeDuration });
  let stopping = false;
  const ready = async () => !stopping && bot.isInited() && (await databaseAnswers(db));
  let intake: Intake;
  try {
    signal.throwIfAborted();
    const webapp = config.webappUrl ? createWebApp({ config, db, clock, logger, i18n, api: bot.api }) : undefined;
    if (webapp) await setEditorMenuButton(bot.api, i18n, config);
    intake = await startIntake(bot, handler, {
      config,
      logger,
      metrics,
      ready,
      ...sharedDeliveryLedger(deps),
      ...(webapp ? { webapp: { basePath: webapp.basePath, handle: webapp.handle } } : {}),
    });
  } catch (error) {
    await stopWorkers();
    await chatLock?.close();
    throw error;
  }

  // The command menus are not needed to take the first update, and publishing them is several calls to Telegram: they
  // go out once updates flow. A failure costs only the menus (Telegram keeps the last ones), so it is logged, not fatal.
  const menusPublished = (async () => {
    await publishCommands(bot.api, i18n, config.defaultLocale);
    await publishOrganiserMenus({ api: bot.api, db, admins: config.botAdmins, i18n, logger });
  })()
    .catch((error: unknown) => {
      logger.warn({ err: describeError(error) }, "could not publish the command menus; the next start tries again");
    })
    // Chats linked before Lysty asked about public chats: their organisers hear once if anyone can read them.
    .then(async () => {
      await reviewPublicLinks({ api: bot.api, db, admins: config.botAdmins, clock, logger });
    })
    .catch((error: unknown) => logger.warn({ err: describeError(error) }, "public links not reviewed"));
  // A fresh install knows only the seed's few facilities until these are in: "someone not in the list", /move and
  // /news transfers search them. Loading them takes about 0.2 s of CPU once per database (bench:facilities):
  // started once the first getUpdates is on its way, since parsing the file would otherwise hold it back (bench:startup).
  const facilitiesLoaded = intake.accepting
    .then(() => (stopping ? undefined : ensurePenitentiaryInstitutions(db, { now: clock.now() })))
    .then((loaded) => {
      if (loaded) logger.info({ facilities: loaded.facilities, inserted: loaded.inserted, aliases: loaded.aliases }, "penal facilities loaded");
    })
    .catch((error: unknown) => logger.warn({ err: describeError(error) }, "could not load the penal facilities; the next start tries again"));

  let stopped: Promise<void> | undefined;
  return {
    menusPublished,
    facilitiesLoaded,
    bot,
    outbox,
    news: newsScheduler,
    retention,
    directorySync,
    metrics,
    i18n,
    httpPort: intake.port,
    isRunning: () => !stopping && intake.isRunning(),
    done: intake.done,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        await menusPublished;
        await intake.stop();
        // After the intake: a stop before the first getUpdates is what lets it settle.
        await facilitiesLoaded;
        await stopWorkers();
        await chatLock?.close();
      })();
      return stopped;
    },
  };
}

/**
 * Webhook mode: which update is being handled and which is done is recorded in the database too (pruned by the
 * retention job after a day). With Postgres an update delivered again may reach another instance, whose memory has
 * not seen it; with SQLite it may reach the process after a restart.
 */
function sharedDeliveryLedger({ db, clock }: BotDeps): { sharedDeliveries?: SharedDeliveryLedger } {
  return { sharedDeliveries: isPostgresDb(db) ? createSharedDeliveryLedger(db, clock) : createLocalDeliveryLedger(db, clock) };
}

/** Metrics count every update; the caller's observer (the test harness) still hears about each one. */
function bothObservers(first: UpdateObserver, second: UpdateObserver | undefined): UpdateObserver {
  if (!second) return first;
  return {
    handled(update, error) {
      first.handled(update, error);
      second.handled(update, error);
    },
    limited(update) {
      first.limited?.(update);
      second.limited?.(update);
    },
  };
}
