import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { Agent as HttpsAgent, createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { botApiClientFetch, botApiFetch } from "../../src/telegram/bot-api-fetch.js";
import { createTelegramAgent } from "../../src/telegram/http-agent.js";

const servers: Array<NetServer | HttpServer> = [];
const sockets: Socket[] = [];
afterEach(async () => {
  // The pools keep their idle connections (unreferenced) until undici's keep-alive timeout: cut them here.
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of servers) if ("closeAllConnections" in server) server.closeAllConnections();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server that writes, for each request it reads whole, the raw bytes `answer` gives (in pieces, to test framing). */
async function rawServer(answer: (request: string, socket: Socket, index: number) => Array<string | Buffer> | "hold"): Promise<{ port: number; requests: string[]; connections: () => number }> {
  const requests: string[] = [];
  let connections = 0;
  const server = createNetServer((socket) => {
    connections += 1;
    sockets.push(socket);
    let pending = "";
    socket.on("data", (chunk) => {
      pending += chunk.toString("latin1");
      for (;;) {
        const head = pending.indexOf("\r\n\r\n");
        if (head < 0) return;
        const length = Number(/content-length: (\d+)/i.exec(pending.slice(0, head))?.[1] ?? 0);
        if (pending.length < head + 4 + length) return;
        const request = pending.slice(0, head + 4 + length);
        pending = pending.slice(head + 4 + length);
        requests.push(request);
        const pieces = answer(request, socket, requests.length - 1);
        if (pieces === "hold") continue;
        pieces.forEach((piece, at) => setTimeout(() => socket.writable && socket.write(piece), at * 5));
      }
    });
    socket.on("error", () => undefined);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, requests, connections: () => connections };
}

interface Call {
  body?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** A JSON call as grammY makes it (its headers included), to the raw server on `port`: its status and parsed body. */
async function post(port: number, { body = "{}", headers = {}, signal }: Call = {}): Promise<{ status: number; json: unknown }> {
  const init = { method: "POST", headers: { "content-type": "application/json", connection: "keep-alive", ...headers }, body, ...(signal ? { signal } : {}) };
  const response = await botApiFetch(`http://127.0.0.1:${port}/bot1:a/sendMessage`, init);
  return { status: response.status, json: await response.json() };
}

const OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";

// What the hand-written keep-alive client (z22c) was tested for, now asked of undici through botApiFetch: the framing
// of Telegram's answers, keep-alive and its limits, the errors retry-network-faults.ts must recognise.
describe("the Bot API client on the wire", () => {
  it("writes the request whole (Host, the body's byte length, the body) and reads an answer that arrives in pieces", async () => {
    const body = JSON.stringify({ ok: true, result: { text: "Лист" } });
    const bytes = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const server = await rawServer(() => [bytes.subarray(0, 10), bytes.subarray(10, 60), bytes.subarray(60)]);
    const payload = JSON.stringify({ chat_id: 1, text: "Привіт" });
    await expect(post(server.port, { body: payload })).resolves.toEqual({ status: 200, json: JSON.parse(body) });
    const request = server.requests[0] as string;
    expect(request.startsWith(`POST /bot1:a/sendMessage HTTP/1.1\r\nhost: 127.0.0.1:${server.port}\r\nconnection: keep-alive\r\n`)).toBe(true);
    expect(request).toContain("content-type: application/json\r\n");
    expect(request.toLowerCase()).toContain(`content-length: ${Buffer.byteLength(payload)}\r\n`);
    expect(Buffer.from(request, "latin1").toString("utf8").endsWith(`\r\n\r\n${payload}`)).toBe(true);
  });

  // undici's Pool opens a second connection for the call right after its first (the first stays marked busy until
  // its drain event), so "kept" reads "at most two connections for many calls" and "not kept" "one per call".
  it("keeps the connection for the next calls, and opens a new one after each answer that said Connection: close", async () => {
    let close = false;
    const server = await rawServer(() => [close ? "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}" : OK]);
    for (let call = 0; call < 6; call++) await expect(post(server.port)).resolves.toEqual({ status: 200, json: {} });
    const kept = server.connections();
    expect(kept).toBeLessThanOrEqual(2);
    close = true;
    for (let call = 0; call < 6; call++) await expect(post(server.port)).resolves.toEqual({ status: 200, json: {} });
    // The kept connections served the first of these, and each answer closed the one it came on: one per call.
    expect(server.connections()).toBe(6);
  });

  it("does not reuse a connection past the server's Keep-Alive hint (less undici's 2 s), and reuses one within it", async () => {
    let timeout = 5;
    const server = await rawServer(() => [`HTTP/1.1 200 OK\r\nKeep-Alive: timeout=${timeout}\r\nContent-Length: 2\r\n\r\n{}`]);
    for (let call = 0; call < 6; call++) await expect(post(server.port)).resolves.toEqual({ status: 200, json: {} });
    const kept = server.connections();
    expect(kept).toBeLessThanOrEqual(2);
    // timeout=1: no time left to reuse a socket after its answer (the kept ones served the first calls): one per call.
    timeout = 1;
    for (let call = 0; call < 6; call++) await expect(post(server.port)).resolves.toEqual({ status: 200, json: {} });
    expect(server.connections()).toBe(6);
  });

  it("reads chunked answers (with extensions and trailers), answers without a length until the close, HTTP/1.0", async () => {
    const answers = [
      ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\n{\"ok\"", "\r\n8\r\n:true, \"\r\n", "a\r\nresult\":1}\r\n0\r\nX-Trailer: y\r\n\r\n"],
      ["HTTP/1.1 400 Bad Request\r\nContent-Length: 12\r\n\r\n{\"ok\":fals", "e}"],
      ["HTTP/1.0 200 OK\r\n\r\n{\"old\":", "true}"],
      ["HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnull"],
    ];
    const server = await rawServer((_request, socket, index) => {
      const pieces = answers[index] ?? [];
      // The HTTP/1.0 answer without a length ends when the server closes.
      if (index === 2) setTimeout(() => socket.end(), 30);
      return pieces;
    });
    await expect(post(server.port)).resolves.toEqual({ status: 200, json: { ok: true, result: 1 } });
    await expect(post(server.port)).resolves.toEqual({ status: 400, json: { ok: false } });
    await expect(post(server.port)).resolves.toEqual({ status: 200, json: { old: true } });
    await expect(post(server.port)).resolves.toEqual({ status: 200, json: null });
    expect(server.connections()).toBe(2);
  });

  it("forgets a connection the server closed while it was idle; one closed before its answer, or mid-answer, is a socket error", async () => {
    const server = await rawServer((_request, socket, index) => {
      if (index === 0) setTimeout(() => socket.end(), 20); // answered, then closed while idle
      if (index === 1) {
        socket.destroy(); // closed before answering
        return "hold";
      }
      if (index === 2) {
        setTimeout(() => socket.destroy(), 20); // closed mid-answer
        return ["HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n{\"ok\":"];
      }
      return [OK];
    });
    await expect(post(server.port)).resolves.toEqual({ status: 200, json: {} });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await expect(post(server.port)).rejects.toMatchObject({ code: "UND_ERR_SOCKET" });
    await expect(post(server.port)).rejects.toMatchObject({ code: "UND_ERR_SOCKET" });
    await expect(post(server.port)).resolves.toEqual({ status: 200, json: {} });
    expect(server.connections()).toBe(4);
  });

  it("reports a reset connection and a refused one with the socket's own error", async () => {
    const server = await rawServer((_request, socket) => {
      socket.resetAndDestroy();
      return "hold";
    });
    await expect(post(server.port)).rejects.toMatchObject({ code: "ECONNRESET", message: "read ECONNRESET" });
    const closed = createNetServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(post(port)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("ends a call when its signal aborts, refuses an aborted signal, and rejects what is not HTTP", async () => {
    const server = await rawServer((_request, _socket, index) => (index === 0 ? "hold" : ["SSH-2.0-OpenSSH\r\n\r\n"]));
    const controller = new AbortController();
    const hanging = post(server.port, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    await expect(hanging).rejects.toThrow(/abort/i);
    await expect(post(server.port, { signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
    await expect(post(server.port)).rejects.toThrow(/does not match the HTTP/);
    expect(server.requests).toHaveLength(2);
  });

  it("reads a gateway's 5xx page (not JSON) as the Bot API's error with that status, so auto-retry retries it; other non-JSON answers stay errors", async () => {
    const page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
    const server = await rawServer((_request, _socket, index) => {
      if (index === 0) return [`HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: ${page.length}\r\n\r\n${page}`];
      if (index === 1) return [`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${page.length}\r\n\r\n${page}`];
      const body = JSON.stringify({ ok: true, result: true });
      return [`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`];
    });
    expect(await post(server.port)).toEqual({ status: 502, json: { ok: false, error_code: 502, description: "HTTP 502: the answer was not the Bot API's JSON" } });
    await expect(post(server.port)).rejects.toThrow(SyntaxError);
    // Through grammY with auto-retry as the bot sets it up: the gateway's page, then the Bot API's answer.
    const flaky = await rawServer((_request, _socket, index) => {
      if (index === 0) return [`HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: ${page.length}\r\n\r\n${page}`];
      const body = JSON.stringify({ ok: true, result: true });
      return [`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`];
    });
    const root = `http://127.0.0.1:${flaky.port}`;
    const api = new Api("123:abc", { apiRoot: root, fetch: botApiClientFetch, baseFetchConfig: { agent: createTelegramAgent(root) } });
    api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true }));
    expect(await api.deleteWebhook()).toBe(true);
    expect(flaky.requests).toHaveLength(2);
  });

  it("refuses a header that would split the request", async () => {
    await expect(post(1, { headers: { "x-evil": "a\r\nHost: other" } })).rejects.toThrow(/invalid x-evil header/);
  });

  it("speaks TLS with the agent's certificates, over kept connections", async () => {
    const key = readFileSync(new URL("../fixtures/tls/localhost-test-only.key", import.meta.url));
    const cert = readFileSync(new URL("../fixtures/tls/localhost-test-only.crt", import.meta.url));
    let connections = 0;
    const server = createHttpsServer({ key, cert }, (request, response) => {
      request.resume();
      request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result: request.url })));
    });
    server.on("secureConnection", () => (connections += 1));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const root = `https://localhost:${(server.address() as AddressInfo).port}`;
    const api = new Api("123:abc", { apiRoot: root, fetch: botApiClientFetch, baseFetchConfig: { agent: new HttpsAgent({ keepAlive: true, ca: cert }) } });
    expect(await api.getMe()).toBe("/bot123:abc/getMe");
    for (let call = 0; call < 5; call++) expect(await api.deleteWebhook()).toBe("/bot123:abc/deleteWebhook");
    expect(connections).toBeLessThanOrEqual(2);
    // Without the test CA, the certificate is refused as Node's https would.
    const untrusting = new Api("123:abc", { apiRoot: root, fetch: botApiClientFetch, baseFetchConfig: { agent: createTelegramAgent(root) } });
    await expect(untrusting.getMe()).rejects.toMatchObject({ error: expect.objectContaining({ message: expect.stringMatching(/certificate/i) }) });
  });

  it("answers grammY's calls through a node:http server that closes idle connections, as Telegram's do", async () => {
    let connections = 0;
    const server = createHttpServer((request, response) => {
      request.resume();
      request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result: true })));
    });
    server.on("connection", () => (connections += 1));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const api = new Api("123:abc", { apiRoot: root, fetch: botApiClientFetch, baseFetchConfig: { agent: createTelegramAgent(root) } });
    expect(await Promise.all([api.deleteWebhook(), api.deleteWebhook(), api.deleteWebhook()])).toEqual([true, true, true]);
    expect(connections).toBe(3);
    expect(await api.deleteWebhook()).toBe(true);
    expect(connections).toBe(3);
    // The server drops its idle connections (Telegram's close after a while); the pool must not write to them.
    server.closeIdleConnections();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await api.deleteWebhook()).toBe(true);
    expect(connections).toBe(4);
  });
});
