import { ApiError, forbidden, tooManyRequests } from "./api-error.js";
import type { Params } from "./params.js";

export type FaultKind = "429" | "403" | "500" | "502" | "network" | "slow";

export interface FaultSpec {
  /** Method name (any case) or a pattern tested against the canonical name; every method when omitted. */
  readonly method?: string | RegExp;
  /** Only calls whose `chat_id` is this chat. */
  readonly chatId?: number | string;
  /** How many matching calls fail; defaults to 1. Use Infinity for "until cleared". */
  readonly times?: number;
  readonly kind: FaultKind;
  /** For "429": seconds in `parameters.retry_after`; defaults to 1. */
  readonly retryAfter?: number;
  /** For "slow": how long the response is held back; defaults to 1000. */
  readonly delayMs?: number;
  /**
   * For "slow", instead of `delayMs`: the call is held until this settles (a gate the test opens), so a test can
   * stall the bot mid-update without waiting on time. If the caller hangs up (its process was killed) while held,
   * the call takes no effect.
   */
  readonly until?: Promise<unknown>;
  /**
   * "before" (default): the call fails without effect. "after": the call takes effect (the message is sent) and
   * only the response is lost or replaced by the error, which is how duplicates happen on the real network.
   */
  readonly when?: "before" | "after";
}

export interface ActiveFault extends FaultSpec {
  remaining: number;
}

/** Programmed failures, consumed by matching calls in the order they were added. */
export class Faults {
  private readonly active: ActiveFault[] = [];
  /** Requests still to be answered by resetting their connection (see `resetConnections`), and of which method. */
  private connectionsToReset = 0;
  private resetMethod: string | undefined;

  /**
   * The next `count` requests (of `method`, any case, or of every method) get their connection reset before they are
   * read: none of them takes effect.
   */
  resetConnections(count: number, method?: string): void {
    if (!Number.isInteger(count) || count < 0) throw new Error("fake-telegram: resetConnections takes a count ≥ 0");
    this.connectionsToReset = count;
    this.resetMethod = method?.toLowerCase();
  }

  /** True (and counted) when the request just arrived, for `urlPath`, is one whose connection is reset. */
  takeConnectionReset(urlPath: string): boolean {
    if (this.connectionsToReset === 0) return false;
    if (this.resetMethod !== undefined && urlPath.split(/[/?]/)[2]?.toLowerCase() !== this.resetMethod) return false;
    this.connectionsToReset -= 1;
    return true;
  }

  get connectionResetsPending(): number {
    return this.connectionsToReset;
  }

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { ...spec, remaining: spec.times ?? 1 };
    this.active.push(fault);
    return fault;
  }

  clear(): void {
    this.active.length = 0;
    this.connectionsToReset = 0;
  }

  get pending(): readonly ActiveFault[] {
    return this.active;
  }

  /** Consumes and returns the first fault that applies to this call. */
  take(method: string, params: Params): ActiveFault | undefined {
    const index = this.active.findIndex((fault) => matches(fault, method, params));
    const fault = this.active[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.active.splice(index, 1);
    return fault;
  }
}

function matches(fault: ActiveFault, method: string, params: Params): boolean {
  if (fault.method !== undefined) {
    const ok = typeof fault.method === "string" ? fault.method.toLowerCase() === method.toLowerCase() : fault.method.test(method);
    if (!ok) return false;
  }
  if (fault.chatId !== undefined) {
    const chatId = params.chat_id;
    if ((typeof chatId !== "number" && typeof chatId !== "string") || String(chatId) !== String(fault.chatId)) return false;
  }
  return true;
}

/** The error response a fault produces; undefined for faults that do not answer with an error. */
export function faultError(fault: FaultSpec): ApiError | undefined {
  switch (fault.kind) {
    case "429":
      return tooManyRequests(fault.retryAfter ?? 1);
    case "403":
      return forbidden("bot was blocked by the user");
    case "500":
      return new ApiError(500, "Internal Server Error");
    case "502":
      return new ApiError(502, "Bad Gateway");
    case "network":
    case "slow":
      return undefined;
  }
}
