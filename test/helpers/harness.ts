import type { Update } from "grammy/types";
import type { KyselyPlugin } from "kysely";
import { type RunningApp, startApp } from "../../src/app.js";
import type { BotDeps } from "../../src/bot/context.js";
import { type Config, parseConfig } from "../../src/config.js";
import type { DB } from "../../src/db/database.js";
import { FakeTelegram } from "../../packages/fake-telegram/src/index.js";
import { TestClock } from "./clock.js";
import { createTestDatabase, type TemplateContents, type TestDatabase } from "./database.js";
import { captureLogs } from "./log-capture.js";
import { TestUser, type TestUserOptions } from "./test-user.js";

export interface HarnessOptions {
  admins?: number[];
  env?: Record<string, string>;
  /**
   * "manual": the news scheduler's one-second timer is stopped after every boot, so its passes run only in
   * `settle()`, at the clock the test set. A background pass racing the test's clock moves cannot then, say, record a
   * progress edit "after" the move and hold the final report back. Default "background", as in production.
   */
  newsScheduler?: "background" | "manual";
  /**
   * Kysely plugins on the bot's database handle, e.g. one that counts the queries an update runs. One with `attach`
   * is handed the running app after every boot (a restart starts a new one), e.g. to tell which update a query serves.
   */
  dbPlugins?: Array<KyselyPlugin & { attach?(app: RunningApp): void }>;
  /**
   * What the database holds before the first start: by default the institutions a start loads (the seed's and
   * polit-sake's, from the template, so no test spends a second on them); "schema" for a fresh install's empty one.
   */
  database?: TemplateContents;
}

/**
 * The real bot (same `startApp` as `main.ts`), a real migrated SQLite file and the fake Bot API over HTTP on
 * 127.0.0.1. Tests talk to it through `TestUser`s and read what the bot sent from the fake.
 */
export class Harness {
  private app: RunningApp | undefined;
  private readonly waiters = new Map<number, { resolve: () => void; reject: (error: unknown) => void }>();
  private readonly handledUpdates = new Map<number, unknown>();
  readonly logs: string[];
  private deps: BotDeps;

  private constructor(
    readonly fake: FakeTelegram,
    private readonly database: TestDatabase,
    readonly clock: TestClock,
    readonly config: Config,
    logs: ReturnType<typeof captureLogs>,
    private readonly newsScheduler: "background" | "manual",
    private readonly dbPlugins: NonNullable<HarnessOptions["dbPlugins"]> = [],
  ) {
    this.logs = logs.lines;
    this.deps = this.makeDeps(database.db, logs);
  }

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const clock = new TestClock();
    // The fake's clock is the bot's: its rate limits, retry_after answers and call times follow h.clock.
    const fake = await FakeTelegram.start({ now: () => clock.now().getTime() });
    const database = await createTestDatabase({ contents: options.database ?? "facilities" });
    const config = parseConfig({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: database.url,
      BOT_ADMINS: (options.admins ?? []).join(","),
      LOG_LEVEL: "debug",
      ...options.env,
    });
    const harness = new Harness(fake, database, clock, config, captureLogs(), options.newsScheduler ?? "background", options.dbPlugins);
    await harness.boot();
    return harness;
  }

  get db(): DB {
    return this.deps.db;
  }

  get running(): RunningApp {
    if (!this.app) throw new Error("the bot is not running");
    return this.app;
  }

  private withPlugins(db: DB): DB {
    return this.dbPlugins.reduce((handle, plugin) => handle.withPlugin(plugin), db);
  }

  private makeDeps(db: DB, logs: ReturnType<typeof captureLogs>): BotDeps {
    return {
      config: this.config,
      db: this.withPlugins(db),
      logger: logs.logger,
      clock: this.clock,
      observer: { handled: (update, error) => this.onHandled(update, error) },
    };
  }

  private onHandled(update: Update, error: unknown): void {
    this.handledUpdates.set(update.update_id, error);
    const waiter = this.waiters.get(update.update_id);
    if (!waiter) return;
    this.waiters.delete(update.update_id);
    waiter.resolve();
  }

  private async boot(): Promise<void> {
    this.app = await startApp(this.deps);
    for (const plugin of this.dbPlugins) plugin.attach?.(this.app);
    // Tests read the command menus right after the start; in production they go out in the background.
    await this.app.menusPublished;
    // The template carries the facilities (helpers/database.ts): this is one read, unless a test removed them.
    await this.app.facilitiesLoaded;
    if (this.newsScheduler === "manual") await this.app.news.stop();
  }

  /** Resolves once the bot has finished handling the update (replies sent, database written). */
  async handled(updateId: number, timeoutMs = 10_000): Promise<void> {
    if (this.handledUpdates.has(updateId)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(updateId);
        reject(new Error(`update ${updateId} was not handled within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(updateId, {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject,
      });
    });
  }

  /**
   * Lets the background work catch up with the clock instead of sleeping: a whole outbox pass, then `rounds` times a
   * news-scheduler pass (progress reports, reminders, birthdays, digests) and the outbox pass that sends what it
   * enqueued. Afterwards everything due by `h.clock` is in `h.fake`, so a test may also assert that nothing more was
   * sent. Rows waiting for a retry or a rate limit stay waiting: move the clock first.
   */
  async settle(rounds = 1): Promise<void> {
    await this.running.outbox.settled();
    for (let round = 0; round < rounds; round += 1) {
      await this.running.news.runOnce();
      await this.running.outbox.settled();
    }
  }

  /** The error an update's handling ended with (caught by the error boundary), if any. */
  failureOf(updateId: number): unknown {
    return this.handledUpdates.get(updateId);
  }

  user(options: TestUserOptions = {}): TestUser {
    return new TestUser(this, options);
  }

  /** Stops polling as a shutdown would, then starts a new bot on the same database file: a process restart. */
  async restart(): Promise<void> {
    await this.app?.stop();
    this.app = undefined;
    this.deps = { ...this.deps, db: this.withPlugins(this.database.reopen()) };
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    await this.fake.stop();
    await this.database.cleanup();
  }
}
