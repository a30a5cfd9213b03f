import { createServer, type Server, type Socket } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, COMPILE_TIMEOUT_MS, ensureCompiled, freePort, ProcessTestbed, waitForOutput } from "../helpers/bot-process.js";

// Each test starts a real process: the compiled bot, as `npm start` runs it (compiled once per run when the sources
// changed, here before the first test), which starts in about a second where tsx takes several.
let bed: ProcessTestbed | undefined;
let silent: SilentServer | undefined;

beforeAll(() => ensureCompiled(), COMPILE_TIMEOUT_MS);

afterEach(async () => {
  await bed?.stop();
  await silent?.close();
  bed = silent = undefined;
});

/** A "Telegram" that accepts connections and never answers, as a black-holed network looks from inside. */
interface SilentServer {
  apiRoot: string;
  connected: Promise<void>;
  close(): Promise<void>;
}

async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  let connected: () => void = () => undefined;
  const firstConnection = new Promise<void>((resolve) => (connected = resolve));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    connected();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    connected: firstConnection,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A testbed for the compiled bot, with the fake Bot API when `fake` (else the test says where Telegram is). */
async function testbed(fake: boolean): Promise<ProcessTestbed> {
  bed = await ProcessTestbed.start({ fake, runtime: "compiled" });
  return bed;
}

/** The bot, with Telegram at `apiRoot` (nothing listening, or a server that never answers). */
async function spawnWithTelegramAt(apiRoot: string): Promise<BotProcess> {
  const bed = await testbed(false);
  return bed.spawn(bed.env({ BOT_TOKEN: "123456:startup-test-token-0123456789", TELEGRAM_API_ROOT: apiRoot }));
}

/**
 * `docker stop` while the container cannot reach Telegram: the process must end on SIGTERM (exit 0) instead of being
 * killed after the grace period. How fast is bounded in main.ts (1.5 s at most for a step that cannot be cancelled);
 * the tests assert the exit and its code, not a wall-clock time.
 */
describe("signals during start-up", () => {
  it("says it cannot reach Telegram (with the API root, never the token) while connections are refused, and exits 0 on SIGTERM", async () => {
    const apiRoot = `http://127.0.0.1:${await freePort()}`;
    const bot = await spawnWithTelegramAt(apiRoot);
    await waitForOutput(bot, `"msg":"waiting for Telegram: cannot reach ${apiRoot}"`);
    expect(bot.output()).toContain('"waiting_for":"Telegram"');
    expect(bot.output()).toContain(`"api_root":"${apiRoot}"`);
    expect(bot.output()).not.toContain("startup-test-token");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('"msg":"stopping during start-up"');
    expect(bot.output()).toContain('"msg":"stopped"');
  });

  it("exits 0 on SIGTERM while its call to Telegram hangs unanswered", async () => {
    silent = await startSilentServer();
    const bot = await spawnWithTelegramAt(silent.apiRoot);
    await silent.connected;
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('"msg":"stopping during start-up"');
  });

  it("exits 0 on SIGINT too (Ctrl-C in a terminal)", async () => {
    const bot = await spawnWithTelegramAt(`http://127.0.0.1:${await freePort()}`);
    await waitForOutput(bot, '"msg":"waiting for Telegram: cannot reach');
    bot.child.kill("SIGINT");
    expect(await bot.exited).toBe(0);
  });

  it("a wrong token is not waited for: the start fails at once with exit 1 and one line saying Telegram rejected it", async () => {
    const bed = await testbed(true);
    const bot = bed.spawn(bed.env({ BOT_TOKEN: "999:not-the-fake-token-0123456789" }));
    expect(await bot.exited).toBe(1);
    expect(bot.output()).not.toContain("waiting for Telegram");
    const said = bot.output().split("\n").filter((line) => line.includes("Telegram rejected BOT_TOKEN"));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Telegram rejected BOT_TOKEN \(http:\/\/127\.0\.0\.1:\d+ answered getMe with 401 /);
    expect(bot.output()).not.toContain("not-the-fake-token");
  });
});

describe("shutdown", () => {
  it("does not wait on an unanswering Telegram to confirm the last update: exits 0 well before its 25 s limit", async () => {
    const bed = await testbed(true);
    const fake = bed.fake;
    const bot = bed.spawn();
    await waitForOutput(bot, '"msg":"polling started"');
    fake.addUser({ id: 701, first_name: "A", language_code: "en" });
    fake.injectMessage(701, 701, { text: "/start" });
    await fake.waitFor((call) => call.method === "sendMessage", { timeoutMs: 45_000 });
    // From now on Telegram holds every getUpdates for a minute, the confirming one included.
    fake.faults.add({ method: "getUpdates", kind: "slow", delayMs: 60_000, times: Infinity });
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain("could not confirm the last update");
    expect(bot.output()).toContain('"msg":"stopped"');
  });
});
