#!/usr/bin/env node
// Summarises a V8 CPU profile of the bundled bot (`npm run bench:load -- --node-options "--cpu-prof
// --cpu-prof-dir=DIR"`): self time by source file and by function, and time by subtree for a few roots, with each
// frame of dist/src/*.js mapped through the bundle's source map to its src/*.ts or node_modules/<package> origin.
// Only samples from the first webhook update on count (the start-up, and a build that scripts/start.mjs may run
// first, are left out). Usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N]
import console from "node:console";
import { readFileSync, existsSync } from "node:fs";
import { SourceMap } from "node:module";
import process from "node:process";
import { fileURLToPath } from "node:url";

const file = process.argv[2];
if (!file) throw new Error("usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N]");
const topIndex = process.argv.indexOf("--top");
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25;
const profile = JSON.parse(readFileSync(file, "utf8"));

const maps = new Map();
function sourceMapOf(url) {
  if (!maps.has(url)) {
    let map = null;
    if (url.startsWith("file://")) {
      const path = `${fileURLToPath(url)}.map`;
      if (existsSync(path)) map = new SourceMap(JSON.parse(readFileSync(path, "utf8")));
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** "grammy", "kysely", "src/server/webhook.ts", "node:internal/…", "(native)". */
function originOf(frame) {
  const { url, lineNumber, columnNumber, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const map = sourceMapOf(url);
  let source = url;
  if (map) {
    const entry = map.findEntry(lineNumber, columnNumber);
    if (entry && entry.originalSource) source = entry.originalSource;
  }
  const modules = source.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = source.slice(modules + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const src = source.indexOf("/src/");
  if (src >= 0 && !source.startsWith("node:")) return source.slice(src + 1);
  return source.replace(/^file:\/\/.*\//, "");
}

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
for (const node of profile.nodes) node.origin = originOf(node.callFrame);

function stackOf(id) {
  const stack = [];
  for (let at = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at));
  return stack; // leaf first
}

// The window: from the first sample whose stack is inside the webhook's update handler.
const startMarker = (node) => node.origin.startsWith("src/server/") && /handle|update/i.test(node.callFrame.functionName);
let start = profile.samples.findIndex((id) => stackOf(id).some(startMarker));
if (start < 0) start = 0;

const self = new Map();
const selfFn = new Map();
const inclusive = new Map();
let total = 0;
let idle = 0;
for (let i = start; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i + 1] ?? 0;
  const stack = stackOf(profile.samples[i]);
  const leaf = stack[0];
  if (leaf.callFrame.functionName === "(idle)") { idle += dt; continue; }
  total += dt;
  // Native frames (no url) are charged to their nearest JavaScript caller's origin.
  const charged = stack.find((node) => node.callFrame.url) ?? leaf;
  const key = leaf.callFrame.url ? leaf.origin : `${charged.origin} (native: ${leaf.callFrame.functionName || "?"})`;
  const origin = leaf.callFrame.functionName.startsWith("(") ? leaf.callFrame.functionName : charged.origin;
  self.set(origin, (self.get(origin) ?? 0) + dt);
  const fn = `${key === origin ? "" : ""}${charged.callFrame.functionName || "(anonymous)"} [${charged.origin}]${charged === leaf ? "" : ` > ${leaf.callFrame.functionName}`}`;
  selfFn.set(fn, (selfFn.get(fn) ?? 0) + dt);
  const seen = new Set();
  for (const node of stack) {
    if (seen.has(node.origin)) continue;
    seen.add(node.origin);
    inclusive.set(node.origin, (inclusive.get(node.origin) ?? 0) + dt);
  }
}

const pct = (value) => `${((100 * value) / total).toFixed(1).padStart(5)} %`;
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, value] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(value)}  ${name}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(2)} s busy, ${(idle / 1e6).toFixed(2)} s idle, from sample ${start} of ${profile.samples.length}`);
print("Self time by origin (native frames charged to their JavaScript caller; GC and program apart):", self);
print("Self time by function [origin] (> native callee):", selfFn);
print("Inclusive time by origin (a sample counts once per origin on its stack):", inclusive);
