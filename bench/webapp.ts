/**
 * The letter editor Mini App in Debian's chromium (playwright-core), on a mid-range phone profile: CPU slowed 4× and
 * a mobile network (150 ms latency, 1.6 Mbit/s down) through the DevTools protocol. Prints:
 *
 *   - the page's weight: HTML, script and stylesheet as sent (gzip);
 *   - first render: navigation start → the writer's 12,000-character draft on screen (`lysty-editor-ready` mark),
 *     and first contentful paint;
 *   - main-thread work per keystroke while typing into that draft, from the DevTools TaskDuration metric, for the
 *     editor and, as the baseline in the same run, for a bare textarea holding the same text with the same styles
 *     (what the browser spends on any keystroke in 12,000 characters, with no highlighting or counters at all);
 *   - the main-thread work of one check after a pause in typing (sending 12,000 characters, applying the answer).
 *
 *   npm run bench:webapp              7 runs of each
 *   npm run bench:webapp -- --quick   3 runs
 */
import { loadavg } from "node:os";
import type { CDPSession, Page } from "playwright-core";
import { Harness } from "../test/helpers/harness.js";
import { callApi, editorButtonUrl, initDataFor, launchChromium, localUrl, openEditor, WEBAPP_ENV } from "../test/helpers/webapp.js";

const quick = process.argv.includes("--quick");
const RUNS = quick ? 3 : 7;
const KEYSTROKES = 40;
const CPU_SLOWDOWN = 4;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

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

/** Main-thread milliseconds per keystroke typed in the middle of the text (no check answer arrives meanwhile). */
async function perKeystroke(page: Page, cdp: CDPSession): Promise<number> {
  await page.focus("textarea");
  await page.evaluate(() => {
    const area = (globalThis as unknown as { document: { querySelector(s: string): { setSelectionRange(a: number, b: number): void; value: string } } }).document.querySelector("textarea");
    const middle = Math.floor(area.value.length / 2);
    area.setSelectionRange(middle, middle);
  });
  const before = await taskDuration(cdp);
  // 30 ms apart: faster than anyone types, and well inside the check's pause, so only typing is measured.
  await page.keyboard.type("а".repeat(KEYSTROKES), { delay: 30 });
  const after = await taskDuration(cdp);
  return (after - before) / KEYSTROKES;
}

async function main(): Promise<void> {
  const h = await Harness.start({ env: { ...WEBAPP_ENV, LOG_LEVEL: "silent" } });
  const browser = await launchChromium();
  try {
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start w_kagarlitsky-boris");
    await writer.press("I will write it myself");
    const url = localUrl(h, editorButtonUrl(writer));
    const initData = () => initDataFor({ id: writer.id, languageCode: "en" }, h.config.botToken, h.clock.now());
    const letter = longLetter();
    const session = (await callApi(h, "session", { slug: "kagarlitsky-boris" }, initData())).json as { draft: { version: string } };
    await callApi(h, "draft", { slug: "kagarlitsky-boris", text: letter, version: session.draft.version }, initData());

    let weight = 0;
    for (const file of ["", "app.js", "app.css"]) {
      const response = await fetch(`http://127.0.0.1:${h.running.httpPort}/webapp/${file}`, { headers: { "accept-encoding": "gzip" } });
      weight += (await response.arrayBuffer()).byteLength;
    }

    const firstRender: number[] = [];
    const firstPaint: number[] = [];
    const editorKeystroke: number[] = [];
    const baselineKeystroke: number[] = [];
    const applyCheck: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const cdp = await throttle(page);
      await openEditor(page, url, initData());
      await page.waitForFunction(() => performance.getEntriesByName("lysty-editor-ready").length > 0, undefined, { timeout: 30_000 });
      const marks = await page.evaluate(() => ({
        ready: performance.getEntriesByName("lysty-editor-ready")[0]?.startTime ?? NaN,
        paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      }));
      firstRender.push(marks.ready);
      firstPaint.push(marks.paint);
      // The first check answer: wait for it, then measure applying a fresh one.
      await page.waitForSelector("#app[data-checked]", { timeout: 30_000 });
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
      await basePage.setContent(
        `<style>textarea{position:absolute;inset:60px 12px 120px;padding:10px 12px;font:17px/1.5 system-ui,sans-serif;white-space:pre-wrap}</style><textarea></textarea>`,
      );
      await basePage.evaluate((text) => {
        (globalThis as unknown as { document: { querySelector(s: string): { value: string } } }).document.querySelector("textarea").value = text;
      }, letter);
      baselineKeystroke.push(await perKeystroke(basePage, baseCdp));
      await bare.close();
    }

    const [one, five, fifteen] = loadavg();
    console.log(`letter editor Mini App — ${RUNS} runs, CPU ${CPU_SLOWDOWN}× slower, 150 ms / 1.6 Mbit/s network, ${letter.length}-character draft`);
    console.log(`load average: ${one?.toFixed(2)} ${five?.toFixed(2)} ${fifteen?.toFixed(2)} (2 cores shared)`);
    console.log(`page weight (HTML + JS + CSS, gzip): ${(weight / 1024).toFixed(1)} KB`);
    console.log(`first render (draft on screen), median: ${fmt(median(firstRender))}   [${firstRender.map((v) => v.toFixed(0)).join(", ")}]`);
    console.log(`first contentful paint, median: ${fmt(median(firstPaint))}`);
    console.log(`main-thread work per keystroke, median: editor ${fmt(median(editorKeystroke))}, baseline bare textarea ${fmt(median(baselineKeystroke))}`);
    console.log(`  editor runs: [${editorKeystroke.map((v) => v.toFixed(2)).join(", ")}]  baseline runs: [${baselineKeystroke.map((v) => v.toFixed(2)).join(", ")}]`);
    console.log(`main-thread work of one check after typing (request, answer, highlights redrawn), median: ${fmt(median(applyCheck))}`);
  } finally {
    await browser.close();
    await h.stop();
  }
}

await main();
