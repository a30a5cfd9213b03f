/**
 * What a keystroke in the letter editor costs the browser's main thread, taken apart (issue 17): the same 12,000-
 * character letter typed into (a) the editor, (b) its page without scripts holding the text in a textarea, (c) that
 * page with a copy of the editor's backdrop behind the textarea, (d) that page with the counters' line rewritten in
 * an animation frame after every other keystroke (a paired measure: the even keys pay it, the odd ones do not, under
 * the same load), and (e) the page without scripts holding one line (any keystroke's cost). Each keystroke's
 * top-level tasks (as `traceKeystrokes` counts them, test/helpers/webapp-timing.ts) are sorted by what they do:
 *
 *   - editing: the task that receives the typed text (IME commit), fires beforeinput, textInput and input, edits the
 *     text and lays the textarea out to place the caret;
 *   - selectionchange: the task firing it (the browser queues it after an edit);
 *   - frame: the animation frame callbacks, style, layout, pre-paint, paint, layerize and commit;
 *   - idle: idle callbacks (the spellchecker's);
 *   - other: the rest (tasks without a traced event inside: IPC, the scheduler).
 *
 * Figures are the thread CPU time of those tasks, medians over the keystrokes of each page, unthrottled by default:
 * the CPU time a task takes hardly depends on other processes, where wall time on a shared machine does, and
 * DevTools' CPU throttling is a busy-wait whose CPU time grows with the machine's load. A phone profile's wall time is
 * about its throttling rate times these (`npm run bench:webapp -- --cpu=…` measures that).
 *
 *   npm run bench:webapp-keystroke                 60 keystrokes per page, two rounds, unthrottled
 *   npm run bench:webapp-keystroke -- --keys=120 --rounds=3 --cpu=4
 */
import { loadavg } from "node:os";
import type { Browser, Page } from "playwright-core";
import { Harness } from "../test/helpers/harness.js";
import { callApi, editorButtonUrl, initDataFor, LIGHT_THEME, launchChromium, localUrl, openEditor, WEBAPP_ENV } from "../test/helpers/webapp.js";
import { caretAt, type KeystrokeTasks, longLetter, median, type TraceEvent, traceKeystrokeTasks } from "../test/helpers/webapp-timing.js";

const option = (name: string, fallback: number) => Number(process.argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const KEYS = option("keys", 60);
const ROUNDS = option("rounds", 2);
const CPU_RATE = option("cpu", 1);
/** A brisk person's pace, as bench/webapp.ts types. */
const GAP_MS = 150;
const PARTS = ["editing", "selectionchange", "frame", "idle", "other"] as const;
type Part = (typeof PARTS)[number];

function partOf(task: TraceEvent, inside: readonly TraceEvent[]): Part {
  const within = inside.filter((event) => event.ts >= task.ts && event.ts < task.ts + (task.dur ?? 0));
  const has = (name: string, type?: string) => within.some((event) => event.name === name && (type === undefined || event.args?.data?.type === type));
  if (has("EventDispatch", "textInput") || has("EventDispatch", "beforeinput")) return "editing";
  if (has("EventDispatch", "selectionchange")) return "selectionchange";
  if (has("Commit") || has("Paint") || has("PrePaint") || has("FireAnimationFrame") || has("Layout")) return "frame";
  if (has("FireIdleCallback")) return "idle";
  return "other";
}

/** Thread CPU ms of each keystroke, in all and by part. */
function byPart(keys: readonly KeystrokeTasks[]): { all: number[]; parts: Record<Part, number[]> } {
  const parts = Object.fromEntries(PARTS.map((part) => [part, [] as number[]])) as Record<Part, number[]>;
  const all: number[] = [];
  for (const key of keys) {
    const sums = Object.fromEntries(PARTS.map((part) => [part, 0])) as Record<Part, number>;
    for (const task of key.tasks) sums[partOf(task, key.inside)] += (task.tdur ?? 0) / 1000;
    for (const part of PARTS) parts[part].push(sums[part]);
    all.push(PARTS.reduce((total, part) => total + sums[part], 0));
  }
  return { all, parts };
}

type PageKind = "editor" | "textarea" | "textarea + backdrop" | "textarea + counters, even keys" | "one line";

async function main(): Promise<void> {
  const h = await Harness.start({ env: { ...WEBAPP_ENV, LOG_LEVEL: "silent" } });
  const browser = await launchChromium();
  try {
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start w_kagarlitsky-boris");
    const url = localUrl(h, editorButtonUrl(writer));
    const initData = () => initDataFor({ id: writer.id, languageCode: "en" }, h.config.botToken, h.clock.now());
    const letter = longLetter();
    const session = (await callApi(h, "session", { slug: "kagarlitsky-boris" }, initData())).json as { draft: { version: string } };
    await callApi(h, "draft", { slug: "kagarlitsky-boris", text: letter, version: session.draft.version }, initData());
    const html = await (await fetch(`http://127.0.0.1:${h.running.httpPort}/webapp/`)).text();
    const bareHtml = html.replace(/<script>[\s\S]*?<\/script>/g, "");

    const openTheEditor = async (page: Page) => {
      await page.goto(`http://127.0.0.1:${h.running.httpPort}/healthz`);
      await openEditor(page, url, initData(), LIGHT_THEME, { bridge: false });
      await page.waitForSelector("#app[data-checked]", { timeout: 30_000 });
    };
    // The editor's backdrop with the check's marks, copied into the page without scripts.
    const backdrop = await withPage(browser, async (page) => {
      await openTheEditor(page);
      return page.evaluate(() => (globalThis as unknown as { document: { querySelector(selector: string): { outerHTML: string } } }).document.querySelector(".backdrop").outerHTML);
    });

    const open = async (page: Page, kind: PageKind) => {
      if (kind === "editor") return openTheEditor(page);
      await page.setContent(bareHtml);
      // No helper functions in here: the page would not have the bundler's __name().
      await page.evaluate(
        ([value, kind, backdrop]) => {
          interface Element { id: string; value: string; maxLength: number; scrollTop: number; textContent: string; previousElementSibling: Element; replaceWith(node: Element): void; insertAdjacentHTML(where: string, html: string): void; addEventListener(type: string, listener: () => void): void }
          const { document, requestAnimationFrame } = globalThis as unknown as { document: { getElementById(id: string): Element; createElement(tag: string): Element }; requestAnimationFrame(then: () => void): void };
          const area = document.createElement("textarea");
          area.id = "letter";
          area.maxLength = 2 * 12_000; // as the editor sets it
          area.value = value;
          document.getElementById("letter").replaceWith(area);
          if (kind === "textarea + backdrop") {
            area.insertAdjacentHTML("beforebegin", backdrop);
            const behind = area.previousElementSibling;
            area.addEventListener("scroll", () => (behind.scrollTop = area.scrollTop));
          }
          if (kind === "textarea + counters, even keys") {
            const counters = document.getElementById("counters");
            let typed = 0;
            area.addEventListener("input", () => {
              if (typed++ % 2 === 0) requestAnimationFrame(() => (counters.textContent = `${area.value.length} / 12000 characters · printed pages: 5`));
            });
          }
        },
        [kind === "one line" ? "Здравствуйте, Борис Юльевич!" : letter, kind, backdrop] as const,
      );
    };

    const kinds: PageKind[] = ["editor", "textarea", "textarea + backdrop", "textarea + counters, even keys", "one line"];
    const results = new Map<PageKind, ReturnType<typeof byPart>[]>();
    const loads = [load()];
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of kinds) {
        const keys = await withPage(browser, async (page) => {
          await open(page, kind);
          const cdp = await page.context().newCDPSession(page);
          await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_RATE });
          await caretAt(page);
          return traceKeystrokeTasks(browser, page, KEYS, GAP_MS);
        });
        results.set(kind, [...(results.get(kind) ?? []), byPart(keys)]);
      }
      loads.push(load());
    }

    console.log(`a keystroke in the letter editor, taken apart: ${KEYS} keys ${GAP_MS} ms apart per page and round, ${ROUNDS} rounds, CPU ${CPU_RATE}× slower`);
    console.log(`load average (1/5/15 min) at the start and after each round: ${loads.join(" | ")}`);
    console.log(`thread CPU ms per keystroke, the median over each page's keystrokes, the rounds' medians in brackets:`);
    const cell = (values: number[][]) => `${median(values.map(median)).toFixed(2).padStart(5)} [${values.map((run) => median(run).toFixed(2)).join(", ")}]`;
    console.log(`  ${"page".padEnd(32)} ${["all", ...PARTS].map((part) => part.padEnd(20)).join(" ")}`);
    for (const kind of kinds) {
      const runs = results.get(kind) ?? [];
      console.log(`  ${kind.padEnd(32)} ${[cell(runs.map((run) => run.all)), ...PARTS.map((part) => cell(runs.map((run) => run.parts[part])))].map((text) => text.padEnd(20)).join(" ")}`);
    }
    const paired = results.get("textarea + counters, even keys") ?? [];
    const even = paired.map((run) => median(run.all.filter((_, index) => index % 2 === 0)));
    const odd = paired.map((run) => median(run.all.filter((_, index) => index % 2 === 1)));
    console.log(
      `the counters' line rewritten in a keystroke's frame (even keys minus odd keys of the same page): ` +
        `${(median(even) - median(odd)).toFixed(2)} ms [${even.map((value, index) => (value - (odd[index] ?? NaN)).toFixed(2)).join(", ")}]`,
    );
  } finally {
    await browser.close();
    await h.stop();
  }
}

const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");

async function withPage<T>(browser: Browser, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true });
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

await main();
