/**
 * The fake Bot API alone (packages/fake-telegram): its CPU per call, with the client in another process. A replay of
 * what `bench:load`'s bot sends it: sendMessage with HTML and an inline keyboard, sendMessage with HTML only, and a
 * sendDocument multipart upload (14 : 14 : 2, the load bench's 2.8 messages and 0.2 uploads per update), to 1,000
 * private chats over 10 keep-alive connections. The fake runs in a child process (`--serve DIR`: that checkout's
 * fake); its CPU (user + system, from /proc) over a window of calls after a warm-up is the figure.
 *
 *   npm run bench:fake-telegram                         this checkout's fake, 3 rounds
 *   npm run bench:fake-telegram -- --baseline DIR       also DIR's fake, alternating round by round
 *   npm run bench:fake-telegram -- --calls 20000 --rounds 5
 *   npm run bench:fake-telegram -- --profile DIR        a CPU profile of this checkout's fake (its whole life) into DIR
 */
import { Buffer } from "node:buffer";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { FakeTelegram as ThisFakeTelegram } from "../packages/fake-telegram/src/index.js";
import { completeAnswer } from "./webhook-client.js";

const CHATS = 1000;
const CONNECTIONS = 10;
const TOKEN = "7000000001:AAFakeLystyTokenForTestsOnly0123456789";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index > 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

/** Child: the fake of checkout `dir`, its port on stdout, until stdin closes. */
async function serve(dir: string): Promise<void> {
  const { FakeTelegram } = (await import(pathToFileURL(resolve(dir, "packages/fake-telegram/src/index.ts")).href)) as { FakeTelegram: typeof ThisFakeTelegram };
  const fake = await FakeTelegram.start({ token: TOKEN, recordCalls: false });
  for (let id = 1; id <= CHATS; id++) fake.addUser({ id, first_name: `Writer ${id}`, language_code: "en" });
  process.stdout.write(`${new URL(fake.apiRoot).port}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => void fake.stop().then(() => process.exit(0)));
}

const LETTER_SCREEN =
  "<b>Лист до Бориса Кагарлицького</b>\n\nЗдравствуйте, Борис Юльевич! Пишу Вам из Гента. У нас весна, цветут каштаны. " +
  "Что Вы сейчас читаете? Желаю Вам здоровья.\n\n<i>Перевірка: 0 зауважень.</i> Напишіть ще або натисніть «Готово».";

function jsonCall(method: string, body: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(body));
  const head = `POST /bot${TOKEN}/${method} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\nConnection: keep-alive\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, "latin1"), json]);
}

function documentCall(chatId: number): Buffer {
  const boundary = "----lysty-bench-0123456789";
  const file = Buffer.from(`${LETTER_SCREEN.repeat(8)}\n`, "utf8");
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n${chatId}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\nЛист, готовий до друку\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="document"\r\n\r\nattach://file0\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file0"; filename=letter.txt\r\nContent-Type: text/plain\r\n\r\n`,
      "utf8",
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`, "latin1"),
  ]);
  const head = `POST /bot${TOKEN}/sendDocument HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, "latin1"), body]);
}

/** The n-th request of the replay: 14 with a keyboard, 14 without, 2 uploads in every 30. */
function request(n: number): Buffer {
  const chatId = 1 + (n % CHATS);
  const kind = n % 30;
  if (kind >= 28) return documentCall(chatId);
  const keyboard = {
    inline_keyboard: [
      [{ text: "Done: check the letter", callback_data: `lf:${n.toString(36)}:check` }],
      [{ text: "Cancel", callback_data: `lf:${n.toString(36)}:cancel` }],
    ],
  };
  return jsonCall("sendMessage", {
    chat_id: chatId,
    text: LETTER_SCREEN,
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...(kind < 14 ? { reply_markup: keyboard } : {}),
  });
}

/** One keep-alive connection sending requests one after another; resolves with how many answers were not 200. */
function drive(port: number, from: number, count: number, step: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const socket: Socket = connect(port, "127.0.0.1");
    socket.setNoDelay(true);
    socket.setEncoding("latin1");
    let received = "";
    let sent = 0;
    let failed = 0;
    const next = () => {
      if (sent === count) {
        socket.destroy();
        return resolvePromise(failed);
      }
      received = "";
      socket.write(request(from + sent * step));
      sent += 1;
    };
    socket.on("data", (chunk: string) => {
      received += chunk;
      const answer = completeAnswer(received);
      if (!answer) return;
      if (answer.status !== 200) failed += 1;
      next();
    });
    socket.on("error", reject);
    socket.on("connect", next);
  });
}

async function replay(port: number, calls: number, offset: number): Promise<number> {
  const share = Math.ceil(calls / CONNECTIONS);
  const failed = await Promise.all(Array.from({ length: CONNECTIONS }, (_, index) => drive(port, offset + index, share, CONNECTIONS)));
  return failed.reduce((sum, count) => sum + count, 0);
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1000;
}

async function startChild(dir: string, nodeFlags: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", resolve(import.meta.dirname, "fake-telegram.ts"), "--serve", dir], {
    cwd: resolve(import.meta.dirname, ".."),
    stdio: ["pipe", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout?.once("data", (chunk: Buffer) => resolvePort(Number(chunk.toString().trim())));
    child.once("exit", (code) => reject(new Error(`the fake of ${dir} exited with ${code}`)));
  });
  return { child, port };
}

async function measure(dir: string, calls: number, nodeFlags: string[]): Promise<{ microsPerCall: number; failed: number }> {
  const { child, port } = await startChild(dir, nodeFlags);
  await replay(port, 3000, 0);
  const before = cpuMs(child.pid as number);
  const failed = await replay(port, calls, 3000);
  const microsPerCall = ((cpuMs(child.pid as number) - before) * 1000) / calls;
  child.stdin?.end();
  await new Promise((resolveExit) => child.once("exit", resolveExit));
  return { microsPerCall, failed };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function main(): Promise<void> {
  const serveIndex = process.argv.indexOf("--serve");
  if (serveIndex > 0) return serve(process.argv[serveIndex + 1] ?? ".");
  const calls = option("calls", 15000);
  const rounds = option("rounds", 3);
  const baselineIndex = process.argv.indexOf("--baseline");
  const columns = [
    ...(baselineIndex > 0 ? [{ label: `baseline (${process.argv[baselineIndex + 1]})`, dir: resolve(process.argv[baselineIndex + 1] ?? ".") }] : []),
    { label: "this checkout", dir: resolve(import.meta.dirname, "..") },
  ];
  const profileIndex = process.argv.indexOf("--profile");
  const profileFlags = profileIndex > 0 ? ["--cpu-prof", `--cpu-prof-dir=${resolve(process.argv[profileIndex + 1] ?? ".")}`] : [];
  const load = () => loadavg().map((value) => value.toFixed(1)).join(" ");
  console.log(`load average at start: ${load()}`);
  const figures = new Map<string, number[]>(columns.map((column) => [column.label, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const column of columns) {
      const { microsPerCall, failed } = await measure(column.dir, calls, column.label === "this checkout" ? profileFlags : []);
      if (failed > 0) throw new Error(`${column.label}: ${failed} calls were not answered 200`);
      figures.get(column.label)?.push(microsPerCall);
      console.log(`round ${round}, ${column.label}: ${microsPerCall.toFixed(1)} µs CPU per call (load ${load()})`);
    }
  }
  console.log(`\nThe fake Bot API alone, ${calls} calls a round (sendMessage HTML with/without keyboard, sendDocument multipart; 14:14:2), ${CONNECTIONS} connections, client in another process; medians of ${rounds} rounds`);
  for (const column of columns) {
    const values = figures.get(column.label) ?? [];
    console.log(`${column.label.padEnd(40)} ${median(values).toFixed(1)} µs CPU per call  (${values.map((value) => value.toFixed(1)).join(", ")})`);
  }
  console.log(`load average at end: ${load()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
