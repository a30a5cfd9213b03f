#!/usr/bin/env node
// `npm start`: compiles when the sources are newer than dist/ (see build-if-stale.mjs), then runs the compiled bot in
// this same process. One Node process instead of npm's `prestart` plus `start` (two Node starts and two shells): the
// check costs a few milliseconds, a second Node start about a tenth of a second.
// dist/src/main.js is one bundle (scripts/bundle-bot.mjs): its source map makes stack traces name src/*.ts lines.
import { setSourceMapsEnabled } from "node:process";
import { buildIfStale } from "./build-if-stale.mjs";

buildIfStale();
setSourceMapsEnabled(true);
await import("../dist/src/main.js");
