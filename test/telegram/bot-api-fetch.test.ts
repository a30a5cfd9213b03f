import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Api } from "grammy";
import { afterEach, expect, it } from "vitest";
import { botApiClientFetch, botApiFetch } from "../../src/telegram/bot-api-fetch.js";
import { createTelegramAgent } from "../../src/telegram/http-agent.js";

let server: Server | undefined;
afterEach(async () => {
  // The pools keep their idle connections (unreferenced) until undici's keep-alive timeout: cut them here.
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A Bot API stand-in: records each request, answers what `answer` says (or nothing: the handler may cut the socket). */
async function serve(answer: (seen: Seen, request: IncomingMessage, respond: (status: number, body: string) => void) => void): Promise<{ root: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = { method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      seen.push(entry);
      answer(entry, request, (status, body) => response.writeHead(status, { "content-type": "application/json" }).end(body));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { root: `http://127.0.0.1:${(server?.address() as AddressInfo).port}`, seen };
}

it("sends grammY's calls over undici: JSON with its length, Telegram's answer and its errors as grammY expects them", async () => {
  const { root, seen } = await serve((entry, _request, respond) => {
    if (entry.url?.endsWith("/sendMessage")) respond(200, JSON.stringify({ ok: true, result: { message_id: 7, date: 0, chat: { id: 1, type: "private" }, text: "Привіт" } }));
    else respond(400, JSON.stringify({ ok: false, error_code: 400, description: "Bad Request: chat not found" }));
  });
  const api = new Api("123:abc", { apiRoot: root, fetch: botApiClientFetch, baseFetchConfig: { agent: createTelegramAgent(root) } });
  const sent = await api.sendMessage(1, "Привіт <b>світ</b>", { parse_mode: "HTML" });
  expect(sent.message_id).toBe(7);
  const request = seen[0] as Seen;
  expect(request.method).toBe("POST");
  expect(request.url).toBe("/bot123:abc/sendMessage");
  expect(JSON.parse(request.body)).toEqual({ chat_id: 1, text: "Привіт <b>світ</b>", parse_mode: "HTML" });
  expect(Number(request.headers["content-length"])).toBe(Buffer.byteLength(request.body));
  await expect(api.getChat(5)).rejects.toMatchObject({ error_code: 400, description: "Bad Request: chat not found" });
});

it("sends each bot's calls to its own address: the Host header, the API root's own path and the test environment kept", async () => {
  const { root, seen } = await serve((_entry, _request, respond) => respond(200, JSON.stringify({ ok: true, result: true })));
  const port = new URL(root).port;
  // The same server reached as two API roots (one behind a path prefix, as a proxy would be) by two bots.
  const first = new Api("123:abc", { apiRoot: root, fetch: botApiClientFetch });
  const second = new Api("456:def", { apiRoot: `http://localhost:${port}/proxy/telegram`, fetch: botApiClientFetch, environment: "test" });
  await first.deleteWebhook();
  await second.deleteWebhook();
  await first.getMe().catch(() => undefined);
  expect(seen.map((entry) => `${entry.headers.host} ${entry.url}`)).toEqual([
    `127.0.0.1:${port} /bot123:abc/deleteWebhook`,
    `localhost:${port} /proxy/telegram/bot456:def/test/deleteWebhook`,
    `127.0.0.1:${port} /bot123:abc/getMe`,
  ]);
});

it("sends a multipart upload (a document) whole: in one piece with its length from memory, chunked from a stream", async () => {
  const { root, seen } = await serve((_entry, _request, respond) => respond(200, JSON.stringify({ ok: true, result: true })));
  const api = new Api("123:abc", { apiRoot: root, fetch: botApiClientFetch });
  const { InputFile } = await import("grammy");
  const { Readable } = await import("node:stream");
  const content = "%PDF-1.4 " + "листи ".repeat(20_000);
  const bytes = Buffer.from(content);
  await api.sendDocument(1, new InputFile(bytes, "letters.pdf"));
  await api.sendDocument(1, new InputFile(Readable.from([bytes.subarray(0, 70_000), bytes.subarray(70_000)]), "letters.pdf"));
  for (const request of seen) {
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.body).toContain("filename=letters.pdf");
    // Over 200 KB: several chunks on the wire, every byte of them in the body.
    expect(request.body.includes(content)).toBe(true);
  }
  // grammY built the first body in one buffer (patches/grammy+1.46.0.patch): it goes with its length.
  expect([seen[0]?.headers["content-length"], seen[0]?.headers["transfer-encoding"]]).toEqual([String(Buffer.byteLength(seen[0]?.body ?? "")), undefined]);
  expect(seen[1]?.headers["transfer-encoding"]).toBe("chunked");
});

it("ends the request when its signal aborts, and reports a connection closed before its answer with undici's error", async () => {
  let requestsSeen = 0;
  const { root } = await serve((_entry, request) => {
    requestsSeen += 1;
    if (requestsSeen === 2) request.socket.destroy();
    // The first request is never answered: only the abort ends it.
  });
  const controller = new AbortController();
  const hanging = botApiFetch(`${root}/bot1:a/getMe`, { method: "POST", body: "{}", signal: controller.signal });
  await new Promise((resolve) => setTimeout(resolve, 50));
  controller.abort();
  await expect(hanging).rejects.toThrow(/aborted/i);
  await expect(botApiFetch(`${root}/bot1:a/getMe`, { method: "POST", body: "{}" })).rejects.toMatchObject({ code: "UND_ERR_SOCKET" });
  await expect(botApiFetch(`${root}/bot1:a/getMe`, { method: "POST", body: "{}", signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  expect(requestsSeen).toBe(2);
});
