// Buffer imported, not read from the global object, whose lazy getter runs a check on every access.
import { Buffer } from "node:buffer";
import { STATUS_CODES } from "node:http";
import { createServer, type Server, type Socket } from "node:net";

/**
 * The fake's HTTP/1.1 server, on `node:net`: what Bot API clients send (grammY's node-fetch, the bot's
 * `http.request`, undici's `fetch`) — a request line, headers, a body framed by Content-Length or chunked — one
 * request at a time per keep-alive connection, answered with a status, a content type and a sized body in one write.
 * `node:http` built an IncomingMessage, a ServerResponse, their streams, header objects and several ticks around
 * every call: a third of what `bench:load`'s harness allocated and a fifth of its CPU (docs/production.md, "Issue
 * 14, seventh round (z22d)"). Malformed requests get 400 and the connection closes, as with `node:http`.
 */

/** Telegram's limit for a multipart upload through the cloud Bot API. */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;
/** Larger request heads are refused (431), as `node:http` does at 16 KB; Bot API clients send well under 1 KB. */
const MAX_HEAD_BYTES = 64 * 1024;

export interface HttpRequest {
  readonly method: string;
  /** The request target as sent (path and query), not decoded. */
  readonly target: string;
  /**
   * The headers the fake reads (content-type, content-length, transfer-encoding, connection, expect), names in lower
   * case, repeated ones joined with ", ".
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The whole body (chunked bodies decoded). */
  readonly body: Buffer;
}

export type RequestHandler = (request: HttpRequest, exchange: HttpExchange) => void;

/**
 * The answer to one request. `onHead` sees a request as soon as its head arrived (before its body is read), the
 * moment a connection fault resets it; `onRequest` sees the whole request.
 */
export interface Http1Handlers {
  onHead?(target: string): "reset" | undefined;
  onRequest: RequestHandler;
}

export class HttpExchange {
  private goneListeners: (() => void)[] | undefined;
  private goneController: AbortController | undefined;
  sent = false;

  constructor(private readonly connection: Connection) {}

  /** The client hung up (or the connection was cut) before the answer went out. */
  get clientGone(): boolean {
    return this.connection.closed;
  }

  /** Called once if the connection closes before the answer was sent. */
  onClientGone(listener: () => void): void {
    (this.goneListeners ??= []).push(listener);
  }

  /** Aborted when the client goes away before the answer; made on first use (most calls never ask). */
  clientGoneSignal(): AbortSignal {
    if (this.goneController === undefined) {
      const controller = new AbortController();
      this.goneController = controller;
      if (this.clientGone) controller.abort();
      else this.onClientGone(() => controller.abort());
    }
    return this.goneController.signal;
  }

  /**
   * Writes the status line, the headers and the body at once, as one buffer: a string body is encoded straight into
   * it (`head + body` made a string the socket then flattened, two bytes a character for Cyrillic, before encoding).
   */
  send(status: number, contentType: string, body: string | Buffer): void {
    if (this.sent || this.connection.closed) return;
    this.sent = true;
    const length = typeof body === "string" ? Buffer.byteLength(body) : body.length;
    const head =
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Unknown"}\r\nContent-Type: ${contentType}\r\nContent-Length: ${length}\r\n` +
      (this.connection.keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n");
    const bytes = Buffer.allocUnsafe(head.length + length);
    bytes.write(head, 0, "latin1");
    if (typeof body === "string") bytes.write(body, head.length, "utf8");
    else body.copy(bytes, head.length);
    this.connection.answered(this, bytes);
  }

  /** Drops the connection without an answer, as a network failure would. */
  drop(): void {
    this.sent = true;
    this.connection.destroy();
  }

  /** @internal */
  notifyGone(): void {
    const listeners = this.goneListeners;
    this.goneListeners = undefined;
    if (this.sent || listeners === undefined) return;
    for (const listener of listeners) listener();
  }
}

export interface RunningHttp1Server {
  readonly port: number;
  /** Stops accepting connections and cuts the open ones (as `server.closeAllConnections()`). */
  close(): Promise<void>;
}

export async function startHttp1Server(port: number, handlers: Http1Handlers): Promise<RunningHttp1Server> {
  const connections = new Set<Connection>();
  const server: Server = createServer({ noDelay: true }, (socket) => {
    const connection = new Connection(socket, handlers, () => connections.delete(connection));
    connections.add(connection);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fake-telegram: the server has no TCP address");
  return {
    port: address.port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const connection of connections) connection.destroy();
      await closed;
    },
  };
}

const CRLF_CRLF = Buffer.from("\r\n\r\n", "latin1");

interface Head {
  readonly method: string;
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly keepAlive: boolean;
  readonly chunked: boolean;
  readonly contentLength: number;
}

/** One client connection: reads requests one after another, answers each before reading the next. */
class Connection {
  /** Bytes received and not yet consumed: `input`, then `arriving` (not yet joined to it). */
  private input: Buffer = Buffer.alloc(0);
  private arriving: Buffer[] = [];
  private arrivingLength = 0;
  /** How many bytes `advance` needs before it can go on (a sized body is joined once, when all of it is in). */
  private needed = 0;
  private head: Head | undefined;
  /** Chunked bodies: the decoded chunks so far and where the next chunk's size line starts in `input`. */
  private chunks: Buffer[] = [];
  private chunkedSize = 0;
  private handling: HttpExchange | undefined;
  closed = false;
  keepAlive = true;

  constructor(
    private readonly socket: Socket,
    private readonly handlers: Http1Handlers,
    private readonly forget: () => void,
  ) {
    socket.on("data", (chunk: Buffer) => {
      this.arriving.push(chunk);
      this.arrivingLength += chunk.length;
      if (this.input.length + this.arrivingLength < this.needed) return;
      this.input = this.input.length === 0 && this.arriving.length === 1 ? chunk : Buffer.concat([this.input, ...this.arriving]);
      this.arriving = [];
      this.arrivingLength = 0;
      this.advance();
    });
    socket.on("error", () => this.destroy());
    socket.on("close", () => this.closedNow());
  }

  destroy(): void {
    this.socket.destroy();
    this.closedNow();
  }

  answered(exchange: HttpExchange, bytes: Buffer): void {
    this.socket.write(bytes);
    if (this.handling !== exchange) return;
    this.handling = undefined;
    if (!this.keepAlive) {
      this.socket.end();
      return;
    }
    // A client that sent its next request before this answer (pipelining) is served now.
    if (this.input.length > 0) this.advance();
  }

  private closedNow(): void {
    if (this.closed) return;
    this.closed = true;
    this.input = Buffer.alloc(0);
    this.arriving = [];
    this.forget();
    this.handling?.notifyGone();
  }

  /** Parses as far as the bytes received allow and hands over each complete request. */
  private advance(): void {
    while (!this.closed && this.handling === undefined) {
      if (this.head === undefined) {
        const end = this.input.indexOf(CRLF_CRLF);
        if (end === -1) {
          if (this.input.length > MAX_HEAD_BYTES) this.refuse(431);
          return;
        }
        const head = parseHead(this.input.toString("latin1", 0, end));
        this.input = this.input.subarray(end + 4);
        if (head === undefined) return this.refuse(400);
        if (this.handlers.onHead?.(head.target) === "reset") {
          this.closed = true;
          this.forget();
          this.socket.resetAndDestroy();
          return;
        }
        if (head.contentLength > MAX_BODY_BYTES) return this.refuse(413);
        if (head.headers.expect?.toLowerCase() === "100-continue") this.socket.write("HTTP/1.1 100 Continue\r\n\r\n");
        this.head = head;
        this.keepAlive = head.keepAlive;
      }
      const body = this.head.chunked ? this.readChunked() : this.readSized(this.head.contentLength);
      if (body === undefined) return;
      const { method, target, headers } = this.head;
      this.head = undefined;
      const exchange = new HttpExchange(this);
      this.handling = exchange;
      this.handlers.onRequest({ method, target, headers, body }, exchange);
    }
  }

  private readSized(length: number): Buffer | undefined {
    if (this.input.length < length) {
      this.needed = length;
      return undefined;
    }
    this.needed = 0;
    const body = this.input.subarray(0, length);
    this.input = this.input.subarray(length);
    return body;
  }

  /** Decodes as many chunks as have arrived; the body once the last chunk and the trailers are in. */
  private readChunked(): Buffer | undefined {
    for (;;) {
      const lineEnd = this.input.indexOf("\r\n", 0, "latin1");
      if (lineEnd === -1) return undefined;
      const sizeText = this.input.toString("latin1", 0, lineEnd).split(";")[0]?.trim() ?? "";
      const size = /^[0-9a-fA-F]+$/.test(sizeText) ? Number.parseInt(sizeText, 16) : Number.NaN;
      if (Number.isNaN(size)) return void this.refuse(400);
      if (size === 0) {
        // The last chunk, then optional trailer lines, then an empty line.
        const trailersEnd = this.input.indexOf(CRLF_CRLF, lineEnd);
        if (trailersEnd === -1) return undefined;
        this.input = this.input.subarray(trailersEnd + 4);
        const body = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
        this.chunks = [];
        this.chunkedSize = 0;
        return body;
      }
      if (this.input.length < lineEnd + 2 + size + 2) return undefined;
      this.chunkedSize += size;
      if (this.chunkedSize > MAX_BODY_BYTES) return void this.refuse(413);
      this.chunks.push(this.input.subarray(lineEnd + 2, lineEnd + 2 + size));
      this.input = this.input.subarray(lineEnd + 2 + size + 2);
    }
  }

  /** A request the server cannot take: the status, then the connection closes. */
  private refuse(status: number): void {
    const body = JSON.stringify({ ok: false, error_code: status, description: STATUS_CODES[status] ?? "Bad Request" });
    this.socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Bad Request"}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    this.closedNow();
  }
}

const REQUEST_LINE = /^([A-Z]+) (\S+) HTTP\/1\.([01])$/;

/** The headers the fake reads, by the length of their name: the others are skipped without building strings. */
const READ_HEADERS: ReadonlyMap<number, string> = new Map(
  ["content-type", "content-length", "transfer-encoding", "connection", "expect"].map((name) => [name.length, name]),
);

/** The request line and headers (latin1: one character per byte), or undefined when malformed. */
function parseHead(text: string): Head | undefined {
  const lineEnd = text.indexOf("\r\n");
  const requestLine = REQUEST_LINE.exec(lineEnd === -1 ? text : text.slice(0, lineEnd));
  if (requestLine === null) return undefined;
  const headers: Record<string, string> = {};
  for (let at = lineEnd === -1 ? text.length : lineEnd + 2; at < text.length; ) {
    let end = text.indexOf("\r\n", at);
    if (end === -1) end = text.length;
    const colon = text.indexOf(":", at);
    if (colon <= at || colon > end) return undefined;
    const known = READ_HEADERS.get(colon - at);
    if (known !== undefined && text.slice(at, colon).toLowerCase() === known) {
      const value = text.slice(colon + 1, end).trim();
      headers[known] = headers[known] === undefined ? value : `${headers[known]}, ${value}`;
    }
    at = end + 2;
  }
  const connection = headers.connection?.toLowerCase();
  const http10 = requestLine[3] === "0";
  const keepAlive = http10 ? connection === "keep-alive" : connection !== "close";
  const chunked = headers["transfer-encoding"]?.toLowerCase().includes("chunked") ?? false;
  const lengthText = headers["content-length"];
  if (lengthText !== undefined && !/^\d+$/.test(lengthText)) return undefined;
  return {
    method: requestLine[1] as string,
    target: requestLine[2] as string,
    headers,
    keepAlive,
    chunked,
    contentLength: chunked || lengthText === undefined ? 0 : Number(lengthText),
  };
}
