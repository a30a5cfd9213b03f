import type { IncomingMessage } from "node:http";

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * Reads a request body, refusing more than `limit` bytes without buffering the excess (the request is then destroyed,
 * as leaving a `for await` loop over it did). On listeners rather than `for await`: the stream's async iterator and
 * its end-of-stream watcher cost ~2 % of the bot's CPU under `bench:load`, one per webhook update (docs/production.md,
 * "Issue 14, seventh round (z22c)"). A request that errors or closes before its end rejects.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Inline listeners, left on the finished request: a named one is a keepNames call per update in the bundle.
    request
      .on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limit) return void chunks.push(chunk);
        reject(new BodyTooLargeError(limit));
        request.destroy();
      })
      .once("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)))
      .once("error", reject)
      // A request read whole is `complete` when it closes; after a rejection this settles nothing (a promise settles once).
      .once("close", () => {
        if (!request.complete) reject(Object.assign(new Error("the request closed before its body ended"), { code: "ERR_STREAM_PREMATURE_CLOSE" }));
      });
  });
}
