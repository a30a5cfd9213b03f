#!/usr/bin/env node
// The third part of `npm run build` (after tsc): bundles the bot's entry, src/main.ts, with its dependencies into
// dist/src/main.js, over tsc's copy of that file (docs/production.md, "Start-up"). Node then reads a handful of files
// at start instead of some 900 ES modules and CommonJS files, which was most of the time to the first getUpdates.
// tsc's output stays beside it for everything else: the CLIs, the health check, the migrations (imported from
// dist/migrations by the migrator, only when one is pending).
//
// - What the app imports lazily (pdfkit's renderer, the directory sync's engine, the editor page's bundler) stays
//   lazy: esbuild splits it into chunks loaded on first use.
// - Native modules and packages that read their own files at run time or load seldom stay external, in node_modules.
// - `import.meta.url` in a source module is rewritten to the URL of that module's tsc twin (dist/src/<same path>.js),
//   so paths it resolves (migrations/, the project root) are what they are unbundled.
// - @grammyjs/i18n reaches the file system through a Deno shim (118 files, the whole Deno namespace); Lysty gives it
//   the locale texts itself (src/telegram/i18n.ts), so the bundle carries the few file functions it can still call.
//   node-fetch's whatwg-url (with tr46's Unicode table) is dead code on Node 20: replaced by the platform's URL;
//   prom-client's @opentelemetry/api serves only exemplars, which Lysty does not turn on (scripts/bundle-shims/).
// - Whitespace and comments go (grammY's Bot API documentation is half its code): less to parse at every start.
// - A source map (dist/src/main.js.map, no sources inlined) keeps stack traces pointing at src/*.ts when Node runs
//   with source maps enabled, as `npm start` and the image do.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "src");

/** Loaded only by a path that needs them, or native, or reading files beside their own code. */
const EXTERNAL = ["better-sqlite3", "pg", "pdfkit", "esbuild", "cheerio", "undici", "csv-parse", "fast-xml-parser", "typescript"];

const sourceUrls = {
  name: "source-module-urls",
  setup(builder) {
    const sources = join(root, "src");
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(sources + "/")) return undefined;
      const contents = readFileSync(args.path, "utf8");
      if (!contents.includes("import.meta.url")) return undefined;
      // Every output file lies in dist/src/, so the twin's path relative to it is the source's path under src/.
      const twin = relative(sources, args.path).replace(/\.ts$/, ".js");
      return { contents: contents.replaceAll("import.meta.url", `new URL(${JSON.stringify(`./${twin}`)}, import.meta.url).href`), loader: "ts" };
    });
  },
};

// Chunks of an earlier build would otherwise pile up beside the code.
for (const name of readdirSync(outdir)) if (/^chunk-.*\.js(\.map)?$/.test(name)) rmSync(join(outdir, name));

await build({
  absWorkingDir: root,
  entryPoints: { main: "src/main.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunk-[hash]",
  external: EXTERNAL,
  alias: {
    "@deno/shim-deno": "./scripts/bundle-shims/deno.mjs",
    "whatwg-url": "./scripts/bundle-shims/whatwg-url.mjs",
    "@opentelemetry/api": "./scripts/bundle-shims/opentelemetry-api.mjs",
  },
  // Code compares constructor names (node-fetch checks that a signal's class is named AbortSignal; logs name errors'
  // classes): without this, esbuild renames a class that shares its name with a global (AbortSignal2).
  keepNames: true,
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  sourcesContent: false,
  logLevel: "warning",
  // CommonJS packages inside an ES module call require() for Node's built-ins.
  banner: { js: 'import { createRequire as lystyCreateRequire } from "node:module"; const require = lystyCreateRequire(import.meta.url);' },
  plugins: [sourceUrls],
});

// keepNames' helper runs `Object.defineProperty(fn, "name", …)` for every named function each time it is created: a
// nested function declaration or a named closure costs a property redefinition (and the function leaves V8's shared
// map) at every call of its enclosing function, 2–3 % of the bot's CPU under `bench:load` (docs/production.md, "Issue 14,
// seventh round (z22c)"). Most of them already carry the name esbuild gives them (nothing is renamed without
// `minifyIdentifiers`): the helper now leaves those alone and still names the rest (arrows passed to it, the classes
// renamed for a clash), so every `.name` reads as before.
const KEEP_NAMES_HELPER = '__name=(target,value)=>__defProp(target,"name",{value,configurable:!0})';
// Of the same length, so that the source map's columns after it on its line stay true (`configurable: 1` is true).
const CHEAPER_HELPER = '__name=(t,v)=>t.name===v?t:__defProp(t,"name",{value:v,configurable:1})';
if (CHEAPER_HELPER.length !== KEEP_NAMES_HELPER.length) throw new Error("bundle-bot: the keepNames helper's replacement must keep its length");
let helpers = 0;
for (const name of readdirSync(outdir)) {
  if (!name.endsWith(".js")) continue;
  const path = join(outdir, name);
  const code = readFileSync(path, "utf8");
  const count = code.split(KEEP_NAMES_HELPER).length - 1;
  if (count === 0) continue;
  helpers += count;
  writeFileSync(path, code.replaceAll(KEEP_NAMES_HELPER, CHEAPER_HELPER));
}
if (helpers !== 1) throw new Error(`bundle-bot: expected esbuild's keepNames helper once in the output, found it ${helpers} times (esbuild changed it?)`);
