import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";

let h: Harness;
afterEach(async () => h?.stop());

/**
 * Waits for each update (the harness keeps one waiter per update, so this is the only wait on them) and records the
 * order in which their handling ended.
 */
function completionOrder(harness: Harness, labelled: Array<[string, number]>) {
  const order: string[] = [];
  const each = new Map(labelled.map(([label, id]) => [label, harness.handled(id, 30_000).then(() => void order.push(label))]));
  return { order, each, all: Promise.all(each.values()) };
}

describe("long polling with the runner", () => {
  it("answers another user's /start while one user floods 200 messages, and tells the flooder to slow down once", async () => {
    h = await Harness.start();
    // On Postgres the limit is counted per clock minute (one window shared by every instance): start the flood at the
    // beginning of a minute, so it cannot straddle two windows and be allowed the limit twice.
    h.clock.set(new Date(Math.ceil((h.clock.now().getTime() + 1) / 60_000) * 60_000));
    const flooder = h.user({ languageCode: "en" });
    const other = h.user({ languageCode: "en" });
    // The flooder's first update (a data export, sent as a document) hangs at Telegram: every later update of that
    // chat waits behind it. The "slow down" notice is a sendMessage, so it cannot take the fault instead.
    h.fake.faults.add({ method: "sendDocument", chatId: flooder.chatId, kind: "slow", delayMs: 2_000 });

    const flood = Array.from({ length: 200 }, (_, i) =>
      h.fake.injectMessage(flooder.id, flooder.chatId, { text: i === 0 ? "/mydata" : `flood ${i}` }),
    );
    const start = h.fake.injectMessage(other.id, other.chatId, { text: "/start" });
    const { order, each, all } = completionOrder(h, [...flood.map((id, i): [string, number] => [`flood-${i}`, id]), ["other", start]]);

    await each.get("other");
    expect(other.lastText()).toContain("Lysty helps you write");
    // Handled while the flooder's first update still waits for Telegram: not queued behind the flood.
    expect(order).not.toContain("flood-0");

    await all;
    const limit = h.config.rateLimitPerMinute;
    const slowDown = flooder.messages.filter((message) => message.text?.includes("too fast"));
    expect(slowDown).toHaveLength(1);
    // Replies only to the updates within the limit (the export is a document), plus the one warning.
    expect(h.fake.documents(flooder.chatId)).toHaveLength(1);
    expect(flooder.messages.length).toBe(limit + 1);
    expect(h.logs.filter((line) => line.includes("rate limit reached"))).toHaveLength(1);
  });

  it("keeps one chat's updates in order even when the first reply is slow", async () => {
    h = await Harness.start();
    const user = h.user({ languageCode: "en" });
    h.fake.faults.add({ method: "sendMessage", chatId: user.chatId, kind: "slow", delayMs: 700 });
    const ids = ["/help", "/cancel", "/language"].map((text) => h.fake.injectMessage(user.id, user.chatId, { text }));
    await Promise.all(ids.map((id) => h.handled(id)));
    const texts = user.messages.map((message) => message.text ?? "");
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain("How Lysty works");
    expect(texts[1]).toContain("nothing to cancel");
    expect(texts[2]).toContain("Choose the interface language");
  });

  it("says slow down in the person's language", async () => {
    h = await Harness.start({ env: { RATE_LIMIT_PER_MINUTE: "2" } });
    const user = h.user({ languageCode: "uk" });
    for (let i = 0; i < 4; i++) await user.send("/help");
    const texts = user.messages.map((message) => message.text ?? "");
    expect(texts.filter((text) => text.includes("надто швидко"))).toHaveLength(1);
    expect(texts).toHaveLength(3);
  });
});
