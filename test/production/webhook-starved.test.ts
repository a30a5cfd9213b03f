import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../../packages/fake-telegram/src/index.js";
import { type BotProcess, freePort, spawnBot } from "../helpers/bot-process.js";
import { Harness } from "../helpers/harness.js";
import { postRaw, retryUntilOk, sendsTo, WebhookDelivery } from "./webhook-delivery.js";

/**
 * Issue 14, item 5: an update whose handling outlives the webhook's answer time is neither lost nor handled twice.
 * The bot is stalled by holding its reply in the fake Bot API behind a gate the test opens (no waiting on time); the
 * answer time is made small so that "outlives" is reached at once.
 */
const SECRET = "lysty-starved-webhook-secret-0123456789";
const WEBHOOK_URL = "https://lysty.example.org/telegram/updates";
const CHAT = 9201;

function gate(): { opened: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Resolves once the bot's reply reached the fake Bot API and is held there behind the gate. */
async function replyHeld(harness: Harness): Promise<void> {
  while (harness.fake.faults.pending().length > 0) await new Promise((resolve) => setImmediate(resolve));
}

describe("webhook, handling slower than the answer time", () => {
  let h: Harness | undefined;
  let openGate: (() => void) | undefined;
  afterEach(async () => {
    // A test that failed with the reply still held would otherwise keep the shutdown waiting for it.
    openGate?.();
    await h?.stop();
    h = openGate = undefined;
  });

  /** The bot in webhook mode answering within `answerMs`, and a /help whose reply Telegram holds until the gate opens. */
  async function stalledHelp(answerMs: string) {
    const harness = await Harness.start({
      env: { BOT_MODE: "webhook", WEBHOOK_URL, WEBHOOK_SECRET: SECRET, HOST: "127.0.0.1", PORT: "0", WEBHOOK_ANSWER_TIMEOUT_MS: answerMs },
    });
    h = harness;
    const telegram = new WebhookDelivery(harness.fake, `http://127.0.0.1:${harness.running.httpPort}/telegram/updates`, SECRET);
    harness.fake.addUser({ id: CHAT, first_name: "W", language_code: "en" });
    const reply = gate();
    openGate = reply.open;
    harness.fake.faults.add({ method: "sendMessage", chatId: CHAT, kind: "slow", until: reply.opened });
    harness.fake.injectMessage(CHAT, CHAT, { text: "/help" });
    const [update] = await harness.fake.takeUpdates();
    if (!update) throw new Error("no update queued");
    return { harness, telegram, reply, update };
  }

  it("answers 503 until the update is handled, joins Telegram's retries to the one handling, and handles it once", async () => {
    const { harness, telegram, reply, update } = await stalledHelp("50");

    // Not handled in time: a non-2xx, so Telegram delivers it again instead of forgetting it.
    expect((await telegram.post(update)).status).toBe(503);
    await replyHeld(harness);
    // Telegram's retry while the first handling is still stalled: it waits for that one, it does not start another.
    expect((await telegram.post(update)).status).toBe(503);
    expect(harness.fake.messages(CHAT)).toHaveLength(0);

    reply.open();
    // Telegram's next retries join the handling (503 while it still runs) until it has finished: 200, and it stops.
    await retryUntilOk(() => telegram.post(update));
    expect((await telegram.post(update)).status).toBe(200);
    expect(harness.fake.messages(CHAT).map((message) => message.text ?? "")).toEqual([expect.stringContaining("How Lysty works")]);
    expect(sendsTo(harness.fake, CHAT)).toBe(1);
    expect(harness.logs.join("\n")).toContain("not handled within the answer time");
  });

  it("remembers an update answered late and then handled across a restart: Telegram's retry is not handled again", async () => {
    const { harness, telegram, reply, update } = await stalledHelp("50");
    expect((await telegram.post(update)).status).toBe(503);
    reply.open();
    // The process stops (a deploy) after the update was handled but before Telegram delivered it again.
    await harness.restart();
    expect(harness.fake.messages(CHAT)).toHaveLength(1);
    const restarted = new WebhookDelivery(harness.fake, `http://127.0.0.1:${harness.running.httpPort}/telegram/updates`, SECRET);
    expect((await restarted.post(update)).status).toBe(200);
    expect(sendsTo(harness.fake, CHAT)).toBe(1);
  });

  it("answers 200 to a retry that arrives while the update is handled and finishes within the answer time", async () => {
    const { harness, telegram, reply, update } = await stalledHelp("60000");
    const first = telegram.post(update);
    await replyHeld(harness);
    // Both connections are open at once (Telegram thought the first was lost); the gate opens with both waiting.
    const second = telegram.post(update);
    reply.open();
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
    expect(sendsTo(harness.fake, CHAT)).toBe(1);
  });
});

describe("webhook, process killed mid-update", () => {
  let fake: FakeTelegram | undefined;
  let bot: BotProcess | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    bot?.child.kill("SIGKILL");
    await bot?.exited;
    await fake?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    bot = fake = dir = undefined;
  });

  async function start(env: Record<string, string>): Promise<{ process: BotProcess; url: string }> {
    const port = await freePort();
    const started = spawnBot({ ...env, PORT: String(port) });
    const webhooksBefore = fake!.calls.filter((call) => call.method === "setWebhook").length;
    await fake!
      .waitFor((call) => call.method === "setWebhook" && fake!.calls.filter((c) => c.method === "setWebhook").length > webhooksBefore, {
        timeoutMs: 45_000,
      })
      .catch((error: unknown) => {
        throw new Error(`the bot did not set its webhook; it printed:\n${started.output()}`, { cause: error });
      });
    return { process: started, url: `http://127.0.0.1:${port}/telegram/updates` };
  }

  const post = (url: string, update: Update) => postRaw(url, JSON.stringify(update), { "x-telegram-bot-api-secret-token": SECRET });

  it("Telegram's retry after a SIGKILL mid-handling is handled, once, by the next process", async () => {
    fake = await FakeTelegram.start();
    dir = mkdtempSync(join(tmpdir(), "lysty-webhook-kill-"));
    const env = {
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      DATABASE_URL: `sqlite:${join(dir, "bot.sqlite")}`,
      LOG_LEVEL: "warn",
      BOT_MODE: "webhook",
      WEBHOOK_URL,
      WEBHOOK_SECRET: SECRET,
      HOST: "127.0.0.1",
      WEBHOOK_ANSWER_TIMEOUT_MS: "200",
    };
    const first = await start(env);
    bot = first.process;
    fake.addUser({ id: CHAT, first_name: "W", language_code: "en" });
    // The reply is held and never released: the process dies before it takes effect.
    fake.faults.add({ method: "sendMessage", chatId: CHAT, kind: "slow", until: new Promise(() => undefined) });
    fake.injectMessage(CHAT, CHAT, { text: "/help" });
    const [update] = await fake.takeUpdates();
    expect((await post(first.url, update!)).status).toBe(503);

    bot.child.kill("SIGKILL");
    await bot.exited;
    const second = await start(env);
    bot = second.process;
    // A fresh process may need more than 200 ms for its first update: Telegram retries until it is answered 200.
    await retryUntilOk(() => post(second.url, update!));
    expect(fake.messages(CHAT).map((message) => message.text ?? "")).toEqual([expect.stringContaining("How Lysty works")]);
    expect((await post(second.url, update!)).status).toBe(200);
    expect(fake.messages(CHAT)).toHaveLength(1);
  });
});
