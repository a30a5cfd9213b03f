import { Bot } from "grammy";
import { describe, expect, it } from "vitest";
import { FakeTelegram } from "../../fake-telegram/index.js";

const OLENA = 1001;

/** Sockets, servers and timers: what keeps a test process alive after it should have ended. */
function liveHandles(): string[] {
  return process
    .getActiveResourcesInfo()
    .filter((kind) => kind === "TCPSocketWrap" || kind === "TCPServerWrap" || kind === "Timeout")
    .sort();
}

/** Closed sockets leave the handle list on a later tick, so give them a moment before judging. */
async function handlesAfterSettling(expected: string[]): Promise<string[]> {
  const deadline = Date.now() + 2000;
  let handles = liveHandles();
  while (JSON.stringify(handles) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    handles = liveHandles();
  }
  return handles;
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

    expect(await handlesAfterSettling(before)).toEqual(before);
    expect(fake.calls.filter((call) => call.method === "getUpdates" && !call.ok)).toEqual([]);
  });
});
