/**
 * The letter editor Mini App in Debian's chromium (playwright-core), on a mid-range phone profile: CPU slowed 4× and
 * a mobile network (150 ms latency, 1.6 Mbit/s down) through the DevTools protocol. Prints:
 *
 *   - the page's weight: HTML, script and stylesheet as sent (gzip);
 *   - first render: navigation start → the writer's 12,000-character draft in the textarea (`lysty-editor-ready`
 *     mark) and painted (`lysty-editor-painted`: a task queued from the next animation frame), first contentful
 *     paint, and the check's marks drawn (`lysty-editor-checked`);
 *   - main-thread work per keystroke while typing into that draft, from the DevTools TaskDuration metric, for the
 *     editor and, as the baseline in the same run, for the bare textarea: the editor's own page (same HTML, same
 *     stylesheet, the same <textarea> element with the same attributes and text) with its scripts removed, so no
 *     highlighting, counters, saving or checking at all: what the browser itself spends on a keystroke there;
 *   - the main-thread work of one check after a pause in typing (sending 12,000 characters, applying the answer).
 *
 *   npm run bench:webapp              7 runs of each
 *   npm run bench:webapp -- --quick   3 runs
 *   npm run bench:webapp -- --trace   also one DevTools trace of typing in each: where the main thread's time goes
 */
import { readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, CDPSession, Page } from "playwright-core";
import { Harness } from "../test/helpers/harness.js";
import { callApi, editorButtonUrl, initDataFor, launchChromium, localUrl, openEditor, WEBAPP_ENV } from "../test/helpers/webapp.js";

const quick = process.argv.includes("--quick");
const tracing = process.argv.includes("--trace");
const RUNS = quick ? 3 : 7;
const KEYSTROKES = 40;
const CPU_SLOWDOWN = 4;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");

/** A 12,000-character Russian letter with some risky words in it, in paragraphs as people write them. */
function longLetter(): string {
  const paragraphs = [
    "Здравствуйте, Борис Юльевич! Пишу Вам из Вильнюса, где уже выпал первый снег и дети лепят снеговиков во дворе.",
    "Вчера я перечитывала Ваши статьи и думала о том, как много Вы успели сделать. Что Вы сейчас читаете?",
    "У нас в библиотеке новые книги, я весь вечер их разбирала. Война и мир снова в списке самых популярных.",
    "Мои друзья передают Вам привет и ждут, когда закончится война. Желаю Вам здоровья, сил и интересных книг.",
  ];
  let text = "";
  for (let index = 0; text.length < 12_000; index++) text += `${paragraphs[index % paragraphs.length]}\n\n`;
  return text.slice(0, 11_900).trimEnd();
}

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Performance.enable");
  return cdp;
}

async function taskDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return (metrics.find((metric) => metric.name === "TaskDuration")?.value ?? 0) * 1000;
}

/** Puts the caret in the middle of the text, as perKeystroke types. */
async function caretInTheMiddle(page: Page): Promise<void> {
  await page.focus("textarea");
  await page.evaluate(() => {
    const area = (globalThis as unknown as { document: { querySelector(s: string): { setSelectionRange(a: number, b: number): void; value: string } } }).document.querySelector("textarea");
    const middle = Math.floor(area.value.length / 2);
    area.setSelectionRange(middle, middle);
  });
}

/** Main-thread milliseconds per keystroke typed in the middle of the text (no check answer arrives meanwhile). */
async function perKeystroke(page: Page, cdp: CDPSession): Promise<number> {
  await caretInTheMiddle(page);
  const before = await taskDuration(cdp);
  // 30 ms apart: faster than anyone types, and well inside the check's pause, so only typing is measured.
  await page.keyboard.type("а".repeat(KEYSTROKES), { delay: 30 });
  const after = await taskDuration(cdp);
  return (after - before) / KEYSTROKES;
}

/** The baseline page: the editor's HTML and stylesheet without scripts, its textarea enabled and holding the letter. */
async function bareTextarea(page: Page, bareHtml: string, letter: string): Promise<void> {
  await page.setContent(bareHtml);
  await page.evaluate((text) => {
    const area = (globalThis as unknown as { document: { querySelector(s: string): { value: string; disabled: boolean; maxLength: number } } }).document.querySelector("textarea");
    area.disabled = false;
    area.maxLength = 2 * 12_000; // as the editor sets it
    area.value = text;
  }, letter);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Types KEYSTROKES characters under a DevTools trace; the renderer main thread's events summed by name, per keystroke. */
async function traceTyping(browser: Browser, page: Page): Promise<[string, { wall: number; cpu: number }][]> {
  await caretInTheMiddle(page);
  const path = join(tmpdir(), `lysty-webapp-trace-${process.pid}.json`);
  await browser.startTracing(page, { path, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink"] });
  await page.keyboard.type("а".repeat(KEYSTROKES), { delay: 30 });
  await browser.stopTracing();
  const { traceEvents } = JSON.parse(await readFile(path, "utf8")) as { traceEvents: TraceEvent[] };
  await rm(path, { force: true });
  const main = traceEvents.find((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain");
  const sums = new Map<string, { wall: number; cpu: number }>();
  for (const event of traceEvents) {
    if (event.ph !== "X" || event.pid !== main?.pid || event.tid !== main.tid || !event.dur) continue;
    const sum = sums.get(event.name) ?? { wall: 0, cpu: 0 };
    sum.wall += event.dur / 1000 / KEYSTROKES;
    sum.cpu += (event.tdur ?? 0) / 1000 / KEYSTROKES;
    sums.set(event.name, sum);
  }
  return [...sums].sort((a, b) => b[1].wall - a[1].wall).slice(0, 40);
}

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

    // A running server has checked letters before: the check's first call (lexicon, JIT) is not the editor's cost.
    await callApi(h, "check", { slug: "kagarlitsky-boris", text: letter }, initData());
    const pageResponse = await fetch(`http://127.0.0.1:${h.running.httpPort}/webapp/`, { headers: { "accept-encoding": "gzip" } });
    const weight = Number(pageResponse.headers.get("content-length"));
    const html = await pageResponse.text();
    // The baseline: the editor's page without its two scripts (their hashes then allow nothing), the same textarea.
    const bareHtml = html.replace(/<script>[\s\S]*?<\/script>/g, "");

    const phases: number[][] = [];
    const firstRender: number[] = [];
    const firstPainted: number[] = [];
    const firstPaint: number[] = [];
    const marksDrawn: number[] = [];
    const editorKeystroke: number[] = [];
    const baselineKeystroke: number[] = [];
    const applyCheck: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      // On the server's origin first: throttling set on about:blank is not carried across to a new site's renderer
      // (the page's own first byte then came after 34 ms, with no latency at all).
      await page.goto(`http://127.0.0.1:${h.running.httpPort}/healthz`);
      const cdp = await throttle(page);
      // DevTools' latency does not reach the navigation itself (its first byte came 34-49 ms after navigation start):
      // the page's request is held back for the same 150 ms here.
      await page.route(
        (address) => address.pathname === "/webapp/",
        async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 150));
          await route.continue();
        },
      );
      await openEditor(page, url, initData());
      await page.waitForFunction(() => performance.getEntriesByName("lysty-editor-checked").length > 0, undefined, { timeout: 30_000 });
      const marks = await page.evaluate(async () => {
        // No helper functions in here: the page would not have the bundler's __name().
        // First contentful paint is reported after the frame is presented: wait for the entry, not just read it.
        const paint = await new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName("first-contentful-paint")[0];
            if (entry) resolve(entry.startTime);
            // "paint" is a browser entry type that Node's typings (this file's) do not list.
          }).observe({ type: "paint", buffered: true } as unknown as { type: "mark"; buffered: boolean });
          setTimeout(() => resolve(NaN), 5_000);
        });
        const navigation = (performance.getEntriesByType("navigation" as "mark")[0] as unknown) as { responseStart: number; responseEnd: number } | undefined;
        const sessionRequest = performance.getEntriesByType("resource" as "mark").find((entry) => entry.name.endsWith("/api/session")) as unknown as
          | { startTime: number; responseStart: number; responseEnd: number }
          | undefined;
        return {
          phases: [
            navigation?.responseStart ?? NaN,
            navigation?.responseEnd ?? NaN,
            performance.getEntriesByName("lysty-boot")[0]?.startTime ?? NaN,
            sessionRequest?.responseStart ?? NaN,
            sessionRequest?.responseEnd ?? NaN,
          ],
          ready: performance.getEntriesByName("lysty-editor-ready")[0]?.startTime ?? NaN,
          painted: performance.getEntriesByName("lysty-editor-painted")[0]?.startTime ?? NaN,
          checked: performance.getEntriesByName("lysty-editor-checked")[0]?.startTime ?? NaN,
          paint,
        };
      });
      marks.phases.forEach((at, index) => (phases[index] ??= []).push(at));
      firstRender.push(marks.ready);
      firstPainted.push(marks.painted);
      firstPaint.push(marks.paint);
      marksDrawn.push(marks.checked);
      editorKeystroke.push(await perKeystroke(page, cdp));
      // Typing stopped: the check is sent after its pause, answered, and its highlights drawn.
      const t0 = await taskDuration(cdp);
      await page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            (globalThis as unknown as { document: { addEventListener(t: string, f: () => void, o: unknown): void } }).document.addEventListener(
              "lysty-checked",
              () => resolve(),
              { once: true },
            ),
          ),
      );
      applyCheck.push((await taskDuration(cdp)) - t0);
      await context.close();

      const bare = await browser.newContext({ viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true });
      const basePage = await bare.newPage();
      const baseCdp = await throttle(basePage);
      await bareTextarea(basePage, bareHtml, letter);
      baselineKeystroke.push(await perKeystroke(basePage, baseCdp));
      await bare.close();
    }

    console.log(`letter editor Mini App — ${RUNS} runs, CPU ${CPU_SLOWDOWN}× slower, 150 ms / 1.6 Mbit/s network, ${letter.length}-character draft`);
    console.log(`load average: ${load()} (2 cores shared)`);
    console.log(`page weight (one HTML response with the inline script and stylesheet, gzip): ${(weight / 1024).toFixed(1)} KB`);
    const list = (values: readonly number[], digits = 0) => `[${values.map((v) => v.toFixed(digits)).join(", ")}]`;
    const phaseNames = ["page's first byte", "page's last byte", "boot script runs (asks for the draft)", "draft's first byte", "draft's last byte"];
    console.log(`on the way, medians from navigation start: ${phaseNames.map((name, index) => `${name} ${(median(phases[index] ?? [])).toFixed(0)}`).join(", ")} ms`);
    console.log(`first render, draft in the textarea, median: ${fmt(median(firstRender))}   ${list(firstRender)}`);
    console.log(`first render, draft painted, median: ${fmt(median(firstPainted))}   ${list(firstPainted)}`);
    console.log(`first contentful paint, median: ${fmt(median(firstPaint))}   ${list(firstPaint)}`);
    console.log(`the saved text's marks drawn, median: ${fmt(median(marksDrawn))}   ${list(marksDrawn)}`);
    console.log(
      `main-thread work per keystroke, median: editor ${fmt(median(editorKeystroke))}, baseline ${fmt(median(baselineKeystroke))} ` +
        "(the editor's page without its scripts: same stylesheet, same textarea, same text)",
    );
    console.log(`  editor runs: ${list(editorKeystroke, 2)}  baseline runs: ${list(baselineKeystroke, 2)}`);
    console.log(`main-thread work of one check after typing (request, answer, highlights redrawn), median: ${fmt(median(applyCheck))}`);
    console.log(`load average at the end: ${load()}`);

    if (tracing) {
      for (const which of ["editor", "baseline"] as const) {
        const context = await browser.newContext({ viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true });
        const page = await context.newPage();
        await throttle(page);
        if (which === "editor") {
          await openEditor(page, url, initData());
          await page.waitForSelector("#app[data-checked]", { timeout: 30_000 });
        } else {
          await bareTextarea(page, bareHtml, letter);
        }
        console.log(`\n${which}: DevTools trace of ${KEYSTROKES} keystrokes, ms per keystroke (events nest: a row includes the rows it calls)`);
        for (const [name, ms] of await traceTyping(browser, page)) console.log(`  ${ms.wall.toFixed(2).padStart(7)} wall ${ms.cpu.toFixed(2).padStart(7)} thread CPU  ${name}`);
        await context.close();
      }
      console.log(`load average: ${load()}`);
    }
  } finally {
    await browser.close();
    await h.stop();
  }
}

await main();
