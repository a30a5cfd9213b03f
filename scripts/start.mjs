#!/usr/bin/env node
// `npm start`: compiles when the sources are newer than dist/ (see build-if-stale.mjs), then runs the compiled bot in
// this same process. One Node process instead of npm's `prestart` plus `start` (two Node starts and two shells): the
// check costs a few milliseconds, a second Node start about a tenth of a second.
// dist/src/main.js is one bundle (scripts/bundle-bot.mjs): its source map makes stack traces name src/*.ts lines.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { env, exit, loadEnvFile, setSourceMapsEnabled, stderr } from "node:process";
import { buildIfStale } from "./build-if-stale.mjs";

// The token first, from the environment or .env as src/main.ts reads it (which says the same): a first start without
// one would otherwise compile for a minute before saying that it is missing.
const envFile = fileURLToPath(import.meta.resolve("../.env"));
if (existsSync(envFile)) loadEnvFile(envFile);
if (!env.BOT_TOKEN) {
  stderr.write("BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot), then run BOT_TOKEN=<token> npm start\n");
  exit(1);
}
buildIfStale();
setSourceMapsEnabled(true);
await import("../dist/src/main.js");
