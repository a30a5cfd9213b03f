import { GrammyError, HttpError, type Transformer } from "grammy";
import { describe, expect, it } from "vitest";
import { retryNetworkFaults } from "../../src/bot/retry-network-faults.js";

type Prev = Parameters<Transformer>[0];

/** A Bot API call that fails with `errors` in turn, then succeeds; counts its attempts. */
function flakyCall(errors: Error[]): { prev: Prev; attempts: () => number } {
  let attempts = 0;
  const prev = (async () => {
    const error = errors[attempts];
    attempts += 1;
    if (error instanceof GrammyError) throw error;
    if (error) throw new HttpError("Network request for 'sendDocument' failed!", error);
    return { ok: true, result: true };
  }) as unknown as Prev;
  return { prev, attempts: () => attempts };
}

function networkError(message: string, code: string): Error {
  return Object.assign(new Error(`request to http://api/sendDocument failed, reason: ${message}`), { code });
}

/** Records the pauses asked for instead of waiting them. */
function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
}

const DELAYS = [100, 400, 1_000];
const call = (prev: Prev, sleep = recordedSleep().sleep, signal?: AbortSignal) =>
  retryNetworkFaults({ delaysMs: DELAYS, sleep })(prev, "sendDocument", { chat_id: 1, document: "x" } as never, signal as never);

// The stale-socket race shows in test/organisers/print.test.ts: the PDF upload went over a connection the fake Bot API
// had closed while the letters were rendered, and failed with "read ECONNRESET" until it was retried. The other faults
// are what `bench:load --starve` saw: replies lost to "Network request … failed" under CPU starvation.
describe("retrying the bot's own Bot API calls after a network fault", () => {
  it("retries a request written to a closed keep-alive connection at once", async () => {
    for (const error of [networkError("read ECONNRESET", "ECONNRESET"), networkError("write EPIPE", "EPIPE")]) {
      const { waits, sleep } = recordedSleep();
      const flaky = flakyCall([error]);
      await expect(call(flaky.prev, sleep)).resolves.toEqual({ ok: true, result: true });
      expect(flaky.attempts()).toBe(2);
      expect(waits).toEqual([]);
    }
  });

  it("retries refused, reset and dropped connections and timeouts after growing pauses, then succeeds", async () => {
    const { waits, sleep } = recordedSleep();
    const flaky = flakyCall([
      networkError("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED"),
      networkError("socket hang up", "ECONNRESET"),
      new Error("Request to 'sendDocument' timed out after 500 seconds"),
    ]);
    await expect(call(flaky.prev, sleep)).resolves.toEqual({ ok: true, result: true });
    expect(flaky.attempts()).toBe(4);
    expect(waits).toEqual([100, 400, 1_000]);
  });

  it("gives up after the bounded retries with the last network error", async () => {
    const refused = () => networkError("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED");
    const flaky = flakyCall([refused(), refused(), refused(), refused(), refused()]);
    await expect(call(flaky.prev)).rejects.toBeInstanceOf(HttpError);
    expect(flaky.attempts()).toBe(DELAYS.length + 1);
  });

  it("leaves Telegram's answers to auto-retry and stops when the caller aborted", async () => {
    const refusedByTelegram = flakyCall([new GrammyError("Call to 'sendDocument' failed!", { ok: false, error_code: 400, description: "Bad Request" }, "sendDocument", {})]);
    await expect(call(refusedByTelegram.prev)).rejects.toBeInstanceOf(GrammyError);
    expect(refusedByTelegram.attempts()).toBe(1);
    const aborted = new AbortController();
    aborted.abort();
    const flaky = flakyCall([networkError("socket hang up", "ECONNRESET")]);
    await expect(call(flaky.prev, undefined, aborted.signal)).rejects.toBeInstanceOf(HttpError);
    expect(flaky.attempts()).toBe(1);
  });
});
