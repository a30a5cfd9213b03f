/**
 * One Bot API call through grammY's `Api` (issue 14), in process: the CPU a call costs on the bot's side before the
 * network, for this checkout and `--baseline DIR` (each checkout's own grammY, with its patches, and its own
 * transformers: auto-retry and retryNetworkFaults as `src/bot/index.ts` installs them) and bare grammY (the
 * baseline's, no transformers: the anchor stays put while this checkout changes), `fetch` answered at once as the
 * bot's client answers grammY. Kinds of call: a short
 * screen with a keyboard, the answer to a button, a 4,000-character page of a letter, the letter's .txt (12,000
 * characters) as a document. Rounds alternate between the trees; medians of the rounds.
 *
 *   npm run bench:api-call -- --baseline /tmp/base --rounds 9
 */
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type * as GrammyModule from "grammy";
import type { Api, ApiClientOptions, Transformer } from "grammy";

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const baseline = option("--baseline");
const rounds = Number(option("--rounds") ?? 9);
const CALLS = 4_000;

const answer = JSON.stringify({ ok: true, result: { message_id: 7, date: 0, chat: { id: 1, type: "private" }, text: "Лист" } });
/** What the bot's own client (src/telegram/bot-api-fetch.ts) hands grammY; an upload's stream is read to its end. */
const fetch = (async (_url: unknown, init?: { body?: unknown }) => {
  const body = init?.body;
  if (body !== null && typeof body === "object" && Symbol.asyncIterator in body) for await (const _chunk of body as AsyncIterable<unknown>);
  return { json: () => Promise.resolve(JSON.parse(answer) as unknown) };
}) as unknown as ApiClientOptions["fetch"];

type Grammy = typeof GrammyModule;

async function apiOf(root: string, transformers: boolean): Promise<{ api: Api; grammy: Grammy }> {
  const grammy = createRequire(join(root, "package.json"))("grammy") as Grammy;
  const api = new grammy.Api("123456:bench-api-call", { fetch });
  if (transformers) {
    const { autoRetry } = createRequire(join(root, "package.json"))("@grammyjs/auto-retry") as { autoRetry(options: object): Transformer };
    const { retryNetworkFaults } = (await import(pathToFileURL(join(root, "src/bot/retry-network-faults.ts")).href)) as { retryNetworkFaults(): Transformer };
    // As src/bot/index.ts installs them.
    api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true }));
    api.config.use(retryNetworkFaults());
  }
  return { api, grammy };
}

const keyboard = { inline_keyboard: [[{ text: "✍️ Написати ще один лист", callback_data: "lf:abc123:more" }], [{ text: "📬 Мої листи", callback_data: "lf:abc123:list" }]] };
const page = "Пишу Вам снова. ".repeat(250);
const file = Buffer.from("Кому: Кагарлицкий Борис Юльевич\n\n" + "Пишу Вам снова. ".repeat(750), "utf8");
const KINDS: Record<string, (api: Api, grammy: Grammy) => Promise<unknown>> = {
  "a screen with a keyboard (sendMessage)": (api) => api.sendMessage(1, "Збережено. Ваш лист: 1 000 символів · 150 слів", { parse_mode: "HTML", reply_markup: keyboard }),
  "the answer to a button": (api) => api.answerCallbackQuery("123"),
  "a 4,000-character page of a letter": (api) => api.sendMessage(1, page),
  "the letter's .txt, 12k (sendDocument)": (api, grammy) => api.sendDocument(1, new grammy.InputFile(file, "letter-L-2612-7K3Q.txt"), { caption: "Лист L-2612-7K3Q" }),
};

async function perCall(tree: { api: Api; grammy: Grammy }, call: (api: Api, grammy: Grammy) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < CALLS / 4; i++) await call(tree.api, tree.grammy);
  const cpu = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await call(tree.api, tree.grammy);
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / CALLS;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

if (!baseline) throw new Error("--baseline <checkout> is required (a worktree with its own node_modules)");
const trees = { bare: await apiOf(resolve(baseline), false), baseline: await apiOf(resolve(baseline), true), this: await apiOf(process.cwd(), true) };
console.log(`api-call: ${CALLS} calls a round, ${rounds} rounds, baseline ${baseline}; load average ${loadavg().map((v) => v.toFixed(1)).join(" ")}`);
const samples = new Map<string, number[]>();
for (let round = 0; round < rounds; round++) {
  for (const [kind, call] of Object.entries(KINDS)) {
    const order = round % 2 ? (["this", "baseline", "bare"] as const) : (["bare", "baseline", "this"] as const);
    for (const name of order) samples.set(`${kind}\u0000${name}`, [...(samples.get(`${kind}\u0000${name}`) ?? []), await perCall(trees[name], call)]);
  }
}
console.log(`\n${"CPU µs per call (medians)".padEnd(42)}${"bare".padStart(8)}${"baseline".padStart(10)}${"this".padStart(8)}${"ratio".padStart(8)}   this ÷ bare`);
for (const kind of Object.keys(KINDS)) {
  const [bare, before, after] = (["bare", "baseline", "this"] as const).map((name) => median(samples.get(`${kind}\u0000${name}`) ?? []));
  console.log(`${kind.padEnd(42)}${bare!.toFixed(1).padStart(8)}${before!.toFixed(1).padStart(10)}${after!.toFixed(1).padStart(8)}${`${(before! / after!).toFixed(2)}×`.padStart(8)}   ${(after! / bare!).toFixed(2)}×`);
}
console.log(`load average at end ${loadavg().map((v) => v.toFixed(1)).join(" ")}`);
