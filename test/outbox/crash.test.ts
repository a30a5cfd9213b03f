import { spawn } from "node:child_process";
import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createOutboxWorker, enqueue, type OutboxRunSummary } from "../../src/outbox/index.js";
import { deliveries, startTestbed, textItem, type Testbed } from "./testbed.js";
import { onPostgres, sqliteOnly } from "../helpers/skip-reason.js";

let bed: Testbed;
afterEach(async () => bed?.close());

const LEASE_MS = 120_000;
const statuses = async () =>
  new Map(
    (await bed.database.db.selectFrom("outbox").select(["chat_id", "status", "lease_owner"]).execute()).map((row) => [
      row.chat_id,
      row,
    ]),
  );

describe("outbox worker: crashes, stops and several instances", () => {
  // SQLite only: the "death" closes A's connection, which better-sqlite3 does at once; pg's pool.end() lets a commit
  // in flight finish after the test took its snapshot, so on Postgres it is not a crash (the counts then differ).
  it.skipIf(onPostgres)(sqliteOnly("after a worker dies mid-batch, the next one sends the rest: duplicates only where Telegram accepted but nothing was recorded"), async () => {
    bed = await startTestbed();
    const users = bed.addUsers(40);
    await enqueue(bed.database.db, users.map((id) => textItem(id, `news:1:${id}`)), { now: bed.clock.now() });

    // Worker A has its own connection and an Api through which it "dies" after Telegram accepted its 10th message:
    // from then on it hears no answers, makes no calls and its database connection is gone, so whatever it had not
    // committed by then is lost, as in a real crash.
    const acceptedFromA = new Set<number>();
    let accepted = 0;
    let dead = false;
    let die: () => void = () => undefined;
    const died = new Promise<void>((resolve) => (die = resolve));
    const dbA = bed.database.reopen();
    const apiA = new Api(bed.fake.token, { apiRoot: bed.fake.apiRoot });
    const never = new Promise<never>(() => undefined);
    apiA.config.use(async (prev, method, payload, signal) => {
      if (dead) return never;
      const response = await prev(method, payload, signal);
      if (response.ok && "chat_id" in payload) acceptedFromA.add(Number(payload.chat_id));
      if (dead) return never;
      if (response.ok && ++accepted === 10) {
        dead = true;
        void dbA.destroy();
        die();
        return never;
      }
      return response;
    });
    const workerA = createOutboxWorker({
      db: dbA,
      api: apiA,
      logger: (await import("../helpers/log-capture.js")).captureLogs().logger,
      clock: bed.clock,
      handlers: { news: {} },
      limits: { global: null, privateChat: null, groupChat: null },
      concurrency: 4,
      batchSize: 25,
      leaseMs: LEASE_MS,
    });
    // The "dead" worker's pass ends with its destroyed database; like a killed process, nobody hears it.
    workerA.runOnce().catch(() => undefined);
    await died;
    const atDeath = await statuses();
    const leftSending = [...atDeath.values()].filter((row) => row.status === "sending").map((row) => row.chat_id);
    expect(leftSending.length).toBeGreaterThan(0);

    // Leases are only taken over once expired.
    const workerB = bed.worker({ news: {} }, { leaseMs: LEASE_MS });
    expect(await workerB.runOnce()).toMatchObject({ recovered: 0 });
    expect([...(await statuses()).values()].filter((row) => row.status === "sending")).toHaveLength(leftSending.length);
    bed.clock.advance(LEASE_MS + 1);
    const summary = await workerB.runOnce();

    expect(summary.recovered).toBe(leftSending.length);
    const counts = deliveries(bed.fake, users);
    expect([...counts.values()].every((count) => count >= 1)).toBe(true);
    const duplicated = [...counts].filter(([, count]) => count > 1).map(([chatId]) => chatId);
    // The window: Telegram accepted A's message, but A died before committing "sent".
    const acceptedUnrecorded = leftSending.filter((chatId) => acceptedFromA.has(chatId));
    expect(acceptedUnrecorded.length).toBeGreaterThan(0);
    expect(duplicated.sort()).toEqual(acceptedUnrecorded.sort());
    // Rows A had recorded as sent before it died were not sent again.
    const recordedByA = [...atDeath.values()].filter((row) => row.status === "sent").map((row) => row.chat_id);
    for (const chatId of recordedByA) expect(counts.get(chatId)).toBe(1);
    expect(Math.max(...counts.values())).toBe(2);
    expect([...(await statuses()).values()].every((row) => row.status === "sent")).toBe(true);
    // An expired lease counts as an attempt, so a row that kills its worker every time cannot loop forever.
    const attempts = await bed.database.db.selectFrom("outbox").select(["chat_id", "attempts"]).execute();
    for (const row of attempts) expect(row.attempts).toBe(leftSending.includes(row.chat_id) ? 1 : 0);
  });

  it("gives up a row whose worker died with it maxAttempts times", async () => {
    bed = await startTestbed();
    const [chat] = bed.addUsers(1);
    const [id] = await enqueue(bed.database.db, textItem(chat!, "reminder:1", "write", "reminder"), { now: bed.clock.now() });
    const expired = new Date(bed.clock.now().getTime() - 1).toISOString();
    await bed.database.db
      .updateTable("outbox")
      .set({ status: "sending", attempts: 2, lease_owner: "dead-worker", lease_until: expired })
      .where("id", "=", id!)
      .execute();
    const failed: number[] = [];
    const summary = await bed
      .worker({ reminder: { onFailed: (_trx, row) => void failed.push(row.id) } }, { maxAttempts: 3 })
      .runOnce();
    expect(summary).toMatchObject({ recovered: 1, claimed: 0 });
    expect(failed).toEqual([id]);
    const row = await bed.database.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", attempts: 3, lease_owner: null });
    expect(bed.fake.calls).toHaveLength(0);
  });

  it.each(["failure", "success"] as const)(
    "a worker whose lease expired mid-send cannot overwrite what the row's new owner recorded (late %s)",
    async (lateAnswer) => {
      bed = await startTestbed();
      const [chat] = bed.addUsers(1);
      await enqueue(bed.database.db, textItem(chat!, "news:1:1", "verdict"), { now: bed.clock.now() });
      // A's call hangs until the test lets it finish, as a stuck connection finally would: with a 500, or with the
      // message delivered (then it is a duplicate, but must not be recorded twice).
      let finishA: () => void = () => undefined;
      let sendStartedA: () => void = () => undefined;
      const sendStarted = new Promise<void>((resolve) => (sendStartedA = resolve));
      const apiA = new Api(bed.fake.token, { apiRoot: bed.fake.apiRoot });
      apiA.config.use((prev, method, payload, signal) => {
        sendStartedA();
        return new Promise((resolve) => {
          finishA = () =>
            resolve(
              lateAnswer === "failure"
                ? { ok: false, error_code: 500, description: "Internal Server Error" }
                : prev(method, payload, signal),
            );
        });
      });
      const onSent: number[] = [];
      const handlers = { news: { onSent: (_trx: unknown, _row: unknown, sent: { messageId: number | null }) => void onSent.push(sent.messageId ?? 0) } };
      const workerA = bed.worker(handlers, { api: apiA, leaseMs: LEASE_MS });
      const passA = workerA.runOnce();
      await sendStarted;

      bed.clock.advance(LEASE_MS + 1);
      expect(await bed.worker(handlers, { leaseMs: LEASE_MS }).runOnce()).toMatchObject({ recovered: 1, sent: 1 });
      const firstMessageId = bed.fake.messages(chat!)[0]?.message_id;
      finishA();
      await passA;

      const row = await bed.database.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: "sent", sent_message_id: firstMessageId });
      expect(onSent).toEqual([firstMessageId]);
      bed.clock.advance(3_600_000);
      await bed.worker({ news: {} }).runOnce();
      expect(bed.fake.messages(chat!)).toHaveLength(lateAnswer === "success" ? 2 : 1);
      expect(bed.logs.some((line) => line.includes("outbox lease lost before recording"))).toBe(true);
    },
  );

  it("stop() lets in-flight sends finish and be recorded, and hands unsent rows back for anyone to send", async () => {
    bed = await startTestbed();
    const users = bed.addUsers(10);
    bed.fake.faults.add({ method: "sendMessage", chatId: users[0]!, kind: "slow", delayMs: 400 });
    await enqueue(bed.database.db, users.map((id) => textItem(id, `news:1:${id}`)), { now: bed.clock.now() });
    const worker = bed.worker({ news: {} }, { concurrency: 2, limits: { global: { perSecond: 10, burst: 1 }, privateChat: null, groupChat: null } });
    const secondAccepted = bed.fake.waitFor((call) => call.ok && call.params.chat_id === users[1]);
    worker.start();
    await secondAccepted;
    await worker.stop();

    const rows = await bed.database.db.selectFrom("outbox").selectAll().orderBy("id").execute();
    expect(rows[0]).toMatchObject({ status: "sent", lease_owner: null });
    expect(rows.some((row) => row.status === "sending")).toBe(false);
    const handedBack = rows.filter((row) => row.status === "pending");
    expect(handedBack.length).toBeGreaterThan(0);
    for (const row of handedBack) expect(row).toMatchObject({ lease_owner: null, lease_until: null, attempts: 0 });

    await bed.worker({ news: {} }).runOnce();
    expect([...deliveries(bed.fake, users).values()]).toEqual(users.map(() => 1));
  });

  it("a response lost on the network after Telegram accepted is the duplicate the Bot API cannot prevent", async () => {
    bed = await startTestbed();
    const [chat] = bed.addUsers(1);
    bed.fake.faults.add({ method: "sendMessage", chatId: chat!, kind: "network", when: "after" });
    await enqueue(bed.database.db, textItem(chat!, "news:1:1", "hearing moved"), { now: bed.clock.now() });
    const worker = bed.worker({ news: {} });
    await worker.runOnce();
    bed.clock.advance(60_000);
    await worker.runOnce();
    expect(bed.fake.messages(chat!).map((message) => message.text)).toEqual(["hearing moved", "hearing moved"]);
    const row = await bed.database.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("two workers sharing a connection never send a row twice", async () => {
    bed = await startTestbed();
    const users = bed.addUsers(200);
    await enqueue(bed.database.db, users.map((id) => textItem(id, `news:1:${id}`)), { now: bed.clock.now() });
    const options = { batchSize: 10, concurrency: 3 };
    const [a, b] = [bed.worker({ news: {} }, options), bed.worker({ news: {} }, options)];
    const [summaryA, summaryB] = await Promise.all([a.runOnce(), b.runOnce()]);
    // Whatever one left when it ran dry, a last pass picks up.
    await a.runOnce();
    expect(summaryA.sent).toBeGreaterThan(0);
    expect(summaryB.sent).toBeGreaterThan(0);
    expect([...deliveries(bed.fake, users).values()]).toEqual(users.map(() => 1));
  });

  // Postgres: test/production/outbox-postgres.test.ts runs two instances with their own pools instead.
  it.skipIf(onPostgres)(sqliteOnly("two bot processes on one SQLite file never send a row twice"), { timeout: 60_000 }, async () => {
    bed = await startTestbed();
    const users = bed.addUsers(300);
    await enqueue(bed.database.db, users.map((id) => textItem(id, `news:1:${id}`)), { now: bed.clock.now() });
    // Both processes use the real clock: rows must be due for them.
    const script = new URL("./fixtures/outbox-process.ts", import.meta.url).pathname;
    const processes = ["one", "two"].map((id) =>
      spawn(process.execPath, ["--import", "tsx", script], {
        env: { ...process.env, DB_FILE: bed.database.filename, API_ROOT: bed.fake.apiRoot, BOT_TOKEN: bed.fake.token, WORKER_ID: id },
        stdio: ["pipe", "pipe", "inherit"],
      }),
    );
    const outputs = processes.map((child) => {
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      const ready = new Promise<void>((resolve) => child.stdout.on("data", () => text.includes("ready") && resolve()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
      return { ready, exited, text: () => text };
    });
    await Promise.all(outputs.map((output) => output.ready));
    for (const child of processes) child.stdin.end("go\n");
    expect(await Promise.all(outputs.map((output) => output.exited))).toEqual([0, 0]);

    const summaries = outputs.map((output) => JSON.parse(output.text().trim().split("\n").at(-1)!) as OutboxRunSummary);
    expect(summaries.every((summary) => summary.sent > 0)).toBe(true);
    expect(summaries[0]!.sent + summaries[1]!.sent).toBe(300);
    expect([...deliveries(bed.fake, users).values()]).toEqual(users.map(() => 1));
    const unsent = await bed.database.db.selectFrom("outbox").select("id").where("status", "!=", "sent").execute();
    expect(unsent).toEqual([]);
  });
});
