import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { Agent as HttpsAgent, createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from "node:net";
import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { botApiClientFetch } from "../../src/telegram/bot-api-fetch.js";
import { createTelegramAgent } from "../../src/telegram/http-agent.js";
import { KeepAlivePool, type PlainRequest } from "../../src/telegram/keep-alive-client.js";

const servers: Array<NetServer | HttpServer> = [];
const pools: KeepAlivePool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) pool.close();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server that writes, for each request it reads whole, the raw bytes `answer` gives (in pieces, to test framing). */
async function rawServer(answer: (request: string, socket: Socket, index: number) => Array<string | Buffer> | "hold"): Promise<{ port: number; requests: string[]; connections: () => number }> {
  const requests: string[] = [];
  let connections = 0;
  const server = createNetServer((socket) => {
    connections += 1;
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

function poolTo(port: number, protocol = "http:", tls = {}): KeepAlivePool {
  const pool = new KeepAlivePool({ protocol, hostname: "127.0.0.1", port, host: `127.0.0.1:${port}` }, tls);
  pools.push(pool);
  return pool;
}

const post = (body: string, extra: Partial<PlainRequest> = {}): PlainRequest => ({ method: "POST", path: "/bot1:a/sendMessage", headers: ["content-type", "application/json"], body, ...extra });

describe("the keep-alive client of the Bot API's JSON calls", () => {
  it("writes the request whole (Host first, the body's byte length) and reads an answer that arrives in pieces", async () => {
    const body = JSON.stringify({ ok: true, result: { text: "Лист" } });
    const bytes = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const server = await rawServer(() => [bytes.subarray(0, 10), bytes.subarray(10, 60), bytes.subarray(60)]);
    const pool = poolTo(server.port);
    const payload = JSON.stringify({ chat_id: 1, text: "Привіт" });
    await expect(pool.request(post(payload))).resolves.toEqual({ status: 200, text: body });
    const request = server.requests[0] as string;
    expect(request.startsWith(`POST /bot1:a/sendMessage HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\ncontent-type: application/json\r\n`)).toBe(true);
    expect(request).toContain(`Content-Length: ${Buffer.byteLength(payload)}\r\n`);
    expect(Buffer.from(request, "latin1").toString("utf8").endsWith(`\r\n\r\n${payload}`)).toBe(true);
  });

  it("keeps the connection for the next call, and opens a new one when the server said Connection: close", async () => {
    const server = await rawServer((_request, _socket, index) =>
      index === 1 ? ["HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}"] : ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"],
    );
    const pool = poolTo(server.port);
    for (let call = 0; call < 4; call++) await expect(pool.request(post("{}"))).resolves.toEqual({ status: 200, text: "{}" });
    // Calls 1 and 2 on the first connection (the second answer closes it), 3 and 4 on the second.
    expect(server.connections()).toBe(2);
    expect(pool.idleSockets).toBe(1);
  });

  it("does not reuse a connection past the server's Keep-Alive hint (less a second), and reuses one within it", async () => {
    const server = await rawServer((_request, _socket, index) => [`HTTP/1.1 200 OK\r\nKeep-Alive: timeout=${index < 2 ? 1 : 5}\r\nContent-Length: 2\r\n\r\n{}`]);
    const pool = poolTo(server.port);
    for (let call = 0; call < 4; call++) await expect(pool.request(post("{}"))).resolves.toEqual({ status: 200, text: "{}" });
    // timeout=1: the idle socket is past its time at once, so calls 2 and 3 open new connections; timeout=5 keeps it.
    expect(server.connections()).toBe(3);
  });

  it("reads chunked answers (with extensions and trailers), answers without a length until the close, HTTP/1.0 and 100 Continue", async () => {
    const answers = [
      ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\n{\"ok\"", "\r\n8\r\n:true, \"\r\n", "a\r\nresult\":1}\r\n0\r\nX-Trailer: y\r\n\r\n"],
      ["HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Length: 12\r\n\r\n{\"ok\":fals", "e}"],
      ["HTTP/1.0 200 OK\r\n\r\n{\"old\":", "true}"],
      ["HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"],
    ];
    const server = await rawServer((_request, socket, index) => {
      const pieces = answers[index] ?? [];
      // The HTTP/1.0 answer without a length ends when the server closes.
      if (index === 2) setTimeout(() => socket.end(), 30);
      return pieces;
    });
    const pool = poolTo(server.port);
    await expect(pool.request(post("{}"))).resolves.toEqual({ status: 200, text: '{"ok":true, "result":1}' });
    await expect(pool.request(post("{}"))).resolves.toEqual({ status: 400, text: '{"ok":false}' });
    await expect(pool.request(post("{}"))).resolves.toEqual({ status: 200, text: '{"old":true}' });
    await expect(pool.request(post("{}"))).resolves.toEqual({ status: 200, text: "" });
    expect(server.connections()).toBe(2);
  });

  it("forgets a connection the server closed while it was idle, and reports one closed before its answer as Node does", async () => {
    const server = await rawServer((_request, socket, index) => {
      if (index === 0) setTimeout(() => socket.end(), 20); // answered, then closed while idle
      if (index === 1) {
        socket.destroy(); // closed before answering
        return "hold";
      }
      return ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"];
    });
    const pool = poolTo(server.port);
    await expect(pool.request(post("{}"))).resolves.toEqual({ status: 200, text: "{}" });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(pool.idleSockets).toBe(0);
    await expect(pool.request(post("{}"))).rejects.toMatchObject({ code: "ECONNRESET" });
    await expect(pool.request(post("{}"))).resolves.toEqual({ status: 200, text: "{}" });
    expect(server.connections()).toBe(3);
  });

  it("ends a call when its signal aborts, refuses an aborted signal, and rejects what is not HTTP", async () => {
    const server = await rawServer((_request, _socket, index) => (index === 0 ? "hold" : ["SSH-2.0-OpenSSH\r\n\r\n"]));
    const pool = poolTo(server.port);
    const controller = new AbortController();
    const hanging = pool.request(post("{}", { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    await expect(hanging).rejects.toThrow(/abort/i);
    await expect(pool.request(post("{}", { signal: AbortSignal.abort() }))).rejects.toThrow(/abort/i);
    await expect(pool.request(post("{}"))).rejects.toThrow(/not HTTP/);
    expect(server.requests).toHaveLength(2);
    expect(pool.idleSockets).toBe(0);
  });

  it("refuses a header that would split the request", async () => {
    const pool = poolTo(1);
    await expect(pool.request(post("{}", { headers: ["x-evil", "a\r\nHost: other"] }))).rejects.toThrow(/line break/);
  });

  it("speaks TLS with the agent's certificates, over one connection", async () => {
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
    expect(await api.deleteWebhook()).toBe("/bot123:abc/deleteWebhook");
    expect(connections).toBe(1);
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
