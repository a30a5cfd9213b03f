// Buffer and performance imported, not read from the global object, whose lazy getters run a check on every access.
import { Buffer } from "node:buffer";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { ApiError } from "../api-error.js";
import { type ActiveFault, faultError } from "../faults.js";
import { findMethod, type EmulatedMethod } from "../methods/index.js";
import type { MethodCall } from "../methods/method.js";
import type { Params } from "../params.js";
import type { FakeState } from "../state/fake-state.js";
import { decodeParams, readBody } from "./request-params.js";

type Outcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: ApiError };

const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]+$/;

export interface RunningServer {
  readonly apiRoot: string;
  close(): Promise<void>;
}

/** Serves the Bot API on 127.0.0.1: `/bot<token>/<method>` and file downloads under `/file/bot<token>/<path>`. */
export async function startServer(state: FakeState, port: number): Promise<RunningServer> {
  const server = createServer((request, response) => {
    // A connection fault: a TCP reset before the request's body is read (the client sees ECONNRESET, as when a proxy
    // or a NAT drops a connection); the call takes no effect and is not logged.
    if (state.faults.takeConnectionReset(request.url ?? "/")) return void request.socket.resetAndDestroy();
    handleRequest(state, request, response).catch((error: unknown) => {
      const failure = internalError(error, state);
      if (!response.headersSent) respond(response, { ok: false, error: failure });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: boundPort } = server.address() as AddressInfo;
  return { apiRoot: `http://127.0.0.1:${boundPort}`, close: () => closeServer(state, server) };
}

async function closeServer(state: FakeState, server: Server): Promise<void> {
  state.updates.close();
  // Let the answered long poll reach its client before connections are cut.
  await new Promise((resolve) => setImmediate(resolve));
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

/**
 * A Bot API call's target as clients send it, `/bot<token>/<method>` with an optional query: none of these characters
 * is changed by URL parsing (no dot segment, escape or backslash), so it is routed without building a `URL`.
 */
const PLAIN_CALL = /^\/bot(\d+:[A-Za-z0-9_-]+)\/([A-Za-z]+)(?:\?(.*))?$/s;

async function handleRequest(state: FakeState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const target = request.url ?? "/";
  const plain = PLAIN_CALL.exec(target);
  if (plain) return routeCall(state, plain[1] ?? "", plain[2] ?? "", plain[3] ?? "", request, response);
  const url = new URL(target, "http://127.0.0.1");
  const file = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
  if (file) return serveFile(state, file[1] ?? "", decodeURIComponent(file[2] ?? ""), response);
  const route = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname);
  if (!route) return respond(response, { ok: false, error: new ApiError(404, "Not Found") });
  return routeCall(state, route[1] ?? "", route[2] ?? "", url.search.slice(1), request, response);
}

async function routeCall(
  state: FakeState,
  token: string,
  methodName: string,
  query: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!TOKEN_SHAPE.test(token)) return respond(response, { ok: false, error: new ApiError(404, "Not Found") });
  if (token !== state.options.token) return respond(response, { ok: false, error: new ApiError(401, "Unauthorized") });
  const method = findMethod(methodName);
  if (!method) return respond(response, { ok: false, error: new ApiError(404, "Not Found") });
  await handleCall(state, method, query, request, response);
}

async function handleCall(
  state: FakeState,
  method: EmulatedMethod,
  query: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const at = state.now();
  const started = performance.now();
  const clientGone = lazyClientGoneSignal(request, response);
  let params: Params = {};
  let fault: ActiveFault | undefined;
  let outcome: Outcome | undefined;
  try {
    params = decodeParams(query, request.headers["content-type"], await readBody(request));
    fault = state.faults.take(method.name, params);
    outcome = await runWithFault(state, method, params, clientGone, fault);
  } catch (error) {
    outcome = { ok: false, error: error instanceof ApiError ? error : internalError(error, state) };
  }
  if (state.log.observed) {
    state.log.record({
      method: method.name,
      params,
      ok: outcome?.ok ?? false,
      at,
      durationMs: performance.now() - started,
      ...(outcome === undefined ? { description: "no response: injected network fault" } : {}),
      ...(outcome?.ok === true ? { result: outcome.result } : {}),
      ...(outcome?.ok === false ? { errorCode: outcome.error.errorCode, description: outcome.error.description } : {}),
      ...(fault === undefined ? {} : { fault: fault.kind }),
    });
  } else {
    state.log.count(method.name, outcome?.ok === false ? outcome.error.errorCode : undefined);
  }
  if (outcome === undefined) {
    // The client sees the connection drop without any response, as on a real network failure.
    request.socket.destroy();
    return;
  }
  respond(response, outcome);
}

/**
 * Aborted when the HTTP client goes away before its answer is written; made when a method (a long poll) or a fault
 * first asks for it. An `AbortController` and a `close` listener for every call were ~3 % of `bench:load`'s harness
 * (abort-controller and event-target code in a profile), where no call waits.
 */
function lazyClientGoneSignal(request: IncomingMessage, response: ServerResponse): () => AbortSignal {
  let clientGone: AbortController | undefined;
  return () => {
    if (clientGone === undefined) {
      const controller = new AbortController();
      clientGone = controller;
      if (response.destroyed || request.socket.destroyed) controller.abort();
      else {
        response.once("close", () => {
          if (!response.writableFinished) controller.abort();
        });
      }
    }
    return clientGone.signal;
  };
}

/** Runs the method around an injected fault; undefined means "drop the connection without answering". */
async function runWithFault(
  state: FakeState,
  method: EmulatedMethod,
  params: Params,
  clientGone: () => AbortSignal,
  fault: ActiveFault | undefined,
): Promise<Outcome | undefined> {
  if (fault === undefined) return await execute(state, method, params, clientGone);
  const signal = clientGone();
  if (fault.kind === "slow" && fault.until) {
    await Promise.race([fault.until, new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }))]);
    if (signal.aborted) return undefined;
  } else if (fault.kind === "slow") {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
  }
  const takesEffect = fault.kind === "slow" || fault.when === "after";
  const executed = takesEffect ? await execute(state, method, params, clientGone) : undefined;
  if (fault.kind === "network") return undefined;
  const error = faultError(fault);
  return error === undefined ? executed : { ok: false, error };
}

async function execute(state: FakeState, method: EmulatedMethod, params: Params, clientGone: () => AbortSignal): Promise<Outcome> {
  try {
    const call: MethodCall = {
      state,
      params,
      get signal() {
        return clientGone();
      },
    };
    return { ok: true, result: await method.handle(call) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error };
    return { ok: false, error: internalError(error, state) };
  }
}

/** Records a bug in the fake itself and turns it into a 500 the client can see. */
function internalError(error: unknown, state: FakeState): ApiError {
  const cause = error instanceof Error ? error : new Error(String(error));
  state.internalErrors.push(cause);
  return new ApiError(500, `Internal Server Error: fake-telegram bug: ${cause.message}`);
}

function respond(response: ServerResponse, outcome: Outcome): void {
  if (response.destroyed) return;
  const body = outcome.ok
    ? { ok: true, result: outcome.result }
    : {
        ok: false,
        error_code: outcome.error.errorCode,
        description: outcome.error.description,
        ...(outcome.error.parameters === undefined ? {} : { parameters: outcome.error.parameters }),
      };
  const json = JSON.stringify(body);
  // A flat list: Node writes it as given instead of walking an object's keys; headers and body go in one write.
  response.writeHead(outcome.ok ? 200 : outcome.error.errorCode, ["content-type", "application/json", "content-length", String(Buffer.byteLength(json))]);
  response.end(json);
}

function serveFile(state: FakeState, token: string, filePath: string, response: ServerResponse): void {
  const file = token === state.options.token ? state.files.atPath(filePath) : undefined;
  if (file === undefined) return respond(response, { ok: false, error: new ApiError(404, "Not Found") });
  response.writeHead(200, {
    "content-type": file.mimeType ?? "application/octet-stream",
    "content-length": file.bytes.length,
  });
  response.end(file.bytes);
}
