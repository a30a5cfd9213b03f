import { afterEach, describe, expect, it } from "vitest";
import { enqueue } from "../../src/outbox/index.js";
import { startTestbed, textItem, type Testbed } from "./testbed.js";

let bed: Testbed;
afterEach(async () => bed?.close());

const HOUR = 3_600_000;

describe("outbox worker: settled()", () => {
  it("on a started worker, sends what the clock made due before it resolves, without waiting for the next poll", async () => {
    bed = await startTestbed();
    const [first, later] = bed.addUsers(2);
    const now = bed.clock.now();
    await enqueue(
      bed.database.db,
      [textItem(first!, "news:1:a", "now"), { ...textItem(later!, "reminder:1", "in an hour", "reminder"), sendAt: new Date(now.getTime() + HOUR) }],
      { now },
    );
    // An hour between polls: only settled() can make this worker look again within the test.
    const worker = bed.worker({ news: {}, reminder: {} }, { pollIntervalMs: HOUR });
    worker.start();
    await worker.settled();
    expect(bed.fake.messages(first!).map((message) => message.text)).toEqual(["now"]);
    expect(bed.fake.messages(later!)).toEqual([]);

    bed.clock.advance(HOUR);
    await worker.settled();
    expect(bed.fake.messages(later!).map((message) => message.text)).toEqual(["in an hour"]);
    const rows = await bed.database.db.selectFrom("outbox").select("status").orderBy("id").execute();
    // Recorded too, not only sent: the pass settled() waited for wrote every outcome.
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  it("on a worker that was not started, runs a pass; on a stopped one, resolves instead of waiting forever", async () => {
    bed = await startTestbed();
    const [chat] = bed.addUsers(1);
    await enqueue(bed.database.db, [textItem(chat!, "news:1:a", "hello")], { now: bed.clock.now() });
    const idle = bed.worker({ news: {} });
    await idle.settled();
    expect(bed.fake.messages(chat!).map((message) => message.text)).toEqual(["hello"]);

    const started = bed.worker({ news: {} }, { pollIntervalMs: HOUR });
    started.start();
    const waiting = started.settled();
    await started.stop();
    await waiting;
    expect(bed.fake.messages(chat!)).toHaveLength(1);
  });
});
