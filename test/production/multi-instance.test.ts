import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../../packages/fake-telegram/src/index.js";
import { type RunningApp, startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { isPostgresDb } from "../../src/db/database.js";
import { TestClock } from "../helpers/clock.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { captureLogs } from "../helpers/log-capture.js";
import { claimUpdate } from "../../src/db/repositories/coordination.js";
import { UPDATE_LEASE_MS } from "../../src/server/shared-deliveries.js";
import { postRaw, retryUntilOk, sendsTo } from "./webhook-delivery.js";
import { onPostgres, postgresOnly } from "../helpers/skip-reason.js";

const SECRET = "lysty-multi-instance-secret-0123456789";
const WEBHOOK_URL = "https://lysty.example.org/telegram";
/** The seeded person with a direct route (data/directory/prisoners.json). */
const SLUG = "kagarlitsky-boris";

interface Instance {
  app: RunningApp;
  url: string;
  clock: TestClock;
}

let fake: FakeTelegram | undefined;
let database: TestDatabase | undefined;
let instances: Instance[] = [];

afterEach(async () => {
  for (const instance of instances) await instance.app.stop();
  instances = [];
  await fake?.stop();
  await database?.cleanup();
});

/** Two processes' worth of Lysty: each its own app, HTTP server and connection pool, one Postgres database. */
async function startTwoInstances(env: Record<string, string> = {}): Promise<{ fake: FakeTelegram; instances: Instance[] }> {
  fake = await FakeTelegram.start();
  database = await createTestDatabase();
  expect(isPostgresDb(database.db)).toBe(true);
  const config = parseConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: database.url,
    BOT_MODE: "webhook",
    WEBHOOK_URL,
    WEBHOOK_SECRET: SECRET,
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "info",
    ...env,
  });
  for (const db of [database.db, database.reopen()]) {
    const clock = new TestClock();
    const app = await startApp({ config, db, logger: captureLogs("info").logger, clock });
    instances.push({ app, url: `http://127.0.0.1:${app.httpPort}/telegram`, clock });
  }
  return { fake, instances };
}

function post(instance: Instance, update: Update) {
  return postRaw(instance.url, JSON.stringify(update), { "x-telegram-bot-api-secret-token": SECRET });
}

/** Telegram's delivery of an update to an instance: again after a non-2xx, until it is answered 200. */
function deliver(instance: Instance, update: Update): Promise<void> {
  return retryUntilOk(() => post(instance, update));
}

async function nextUpdate(telegram: FakeTelegram): Promise<Update> {
  const [update] = await telegram.takeUpdates(1);
  if (!update) throw new Error("no update queued");
  return update;
}

async function draftText(): Promise<string> {
  const row = await database!.db.selectFrom("letters").select("text").where("writer_id", "=", WRITER).executeTakeFirst();
  return row?.text ?? "";
}

const WRITER = 7701;

/**
 * `npm run test:postgres` (and .ci/run) runs this against a real Postgres; with SQLite it is skipped (one file, one
 * process). Webhook mode, as deployed behind a load balancer: Telegram may post two updates of one chat at once, and
 * each may land on a different instance.
 */
describe.skipIf(!onPostgres)(postgresOnly("two instances on one Postgres database"), () => {
  it("lose no step of one chat's flow when its updates hit both instances at once, and keep their order", async () => {
    const { fake: telegram, instances: [a, b] } = await startTwoInstances();
    telegram.addUser({ id: WRITER, first_name: "W", language_code: "en" });
    // Delivered as Telegram does, again after a non-2xx: the answer time (10 s) bounds the handling, not what this
    // test is about, and a loaded host (CI, Postgres) once passed it: an update answered 503, as it should be.
    telegram.injectMessage(WRITER, WRITER, { text: `/start w_${SLUG}` });
    await deliver(a!, await nextUpdate(telegram));
    telegram.injectMessage(WRITER, WRITER, { text: "part-00 first lines of the letter" });
    await deliver(b!, await nextUpdate(telegram));
    expect(await draftText()).toContain("part-00");

    // Hammer: 16 messages of the same chat, posted all at once, alternating between the instances.
    const parts = Array.from({ length: 16 }, (_, index) => `part-${String(index + 1).padStart(2, "0")}`);
    for (const part of parts) telegram.injectMessage(WRITER, WRITER, { text: `${part} more of the letter` });
    const updates = await telegram.takeUpdates(100);
    expect(updates).toHaveLength(parts.length);
    // An update not handled within the answer time (10 s; the chat's updates wait for each other) is answered 503 and
    // Telegram delivers it again: every one must end answered 200, and below, in the draft once.
    await Promise.all(updates.map((update, index) => deliver(index % 2 === 0 ? a! : b!, update)));

    const text = await draftText();
    for (const part of ["part-00", ...parts]) expect(text.split(part).length - 1, `${part} in the draft once`).toBe(1);
    // Every message got its own "saved" answer: no update was handled against a stale flow.
    const saved = telegram.messages(WRITER).filter((message) => /saved/i.test(message.text ?? ""));
    expect(saved.length).toBeGreaterThanOrEqual(parts.length);

    // Order: an update that arrives while the chat's previous one is still being handled (its reply held back by
    // Telegram) waits for it, even on the other instance, and lands after it.
    telegram.faults.add({ method: "sendMessage", chatId: WRITER, kind: "slow", delayMs: 800 });
    telegram.injectMessage(WRITER, WRITER, { text: "part-first of the ordered pair" });
    const first = deliver(a!, await nextUpdate(telegram));
    while (telegram.faults.pending().length > 0) await new Promise((resolve) => setImmediate(resolve));
    telegram.injectMessage(WRITER, WRITER, { text: "part-second of the ordered pair" });
    await Promise.all([first, deliver(b!, await nextUpdate(telegram))]);
    const final = await draftText();
    expect(final.indexOf("part-first")).toBeGreaterThan(-1);
    expect(final.indexOf("part-second")).toBeGreaterThan(final.indexOf("part-first"));
  });

  it("handle an update delivered again to the other instance only once", async () => {
    const { fake: telegram, instances: [a, b] } = await startTwoInstances();
    telegram.addUser({ id: WRITER, first_name: "W", language_code: "en" });
    telegram.injectMessage(WRITER, WRITER, { text: "/help" });
    const update = await nextUpdate(telegram);
    await deliver(a!, update);
    expect((await post(b!, update)).status).toBe(200);
    expect(telegram.messages(WRITER)).toHaveLength(1);
  });

  it("share one rate limit: N instances do not allow N times RATE_LIMIT_PER_MINUTE", async () => {
    const { fake: telegram, instances: [a, b] } = await startTwoInstances({ RATE_LIMIT_PER_MINUTE: "4" });
    telegram.addUser({ id: WRITER, first_name: "W", language_code: "en" });
    for (let index = 0; index < 8; index += 1) telegram.injectMessage(WRITER, WRITER, { text: "/help" });
    const updates = await telegram.takeUpdates(100);
    for (const [index, update] of updates.entries()) await post(index % 2 === 0 ? a! : b!, update);
    const texts = telegram.messages(WRITER).map((message) => message.text ?? "");
    // Four answered, then one "slow down", then silence for the rest of the minute, across both instances.
    expect(texts.filter((text) => /too fast/i.test(text))).toHaveLength(1);
    expect(texts).toHaveLength(5);
  });
});

describe.skipIf(!onPostgres)("two instances, an update slower than the answer time", () => {
  it("a retry reaching the other instance mid-handling is refused there (503), then answered 200 once handled", async () => {
    const { fake: telegram, instances: [a, b] } = await startTwoInstances({ WEBHOOK_ANSWER_TIMEOUT_MS: "50" });
    telegram.addUser({ id: WRITER, first_name: "W", language_code: "en" });
    let open: () => void = () => undefined;
    telegram.faults.add({ method: "sendMessage", chatId: WRITER, kind: "slow", until: new Promise<void>((resolve) => (open = resolve)) });
    telegram.injectMessage(WRITER, WRITER, { text: "/help" });
    const update = await nextUpdate(telegram);

    expect((await post(a!, update)).status).toBe(503);
    // Telegram delivers it again, to the other instance: not a duplicate to drop, not a second handling.
    expect((await post(b!, update)).status).toBe(503);
    open();
    // Telegram keeps delivering it: A's retries join its own handling until it finishes; then B finds it done.
    await retryUntilOk(() => post(a!, update));
    expect((await post(b!, update)).status).toBe(200);
    expect(sendsTo(telegram, WRITER)).toBe(1);
  });

  it("an update held by an instance that died is handled by the other once the lease has run out, once", async () => {
    const { fake: telegram, instances: [, b] } = await startTwoInstances({ WEBHOOK_ANSWER_TIMEOUT_MS: "50" });
    telegram.addUser({ id: WRITER, first_name: "W", language_code: "en" });
    telegram.injectMessage(WRITER, WRITER, { text: "/help" });
    const update = await nextUpdate(telegram);
    // An instance took the update in and was killed before finishing it: its lease stays in the database.
    expect(await claimUpdate(database!.db, update.update_id, "host:4242:dead", b!.clock.now(), UPDATE_LEASE_MS)).toBe("handle");

    expect((await post(b!, update)).status).toBe(503);
    expect(sendsTo(telegram, WRITER)).toBe(0);
    b!.clock.advance(UPDATE_LEASE_MS + 1_000);
    // Taken over now; handling may outlive 50 ms on a busy machine (503), so Telegram retries until it gets a 200.
    await retryUntilOk(() => post(b!, update));
    expect((await post(b!, update)).status).toBe(200);
    expect(telegram.messages(WRITER).map((message) => message.text ?? "")).toEqual([expect.stringContaining("How Lysty works")]);
    expect(sendsTo(telegram, WRITER)).toBe(1);
  });
});
