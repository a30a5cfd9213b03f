/**
 * Step 1, the first message, the second message, "Done: check the letter" (the check's own cost beside it too: the
 * step minus the censorship check of the same text, run alone by the same checkout right before), the signature and
 * the route step, for this checkout and another one in ONE process: each checkout's own modules (its `createBot`,
 * grammY, Kysely, better-sqlite3) on a SQLite file of its own, the Bot API answered in grammY's client `fetch` (which
 * leaves an upload's multipart stream unread: `bench:flow-step` reads it), the two bots taking turns writer by writer
 * (the order swapped every writer). Processes run one after the other (`bench:flow-step -- --baseline`) differ by more
 * than a change of a tenth on a loaded machine, whichever runs second being faster; here both share the process, its
 * heap and the load.
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
import type { InlineKeyboardButton, Update } from "grammy/types";

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const baseline = option("--baseline");
const WRITERS = Number(option("--writers") ?? 400);
const WARM_UP = 100;
const STEPS = [
  "step 1 (/start w_<slug>)",
  "the first message (1k characters)",
  "the second message",
  '"check" (a clean 1.1k letter)',
  '"check" minus the check alone',
  "a typed signature",
  "route (FSIN-pismo, upload unread)",
] as const;
const FIRST = "Пишу Вам снова. ".repeat(62);
const SECOND = "Абзац: у нас сегодня тепло, в парке цветут каштаны, а я читаю книгу о путешествиях по Сибири.";

interface Tree {
  root: string;
  bot: Bot;
  update(chatId: number, text: string): Update;
  /** A press of the button labelled `label` in the chat's last inline keyboard. */
  press(chatId: number, label: string): Update;
  /** The checkout's own censorship check, as "check" runs it for this person (Russia, sentenced). */
  checkAlone(text: string): unknown;
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
  const [{ createBot }, { systemClock }, { parseConfig }, { openSqlite }, { migrateToLatest }, { seedDirectory }, { createLogger }, { privateTextUpdate, nextUpdateId }, { checkLetter }] =
    await Promise.all(
      [
        "src/bot/index.ts",
        "src/clock.ts",
        "src/config.ts",
        "src/db/database.ts",
        "src/db/migrate.ts",
        "src/db/repositories/directory-document.ts",
        "src/logger.ts",
        "test/helpers/updates.ts",
        "src/domain/censorship/index.ts",
      ].map(load),
    );
  const statements = countStatements(root);
  const dir = mkdtempSync(join(tmpdir(), "lysty-flow-step-pair-"));
  const file = join(dir, "bench.sqlite");
  const db = openSqlite(file);
  await migrateToLatest(db);
  await seedDirectory(db, { now: systemClock.now() });
  const config = parseConfig({ BOT_TOKEN: "123456:bench-flow-step-token-0123456789", DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "0" });
  let messageId = 0;
  const keyboards = new Map<number, { messageId: number; buttons: InlineKeyboardButton[] }>();
  const fetch = (async (_url: unknown, init?: { body?: unknown }) => {
    const params = typeof init?.body === "string" ? (JSON.parse(init.body) as { chat_id?: number; reply_markup?: { inline_keyboard?: InlineKeyboardButton[][] } }) : {};
    const result = { message_id: ++messageId, date: 0, chat: { id: params.chat_id, type: "private" }, text: "" };
    const inline = params.reply_markup?.inline_keyboard;
    if (inline && params.chat_id !== undefined) keyboards.set(params.chat_id, { messageId: result.message_id, buttons: inline.flat() });
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
    press: (chatId, label) => {
      const keyboard = keyboards.get(chatId);
      const button = keyboard?.buttons.find((candidate) => candidate.text.includes(label));
      if (!keyboard || !button || !("callback_data" in button)) throw new Error(`${root}: no button "${label}" in chat ${chatId}`);
      const from = { id: chatId, is_bot: false, first_name: "W", language_code: "en" };
      const message = { message_id: keyboard.messageId, date: 0, chat: { id: chatId, type: "private" as const, first_name: "W" }, text: "…" };
      const id = nextUpdateId() as number;
      return { update_id: id, callback_query: { id: String(id), from, chat_instance: String(chatId), data: button.callback_data, message } };
    },
    checkAlone: (text) => checkLetter(text, { system: "ru", status: "sentenced" }),
    statements,
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
    cpu: STEPS.map(() => []),
    counts: STEPS.map(() => 0),
  };
}

async function measure(tree: Tree, step: number, update: Update, keep: boolean): Promise<number> {
  const before = tree.statements.count;
  const cpu = process.cpuUsage();
  await tree.bot.handleUpdate(update);
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  if (!keep) return ms;
  tree.cpu[step]?.push(ms);
  tree.counts[step] = tree.statements.count - before;
  return ms;
}

/** "Check", and the same step minus the censorship check of the same letter run alone just before. */
async function measureCheck(tree: Tree, chat: number, keep: boolean): Promise<void> {
  const alone = process.cpuUsage();
  tree.checkAlone(`${FIRST.trim()}\n\n${SECOND}`);
  const used = process.cpuUsage(alone);
  const step = await measure(tree, 3, tree.press(chat, "Done: check the letter"), keep);
  if (!keep) return;
  tree.cpu[4]?.push(step - (used.user + used.system) / 1000);
  tree.counts[4] = tree.counts[3] ?? 0;
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
      await measureCheck(tree, chat, keep);
      await measure(tree, 5, tree.update(chat, "Оксана\nЛьвів"), keep);
      await measure(tree, 6, tree.press(chat, "No, only this letter"), keep);
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
