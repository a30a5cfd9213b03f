import { afterEach, describe, expect, it } from "vitest";
import type { FakeTelegram } from "../../packages/fake-telegram/src/index.js";
import { type BotProcess, ProcessTestbed, spawnBot } from "../helpers/bot-process.js";

let bed: ProcessTestbed | undefined;

afterEach(async () => {
  await bed?.stop();
  bed = undefined;
});

async function startBot(): Promise<{ fake: FakeTelegram; bot: BotProcess }> {
  bed = await ProcessTestbed.start();
  return { fake: bed.fake, bot: await bed.startPolling() };
}

/**
 * The runner confirms a batch of updates before handling them, so "confirmed" says nothing about the reply: wait
 * for the bot's message to the chat instead (registered before the update exists, so it cannot be missed).
 */
async function replyTo(fake: FakeTelegram, chatId: number, inject: () => number): Promise<string> {
  const sent = fake.waitFor((call) => call.ok && call.method === "sendMessage" && Number(call.params.chat_id) === chatId, {
    timeoutMs: 10_000,
  });
  inject();
  await sent;
  return fake.messages(chatId).at(-1)?.text ?? "";
}

describe("the real process (npm start)", () => {
  it("exits with one clear line when BOT_TOKEN is missing", async () => {
    const process = spawnBot({ DATABASE_URL: "sqlite::memory:" });
    const code = await process.exited;
    expect(code).not.toBe(0);
    const lines = process.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("@BotFather");
  });

  it("answers /start by language_code, switches with /language, and stops cleanly on SIGTERM", async () => {
    const { fake, bot } = await startBot();
    fake.addUser({ id: 501, first_name: "A", language_code: "en" });
    fake.addUser({ id: 502, first_name: "B", language_code: "ru" });
    expect(await replyTo(fake, 501, () => fake.injectMessage(501, 501, { text: "/start" }))).toContain("Lysty helps");
    expect(await replyTo(fake, 502, () => fake.injectMessage(502, 502, { text: "/start" }))).toContain("«Листы» помогают");

    await replyTo(fake, 501, () => fake.injectMessage(501, 501, { text: "/language" }));
    const picker = fake.messages(501).at(-1)!;
    const reply = await replyTo(fake, 501, () => fake.pressButton(501, 501, picker.message_id, "Українська"));
    expect(reply).toContain("«Листи» допомагають");
    // The menus go out after the first getUpdates (nothing waits for them at start-up): wait for them to arrive.
    for (let waited = 0; waited < 10_000 && !fake.commands.some((list) => list.languageCode === "uk"); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(fake.commands.some((list) => list.languageCode === "uk")).toBe(true);

    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain("shutting down");
    // JSON logs from the real process carry no message text.
    expect(bot.output()).not.toContain("/language");
  });
});
