import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { signInitData } from "../../src/services/webapp/init-data.js";
import { SESSION_CONTENT_TYPE } from "../../src/webapp/protocol.js";
import type { Harness } from "./harness.js";
import type { TestUser } from "./test-user.js";

/** The editor's public URL in tests; the page itself is fetched from the app's server on 127.0.0.1. */
export const WEBAPP_URL = "https://lysty.example/webapp";
export const WEBAPP_ENV = { WEBAPP_URL, HOST: "127.0.0.1", PORT: "0" };

/** initData as a Telegram client would pass it to the page for this user, signed with `token`. */
export function initDataFor(
  user: { id: number; languageCode?: string },
  token: string,
  authDate: Date,
): string {
  const params = new URLSearchParams({
    query_id: `AAH${user.id}`,
    user: JSON.stringify({ id: user.id, first_name: "Test", ...(user.languageCode ? { language_code: user.languageCode } : {}) }),
    auth_date: String(Math.floor(authDate.getTime() / 1000)),
  });
  params.set("hash", signInitData(params, token));
  return params.toString();
}

/** The local address of a web_app URL the bot put on a button (same path and query, on the app's own server). */
export function localUrl(h: Harness, publicUrl: string): string {
  const url = new URL(publicUrl);
  return `http://127.0.0.1:${h.running.httpPort}${url.pathname}${url.search}`;
}

/** The newest "Open the editor" button in the user's chat. */
export function editorButtonUrl(user: TestUser): string {
  for (const message of [...user.messages].reverse()) {
    for (const button of message.reply_markup?.inline_keyboard.flat() ?? []) {
      if ("web_app" in button && button.web_app) return button.web_app.url;
    }
  }
  throw new Error("no web_app button in the chat");
}

/** POSTs to the editor's API as the page does. */
export async function callApi(h: Harness, name: string, body: unknown, initData?: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`http://127.0.0.1:${h.running.httpPort}/webapp/api/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(initData !== undefined ? { authorization: `tma ${initData}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await readJson(response) };
}

/** A JSON answer; `api/session`'s two lines (the session, then its check) merged into one object. */
export async function readJson(response: Response): Promise<unknown> {
  if (response.headers.get("content-type") !== SESSION_CONTENT_TYPE) return response.json();
  const lines = (await response.text()).split("\n").filter((line) => line !== "");
  return Object.assign({}, ...lines.map((line) => JSON.parse(line) as object)) as unknown;
}

/** Debian's chromium (`.ci/run` installs it); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install chromium (as .ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
}

export const LIGHT_THEME = {
  bg_color: "#ffffff",
  text_color: "#000000",
  hint_color: "#707579",
  link_color: "#3390ec",
  button_color: "#3390ec",
  button_text_color: "#ffffff",
  secondary_bg_color: "#f4f4f5",
  destructive_text_color: "#e53935",
};

export const DARK_THEME = {
  bg_color: "#212121",
  text_color: "#ffffff",
  hint_color: "#aaaaaa",
  link_color: "#8774e1",
  button_color: "#8774e1",
  button_text_color: "#ffffff",
  secondary_bg_color: "#0f0f0f",
  destructive_text_color: "#ff595a",
};

/**
 * Opens the editor as a mobile Telegram client would: launch parameters in the fragment, and a
 * `TelegramWebviewProxy` bridge that records every event the page posts (main button, back button, close…).
 */
export async function openEditor(
  page: Page,
  url: string,
  initData: string,
  theme: Record<string, string> = LIGHT_THEME,
  { bridge = true }: { bridge?: boolean } = {},
): Promise<void> {
  // The bench opens the page without the recording bridge: an init script is evaluated as the document is created,
  // on the way to the first render, where a Telegram client's bridge is a native object.
  if (bridge) await page.addInitScript(() => {
    const events: { type: string; data: unknown }[] = [];
    Object.assign(globalThis, {
      __events: events,
      TelegramWebviewProxy: { postEvent: (type: string, data: string) => events.push({ type, data: JSON.parse(data) as unknown }) },
    });
  });
  const fragment = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: "8.0",
    tgWebAppPlatform: "android",
    tgWebAppThemeParams: JSON.stringify(theme),
  });
  await page.goto(`${url}#${fragment.toString()}`);
}

/** Events the page posted to the Telegram client, oldest first. */
export async function postedEvents(page: Page): Promise<{ type: string; data: Record<string, unknown> }[]> {
  return page.evaluate(() => (globalThis as unknown as { __events: { type: string; data: Record<string, unknown> }[] }).__events);
}

/** An event from the Telegram client to the page (a press of the main button, a theme change…). */
export async function clientEvent(page: Page, type: string, data: unknown = {}): Promise<void> {
  await page.evaluate(
    ([eventType, eventData]) =>
      (globalThis as unknown as { Telegram: { WebView: { receiveEvent(t: unknown, d: unknown): void } } }).Telegram.WebView.receiveEvent(
        eventType,
        eventData,
      ),
    [type, data] as const,
  );
}

/** The little of the DOM the page-side helpers read (the test code compiles without the DOM library). */
interface PageNode {
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<PageNode>;
  parentNode: PageNode | null;
  value?: string;
}
interface PageRange {
  startContainer: PageNode;
  startOffset: number;
  toString(): string;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
}
interface PageGlobals {
  document: { getElementById(id: string): PageNode; createRange(): { setStart(node: PageNode, offset: number): void; setEnd(node: PageNode, offset: number): void; toString(): string } };
  CSS: { highlights?: Map<string, Set<PageRange>> };
}

/**
 * Engines without the CSS Custom Highlight API get the textarea surface: this page's engine is made one of them
 * (before its scripts run), so that the fallback is tested in the same browser.
 */
/** Opts the page into the paragraph surface (src/webapp/main.ts: the textarea is the default) before its scripts run. */
export async function withParagraphSurface(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (globalThis as unknown as { sessionStorage: { setItem(key: string, value: string): void } }).sessionStorage.setItem("lysty-surface", "paragraph");
  });
}

export async function withoutHighlightApi(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (globalThis as { Highlight?: unknown }).Highlight;
  });
}

/** The letter's text as the page shows it: the textarea's value, or the paragraph surface's blocks, one a line. */
export async function letterText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const letter = (globalThis as unknown as PageGlobals).document.getElementById("letter");
    if (letter.nodeName === "TEXTAREA") return letter.value ?? "";
    // A block's last "\n" only shows its empty last line (paragraph-surface.ts).
    return Array.from(letter.childNodes, (block) => (block.textContent ?? "").replace(/\n$/, "")).join("\n");
  });
}

/**
 * The marks on the page, as the writer sees them: each span's offset in the letter's text, its text and category,
 * and its box on screen. The textarea surface's <mark>s in the backdrop, or the paragraph surface's highlights.
 */
export async function shownMarks(page: Page): Promise<{ start: number; text: string; category: string; box: { x: number; y: number; width: number; height: number } }[]> {
  return page.evaluate(() => {
    const { document, CSS } = globalThis as unknown as PageGlobals;
    const found: { start: number; text: string; category: string; box: { x: number; y: number; width: number; height: number } }[] = [];
    const backdrop = document.getElementById("letter").nodeName === "TEXTAREA" ? document.getElementById("letter").parentNode : undefined;
    if (backdrop) {
      let offset = 0;
      const paragraphs = Array.from(backdrop.childNodes).find((node) => node.nodeName === "DIV")?.childNodes ?? [];
      for (const paragraph of Array.from(paragraphs)) {
        for (const node of Array.from(paragraph.childNodes)) {
          const text = (node.textContent ?? "").replace(/\u200b/g, "");
          const mark = node as unknown as PageRange & { dataset: Record<string, string> };
          if (node.nodeName === "MARK") found.push({ start: offset, text, category: mark.dataset.c ?? "", box: mark.getBoundingClientRect() });
          offset += text.length;
        }
        offset += 1; // the line break between paragraphs
      }
      return found;
    }
    const root = document.getElementById("letter");
    const blocks = Array.from(root.childNodes);
    for (const [name, ranges] of CSS.highlights ?? []) {
      for (const range of ranges) {
        let block = range.startContainer;
        while (block.parentNode && block.parentNode !== root) block = block.parentNode;
        const index = blocks.indexOf(block);
        let start = 0;
        for (const before of blocks.slice(0, index)) start += (before.textContent ?? "").replace(/\n$/, "").length + 1;
        const head = document.createRange();
        head.setStart(block, 0);
        head.setEnd(range.startContainer, range.startOffset);
        const text = range.toString();
        if (text === "") continue; // a range the browser collapsed (its text deleted), not drawn
        const { x, y, width, height } = range.getBoundingClientRect();
        found.push({ start: start + head.toString().length, text, category: name.replace(/^lysty-/, "").replace(/-advice$/, ""), box: { x, y, width, height } });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  });
}
