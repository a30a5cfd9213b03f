import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { projectPath } from "../project-path.js";
import { type EditorPage, PREBUILT_PAGE } from "./webapp-bundle.js";

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
 * The editor is one HTML response: `src/webapp/index.html` with the stylesheet and two scripts inlined
 * (`webapp-bundle.ts`), kept in memory after the first request.
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
      compiled ??= loadPage().then(asset);
      return compiled;
    },
  };
}

/**
 * The compiled bot (`npm start`, the image) serves the page `npm run build` bundled: no compiler at run time, and no
 * bundling delay on a writer's first request. Under tsx the page is bundled from the sources, so edits show at once.
 */
async function loadPage(): Promise<EditorPage> {
  if (!import.meta.url.includes("/dist/")) {
    const { bundleEditorPage } = await import("./webapp-bundle.js");
    return bundleEditorPage();
  }
  try {
    return JSON.parse(await readFile(projectPath(...PREBUILT_PAGE), "utf8")) as EditorPage;
  } catch (error) {
    throw new Error(`the editor's page was not built (npm run build writes ${PREBUILT_PAGE.join("/")})`, { cause: error });
  }
}

function asset(page: EditorPage): Asset {
  const body = Buffer.from(page.html);
  return {
    contentType: "text/html; charset=utf-8",
    body,
    gzipped: gzipSync(body, { level: 9 }),
    etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`,
    contentSecurityPolicy: pageContentSecurityPolicy(page),
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
