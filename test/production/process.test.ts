import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-path.js";
import { freePort, ProcessTestbed } from "../helpers/bot-process.js";
import { WebhookDelivery } from "./webhook-delivery.js";

const SECRET = "process-test-webhook-secret-0123456789";

// Real processes started with tsx, and the health check spawned twice: 10 s on a quiet machine, over 20 s on a busy one.
let bed: ProcessTestbed | undefined;

afterEach(async () => {
  await bed?.stop();
  bed = undefined;
});

/** The Docker HEALTHCHECK command, run as the image runs it. */
async function healthcheck(env: Record<string, string>): Promise<number | null> {
  const child = spawn(process.execPath, ["--import", "tsx", projectPath("src", "cli", "healthcheck.ts")], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: "ignore",
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("the real process (npm start) in production settings", () => {
  it("webhook mode: sets the webhook, serves health checks, answers updates and stops cleanly on SIGTERM", async () => {
    bed = await ProcessTestbed.start();
    const fake = bed.fake;
    const port = await freePort();
    const env = bed.env({
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://lysty.example.org/telegram",
      WEBHOOK_SECRET: SECRET,
      HOST: "127.0.0.1",
      PORT: String(port),
    });
    const webhookSet = fake.waitFor((call) => call.method === "setWebhook", { timeoutMs: 45_000 });
    const bot = bed.spawn(env);
    const started = bot;
    await webhookSet.catch((error: unknown) => {
      throw new Error(`the bot did not set its webhook; it printed:\n${started.output()}`, { cause: error });
    });
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await healthcheck({ BOT_MODE: "webhook", PORT: String(port) })).toBe(0);

    fake.addUser({ id: 601, first_name: "A", language_code: "en" });
    fake.injectMessage(601, 601, { text: "/start" });
    expect((await new WebhookDelivery(fake, `${base}/telegram`, SECRET).deliver()).map((item) => item.status)).toEqual([200]);
    expect(fake.lastMessage(601)?.text).toContain("Lysty helps you write");

    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
    // The webhook stays set for the other instances.
    expect(fake.webhook?.url).toBe("https://lysty.example.org/telegram");
    expect(await healthcheck({ BOT_MODE: "webhook", PORT: String(port) })).toBe(1);
    expect(bot.output()).not.toContain("/start");
  });

  it("polling mode: the health check passes on the heartbeat the runner keeps", async () => {
    bed = await ProcessTestbed.start();
    const databaseUrl = bed.env().DATABASE_URL as string;
    expect(await healthcheck({ DATABASE_URL: databaseUrl })).toBe(1);
    const bot = bed.spawn();
    const running = bot;
    const deadline = Date.now() + 45_000;
    // main.ts starts the heartbeat once the app is up, which it logs.
    while (!running.output().includes('"msg":"polling started"')) {
      if (Date.now() > deadline) throw new Error(`the bot did not start polling; it printed:\n${running.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await healthcheck({ DATABASE_URL: databaseUrl })).toBe(0);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  });
});
