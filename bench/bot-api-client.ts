/**
 * The bot's Bot API client alone (issue 14): CPU of this process per `sendMessage` through grammY's `Api` with Lysty's
 * transformers (auto-retry, retryNetworkFaults), the agent from `createTelegramAgent` and `botApiClientFetch`, against
 * a `node:http` server in another process that answers like Telegram (its CPU is not counted). 20 calls at once, as
 * a loaded bot has them; the payload is a screen's HTML text with a keyboard. Rounds alternate between this checkout
 * and `--baseline DIR` (that checkout's `src/` and `node_modules`, imported into this same process, so both clients
 * run on one warm V8); medians of the rounds. With `--upload`, `sendDocument` of a 6 KB file instead.
 *
 *   npm run bench:bot-api-client -- --baseline /tmp/base --rounds 9
 */
import { fork } from "node:child_process";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const baseline = option("--baseline");
const rounds = Number(option("--rounds") ?? 9);
const CALLS = Number(option("--calls") ?? 4_000);
const upload = process.argv.includes("--upload");
const AT_ONCE = 20;

if (process.argv[2] === "--serve") {
  const { createServer } = await import("node:http");
  const body = JSON.stringify({ ok: true, result: { message_id: 7, date: 0, chat: { id: 1, type: "private" }, text: "Лист" } });
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body));
  });
  server.listen(0, "127.0.0.1", () => process.send?.((server.address() as { port: number }).port));
} else {
  // Its own stdout closed: a failure here must not leave a pipe held open by the server.
  const server = fork(new URL(import.meta.url).pathname, ["--serve"], { execArgv: process.execArgv, stdio: ["ignore", "ignore", "inherit", "ipc"] });
  process.once("exit", () => server.kill());
  const port = await new Promise<number>((done) => server.once("message", (message) => done(message as number)));
  const root = `http://127.0.0.1:${port}`;

  /** grammY's Api as the bot builds it, from one checkout's modules. */
  async function clientOf(dir: string) {
    const load = (path: string) => import(pathToFileURL(resolve(dir, path)).href);
    const { Api, InputFile } = await load("node_modules/grammy/out/mod.js");
    const { autoRetry } = await load("node_modules/@grammyjs/auto-retry/out/mod.js");
    const { botApiClientFetch } = await load("src/telegram/bot-api-fetch.ts");
    const { createTelegramAgent } = await load("src/telegram/http-agent.ts");
    const { retryNetworkFaults } = await load("src/bot/retry-network-faults.ts");
    const api = new Api("123:abc", { apiRoot: root, fetch: botApiClientFetch, baseFetchConfig: { agent: createTelegramAgent(root) } });
    api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true }));
    api.config.use(retryNetworkFaults());
    const text = "<b>Лист</b> до політв'язня: ".repeat(12);
    const file = Buffer.from("Лист ".repeat(1_000));
    return upload
      ? () => api.sendDocument(1, new InputFile(file, "letter.txt"))
      : () => api.sendMessage(1, text, { parse_mode: "HTML", reply_markup: { inline_keyboard: [[{ text: "Далі", callback_data: "l:1:next" }]] } });
  }

  async function round(call: () => Promise<unknown>): Promise<number> {
    let next = 0;
    const start = process.cpuUsage();
    await Promise.all(
      Array.from({ length: AT_ONCE }, async () => {
        while (next++ < CALLS) await call();
      }),
    );
    const used = process.cpuUsage(start);
    return (used.user + used.system) / CALLS;
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;
  const variants: Array<[string, () => Promise<unknown>]> = [["this", await clientOf(process.cwd())]];
  if (baseline) variants.unshift(["baseline", await clientOf(baseline)]);
  const figures = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  console.log(`bot-api-client: ${upload ? "sendDocument (6 KB)" : "sendMessage"}, ${CALLS} calls a round, ${AT_ONCE} at once, ${rounds} rounds; load average ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
  for (const [, call] of variants) await round(call); // warm-up
  for (let index = 0; index < rounds; index++) {
    for (const [name, call] of index % 2 ? [...variants].reverse() : variants) figures.get(name)?.push(await round(call));
  }
  for (const [name, values] of figures) console.log(`${name.padEnd(9)} client CPU per call, median ${median(values).toFixed(1)} µs (rounds: ${values.map((value) => value.toFixed(0)).join(", ")})`);
  if (baseline) console.log(`ratio baseline ÷ this: ${(median(figures.get("baseline") ?? []) / median(figures.get("this") ?? [])).toFixed(2)}×`);
  console.log(`load average at end ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
  server.kill();
}
