import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { enqueue } from "../../src/outbox/index.js";
import { startTestbed, textItem, type Testbed } from "./testbed.js";

let bed: Testbed;
afterEach(async () => bed?.close());

describe("outbox worker: the shared send deadline", () => {
  it("carries no abort listener once its sends are over (its listener limit is off because calls in flight share it)", async () => {
    bed = await startTestbed();
    const signals = new Set<AbortSignal>();
    bed.api.config.use((prev, method, payload, signal) => {
      if (signal) signals.add(signal as AbortSignal);
      return prev(method, payload, signal);
    });
    const chats = bed.addUsers(40);
    await enqueue(bed.database.db, chats.map((chat, index) => textItem(chat, `news:${index}`, `news ${index}`, "news")), { now: bed.clock.now() });
    const worker = bed.worker({ news: {} }, { concurrency: 8 });
    while ((await worker.runOnce()).claimed > 0);
    expect(bed.fake.messages(chats[39]!)).toHaveLength(1);
    expect(signals.size).toBeGreaterThan(0);
    for (const signal of signals) expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });
});
