import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { requestThread } from "../../bench/thread-request.js";

/** A thread that answers each request with `answer(request)`: a message, an error or an exit, as the test says. */
class StandInThread extends EventEmitter {
  constructor(private readonly answer: (request: unknown) => ["message", unknown] | ["error", Error] | ["exit", number]) {
    super();
  }

  postMessage(request: unknown): void {
    const [event, value] = this.answer(request);
    queueMicrotask(() => this.emit(event, value));
  }

  listenersLeft(): number {
    return this.listenerCount("message") + this.listenerCount("error") + this.listenerCount("exit");
  }
}

describe("requestThread (bench:broadcast's requests to its fake's thread)", () => {
  it("leaves no listener behind after any number of answered requests", async () => {
    const thread = new StandInThread((request) => ["message", { echo: request }]);
    for (let index = 0; index < 25; index++) expect(await requestThread(thread, index)).toEqual({ echo: index });
    expect(thread.listenersLeft()).toBe(0);
  });

  it("rejects on the thread's error or exit, and leaves no listener behind either", async () => {
    const failing = new StandInThread(() => ["error", new Error("boom")]);
    await expect(requestThread(failing, "start")).rejects.toThrow("boom");
    expect(failing.listenersLeft()).toBe(0);
    const exiting = new StandInThread(() => ["exit", 1]);
    await expect(requestThread(exiting, "report")).rejects.toThrow("exited (code 1) before answering");
    expect(exiting.listenersLeft()).toBe(0);
  });
});
