import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";
import type { Harness } from "../../helpers/harness.js";

/** A Bot API call as the fake recorded it, with what differs from run to run written as names. */
export type Recorded = { method: string; params: Record<string, unknown> };

/**
 * The writer's calls since `from` (the bot's long polling goes on meanwhile: its calls are not the writer's), the
 * writer's chat id and the pressed button's id written as names; `named` names or reshapes any other parameter.
 */
export function writersCallsSince(h: Harness, from: number, chatId: number, named: (value: unknown) => unknown = (value) => value): Recorded[] {
  return h.fake.calls
    .slice(from)
    .filter(({ method }) => method !== "getUpdates")
    .map(({ method, params }) => ({
      method,
      params: Object.fromEntries(
        Object.entries(params).map(([name, given]) => {
          if (name === "chat_id") return [name, Number(given) === chatId ? "<the writer's chat>" : given];
          if (name === "callback_query_id") return [name, "<the pressed button>"];
          return [name, named(given)];
        }),
      ),
    }));
}

/**
 * The calls held to the copy recorded under `name` in `fixture`; with the environment variable `update` set to 1,
 * recorded again instead (for a change that means the writer to receive something else).
 */
export function expectAsRecorded(fixture: string, update: string, name: string, calls: Recorded[] | Record<string, unknown>): void {
  const recorded: Record<string, unknown> = existsSync(fixture) ? (JSON.parse(readFileSync(fixture, "utf8")) as Record<string, unknown>) : {};
  if (process.env[update] === "1") {
    writeFileSync(fixture, `${JSON.stringify({ ...recorded, [name]: calls }, null, 1)}\n`);
    return;
  }
  expect(recorded[name], `no recorded calls for "${name}": run with ${update}=1`).toBeDefined();
  expect(calls).toEqual(recorded[name]);
}
