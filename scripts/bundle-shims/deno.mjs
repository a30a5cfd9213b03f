// Stands in for @deno/shim-deno inside the bot's bundle (scripts/bundle-bot.mjs). @grammyjs/i18n needs Deno only to
// read locale files; the real shim loads 118 files (the whole Deno namespace) before the first update. Lysty hands the
// plugin the texts of locales/ itself (src/telegram/i18n.ts), so only what the plugin could still reach is here, on
// Node's own file functions. Walking a directory (`new I18n({ directory })`) is not: it fails saying so.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import process from "node:process";

const unavailable = (name) => () => {
  throw new Error(`Deno.${name} is not in Lysty's bundle: load locales with i18n.loadLocale(locale, { source }) (scripts/bundle-shims/deno.mjs)`);
};

export const Deno = {
  build: { os: process.platform === "win32" ? "windows" : process.platform },
  cwd: () => process.cwd(),
  readFile: (path) => readFile(path),
  readFileSync: (path) => readFileSync(path),
  readTextFile: (path) => readFile(path, "utf8"),
  readTextFileSync: (path) => readFileSync(path, "utf8"),
  readDir: unavailable("readDir"),
  readDirSync: unavailable("readDirSync"),
  stat: unavailable("stat"),
  statSync: unavailable("statSync"),
  lstat: unavailable("lstat"),
  lstatSync: unavailable("lstatSync"),
  realPath: unavailable("realPath"),
  realPathSync: unavailable("realPathSync"),
};
