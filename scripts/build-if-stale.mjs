#!/usr/bin/env node
// `npm start` runs the compiled bot (dist/): it starts in well under a second and needs far less memory than running
// TypeScript through tsx. `scripts/start.mjs` calls `buildIfStale()` first, in its own process: it compiles when
// dist/ is missing or older than any source file, so a fresh clone and an edited checkout both just work; an
// unchanged checkout starts without compiling. Run directly (`node scripts/build-if-stale.mjs`) it does only that.
import { execFileSync } from "node:child_process";
import { argv, stderr } from "node:process";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Written after each successful build: the compiler leaves unchanged outputs alone, so their times say nothing.
const stamp = join(root, "dist", ".built");
// patches/: the bundle carries the patched packages (patch-package rewrites them in node_modules at install).
const inputs = ["src", "migrations", "tsconfig.json", "tsconfig.build.json", "package-lock.json", "patches", "scripts/bundle-bot.mjs", "scripts/bundle-shims"];

/** True when `path` or anything under it changed after `since` (ms); stops at the first such file. */
function changedAfter(path, since) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats === undefined) return false;
  if (stats.mtimeMs > since) return true;
  if (!stats.isDirectory()) return false;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory() ? changedAfter(child, since) : statSync(child).mtimeMs > since) return true;
  }
  return false;
}

export function buildIfStale() {
  const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (!inputs.some((input) => changedAfter(join(root, input), built))) return;
  stderr.write(built ? "Sources changed since the last build: compiling…\n" : "First start: compiling the bot (once)…\n");
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

if (argv[1] && import.meta.url === pathToFileURL(argv[1]).href) buildIfStale();
