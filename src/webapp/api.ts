import { API_PATHS } from "./protocol.js";
import type { LaunchParams } from "./telegram.js";

/** A POST to the editor's API as every call makes it: JSON, with the `initData` the page was opened with. */
export function post(path: string, initData: string, body: unknown): Promise<Response> {
  return fetch(path, {
    method: "POST",
    headers: { authorization: `tma ${initData}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** What the boot script hands to the editor's script: the launch parameters and the session request under way. */
export interface BootHandoff {
  launch: LaunchParams;
  session: Promise<Response>;
}

const HANDOFF = "__lystyBoot";

/** The boot script (first in <head>): asks for the session (with the draft) before anything else happens. */
export function startSession(launch: LaunchParams): void {
  const slug = new URLSearchParams(location.search).get("p");
  const handoff: BootHandoff = { launch, session: post(API_PATHS.session, launch.initData, slug ? { slug } : {}) };
  // Not left unhandled when the network fails before the editor's script takes it over.
  handoff.session.catch(() => undefined);
  (window as unknown as Record<string, BootHandoff>)[HANDOFF] = handoff;
}

/** The editor's script takes the boot script's request over (once). */
export function takeBootHandoff(): BootHandoff | undefined {
  const store = window as unknown as Record<string, BootHandoff | undefined>;
  const handoff = store[HANDOFF];
  store[HANDOFF] = undefined;
  return handoff;
}
