import { afterEach, describe, expect, it } from "vitest";
import { enqueue } from "../../src/outbox/index.js";
import { Harness } from "../helpers/harness.js";
import { until, writeFinishedLetter } from "./flows.js";

let h: Harness;
afterEach(async () => h?.stop());

async function scrape(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${h.running.httpPort}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  return response.text();
}

/** The value of one sample, e.g. `lysty_updates_handled_total{type="message"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/metrics in polling mode (METRICS_PORT)", () => {
  it("counts updates and errors, and reports letters by route, the outbox queue and deliveries", async () => {
    h = await Harness.start({ env: { METRICS_PORT: "0", HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "3" } });
    expect(h.running.httpPort).toBeGreaterThan(0);
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const before = await scrape();
    const handledBefore = sample(before, 'lysty_updates_handled_total{type="message"}') ?? 0;

    await writer.send("/help");
    // Handling fails (a flood wait longer than an interactive reply waits for): an error is counted.
    h.fake.faults.add({ method: "sendMessage", kind: "429", retryAfter: 60, times: 1 });
    await writer.send("/help");
    const after = await scrape();
    expect(sample(after, 'lysty_updates_handled_total{type="message"}')).toBe(handledBefore + 2);
    expect(sample(after, 'lysty_update_errors_total{type="message"}')).toBe(1);
    expect(after).toContain("lysty_update_duration_seconds_count");
    expect(after).toContain("lysty_process_resident_memory_bytes");

    // A fourth message in the minute is ignored and counted.
    await writer.send("/help");
    expect(sample(await scrape(), "lysty_updates_rate_limited_total")).toBe(1);
  });

  it("reports finished letters by route, the outbox queue with its oldest age, and deliveries by result", async () => {
    h = await Harness.start({ env: { METRICS_PORT: "0", HOST: "127.0.0.1" } });
    const writer = h.user({ languageCode: "en" });
    await writeFinishedLetter(writer, "Здравствуйте, Борис Юльевич! Пишу Вам из Гента.", "Ян\nГент");
    await enqueue(h.db, { kind: "notice", ref: "m:1", chatId: writer.chatId, method: "sendMessage", payload: { text: "Printed." } }, { now: h.clock.now() });
    await until(async () => (await h.db.selectFrom("outbox").select("status").where("ref", "=", "m:1").executeTakeFirst())?.status === "sent");
    // Two messages not due for a day: they wait in the queue.
    const later = new Date(h.clock.now().getTime() + 86_400_000);
    for (const ref of ["m:2", "m:3"]) {
      await enqueue(h.db, { kind: "notice", ref, chatId: writer.chatId, method: "sendMessage", payload: { text: "Soon." }, sendAt: later }, { now: h.clock.now() });
    }
    h.clock.advance(90_000);

    const text = await scrape();
    expect(sample(text, 'lysty_letters{route="fsin_pismo",status="finished"}')).toBe(1);
    expect(sample(text, "lysty_outbox_queue_length")).toBe(2);
    expect(sample(text, "lysty_outbox_oldest_pending_age_seconds")).toBeGreaterThanOrEqual(90);
    expect(sample(text, 'lysty_outbox_deliveries{kind="notice",status="sent"}')).toBe(1);
    expect(sample(text, 'lysty_outbox_deliveries{kind="notice",status="pending"}')).toBe(2);
  });

  it("answers /healthz and /readyz beside /metrics", async () => {
    h = await Harness.start({ env: { METRICS_PORT: "0", HOST: "127.0.0.1" } });
    const base = `http://127.0.0.1:${h.running.httpPort}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    // There is no webhook route in polling mode.
    expect((await fetch(`${base}/telegram`, { method: "POST", body: "{}" })).status).toBe(405);
  });

  it("runs no HTTP server in polling mode without METRICS_PORT", async () => {
    h = await Harness.start();
    expect(h.running.httpPort).toBeUndefined();
  });
});
