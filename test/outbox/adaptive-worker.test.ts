import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { enqueue, NO_RATE_LIMITS } from "../../src/outbox/index.js";
import { startTestbed, textItem, type Testbed } from "./testbed.js";

let bed: Testbed;
afterEach(async () => bed?.close());

/** How the stub Bot API answers one chat: at once, with a 429, or `delayMs` of the test clock's time later. */
type Answer = { ok: true; delayMs?: number } | { ok: false; delayMs?: number };

/**
 * A Bot API on the test clock: each chat's sendMessage is answered as `answers` says, and every call's clock time is
 * recorded. The worker's waits are on the same clock, which `runTimersDuring` moves when the process is idle.
 */
function stubApi(answers: Map<number, Answer>): { api: Api; calledAt: Map<number, number>; answeredAt: Map<number, number> } {
  const calledAt = new Map<number, number>();
  const answeredAt = new Map<number, number>();
  const fetch = async (_url: unknown, init?: { body?: unknown }) => {
    const { chat_id: chatId } = JSON.parse(String(init?.body)) as { chat_id: number };
    calledAt.set(chatId, bed.clock.now().getTime());
    const answer = answers.get(chatId) ?? { ok: true };
    if (answer.delayMs) await new Promise<void>((resolve) => bed.clock.timeout(answer.delayMs ?? 0, resolve));
    answeredAt.set(chatId, bed.clock.now().getTime());
    const body = answer.ok
      ? { ok: true, result: { message_id: 1, date: 0, chat: { id: chatId, type: "private" }, text: "news" } }
      : { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } };
    return new Response(JSON.stringify(body));
  };
  return { api: new Api("1:stub", { apiRoot: "http://stub", fetch: fetch as never }), calledAt, answeredAt };
}

describe("outbox worker: adaptive pacing against a server with no burst", () => {
  // Seconds of the test clock pass in steps the clock helper takes when the process is idle: more than the default 5 s.
  it("after a 429, waits for a send answered late before the next, and then as much longer as it was late", { timeout: 20_000 }, async () => {
    bed = await startTestbed();
    const [refused, slow, next] = [1, 2, 3];
    // The slow send reached the server late (its answer comes 600 ms after it left, the others' at once): had the
    // next one left on the schedule, it would have reached a no-burst server right after it and been refused.
    // Seconds apart, so that the real time the test takes (the test clock runs with it) does not blur the order.
    const stub = stubApi(new Map<number, Answer>([[refused, { ok: false }], [slow, { ok: true, delayMs: 600 }]]));
    await enqueue(bed.database.db, [refused, slow, next].map((chat) => textItem(chat, `news:1:${chat}`)), { now: bed.clock.now() });
    const worker = bed.worker({ news: {} }, {
      api: stub.api,
      concurrency: 4,
      limits: { ...NO_RATE_LIMITS, global: { perSecond: 1, burst: 1 } },
    });

    expect(await bed.clock.runTimersDuring(worker.runOnce())).toMatchObject({ sent: 2, retried: 1 });
    const slowAt = stub.calledAt.get(slow)!;
    // 1/s is the floor: a second apart, plus the 600 ms the slow send was late (the rule before: a second).
    expect(stub.calledAt.get(next)! - slowAt).toBeGreaterThanOrEqual(1_450);
    expect(stub.calledAt.get(next)!).toBeGreaterThanOrEqual(stub.answeredAt.get(slow)!);
  });

  it("does not pause every chat for a 429 of a send that left before the rate went down", { timeout: 20_000 }, async () => {
    bed = await startTestbed();
    const chats = [1, 2, 3, 4];
    // Two sends leave together (the configured burst) and both are refused: one overload, answered by one decrease.
    const stub = stubApi(new Map<number, Answer>([[1, { ok: false, delayMs: 5 }], [2, { ok: false, delayMs: 5 }]]));
    await enqueue(bed.database.db, chats.map((chat) => textItem(chat, `news:1:${chat}`)), { now: bed.clock.now() });
    const worker = bed.worker({ news: {} }, {
      api: stub.api,
      concurrency: 4,
      limits: { ...NO_RATE_LIMITS, global: { perSecond: 10, burst: 2 } },
    });
    const startedAt = bed.clock.now().getTime();

    expect(await bed.clock.runTimersDuring(worker.runOnce())).toMatchObject({ sent: 2, retried: 2 });
    expect(stub.calledAt.get(2)! - stub.calledAt.get(1)!).toBeLessThan(5);
    // Paced at the halved rate, 5/s, not held for the second 429's retry_after (the rule before: a second or more).
    expect(stub.calledAt.get(3)! - startedAt).toBeLessThan(900);
    expect(stub.calledAt.get(4)! - stub.calledAt.get(3)!).toBeGreaterThanOrEqual(195);
    // The refused chats themselves wait out their retry_after: this pass did not send to them again.
    const rows = await bed.database.db.selectFrom("outbox").selectAll().where("chat_id", "in", [1, 2]).execute();
    for (const row of rows) expect(row).toMatchObject({ status: "pending" });
  });
});
