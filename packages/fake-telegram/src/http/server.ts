// performance imported, not read from the global object, whose lazy getter runs a check on every access.
import { performance } from "node:perf_hooks";
import { ApiError } from "../api-error.js";
import { type ActiveFault, faultError } from "../faults.js";
import { findMethod, type EmulatedMethod } from "../methods/index.js";
import type { MethodCall } from "../methods/method.js";
import type { Params } from "../params.js";
import type { FakeState } from "../state/fake-state.js";
import { type HttpExchange, type HttpRequest, startHttp1Server } from "./http1.js";
import { decodeParams } from "./request-params.js";

type Outcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: ApiError };

const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]+$/;

export interface RunningServer {
  readonly apiRoot: string;
  close(): Promise<void>;
}

/** Serves the Bot API on 127.0.0.1: `/bot<token>/<method>` and file downloads under `/file/bot<token>/<path>`. */
export async function startServer(state: FakeState, port: number): Promise<RunningServer> {
  const server = await startHttp1Server(port, {
    // A connection fault: a TCP reset before the request's body is read (the client sees ECONNRESET, as when a proxy
    // or a NAT drops a connection); the call takes no effect and is not logged.
    onHead: (target) => (state.faults.takeConnectionReset(target) ? "reset" : undefined),
    onRequest: (request, exchange) => {
      try {
        handleRequest(state, request, exchange);
      } catch (error) {
        answerFakeBug(state, exchange, error);
      }
    },
  });
  return {
    apiRoot: `http://127.0.0.1:${server.port}`,
    close: async () => {
      state.updates.close();
      // Let the answered long poll reach its client before connections are cut.
      await new Promise((resolve) => setImmediate(resolve));
      await server.close();
    },
  };
}

/**
 * A Bot API call's target as clients send it, `/bot<token>/<method>` with an optional query: none of these characters
 * is changed by URL parsing (no dot segment, escape or backslash), so it is routed without building a `URL`.
 */
const PLAIN_CALL = /^\/bot(\d+:[A-Za-z0-9_-]+)\/([A-Za-z]+)(?:\?(.*))?$/s;

/**
 * Routes and answers one request. Synchronous unless the method or a fault waits (a long poll, a slow fault): an
 * `async` chain of four functions cost each call four promises and as many microtask turns for methods that finish
 * at once.
 */
function handleRequest(state: FakeState, request: HttpRequest, exchange: HttpExchange): void {
  const { target } = request;
  const plain = PLAIN_CALL.exec(target);
  if (plain) return routeCall(state, plain[1] ?? "", plain[2] ?? "", plain[3] ?? "", request, exchange);
  const url = new URL(target, "http://127.0.0.1");
  const file = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
  if (file) return serveFile(state, file[1] ?? "", decodeURIComponent(file[2] ?? ""), exchange);
  const route = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname);
  if (!route) return respond(exchange, { ok: false, error: new ApiError(404, "Not Found") });
  return routeCall(state, route[1] ?? "", route[2] ?? "", url.search.slice(1), request, exchange);
}

function routeCall(
  state: FakeState,
  token: string,
  methodName: string,
  query: string,
  request: HttpRequest,
  exchange: HttpExchange,
): void {
  if (!TOKEN_SHAPE.test(token)) return respond(exchange, { ok: false, error: new ApiError(404, "Not Found") });
  if (token !== state.options.token) return respond(exchange, { ok: false, error: new ApiError(401, "Unauthorized") });
  const method = findMethod(methodName);
  if (!method) return respond(exchange, { ok: false, error: new ApiError(404, "Not Found") });
  handleCall(state, method, query, request, exchange);
}

/** One Bot API call as it goes: what it asked for and which fault (if any) decides its outcome. */
interface Call {
  readonly state: FakeState;
  readonly method: EmulatedMethod;
  readonly exchange: HttpExchange;
  readonly at: number;
  readonly started: number;
  params: Params;
  fault: ActiveFault | undefined;
}

function handleCall(state: FakeState, method: EmulatedMethod, query: string, request: HttpRequest, exchange: HttpExchange): void {
  const call: Call = { state, method, exchange, at: state.now(), started: performance.now(), params: {}, fault: undefined };
  let outcome: Outcome | Promise<Outcome | undefined>;
  try {
    call.params = decodeParams(query, request.headers["content-type"], request.body);
    call.fault = state.faults.take(method.name, call.params);
    outcome = call.fault === undefined ? execute(state, method, call.params, exchange) : runWithFault(state, method, call.params, exchange, call.fault);
  } catch (error) {
    outcome = failedOutcome(state, error);
  }
  if (!(outcome instanceof Promise)) return finishCall(call, outcome);
  outcome
    .then(
      (settled) => finishCall(call, settled),
      (error: unknown) => finishCall(call, failedOutcome(state, error)),
    )
    .catch((error: unknown) => answerFakeBug(state, exchange, error));
}

/** Logs the call (or only counts it, when nothing observes calls) and answers it. */
function finishCall(call: Call, outcome: Outcome | undefined): void {
  const { state, method, fault, exchange } = call;
  if (state.log.observed) {
    state.log.record({
      method: method.name,
      params: call.params,
      ok: outcome?.ok ?? false,
      at: call.at,
      durationMs: performance.now() - call.started,
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
    exchange.drop();
    return;
  }
  respond(exchange, outcome);
}

/** Runs the method around an injected fault; undefined means "drop the connection without answering". */
async function runWithFault(
  state: FakeState,
  method: EmulatedMethod,
  params: Params,
  exchange: HttpExchange,
  fault: ActiveFault,
): Promise<Outcome | undefined> {
  const signal = exchange.clientGoneSignal();
  if (fault.kind === "slow" && fault.until) {
    await Promise.race([fault.until, new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }))]);
    if (signal.aborted) return undefined;
  } else if (fault.kind === "slow") {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
  }
  const takesEffect = fault.kind === "slow" || fault.when === "after";
  const executed = takesEffect ? await execute(state, method, params, exchange) : undefined;
  if (fault.kind === "network") return undefined;
  const error = faultError(fault);
  return error === undefined ? executed : { ok: false, error };
}

/** What a method handler gets. A class: an object literal with a getter was built through the runtime on every call. */
class Invocation implements MethodCall {
  constructor(
    readonly state: FakeState,
    readonly params: Params,
    private readonly exchange: HttpExchange,
  ) {}

  /** Made only when a method (a long poll) asks: an AbortController per call was ~3 % of bench:load's harness. */
  get signal(): AbortSignal {
    return this.exchange.clientGoneSignal();
  }
}

/** The method's outcome: at once for a method that returns a value, a promise for one that waits (getUpdates). */
function execute(state: FakeState, method: EmulatedMethod, params: Params, exchange: HttpExchange): Outcome | Promise<Outcome> {
  try {
    const result = method.handle(new Invocation(state, params, exchange));
    if (!(result instanceof Promise)) return { ok: true, result };
    return result.then(
      (value: unknown): Outcome => ({ ok: true, result: value }),
      (error: unknown) => failedOutcome(state, error),
    );
  } catch (error) {
    // A module function, not a closure made per call: under tsx (esbuild's keepNames) every named closure is also
    // renamed through Object.defineProperty when it is made (2 % of the fake's CPU).
    return failedOutcome(state, error);
  }
}

function failedOutcome(state: FakeState, error: unknown): Outcome {
  return { ok: false, error: error instanceof ApiError ? error : internalError(error, state) };
}

/** A bug in the fake itself, answered with 500 if nothing was answered yet. */
function answerFakeBug(state: FakeState, exchange: HttpExchange, error: unknown): void {
  const failure = internalError(error, state);
  if (!exchange.sent) respond(exchange, { ok: false, error: failure });
}

/** Records a bug in the fake itself and turns it into a 500 the client can see. */
function internalError(error: unknown, state: FakeState): ApiError {
  const cause = error instanceof Error ? error : new Error(String(error));
  state.internalErrors.push(cause);
  return new ApiError(500, `Internal Server Error: fake-telegram bug: ${cause.message}`);
}

function respond(exchange: HttpExchange, outcome: Outcome): void {
  const body = outcome.ok
    ? { ok: true, result: outcome.result }
    : {
        ok: false,
        error_code: outcome.error.errorCode,
        description: outcome.error.description,
        ...(outcome.error.parameters === undefined ? {} : { parameters: outcome.error.parameters }),
      };
  exchange.send(outcome.ok ? 200 : outcome.error.errorCode, "application/json", JSON.stringify(body));
}

function serveFile(state: FakeState, token: string, filePath: string, exchange: HttpExchange): void {
  const file = token === state.options.token ? state.files.atPath(filePath) : undefined;
  if (file === undefined) return respond(exchange, { ok: false, error: new ApiError(404, "Not Found") });
  exchange.send(200, file.mimeType ?? "application/octet-stream", file.bytes);
}
