#!/usr/bin/env node
// The second half of `npm run build`: bundles the letter editor's page (src/webapp/) with the compiled bundler and
// writes it beside the compiled code, so the bot started from dist/ (npm start, the container image) serves it without
// a compiler at run time. Under tsx the server bundles the page itself.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { bundleEditorPage, PREBUILT_PAGE } = await import(join(root, "dist", "src", "server", "webapp-bundle.js"));
const target = join(root, ...PREBUILT_PAGE);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(await bundleEditorPage(join(root, "src", "webapp"))));
