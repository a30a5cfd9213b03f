import { HttpError, type Transformer } from "grammy";
import { describe, expect, it } from "vitest";
import { retryResetConnection } from "../../src/bot/retry-reset-connection.js";

type Prev = Parameters<Transformer>[0];

/** A Bot API call that fails with `errors` in turn, then succeeds; counts its attempts. */
function flakyCall(errors: Error[]): { prev: Prev; attempts: () => number } {
  let attempts = 0;
  const prev = (async () => {
    const error = errors[attempts];
    attempts += 1;
    if (error) throw new HttpError("Network request for 'sendDocument' failed!", error);
    return { ok: true, result: true };
  }) as unknown as Prev;
  return { prev, attempts: () => attempts };
}

function networkError(message: string, code: string): Error {
  return Object.assign(new Error(`request to http://api/sendDocument failed, reason: ${message}`), { code });
}

const call = (prev: Prev) => retryResetConnection()(prev, "sendDocument", { chat_id: 1, document: "x" } as never);

// The race itself shows in test/organisers/print.test.ts: the PDF upload went over a connection the fake Bot API had
// closed while the letters were rendered, and failed with "read ECONNRESET" until this transformer was installed.
describe("retrying a request written to a keep-alive connection the server had closed", () => {
  it("retries once, at once, when the write or the read hit the closed socket", async () => {
    for (const error of [networkError("read ECONNRESET", "ECONNRESET"), networkError("write EPIPE", "EPIPE")]) {
      const flaky = flakyCall([error]);
      await expect(call(flaky.prev)).resolves.toEqual({ ok: true, result: true });
      expect(flaky.attempts()).toBe(2);
    }
  });

  it("gives up after the one retry, and never retries a connection dropped after the request was read", async () => {
    const twice = flakyCall([networkError("read ECONNRESET", "ECONNRESET"), networkError("read ECONNRESET", "ECONNRESET")]);
    await expect(call(twice.prev)).rejects.toBeInstanceOf(HttpError);
    expect(twice.attempts()).toBe(2);
    const hangUp = flakyCall([networkError("socket hang up", "ECONNRESET")]);
    await expect(call(hangUp.prev)).rejects.toBeInstanceOf(HttpError);
    expect(hangUp.attempts()).toBe(1);
    const refused = flakyCall([networkError("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED")]);
    await expect(call(refused.prev)).rejects.toBeInstanceOf(HttpError);
    expect(refused.attempts()).toBe(1);
  });
});
