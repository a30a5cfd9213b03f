import { createServer, type IncomingMessage, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { BodyTooLargeError, readBody } from "../../src/server/read-body.js";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A server that reads each request's body with `readBody` (limit 100 bytes) and hands the outcome to the test. */
async function serve(): Promise<{ port: number; next: () => Promise<{ request: IncomingMessage; outcome: Buffer | Error }> }> {
  const outcomes: Array<{ request: IncomingMessage; outcome: Buffer | Error }> = [];
  const waiting: Array<() => void> = [];
  server = createServer((request, response) => {
    readBody(request, 100).then(
      (body) => {
        outcomes.push({ request, outcome: body });
        response.end("ok");
      },
      (error: Error) => outcomes.push({ request, outcome: error }),
    ).finally(() => waiting.shift()?.());
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const next = async () => {
    while (outcomes.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    return outcomes.shift() as { request: IncomingMessage; outcome: Buffer | Error };
  };
  return { port: (server.address() as AddressInfo).port, next };
}

/** Writes raw bytes (in pieces, a few milliseconds apart) on a new connection; `end` closes it after the last. */
function send(port: number, pieces: string[], end = false) {
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => undefined);
  pieces.forEach((piece, at) => setTimeout(() => socket.write(piece), at * 10));
  if (end) setTimeout(() => socket.destroy(), pieces.length * 10 + 20);
  return socket;
}

it("reads a body that arrives in pieces, whole, chunked or with its length", async () => {
  const { port, next } = await serve();
  const sized = send(port, ["POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n{\"upd", "ate\":", "1}\r\n"]);
  expect(String((await next()).outcome)).toBe('{"update":1}');
  sized.destroy();
  const chunked = send(port, ["POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", "8\r\nЛист\r\n", "0\r\n\r\n"]);
  expect(String((await next()).outcome)).toBe("Лист");
  chunked.destroy();
});

it("refuses a body over the limit, declared or streamed, and destroys a streamed one; rejects one cut short", async () => {
  const { port, next } = await serve();
  const declared = send(port, ["POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n"]);
  expect((await next()).outcome).toBeInstanceOf(BodyTooLargeError);
  declared.destroy();
  const streamed = send(port, ["POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", `3c\r\n${"x".repeat(60)}\r\n`, `3c\r\n${"x".repeat(60)}\r\n`]);
  const refused = await next();
  expect(refused.outcome).toBeInstanceOf(BodyTooLargeError);
  expect(refused.request.destroyed).toBe(true);
  streamed.destroy();
  send(port, ["POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n", "only part of it"], true);
  const cut = await next();
  expect(cut.outcome).toBeInstanceOf(Error);
  expect(cut.outcome).not.toBeInstanceOf(BodyTooLargeError);
});
