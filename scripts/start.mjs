#!/usr/bin/env node
// `npm start`: compiles when the sources are newer than dist/ (see build-if-stale.mjs), then runs the compiled bot in
// this same process. One Node process instead of npm's `prestart` plus `start` (two Node starts and two shells): the
// check costs a few milliseconds, a second Node start about a tenth of a second.
import { buildIfStale } from "./build-if-stale.mjs";

buildIfStale();
await import("../dist/src/main.js");
