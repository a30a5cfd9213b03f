import type { EventEmitter } from "node:events";

/** A worker thread as a request needs it: `node:worker_threads`' `Worker`, or a stand-in in tests. */
export type RequestableThread = Pick<EventEmitter, "once" | "off"> & { postMessage(message: unknown): void };

/**
 * Posts one request to a thread and settles on its first answer, its error or its exit, whichever comes first, and
 * takes all three listeners off again: one `once("error")` left behind per request piled up on the thread (Node warned
 * of a listener leak past ten requests), and an exit without an answer left the request waiting for ever.
 */
export function requestThread<T>(thread: RequestableThread, request: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const settle = () => {
      thread.off("message", onMessage);
      thread.off("error", onError);
      thread.off("exit", onExit);
    };
    const onMessage = (answer: T) => {
      settle();
      resolve(answer);
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    const onExit = (code: number) => {
      settle();
      reject(new Error(`the thread exited (code ${code}) before answering`));
    };
    thread.once("message", onMessage);
    thread.once("error", onError);
    thread.once("exit", onExit);
    thread.postMessage(request);
  });
}
