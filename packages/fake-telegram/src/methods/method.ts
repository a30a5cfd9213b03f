import type { Params } from "../params.js";
import type { FakeState } from "../state/fake-state.js";

export interface MethodCall {
  readonly state: FakeState;
  readonly params: Params;
  /** Aborted when the HTTP client disconnects. */
  readonly signal: AbortSignal;
}

export type MethodHandler = (call: MethodCall) => unknown;
