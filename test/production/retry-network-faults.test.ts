import { createServer, type AddressInfo, type Socket } from "node:net";
import { Api, GrammyError, HttpError, type Transformer } from "grammy";
import { errors as undiciErrors } from "undici";
import { describe, expect, it } from "vitest";
import { retryNetworkFaults } from "../../src/bot/retry-network-faults.js";
import { botApiClientFetch } from "../../src/telegram/bot-api-fetch.js";

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
      new undiciErrors.SocketError("other side closed"),
      new Error("Request to 'sendDocument' timed out after 500 seconds"),
    ]);
    await expect(call(flaky.prev, sleep)).resolves.toEqual({ ok: true, result: true });
    expect(flaky.attempts()).toBe(4);
    expect(waits).toEqual([100, 400, 1_000]);
  });

  it("retries undici's connect timeout and a fault it wraps in a cause", async () => {
    const wrapped = Object.assign(new TypeError("fetch failed"), { cause: networkError("read ECONNRESET", "ECONNRESET") });
    const flaky = flakyCall([new undiciErrors.ConnectTimeoutError(), wrapped]);
    const { waits, sleep } = recordedSleep();
    await expect(call(flaky.prev, sleep)).resolves.toEqual({ ok: true, result: true });
    expect(flaky.attempts()).toBe(3);
    // The reset under the wrapper is a stale socket's signature, but only the first retry goes at once.
    expect(waits).toEqual([100, 400]);
  });

  it("does not retry what another attempt would repeat: an answer that is not HTTP or not JSON, a header undici refuses", async () => {
    for (const error of [new undiciErrors.HTTPParserError("Response does not match the HTTP/1.1 protocol"), new SyntaxError("Unexpected token < in JSON at position 0"), new undiciErrors.InvalidArgumentError("invalid x-evil header")]) {
      const flaky = flakyCall([error]);
      await expect(call(flaky.prev)).rejects.toBeInstanceOf(HttpError);
      expect(flaky.attempts()).toBe(1);
    }
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

/** A Bot API stand-in on raw sockets: `fault` decides what each request (by its index) gets; then an answer. */
async function faultyServer(fault: (index: number, socket: Socket) => "answer" | "handled"): Promise<{ root: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on("error", () => undefined);
    socket.on("data", () => {
      if (fault(requests++, socket) === "answer") {
        const body = JSON.stringify({ ok: true, result: true });
        socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return { root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests, close };
}

// The same faults as undici reports them, through grammY's Api and the bot's client over real sockets.
describe("retrying the faults the Bot API client reports", () => {
  const apiTo = (root: string, fetch = botApiClientFetch) => {
    const api = new Api("123:abc", { apiRoot: root, fetch });
    api.config.use(retryNetworkFaults({ delaysMs: [1, 1, 1], sleep: () => Promise.resolve() }));
    return api;
  };

  it("retries a reset connection, one closed before its answer and one closed mid-answer, then succeeds", async () => {
    const server = await faultyServer((index, socket) => {
      if (index === 0) socket.resetAndDestroy();
      else if (index === 1) socket.destroy();
      else if (index === 2) {
        socket.write("HTTP/1.1 200 OK\r\ncontent-length: 40\r\n\r\n{\"ok\":");
        setTimeout(() => socket.destroy(), 10);
      } else return "answer";
      return "handled";
    });
    try {
      expect(await apiTo(server.root).deleteWebhook()).toBe(true);
      expect(server.requests()).toBe(4);
    } finally {
      await server.close();
    }
  });

  it("retries a refused connection until its retries run out", async () => {
    const server = await faultyServer(() => "answer");
    await server.close();
    let attempts = 0;
    const counting = ((...args: Parameters<typeof botApiClientFetch>) => {
      attempts += 1;
      return botApiClientFetch(...args);
    }) as typeof botApiClientFetch;
    await expect(apiTo(server.root, counting).deleteWebhook()).rejects.toMatchObject({ error: expect.objectContaining({ code: "ECONNREFUSED" }) });
    expect(attempts).toBe(4);
  });

  it("does not retry an answer that is not HTTP", async () => {
    const server = await faultyServer((_index, socket) => {
      socket.write("SSH-2.0-OpenSSH\r\n\r\n");
      return "handled";
    });
    try {
      await expect(apiTo(server.root).deleteWebhook()).rejects.toBeInstanceOf(HttpError);
      expect(server.requests()).toBe(1);
    } finally {
      await server.close();
    }
  });
});
