import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-path.js";

/**
 * Arrows point down only: bot/ → services/ → db/ and outbox/ → domain/, with telegram/ (Telegram-text helpers) usable
 * from bot/, services/ and outbox/. Each layer lists the top-level folders of src/ it must never import from; a new
 * folder under src/ that is not listed fails the test, so every new place is given a layer on purpose.
 */
const FORBIDDEN: Record<string, readonly string[]> = {
  domain: ["bot", "services", "db", "outbox", "telegram", "server", "metrics", "app.ts", "main.ts", "polling.ts", "playground", "cli"],
  telegram: ["bot", "services", "db", "outbox", "server", "metrics", "app.ts", "main.ts", "polling.ts", "playground", "cli"],
  db: ["bot", "services", "telegram", "server", "metrics", "app.ts", "main.ts", "polling.ts", "playground", "cli"],
  outbox: ["bot", "services", "server", "metrics", "app.ts", "main.ts", "polling.ts", "playground", "cli"],
  services: ["bot", "server", "metrics", "app.ts", "main.ts", "polling.ts", "playground", "cli"],
  bot: ["server", "metrics", "app.ts", "main.ts", "polling.ts", "playground", "cli"],
  metrics: ["server", "app.ts", "main.ts", "polling.ts", "playground", "cli"],
  server: ["app.ts", "main.ts", "polling.ts", "playground", "cli"],
  // The composition root and the tools on top of it may import everything below them.
  "app.ts": ["main.ts", "playground", "cli"],
  "polling.ts": ["app.ts", "main.ts", "playground", "cli"],
  "main.ts": ["playground", "cli"],
  playground: ["main.ts", "cli"],
  cli: ["main.ts", "playground", "bot", "server"],
  // Leaf helpers every layer may use.
  "config.ts": ["bot", "services", "db", "outbox", "telegram", "server", "domain"],
  "clock.ts": ["bot", "services", "db", "outbox", "telegram", "server", "domain"],
  "logger.ts": ["bot", "services", "db", "outbox", "telegram", "server", "domain"],
  "project-path.ts": ["bot", "services", "db", "outbox", "telegram", "server", "domain"],
  "heartbeat.ts": ["bot", "services", "server"],
  "intake.ts": ["app.ts", "main.ts", "playground", "cli"],
};

const SRC = projectPath("src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** `import … from "…"`, `export … from "…"` and `import("…")` with a relative specifier. */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)) found.push(match[1] as string);
  return found;
}

function layerOf(file: string): string {
  return relative(SRC, file).split("/")[0] as string;
}

describe("layers", () => {
  it("no module imports from a layer above its own", () => {
    const violations: string[] = [];
    const unlisted = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      const layer = layerOf(file);
      const forbidden = FORBIDDEN[layer];
      if (!forbidden) {
        unlisted.add(layer);
        continue;
      }
      for (const specifier of relativeImports(readFileSync(file, "utf8"))) {
        const target = resolve(dirname(file), specifier);
        if (!target.startsWith(SRC)) continue;
        const targetLayer = layerOf(target.replace(/\.js$/, ".ts"));
        if (forbidden.includes(targetLayer)) violations.push(`${relative(SRC, file)} imports ${specifier} (${layer} → ${targetLayer})`);
      }
    }
    expect([...unlisted], "give these folders of src/ a layer in test/architecture/layers.test.ts").toEqual([]);
    expect(violations).toEqual([]);
  });

  it("catches an upward import (the rule itself works)", () => {
    const imports = relativeImports('import { escapeHtml } from "../../bot/html.js";\nexport { x } from "./y.js";');
    expect(imports).toEqual(["../../bot/html.js", "./y.js"]);
    const file = join(SRC, "services", "relay", "card.ts");
    const target = resolve(dirname(file), imports[0] as string);
    expect(FORBIDDEN.services).toContain(layerOf(target));
  });
});
