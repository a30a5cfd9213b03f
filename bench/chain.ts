/**
 * The bot's own cost per update outside any flow (issue 14): the real bot (`createBot`, a migrated SQLite file) handles
 * updates that no flow takes, through `bot.handleUpdate`, with the Bot API answered in grammY's client `fetch`. Every
 * update pays this much before a feature does its work: the middleware chain (deps, observer, per-chat order, rate
 * limit, the user's visit, i18n, the conversations plugin reading the chat's flow, ~30 features' filters), and one
 * Bot API call through grammY's client and Lysty's transformers. Prints the median CPU per update of each kind, next
 * to bare grammY (one handler that answers, the same grammY) in the same process:
 *
 *   - an unknown button (an old keyboard): it passes every feature and reaches "unhandled" (answerCallbackQuery);
 *   - «привіт»: a greeting, answered with the welcome text near the end of the chain (sendMessage);
 *   - `/help`: a command, answered early in the features (sendMessage).
 *
 *   npm run bench:chain
 *   npm run bench:chain -- --baseline /tmp/base --rounds 3
 *                    the same bench against another checkout's `src/` and `node_modules` (this file imports that
 *                    checkout's modules), alternately in processes of their own; medians of the rounds side by side
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { nextUpdateId, privateTextUpdate } from "../test/helpers/updates.js";

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const root = resolve(option("--root") ?? process.cwd());
const baseline = option("--baseline");
const rounds = Number(option("--rounds") ?? 1);
const USERS = 300;
const UPDATES = 3_000;
const REPEATS = 7;
const TOKEN = "123456:bench-chain-token-0123456789";
/** What grammY reads of the bot's own user (its id and username); the rest of getMe's answer does not matter here. */
const BOT_INFO = { id: 123456, is_bot: true, first_name: "Lysty", username: "lysty_bench_bot" } as UserFromGetMe;

let calls = 0;
/** Answers every call at once: `true`, or a message for the send methods. */
const fetchStub = async (url: unknown, init?: { body?: unknown }) => {
  calls += 1;
  const method = String(url).split("/").pop() ?? "";
  const params = typeof init?.body === "string" ? (JSON.parse(init.body) as { chat_id?: number }) : {};
  const result = method.startsWith("send") ? { message_id: calls, date: 0, chat: { id: params.chat_id ?? 0, type: "private" }, text: "…" } : true;
  return { status: 200, ok: true, json: async () => ({ ok: true, result }) };
};

const from = (id: number) => ({ id, is_bot: false, first_name: "W", language_code: "uk" });
const chat = (id: number) => ({ id, type: "private" as const, first_name: "W" });
const KINDS: Record<string, (user: number) => Update> = {
  "unknown button → unhandled": (user) => {
    const updateId = nextUpdateId();
    return {
      update_id: updateId,
      callback_query: { id: String(updateId), from: from(user), chat_instance: "c", data: "gone:1", message: { message_id: 1, date: 0, chat: chat(user), text: "…" } },
    };
  },
  "«привіт» → greeting": (user) => privateTextUpdate(user, "привіт", { languageCode: "uk" }),
  "/help": (user) => privateTextUpdate(user, "/help", { languageCode: "uk" }),
};

const cpuMicros = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** CPU µs per update of `make` through `bot`, median of REPEATS runs of UPDATES updates (after one to warm up). */
async function measure(bot: { handleUpdate(update: Update): Promise<void> }, make: (user: number) => Update): Promise<number> {
  const runs: number[] = [];
  for (let repeat = 0; repeat <= REPEATS; repeat++) {
    const started = cpuMicros();
    for (let index = 0; index < UPDATES; index++) await bot.handleUpdate(make(1_000 + (index % USERS)));
    if (repeat > 0) runs.push((cpuMicros() - started) / UPDATES);
  }
  return median(runs);
}

async function main(): Promise<void> {
  const load = () => loadavg().map((value) => value.toFixed(1)).join(" ");
  const from = (path: string) => import(pathToFileURL(join(root, path)).href);
  const [{ createBot }, { systemClock }, { parseConfig }, { openSqlite }, { migrateToLatest }, { createLogger }, grammy] = await Promise.all([
    from("src/bot/index.ts"),
    from("src/clock.ts"),
    from("src/config.ts"),
    from("src/db/database.ts"),
    from("src/db/migrate.ts"),
    from("src/logger.ts"),
    import(pathToFileURL(join(root, "node_modules/grammy/out/mod.js")).href),
  ]);
  const dir = mkdtempSync(join(tmpdir(), "lysty-bench-chain-"));
  const file = join(dir, "bench.sqlite");
  const db = openSqlite(file);
  await migrateToLatest(db);
  const config = parseConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "0" });
  const { bot } = createBot({ config, db, logger: createLogger("warn"), clock: systemClock }, { botInfo: BOT_INFO, fetch: fetchStub });
  const bare: Bot = new grammy.Bot(TOKEN, { botInfo: BOT_INFO, client: { fetch: fetchStub } });
  bare.on("callback_query", (ctx) => ctx.answerCallbackQuery());

  console.log(`Lysty chain benchmark (${root}): ${UPDATES} updates from ${USERS} people per run, median of ${REPEATS} runs, Node ${process.version}`);
  console.log(`load average at start: ${load()}`);
  console.log(`\n${"".padEnd(36)}${"CPU µs per update".padStart(20)}`);
  console.log(`${"bare grammY, one answer".padEnd(36)}${(await measure(bare, KINDS["unknown button → unhandled"] as (user: number) => Update)).toFixed(1).padStart(20)}`);
  for (const [label, make] of Object.entries(KINDS)) {
    const before = calls;
    const micros = await measure(bot as Bot, make);
    const perUpdate = (calls - before) / ((REPEATS + 1) * UPDATES);
    console.log(`${`Lysty, ${label}`.padEnd(36)}${micros.toFixed(1).padStart(20)}   (${perUpdate.toFixed(2)} Bot API calls an update)`);
  }
  console.log(`load average at end: ${load()}`);
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}

/** One run of this bench against a checkout, in a process of its own: its rows, label → CPU µs. */
function runBench(checkout: string): Map<string, number> {
  const run = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--root", checkout], { cwd: checkout, encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`the bench against ${checkout} failed: ${run.stderr}`);
  const rows = new Map<string, number>();
  for (const line of run.stdout.split("\n")) {
    const match = /^((?:bare grammY|Lysty,).{0,36}?)\s+([\d.]+)(\s|$)/.exec(line);
    if (match) rows.set((match[1] ?? "").trim(), Number(match[2]));
  }
  return rows;
}

/** `--baseline DIR`: this bench against that checkout and this one, alternately, `--rounds` times. */
function compareWithBaseline(dir: string): void {
  const load = () => loadavg().map((value) => value.toFixed(1)).join(" ");
  console.log(`chain: baseline ${dir} vs this checkout, ${rounds} round(s), Node ${process.version}`);
  console.log(`load average at start: ${load()}`);
  const runs: { base: Map<string, number>; self: Map<string, number> }[] = [];
  for (let round = 0; round < rounds; round++) {
    runs.push({ base: runBench(resolve(dir)), self: runBench(root) });
    console.log(`round ${round + 1} done, load average ${load()}`);
  }
  const cell = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "—").padStart(12);
  console.log(`\n${"CPU µs per update (medians)".padEnd(36)}${["baseline", "this", "ratio"].map((title) => title.padStart(12)).join("")}`);
  for (const label of runs[0]?.self.keys() ?? []) {
    const base = median(runs.map((run) => run.base.get(label) ?? NaN));
    const self = median(runs.map((run) => run.self.get(label) ?? NaN));
    console.log(`${label.padEnd(36)}${cell(base)}${cell(self)}${`${(base / self).toFixed(2)}×`.padStart(12)}`);
  }
  console.log(`load average at end: ${load()}`);
}

if (baseline) compareWithBaseline(baseline);
else
  await main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
