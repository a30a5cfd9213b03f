/**
 * One step of the letter flow, in process: the real bot (`createBot`, conversations stored in a real SQLite file,
 * migrations and the shipped directory) handles updates through `bot.handleUpdate`, and the Bot API is answered
 * in grammY's client `fetch` — the conversations plugin builds its own Api per context, so a transformer on
 * `bot.api` would miss the calls made inside a flow. Prints the median wall time and CPU time of a step:
 *
 *   - by its position in the flow: step 1 (/start w_<slug>), 10, 30 and 60 (the steps after the first two are
 *     100-character messages of the writing loop);
 *   - by the letter's length: the message that makes the letter 1,000, 6,000 and 12,000 characters long (1,000-
 *     character messages), and "Done: check the letter" on a letter of that length, beside the censorship check of
 *     the same text on its own and the step minus that check (medians of each writer's difference: what the step
 *     costs besides the check); the signature; the route step (the letter finished on FSIN-pismo), also per Bot API
 *     call it makes (each a message the writer sees, or the answer to the button); and, for a letter of the same
 *     length to someone whose campaign relays letters (Zeytullaev: the Crimean campaign, its organisers' group linked
 *     here, and the only route he has), the answer to "remember it?" that chooses the organisers' route (its advice,
 *     whether to offer a translation, the question whether to show the writer's name);
 *
 * next to two anchors measured in the same run, on the same versions: bare grammY (one handler that replies) and a
 * bare conversations v2 flow (one `wait` and one reply per step, state in memory) at the same positions.
 *
 *   npm run bench:flow-step              30 writers per figure
 *   npm run bench:flow-step -- --quick   8 writers per figure
 *   npm run bench:flow-step -- --quick --baseline /tmp/base --rounds 3
 *                                        runs the bench of another checkout (e.g. a `git worktree` of main with its
 *                                        own `npm ci`) and this one alternately, each in its own process, and prints
 *                                        both side by side: medians over the rounds of each run's medians
 *   npm run bench:flow-step -- --quick --profile flow.cpuprofile
 *                                        also writes a CPU profile of the measured Lysty steps only (open it in
 *                                        Chrome's DevTools or speedscope)
 *   npm run bench:flow-step -- --quick --profile route.json --profile-step route
 *                                        profiles only the "check", "route" or "organisers" steps (the profiler started and
 *                                        stopped around each, outside its timing): a JSON array of V8 profiles
 *
 * Measures only (issue 14, item 6); making the step fast is item 1.
 */
import { spawnSync } from "node:child_process";
import SQLite from "better-sqlite3";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type Conversation, type ConversationFlavor, conversations, createConversation } from "@grammyjs/conversations";
import { type ApiClientOptions, Bot, type Context } from "grammy";
import type { InlineKeyboardButton, Update, UserFromGetMe } from "grammy/types";
import { privateButtonPressUpdate, privateTextUpdate } from "../test/helpers/updates.js";
import { createBot } from "../src/bot/index.js";
import { systemClock } from "../src/clock.js";
import { parseConfig } from "../src/config.js";
import { openSqlite } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { linkCampaignChat } from "../src/db/repositories/campaign-chats.js";
import { seedDirectory } from "../src/db/repositories/directory-document.js";
import { checkLetter } from "../src/domain/censorship/index.js";
import { createLogger } from "../src/logger.js";

const quick = process.argv.includes("--quick");
const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const profileFile = option("--profile");
/** `--profile-step TEXT`: profile only the measured steps whose label contains TEXT (e.g. "check", "route", "organisers"). */
const profileStep = option("--profile-step");
const baseline = option("--baseline");
const rounds = Number(option("--rounds") ?? 1);
const WRITERS = quick ? 8 : 30;
const POSITIONS = [1, 10, 30, 60];
const LENGTHS = [1_000, 6_000, 12_000];
const TOKEN = "123456:bench-flow-step-token-0123456789";
/** Whose letter goes to the organisers, and the campaign whose chat the bench links for them. */
const RELAYED_PRISONER = "zeytullaev-ruslan";
const RELAYING_CAMPAIGN = "crimean-political-prisoners";
const organisersLabel = (length: number) => `Lysty, organisers' route on a ${length / 1000}k letter`;
const BOT_INFO: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: "Lysty",
  username: "lysty_bench_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

// ---------------------------------------------------------------- the Bot API, answered in process

/** Answers every call at once and keeps each chat's last inline keyboard, so a writer can press buttons by label. */
class StubTelegram {
  private messageId = 0;
  readonly keyboards = new Map<number, { messageId: number; buttons: InlineKeyboardButton[] }>();

  readonly fetch = (async (url: unknown, init?: { body?: unknown }) => {
    work.calls++;
    const method = String(url).split("/").pop() ?? "";
    const body = init?.body;
    // An upload (the letter's .txt file) is a multipart stream that grammY builds as it is read: read it, as the HTTP
    // client sending it would, so that building it is counted (left unread until 2026-12-07: the route step looked cheaper than it is).
    if (body !== null && typeof body === "object" && Symbol.asyncIterator in body) for await (const _chunk of body as AsyncIterable<unknown>);
    const params = typeof body === "string" ? (JSON.parse(body) as Record<string, unknown>) : {};
    return answerLikeTheClient(JSON.stringify({ ok: true, result: this.answer(method, params) }));
  }) as unknown as ApiClientOptions["fetch"];

  /** Whether the chat's last keyboard has a button whose label contains `label`. */
  offers(chatId: number, label: string): boolean {
    return this.keyboards.get(chatId)?.buttons.some((button) => button.text.includes(label)) ?? false;
  }

  private answer(method: string, params: Record<string, unknown>): unknown {
    if (!method.startsWith("send") && !method.startsWith("edit")) return true;
    const chatId = Number(params.chat_id);
    const messageId = method.startsWith("edit") && typeof params.message_id === "number" ? params.message_id : ++this.messageId;
    const markup = params.reply_markup as { inline_keyboard?: InlineKeyboardButton[][] } | undefined;
    if (markup?.inline_keyboard) this.keyboards.set(chatId, { messageId, buttons: markup.inline_keyboard.flat() });
    return { message_id: messageId, date: 0, chat: { id: chatId, type: "private", first_name: "W" }, text: String(params.text ?? "") };
  }
}

/**
 * What the bot's own Bot API client (src/telegram/bot-api-fetch.ts) hands grammY: the answer's text, parsed by `json()`,
 * the one thing grammY reads. Until 2026-12-07 the stub returned a WHATWG `Response`, whose streams cost about 0.06 ms
 * per call (bare grammY's reply: 0.086 ms with it, 0.027 ms without, same run) — a cost of the harness that the bot
 * never pays in production, charged to every call of every row.
 */
function answerLikeTheClient(text: string): { json(): Promise<unknown> } {
  return { json: () => Promise.resolve(JSON.parse(text) as unknown) };
}

// ---------------------------------------------------------------- updates, as Telegram would send them

const textUpdate = (chatId: number, text: string): Update => privateTextUpdate(chatId, text, { languageCode: "en", date: Math.floor(Date.now() / 1000) });

function pressUpdate(stub: StubTelegram, chatId: number, label: string): Update {
  const keyboard = stub.keyboards.get(chatId);
  const button = keyboard?.buttons.find((candidate) => candidate.text.includes(label));
  if (!keyboard || !button || !("callback_data" in button)) throw new Error(`no button "${label}" in chat ${chatId}`);
  return privateButtonPressUpdate(chatId, keyboard.messageId, button.callback_data);
}

// ---------------------------------------------------------------- timing

interface Sample {
  wallMs: number;
  cpuMs: number;
  /** SQLite statements run (begin and commit included) and Bot API calls made during the step. */
  statements: number;
  calls: number;
}

/** Work counted in this process: every SQLite statement run (better-sqlite3's, so any checkout's code is counted alike). */
const work = { statements: 0, calls: 0 };
const statementMethods = Object.getPrototypeOf(new SQLite(":memory:").prepare("select 1")) as Record<string, (...args: unknown[]) => unknown>;
for (const method of ["run", "get", "all", "iterate"]) {
  const original = statementMethods[method] as (...args: unknown[]) => unknown;
  statementMethods[method] = function (this: unknown, ...args: unknown[]) {
    work.statements++;
    return original.apply(this, args);
  };
}

async function timed(step: () => Promise<unknown>): Promise<Sample> {
  const [statements, calls] = [work.statements, work.calls];
  const cpu = process.cpuUsage();
  const started = performance.now();
  await step();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, statements: work.statements - statements, calls: work.calls - calls };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};

class Figures {
  private readonly samples = new Map<string, Sample[]>();

  add(label: string, sample: Sample): void {
    this.samples.set(label, [...(this.samples.get(label) ?? []), sample]);
  }

  row(label: string): string {
    const list = this.samples.get(label) ?? [];
    const cell = (value: number) => value.toFixed(3).padStart(10);
    const count = (value: number) => String(value).padStart(7);
    const figures = `${cell(median(list.map((s) => s.wallMs)))}${cell(median(list.map((s) => s.cpuMs)))}${String(list.length).padStart(6)}`;
    return `${label.padEnd(44)}${figures}${count(median(list.map((s) => s.statements)))}${count(median(list.map((s) => s.calls)))}`;
  }
}

// ---------------------------------------------------------------- Lysty's letter flow

async function lystyFlow(figures: Figures): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "lysty-flow-step-"));
  const file = join(dir, "bench.sqlite");
  const db = openSqlite(file);
  await migrateToLatest(db);
  await seedDirectory(db, { now: systemClock.now() });
  // The organisers of Zeytullaev's campaign (not Kagarlitsky's, whose only route stays FSIN-pismo) in a private group.
  await linkCampaignChat(db, { campaignSlug: RELAYING_CAMPAIGN, chatId: -1_001_234_567_890, chatType: "supergroup", title: "Bench organisers", locale: "en", linkedBy: 1, public: false, now: systemClock.now() });
  // The per-person flood limit is off: this measures the flow, not the limiter.
  const config = parseConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: "warn", RATE_LIMIT_PER_MINUTE: "0" });
  const stub = new StubTelegram();
  const { bot } = createBot({ config, db, logger: createLogger("warn"), clock: systemClock }, { botInfo: BOT_INFO, fetch: stub.fetch });
  await bot.init();
  let nextChat = 700_000_000;

  /** Opens the flow for a prisoner, whose first screen takes the letter's text at once; returns step 1's sample. */
  const open = async (chatId: number, slug = "kagarlitsky-boris"): Promise<Sample[]> => [await timed(() => bot.handleUpdate(textUpdate(chatId, `/start w_${slug}`)))];

  const byPosition = async () => {
    const chatId = ++nextChat;
    const samples = await open(chatId);
    for (let step = 2; step <= Math.max(...POSITIONS); step++) {
      const text = `Абзац ${step}: у нас сегодня тепло, в парке цветут каштаны, а я читаю книгу о путешествиях по Сибири.`;
      samples.push(await timed(() => bot.handleUpdate(textUpdate(chatId, text.slice(0, 100)))));
    }
    return samples;
  };

  /** A letter of `length` characters written, checked and signed (the finding's question answered, if any). */
  const writeAndSign = async (chatId: number, length: number) => {
    // n messages joined by blank lines make exactly `length` characters at most (the flow's limit is 12,000).
    const messages = length / 1_000;
    const chunk = "Пишу Вам снова. ".repeat(63).slice(0, Math.floor((length - 2 * (messages - 1)) / messages));
    let last: Sample | undefined;
    for (let index = 0; index < messages; index++) last = await timed(() => bot.handleUpdate(textUpdate(chatId, chunk)));
    const draft = await db.selectFrom("letters").select("text").where("writer_id", "=", chatId).executeTakeFirst();
    if ((draft?.text?.length ?? 0) < length * 0.99) throw new Error(`the draft has ${draft?.text?.length ?? 0} characters, not ${length}`);
    // The censorship check of the same text on its own, as the "check" step runs it (Kagarlitsky: Russia, sentenced),
    // so that the step's own cost beside the check shows: the step minus this row.
    const alone = await timed(async () => checkLetter(draft?.text ?? "", { system: "ru", status: "sentenced" }));
    const check = await profiled("check", () => timed(() => bot.handleUpdate(pressUpdate(stub, chatId, "Done: check the letter"))));
    // A finding that needs a yes comes before the signature (the bench's text has none; kept for other lexicons).
    if (stub.offers(chatId, "Keep it as it is")) {
      await bot.handleUpdate(pressUpdate(stub, chatId, "Keep it as it is"));
      if (stub.offers(chatId, "Yes, keep it as it is")) await bot.handleUpdate(pressUpdate(stub, chatId, "Yes, keep it as it is"));
    }
    // The signature typed (then "remember it?").
    const signature = await timed(() => bot.handleUpdate(textUpdate(chatId, "Оксана\nЛьвів")));
    return { last: last as Sample, alone, check, signature };
  };

  /** Whether the writer's letter is finished, on `route` when given. */
  const expectFinished = async (chatId: number, route?: string) => {
    const finished = await db.selectFrom("letters").select(["status", "route"]).where("writer_id", "=", chatId).executeTakeFirst();
    if (finished?.status === "draft" || (route !== undefined && finished?.route !== route)) {
      throw new Error(`the letter of chat ${chatId} was not finished${route ? ` on ${route}` : ""}`);
    }
  };

  const byLength = async (length: number) => {
    const chatId = ++nextChat;
    await open(chatId);
    const written = await writeAndSign(chatId, length);
    // The answer that finishes the letter: FSIN-pismo is this person's only route, so the route step is that answer
    // (bench:load's writers do the same).
    const route = await profiled("route", () => timed(() => bot.handleUpdate(pressUpdate(stub, chatId, "No, only this letter"))));
    await expectFinished(chatId);
    return { ...written, route };
  };

  /**
   * The organisers' route for a letter of `length`: Zeytullaev's only route, so the answer to "remember it?" chooses it
   * (its advice, whether to offer a translation, the question whether to show the writer's name); then finished.
   */
  const organisersRoute = async (length: number) => {
    const chatId = ++nextChat;
    await open(chatId, RELAYED_PRISONER);
    await writeAndSign(chatId, length);
    const chosen = await profiled("organisers", () => timed(() => bot.handleUpdate(pressUpdate(stub, chatId, "No, only this letter"))));
    await bot.handleUpdate(pressUpdate(stub, chatId, "No, only the signature"));
    await expectFinished(chatId, "organisers");
    return chosen;
  };

  // Warm-up: lexicon, starter catalog, search index, prepared statements.
  await byPosition();
  await byLength(1_000);
  await organisersRoute(1_000);
  const profiler = profileFile && !profileStep ? await startProfiler() : undefined;
  if (profileFile && profileStep) stepProfiler = await startStepProfiler(profileStep);
  for (let writer = 0; writer < WRITERS; writer++) {
    const samples = await byPosition();
    for (const position of POSITIONS) figures.add(`Lysty letter flow, step ${position}`, samples[position - 1] as Sample);
    for (const length of LENGTHS) {
      const { last, alone, check, signature, route } = await byLength(length);
      figures.add(`Lysty, message reaching ${length / 1000}k characters`, last);
      figures.add(`censorship check alone, ${length / 1000}k letter`, alone);
      figures.add(`Lysty, "check" on a ${length / 1000}k-character letter`, check);
      figures.add(`Lysty, signature on a ${length / 1000}k letter`, signature);
      figures.add(`Lysty, route (finish) on a ${length / 1000}k letter`, route);
      // The step's own cost beside the censorship check, and the route step's cost per message it sends.
      figures.add(`"check" ${length / 1000}k minus the check alone`, { ...check, wallMs: check.wallMs - alone.wallMs, cpuMs: check.cpuMs - alone.cpuMs });
      figures.add(`route ${length / 1000}k, per Bot API call`, { ...route, wallMs: route.wallMs / route.calls, cpuMs: route.cpuMs / route.calls });
      figures.add(organisersLabel(length), await organisersRoute(length));
    }
  }
  if (profiler && profileFile) await profiler.stop(profileFile);
  if (stepProfiler && profileFile) await stepProfiler.write(profileFile);
  return async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
}

/** `--profile-step`: the V8 profiler started and stopped around each measured step of that kind, its profiles kept. */
let stepProfiler: Awaited<ReturnType<typeof startStepProfiler>> | undefined;

async function startStepProfiler(kind: string): Promise<{ kind: string; profiles: unknown[]; session: Session; write(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 50 });
  const profiles: unknown[] = [];
  return {
    kind,
    profiles,
    session,
    async write(file) {
      writeFileSync(file, JSON.stringify(profiles));
      session.disconnect();
      console.log(`CPU profiles of ${profiles.length} "${kind}" steps written to ${file} (a JSON array of V8 profiles)`);
    },
  };
}

/** Runs a measured step, under the step profiler when `--profile-step` names its kind (the profiler outside the timing). */
async function profiled(kind: string, step: () => Promise<Sample>): Promise<Sample> {
  const profiler = stepProfiler;
  if (!profiler || !kind.includes(profiler.kind)) return step();
  await profiler.session.post("Profiler.start");
  const sample = await step();
  const { profile } = await profiler.session.post("Profiler.stop");
  profiler.profiles.push(profile);
  return sample;
}

/** The V8 profiler of this process, started around the measured Lysty steps only (not start-up nor the anchors). */
async function startProfiler(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  return {
    async stop(file) {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`CPU profile of the Lysty steps written to ${file}`);
    },
  };
}

// ---------------------------------------------------------------- anchors

async function bareGrammy(figures: Figures): Promise<void> {
  const stub = new StubTelegram();
  const bot = new Bot(TOKEN, { botInfo: BOT_INFO, client: { fetch: stub.fetch } });
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  await bot.init();
  for (let index = 0; index < 50; index++) await bot.handleUpdate(textUpdate(1, "warm-up"));
  for (let index = 0; index < WRITERS * 10; index++) {
    figures.add("bare grammY, one reply", await timed(() => bot.handleUpdate(textUpdate(1 + (index % WRITERS), "hello"))));
  }
}

type FlowContext = ConversationFlavor<Context>;

async function bareConversation(figures: Figures): Promise<void> {
  const stub = new StubTelegram();
  const bot = new Bot<FlowContext>(TOKEN, { botInfo: BOT_INFO, client: { fetch: stub.fetch } });
  bot.use(conversations());
  const steps = Math.max(...POSITIONS);
  bot.use(
    createConversation(async (conversation: Conversation<FlowContext, Context>, ctx: Context) => {
      await ctx.reply("started");
      for (let step = 2; step <= steps; step++) {
        const next = await conversation.waitFor("message:text");
        await next.reply(`step ${step}`);
      }
    }, "steps"),
  );
  bot.command("start", (ctx) => ctx.conversation.enter("steps"));
  await bot.init();
  const run = async (chatId: number) => {
    const samples = [await timed(() => bot.handleUpdate(textUpdate(chatId, "/start")))];
    for (let step = 2; step <= steps; step++) samples.push(await timed(() => bot.handleUpdate(textUpdate(chatId, `message ${step}`))));
    return samples;
  };
  await run(1);
  for (let writer = 0; writer < WRITERS; writer++) {
    const samples = await run(100 + writer);
    for (const position of POSITIONS) figures.add(`bare conversation (memory), step ${position}`, samples[position - 1] as Sample);
  }
}

// ---------------------------------------------------------------- report

async function main(): Promise<void> {
  const load = () => loadavg().map((value) => value.toFixed(1)).join(" ");
  console.log(`Lysty flow-step benchmark${quick ? " (--quick)" : ""}: ${WRITERS} writers per figure, Node ${process.version}`);
  console.log(`load average at start: ${load()}`);
  const figures = new Figures();
  await bareGrammy(figures);
  await bareConversation(figures);
  const cleanup = await lystyFlow(figures);
  await cleanup();

  console.log(`\n${"".padEnd(44)}${"wall ms".padStart(10)}${"CPU ms".padStart(10)}${"n".padStart(6)}${"stmts".padStart(7)}${"calls".padStart(7)}   (medians)`);
  console.log(figures.row("bare grammY, one reply"));
  for (const position of POSITIONS) console.log(figures.row(`bare conversation (memory), step ${position}`));
  for (const position of POSITIONS) console.log(figures.row(`Lysty letter flow, step ${position}`));
  for (const length of LENGTHS) console.log(figures.row(`Lysty, message reaching ${length / 1000}k characters`));
  for (const length of LENGTHS) console.log(figures.row(`censorship check alone, ${length / 1000}k letter`));
  for (const length of LENGTHS) console.log(figures.row(`Lysty, "check" on a ${length / 1000}k-character letter`));
  for (const length of LENGTHS) console.log(figures.row(`"check" ${length / 1000}k minus the check alone`));
  for (const length of LENGTHS) console.log(figures.row(`Lysty, signature on a ${length / 1000}k letter`));
  for (const length of LENGTHS) console.log(figures.row(`Lysty, route (finish) on a ${length / 1000}k letter`));
  for (const length of LENGTHS) console.log(figures.row(`route ${length / 1000}k, per Bot API call`));
  for (const length of LENGTHS) console.log(figures.row(organisersLabel(length)));
  console.log("\ngoal (issue 14): a Lysty step ≤ 0.5 ms, flat in the step's position and the letter's length");
  console.log(`load average at end: ${load()}`);
}

/** A row of one run: wall ms, CPU ms, statements, Bot API calls (medians per step). */
type Row = [number, number, number, number];

/** One run of a checkout's bench in a process of its own: its rows by label. */
function runBench(dir: string): Map<string, Row> {
  const args = ["--import", "tsx", "bench/flow-step.ts", ...(quick ? ["--quick"] : [])];
  const run = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`the bench in ${dir} failed: ${run.stderr}`);
  const rows = new Map<string, Row>();
  for (const line of run.stdout.split("\n")) {
    // A bench without the work columns (an older checkout's) gives NaN there.
    const match = /^(.{44})\s*([\d.]+)\s+([\d.]+)\s+\d+(?:\s+([\d.]+)\s+([\d.]+))?$/.exec(line);
    if (match) rows.set((match[1] ?? "").trim(), [Number(match[2]), Number(match[3]), Number(match[4] ?? NaN), Number(match[5] ?? NaN)]);
  }
  return rows;
}

/** `--baseline DIR`: that checkout's bench and this one, alternately, `--rounds` times; medians side by side. */
async function compareWithBaseline(dir: string): Promise<void> {
  const load = () => loadavg().map((value) => value.toFixed(1)).join(" ");
  console.log(`flow-step: baseline ${dir} vs this checkout, ${rounds} round(s)${quick ? " of --quick" : ""}, Node ${process.version}`);
  console.log(`load average at start: ${load()}`);
  const runs: { base: Map<string, Row>; self: Map<string, Row> }[] = [];
  for (let round = 0; round < rounds; round++) {
    const base = runBench(dir);
    const self = runBench(process.cwd());
    runs.push({ base, self });
    console.log(`round ${round + 1} done, load average ${load()}`);
  }
  const labels = [...(runs[0]?.self.keys() ?? [])];
  const cell = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : "—").padStart(12);
  const heading = ["wall base", "wall this", "CPU base", "CPU this", "CPU ratio"].map((title) => title.padStart(12)).join("");
  const counts = ["stmts", "calls"].map((title) => title.padStart(12)).join("");
  console.log(`\n${"ms per step (medians)".padEnd(44)}${heading}${counts}  (base → this)`);
  const of = (side: "base" | "self", label: string, column: 0 | 1 | 2 | 3) => median(runs.map((run) => run[side].get(label)?.[column] ?? NaN));
  const change = (column: 2 | 3, label: string) => {
    const [base, self] = [of("base", label, column), of("self", label, column)];
    return `${Number.isFinite(base) ? base : "—"} → ${self}`.padStart(12);
  };
  for (const label of labels) {
    const [baseCpu, selfCpu] = [of("base", label, 1), of("self", label, 1)];
    const cells = [of("base", label, 0), of("self", label, 0), baseCpu, selfCpu].map(cell).join("");
    console.log(`${label.padEnd(44)}${cells}${`${(baseCpu / selfCpu).toFixed(2)}×`.padStart(12)}${change(2, label)}${change(3, label)}`);
  }
  console.log(`load average at end: ${load()}`);
}

(baseline ? compareWithBaseline(baseline) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
