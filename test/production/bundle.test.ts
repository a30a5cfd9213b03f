import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-path.js";
import { ensureCompiled } from "../helpers/bot-process.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The sources esbuild put into dist/src/main.js and its chunks, from their source maps. */
function bundledSources(): string[] {
  const maps = readdirSync(projectPath("dist", "src")).filter((name) => /^(main|chunk-.*)\.js\.map$/.test(name));
  return maps.flatMap((name) => (JSON.parse(readFileSync(projectPath("dist", "src", name), "utf8")) as { sources: string[] }).sources);
}

/** npm start runs one bundle of the bot (scripts/bundle-bot.mjs): docs/production.md, "Start-up". */
describe("the bundled bot", { timeout: 300_000 }, () => {
  it("leaves out what only slowed the start: the Deno shim, node-fetch's URL polyfill, OpenTelemetry", async () => {
    await ensureCompiled();
    const sources = bundledSources();
    expect(sources).toContain("../../src/main.ts");
    expect(sources.some((source) => source.includes("node_modules/grammy/"))).toBe(true);
    for (const left of ["node_modules/@deno/shim-deno/", "node_modules/tr46/", "node_modules/whatwg-url/", "node_modules/@opentelemetry/api/"]) {
      expect(sources.filter((source) => source.includes(left))).toEqual([]);
    }
  });

  it("names functions as esbuild's keepNames does, without redefining a name a function already has", async () => {
    await ensureCompiled();
    const chunks = readdirSync(projectPath("dist", "src")).filter((name) => /^(main|chunk-.*)\.js$/.test(name));
    const helpers = chunks.flatMap((name) => [...readFileSync(projectPath("dist", "src", name), "utf8").matchAll(/__name=(\(t,v\)=>[^,]*,"name",\{value:v,configurable:1\}\))/g)]);
    expect(helpers).toHaveLength(1);
    // The bundle's own helper, on the platform's defineProperty.
    const name = new Function("__defProp", `return ${(helpers[0] as RegExpMatchArray)[1]}`)(Object.defineProperty) as <T>(target: T, value: string) => T;
    function named() {}
    const before = Object.getOwnPropertyDescriptor(named, "name");
    expect(name(named, "named")).toBe(named);
    expect(Object.getOwnPropertyDescriptor(named, "name")).toEqual(before);
    const arrow = name(
      [() => 1][0] as () => number,
      "arrow",
    );
    expect(arrow.name).toBe("arrow");
    class AbortSignal2 {}
    expect(name(AbortSignal2, "AbortSignal").name).toBe("AbortSignal");
    expect(Object.getOwnPropertyDescriptor(AbortSignal2, "name")).toEqual({ value: "AbortSignal", writable: false, enumerable: false, configurable: true });
  });

  it("reports a failed start with a stack trace naming the TypeScript source (npm start applies the source map)", async () => {
    await ensureCompiled();
    dir = mkdtempSync(join(tmpdir(), "lysty-bundle-"));
    // A file where the database's folder should be: creating the folder fails in src/main.ts.
    writeFileSync(join(dir, "file"), "");
    const result = spawnSync(process.execPath, [projectPath("scripts", "start.mjs")], {
      cwd: projectPath(),
      encoding: "utf8",
      env: {
        PATH: process.env.PATH ?? "",
        BOT_TOKEN: "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678",
        TELEGRAM_API_ROOT: "http://127.0.0.1:9",
        DATABASE_URL: `sqlite:${join(dir, "file", "bot.sqlite")}`,
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Lysty failed to start");
    expect(result.stderr).toMatch(/src\/main\.ts:\d+:\d+/);
  });
});
