import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.js";
import { reply } from "./webhook.js";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface HttpServerOptions {
  host: string;
  port: number;
  logger: Logger;
  /** Liveness: updates still come in (polling runs; the webhook server was not told to stop). Default: always. */
  alive?(): boolean;
  /** Readiness: the database answers and the bot is initialised (and not shutting down). */
  ready(): Promise<boolean>;
  metrics: { render(): Promise<string>; contentType: string };
  /** The webhook route (webhook mode only): path → handler. */
  webhook?: { path: string; handler: RequestHandler };
  /** The letter editor Mini App (when WEBAPP_URL is set): everything under its path. */
  webapp?: { basePath: string; handle: RequestHandler };
}

export interface RunningHttpServer {
  readonly port: number;
  /** Stops accepting connections; the caller waits for in-flight updates, then calls `close()`. */
  stopAccepting(): void;
  close(): Promise<void>;
}

/**
 * The instance's HTTP face: Telegram's webhook, `/healthz` (the process answers: liveness), `/readyz` (it can do its
 * work: for the load balancer) and `/metrics` (Prometheus). Plain node:http; no framework for four routes.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "/").split("?")[0];
    if (options.webhook && path === options.webhook.path) return options.webhook.handler(request, response);
    if (options.webapp && (path + "/").startsWith(options.webapp.basePath)) return options.webapp.handle(request, response);
    if (request.method !== "GET" && request.method !== "HEAD") return reply(response, 405, "method not allowed", { allow: "GET" });
    if (path === "/healthz") {
      const alive = options.alive?.() ?? true;
      return reply(response, alive ? 200 : 503, alive ? "ok\n" : "stopped\n");
    }
    if (path === "/readyz") {
      const ready = await options.ready().catch(() => false);
      return reply(response, ready ? 200 : 503, ready ? "ready\n" : "not ready\n");
    }
    if (path === "/metrics") {
      const body = await options.metrics.render();
      response.writeHead(200, { "content-type": options.metrics.contentType });
      return void response.end(body);
    }
    return reply(response, 404, "not found");
  };

  const server: Server = createServer((request, response) => {
    Promise.resolve(route(request, response)).catch((error: unknown) => {
      options.logger.error({ err: error instanceof Error ? error.message.slice(0, 200) : "unknown" }, "http request failed");
      reply(response, 500, "internal error");
    });
  });
  // Telegram and load balancers keep connections open; a slow client must not pin a socket forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ host: options.host, port }, "http server listening");

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  return {
    port,
    stopAccepting() {
      // Closing the listener refuses new connections; idle keep-alive ones go now, busy ones after their response.
      server.close();
      server.closeIdleConnections();
    },
    close,
  };
}
