import { Bot } from "grammy";
import { describe, expect, it } from "vitest";
import { FakeTelegram } from "../src/index.js";

const OLENA = 1001;

/** Sockets, servers and timers: what keeps a test process alive after it should have ended. */
function liveHandles(): string[] {
  return process
    .getActiveResourcesInfo()
    .filter((kind) => kind === "TCPSocketWrap" || kind === "TCPServerWrap" || kind === "Timeout")
    .sort();
}

/** Handles of each kind beyond what `before` had; empty when nothing was left behind. */
function leftBehind(before: string[], now: string[]): string[] {
  const remaining = [...before];
  return now.filter((kind) => {
    const index = remaining.indexOf(kind);
    if (index === -1) return true;
    remaining.splice(index, 1);
    return false;
  });
}

/**
 * Closed sockets leave the handle list on a later tick, so give them a moment before judging. Handles other code in
 * this worker had open before the test may close meanwhile; only new ones count.
 */
async function handlesLeftAfterSettling(before: string[]): Promise<string[]> {
  const deadline = Date.now() + 2000;
  let extra = leftBehind(before, liveHandles());
  while (extra.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    extra = leftBehind(before, liveHandles());
  }
  return extra;
}

describe("shutting down", () => {
  it("leaves no open handles once a polling bot and the fake are stopped", async () => {
    const before = liveHandles();
    const fake = await FakeTelegram.start();
    fake.addUser({ id: OLENA, first_name: "Олена" });
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bot.on("message:text", (ctx) => ctx.reply(`Отримано: ${ctx.message.text}`));
    await new Promise<void>((resolve) => void bot.start({ onStart: () => resolve() }));

    await fake.updateConfirmed(fake.injectMessage(OLENA, OLENA, { text: "привіт" }));
    expect(fake.lastMessage(OLENA)?.text).toBe("Отримано: привіт");
    expect(liveHandles().length).toBeGreaterThan(before.length);

    await bot.stop();
    await fake.stop();

    expect(await handlesLeftAfterSettling(before)).toEqual([]);
    expect(fake.calls.filter((call) => call.method === "getUpdates" && !call.ok)).toEqual([]);
  });
});
