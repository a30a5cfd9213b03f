/**
 * Step 1, the first message, the second message, "Done: check the letter" (and its own cost beside the check: the step
 * minus the censorship check of the same text, run alone by the same checkout right before), the typed signature and
 * the route step (the answer that finishes the letter on FSIN-pismo, 11 Bot API calls) of the letter flow, and the same
 * answer choosing the organisers' route for another writer's letter of the same text, for this checkout and another
 * one in ONE process: each checkout's own modules (its `createBot`, grammY, Kysely, better-sqlite3) on a SQLite file of its own,
 * the Bot API answered in grammY's client `fetch`, the two bots taking turns writer by writer (the order swapped every
 * writer). Processes run one after the other (`bench:flow-step -- --baseline`) differ by more than a change of a tenth
 * on a loaded machine, whichever runs second being faster; here both share the process, its heap and the load.
 *
 *   npm run bench:flow-step-pair -- --baseline /tmp/base            400 writers after 100 to warm up
 *   npm run bench:flow-step-pair -- --baseline /tmp/base --writers 800
 *   npm run bench:flow-step-pair -- --baseline /tmp/base --long       also "check" on 6k and 12k letters (and minus
 *                                        the check alone), and step 1 taking a 6k draft up again by the link, and
 *                                        "check" on a 12k letter with findings, and the organisers' route chosen for
 *                                        an 11k letter
 *
 * The baseline is a worktree with its own node_modules and `test/helpers/updates.ts`. Prints CPU ms per step (medians)
 * and the statements and Bot API calls each step ran, per checkout, and the route step's CPU per call beside bare
 * grammY's reply (one handler, one call, this checkout's grammY) measured in the same turns.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type ApiClientOptions, Bot } from "grammy";
import type { InlineKeyboardButton, Update } from "grammy/types";
import { privateButtonPressUpdate } from "../test/helpers/updates.js";

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
  "the signature",
  "route (finish on FSIN-pismo)",
  "organisers' route chosen (1.1k letter)",
  "step 1 on a 6k draft (resumed)",
  '"check" (a clean 6k letter)',
  '"check" 6k minus the check alone',
  '"check" (a clean 12k letter)',
  '"check" 12k minus the check alone',
  '"check" (a flagged 12k letter), p25',
  '"check" flagged 12k minus the check, p25',
  "organisers' route chosen (11k letter)",
] as const;
const ROUTE = 6;
/** The rows of the organisers' route: the 1.1k letter's, and the 11k one's (with `--long`). */
const ORGANISERS = 7;
const ORGANISERS_LONG = 15;
/**
 * `--long`: also a writer per checkout whose letter reaches 6k, then one reaching 12k (1k messages), each taking the
 * draft up again by the link before "check"; then a 12k letter whose every message holds wording the check flags (its
 * "check" shows the findings screen, with a button per paragraph found, and waits in the conversation).
 */
const LONG = process.argv.includes("--long");
const LONG_LETTERS = [
  { length: 6_000, check: 9 },
  { length: 12_000, check: 11 },
  { length: 12_000, check: 13, flagged: true },
] as const;
/**
 * Whose letter goes to the organisers: Zeytullaev, of the Crimean campaign, whose chat each tree links (Kagarlitsky's
 * campaign has none, so his only route stays FSIN-pismo); it is his only route, so the answer to "remember it?"
 * chooses it: its advice, whether to offer a translation, the question whether to show the writer's name.
 */
const RELAYED_PRISONER = "zeytullaev-ruslan";
const RELAYING_CAMPAIGN = "crimean-political-prisoners";
export const FIRST = "Пишу Вам снова. ".repeat(62);
const FLAGGED = "Я всё время думаю о войне, армия Путина проиграет. Держитесь! ";
export const SECOND = "Абзац: у нас сегодня тепло, в парке цветут каштаны, а я читаю книгу о путешествиях по Сибири.";

export interface Tree {
  root: string;
  /** The checkout's SQLite file. */
  file: string;
  bot: Bot;
  update(chatId: number, text: string): Update;
  press(chatId: number, label: string): Update;
  /** The checkout's own censorship check, as "check" runs it for this person (Russia, sentenced). */
  checkAlone(text: string): unknown;
  statements: { count: number };
  calls: { count: number };
  cleanup(): Promise<void>;
  cpu: number[][];
  counts: number[];
  callCounts: number[];
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

export async function openTree(root: string): Promise<Tree> {
  const load = (path: string) => import(join(root, path));
  const [{ createBot }, { systemClock }, { parseConfig }, { openSqlite }, { migrateToLatest }, { seedDirectory }, { createLogger }, { privateTextUpdate }, { checkLetter }, { linkCampaignChat }] =
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
        "src/db/repositories/campaign-chats.ts",
      ].map(load),
    );
  const statements = countStatements(root);
  const dir = mkdtempSync(join(tmpdir(), "lysty-flow-step-pair-"));
  const file = join(dir, "bench.sqlite");
  const db = openSqlite(file);
  await migrateToLatest(db);
  await seedDirectory(db, { now: systemClock.now() });
  await linkCampaignChat(db, { campaignSlug: RELAYING_CAMPAIGN, chatId: -1_001_234_567_890, chatType: "supergroup", title: "Bench organisers", locale: "en", linkedBy: 1, public: false, now: systemClock.now() });
  const config = parseConfig({ BOT_TOKEN: "123456:bench-flow-step-token-0123456789", DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "0" });
  const { fetch, keyboards, calls } = stubTelegram();
  const botInfo = { id: 123456, is_bot: true, first_name: "Lysty", username: "lysty_bench_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
  const { bot } = createBot({ config, db, logger: createLogger("warn"), clock: systemClock }, { botInfo, fetch });
  await bot.init();
  return {
    root,
    file,
    bot,
    update: (chatId, text) => privateTextUpdate(chatId, text, { languageCode: "en", date: Math.floor(Date.now() / 1000) }),
    press: (chatId, label) => pressUpdate(keyboards, chatId, label),
    checkAlone: (text) => checkLetter(text, { system: "ru", status: "sentenced" }),
    statements,
    calls,
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
    cpu: STEPS.map(() => []),
    counts: STEPS.map(() => 0),
    callCounts: STEPS.map(() => 0),
  };
}

type Keyboards = Map<number, { messageId: number; buttons: InlineKeyboardButton[] }>;

/**
 * The Bot API answered in process, as bench:flow-step's stub: each chat's last inline keyboard kept (to press buttons
 * by label), an upload's multipart stream read as an HTTP client would (a body built in one piece is already built).
 */
function stubTelegram(): { fetch: ApiClientOptions["fetch"]; keyboards: Keyboards; calls: { count: number } } {
  let messageId = 0;
  const keyboards: Keyboards = new Map();
  const calls = { count: 0 };
  const fetch = (async (url: unknown, init?: { body?: unknown }) => {
    calls.count++;
    const body = init?.body;
    if (body !== null && typeof body === "object" && Symbol.asyncIterator in body) for await (const _chunk of body as AsyncIterable<unknown>);
    const params = typeof body === "string" ? (JSON.parse(body) as { chat_id?: number; reply_markup?: { inline_keyboard?: InlineKeyboardButton[][] } }) : {};
    const edit = String(url).includes("/edit");
    const result = { message_id: ++messageId, date: 0, chat: { id: params.chat_id, type: "private" }, text: "" };
    const buttons = params.reply_markup?.inline_keyboard;
    if (buttons && params.chat_id !== undefined) keyboards.set(params.chat_id, { messageId: edit ? messageId - 1 : messageId, buttons: buttons.flat() });
    // What the bot's own client (src/telegram/bot-api-fetch.ts) hands grammY: an answer whose json() parses its text;
    // a WHATWG Response would charge every call about 0.06 ms of harness.
    const text = JSON.stringify({ ok: true, result });
    return { json: () => Promise.resolve(JSON.parse(text) as unknown) };
  }) as unknown as ApiClientOptions["fetch"];
  return { fetch, keyboards, calls };
}

function pressUpdate(keyboards: Keyboards, chatId: number, label: string): Update {
  const keyboard = keyboards.get(chatId);
  const button = keyboard?.buttons.find((candidate) => candidate.text.includes(label));
  if (!keyboard || !button || !("callback_data" in button)) throw new Error(`no button "${label}" in chat ${chatId}`);
  return privateButtonPressUpdate(chatId, keyboard.messageId, button.callback_data);
}

/** Bare grammY (this checkout's): one handler that replies, the same stub; the anchor for a Bot API call's cost. */
async function bareGrammy(): Promise<{ bot: Bot; cpu: number[] }> {
  const bot = new Bot("123456:bench-flow-step-token-0123456789", {
    botInfo: { id: 123456, is_bot: true, first_name: "Bare", username: "bare_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } as never,
    client: { fetch: stubTelegram().fetch },
  });
  bot.on("message:text", (ctx) => ctx.reply(`Got ${ctx.message.text.length} characters`));
  await bot.init();
  return { bot, cpu: [] };
}

async function measure(tree: Tree, step: number, update: () => Update, keep: boolean): Promise<number> {
  const before = tree.statements.count;
  const callsBefore = tree.calls.count;
  const built = update();
  const cpu = process.cpuUsage();
  await tree.bot.handleUpdate(built);
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  if (!keep) return ms;
  tree.cpu[step]?.push(ms);
  tree.counts[step] = tree.statements.count - before;
  tree.callCounts[step] = tree.calls.count - callsBefore;
  return ms;
}

/** "Check" (row `step`), and the same step minus the censorship check of the same letter run alone just before (the next row). */
async function measureCheck(tree: Tree, chat: number, text: string, keep: boolean, step = 3): Promise<void> {
  const alone = process.cpuUsage();
  tree.checkAlone(text);
  const used = process.cpuUsage(alone);
  const ms = await measure(tree, step, () => tree.press(chat, "Done: check the letter"), keep);
  if (!keep) return;
  tree.cpu[step + 1]?.push(ms - (used.user + used.system) / 1000);
  tree.counts[step + 1] = tree.counts[step] ?? 0;
  tree.callCounts[step + 1] = tree.callCounts[step] ?? 0;
}

/** A letter of `length` characters in 1k messages, the draft taken up again by the link (row 7 for the 6k one), then "check". */
async function measureLongCheck(tree: Tree, chat: number, letter: (typeof LONG_LETTERS)[number], keep: boolean): Promise<void> {
  await tree.bot.handleUpdate(tree.update(chat, "/start w_kagarlitsky-boris"));
  const messages = letter.length / 1_000;
  const chunk = `${"flagged" in letter ? FLAGGED : ""}${FIRST.repeat(2)}`.slice(0, Math.floor((letter.length - 2 * (messages - 1)) / messages)).trim();
  for (let index = 0; index < messages; index++) await tree.bot.handleUpdate(tree.update(chat, chunk));
  const resumed = () => tree.update(chat, "/start w_kagarlitsky-boris");
  if (letter.check === 9) await measure(tree, 8, resumed, keep);
  else await tree.bot.handleUpdate(resumed());
  await measureCheck(tree, chat, Array.from({ length: messages }, () => chunk).join("\n\n"), keep, letter.check);
}

/** A letter of `messages` 1k messages to Zeytullaev, checked and signed; the answer that chooses his organisers' route (row `step`); finished. */
async function measureOrganisersRoute(tree: Tree, chat: number, messages: number, keep: boolean, step: number): Promise<void> {
  await tree.bot.handleUpdate(tree.update(chat, `/start w_${RELAYED_PRISONER}`));
  for (let index = 0; index < messages; index++) await tree.bot.handleUpdate(tree.update(chat, FIRST));
  await tree.bot.handleUpdate(tree.update(chat, SECOND));
  await tree.bot.handleUpdate(tree.press(chat, "Done: check the letter"));
  await tree.bot.handleUpdate(tree.update(chat, "Оксана\nЛьвів"));
  await measure(tree, step, () => tree.press(chat, "No, only this letter"), keep);
  // Finished without the writer's name: the button is there only if the route was the organisers'.
  await tree.bot.handleUpdate(tree.press(chat, "No, only the signature"));
}

const quantile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * share)] ?? NaN;
const median = (values: number[]) => quantile(values, 0.5);
// The flagged letter's step allocates enough that a collection falls in about half of its runs, so its median jumps
// between runs for either checkout (0.8–2.2× on unchanged code): its rows give the lower quartile instead.
const FLAGGED_ROWS = new Set([13, 14]);

async function main(): Promise<void> {
  if (!baseline) throw new Error("--baseline <checkout> is required");
  const trees = [await openTree(resolve(baseline)), await openTree(process.cwd())];
  const bare = await bareGrammy();
  console.log(`flow-step-pair: ${trees[0]?.root} vs ${trees[1]?.root}, ${WRITERS} writers each, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`);
  let chatId = 700_000_000;
  for (let writer = 0; writer < WARM_UP + WRITERS; writer++) {
    for (const tree of writer % 2 ? [...trees].reverse() : trees) {
      const chat = ++chatId;
      const keep = writer >= WARM_UP;
      await measure(tree, 0, () => tree.update(chat, "/start w_kagarlitsky-boris"), keep);
      await measure(tree, 1, () => tree.update(chat, FIRST), keep);
      await measure(tree, 2, () => tree.update(chat, SECOND), keep);
      await measureCheck(tree, chat, `${FIRST.trim()}\n\n${SECOND}`, keep);
      await measure(tree, 5, () => tree.update(chat, "Оксана\nЛьвів"), keep);
      await measure(tree, 6, () => tree.press(chat, "No, only this letter"), keep);
      await measureOrganisersRoute(tree, ++chatId, 1, keep, ORGANISERS);
      if (LONG) for (const letter of LONG_LETTERS) await measureLongCheck(tree, ++chatId, letter, keep);
      if (LONG) await measureOrganisersRoute(tree, ++chatId, 11, keep, ORGANISERS_LONG);
    }
    const update = (trees[0] as Tree).update(++chatId, SECOND);
    const cpu = process.cpuUsage();
    await bare.bot.handleUpdate(update);
    const used = process.cpuUsage(cpu);
    if (writer >= WARM_UP) bare.cpu.push((used.user + used.system) / 1000);
  }
  const [base, current] = trees as [Tree, Tree];
  console.log(`\n${"CPU ms per step (medians; p25: lower quartile)".padEnd(40)}${"baseline".padStart(10)}${"this".padStart(10)}${"ratio".padStart(8)}   statements   Bot API calls`);
  STEPS.forEach((label, step) => {
    if (!LONG && step > ORGANISERS) return;
    const share = FLAGGED_ROWS.has(step) ? 0.25 : 0.5;
    const [before, after] = [quantile(base.cpu[step] ?? [], share), quantile(current.cpu[step] ?? [], share)];
    const counts = `${base.counts[step]} → ${current.counts[step]}`.padEnd(13);
    console.log(`${label.padEnd(40)}${before.toFixed(3).padStart(10)}${after.toFixed(3).padStart(10)}${`${(before / after).toFixed(2)}×`.padStart(8)}   ${counts}${base.callCounts[step]} → ${current.callCounts[step]}`);
  });
  const bareReply = median(bare.cpu);
  const perCall = (tree: Tree) => median(tree.cpu[ROUTE] ?? []) / (tree.callCounts[ROUTE] || NaN);
  const [before, after] = [perCall(base), perCall(current)];
  console.log(`${"route, CPU per Bot API call".padEnd(40)}${before.toFixed(3).padStart(10)}${after.toFixed(3).padStart(10)}${`${(before / after).toFixed(2)}×`.padStart(8)}`);
  console.log(`${"bare grammY's reply (one call)".padEnd(40)}${bareReply.toFixed(3).padStart(20)}   route per call: ${(before / bareReply).toFixed(1)}× → ${(after / bareReply).toFixed(1)}× bare`);
  console.log(`load average at end: ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
  for (const tree of trees) await tree.cleanup();
}

// Also a library: bench/route-step-split.ts opens this checkout the same way.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
