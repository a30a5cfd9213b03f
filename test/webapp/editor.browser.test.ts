import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { projectPath } from "../../src/project-path.js";
import { Harness } from "../helpers/harness.js";
import { letterStats } from "../../src/domain/censorship/stats.js";
import type { CheckResponse } from "../../src/webapp/protocol.js";
import { nonOverlapping } from "../../src/webapp/spans.js";
import {
  callApi,
  clientEvent,
  DARK_THEME,
  editorButtonUrl,
  initDataFor,
  launchChromium,
  letterText,
  localUrl,
  openEditor,
  postedEvents,
  shownMarks,
  WEBAPP_ENV,
  withoutHighlightApi,
  withParagraphSurface,
} from "../helpers/webapp.js";
import { calibrateCpu, describeCpu } from "../helpers/cpu-calibration.js";
import { describeProfile, SLOW_4G, startSlowNetwork } from "../helpers/slow-network.js";
import { CPU_SLOWDOWN, caretAt, firstRenderMarks, longLetter, median, percentile, throttle, traceKeystrokes } from "../helpers/webapp-timing.js";
import { expectNoFailures, expectNotLogged, KAGARLITSKY, onlyLetter, startWritingTo, textOf } from "../letters/flow/helpers.js";

/**
 * The editor in a real browser (Debian's chromium through playwright-core) against the real app: the page is opened
 * from the URL on the bot's button with initData signed for the test user, as a Telegram client would open it.
 */
let browser: Browser;
let h: Harness | undefined;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => browser?.close());
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const OPENING = "Здравствуйте, Борис Юльевич! Как Ваше здоровье?";
const RISKY = " Я очень жду конца войны.";
const CLOSING = " Что Вы сейчас читаете?";

async function newPhonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 760 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  return context.newPage();
}

/** The marked spans: offset in the letter's text, text and category. */
async function highlights(page: Page): Promise<{ start: number; text: string; category: string }[]> {
  return (await shownMarks(page)).map(({ start, text, category }) => ({ start, text, category }));
}

/**
 * The two editing surfaces (src/webapp/surface.ts): the textarea by default, even with the CSS Custom Highlight API
 * taken away; the paragraph surface when the page is opted into it before its scripts run.
 */
const SURFACES = [
  { surface: "paragraph", element: "DIV" },
  { surface: "textarea", element: "TEXTAREA" },
] as const;

async function newPhonePageWith(surface: (typeof SURFACES)[number]["surface"]): Promise<Page> {
  const page = await newPhonePage();
  if (surface === "textarea") await withoutHighlightApi(page);
  else await withParagraphSurface(page);
  return page;
}

/** True when the writer can type in the letter (not disabled, not read-only). */
async function editable(page: Page): Promise<boolean> {
  return page.locator("#letter").evaluate((element) => {
    const letter = element as unknown as { nodeName: string; readOnly: boolean; disabled: boolean; isContentEditable: boolean };
    return letter.nodeName === "TEXTAREA" ? !letter.readOnly && !letter.disabled : letter.isContentEditable;
  });
}

describe("the letter editor in a browser", () => {
  it.each(SURFACES)("$surface surface: highlights risky words as they are typed, removes one with a tap, saves, and the chat finishes the letter", async ({ surface, element }) => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const page = await newPhonePageWith(surface);
    const initData = initDataFor({ id: writer.id, languageCode: "en" }, h.config.botToken, h.clock.now());
    await openEditor(page, localUrl(h, editorButtonUrl(writer)), initData);

    const letter = page.getByLabel("Your letter");
    await expect.poll(() => letter.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await page.textContent("#recipient")).toBe("To: Boris Kagarlitsky");
    expect(await letter.evaluate((node) => node.nodeName)).toBe(element);
    await letter.click();
    await page.keyboard.type(OPENING + RISKY + CLOSING);
    const typed = OPENING + RISKY + CLOSING;

    // The check answers after a pause in typing; the mark sits exactly on the risky word.
    await expect.poll(() => highlights(page), { timeout: 15_000 }).toEqual([{ start: typed.indexOf("войны"), text: "войны", category: "war" }]);
    expect(await page.textContent("#counters")).toBe(`${typed.length} / 12000 characters · printed pages: 1`);
    expect(await page.textContent("#findings-summary")).toBe("Risky places (underlined): 1");

    // Tapping the underlined word shows why and what instead.
    const mark = (await shownMarks(page))[0]?.box;
    if (!mark) throw new Error("no highlight on the page");
    await page.mouse.click(mark.x + mark.width / 2, mark.y + mark.height / 2);
    const panel = page.getByRole("dialog");
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.textContent("#finding-title")).toBe("War and the army");
    expect(await page.textContent("#finding-instead")).toContain("Leave the war out entirely");
    expect(await page.textContent("#language")).toBe("Language of this paragraph: Russian");
    expect((await postedEvents(page)).filter((event) => event.type === "web_app_setup_back_button").at(-1)?.data).toEqual({ is_visible: true });

    // Into var/screenshots/ (git-ignored) on every run; into docs/images/ only when asked (docs/webapp.md).
    const imagesDir = process.env.UPDATE_DOCS_IMAGES === "1" ? projectPath("docs", "images") : projectPath("var", "screenshots");
    mkdirSync(imagesDir, { recursive: true });
    // The docs show the default surface (the textarea); the paragraph surface's screenshots go next to them.
    const suffix = surface === "textarea" ? "" : "-paragraph";
    await page.screenshot({ path: `${imagesDir}/webapp-editor-light${suffix}.png` });
    // Telegram's back button closes the explanation; the keyboard way back to it is "Show the next one".
    await clientEvent(page, "back_button_pressed");
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(false);
    await clientEvent(page, "theme_changed", { theme_params: DARK_THEME });
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset.scheme)).toBe("dark");
    await page.screenshot({ path: `${imagesDir}/webapp-editor-dark${suffix}.png` });
    await page.getByRole("button", { name: "Show the next one" }).click();
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe("finding-remove");

    // One tap takes the word out; the highlight goes with it.
    await page.getByRole("button", { name: "Remove these words" }).click();
    const edited = (OPENING + RISKY + CLOSING).replace(" войны", "");
    expect(await letterText(page)).toBe(edited);
    await expect.poll(() => highlights(page), { timeout: 15_000 }).toEqual([]);
    await expect.poll(() => page.textContent("#findings-summary"), { timeout: 15_000 }).toBe(
      "Nothing risky found so far. A censor still reads every letter.",
    );

    // Done (Telegram's main button): the draft is saved, the chat is told, the editor closes.
    const mainButton = (await postedEvents(page)).filter((event) => event.type === "web_app_setup_main_button").at(-1)?.data;
    expect(mainButton).toMatchObject({ is_visible: true, is_active: true, text: "Done" });
    const before = writer.messages.length;
    await clientEvent(page, "main_button_pressed");
    await expect.poll(async () => (await postedEvents(page)).some((event) => event.type === "web_app_close"), { timeout: 15_000 }).toBe(true);
    expect((await onlyLetter(h, writer.id)).text).toBe(edited);
    expect(writer.textsSince(before).join("\n")).toContain(`Your letter is saved from the editor: ${edited.length} characters`);

    // Back in the chat: the editor's button moves the flow on to the check, the signature and the route.
    expect(textOf(await writer.press("Check and sign"))).toContain("The check found nothing that is known to stop this letter");
    await writer.send("Анна");
    // FSIN-pismo is the only route: the last answer finishes the letter.
    const finished = textOf(await writer.press("No"));
    expect(finished).toContain("Your letter to Boris Kagarlitsky is ready");
    expect(finished).toContain(edited);
    expect((await onlyLetter(h, writer.id)).status).toBe("finished");
    expectNotLogged(h, ["Здоровье", "читаете", "конца"]);
    expectNoFailures(h);
    await page.context().close();
  }, 120_000);

  it.each(SURFACES)("$surface surface: while typing, the marks stay exactly where a full redraw puts them, with or without a new wrapped line", async ({ surface }) => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const plain = "Здравствуйте, Борис Юльевич! Пишу Вам из Вильнюса, где уже выпал первый снег.";
    const marked = "Мои друзья ждут, когда закончится война, и передают привет.";
    await writer.send(`${plain}\n\n${marked}\n\n${plain}\n\n${marked}`);
    const page = await newPhonePageWith(surface);
    await openEditor(page, localUrl(h, editorButtonUrl(writer)), initDataFor({ id: writer.id, languageCode: "en" }, h.config.botToken, h.clock.now()));
    await page.waitForSelector("#app[data-checked]", { timeout: 15_000 });
    const marks = async () => (await shownMarks(page)).map(({ box: { x, y } }) => ({ x, y }));
    expect(await marks()).toHaveLength(2);

    // The check's answers are held back, so what is on screen is what typing alone drew.
    const held: (() => void)[] = [];
    await page.route("**/api/check", async (route) => {
      await new Promise<void>((resolve) => held.push(resolve));
      await route.continue();
    });
    const drawn = () =>
      page.evaluate(() => {
        const frame = (globalThis as unknown as { requestAnimationFrame(then: () => void): void }).requestAnimationFrame;
        return new Promise<void>((resolve) => frame(() => frame(resolve)));
      });
    const typeAt = async (offset: number, text: string) => {
      await caretAt(page, offset);
      await page.keyboard.insertText(text);
      await drawn();
    };
    const afterCheck = async () => {
      const before = await page.locator("#app").getAttribute("data-checked");
      await expect.poll(() => held.length, { timeout: 15_000 }).toBeGreaterThan(0);
      for (const release of held.splice(0)) release();
      await expect.poll(() => page.locator("#app").getAttribute("data-checked"), { timeout: 15_000 }).not.toBe(before);
      return marks();
    };
    await page.focus("#letter");
    // A word in the first, unmarked paragraph (no new line), then after the first mark's following space.
    await typeAt(plain.indexOf("снег"), "белый ");
    const typed = await marks();
    expect(typed).toEqual(await afterCheck());
    await typeAt(plain.length + 6 + 2 + marked.indexOf("привет"), "большой ");
    const afterMark = await marks();
    expect(afterMark).toEqual(await afterCheck());
    // Enough text for new wrapped lines above the marks: they move down, as a full redraw puts them.
    await typeAt(10, " очень-очень длинное вступление, которое займёт ещё две строки на экране телефона,");
    const wrapped = await marks();
    expect(wrapped[0]?.y).toBeGreaterThan(afterMark[0]?.y ?? Infinity);
    expect(wrapped).toEqual(await afterCheck());
    // A new paragraph above the marks, then the two joined again (a frame redraws only the paragraphs a keystroke
    // changed): the marks after them move down and back up, as a full redraw puts them, and the counters follow
    // (within half a second while typing, main.ts's COUNTERS_EVERY_MS), though the check is held back.
    const counted = async () => {
      const text = await letterText(page);
      await expect.poll(() => page.textContent("#counters"), { timeout: 2_000 }).toBe(`${text.length} / 12000 characters · printed pages: ${letterStats(text).pages}`);
    };
    const split = (await letterText(page)).indexOf("Пишу");
    await typeAt(split, "\n");
    const twoLines = await marks();
    expect(twoLines[0]?.y).toBeGreaterThan(wrapped[0]?.y ?? Infinity);
    await counted();
    expect(twoLines).toEqual(await afterCheck());
    await page.keyboard.press("Backspace");
    await drawn();
    expect(await marks()).toEqual(wrapped);
    await counted();
    expect(await marks()).toEqual(await afterCheck());
    await page.context().close();
  }, 60_000);

  it("paragraph surface: Enter starts a paragraph, the browser's undo takes typing back, paste brings plain text, and what is saved is what is shown", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send(OPENING);
    const page = await newPhonePageWith("paragraph");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await openEditor(page, localUrl(h, editorButtonUrl(writer)), initDataFor({ id: writer.id, languageCode: "en" }, h.config.botToken, h.clock.now()));
    await page.waitForSelector("#app[data-checked]", { timeout: 15_000 });
    expect(await page.getByRole("textbox", { name: "Your letter" }).getAttribute("aria-multiline")).toBe("true");
    const saved = () => onlyLetter(h!, writer.id).then((letter) => letter.text);

    await caretAt(page, OPENING.length);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Новый абзац.");
    const twoParagraphs = `${OPENING}\n\nНовый абзац.`;
    expect(await letterText(page)).toBe(twoParagraphs);
    await expect.poll(saved, { timeout: 15_000 }).toBe(twoParagraphs);
    await expect.poll(() => page.textContent("#counters"), { timeout: 15_000 }).toMatch(new RegExp(`^${twoParagraphs.length} / 12000 characters`));

    // The browser's own undo, step by step, back to the text as it was opened; the editor follows and saves it.
    const undone: string[] = [];
    for (let step = 0; step < 20 && undone.at(-1) !== OPENING; step++) {
      await page.keyboard.press("Control+z");
      undone.push(await letterText(page));
    }
    expect(undone.at(-1)).toBe(OPENING);
    expect(undone.every((text) => twoParagraphs.startsWith(text))).toBe(true);
    await expect.poll(saved, { timeout: 15_000 }).toBe(OPENING);

    // Formatted text on the clipboard arrives as its plain text: no element of its own in the letter.
    await page.evaluate(() => {
      const { navigator, ClipboardItem, Blob } = globalThis as unknown as {
        navigator: { clipboard: { write(items: unknown[]): Promise<void> } };
        ClipboardItem: new (items: Record<string, unknown>) => unknown;
        Blob: new (parts: string[], options: { type: string }) => unknown;
      };
      return navigator.clipboard.write([
        new ClipboardItem({
          "text/html": new Blob(["<b>Жирный</b> <i>привет</i>"], { type: "text/html" }),
          "text/plain": new Blob(["Жирный привет"], { type: "text/plain" }),
        }),
      ]);
    });
    await caretAt(page, OPENING.length);
    await page.keyboard.press("Control+v");
    expect(await letterText(page)).toBe(`${OPENING}Жирный привет`);
    expect(await page.locator("#letter b, #letter i").count()).toBe(0);
    await expect.poll(saved, { timeout: 15_000 }).toBe(`${OPENING}Жирный привет`);
    expectNoFailures(h);
    await page.context().close();
  }, 60_000);

  it("over the check's own rate limit, the page says so in the writer's language and typing and saving go on", async () => {
    // Two a minute: opening the editor (the saved text's check comes with the draft), and one check after typing.
    h = await Harness.start({ env: { ...WEBAPP_ENV, WEBAPP_CHECKS_PER_MINUTE: "2" } });
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send(OPENING);
    const page = await newPhonePage();
    await openEditor(page, localUrl(h, editorButtonUrl(writer)), initDataFor({ id: writer.id, languageCode: "uk" }, h.config.botToken, h.clock.now()));
    const letter = page.getByLabel("Ваш лист");
    await expect.poll(() => letter.isEnabled(), { timeout: 15_000 }).toBe(true);
    // The first check after typing is allowed and draws the mark.
    await letter.press("Control+End");
    // One input event each (not a key per character), so that typing cannot pause long enough for a check between.
    await page.keyboard.insertText(RISKY);
    await expect.poll(() => highlights(page), { timeout: 15_000 }).toEqual([{ start: OPENING.length + RISKY.indexOf("войны"), text: "войны", category: "war" }]);
    // The second one in the same minute is refused: the notice says so; the text is still saved.
    await page.keyboard.insertText(CLOSING);
    await expect.poll(() => page.textContent("#notice"), { timeout: 15_000 }).toMatch(/^Забагато перевірок за хвилину\. Перевірка відновиться за \d+ с;/);
    expect(await page.isVisible("#notice")).toBe(true);
    await expect.poll(async () => (await onlyLetter(h!, writer.id)).text, { timeout: 15_000 }).toBe(OPENING + RISKY + CLOSING);
    await page.context().close();
  }, 60_000);

  it("left open across /forget, the page says in the writer's language that nothing was saved, and nothing is", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send(OPENING);
    const page = await newPhonePage();
    await openEditor(page, localUrl(h, editorButtonUrl(writer)), initDataFor({ id: writer.id, languageCode: "uk" }, h.config.botToken, h.clock.now()));
    const letter = page.getByLabel("Ваш лист");
    await expect.poll(() => letter.isEnabled(), { timeout: 15_000 }).toBe(true);
    await writer.send("/forget");
    await writer.press("Так, видалити все");

    await letter.press("Control+End");
    await page.keyboard.insertText(CLOSING);
    await expect.poll(() => page.textContent("#notice"), { timeout: 15_000 }).toBe(
      "Ви попросили «Листи» видалити ваші дані (/forget), тож цей текст не збережено. Щоб писати знову, надішліть /start у чаті з ботом.",
    );
    expect(await page.isVisible("#conflict")).toBe(false);
    expect(await h.db.selectFrom("letters").select("id").where("writer_id", "=", writer.id).execute()).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("a 12,000-character letter on a throttled phone: its first screen first, then all of it, marks in place while typing, saved", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const auth = () => initDataFor({ id: writer.id, languageCode: "en" }, h!.config.botToken, h!.clock.now());
    const letter = longLetter();
    const opened = (await callApi(h, "session", { slug: KAGARLITSKY }, auth())).json as { draft: { version: string } };
    expect((await callApi(h, "draft", { slug: KAGARLITSKY, text: letter, version: opened.draft.version }, auth())).json).toMatchObject({ kind: "saved" });
    /** The marks the server's check puts on `text`, as the backdrop draws them (earlier and longer ones first). */
    const expectedMarks = async (text: string) => {
      const { findings } = (await callApi(h!, "check", { slug: KAGARLITSKY, text }, auth())).json as CheckResponse;
      return nonOverlapping(findings).map((finding) => ({ start: finding.start, text: text.slice(finding.start, finding.end), category: finding.category }));
    };

    const page = await newPhonePage();
    // The server's own port first, the same site as the proxy's: the throttled renderer is the one the editor gets.
    await page.goto(`http://127.0.0.1:${h.running.httpPort}/healthz`);
    await throttle(page);
    const network = await startSlowNetwork(h.running.httpPort!, SLOW_4G);
    onTestFinished(() => network.close());
    await openEditor(page, localUrl(h, editorButtonUrl(writer)).replace(`:${h.running.httpPort}/`, `:${network.port}/`), auth());
    const firstRender = await firstRenderMarks(page);
    // Its first paint held the letter's beginning only, but more than the editor's box shows: a textarea of the
    // editor's size, font and padding holding that beginning has to scroll (the surface may be blocks or a textarea).
    const firstScreen = await page.evaluate((text) => {
      type Box = {
        clientWidth: number; clientHeight: number; scrollHeight: number; value: string;
        style: { cssText: string }; remove(): void; append(node: unknown): void;
      };
      const dom = globalThis as unknown as {
        performance: { getEntriesByName(name: string): { detail?: { characters?: number } }[] };
        getComputedStyle(element: unknown): { font: string; padding: string; lineHeight: string };
        document: { querySelector(selector: string): Box; createElement(tag: string): Box; body: Box };
      };
      const characters = dom.performance.getEntriesByName("lysty-editor-ready")[0]?.detail?.characters ?? 0;
      const area = dom.document.querySelector("#letter");
      const style = dom.getComputedStyle(area);
      const copy = dom.document.createElement("textarea");
      copy.style.cssText = `position: absolute; left: 0; top: 0; box-sizing: content-box; border: 0; resize: none;
        width: ${area.clientWidth}px; height: ${area.clientHeight}px; padding: 0; font: ${style.font};
        line-height: ${style.lineHeight}; white-space: pre-wrap;`;
      dom.document.body.append(copy);
      copy.value = text.slice(0, characters);
      const overflows = copy.scrollHeight > copy.clientHeight;
      copy.remove();
      return { characters, overflows };
    }, letter);
    expect(firstScreen.characters).toBeGreaterThan(0);
    expect(firstScreen.characters).toBeLessThan(letter.length);
    expect(firstScreen.overflows).toBe(true);
    // In the writer's language (set by the boot script from Telegram's before the session said so).
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe("en");
    // The whole letter is in the editor and editable, counted and marked, though its first paint held less.
    expect(await letterText(page)).toBe(letter);
    expect(await editable(page)).toBe(true);
    expect(firstRender.painted).toBeLessThanOrEqual(firstRender.whole);
    const opening = await expectedMarks(letter);
    expect(opening.length).toBeGreaterThan(20);
    expect(opening.at(-1)!.start).toBeGreaterThan(11_000);
    await expect.poll(() => highlights(page), { timeout: 15_000 }).toEqual(opening);
    expect(await page.textContent("#counters")).toBe(`${letter.length} / 12000 characters · printed pages: ${letterStats(letter).pages}`);

    // 50 characters typed into the middle at a person's pace, each its own keystroke, traced.
    const middle = letter.indexOf("\n", letter.length / 2);
    await caretAt(page, middle);
    const before = await page.locator("#app").getAttribute("data-checked");
    const keystroke = await traceKeystrokes(browser, page, 50, 150);
    // 51 typed (the last one is not timed); the marks after them moved along, and the check agrees after the pause.
    const typed = `${letter.slice(0, middle)}${"а".repeat(51)}${letter.slice(middle)}`;
    expect(await letterText(page)).toBe(typed);
    await expect.poll(() => page.locator("#app").getAttribute("data-checked"), { timeout: 30_000 }).not.toBe(before);
    const afterTyping = await expectedMarks(typed);
    expect(afterTyping.filter((mark) => mark.start > middle)).toEqual(opening.filter((mark) => mark.start > middle).map((mark) => ({ ...mark, start: mark.start + 51 })));
    await expect.poll(() => highlights(page), { timeout: 15_000 }).toEqual(afterTyping);
    expect(await page.textContent("#counters")).toBe(`${typed.length} / 12000 characters · printed pages: ${letterStats(typed).pages}`);
    await expect.poll(async () => (await onlyLetter(h!, writer.id)).text, { timeout: 30_000 }).toBe(typed);

    expectNotLogged(h, ["Вильнюса", "снеговиков"]);
    await page.context().close();

    // The figures the issue asks for, recorded for the docs, never asserted (timing on a shared machine is not a test).
    // They are on the fixed 4× profile; beside them, which rate would make this machine a mid-tier phone (calibrated
    // now, after the page is closed, as bench:webapp --cpu=calibrated does).
    const calibration = await calibrateCpu(browser);
    const figures = {
      measuredAt: new Date().toISOString(),
      loadAverage: loadavg(),
      profile: `CPU ${CPU_SLOWDOWN}x slower, ${describeProfile(SLOW_4G)}`,
      calibratedMidTierPhone: { ...calibration, described: describeCpu({ kind: "calibrated", calibration }) },
      firstRenderMs: firstRender,
      perKeystrokeMs: {
        all: { median: median(keystroke.total), p95: percentile(keystroke.total, 0.95) },
        editorScript: { median: median(keystroke.script), p95: percentile(keystroke.script, 0.95) },
        threadCpu: { median: median(keystroke.cpu), p95: percentile(keystroke.cpu, 0.95) },
      },
    };
    mkdirSync(projectPath("var"), { recursive: true });
    writeFileSync(projectPath("var", "webapp-figures.json"), `${JSON.stringify(figures, null, 2)}\n`);
  }, 180_000);

  it("outside Telegram, or with a signature that is not our bot's, the page shows no letter", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте! Это черновик.");
    const url = localUrl(h, editorButtonUrl(writer));

    const bare = await newPhonePage();
    await bare.goto(url);
    await expect.poll(() => bare.textContent("#notice"), { timeout: 15_000 }).toContain("Open this editor from the Lysty bot in Telegram");
    expect(await bare.getByRole("textbox").isDisabled()).toBe(true);

    const forged = await newPhonePage();
    await openEditor(forged, url, initDataFor({ id: writer.id }, "7000000002:AAAnotherBotsTokenForTestsOnly0000000", h.clock.now()));
    await expect.poll(() => forged.locator("#app").getAttribute("aria-busy"), { timeout: 15_000 }).toBeNull();
    expect(await letterText(forged)).toBe("");
    expect(await forged.getByRole("textbox").isDisabled()).toBe(true);
    await bare.context().close();
    await forged.context().close();
  }, 60_000);
});
