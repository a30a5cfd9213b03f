import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { projectPath } from "../project-path.js";

/** The editor's page before it is served: the HTML with everything inlined, and the inline blocks its CSP must allow. */
export interface EditorPage {
  html: string;
  scripts: string[];
  styles: string[];
}

/** Where `npm run build` leaves the bundled page (scripts/build-webapp.mjs), beside the compiled code. */
export const PREBUILT_PAGE = ["dist", "webapp", "page.json"] as const;

const MARKERS = { boot: "<!-- inline: boot.ts -->", style: "<!-- inline: styles.css -->", app: "<!-- inline: main.ts -->" } as const;

/**
 * Bundles `src/webapp/` with esbuild into one HTML page: the tiny boot script first, then the stylesheet and the
 * editor. Runs at build time (`npm run build`) for the compiled bot and the image, which therefore carry no compiler,
 * and on first request under tsx (tests, `npm run start:tsx`), so that an edit of the page shows without a build.
 * `sources` is given by the build script: the image's build stage has no locales/, by which projectPath finds the root.
 */
export async function bundleEditorPage(sources = projectPath("src", "webapp")): Promise<EditorPage> {
  // esbuild is a development dependency: imported only here, never by the compiled bot at run time.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: {
      boot: join(sources, "boot.ts"),
      app: join(sources, "main.ts"),
      "app-style": join(sources, "styles.css"),
    },
    bundle: true,
    minify: true,
    format: "iife",
    target: ["chrome100", "safari15", "firefox100"],
    write: false,
    outdir: "out",
    legalComments: "none",
    logLevel: "silent",
    // The page needs no tsconfig of ours: plain defaults.
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
  let html = await readFile(join(sources, "index.html"), "utf8");
  for (const [marker, block] of [
    [MARKERS.boot, `<script>${boot}</script>`],
    [MARKERS.style, `<style>${style}</style>`],
    [MARKERS.app, `<script>${app}</script>`],
  ] as const) {
    if (!html.includes(marker)) throw new Error(`index.html has no ${marker}`);
    // A function, so that "$&" and the like in the code are not replacement patterns.
    html = html.replace(marker, () => block);
  }
  return { html, scripts: [boot, app], styles: [style] };
}
