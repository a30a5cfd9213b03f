import { API_PATHS, type SessionCheck, type SessionResponse } from "./protocol.js";
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

/**
 * The two lines of an `api/session` answer (`SESSION_CONTENT_TYPE`): the session as soon as its line has arrived,
 * and its check when the server has sent it (nothing when the connection breaks: the page checks again later).
 */
export async function readSession(response: Response): Promise<{ session: SessionResponse; check: Promise<SessionCheck> }> {
  const body = response.body;
  if (!body) throw new Error("no session");
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  const nextLine = async (): Promise<string> => {
    for (;;) {
      const newline = buffered.indexOf("\n");
      if (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        return line;
      }
      const { value, done } = await reader.read();
      if (done) return buffered + decoder.decode();
      buffered += decoder.decode(value, { stream: true });
    }
  };
  const session = JSON.parse(await nextLine()) as SessionResponse;
  const check = nextLine()
    .then((line) => (line.trim() === "" ? {} : (JSON.parse(line) as SessionCheck)))
    .catch(() => ({}));
  return { session, check };
}
