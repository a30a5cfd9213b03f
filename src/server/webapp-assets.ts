import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { projectPath } from "../project-path.js";

export interface Asset {
  contentType: string;
  body: Buffer;
  /** The same, gzip-compressed: what a browser that accepts gzip is sent (and what the page weight counts). */
  gzipped: Buffer;
  etag: string;
}

export interface WebAppAssets {
  get(name: string): Promise<Asset | undefined>;
}

const CONTENT_TYPES: Record<string, string> = {
  "index.html": "text/html; charset=utf-8",
  "app.js": "text/javascript; charset=utf-8",
  "app.css": "text/css; charset=utf-8",
};

/**
 * The editor page's three files. The script and stylesheet are compiled from `src/webapp/` with esbuild (already
 * here as tsx's compiler) the first time they are asked for and then kept in memory, so there is no build step to
 * forget and no compiled copy in the repository to fall out of date.
 */
export function webAppAssets(): WebAppAssets {
  let compiled: Promise<Map<string, Asset>> | undefined;
  return {
    async get(name) {
      if (!(name in CONTENT_TYPES)) return undefined;
      compiled ??= compile();
      return (await compiled).get(name);
    },
  };
}

async function compile(): Promise<Map<string, Asset>> {
  // Loaded only when the page is first asked for: a bot without the editor never starts esbuild.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: { app: projectPath("src", "webapp", "main.ts"), "app-style": projectPath("src", "webapp", "styles.css") },
    bundle: true,
    minify: true,
    format: "iife",
    target: ["chrome100", "safari15", "firefox100"],
    write: false,
    outdir: "out",
    legalComments: "none",
    logLevel: "silent",
    // The page needs no tsconfig (and the runtime image ships none): plain defaults.
    tsconfigRaw: "{}",
  });
  const output = (suffix: string) => {
    const file = result.outputFiles.find((candidate) => candidate.path.endsWith(suffix));
    if (!file) throw new Error(`the editor's ${suffix} was not built`);
    return Buffer.from(file.contents);
  };
  const html = await readFile(projectPath("src", "webapp", "index.html"));
  const files: [string, Buffer][] = [
    ["index.html", html],
    ["app.js", output("app.js")],
    ["app.css", output("app-style.css")],
  ];
  return new Map(
    files.map(([name, body]) => [
      name,
      {
        contentType: CONTENT_TYPES[name] ?? "application/octet-stream",
        body,
        gzipped: gzipSync(body, { level: 9 }),
        etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`,
      },
    ]),
  );
}
