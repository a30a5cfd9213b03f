import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-path.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/**
 * `npm start`'s script (scripts/start.mjs with build-if-stale.mjs) in a project of its own whose "build" writes a
 * stand-in dist/src/main.js: what a fresh clone's first `npm start` does, without a minute of compiling.
 */
function freshProject(): string {
  const root = mkdtempSync(join(tmpdir(), "lysty-start-script-"));
  mkdirSync(join(root, "scripts"));
  mkdirSync(join(root, "src"));
  for (const file of ["start.mjs", "build-if-stale.mjs"]) copyFileSync(projectPath("scripts", file), join(root, "scripts", file));
  writeFileSync(join(root, "src", "main.ts"), "// the sources\n");
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "start-script", private: true, type: "module", scripts: { build: "node build.mjs" } }));
  writeFileSync(
    join(root, "build.mjs"),
    [
      'import { mkdirSync, writeFileSync } from "node:fs";',
      'mkdirSync("dist/src", { recursive: true });',
      'writeFileSync("dist/src/main.js", "console.log(`bot started with ${process.env.BOT_TOKEN}`);\\n");',
    ].join("\n"),
  );
  return root;
}

function runStart(root: string) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", npm_config_update_notifier: "false" };
  return spawnSync(process.execPath, [join(root, "scripts", "start.mjs")], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
}

describe("npm start on a fresh clone", { timeout: 120_000 }, () => {
  it("without BOT_TOKEN says so at once, before compiling anything", () => {
    dir = freshProject();
    const run = runStart(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot)");
    expect(run.stderr).not.toContain("compiling");
    expect(existsSync(join(dir, "dist"))).toBe(false);
  });

  it("with the token in .env compiles once and starts the bot", () => {
    dir = freshProject();
    writeFileSync(join(dir, ".env"), "BOT_TOKEN=123456:from-dotenv\n");
    const run = runStart(dir);
    expect(run.stderr).toContain("First start: compiling the bot (once)");
    expect(run.stdout).toContain("bot started with 123456:from-dotenv");
    expect(run.status).toBe(0);
  });
});
