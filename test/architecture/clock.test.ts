import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-path.js";

/**
 * Every time is read from the injected clock (src/clock.ts): `deps.clock.now()` in the app, `systemClock` as the
 * default of a function scripts call without one. A direct `new Date()` or `Date.now()` is a time tests cannot move.
 * Durations use `performance.now()`.
 */
const MAY_READ_THE_SYSTEM_TIME: Record<string, string> = {
  "clock.ts": "the clock itself",
  "heartbeat.ts": "the liveness file the health check reads: wall time by design",
  "webapp/": "the editor's page runs in the browser",
};

const SRC = projectPath("src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** `new Date()` with no argument, or `Date.now()`, outside comments. */
const SYSTEM_TIME = /new\s+Date\s*\(\s*\)|\bDate\.now\s*\(/;

function readsSystemTime(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  return SYSTEM_TIME.test(code);
}

describe("every time comes from the injected clock", () => {
  it("no file under src/ reads the system time except the clock and the listed exceptions", () => {
    const reading = sourceFiles(SRC)
      .map((file) => relative(SRC, file))
      .filter((name) => !Object.keys(MAY_READ_THE_SYSTEM_TIME).some((allowed) => name === allowed || (allowed.endsWith("/") && name.startsWith(allowed))))
      .filter((name) => readsSystemTime(readFileSync(join(SRC, name), "utf8")));
    expect(reading, "take a Clock (deps.clock) and call clock.now(), or default to systemClock.now()").toEqual([]);
  });

  it("sees a system-time read and lets clock reads, dates from values and comments pass", () => {
    expect(readsSystemTime("const at = new Date().toISOString();")).toBe(true);
    expect(readsSystemTime("const started = Date.now();")).toBe(true);
    expect(readsSystemTime("export function stats(db: DB, now = new Date( )) {}")).toBe(true);
    expect(readsSystemTime("const at = deps.clock.now(); const next = new Date(at.getTime() + 1000); const d = new Date(row.sent_at);")).toBe(false);
    expect(readsSystemTime("// new Date() here would be a time tests cannot move\nconst t = performance.now();")).toBe(false);
    expect(readsSystemTime("/** Date.now() is never read here */\nconst at = systemClock.now();")).toBe(false);
  });
});
