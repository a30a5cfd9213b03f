/**
 * Step 1, the first message and the second message of the letter flow, for this checkout and another one in ONE
 * process: each checkout's own modules (its `createBot`, grammY, Kysely, better-sqlite3) on a SQLite file of its own,
 * the Bot API answered in grammY's client `fetch`, the two bots taking turns writer by writer (the order swapped every
 * writer). Processes run one after the other (`bench:flow-step -- --baseline`) differ by more than a change of a tenth
 * on a loaded machine, whichever runs second being faster; here both share the process, its heap and the load.
 *
 *   npm run bench:flow-step-pair -- --baseline /tmp/base            400 writers after 100 to warm up
 *   npm run bench:flow-step-pair -- --baseline /tmp/base --writers 800
 *
 * The baseline is a worktree with its own node_modules and `test/helpers/updates.ts`. Prints CPU ms per step (medians)
 * and the statements each step ran, per checkout.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ApiClientOptions, Bot } from "grammy";
import type { Update } from "grammy/types";

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const baseline = option("--baseline");
const WRITERS = Number(option("--writers") ?? 400);
const WARM_UP = 100;
const STEPS = ["step 1 (/start w_<slug>)", "the first message (1k characters)", "the second message"] as const;
const FIRST = "Пишу Вам снова. ".repeat(62);
const SECOND = "Абзац: у нас сегодня тепло, в парке цветут каштаны, а я читаю книгу о путешествиях по Сибири.";

interface Tree {
  root: string;
  bot: Bot;
  update(chatId: number, text: string): Update;
  statements: { count: number };
  cleanup(): Promise<void>;
  cpu: number[][];
  counts: number[];
}

/** Counts the statements a checkout's better-sqlite3 runs (each checkout loads its own copy). */
function countStatements(root: string): { count: number } {
  const SQLite = createRequire(join(root, "package.json"))("better-sqlite3") as new (file: string) => { prepare(sql: string): object };
  const methods = Object.getPrototypeOf(new SQLite(":memory:").prepare("select 1")) as Record<string, (...args: unknown[]) => unknown>;
  const counter = { count: 0 };
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = methods[method] as (...args: unknown[]) => unknown;
    methods[method] = function (this: unknown, ...args: unknown[]) {
      counter.count++;
      return original.apply(this, args);
    };
  }
  return counter;
}

async function openTree(root: string): Promise<Tree> {
  const load = (path: string) => import(join(root, path));
  const [{ createBot }, { systemClock }, { parseConfig }, { openSqlite }, { migrateToLatest }, { seedDirectory }, { createLogger }, { privateTextUpdate }] =
    await Promise.all(
      ["src/bot/index.ts", "src/clock.ts", "src/config.ts", "src/db/database.ts", "src/db/migrate.ts", "src/db/repositories/directory-document.ts", "src/logger.ts", "test/helpers/updates.ts"].map(load),
    );
  const statements = countStatements(root);
  const dir = mkdtempSync(join(tmpdir(), "lysty-flow-step-pair-"));
  const file = join(dir, "bench.sqlite");
  const db = openSqlite(file);
  await migrateToLatest(db);
  await seedDirectory(db, { now: systemClock.now() });
  const config = parseConfig({ BOT_TOKEN: "123456:bench-flow-step-token-0123456789", DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "0" });
  let messageId = 0;
  const fetch = (async (_url: unknown, init?: { body?: unknown }) => {
    const params = typeof init?.body === "string" ? (JSON.parse(init.body) as { chat_id?: number }) : {};
    const result = { message_id: ++messageId, date: 0, chat: { id: params.chat_id, type: "private" }, text: "" };
    // What the bot's own client (src/telegram/bot-api-fetch.ts) hands grammY: an answer whose json() parses its text;
    // a WHATWG Response would charge every call about 0.06 ms of harness.
    const text = JSON.stringify({ ok: true, result });
    return { json: () => Promise.resolve(JSON.parse(text) as unknown) };
  }) as unknown as ApiClientOptions["fetch"];
  const botInfo = { id: 123456, is_bot: true, first_name: "Lysty", username: "lysty_bench_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
  const { bot } = createBot({ config, db, logger: createLogger("warn"), clock: systemClock }, { botInfo, fetch });
  await bot.init();
  return {
    root,
    bot,
    update: (chatId, text) => privateTextUpdate(chatId, text, { languageCode: "en", date: Math.floor(Date.now() / 1000) }),
    statements,
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
    cpu: STEPS.map(() => []),
    counts: STEPS.map(() => 0),
  };
}

async function measure(tree: Tree, step: number, update: Update, keep: boolean): Promise<void> {
  const before = tree.statements.count;
  const cpu = process.cpuUsage();
  await tree.bot.handleUpdate(update);
  const used = process.cpuUsage(cpu);
  if (!keep) return;
  tree.cpu[step]?.push((used.user + used.system) / 1000);
  tree.counts[step] = tree.statements.count - before;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  if (!baseline) throw new Error("--baseline <checkout> is required");
  const trees = [await openTree(resolve(baseline)), await openTree(process.cwd())];
  console.log(`flow-step-pair: ${trees[0]?.root} vs ${trees[1]?.root}, ${WRITERS} writers each, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`);
  let chatId = 700_000_000;
  for (let writer = 0; writer < WARM_UP + WRITERS; writer++) {
    for (const tree of writer % 2 ? [...trees].reverse() : trees) {
      const chat = ++chatId;
      const keep = writer >= WARM_UP;
      await measure(tree, 0, tree.update(chat, "/start w_kagarlitsky-boris"), keep);
      await measure(tree, 1, tree.update(chat, FIRST), keep);
      await measure(tree, 2, tree.update(chat, SECOND), keep);
    }
  }
  const [base, current] = trees as [Tree, Tree];
  console.log(`\n${"CPU ms per step (medians)".padEnd(40)}${"baseline".padStart(10)}${"this".padStart(10)}${"ratio".padStart(8)}   statements`);
  STEPS.forEach((label, step) => {
    const [before, after] = [median(base.cpu[step] ?? []), median(current.cpu[step] ?? [])];
    console.log(`${label.padEnd(40)}${before.toFixed(3).padStart(10)}${after.toFixed(3).padStart(10)}${`${(before / after).toFixed(2)}×`.padStart(8)}   ${base.counts[step]} → ${current.counts[step]}`);
  });
  console.log(`load average at end: ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
  for (const tree of trees) await tree.cleanup();
}

await main();
