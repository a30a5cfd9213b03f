import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * The folder holding package.json, found by walking up from this module, so `locales/`, `migrations/` and `data/`
 * resolve the same from `src/` under tsx, from `dist/src/` after a build, and whatever the working directory is.
 */
export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "locales"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Cannot find the Lysty project root (package.json beside locales/)");
    dir = parent;
  }
  root = dir;
  return root;
}

export function projectPath(...parts: string[]): string {
  return join(projectRoot(), ...parts);
}
