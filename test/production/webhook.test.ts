import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";
import { postRaw, WebhookDelivery } from "./webhook-delivery.js";

const SECRET = "lysty-test-webhook-secret-0123456789";
const WEBHOOK_URL = "https://lysty.example.org/telegram/updates";

let h: Harness;
let telegram: WebhookDelivery;
let base: string;

beforeEach(async () => {
  h = await Harness.start({
    env: { BOT_MODE: "webhook", WEBHOOK_URL, WEBHOOK_SECRET: SECRET, HOST: "127.0.0.1", PORT: "0" },
  });
  base = `http://127.0.0.1:${h.running.httpPort}`;
  telegram = new WebhookDelivery(h.fake, `${base}/telegram/updates`, SECRET);
});
afterEach(async () => h.stop());

/** Resolves once `check` holds, looking every few milliseconds; fails after `timeoutMs`. */
async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("webhook mode", () => {
  it("sets the webhook with the secret token and the update types it handles", () => {
    expect(h.fake.webhook?.url).toBe(WEBHOOK_URL);
    expect(h.fake.webhook?.secretToken).toBe(SECRET);
    expect(h.fake.webhook?.allowedUpdates).toEqual(
      expect.arrayContaining(["message", "callback_query", "edited_message", "channel_post", "my_chat_member"]),
    );
  });

  it("answers /start delivered by Telegram and replies through the Bot API", async () => {
    h.fake.addUser({ id: 9101, first_name: "W", language_code: "en" });
    h.fake.injectMessage(9101, 9101, { text: "/start" });
    const delivered = await telegram.deliver();
    expect(delivered.map((item) => item.status)).toEqual([200]);
    // The POST is answered after handling: the reply is already there.
    expect(h.fake.lastMessage(9101)?.text).toContain("Lysty helps you write");
  });

  it("refuses requests without the right secret token with 401 and handles none of them", async () => {
    h.fake.addUser({ id: 9102, first_name: "W", language_code: "en" });
    h.fake.injectMessage(9102, 9102, { text: "/start" });
    const [update] = await h.fake.takeUpdates();
    expect((await telegram.post(update!, {})).status).toBe(401);
    expect((await telegram.post(update!, { "x-telegram-bot-api-secret-token": "wrong-secret-of-some-length" })).status).toBe(401);
    expect((await telegram.post(update!, { "x-telegram-bot-api-secret-token": SECRET.slice(0, -1) })).status).toBe(401);
    expect(h.fake.messages(9102)).toHaveLength(0);
    expect(h.logs.join("\n")).toContain("webhook request without the secret token refused");
  });

  it("handles an update Telegram delivers twice only once", async () => {
    h.fake.addUser({ id: 9103, first_name: "W", language_code: "en" });
    h.fake.injectMessage(9103, 9103, { text: "/help" });
    const [update] = await h.fake.takeUpdates();
    expect((await telegram.post(update!)).status).toBe(200);
    expect((await telegram.post(update!)).status).toBe(200);
    expect(h.fake.messages(9103)).toHaveLength(1);
  });

  it("refuses malformed JSON (400), a body over the size cap (413) and other methods (405)", async () => {
    const withSecret = { "x-telegram-bot-api-secret-token": SECRET };
    expect((await postRaw(telegram.url, "{not json", withSecret)).status).toBe(400);
    expect((await postRaw(telegram.url, JSON.stringify({ hello: 1 }), withSecret)).status).toBe(400);
    const huge = JSON.stringify({ update_id: 1, message: { text: "x".repeat(2 * 1024 * 1024) } });
    expect((await postRaw(telegram.url, huge, withSecret)).status).toBe(413);
    expect((await fetch(telegram.url)).status).toBe(405);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it("serves /healthz, /readyz and /metrics", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    h.fake.addUser({ id: 9104, first_name: "W", language_code: "en" });
    h.fake.injectMessage(9104, 9104, { text: "/start" });
    await telegram.deliver();
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get("content-type")).toContain("text/plain");
    const text = await metrics.text();
    expect(text).toMatch(/lysty_updates_handled_total\{type="message"\} [1-9]/);
    expect(text).toContain("lysty_update_duration_seconds_bucket");
  });

  it("shuts down gracefully: the update in flight finishes, new ones get 503, then the server closes", async () => {
    h.fake.addUser({ id: 9105, first_name: "W", language_code: "en" });
    h.fake.addUser({ id: 9106, first_name: "W", language_code: "en" });
    // The reply to the first update is held back by Telegram for a while: it is in flight when shutdown begins.
    h.fake.faults.add({ method: "sendMessage", chatId: 9105, kind: "slow", delayMs: 1_500 });
    h.fake.injectMessage(9105, 9105, { text: "/help" });
    const inFlight = telegram.deliver();
    await until(() => h.fake.faults.pending().length === 0);

    let stopped = false;
    const stopping = h.running.stop().then(() => (stopped = true));
    expect((await fetch(`${base}/readyz`).then((r) => r.status, () => "refused"))).not.toBe(200);
    h.fake.injectMessage(9106, 9106, { text: "/help" });
    const [late] = await h.fake.takeUpdates();
    const lateStatus = await telegram.post(late!).then((r) => r.status, () => "refused");
    // A new connection is refused; one kept alive gets 503 so that Telegram delivers the update again later.
    expect([503, "refused"]).toContain(lateStatus);
    expect(stopped).toBe(false);

    expect((await inFlight).map((item) => item.status)).toEqual([200]);
    await stopping;
    expect(h.fake.lastMessage(9105)?.text).toContain("How Lysty works");
    expect(h.fake.messages(9106)).toHaveLength(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
