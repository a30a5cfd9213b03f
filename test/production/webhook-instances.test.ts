import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../../packages/fake-telegram/src/index.js";
import { type RunningApp, startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { claimUpdate } from "../../src/db/repositories/coordination.js";
import { UPDATE_LEASE_MS } from "../../src/server/shared-deliveries.js";
import { TestClock } from "../helpers/clock.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { captureLogs } from "../helpers/log-capture.js";
import { postRaw, retryUntilOk } from "./webhook-delivery.js";

const onPostgres = process.env.TEST_DATABASE_URL?.startsWith("postgres") ?? false;
const SECRET = "lysty-instances-webhook-secret-0123456789";
const CHAT = 7801;

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

/** Two instances on one Postgres database behind one webhook, each with its own clock, answering within 50 ms. */
async function startTwo(): Promise<{ telegram: FakeTelegram; a: Instance; b: Instance }> {
  fake = await FakeTelegram.start();
  database = await createTestDatabase();
  const config = parseConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: database.url,
    BOT_MODE: "webhook",
    WEBHOOK_URL: "https://lysty.example.org/telegram",
    WEBHOOK_SECRET: SECRET,
    WEBHOOK_ANSWER_TIMEOUT_MS: "50",
    HOST: "127.0.0.1",
    PORT: "0",
  });
  for (const db of [database.db, database.reopen()]) {
    const clock = new TestClock();
    const app = await startApp({ config, db, logger: captureLogs("info").logger, clock });
    instances.push({ app, url: `http://127.0.0.1:${app.httpPort}/telegram`, clock });
  }
  fake.addUser({ id: CHAT, first_name: "W", language_code: "en" });
  return { telegram: fake, a: instances[0]!, b: instances[1]! };
}

const postForStatus = (instance: Instance, update: Update) =>
  postRaw(instance.url, JSON.stringify(update), { "x-telegram-bot-api-secret-token": SECRET });
const post = (instance: Instance, update: Update) => postForStatus(instance, update).then((response) => response.status);
const retryUntilAnswered = (instance: Instance, update: Update) => retryUntilOk(() => postForStatus(instance, update));

async function helpUpdate(telegram: FakeTelegram): Promise<Update> {
  telegram.injectMessage(CHAT, CHAT, { text: "/help" });
  const [update] = await telegram.takeUpdates(1);
  if (!update) throw new Error("no update queued");
  return update;
}

const sends = (telegram: FakeTelegram) =>
  telegram.calls.filter((call) => call.method === "sendMessage" && String(call.params.chat_id) === String(CHAT)).length;

describe.skipIf(!onPostgres)("two instances, an update slower than the answer time", () => {
  it("a retry reaching the other instance mid-handling is refused there (503), then answered 200 once handled", async () => {
    const { telegram, a, b } = await startTwo();
    let open: () => void = () => undefined;
    telegram.faults.add({ method: "sendMessage", chatId: CHAT, kind: "slow", until: new Promise<void>((resolve) => (open = resolve)) });
    const update = await helpUpdate(telegram);

    expect(await post(a, update)).toBe(503);
    // Telegram delivers it again, to the other instance: not a duplicate to drop, not a second handling.
    expect(await post(b, update)).toBe(503);
    open();
    // Telegram keeps delivering it: A's retries join its own handling until it finishes; then B finds it done.
    await retryUntilAnswered(a, update);
    expect(await post(b, update)).toBe(200);
    expect(sends(telegram)).toBe(1);
  });

  it("an update held by an instance that died is handled by the other once the lease has run out, once", async () => {
    const { telegram, b } = await startTwo();
    const update = await helpUpdate(telegram);
    // An instance took the update in and was killed before finishing it: its lease stays in the database.
    expect(await claimUpdate(database!.db, update.update_id, "host:4242:dead", b.clock.now(), UPDATE_LEASE_MS)).toBe("handle");

    expect(await post(b, update)).toBe(503);
    expect(sends(telegram)).toBe(0);
    b.clock.advance(UPDATE_LEASE_MS + 1_000);
    // Taken over now; handling may outlive 50 ms on a busy machine (503), so Telegram retries until it gets a 200.
    await retryUntilAnswered(b, update);
    expect(await post(b, update)).toBe(200);
    expect(telegram.messages(CHAT).map((message) => message.text ?? "")).toEqual([expect.stringContaining("How Lysty works")]);
    expect(sends(telegram)).toBe(1);
  });
});
