import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, CDPSession, Page } from "playwright-core";

/**
 * Timing of the editor in Chromium on a mid-range phone profile, shared by `bench/webapp.ts` and the browser test
 * (which records the figures and never asserts on them): CPU slowed 4× through the DevTools protocol (the network is
 * `slow-network.ts`'s proxy); main-thread time per keystroke from a DevTools trace.
 */
export const CPU_SLOWDOWN = 4;

/** A 12,000-character Russian letter (11,900) with risky words in it, in paragraphs as people write them. */
export function longLetter(): string {
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

/**
 * CPU slowed 4× (or `cpuSlowdown`×) through the DevTools protocol. The phone's network is not emulated here but by a
 * proxy in front of the server (`slow-network.ts`): DevTools' latency missed the page's own request and held a
 * streamed answer back.
 */
export async function throttle(page: Page, cpuSlowdown = CPU_SLOWDOWN): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  await cdp.send("Performance.enable");
  return cdp;
}

/**
 * Puts the caret at `offset` of the letter (the middle of the text by default) and focuses it: in the textarea, or in
 * the paragraph surface's block holding that offset (one block per paragraph, as a loaded draft has them).
 */
export async function caretAt(page: Page, offset?: number): Promise<void> {
  await page.focus("#letter");
  await page.evaluate((at) => {
    interface Node { nodeName: string; textContent: string | null; firstChild: Node | null; childNodes: ArrayLike<Node>; value: string; setSelectionRange(a: number, b: number): void }
    const { document, getSelection } = globalThis as unknown as { document: { getElementById(id: string): Node }; getSelection(): { collapse(node: Node, offset: number): void } };
    const letter = document.getElementById("letter");
    if (letter.nodeName === "TEXTAREA") {
      const position = at ?? Math.floor(letter.value.length / 2);
      letter.setSelectionRange(position, position);
      return;
    }
    const blocks = Array.from(letter.childNodes);
    const length = blocks.reduce((sum, block) => sum + (block.textContent ?? "").length + 1, -1);
    let left = at ?? Math.floor(length / 2);
    for (const block of blocks) {
      const size = (block.textContent ?? "").length;
      if (left <= size) {
        const text = block.firstChild;
        getSelection().collapse(text && text.nodeName === "#text" ? text : block, text && text.nodeName === "#text" ? left : 0);
        return;
      }
      left -= size + 1;
    }
  }, offset);
}

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event: unlike `dur`, hardly longer on a loaded machine. */
  tdur?: number;
  args?: { name?: string; data?: { type?: string; nodeName?: string } };
}

/** Main-thread milliseconds of each keystroke: all its tasks, and the page's own script among them. */
export interface KeystrokeTimes {
  total: number[];
  script: number[];
  /** The thread CPU time of the same tasks as `total` (the CPU throttling's pauses and other processes left out). */
  cpu: number[];
}

/**
 * Types `count` characters `gapMs` apart (a person's pace: the editor's debounced work, such as the counters, runs
 * between keystrokes as it would) under a DevTools trace. A keystroke's time is every top-level task of the page's
 * main thread from the task that dispatches its beforeinput up to the next keystroke's: the key events and the editing
 * itself, the frame that shows it, and whatever the page's timers do before the next key. `script` is the part spent
 * in the page's own JavaScript (DevTools' FunctionCall: listeners, timers, animation frames, and the layout they
 * force). One more key is typed and not counted, so that the last counted one has a next.
 */
export async function traceKeystrokes(browser: Browser, page: Page, count: number, gapMs: number): Promise<KeystrokeTimes> {
  const keys = await traceKeystrokeTasks(browser, page, count, gapMs);
  const sum = (events: readonly TraceEvent[], field: "dur" | "tdur" = "dur") => events.reduce((total, event) => total + (event[field] ?? 0) / 1000, 0);
  return {
    total: keys.map((key) => sum(key.tasks)),
    script: keys.map((key) => sum(outermost(key.inside.filter((event) => event.name === "FunctionCall")))),
    cpu: keys.map((key) => sum(key.tasks, "tdur")),
  };
}

/** One keystroke's top-level main-thread tasks (see traceKeystrokes), and every event inside them. */
export interface KeystrokeTasks {
  tasks: TraceEvent[];
  inside: TraceEvent[];
}

/** The trace of `count` keystrokes as traceKeystrokes takes it, cut into each keystroke's tasks. */
export async function traceKeystrokeTasks(browser: Browser, page: Page, count: number, gapMs: number): Promise<KeystrokeTasks[]> {
  const path = join(tmpdir(), `lysty-webapp-trace-${process.pid}-${Date.now()}.json`);
  await browser.startTracing(page, { path, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  for (let index = 0; index <= count; index++) {
    await page.keyboard.type("а");
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  await browser.stopTracing();
  const { traceEvents } = JSON.parse(await readFile(path, "utf8")) as { traceEvents: TraceEvent[] };
  await rm(path, { force: true });
  // Every way of typing a character (a key, a soft keyboard's text, playwright's insertText for a letter the US
  // layout lacks) starts with a beforeinput event.
  const keys = traceEvents.filter((event) => event.name === "EventDispatch" && event.args?.data?.type === "beforeinput").sort((a, b) => a.ts - b.ts);
  const first = keys[0];
  if (!first || keys.length < count + 1) throw new Error(`the trace holds ${keys.length} typed characters of ${count + 1}`);
  const onMain = traceEvents.filter((event) => event.ph === "X" && event.pid === first.pid && event.tid === first.tid && event.dur !== undefined);
  const tasks = outermost(onMain.filter((event) => event.name === "RunTask"));
  const others = onMain.filter((event) => event.name !== "RunTask").sort((a, b) => a.ts - b.ts);
  // Each keystroke starts with the task that dispatches its beforeinput.
  const starts = keys.map((key) => tasks.findLast((task) => task.ts <= key.ts)?.ts ?? key.ts);
  const between = <T extends TraceEvent>(events: T[], from: number, to: number) => events.filter((event) => event.ts >= from && event.ts < to);
  return Array.from({ length: count }, (_, index) => {
    const from = starts[index] ?? 0;
    const to = starts[index + 1] ?? Infinity;
    const own = between(tasks, from, to);
    const last = own.at(-1);
    return { tasks: own, inside: between(others, from, last ? last.ts + (last.dur ?? 0) : from) };
  });
}

/** The events not inside another one of the list (sorted by start). */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const kept: TraceEvent[] = [];
  let end = -Infinity;
  for (const event of sorted) {
    if (event.ts < end) continue;
    kept.push(event);
    end = event.ts + (event.dur ?? 0);
  }
  return kept;
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = (sorted.length - 1) * fraction;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (rank - low);
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

/** The page's own marks of its first render, ms from navigation start (NaN for a mark it did not set). */
export async function firstRenderMarks(page: Page): Promise<{ ready: number; painted: number; whole: number; checked: number }> {
  // Not page.waitForFunction: playwright would inject its utility script into the page for it, ~200 ms of main
  // thread at 4× CPU right in the middle of the first render. An observer of the page's own marks costs nothing.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        if (performance.getEntriesByName("lysty-editor-checked").length > 0) resolve();
        new PerformanceObserver((list) => {
          if (list.getEntriesByName("lysty-editor-checked").length > 0) resolve();
        }).observe({ type: "mark", buffered: true });
        setTimeout(resolve, 30_000);
      }),
  );
  // No helper function inside: the page would not have the bundler's __name().
  const [ready, painted, whole, checked] = await page.evaluate(() =>
    ["lysty-editor-ready", "lysty-editor-painted", "lysty-editor-whole", "lysty-editor-checked"].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN),
  );
  return { ready: ready ?? Number.NaN, painted: painted ?? Number.NaN, whole: whole ?? Number.NaN, checked: checked ?? Number.NaN };
}
