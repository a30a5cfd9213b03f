import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Api, type ApiClientOptions, HttpError } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * patches/grammy+1.46.0.patch, `out/core/client.js` (docs/production.md, "Issue 14, thirteenth round (z33e)"): a JSON
 * call no longer makes the stream-error promise only a multipart body can settle. What it raced against stays: the
 * answer and grammY's timeout. An upload's stream failing the call is held by grammy-payload-patch.test.ts.
 */
const clientFile = join(dirname(createRequire(import.meta.url).resolve("grammy")), "core", "client.js");

/** A `fetch` that answers after `answerAfterMs` (never when undefined) and records each call's signal. */
function apiAnswering(answerAfterMs: number | undefined, timeoutSeconds: number): { api: Api; signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  const fetch = ((_url: string, init: { signal: AbortSignal }) => {
    signals.push(init.signal);
    return new Promise((resolve) => {
      if (answerAfterMs !== undefined) setTimeout(() => resolve({ json: async () => ({ ok: true, result: { message_id: 7 } }) }), answerAfterMs);
    });
  }) as unknown as ApiClientOptions["fetch"];
  return { api: new Api("1:a", { fetch, timeoutSeconds }), signals };
}

describe("grammY's client as installed (patch-package)", () => {
  afterEach(() => void vi.useRealTimers());

  it("is the patched one", () => expect(readFileSync(clientFile, "utf8")).toContain("patched for Lysty"));

  it("still ends a JSON call nobody answers at grammY's timeout, aborting its request", async () => {
    vi.useFakeTimers();
    const { api, signals } = apiAnswering(undefined, 2);
    const call = api.sendMessage(1, "Лист").catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const failed = await call;
    expect(failed).toBeInstanceOf(HttpError);
    expect(String((failed as HttpError).error)).toMatch(/Request to 'sendMessage' timed out after 2 seconds/);
    expect(signals[0]?.aborted).toBe(true);
  });

  it("answers a JSON call with its result and leaves no timer behind", async () => {
    vi.useFakeTimers();
    const { api, signals } = apiAnswering(10, 500);
    const call = api.sendMessage(1, "Лист");
    await vi.advanceTimersByTimeAsync(10);
    expect(await call).toEqual({ message_id: 7 });
    expect(vi.getTimerCount()).toBe(0);
    expect(signals[0]?.aborted).toBe(false);
  });
});
