import { Buffer } from "node:buffer";
import { connect as netConnect, isIP, type Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { connect as tlsConnect, type ConnectionOptions } from "node:tls";

/** One answer of the server: its status and its whole body, decoded as UTF-8. */
export interface PlainResponse {
  status: number;
  text: string;
}

export interface PlainRequest {
  method: string;
  /** The path and query, as the request line carries it. */
  path: string;
  /** Header names and values in turn, Host excluded (the pool writes it first). */
  headers: readonly string[];
  body: string | undefined;
  signal?: AbortSignal | null | undefined;
}

/** Where a pool connects: `http:` or `https:`, the host name (or address) and the port. */
export interface PoolTarget {
  protocol: string;
  hostname: string;
  port: number;
  /** The Host header: host and port as the URL has them. */
  host: string;
}

/** What the error of a socket closed before its answer says: Node's own wording and code, so callers see no change. */
function hangUp(): Error {
  return Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
}

/**
 * HTTP/1.1 with keep-alive over plain `net`/`tls` sockets, for small requests whose body is a string (the Bot API's
 * JSON calls): the request line, headers and body go out in one write, the answer is read by its `Content-Length`
 * (or chunked, or until the server closes), and the socket goes back to the pool unless either side said
 * `Connection: close`. Node's `http.request` builds a ClientRequest, an OutgoingMessage, an IncomingMessage stream and
 * the agent's bookkeeping around each call: about half of a Bot API call's client CPU (docs/production.md, "Issue 14,
 * seventh round (z22c)"). One request per socket at a time (no pipelining); as many sockets as calls in flight, as
 * Node's keep-alive agent with its default `maxSockets`. Idle sockets do not keep the process alive, and leave the
 * pool when the server closes them. Errors are the sockets' own (`read ECONNRESET`, `write EPIPE`, `connect
 * ECONNREFUSED …`) or Node's `socket hang up`, so grammY's `HttpError` and `retry-network-faults.ts` see what they saw
 * with `http.request`.
 */
export class KeepAlivePool {
  private readonly idle: Socket[] = [];

  /** `tls`: for `https:`, what the agent was made with of certificates and checks (tests trust their own CA). */
  constructor(
    private readonly target: PoolTarget,
    private readonly tls: ConnectionOptions = {},
  ) {}

  request(request: PlainRequest): Promise<PlainResponse> {
    return new Promise((resolve, reject) => {
      const { signal } = request;
      if (signal?.aborted) return reject(abortError(signal));
      const text = requestText(this.target.host, request);
      const socket = this.take();
      const call = new Call(request.method === "HEAD", signal, (error, response) => {
        signal?.removeEventListener("abort", call);
        if (error) {
          socket.destroy();
          reject(error);
        } else {
          if (call.reusable && !socket.destroyed) this.release(socket, call.keepAliveSeconds);
          else socket.destroy();
          resolve(response as PlainResponse);
        }
      });
      // The call is the listener (`handleEvent`): no closure per request.
      signal?.addEventListener("abort", call, { once: true });
      attach(socket, call);
      socket.write(text);
    });
  }

  /** Closes the idle sockets (those in use close after their answer if the caller drops the pool). */
  close(): void {
    for (const socket of this.idle.splice(0)) socket.destroy();
  }

  /** How many sockets wait for a request (tests). */
  get idleSockets(): number {
    return this.idle.length;
  }

  private take(): Socket {
    for (let reused = this.idle.pop(); reused; reused = this.idle.pop()) {
      // Past the server's Keep-Alive hint it may be closing the socket right now: a request would race that close.
      if (((reused as PooledSocket)[IDLE_UNTIL] ?? Infinity) <= performance.now()) {
        reused.destroy();
        continue;
      }
      reused.ref();
      return reused;
    }
    const { protocol, hostname, port } = this.target;
    const socket =
      protocol === "https:"
        ? tlsConnect({ ...this.tls, host: hostname, port, ALPNProtocols: ["http/1.1"], ...(isIP(hostname) ? {} : { servername: hostname }) })
        : netConnect({ host: hostname, port });
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 1_000);
    socket.on("data", onData);
    socket.on("end", onEnd);
    socket.on("error", onError);
    socket.on("close", onEnd);
    return socket;
  }

  private release(socket: Socket, keepAliveSeconds: number | undefined): void {
    // A second before the server's hint, as Node's agent does (its `agentKeepAliveTimeoutBuffer`).
    (socket as PooledSocket)[IDLE_UNTIL] = keepAliveSeconds === undefined ? undefined : performance.now() + (keepAliveSeconds - 1) * 1_000;
    (socket as PooledSocket)[CALL] = undefined;
    (socket as PooledSocket)[POOL] = this;
    socket.unref();
    this.idle.push(socket);
  }

  /** An idle socket the server closed (or wrote to) leaves the pool. */
  forget(socket: Socket): void {
    const at = this.idle.indexOf(socket);
    if (at >= 0) this.idle.splice(at, 1);
    socket.destroy();
  }
}

const CALL = Symbol("call");
const POOL = Symbol("pool");
const IDLE_UNTIL = Symbol("idle until");
type PooledSocket = Socket & { [CALL]?: Call | undefined; [POOL]?: KeepAlivePool | undefined; [IDLE_UNTIL]?: number | undefined };

function attach(socket: Socket, call: Call): void {
  (socket as PooledSocket)[POOL] = undefined;
  (socket as PooledSocket)[CALL] = call;
}

/** The call a socket's event is for; an event on an idle socket (the server closed it, or wrote unasked) drops it. */
function callOf(socket: PooledSocket): Call | undefined {
  const call = socket[CALL];
  if (!call) socket[POOL]?.forget(socket);
  return call;
}

function onData(this: PooledSocket, chunk: Buffer): void {
  callOf(this)?.receive(chunk);
}

/** "end" and "close": the answer read until the close is complete; any other is cut short. */
function onEnd(this: PooledSocket): void {
  callOf(this)?.ended();
}

function onError(this: PooledSocket, error: Error): void {
  callOf(this)?.fail(error);
}

const CRLF = 0x0a;

/** One request's answer, parsed as its bytes arrive. */
class Call {
  private buffer: Buffer | undefined;
  private status = 0;
  /** Bytes of the body still to come (`Content-Length`), or -1 for chunked, or -2 for "until the server closes". */
  private remaining = 0;
  private body: Buffer[] = [];
  private headDone = false;
  private done = false;
  reusable = true;
  /** The server's `Keep-Alive: timeout=N` hint: how long it keeps the idle connection open. */
  keepAliveSeconds: number | undefined;

  constructor(
    private readonly noBody: boolean,
    private readonly signal: AbortSignal | null | undefined,
    private readonly settle: (error: Error | undefined, response?: PlainResponse) => void,
  ) {}

  /** The request's signal aborted. */
  handleEvent(): void {
    this.fail(abortError(this.signal as AbortSignal));
  }

  receive(chunk: Buffer): void {
    if (this.done) return;
    this.buffer = this.buffer === undefined ? chunk : Buffer.concat([this.buffer, chunk]);
    try {
      if (!this.headDone && !this.readHead()) return;
      this.readBody();
    } catch (error) {
      this.fail(error as Error);
    }
  }

  ended(): void {
    if (this.done) return;
    if (this.headDone && this.remaining === -2) {
      if (this.buffer?.length) this.body.push(this.buffer);
      this.reusable = false;
      return this.finish();
    }
    this.fail(hangUp());
  }

  fail(error: Error): void {
    if (this.done) return;
    this.done = true;
    this.settle(error);
  }

  /** Reads the status line and headers once they are all here; false while they are not. */
  private readHead(): boolean {
    const buffer = this.buffer as Buffer;
    const end = buffer.indexOf("\r\n\r\n", 0, "latin1");
    if (end < 0) {
      if (buffer.length > 64 * 1024) throw new Error("Bot API answer's headers are over 64 KB");
      return false;
    }
    const lines = buffer.toString("latin1", 0, end).split("\r\n");
    const statusLine = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? "");
    if (!statusLine) throw new Error(`Bot API answered something that is not HTTP/1.x: ${JSON.stringify((lines[0] ?? "").slice(0, 40))}`);
    const status = Number(statusLine[2]);
    this.buffer = buffer.subarray(end + 4);
    // 100 Continue and the other interim answers: the final one follows.
    if (status >= 100 && status < 200) return this.buffer.length > 0 ? this.readHead() : false;
    let length: number | undefined;
    let chunked = false;
    let close = statusLine[1] === "0";
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] as string;
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim().toLowerCase();
      if (name === "content-length") {
        if (!/^\d+$/.test(value)) throw new Error(`Bot API answered a bad Content-Length: ${JSON.stringify(value)}`);
        length = Number(value);
      } else if (name === "transfer-encoding") chunked = value.split(",").some((coding) => coding.trim() === "chunked");
      else if (name === "keep-alive") {
        const timeout = /\btimeout=(\d+)/.exec(value);
        if (timeout) this.keepAliveSeconds = Number(timeout[1]);
      } else if (name === "connection") {
        if (/\bclose\b/.test(value)) close = true;
        else if (/\bkeep-alive\b/.test(value)) close = false;
      }
    }
    this.status = status;
    this.headDone = true;
    if (close) this.reusable = false;
    if (this.noBody || status === 204 || status === 304) this.remaining = 0;
    else if (chunked) this.remaining = -1;
    else if (length !== undefined) this.remaining = length;
    else this.remaining = -2;
    return true;
  }

  private readBody(): void {
    const buffer = this.buffer as Buffer;
    if (this.remaining === -2) return; // until the server closes: ended() takes it
    if (this.remaining >= 0) {
      if (buffer.length < this.remaining) return;
      if (buffer.length > this.remaining) this.reusable = false; // bytes after the answer: nothing we asked for
      this.body.push(buffer.subarray(0, this.remaining));
      this.buffer = undefined;
      return this.finish();
    }
    // Chunked: size line, data, CRLF; a zero size, optional trailers and an empty line end it.
    let at = 0;
    for (;;) {
      const lineEnd = buffer.indexOf(CRLF, at);
      if (lineEnd < 0) break;
      const size = Number.parseInt(buffer.toString("latin1", at, lineEnd), 16);
      if (Number.isNaN(size)) throw new Error("Bot API answered a bad chunk size");
      if (size === 0) {
        const end = buffer.indexOf("\r\n\r\n", lineEnd - 1, "latin1");
        if (end < 0) break;
        if (end + 4 < buffer.length) this.reusable = false;
        this.buffer = undefined;
        return this.finish();
      }
      if (buffer.length < lineEnd + 1 + size + 2) break;
      this.body.push(buffer.subarray(lineEnd + 1, lineEnd + 1 + size));
      at = lineEnd + 1 + size + 2;
    }
    this.buffer = at === 0 ? buffer : buffer.subarray(at);
  }

  private finish(): void {
    this.done = true;
    const text = this.body.length === 1 ? (this.body[0] as Buffer).toString("utf8") : Buffer.concat(this.body).toString("utf8");
    this.settle(undefined, { status: this.status, text });
  }
}

const FORBIDDEN_IN_HEADER = /[\r\n\0]/;

function requestText(host: string, request: PlainRequest): string {
  let text = `${request.method} ${request.path} HTTP/1.1\r\nHost: ${host}\r\n`;
  const { headers, body } = request;
  for (let i = 0; i < headers.length; i += 2) {
    const line = `${headers[i]}: ${headers[i + 1]}`;
    if (FORBIDDEN_IN_HEADER.test(line)) throw new Error(`A header of a Bot API request holds a line break: ${JSON.stringify(headers[i])}`);
    text += `${line}\r\n`;
  }
  if (body !== undefined) text += `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  else text += request.method === "GET" || request.method === "HEAD" ? "\r\n" : "Content-Length: 0\r\n\r\n";
  return text;
}

export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error("The operation was aborted");
  error.name = "AbortError";
  return error;
}

/** The TLS settings of an `https.Agent`'s options that a direct `tls.connect` should keep. */
const TLS_OPTIONS = ["ca", "cert", "key", "pfx", "passphrase", "rejectUnauthorized", "checkServerIdentity", "minVersion", "maxVersion", "ciphers", "servername"] as const;

export function tlsOptionsOf(agent: unknown): ConnectionOptions {
  const options = (agent as { options?: Record<string, unknown> } | undefined)?.options;
  const picked: Record<string, unknown> = {};
  if (options) for (const name of TLS_OPTIONS) if (options[name] !== undefined) picked[name] = options[name];
  return picked as ConnectionOptions;
}
