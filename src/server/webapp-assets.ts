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
  /**
   * The page's Content-Security-Policy: its inline script and stylesheet are allowed by their SHA-256 hashes only
   * (no 'unsafe-inline', no other origin, not even our own files).
   */
  contentSecurityPolicy: string;
}

export interface WebAppAssets {
  /** The page (`index.html`, the only file): HTML with the boot script, the stylesheet and the editor inlined. */
  get(name: string): Promise<Asset | undefined>;
}

/**
 * The editor is one HTML response: `src/webapp/index.html` with the stylesheet (`styles.css`) and two scripts compiled
 * by esbuild (already here as tsx's compiler) inlined, built the first time the page is asked for and then kept in
 * memory (no build step to forget, no compiled copy in the repository).
 *
 * One response because every round trip costs a phone on a slow network 150 ms or more: a separate script and
 * stylesheet were a second round trip before the page could even ask for the draft (bench/webapp.ts). The tiny boot
 * script comes first in <head> and asks for the draft as soon as it arrives, while the rest of the page is still
 * downloading and before the editor's script is parsed.
 */
export function webAppAssets(): WebAppAssets {
  let compiled: Promise<Asset> | undefined;
  return {
    async get(name) {
      if (name !== "index.html") return undefined;
      compiled ??= compile();
      return compiled;
    },
  };
}

const MARKERS = { boot: "<!-- inline: boot.ts -->", style: "<!-- inline: styles.css -->", app: "<!-- inline: main.ts -->" } as const;

async function compile(): Promise<Asset> {
  // Loaded only when the page is first asked for: a bot without the editor never starts esbuild.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: {
      boot: projectPath("src", "webapp", "boot.ts"),
      app: projectPath("src", "webapp", "main.ts"),
      "app-style": projectPath("src", "webapp", "styles.css"),
    },
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
    // "</" cannot end an inline block early: esbuild escapes "</script" in strings; checked here for the stylesheet too.
    const text = file.text.trimEnd();
    if (/<\/(script|style)/i.test(text)) throw new Error(`the editor's ${suffix} cannot be inlined`);
    return text;
  };
  const boot = output("boot.js");
  const style = output("app-style.css");
  const app = output("app.js");
  let html = await readFile(projectPath("src", "webapp", "index.html"), "utf8");
  for (const [marker, block] of [
    [MARKERS.boot, `<script>${boot}</script>`],
    [MARKERS.style, `<style>${style}</style>`],
    [MARKERS.app, `<script>${app}</script>`],
  ] as const) {
    if (!html.includes(marker)) throw new Error(`index.html has no ${marker}`);
    // A function, so that "$&" and the like in the code are not replacement patterns.
    html = html.replace(marker, () => block);
  }
  const body = Buffer.from(html);
  return {
    contentType: "text/html; charset=utf-8",
    body,
    gzipped: gzipSync(body, { level: 9 }),
    etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`,
    contentSecurityPolicy: pageContentSecurityPolicy({ scripts: [boot, app], styles: [style] }),
  };
}

const hash = (source: string) => `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;

function pageContentSecurityPolicy(inline: { scripts: string[]; styles: string[] }): string {
  return [
    "default-src 'none'",
    `script-src ${inline.scripts.map(hash).join(" ")}`,
    `style-src ${inline.styles.map(hash).join(" ")}`,
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors https://web.telegram.org",
  ].join("; ");
}
