import { connect, type Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../src/index.js";

/** The fake's own HTTP/1.1 server, spoken to byte by byte: what Bot API clients may send besides a plain JSON POST. */

const OLENA = 1001;

let fake: FakeTelegram;
let port: number;

beforeEach(async () => {
  fake = await FakeTelegram.start();
  fake.addUser({ id: OLENA, first_name: "Олена" });
  port = Number(new URL(fake.apiRoot).port);
});

afterEach(async () => {
  expect(fake.internalErrors).toEqual([]);
  await fake.stop();
});

interface Answer {
  readonly status: number;
  readonly headers: string;
  readonly body: string;
}

/** A raw connection that collects answers (Content-Length framed) as they arrive. */
class RawClient {
  private readonly socket: Socket;
  private received = Buffer.alloc(0);
  private readonly answers: Answer[] = [];
  private readonly waiting: Array<() => void> = [];
  closed = false;

  constructor() {
    this.socket = connect(port, "127.0.0.1");
    this.socket.on("data", (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.parse();
    });
    this.socket.on("close", () => {
      this.closed = true;
      for (const wake of this.waiting.splice(0)) wake();
    });
  }

  send(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** Waits for the n-th answer (1-based) or the connection's end. */
  async answer(n: number): Promise<Answer | undefined> {
    while (this.answers.length < n && !this.closed) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.answers[n - 1];
  }

  async closedByServer(): Promise<boolean> {
    while (!this.closed) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return true;
  }

  close(): void {
    this.socket.destroy();
  }

  private parse(): void {
    for (;;) {
      const headEnd = this.received.indexOf("\r\n\r\n");
      if (headEnd === -1) return;
      const head = this.received.toString("latin1", 0, headEnd);
      const status = Number(head.slice(9, 12));
      if (status === 100) {
        this.received = this.received.subarray(headEnd + 4);
        this.answers.push({ status, headers: head, body: "" });
        for (const wake of this.waiting.splice(0)) wake();
        continue;
      }
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
      if (this.received.length < headEnd + 4 + length) return;
      this.answers.push({ status, headers: head, body: this.received.toString("utf8", headEnd + 4, headEnd + 4 + length) });
      this.received = this.received.subarray(headEnd + 4 + length);
      for (const wake of this.waiting.splice(0)) wake();
    }
  }
}

const sendMessagePath = () => `/bot${fake.token}/sendMessage`;

function jsonRequest(path: string, body: unknown, extraHeaders = ""): Buffer {
  const json = Buffer.from(JSON.stringify(body));
  return Buffer.concat([
    Buffer.from(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\n${extraHeaders}\r\n`),
    json,
  ]);
}

describe("the fake's HTTP/1.1 server", () => {
  it("reads a chunked body, whose chunks arrive in separate writes", async () => {
    const client = new RawClient();
    const json = Buffer.from(JSON.stringify({ chat_id: OLENA, text: "частинами" }));
    client.send(`POST ${sendMessagePath()} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
    client.send(Buffer.concat([Buffer.from(`${(10).toString(16)}\r\n`), json.subarray(0, 10), Buffer.from("\r\n")]));
    client.send(Buffer.concat([Buffer.from(`${(json.length - 10).toString(16)};ext=1\r\n`), json.subarray(10), Buffer.from("\r\n")]));
    client.send("0\r\n\r\n");
    const answer = await client.answer(1);
    expect(answer?.status).toBe(200);
    expect(JSON.parse(answer?.body ?? "")).toMatchObject({ ok: true, result: { text: "частинами" } });
    client.close();
  });

  it("reads a sized body split across writes, then serves the next request on the same connection", async () => {
    const client = new RawClient();
    const first = jsonRequest(sendMessagePath(), { chat_id: OLENA, text: "перший" });
    client.send(first.subarray(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 20));
    client.send(first.subarray(20, first.length - 3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    client.send(first.subarray(first.length - 3));
    expect((await client.answer(1))?.status).toBe(200);
    client.send(jsonRequest(sendMessagePath(), { chat_id: OLENA, text: "другий" }));
    expect((await client.answer(2))?.status).toBe(200);
    expect(fake.messages(OLENA).map((message) => message.text)).toEqual(["перший", "другий"]);
    expect(client.closed).toBe(false);
    client.close();
  });

  it("answers pipelined requests one after another, in order", async () => {
    const client = new RawClient();
    client.send(
      Buffer.concat([
        jsonRequest(sendMessagePath(), { chat_id: OLENA, text: "1" }),
        jsonRequest(`/bot${fake.token}/getMe`, {}),
        jsonRequest(sendMessagePath(), { chat_id: 42, text: "3" }),
      ]),
    );
    const answers = await Promise.all([client.answer(1), client.answer(2), client.answer(3)]);
    expect(answers.map((answer) => answer?.status)).toEqual([200, 200, 400]);
    expect(JSON.parse(answers[1]?.body ?? "")).toMatchObject({ ok: true, result: { id: fake.botId } });
    expect(JSON.parse(answers[2]?.body ?? "")).toMatchObject({ ok: false, description: "Bad Request: chat not found" });
    client.close();
  });

  it("closes the connection after the answer when the client asks, or speaks HTTP/1.0 without keep-alive", async () => {
    const closing = new RawClient();
    closing.send(jsonRequest(`/bot${fake.token}/getMe`, {}, "Connection: close\r\n"));
    expect((await closing.answer(1))?.headers).toMatch(/\r\nConnection: close/);
    expect(await closing.closedByServer()).toBe(true);

    const old = new RawClient();
    old.send(`GET /bot${fake.token}/getMe HTTP/1.0\r\nHost: x\r\n\r\n`);
    expect((await old.answer(1))?.status).toBe(200);
    expect(await old.closedByServer()).toBe(true);
  });

  it("sends 100 Continue to a client that expects it before its body", async () => {
    const client = new RawClient();
    const json = JSON.stringify({ chat_id: OLENA, text: "чекаю" });
    client.send(
      `POST ${sendMessagePath()} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    expect((await client.answer(1))?.status).toBe(100);
    client.send(json);
    expect((await client.answer(2))?.status).toBe(200);
    client.close();
  });

  it("refuses a malformed request with 400, and a body over Telegram's 50 MB with 413, closing the connection", async () => {
    const malformed = new RawClient();
    malformed.send("HELLO\r\n\r\n");
    expect((await malformed.answer(1))?.status).toBe(400);
    expect(await malformed.closedByServer()).toBe(true);

    const huge = new RawClient();
    huge.send(`POST ${sendMessagePath()} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024 + 1}\r\n\r\n`);
    expect((await huge.answer(1))?.status).toBe(413);
    expect(await huge.closedByServer()).toBe(true);
    expect(fake.stats().total).toBe(0);
  });
});
