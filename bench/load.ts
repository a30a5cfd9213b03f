/**
 * Load benchmark: N simulated writers (default 1,000) go through the whole letter flow at the same time — open the
 * flow for a prisoner, write, check, sign, choose FSIN-pismo — against the real app in webhook mode. Updates travel
 * over HTTP as Telegram would send them (POST with the secret token, at most WEBHOOK_MAX_CONNECTIONS at once) and the
 * bot answers through the fake Bot API (`recordCalls: false`). Runs once on SQLite and once on Postgres (when reachable) and prints them side by side:
 * throughput, latency per update (POST sent → 200 received, which the server sends after handling), errors and peak
 * RSS, Bot API calls per update and how busy the event loop was. Bot, fake Bot API and the simulated writers share this
 * one process and its one thread: an event loop busy near 1 means the run is CPU-bound (docs/production.md).
 *
 *   npm run bench:load                          1,000 writers, SQLite and Postgres
 *   npm run bench:load -- --writers 200         fewer writers
 *   npm run bench:load -- --connections 100     more webhook connections at once (Telegram allows up to 100)
 *   npm run bench:load -- --starve 2           starved: 2 CPU-burning child processes run alongside
 *   npm run bench:load -- --answer-ms 200      WEBHOOK_ANSWER_TIMEOUT_MS (default 10,000), to reach it under load
 *   npm run bench:load -- --sqlite-only         no Postgres run
 *   BENCH_HEAP_SNAPSHOT=/tmp/load npm run bench:load   a heap snapshot once every writer is through
 *   BENCH_POSTGRES_URL=postgres://… npm run bench:load   (else TEST_DATABASE_URL, else the local lysty database)
 *
 * As Telegram does, the pump delivers an update again after a non-2xx answer or a broken connection (50 ms later, for
 * up to 2 minutes); "lost" counts updates never answered 200, "handled twice" updates the bot handled more than once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { Writable } from "node:stream";
import type { InlineKeyboardButton, Message, Update } from "grammy/types";
import { type RunningApp, startApp } from "../src/app.js";
import { systemClock } from "../src/clock.js";
import { parseConfig } from "../src/config.js";
import { openPostgres } from "../src/db/database.js";
import { createLogger } from "../src/logger.js";
import { FakeTelegram } from "../packages/fake-telegram/src/index.js";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database.js";

const SECRET = "bench-load-webhook-secret-0123456789";
const PRISONER = "kagarlitsky-boris";
const LETTER =
  "Здравствуйте, Борис Юльевич! Пишу Вам из Гента. У нас весна, цветут каштаны. Что Вы сейчас читаете? Желаю Вам здоровья.";

interface RunResult {
  dialect: string;
  writers: number;
  updates: number;
  wallMs: number;
  serverLatencies: number[];
  endToEndLatencies: number[];
  connections: number;
  httpErrors: number;
  redeliveries: number;
  lost: number;
  handledTwice: number;
  failedUpdates: number;
  unfinishedWriters: number;
  lettersFinished: number;
  peakRssBytes: number;
  peakHeapBytes: number;
  /** User + system CPU of the whole process (bot, fake Bot API, pump, writers) during the run, in ms. */
  cpuMs: number;
  /** Bot API calls the bot made during the run, by method (getUpdates excluded: the pump takes them directly). */
  apiCalls: Readonly<Record<string, number>>;
  /**
   * Share of the run the event loop was busy (Node's eventLoopUtilization). Bot, fake and pump share one thread, so
   * near 1 means the run is CPU-bound on that thread (cores busy below 1 then means the OS gave it less than a core);
   * well below 1 means it waits (timers, I/O, locks).
   */
  eventLoopUtilization: number;
}

/**
 * Plays Telegram: takes what the fake queued and POSTs it to the bot over at most `connections` connections at once
 * (Telegram's max_connections, 40 by default). Each update's waiter resolves when its POST is answered.
 */
class TelegramPump {
  private readonly waiters = new Map<number, { resolve: () => void; injectedAt: number }>();
  private readonly queue: Update[] = [];
  private running = true;
  private readonly sleepers = new Set<() => void>();
  private readonly loops: Promise<void>[];
  /** POST sent → 200 received: the time the bot took, as Telegram sees it. */
  readonly serverLatencies: number[] = [];
  /** Update created → 200 received: includes waiting for a free connection, as a person would feel it. */
  readonly endToEndLatencies: number[] = [];
  httpErrors = 0;
  /** Deliveries again after a non-2xx answer or a broken connection, as Telegram retries. */
  redeliveries = 0;
  /** Updates given up on after GIVE_UP_AFTER_MS of deliveries without a 200. */
  lost = 0;
  private readonly firstDelivered = new Map<number, number>();

  constructor(
    private readonly fake: FakeTelegram,
    private readonly url: string,
    connections: number,
  ) {
    this.loops = Array.from({ length: connections }, () => this.run());
  }

  /** Resolves once the bot answered the POST carrying this update. */
  deliver(updateId: number): Promise<void> {
    const done = new Promise<void>((resolve) => this.waiters.set(updateId, { resolve, injectedAt: performance.now() }));
    this.wake();
    return done;
  }

  private async next(): Promise<Update | undefined> {
    while (this.running) {
      const queued = this.queue.shift();
      if (queued) return queued;
      const taken = await this.fake.takeUpdates(100);
      if (taken.length > 0) {
        this.queue.push(...taken);
        continue;
      }
      // Idle connections sleep until an update is delivered: polling every few ms from 40 loops kept the one
      // thread (shared with the bot) busy even with a handful of writers. The timer is only a safety net.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.sleepers.delete(wake);
          resolve();
        }, 1_000);
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        this.sleepers.add(wake);
      });
    }
    return undefined;
  }

  /** Wakes one idle connection for the one update just queued (all of them at the end). */
  private wake(all = false): void {
    for (const wake of this.sleepers) {
      this.sleepers.delete(wake);
      wake();
      if (!all) return;
    }
  }

  private async run(): Promise<void> {
    for (let update = await this.next(); update; update = await this.next()) await this.post(update);
  }

  private async post(update: Update): Promise<void> {
    const started = performance.now();
    let ok = false;
    try {
      const response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
        body: JSON.stringify(update),
      });
      await response.arrayBuffer();
      ok = response.status === 200;
    } catch {
      ok = false;
    }
    if (!ok) {
      this.httpErrors += 1;
      const first = this.firstDelivered.get(update.update_id) ?? started;
      this.firstDelivered.set(update.update_id, first);
      if (performance.now() - first < GIVE_UP_AFTER_MS) {
        // Telegram delivers it again a little later, on whichever connection is free.
        this.redeliveries += 1;
        setTimeout(() => {
          this.queue.push(update);
          this.wake();
        }, 50);
        return;
      }
      this.lost += 1;
    }
    this.firstDelivered.delete(update.update_id);
    const answered = performance.now();
    this.serverLatencies.push(answered - started);
    const waiter = this.waiters.get(update.update_id);
    this.waiters.delete(update.update_id);
    if (waiter) {
      this.endToEndLatencies.push(answered - waiter.injectedAt);
      waiter.resolve();
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake(true);
    await Promise.all(this.loops);
  }
}

/** Telegram keeps delivering an update for much longer; two minutes is plenty for a benchmark. */
const GIVE_UP_AFTER_MS = 120_000;

/** One writer in their private chat, pressing buttons by label as a person would. */
class Writer {
  constructor(
    private readonly fake: FakeTelegram,
    private readonly pump: TelegramPump,
    readonly id: number,
  ) {}

  send(text: string): Promise<void> {
    return this.pump.deliver(this.fake.injectMessage(this.id, this.id, { text }));
  }

  /** Presses the newest button whose label contains `label`; false when there is none. */
  async press(label: string): Promise<boolean> {
    const messages = this.fake.messages(this.id);
    for (let index = messages.length - 1; index >= 0; index--) {
      const message = messages[index] as Message;
      const button = buttonsOf(message).find((candidate) => candidate.text.includes(label));
      if (button && "callback_data" in button) {
        await this.pump.deliver(this.fake.injectCallbackQuery(this.id, this.id, message.message_id, button.callback_data));
        return true;
      }
    }
    return false;
  }

  offers(label: string): boolean {
    const last = [...this.fake.messages(this.id)].reverse().find((message) => buttonsOf(message).length > 0);
    return last ? buttonsOf(last).some((button) => button.text.includes(label)) : false;
  }

  /** The whole letter flow to FSIN-pismo; false if a step's button never appeared. */
  async writeLetter(): Promise<boolean> {
    await this.send(`/start w_${PRISONER}`);
    await this.send(LETTER);
    if (!(await this.press("Done: check the letter"))) return false;
    if (this.offers("Keep it as it is")) {
      await this.press("Keep it as it is");
      await this.press("Yes, keep it as it is");
    }
    await this.send(`Писатель ${this.id}\nГент`);
    // FSIN-pismo is the only route for this person: this answer finishes the letter.
    return this.press("No, only this letter");
  }
}

function buttonsOf(message: Message): InlineKeyboardButton[] {
  const markup = message.reply_markup;
  return markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat() : [];
}

async function runOnce(
  dialect: "sqlite" | "postgres",
  writers: number,
  connections: number,
  postgresUrl: string,
  answerMs: number,
): Promise<RunResult> {
  if (dialect === "postgres") process.env.TEST_DATABASE_URL = postgresUrl;
  else delete process.env.TEST_DATABASE_URL;
  const database: TestDatabase = await createTestDatabase();
  const fake = await FakeTelegram.start({ recordCalls: false });
  let failedUpdates = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const text = chunk.toString("utf8");
      failedUpdates += text.split('"msg":"update failed').length - 1;
      if (process.env.BENCH_LOG_FAILURES && text.includes("update failed")) process.stderr.write(text.slice(0, 600) + "\n");
      callback();
    },
  });
  const config = parseConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: database.url,
    BOT_MODE: "webhook",
    WEBHOOK_URL: "https://lysty.example.org/telegram",
    WEBHOOK_SECRET: SECRET,
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "warn",
    WEBHOOK_ANSWER_TIMEOUT_MS: String(answerMs),
  });
  const handledTimes = new Map<number, number>();
  const observer = { handled: (update: Update) => void handledTimes.set(update.update_id, (handledTimes.get(update.update_id) ?? 0) + 1) };
  // A pool the size a production instance would use against Postgres.
  const db = dialect === "postgres" ? database.reopen() : database.db;
  const app: RunningApp = await startApp({ config, db, logger: createLogger("warn", sink), clock: systemClock, observer });
  const pump = new TelegramPump(fake, `http://127.0.0.1:${app.httpPort}/telegram`, connections);
  const people = Array.from({ length: writers }, (_, index) => {
    const id = 800_000_001 + index;
    fake.addUser({ id, first_name: `Writer ${index}`, language_code: "en" });
    return new Writer(fake, pump, id);
  });

  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  }, 50);
  const callsBefore = { ...fake.stats().byMethod };
  const loopBefore = performance.eventLoopUtilization();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcomes = await Promise.all(people.map((writer) => writer.writeLetter().catch(() => false)));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const loop = performance.eventLoopUtilization(loopBefore);
  clearInterval(sampler);
  const apiCalls = Object.fromEntries(
    Object.entries(fake.stats().byMethod).map(([method, count]) => [method, count - (callsBefore[method] ?? 0)]).filter(([, count]) => Number(count) > 0),
  );
  // What holds memory once every writer is through (the heap is near its peak then): BENCH_HEAP_SNAPSHOT=file.
  if (process.env.BENCH_HEAP_SNAPSHOT) (await import("node:v8")).writeHeapSnapshot(`${process.env.BENCH_HEAP_SNAPSHOT}-${dialect}.heapsnapshot`);

  const finished = await db
    .selectFrom("letters")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("status", "=", "finished")
    .executeTakeFirstOrThrow();
  const result: RunResult = {
    dialect: dialect === "sqlite" ? "SQLite" : "Postgres",
    writers,
    updates: pump.serverLatencies.length,
    wallMs,
    serverLatencies: [...pump.serverLatencies].sort((a, b) => a - b),
    endToEndLatencies: [...pump.endToEndLatencies].sort((a, b) => a - b),
    connections,
    httpErrors: pump.httpErrors,
    redeliveries: pump.redeliveries,
    lost: pump.lost,
    handledTwice: [...handledTimes.values()].filter((times) => times > 1).length,
    failedUpdates,
    unfinishedWriters: outcomes.filter((ok) => !ok).length,
    lettersFinished: Number(finished.count),
    peakRssBytes: peakRss,
    peakHeapBytes: peakHeap,
    cpuMs: (cpu.user + cpu.system) / 1000,
    apiCalls,
    eventLoopUtilization: loop.utilization,
  };
  await pump.stop();
  await app.stop();
  await fake.stop();
  await database.cleanup();
  return result;
}

/** Processes that only burn CPU, at normal priority: the bot competes for the cores as on an overloaded host. */
function startBurners(count: number): ChildProcess[] {
  const burners = Array.from({ length: count }, () => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
  process.once("exit", () => burners.forEach((burner) => burner.kill()));
  return burners;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function postgresReachable(url: string): Promise<boolean> {
  const db = openPostgres(url, { max: 1 });
  try {
    const { sql } = await import("kysely");
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  } finally {
    await db.destroy();
  }
}

function table(results: RunResult[]): string {
  const rows: Array<[string, (result: RunResult) => string]> = [
    ["writers", (r) => String(r.writers)],
    ["updates handled", (r) => String(r.updates)],
    ["wall time", (r) => `${(r.wallMs / 1000).toFixed(1)} s`],
    ["throughput", (r) => `${((r.updates / r.wallMs) * 1000).toFixed(0)} updates/s`],
    ["update latency p50 (POST → 200)", (r) => `${percentile(r.serverLatencies, 50).toFixed(1)} ms`],
    ["update latency p99 (POST → 200)", (r) => `${percentile(r.serverLatencies, 99).toFixed(1)} ms`],
    ["update latency max (POST → 200)", (r) => `${(r.serverLatencies.at(-1) ?? Number.NaN).toFixed(1)} ms`],
    ["queued + handled p50 (sent → 200)", (r) => `${percentile(r.endToEndLatencies, 50).toFixed(0)} ms`],
    ["queued + handled p99 (sent → 200)", (r) => `${percentile(r.endToEndLatencies, 99).toFixed(0)} ms`],
    ["errors (failed updates, stuck writers)", (r) => `${r.failedUpdates + r.unfinishedWriters} (${r.failedUpdates}, ${r.unfinishedWriters})`],
    ["non-2xx answers → delivered again", (r) => `${r.httpErrors} → ${r.redeliveries}`],
    ["updates lost / handled twice", (r) => `${r.lost} / ${r.handledTwice}`],
    ["letters finished", (r) => String(r.lettersFinished)],
    ["CPU per update (whole process)", (r) => `${(r.cpuMs / r.updates).toFixed(1)} ms`],
    ["cores busy (whole process)", (r) => `${(r.cpuMs / r.wallMs).toFixed(2)} of ${cpus().length}`],
    ["event loop busy (one thread)", (r) => r.eventLoopUtilization.toFixed(2)],
    ["Bot API calls per update", (r) => (Object.values(r.apiCalls).reduce((sum, count) => sum + count, 0) / r.updates).toFixed(2)],
    ["peak RSS (whole process)", (r) => `${(r.peakRssBytes / 1024 / 1024).toFixed(0)} MB`],
    ["peak JS heap in use (whole process)", (r) => `${(r.peakHeapBytes / 1024 / 1024).toFixed(0)} MB`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const header = "".padEnd(width) + results.map((result) => result.dialect.padStart(18)).join("");
  return [header, ...rows.map(([label, cell]) => label.padEnd(width) + results.map((result) => cell(result).padStart(18)).join(""))].join("\n");
}

async function main(): Promise<void> {
  const option = (name: string, fallback: number) => {
    const index = process.argv.indexOf(`--${name}`);
    const value = index > 0 ? Number(process.argv[index + 1]) : fallback;
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number`);
    return value;
  };
  const writers = option("writers", 1000);
  const connections = option("connections", 40);
  const answerMs = option("answer-ms", 10_000);
  const starve = process.argv.includes("--starve") ? option("starve", 2) : 0;
  const burners = startBurners(starve);
  const load = () => loadavg().map((value) => value.toFixed(1)).join(" ");
  console.log(`load average at start: ${load()}${starve ? ` (${starve} CPU-burning processes started)` : ""}`);
  const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://lysty:lysty@127.0.0.1:5432/lysty";
  const results = [await runOnce("sqlite", writers, connections, postgresUrl, answerMs)];
  if (process.argv.includes("--sqlite-only")) console.log("--sqlite-only: no Postgres run.");
  else if (await postgresReachable(postgresUrl)) results.push(await runOnce("postgres", writers, connections, postgresUrl, answerMs));
  else console.log(`Postgres at ${postgresUrl.replace(/\/\/[^@]*@/, "//…@")} is not reachable: SQLite only (start it with .ci/start-postgres.sh).`);
  console.log(
    `\nLysty load: ${writers} writers at once, whole letter flow (FSIN-pismo), webhook mode over HTTP with at most ` +
      `${connections} connections (Telegram's max_connections), fake Bot API, answer time ${answerMs} ms` +
      `${starve ? `, starved by ${starve} CPU-burning processes` : ""}\n`,
  );
  for (const burner of burners) burner.kill();
  console.log(table(results));
  for (const result of results) {
    const calls = Object.entries(result.apiCalls).sort((a, b) => b[1] - a[1]);
    console.log(`\n${result.dialect} Bot API calls per update: ${calls.map(([method, count]) => `${method} ${(count / result.updates).toFixed(2)}`).join(", ")}`);
  }
  console.log(`\nNode ${process.version}, ${cpus().length} CPUs; bot, fake Bot API and writers share one process.`);
  console.log(`load average at end: ${load()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
