import { Buffer } from "node:buffer";
import { connect, type Socket } from "node:net";

/**
 * One bot instance's webhook as Telegram reaches it: HTTP/1.1 POSTs over keep-alive connections (one exchange at a
 * time on each, at most one per pump connection), written by hand: the request line, the headers and the JSON body in
 * one buffer and one write; the answer read as bytes only as far as its status, its framing (Content-Length or chunked) and
 * `Connection: close`. `fetch` (undici) built a WHATWG Request, Response, header map, abort signal and body stream
 * around every POST (a fifth of the harness's CPU), Node's `http.request` a ClientRequest, an IncomingMessage and
 * their streams (docs/production.md, "The harness's CPU per update").
 */
export class WebhookEndpoint {
  private readonly idle: WebhookConnection[] = [];
  private readonly open = new Set<WebhookConnection>();
  private readonly port: number;
  private readonly hostname: string;
  /** Everything before the secret token and the body's length, the same for every POST. */
  private readonly head: string;

  constructor(url: string) {
    const parsed = new URL(url);
    this.port = Number(parsed.port);
    this.hostname = parsed.hostname;
    this.head = `POST ${parsed.pathname} HTTP/1.1\r\nHost: ${parsed.host}\r\nContent-Type: application/json\r\n`;
  }

  /**
   * The answer's status; rejects on a broken connection (Telegram then delivers the update again). `body` is the
   * JSON, best as its UTF-8 bytes (the pump encodes each update once, however often it is delivered).
   */
  async post(json: string | Buffer, secretToken: string): Promise<number> {
    const body = typeof json === "string" ? Buffer.from(json) : json;
    let connection = this.idle.pop();
    while (connection?.closed) connection = this.idle.pop();
    if (!connection) {
      connection = new WebhookConnection(this.port, this.hostname);
      this.open.add(connection);
    }
    try {
      const head = `${this.head}X-Telegram-Bot-Api-Secret-Token: ${secretToken}\r\nContent-Length: ${body.length}\r\n\r\n`;
      // One buffer, one write: `head + body` as a string was flattened (two bytes a character for Cyrillic) and encoded
      // again on every POST.
      const request = Buffer.allocUnsafe(head.length + body.length);
      request.write(head, 0, "latin1");
      body.copy(request, head.length);
      const answer = await connection.exchange(request);
      if (answer.keepAlive) this.idle.push(connection);
      else this.forget(connection);
      return answer.status;
    } catch (error) {
      this.forget(connection);
      throw error;
    }
  }

  private forget(connection: WebhookConnection): void {
    connection.close();
    this.open.delete(connection);
  }

  close(): void {
    for (const connection of this.open) connection.close();
    this.open.clear();
    this.idle.length = 0;
  }
}

export interface WebhookAnswer {
  readonly status: number;
  readonly keepAlive: boolean;
}

/** One keep-alive connection to the bot's webhook server. */
class WebhookConnection {
  private readonly socket: Socket;
  /** The answer so far, one character per byte (latin1): lengths in it are byte counts. */
  private received = "";
  private waiting: { resolve: (answer: WebhookAnswer) => void; reject: (error: Error) => void } | undefined;
  closed = false;

  constructor(port: number, hostname: string) {
    this.socket = connect(port, hostname);
    this.socket.setNoDelay(true);
    this.socket.setEncoding("latin1");
    this.socket.on("data", (chunk: string) => {
      this.received += chunk;
      try {
        const answer = completeAnswer(this.received);
        if (answer) this.settle(answer);
      } catch (error) {
        this.settle(error as Error);
      }
    });
    this.socket.on("error", (error) => this.settle(error));
    this.socket.on("close", () => {
      this.closed = true;
      this.settle(new Error("the connection closed before the answer ended"));
    });
  }

  exchange(request: Buffer): Promise<WebhookAnswer> {
    this.received = "";
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  private settle(outcome: WebhookAnswer | Error): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (outcome instanceof Error) waiting?.reject(outcome);
    else waiting?.resolve(outcome);
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }
}

/** The answer's status once all of it arrived (Content-Length or chunked framing), else undefined. */
export function completeAnswer(received: string): WebhookAnswer | undefined {
  const headEnd = received.indexOf("\r\n\r\n");
  if (headEnd === -1) return undefined;
  const head = received.slice(0, headEnd).toLowerCase();
  const status = Number(head.slice(9, 12));
  const keepAlive = !/\r\nconnection:[ \t]*close/.test(head);
  const bodyStart = headEnd + 4;
  const length = /\r\ncontent-length:[ \t]*(\d+)/.exec(head);
  if (length) return received.length - bodyStart >= Number(length[1]) ? { status, keepAlive } : undefined;
  if (!/\r\ntransfer-encoding:[ \t]*chunked/.test(head)) {
    if (status === 204 || status === 304) return { status, keepAlive };
    throw new Error(`a webhook answer without Content-Length or chunked framing: ${JSON.stringify(head)}`);
  }
  for (let at = bodyStart; ; ) {
    const lineEnd = received.indexOf("\r\n", at);
    if (lineEnd === -1) return undefined;
    const size = Number.parseInt(received.slice(at, lineEnd), 16);
    // The last chunk, then optional trailer lines, then an empty line.
    if (size === 0) return received.indexOf("\r\n\r\n", lineEnd) === -1 ? undefined : { status, keepAlive };
    at = lineEnd + 2 + size + 2;
    if (at > received.length) return undefined;
  }
}
