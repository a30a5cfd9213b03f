/**
 * Load benchmark: N simulated writers (default 1,000) go through the whole letter flow at the same time — open the
 * flow for a prisoner, write, check, sign, choose FSIN-pismo — against the bot in webhook mode, run as in production:
 * its own process, started with the README's command (`node scripts/start.mjs`, i.e. `npm start` without npm: the
 * compiled bot, built first if stale) with BOT_MODE=webhook and its HTTP server. This process is the harness only:
 * the fake Bot API, the pump playing Telegram's webhook deliveries (POST with the secret token, at most
 * WEBHOOK_MAX_CONNECTIONS at once) and the writers. The bot process's CPU and peak RSS are read from /proc (Linux) and
 * printed apart from the harness's, so the figures are the bot's own (docs/production.md, "bench:load"). Each bot
 * gets the Node flags of its checkout's `npm start` (package.json's `start`: the heap limit) and a memory probe
 * (bench/bot-memory-probe.mjs) that says what its peak resident set is made of: V8's old and young generations and
 * what lies outside them, and how many collections it ran.
 *
 *   npm run bench:load                          1,000 writers, SQLite and Postgres
 *   npm run bench:load -- --writers 200         fewer writers
 *   npm run bench:load -- --connections 100     more webhook connections at once (Telegram allows up to 100)
 *   npm run bench:load -- --starve 2            starved: 2 CPU-burning child processes run alongside
 *   npm run bench:load -- --answer-ms 200       WEBHOOK_ANSWER_TIMEOUT_MS (default 10,000), to reach it under load
 *   npm run bench:load -- --sqlite-only         no Postgres run
 *   npm run bench:load -- --postgres-only       no SQLite run
 *   npm run bench:load -- --instances 2         also this checkout as 2 webhook instances on one Postgres database,
 *                                               behind a round-robin balancer (a column of its own; Postgres only)
 *   npm run bench:load -- --rounds 3            each variant 3 times, alternating; the table shows medians
 *   npm run bench:load -- --baseline DIR        also another checkout's bot (its own scripts/start.mjs), same run
 *   npm run bench:load -- --node-options "…"    Node/V8 flags for this checkout's bot (e.g. --cpu-prof --cpu-prof-dir=…)
 *   npm run bench:load -- --variant "…"         also this checkout's bot with these flags, a column of its own (repeatable)
 *   npm run bench:load -- --harness-profile F   a CPU profile of this process (the harness) over the run only, into F,
 *                                               and its sampled allocations (collected ones too) into F.heapprofile
 *   BENCH_HEAP_SNAPSHOT=DIR npm run bench:load  the bot writes a heap snapshot into DIR once every writer is through
 *   BENCH_POSTGRES_URL=postgres://… npm run bench:load   (else TEST_DATABASE_URL, else the local lysty database)
 *
 * As Telegram does, the pump delivers an update again after a non-2xx answer or a broken connection (50 ms later, for
 * up to 2 minutes); "lost" counts updates never answered 200, "handled twice" the handlings beyond one per update
 * (the bot's `lysty_updates_handled_total` against the updates the writers made), "failed" the bot's "update failed"
 * log lines.
 */
import { Buffer } from "node:buffer";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { Session } from "node:inspector/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
// Imported rather than read from the global object, whose lazy getter runs a check on every access (2 % of the harness).
import { performance, PerformanceObserver } from "node:perf_hooks";
import { openPostgres } from "../src/db/database.js";
import { FakeTelegram } from "../packages/fake-telegram/src/index.js";
import { createTestDatabase, type TestDatabase } from "../test/helpers/database.js";
import { WebhookEndpoint } from "./webhook-client.js";

const SECRET = "bench-load-webhook-secret-0123456789";
const PRISONER = "kagarlitsky-boris";
const LETTER =
  "Здравствуйте, Борис Юльевич! Пишу Вам из Гента. У нас весна, цветут каштаны. Что Вы сейчас читаете? Желаю Вам здоровья.";
/** A first start may compile the bot (scripts/build-if-stale.mjs) on a busy machine. */
const BOT_READY_WITHIN_MS = 240_000;

/** Which bot to run: a checkout (its scripts/start.mjs), the Node flags to start it with, and how many instances. */
interface Variant {
  label: string;
  dir: string;
  nodeArgs: string[];
  /** Webhook instances sharing one Postgres database (1 unless `--instances`); SQLite allows one process. */
  instances?: number;
}

interface RunResult {
  writers: number;
  updates: number;
  wallMs: number;
  serverLatencies: number[];
  endToEndLatencies: number[];
  httpErrors: number;
  redeliveries: number;
  lost: number;
  handledTwice: number;
  failedUpdates: number;
  unfinishedWriters: number;
  lettersFinished: number;
  /** User + system CPU of the bot process (all its instances) during the run (from /proc), in ms. */
  botCpuMs: number;
  /** The bot process's peak resident set over its life (VmHWM): start-up, then the run; summed over instances. */
  botPeakRssBytes: number;
  /** What the bot's highest sampled resident set was made of, and its garbage collections (bot-memory-probe.mjs). */
  botMemory: BotMemory;
  /** User + system CPU of this harness process (fake Bot API, pump, writers) during the run, in ms. */
  harnessCpuMs: number;
  /** Of which in the kernel (system time): socket reads and writes, loopback TCP, epoll. */
  harnessSystemCpuMs: number;
  harnessPeakRssBytes: number;
  /** Garbage collections in the harness during the run (a measure of what it allocates) and their pause time. */
  harnessGcCount: number;
  harnessGcMs: number;
  /** Share of the run the harness's event loop was busy: near 1 means the harness, not the bot, sets the pace. */
  harnessLoopUtilization: number;
  /** Bot API calls the bot made during the run, by method (getUpdates excluded: the pump takes them directly). */
  apiCalls: Readonly<Record<string, number>>;
  /** Of those, the ones the fake refused, by error code (each one a call the bot made in vain). */
  apiErrors: Readonly<Record<string, number>>;
}

/** From bench/bot-memory-probe.mjs, in MB (summed over instances; NaN when a bot wrote none). */
interface BotMemory {
  /** The highest resident set the probe sampled (every 20 ms; VmHWM may be a little higher). */
  rss: number;
  /** V8's heap at that moment: its old generation (old space and large objects) and its young one (new space). */
  heapOld: number;
  heapYoung: number;
  /** Everything else resident: code space and the rest of the heap, Node, SQLite, buffers, the binary's pages. */
  outsideHeap: number;
  majorCollections: number;
  minorCollections: number;
}

const PROBE = resolve(import.meta.dirname, "bot-memory-probe.mjs");

function readBotMemory(files: readonly string[]): BotMemory {
  const sum: BotMemory = { rss: 0, heapOld: 0, heapYoung: 0, outsideHeap: 0, majorCollections: 0, minorCollections: 0 };
  for (const file of files) {
    if (!existsSync(file)) return { rss: Number.NaN, heapOld: Number.NaN, heapYoung: Number.NaN, outsideHeap: Number.NaN, majorCollections: Number.NaN, minorCollections: Number.NaN };
    const { peak, collections } = JSON.parse(readFileSync(file, "utf8")) as {
      peak: { rss: number; spaces: Record<string, number> };
      collections: { major: number; minor: number };
    };
    const space = (name: string) => peak.spaces[name] ?? 0;
    const old = space("old_space") + space("large_object_space");
    const young = space("new_space") + space("new_large_object_space");
    sum.rss += peak.rss;
    sum.heapOld += old;
    sum.heapYoung += young;
    sum.outsideHeap += peak.rss - old - young;
    sum.majorCollections += collections.major;
    sum.minorCollections += collections.minor;
    rmSync(file, { force: true });
  }
  return sum;
}

/**
 * The Node flags of a checkout's start command: what its package.json's `start` script puts between `node` and
 * `scripts/start.mjs` (e.g. the heap limit, docs/production.md "Memory"), so the bench runs each bot as `npm start`
 * would, the baseline with its own.
 */
function startCommandFlags(dir: string): string[] {
  const start = (JSON.parse(readFileSync(resolve(dir, "package.json"), "utf8")) as { scripts?: { start?: string } }).scripts?.start ?? "";
  const match = /^node\s+(.*?)\s*scripts\/start\.mjs/.exec(start);
  return match?.[1] ? match[1].split(/\s+/).filter(Boolean) : [];
}

/**
 * Plays Telegram: takes what the fake queued and POSTs it to the bot over at most `connections` connections at once
 * (Telegram's max_connections, 40 by default). Each update's waiter resolves when its POST is answered.
 */
class TelegramPump {
  private readonly waiters = new Map<number, { resolve: () => void; injectedAt: number }>();
  /** Taken from the fake, not yet POSTed: each update serialised once, however often it is delivered. */
  private readonly queue: Delivery[] = [];
  private running = true;
  private readonly sleepers = new Set<() => void>();
  /**
   * The safety net for a connection that went to sleep just as an update arrived: every second, every sleeping
   * connection looks again. One timer for all of them (a timer per sleep was set and cleared for nearly every update).
   */
  private readonly lookAgain = setInterval(() => this.wake(true), 1_000);
  private readonly endpoints: WebhookEndpoint[];
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

  /** The next instance a POST goes to: round-robin, as a load balancer in front of several instances would. */
  private turn = 0;

  constructor(
    private readonly fake: FakeTelegram,
    urls: readonly string[],
    connections: number,
  ) {
    this.endpoints = urls.map((url) => new WebhookEndpoint(url));
    this.loops = Array.from({ length: connections }, () => this.run());
  }

  /** Updates the writers made (each counted once, however often it was delivered). */
  injected = 0;

  /**
   * One connection at a time takes from the fake: two takes at once both got the same batch (the second before the
   * first confirmed it), and the update was POSTed twice, inflating the count of updates handled.
   */
  private taking: Promise<number> | undefined;

  private async take(): Promise<number> {
    this.taking = this.fake.takeUpdates(100).then((taken) => {
      for (const update of taken) this.queue.push({ updateId: update.update_id, body: Buffer.from(JSON.stringify(update)) });
      return taken.length;
    });
    try {
      return await this.taking;
    } finally {
      this.taking = undefined;
    }
  }

  /** Resolves once the bot answered the POST carrying this update. */
  deliver(updateId: number): Promise<void> {
    this.injected += 1;
    const done = new Promise<void>((resolve) => this.waiters.set(updateId, { resolve, injectedAt: performance.now() }));
    this.wake();
    return done;
  }

  private async next(): Promise<Delivery | undefined> {
    while (this.running) {
      const queued = this.queue.shift();
      if (queued) return queued;
      if (this.taking) {
        await this.taking;
        continue;
      }
      const taken = await this.take();
      if (taken > 0) continue;
      // Idle connections sleep until an update is delivered: polling every few ms from 40 loops kept the one
      // thread (shared with the bot) busy even with a handful of writers. `lookAgain` is only a safety net.
      await new Promise<void>((resolve) => this.sleepers.add(resolve));
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
    for (let delivery = await this.next(); delivery; delivery = await this.next()) await this.post(delivery);
  }

  private async post(delivery: Delivery): Promise<void> {
    const started = performance.now();
    let ok = false;
    try {
      const endpoint = this.endpoints[this.turn++ % this.endpoints.length] as WebhookEndpoint;
      ok = (await endpoint.post(delivery.body, SECRET)) === 200;
    } catch {
      ok = false;
    }
    if (!ok) {
      this.httpErrors += 1;
      const first = this.firstDelivered.get(delivery.updateId) ?? started;
      this.firstDelivered.set(delivery.updateId, first);
      if (performance.now() - first < GIVE_UP_AFTER_MS) {
        // Telegram delivers it again a little later, on whichever connection is free.
        this.redeliveries += 1;
        setTimeout(() => {
          this.queue.push(delivery);
          this.wake();
        }, 50);
        return;
      }
      this.lost += 1;
    }
    this.firstDelivered.delete(delivery.updateId);
    const answered = performance.now();
    this.serverLatencies.push(answered - started);
    const waiter = this.waiters.get(delivery.updateId);
    this.waiters.delete(delivery.updateId);
    if (waiter) {
      this.endToEndLatencies.push(answered - waiter.injectedAt);
      waiter.resolve();
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.lookAgain);
    this.wake(true);
    await Promise.all(this.loops);
    for (const endpoint of this.endpoints) endpoint.close();
  }
}

/** An update as the pump POSTs it: serialised and encoded once when taken from the fake, the same bytes on every delivery. */
interface Delivery {
  readonly updateId: number;
  readonly body: Buffer;
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
    const button = this.fake.findButton(this.id, (text) => text.includes(label));
    if (!button) return false;
    await this.pump.deliver(this.fake.injectCallbackQuery(this.id, this.id, button.messageId, button.callbackData));
    return true;
  }

  /** Whether the newest buttons the writer was offered include one labelled with `label`. */
  offers(label: string): boolean {
    return this.fake.findButton(this.id, (text) => text.includes(label), { keyboard: "newest" }) !== undefined;
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



/** The bot as its own process, reached over HTTP like a production instance. */
class BotProcess {
  failedUpdates = 0;
  private exited = false;
  private readonly exit: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    /** Where the memory probe writes once the bot exits. */
    readonly memoryFile: string,
  ) {
    this.exit = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    void this.exit.then(() => (this.exited = true));
    const count = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      this.failedUpdates += text.split('"msg":"update failed').length - 1;
      if (process.env.BENCH_LOG_FAILURES && text.includes("update failed")) process.stderr.write(text.slice(0, 600) + "\n");
    };
    child.stdout?.on("data", count);
    child.stderr?.on("data", (chunk: Buffer) => {
      count(chunk);
      process.stderr.write(chunk);
    });
  }

  static async start(variant: Variant, env: Record<string, string>): Promise<BotProcess> {
    const port = await freePort();
    const memoryFile = join(tmpdir(), `lysty-bench-load-memory-${process.pid}-${port}.json`);
    const args = [...startCommandFlags(variant.dir), "--import", pathToFileURL(PROBE).href, ...variant.nodeArgs, resolve(variant.dir, "scripts/start.mjs")];
    const child = spawn(process.execPath, args, {
      cwd: variant.dir,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, HOST: "127.0.0.1", PORT: String(port), BENCH_BOT_MEMORY_FILE: memoryFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const bot = new BotProcess(child, port, memoryFile);
    const deadline = performance.now() + BOT_READY_WITHIN_MS;
    while (!(await bot.ready())) {
      if (bot.exited) throw new Error(`the bot in ${variant.dir} exited before it was ready`);
      if (performance.now() > deadline) throw new Error(`the bot in ${variant.dir} was not ready within ${BOT_READY_WITHIN_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return bot;
  }

  get pid(): number {
    return this.child.pid as number;
  }

  private async ready(): Promise<boolean> {
    try {
      return (await fetch(`http://127.0.0.1:${this.port}/readyz`)).ok;
    } catch {
      return false;
    }
  }

  /** Sum of a counter over its labels, from the bot's /metrics. */
  async counter(name: string): Promise<number> {
    const text = await (await fetch(`http://127.0.0.1:${this.port}/metrics`)).text();
    return text
      .split("\n")
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(" ") + 1)), 0);
  }

  /** CPU time (user + system) the process used so far, in ms. */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1000;
  }

  /** Peak resident set since the process started (VmHWM), in bytes. */
  peakRssBytes(): number {
    return peakRssBytes(this.pid);
  }

  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }

  /** SIGTERM as an orchestrator would: the bot drains and exits. */
  async stop(): Promise<void> {
    if (!this.exited) this.child.kill("SIGTERM");
    const code = await this.exit;
    if (code !== 0) console.warn(`the bot exited with ${code}`);
  }
}

/** Several instances of the bot read as one: CPU, peak RSS, counters and failures summed. */
class BotGroup {
  constructor(private readonly bots: readonly BotProcess[]) {}

  get failedUpdates(): number {
    return this.bots.reduce((sum, bot) => sum + bot.failedUpdates, 0);
  }

  async counter(name: string): Promise<number> {
    const counts = await Promise.all(this.bots.map((bot) => bot.counter(name)));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  cpuMs(): number {
    return this.bots.reduce((sum, bot) => sum + bot.cpuMs(), 0);
  }

  peakRssBytes(): number {
    return this.bots.reduce((sum, bot) => sum + bot.peakRssBytes(), 0);
  }

  /** After stop(): what each bot's memory probe wrote. */
  memory(): BotMemory {
    return readBotMemory(this.bots.map((bot) => bot.memoryFile));
  }

  signal(name: NodeJS.Signals): void {
    for (const bot of this.bots) bot.signal(name);
  }

  async stop(): Promise<void> {
    await Promise.all(this.bots.map((bot) => bot.stop()));
  }
}

/** A process's peak resident set (VmHWM: since it started, or since `resetPeakRss`), in bytes. */
function peakRssBytes(pid: number | "self"): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1] ?? Number.NaN) * 1024;
}

/** Sets this process's VmHWM to its current resident set (Linux ≥ 4.0); without it VmHWM covers the process's life. */
function resetPeakRss(): void {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // An older kernel: the peak then includes earlier rounds.
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * The test template is migrated with this checkout's migrations; an older checkout's bot would refuse a database
 * recording migrations it does not have. Their records go (their tables and columns stay: older code ignores them).
 */
async function forgetMigrationsUnknownTo(dir: string, database: TestDatabase): Promise<void> {
  const known = new Set(readdirSync(resolve(dir, "migrations")).map((file) => file.replace(/\.[cm]?[jt]s$/, "")));
  const recorded = await database.db.selectFrom("kysely_migration" as never).select("name" as never).execute();
  const unknown = (recorded as unknown as { name: string }[]).map((row) => row.name).filter((name) => !known.has(name));
  if (unknown.length > 0) await database.db.deleteFrom("kysely_migration" as never).where("name" as never, "in", unknown as never).execute();
}

async function runOnce(
  variant: Variant,
  dialect: "sqlite" | "postgres",
  options: { writers: number; connections: number; postgresUrl: string; answerMs: number; harnessProfile?: string },
): Promise<RunResult> {
  if (dialect === "postgres") process.env.TEST_DATABASE_URL = options.postgresUrl;
  else delete process.env.TEST_DATABASE_URL;
  const database: TestDatabase = await createTestDatabase();
  await forgetMigrationsUnknownTo(variant.dir, database);
  const fake = await FakeTelegram.start({ recordCalls: false });
  const heapDir = process.env.BENCH_HEAP_SNAPSHOT;
  const instances = dialect === "postgres" ? (variant.instances ?? 1) : 1;
  const startOne = () =>
    BotProcess.start(
      { ...variant, nodeArgs: [...variant.nodeArgs, ...(heapDir ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${heapDir}`] : [])] },
      {
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATABASE_URL: database.url,
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://lysty.example.org/telegram",
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_MAX_CONNECTIONS: String(options.connections),
        WEBHOOK_ANSWER_TIMEOUT_MS: String(options.answerMs),
        LOG_LEVEL: "warn",
      },
    );
  // One after another: each start migrates nothing (the template is migrated) but seeds the directory.
  const bots: BotProcess[] = [];
  for (let index = 0; index < instances; index++) bots.push(await startOne());
  const bot = new BotGroup(bots);
  const pump = new TelegramPump(
    fake,
    bots.map((one) => `http://127.0.0.1:${one.port}/telegram`),
    options.connections,
  );
  const people = Array.from({ length: options.writers }, (_, index) => {
    const id = 800_000_001 + index;
    fake.addUser({ id, first_name: `Writer ${index}`, language_code: "en" });
    return new Writer(fake, pump, id);
  });

  // The harness's peak resident set over the run: the kernel's high-water mark (VmHWM), reset to the current RSS now.
  // Sampling `memoryUsage.rss()` ten times a second read /proc/self/stat each time (0.5 % of the harness's samples).
  resetPeakRss();
  const harnessGc = { count: 0, ms: 0 };
  const gcObserver = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) {
      harnessGc.count += 1;
      harnessGc.ms += entry.duration;
    }
  });
  gcObserver.observe({ entryTypes: ["gc"] });
  const profiler = options.harnessProfile ? await startProfiler() : undefined;
  const { byMethod: callsBefore, byErrorCode: errorsBefore } = fake.stats();
  const handledBefore = await bot.counter("lysty_updates_handled_total");
  const loopBefore = performance.eventLoopUtilization();
  const harnessCpuBefore = process.cpuUsage();
  const botCpuBefore = bot.cpuMs();
  const started = performance.now();
  const outcomes = await Promise.all(people.map((writer) => writer.writeLetter().catch(() => false)));
  const wallMs = performance.now() - started;
  const botCpuMs = bot.cpuMs() - botCpuBefore;
  const harnessCpu = process.cpuUsage(harnessCpuBefore);
  const loop = performance.eventLoopUtilization(loopBefore);
  if (profiler && options.harnessProfile) await profiler.stop(options.harnessProfile);
  const harnessPeakRss = peakRssBytes("self");
  gcObserver.disconnect();
  const handled = (await bot.counter("lysty_updates_handled_total")) - handledBefore;
  const botPeakRssBytes = bot.peakRssBytes();
  const apiErrors = Object.fromEntries(
    Object.entries(fake.stats().byErrorCode)
      .map(([code, count]) => [code, count - (errorsBefore[Number(code)] ?? 0)])
      .filter(([, count]) => Number(count) > 0),
  );
  const apiCalls = Object.fromEntries(
    Object.entries(fake.stats().byMethod)
      .map(([method, count]) => [method, count - (callsBefore[method] ?? 0)])
      .filter(([, count]) => Number(count) > 0),
  );
  // What holds memory once every writer is through: the bot writes a snapshot on SIGUSR2 (it collects garbage first).
  if (heapDir) bot.signal("SIGUSR2");
  await pump.stop();
  await bot.stop();

  const finished = await database.db
    .selectFrom("letters")
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .where("status", "=", "finished")
    .executeTakeFirstOrThrow();
  const result: RunResult = {
    writers: options.writers,
    updates: pump.serverLatencies.length,
    wallMs,
    serverLatencies: [...pump.serverLatencies].sort((a, b) => a - b),
    endToEndLatencies: [...pump.endToEndLatencies].sort((a, b) => a - b),
    httpErrors: pump.httpErrors,
    redeliveries: pump.redeliveries,
    lost: pump.lost,
    handledTwice: Math.max(0, handled - pump.injected),
    failedUpdates: bot.failedUpdates,
    unfinishedWriters: outcomes.filter((ok) => !ok).length,
    lettersFinished: Number(finished.count),
    botCpuMs,
    botPeakRssBytes,
    botMemory: bot.memory(),
    harnessCpuMs: (harnessCpu.user + harnessCpu.system) / 1000,
    harnessSystemCpuMs: harnessCpu.system / 1000,
    harnessPeakRssBytes: harnessPeakRss,
    harnessGcCount: harnessGc.count,
    harnessGcMs: harnessGc.ms,
    harnessLoopUtilization: loop.utilization,
    apiCalls,
    apiErrors,
  };
  await fake.stop();
  await database.cleanup();
  return result;
}

/** The V8 profiler of this process (the harness), started once the bot is ready and stopped when the writers are through. */
async function startProfiler(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  // Every allocation sampled, also of objects collected since: what the harness allocates per update, by stack.
  await session.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  return {
    async stop(file) {
      const { profile } = await session.post("Profiler.stop");
      const { profile: allocations } = await session.post("HeapProfiler.stopSampling");
      writeFileSync(file, JSON.stringify(profile));
      writeFileSync(`${file}.heapprofile`, JSON.stringify(allocations));
      session.disconnect();
      console.log(`CPU profile of the harness over the run written to ${file}, its allocations to ${file}.heapprofile`);
    },
  };
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
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

const MB = 1024 * 1024;
const calls = (r: RunResult) => Object.values(r.apiCalls).reduce((sum, count) => sum + count, 0);

/** Figures are medians over the rounds; counts of things that went wrong are the worst round's. */
const ROWS: Array<{ label: string; value: (r: RunResult) => number; format: (value: number) => string; worst?: true }> = [
  { label: "updates handled", value: (r) => r.updates, format: String, worst: true },
  { label: "wall time", value: (r) => r.wallMs / 1000, format: (v) => `${v.toFixed(1)} s` },
  { label: "throughput", value: (r) => (r.updates / r.wallMs) * 1000, format: (v) => `${v.toFixed(0)} updates/s` },
  { label: "update latency p50 (POST → 200)", value: (r) => percentile(r.serverLatencies, 50), format: (v) => `${v.toFixed(1)} ms` },
  { label: "update latency p99 (POST → 200)", value: (r) => percentile(r.serverLatencies, 99), format: (v) => `${v.toFixed(1)} ms` },
  { label: "update latency max (POST → 200)", value: (r) => r.serverLatencies.at(-1) ?? Number.NaN, format: (v) => `${v.toFixed(1)} ms` },
  { label: "queued + handled p50 (sent → 200)", value: (r) => percentile(r.endToEndLatencies, 50), format: (v) => `${v.toFixed(0)} ms` },
  { label: "queued + handled p99 (sent → 200)", value: (r) => percentile(r.endToEndLatencies, 99), format: (v) => `${v.toFixed(0)} ms` },
  { label: "failed updates (bot's log)", value: (r) => r.failedUpdates, format: String, worst: true },
  { label: "writers stuck", value: (r) => r.unfinishedWriters, format: String, worst: true },
  { label: "non-2xx answers (all delivered again)", value: (r) => r.httpErrors, format: String, worst: true },
  { label: "updates lost", value: (r) => r.lost, format: String, worst: true },
  { label: "updates handled twice", value: (r) => r.handledTwice, format: String, worst: true },
  { label: "letters finished", value: (r) => r.writers - r.lettersFinished, format: (v) => `all but ${v}`, worst: true },
  { label: "bot: CPU per update", value: (r) => r.botCpuMs / r.updates, format: (v) => `${v.toFixed(2)} ms` },
  { label: "bot: cores busy", value: (r) => r.botCpuMs / r.wallMs, format: (v) => `${v.toFixed(2)} of ${cpus().length}` },
  { label: "bot: peak RSS", value: (r) => r.botPeakRssBytes / MB, format: (v) => `${v.toFixed(0)} MB` },
  { label: "bot, at its peak: V8 old generation", value: (r) => r.botMemory.heapOld, format: (v) => `${v.toFixed(0)} MB` },
  { label: "bot, at its peak: V8 young generation", value: (r) => r.botMemory.heapYoung, format: (v) => `${v.toFixed(0)} MB` },
  { label: "bot, at its peak: outside those", value: (r) => r.botMemory.outsideHeap, format: (v) => `${v.toFixed(0)} MB` },
  { label: "bot: major GCs (mark-compact)", value: (r) => r.botMemory.majorCollections, format: (v) => v.toFixed(0) },
  { label: "bot: minor GCs (scavenges)", value: (r) => r.botMemory.minorCollections, format: (v) => v.toFixed(0) },
  { label: "harness: CPU per update", value: (r) => r.harnessCpuMs / r.updates, format: (v) => `${v.toFixed(2)} ms` },
  { label: "harness: of which system (kernel)", value: (r) => r.harnessSystemCpuMs / r.updates, format: (v) => `${v.toFixed(2)} ms` },
  { label: "harness: event loop busy", value: (r) => r.harnessLoopUtilization, format: (v) => v.toFixed(2) },
  { label: "harness: GC pause per update", value: (r) => r.harnessGcMs / r.updates, format: (v) => `${v.toFixed(3)} ms` },
  { label: "harness: collections per 1,000 updates", value: (r) => (r.harnessGcCount / r.updates) * 1000, format: (v) => v.toFixed(0) },
  { label: "harness: peak RSS", value: (r) => r.harnessPeakRssBytes / MB, format: (v) => `${v.toFixed(0)} MB` },
  { label: "Bot API calls per update", value: (r) => calls(r) / r.updates, format: (v) => v.toFixed(2) },
];

function table(columns: Array<{ label: string; runs: RunResult[] }>): string {
  const width = Math.max(...ROWS.map((row) => row.label.length)) + 2;
  const cellWidth = Math.max(20, ...columns.map((column) => column.label.length + 2));
  const header = "".padEnd(width) + columns.map((column) => column.label.padStart(cellWidth)).join("");
  const lines = ROWS.map((row) => {
    const cells = columns.map((column) => {
      const values = column.runs.map(row.value);
      const value = row.worst ? Math.max(...values) : median(values);
      return row.format(value).padStart(cellWidth);
    });
    return row.label.padEnd(width) + cells.join("");
  });
  return [header, ...lines].join("\n");
}

function perRun(columns: Array<{ label: string; runs: RunResult[] }>): string {
  return columns
    .map(
      (column) =>
        `${column.label}: ` +
        column.runs
          .map(
            (r) =>
              `${((r.updates / r.wallMs) * 1000).toFixed(0)}/s, bot ${(r.botCpuMs / r.updates).toFixed(2)} ms CPU, ${(r.botPeakRssBytes / MB).toFixed(0)} MB, ` +
              `harness ${(r.harnessCpuMs / r.updates).toFixed(2)} ms CPU`,
          )
          .join(" | "),
    )
    .join("\n");
}

function stringOption(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const option = (name: string, fallback: number) => {
    const given = stringOption(name);
    const value = given === undefined ? fallback : Number(given);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number`);
    return value;
  };
  const flags = (text: string | undefined) => (text ?? "").split(/\s+/).filter(Boolean);
  const writers = option("writers", 1000);
  const connections = option("connections", 40);
  const answerMs = option("answer-ms", 10_000);
  const rounds = option("rounds", 1);
  const harnessProfile = stringOption("harness-profile");
  const starve = process.argv.includes("--starve") ? option("starve", 2) : 0;
  if (!existsSync("/proc/self/stat")) throw new Error("bench:load reads the bot's CPU and memory from /proc (Linux)");
  const here = resolve(import.meta.dirname, "..");
  const variants: Variant[] = [];
  const baseline = stringOption("baseline");
  if (baseline) variants.push({ label: `baseline (${baseline})`, dir: resolve(baseline), nodeArgs: [] });
  const nodeOptions = flags(stringOption("node-options"));
  variants.push({ label: nodeOptions.length ? `this (${nodeOptions.join(" ")})` : "this checkout", dir: here, nodeArgs: nodeOptions });
  process.argv.forEach((arg, index) => {
    const extra = arg === "--variant" ? process.argv[index + 1] : undefined;
    if (extra) variants.push({ label: `this (${extra})`, dir: here, nodeArgs: flags(extra) });
  });
  // Several instances share the work only on Postgres (SQLite is one process's database): a column of its own there.
  const instances = stringOption("instances") === undefined ? 1 : option("instances", 1);
  if (instances > 1) variants.push({ label: `this, ${instances} instances`, dir: here, nodeArgs: nodeOptions, instances });
  for (const dir of new Set(variants.map((variant) => variant.dir))) {
    console.log(`${dir}: node ${[...startCommandFlags(dir), "scripts/start.mjs"].join(" ")} (its npm start)`);
  }
  const runsOn = (variant: Variant, dialect: "sqlite" | "postgres") => dialect === "postgres" || (variant.instances ?? 1) === 1;

  const burners = startBurners(starve);
  const load = () => loadavg().map((value) => value.toFixed(1)).join(" ");
  console.log(`load average at start: ${load()}${starve ? ` (${starve} CPU-burning processes started)` : ""}`);
  const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://lysty:lysty@127.0.0.1:5432/lysty";
  const dialects: Array<"sqlite" | "postgres"> = process.argv.includes("--postgres-only") ? [] : ["sqlite"];
  if (process.argv.includes("--sqlite-only")) console.log("--sqlite-only: no Postgres run.");
  else if (await postgresReachable(postgresUrl)) dialects.push("postgres");
  else console.log(`Postgres at ${postgresUrl.replace(/\/\/[^@]*@/, "//…@")} is not reachable: SQLite only (start it with .ci/start-postgres.sh).`);

  const results = new Map<string, RunResult[]>();
  for (const dialect of dialects) {
    for (let round = 1; round <= rounds; round++) {
      for (const variant of variants.filter((one) => runsOn(one, dialect))) {
        const key = `${dialect}\u0000${variant.label}`;
        const result = await runOnce(variant, dialect, { writers, connections, postgresUrl, answerMs, ...(harnessProfile ? { harnessProfile } : {}) });
        results.set(key, [...(results.get(key) ?? []), result]);
        console.log(
          `${dialect}, round ${round}, ${variant.label}: ${((result.updates / result.wallMs) * 1000).toFixed(0)} updates/s, ` +
            `bot ${(result.botCpuMs / result.updates).toFixed(2)} ms CPU per update, peak RSS ${(result.botPeakRssBytes / MB).toFixed(0)} MB (load ${load()})`,
        );
      }
    }
  }
  for (const burner of burners) burner.kill();

  console.log(
    `\nLysty load: ${writers} writers at once, whole letter flow (FSIN-pismo), the bot in its own process ` +
      `(node scripts/start.mjs, webhook mode) over HTTP with at most ${connections} connections (Telegram's max_connections), ` +
      `fake Bot API, answer time ${answerMs} ms${starve ? `, starved by ${starve} CPU-burning processes` : ""}; ` +
      `${rounds > 1 ? `medians of ${rounds} rounds (counts of failures: the worst round)` : "one round"}`,
  );
  for (const dialect of dialects) {
    const columns = variants.filter((variant) => runsOn(variant, dialect)).map((variant) => ({ label: variant.label, runs: results.get(`${dialect}\u0000${variant.label}`) ?? [] }));
    console.log(`\n${dialect === "sqlite" ? "SQLite" : "Postgres"}\n${table(columns)}`);
    if (rounds > 1) console.log(`\nper run:\n${perRun(columns)}`);
    for (const column of columns) {
      const totals: Record<string, number> = {};
      let updates = 0;
      for (const run of column.runs) {
        updates += run.updates;
        for (const [method, count] of Object.entries(run.apiCalls)) totals[method] = (totals[method] ?? 0) + count;
      }
      const byMethod = Object.entries(totals).sort((a, b) => b[1] - a[1]);
      const errors: Record<string, number> = {};
      for (const run of column.runs) for (const [code, count] of Object.entries(run.apiErrors)) errors[code] = (errors[code] ?? 0) + count;
      const refused = Object.entries(errors).map(([code, count]) => `${code}: ${(count / updates).toFixed(3)}`);
      console.log(
        `${column.label}, Bot API calls per update: ${byMethod.map(([method, count]) => `${method} ${(count / updates).toFixed(2)}`).join(", ")}; ` +
          `refused per update: ${refused.length > 0 ? refused.join(", ") : "none"}`,
      );
    }
  }
  console.log(`\nNode ${process.version}, ${cpus().length} CPUs; the bot in its own process, harness (fake Bot API, pump, writers) in this one.`);
  if (instances > 1) console.log(`With ${instances} instances the bot's CPU and peak RSS are the sum over them; the pump sends each POST to the next instance in turn.`);
  console.log(`load average at end: ${load()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
