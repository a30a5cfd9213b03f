import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { completeAnswer, WebhookEndpoint } from "../../bench/webhook-client.js";

let server: Server | undefined;
let endpoint: WebhookEndpoint | undefined;

afterEach(async () => {
  endpoint?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = endpoint = undefined;
});

/** A webhook server that records what it was sent and answers as `answer` says. */
async function webhook(answer: (body: string, response: ServerResponse) => void): Promise<{ url: string; seen: Array<{ body: string; secret: string | undefined; socket: number }> }> {
  const seen: Array<{ body: string; secret: string | undefined; socket: number }> = [];
  const sockets = new Map<object, number>();
  server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      if (!sockets.has(request.socket)) sockets.set(request.socket, sockets.size);
      seen.push({ body, secret: request.headers["x-telegram-bot-api-secret-token"] as string | undefined, socket: sockets.get(request.socket) ?? -1 });
      answer(body, response);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server?.address() as AddressInfo).port}/telegram`, seen };
}

describe("bench:load's webhook client", () => {
  it("POSTs the body and the secret, reads chunked and sized answers, and reuses the connection", async () => {
    const { url, seen } = await webhook((body, response) => {
      // As the bot's webhook answers: headers first, then the body (chunked); a 503 with a length.
      if (body.includes("late")) {
        response.writeHead(503, { "content-length": "4" });
        return void response.end("late");
      }
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      response.end("");
    });
    endpoint = new WebhookEndpoint(url);
    const update = JSON.stringify({ update_id: 1, message: { text: "Здравствуйте, Борис Юльевич!" } });
    expect(await endpoint.post(update, "s3cret")).toBe(200);
    expect(await endpoint.post('{"late":true}', "s3cret")).toBe(503);
    expect(await endpoint.post(update, "s3cret")).toBe(200);
    expect(seen.map((one) => one.body)).toEqual([update, '{"late":true}', update]);
    expect(seen.every((one) => one.secret === "s3cret" && one.socket === 0)).toBe(true);
  });

  it("opens a new connection after the server closes one, and rejects an answer cut short", async () => {
    const { url, seen } = await webhook((body, response) => {
      if (body === "close") response.setHeader("connection", "close");
      if (body === "cut") return void response.socket?.destroy();
      response.end("ok");
    });
    endpoint = new WebhookEndpoint(url);
    expect(await endpoint.post("close", "s")).toBe(200);
    expect(await endpoint.post("again", "s")).toBe(200);
    await expect(endpoint.post("cut", "s")).rejects.toThrow(/closed before the answer ended/);
    expect(await endpoint.post("after", "s")).toBe(200);
    expect(seen.map((one) => one.socket)).toEqual([0, 1, 1, 2]);
  });

  it("waits for the whole answer, whichever way it is framed", () => {
    const head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    expect(completeAnswer(head)).toBeUndefined();
    expect(completeAnswer(`${head}2\r\nok\r\n`)).toBeUndefined();
    expect(completeAnswer(`${head}2\r\nok\r\n0\r\n`)).toBeUndefined();
    expect(completeAnswer(`${head}2\r\nok\r\n0\r\n\r\n`)).toEqual({ status: 200, keepAlive: true });
    expect(completeAnswer(`${head}0\r\nX-Trailer: 1\r\n\r\n`)).toEqual({ status: 200, keepAlive: true });
    const sized = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\nConnection: close\r\n\r\n";
    expect(completeAnswer(`${sized}la`)).toBeUndefined();
    expect(completeAnswer(`${sized}late`)).toEqual({ status: 503, keepAlive: false });
    expect(() => completeAnswer("HTTP/1.1 200 OK\r\n\r\n")).toThrow(/without Content-Length or chunked/);
  });
});
