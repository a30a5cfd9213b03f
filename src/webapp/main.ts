import { post, readSession, takeBootHandoff } from "./api.js";
import { createLetterCounter } from "./counters.js";
import { type Box, firstScreen } from "./first-screen.js";
import { createParagraphSurface, paragraphSurfaceSupported } from "./paragraph-surface.js";
import { type Edit, findEdit, findingAt, type ParagraphChange, paragraphsChanged, removeSpan, shiftFindings } from "./spans.js";
import { createTextareaSurface } from "./textarea-surface.js";
import { createThrottledText } from "./throttled-text.js";
import {
  API_PATHS,
  type CheckFinding,
  type CheckResponse,
  type RateLimitedResponse,
  type SaveResponse,
  type SessionCheck,
  type SessionResponse,
  type WebAppStringKey,
} from "./protocol.js";
import {
  applyTheme,
  type LaunchParams,
  listen,
  on,
  postEvent,
  readLaunchParams,
  rememberLaunchParams,
  setMainButton,
} from "./telegram.js";

/** Highlights follow typing at once; the check itself runs on the server this long after the last keystroke. */
const CHECK_AFTER_MS = 350;
/** The draft is saved this long after the last keystroke (and at once on Done or when the page is hidden). */
const SAVE_AFTER_MS = 1500;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  app: element("app"),
  title: element("title"),
  recipient: element("recipient"),
  notice: element("notice"),
  conflict: element("conflict"),
  conflictText: element("conflict-text"),
  keepMine: element<HTMLButtonElement>("keep-mine"),
  takeTheirs: element<HTMLButtonElement>("take-theirs"),
  label: element<HTMLLabelElement>("letter-label"),
  letter: element("letter"),
  counters: element("counters"),
  language: element("language"),
  findingsSummary: element("findings-summary"),
  nextFinding: element<HTMLButtonElement>("next-finding"),
  saveState: element("save-state"),
  done: element<HTMLButtonElement>("done"),
  finding: element("finding"),
  findingTitle: element("finding-title"),
  whyTitle: element("why-title"),
  why: element("finding-why"),
  insteadTitle: element("instead-title"),
  instead: element("finding-instead"),
  remove: element<HTMLButtonElement>("finding-remove"),
  close: element<HTMLButtonElement>("finding-close"),
};

interface State {
  launch: LaunchParams;
  session: SessionResponse;
  slug: string;
  token: string | undefined;
  /** The draft version the text on screen was last saved as or loaded from. */
  version: string;
  text: string;
  findings: CheckFinding[];
  paragraphs: CheckResponse["paragraphs"];
  open: CheckFinding | undefined;
  dirty: boolean;
  conflict: { text: string; version: string } | undefined;
}

/**
 * A textarea over a backdrop (surface.ts). The paragraph surface (CSS Custom Highlight API) is opt-in, by
 * `sessionStorage["lysty-surface"] = "paragraph"` where the engine has what it needs: on a quiet machine at 4× CPU it
 * cost 45.9 ms of main-thread work per keystroke against the textarea's 28.6 ms (docs/webapp.md), so it is kept for
 * measurement until it beats the textarea.
 */
const surface = paragraphSurfaceChosen() ? createParagraphSurface(ui.letter) : createTextareaSurface(ui.letter, ui.label);

function paragraphSurfaceChosen(): boolean {
  try {
    return sessionStorage.getItem("lysty-surface") === "paragraph" && paragraphSurfaceSupported();
  } catch {
    return false; // storage refused (private mode): the default surface
  }
}

let state: State | undefined;
let checkTimer: ReturnType<typeof setTimeout> | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let checkSequence = 0;
let saving: Promise<boolean> | undefined;

const s = (key: WebAppStringKey) => state?.session.strings[key] ?? "";

/** Refused by the check's own rate limit: the translated message and when to ask again. */
class SlowDown extends Error {
  constructor(
    readonly text: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate-limited");
  }
}

async function call<T>(path: string, body: unknown): Promise<T> {
  return parse<T>(await post(path, state?.launch.initData ?? "", body));
}

async function parse<T>(response: Response): Promise<T> {
  await refuseUnlessOk(response);
  return (await response.json()) as T;
}

/** `api/session`'s answer: the session at once, its check when the server has sent it. */
async function openSession(response: Response): ReturnType<typeof readSession> {
  await refuseUnlessOk(response);
  return readSession(response);
}

async function refuseUnlessOk(response: Response): Promise<void> {
  if (response.status === 429) {
    const refusal = (await response.json().catch(() => ({}))) as Partial<RateLimitedResponse>;
    throw new SlowDown(refusal.message ?? "", refusal.retryAfterSeconds ?? 60);
  }
  if (response.status === 401) {
    showNotice(state ? s("webapp-session-expired") : "");
    throw new Error("unauthorised");
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

function showNotice(text: string): void {
  ui.notice.textContent = text;
  ui.notice.hidden = text === "";
}

async function start(): Promise<void> {
  listen();
  const boot = takeBootHandoff();
  const launch = boot?.launch ?? readLaunchParams();
  if (!launch) {
    ui.app.removeAttribute("aria-busy");
    showNotice("Open this editor from the Lysty bot in Telegram. / Відкрийте цей редактор із бота Lysty в Telegram.");
    return;
  }
  // The boot script applied the theme before the page was first styled (without it, nobody has).
  if (!boot) applyTheme(launch.theme);
  on("theme_changed", (data) => {
    const theme = (data.theme_params ?? {}) as LaunchParams["theme"];
    launch.theme = theme;
    applyTheme(theme);
    updateMainButton();
  });
  on("viewport_changed", (data) => {
    if (typeof data.height === "number" && data.is_state_stable !== false) {
      document.documentElement.style.setProperty("--viewport", `${Math.round(data.height)}px`);
    }
  });
  const insets = (data: Record<string, unknown>) => {
    for (const side of ["top", "bottom"] as const) {
      const value = data[side];
      if (typeof value === "number") document.documentElement.style.setProperty(`--safe-${side}`, `${value}px`);
    }
  };
  on("safe_area_changed", insets);
  on("content_safe_area_changed", insets);
  on("main_button_pressed", () => void finish());
  on("back_button_pressed", () => back());
  postEvent("web_app_ready");
  postEvent("web_app_expand");
  postEvent("web_app_request_viewport");
  postEvent("web_app_request_safe_area");
  postEvent("web_app_request_content_safe_area");

  const boxWatch = watchLetterBox();
  const query = new URLSearchParams(location.search);
  const slug = query.get("p") ?? undefined;
  const token = query.get("t") ?? undefined;
  // The boot script asked for the session first thing; without it (it found no launch parameters) ask now.
  const { session, check } = await openSession(await (boot?.session ?? post(API_PATHS.session, launch.initData, slug ? { slug } : {})));
  performance.mark("lysty-draft-arrived");
  boxWatch.disconnect();
  // Unchanged when it is the Telegram language the boot script set (a change restyles the whole page).
  if (document.documentElement.lang !== session.locale) document.documentElement.lang = session.locale;
  state = {
    launch,
    session,
    slug: session.draft?.slug ?? "",
    token,
    version: session.draft?.version ?? "empty",
    text: session.draft?.text ?? "",
    findings: [],
    paragraphs: [],
    open: undefined,
    dirty: false,
    conflict: undefined,
  };
  translateShown();
  ui.app.removeAttribute("aria-busy");
  if (!session.draft) {
    translateHidden();
    showNotice(s(session.reason === "not-writable" ? "webapp-not-writable" : "webapp-no-draft"));
    rememberLaunchParams(launch);
    return;
  }
  ui.recipient.textContent = `${s("webapp-to")} ${session.draft.name}`;
  // The first screen of a long letter first, read-only; the whole text right after that paint.
  // Before the page was first laid out, the screen instead: no window is larger, and reading it needs no layout.
  const beginning = firstScreen(state.text, letterBox ?? { width: screen.width, height: screen.height });
  const partial = beginning.length < state.text.length;
  surface.load(beginning, partial);
  // Enabled in the same frame: what the first paint shows can be typed in (a long draft's first screen is read-only).
  surface.enable(session.draft.limit * 2);
  // The writer's letter (its first screen) is in the textarea; bench/webapp.ts counts first render to the paint after.
  // How much of the text the first paint holds: the browser test checks it fills the editor's box.
  performance.mark("lysty-editor-ready", { detail: { characters: beginning.length } });
  // Nothing else before the text is painted: the texts of what is hidden, the editor's listeners, Telegram's main
  // button, the rest of a long text, the counters and the marks (the session came with the check of the saved text)
  // follow in the task after it.
  afterNextPaint(() => {
    performance.mark("lysty-editor-painted");
    translateHidden();
    wireEditor();
    updateMainButton();
    if (state && partial) surface.load(state.text);
    performance.mark("lysty-editor-whole");
    rememberLaunchParams(launch);
    updateCounters();
    void check.then((answer) => applySessionCheck(answer, session.draft?.text ?? "", 0));
  });
}

/**
 * The letter box's content size, once the browser has laid the page out while the draft was on its way (the
 * session's round trip is longer than a frame): a ResizeObserver hears it after that frame's layout, so reading it
 * forces none. Undefined until then.
 */
let letterBox: Box | undefined;

function watchLetterBox(): ResizeObserver {
  const observer = new ResizeObserver((entries) => {
    const box = entries[0]?.contentRect;
    if (box && box.width > 0 && box.height > 0) letterBox = { width: box.width, height: box.height };
  });
  observer.observe(surface.element);
  return observer;
}

/** A task queued from an animation frame runs after that frame is drawn. */
function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then));
}

/** The texts the first paint shows (or names the letter's box by). */
function translateShown(): void {
  document.title = s("webapp-title");
  ui.title.textContent = s("webapp-title");
  ui.label.textContent = s("webapp-label");
  surface.element.setAttribute("aria-label", s("webapp-label"));
}

/** The texts of what the first paint does not show (hidden until a finding, a conflict or a fallback needs them). */
function translateHidden(): void {
  ui.nextFinding.textContent = s("webapp-next-finding");
  ui.whyTitle.textContent = s("webapp-why");
  ui.insteadTitle.textContent = s("webapp-instead");
  ui.remove.textContent = s("webapp-remove");
  ui.close.textContent = s("webapp-close");
  ui.done.textContent = s("webapp-done");
  ui.keepMine.textContent = s("webapp-conflict-keep-mine");
  ui.takeTheirs.textContent = s("webapp-conflict-take-theirs");
  ui.conflictText.textContent = s("webapp-conflict");
}

function wireEditor(): void {
  surface.onInput(onInput);
  // Another width wraps every paragraph anew, the ones the backdrop left as they were too: draw them all.
  window.addEventListener("resize", () => refresh());
  for (const type of ["click", "keyup", "select"]) surface.element.addEventListener(type, onCaret);
  ui.nextFinding.addEventListener("click", nextFinding);
  ui.close.addEventListener("click", () => closeFinding(true));
  ui.remove.addEventListener("click", removeOpenFinding);
  ui.done.addEventListener("click", () => void finish());
  ui.keepMine.addEventListener("click", () => void resolveConflict("mine"));
  ui.takeTheirs.addEventListener("click", () => void resolveConflict("theirs"));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") void save();
    else void reload();
  });
  on("activated", () => void reload());
  ui.finding.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeFinding(true);
  });
  // Outside a Telegram client (no main button) the page shows its own Done button.
  const bridge = window as unknown as { TelegramWebviewProxy?: unknown; external?: { notify?: unknown } };
  ui.done.hidden = Boolean(bridge.TelegramWebviewProxy ?? bridge.external?.notify) || window.parent !== window;
}

/** Where the last keystroke changed the text: the next one is most likely next to it. */
let lastEdit: Edit | undefined;

function onInput(): void {
  if (!state) return;
  const text = surface.text();
  if (state.findings.length > 0) {
    lastEdit = findEdit(state.text, text, lastEdit);
    state.findings = shiftFindings(state.findings, state.text, text, lastEdit);
  }
  state.text = text;
  // Telegram asks before closing while something typed is not saved yet.
  if (!state.dirty) postEvent("web_app_setup_closing_behavior", { need_confirmation: true });
  state.dirty = true;
  scheduleRefresh();
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => void runCheck(), CHECK_AFTER_MS);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void save(), SAVE_AFTER_MS);
}

let frame: number | undefined;

/**
 * The text and marks as the last frame (or full redraw) drew and counted them, and the edit found from the one
 * before: a keystroke's frame looks only at the paragraphs changed since (`paragraphsChanged`), not at 200.
 */
let drawn: { text: string; findings: readonly CheckFinding[]; edit?: Edit } | undefined;

/**
 * While typing: the highlights and the counters follow once per frame (keystrokes between two frames cost one
 * update, done where the browser lays out anyway, with no layout forced from the input handler). Both in that one
 * frame: counting in a frame of its own, after a pause, cost a second frame's style, layout, paint and commit per
 * keystroke at a person's pace (bench/webapp.ts), and both look only at the paragraphs that changed.
 */
function scheduleRefresh(): void {
  frame ??= requestAnimationFrame(() => {
    frame = undefined;
    if (!state) return;
    const changed = drawn && paragraphsChanged(drawn.text, drawn.findings, state.text, state.findings, drawn.edit);
    surface.draw(state.findings, true, changed?.change);
    updateCounters(changed?.change, true);
    drawn = { text: state.text, findings: state.findings, edit: changed?.edit };
  });
}

/** Everything at once (a check answered, another version loaded). */
function refresh(): void {
  if (!state) return;
  if (frame !== undefined) cancelAnimationFrame(frame);
  frame = undefined;
  surface.draw(state.findings, false);
  updateCounters();
  drawn = { text: state.text, findings: state.findings };
}

/** The counters count again only the paragraphs that changed since they last counted. */
const letterStats = createLetterCounter();

/** Replaces an element's text only when it changes: the same text set again would still be laid out and painted. */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * While typing, the counters' line is rewritten at most this often, in a keystroke's frame (counting itself follows
 * every keystroke): its new text cost each keystroke's frame ~0.7 ms of main-thread CPU unthrottled, a layout and
 * repaint of the page outside the editor box (paired keystrokes with and without it, docs/webapp.md "Figures"), about
 * a third of what the editor added to the browser's own keystroke. The figures are exact this long after the last
 * keystroke (COUNTERS_PAUSE_MS), and at once when a check answers.
 */
const COUNTERS_EVERY_MS = 500;
const COUNTERS_PAUSE_MS = 300;
const showCounters = createThrottledText(ui.counters, COUNTERS_EVERY_MS, COUNTERS_PAUSE_MS);

/**
 * Counters, the caret paragraph's language and the summary line. `change`: the paragraphs changed since the text the
 * counters last counted (the last drawn one), when known; `typing`: in a keystroke's frame.
 */
function updateCounters(change?: ParagraphChange, typing = false): void {
  if (!state) return;
  const stats = letterStats(state.text, change);
  const limit = state.session.draft?.limit ?? 0;
  showCounters(`${stats.characters} / ${limit} ${s("webapp-characters")} · ${s("webapp-pages")} ${stats.pages}`, !typing);
  const over = stats.characters > limit;
  if (ui.counters.classList.contains("over") !== over) ui.counters.classList.toggle("over", over);
  const count = state.findings.length;
  setText(ui.findingsSummary, count === 0 ? s("webapp-findings-none") : `${s("webapp-findings-some")} ${count}`);
  if (ui.nextFinding.hidden !== (count === 0)) ui.nextFinding.hidden = count === 0;
  showLanguage();
}

/**
 * Where the caret was when the writer last typed, tapped or moved it (keyup, click): read there rather than in each
 * frame, as reading an editable element's selection makes Chromium lay it out first.
 */
let caret = 0;

function showLanguage(): void {
  if (!state) return;
  const paragraph = state.paragraphs.find((candidate) => candidate.start <= caret && caret <= candidate.end);
  setText(ui.language, paragraph ? `${s("webapp-paragraph-language")} ${paragraph.name}` : "");
}

async function runCheck(): Promise<void> {
  if (!state || state.text.trim() === "") {
    if (state) {
      state.findings = [];
      state.paragraphs = [];
      refresh();
    }
    return;
  }
  const sequence = ++checkSequence;
  const text = state.text;
  try {
    const result = await call<CheckResponse>(API_PATHS.check, { slug: state.slug, text });
    // Only the answer for the text on screen counts; an older one would put marks on the wrong words.
    if (sequence !== checkSequence || text !== state.text) return;
    if (slowedDown) {
      slowedDown = false;
      showNotice("");
    }
    applyCheck(result, sequence);
  } catch (error) {
    // No answer: the marks moved by typing are drawn in full (the backdrop may have left some paragraphs as they were).
    if (sequence === checkSequence && text === state.text) refresh();
    // Over the check's rate limit: say so (typing and saving go on), and check again when it allows.
    if (error instanceof SlowDown) {
      slowedDown = true;
      showNotice(error.text);
      clearTimeout(checkTimer);
      checkTimer = setTimeout(() => void runCheck(), error.retryAfterSeconds * 1000);
    }
    // otherwise the next keystroke checks again; the save state tells about the connection
  }
}

let slowedDown = false;

/** Draws a check's findings in the next frame (the text itself is already on screen). */
function applyCheck(result: CheckResponse, sequence: number): void {
  if (!state) return;
  state.findings = result.findings;
  state.paragraphs = result.paragraphs;
  requestAnimationFrame(() => {
    if (!state || state.findings !== result.findings) return;
    refresh();
    ui.app.dataset.checked = String(sequence);
    performance.mark("lysty-editor-checked");
    document.dispatchEvent(new Event("lysty-checked"));
  });
}

function onCaret(): void {
  if (!state) return;
  const { start, end } = surface.selection();
  caret = start;
  showLanguage();
  if (start !== end) return;
  const finding = findingAt(state.findings, start);
  if (finding) openFinding(finding, false);
  else if (state.open) closeFinding(false);
}

function openFinding(finding: CheckFinding, focus: boolean): void {
  if (!state) return;
  state.open = finding;
  ui.finding.dataset.c = finding.category;
  ui.findingTitle.textContent = state.session.categories[finding.category] ?? finding.category;
  ui.why.textContent = finding.why;
  ui.instead.textContent = finding.instead;
  ui.remove.hidden = !finding.removable;
  ui.finding.hidden = false;
  postEvent("web_app_setup_back_button", { is_visible: true });
  if (focus) (finding.removable ? ui.remove : ui.close).focus();
}

function closeFinding(returnFocus: boolean): void {
  if (!state) return;
  state.open = undefined;
  ui.finding.hidden = true;
  postEvent("web_app_setup_back_button", { is_visible: false });
  if (returnFocus) surface.element.focus();
}

function nextFinding(): void {
  if (!state || state.findings.length === 0) return;
  const caret = surface.selection().end;
  const next = state.findings.find((finding) => finding.start > caret) ?? state.findings[0];
  if (!next) return;
  surface.select(next.start, next.end);
  openFinding(next, true);
}

function removeOpenFinding(): void {
  if (!state?.open) return;
  const { text, caret } = removeSpan(state.text, state.open.start, state.open.end);
  closeFinding(false);
  // As an edit of the writer's (undo brings the words back); its input event runs onInput.
  surface.remove(caret, caret + state.text.length - text.length);
}

function back(): void {
  if (state?.open) closeFinding(true);
}

/** Back on screen with nothing unsaved: show what the chat (or another device) saved meanwhile. */
async function reload(): Promise<void> {
  if (!state || state.dirty || state.conflict) return;
  const opened = await post(API_PATHS.session, state.launch.initData, { slug: state.slug })
    .then(openSession)
    .catch(() => undefined);
  const draft = opened?.session.draft;
  if (!opened || !draft || !state || state.dirty || draft.version === state.version) return;
  state.version = draft.version;
  state.text = draft.text;
  state.findings = [];
  surface.load(draft.text);
  refresh();
  applySessionCheck(await opened.check, draft.text, ++checkSequence);
}

/**
 * The check that came with a session, while the text on screen is still the text it checked (typing since has
 * asked for a check of its own); without one (over the rate limit, or an empty draft), a check of the text.
 */
function applySessionCheck(answer: SessionCheck, checked: string, sequence: number): void {
  if (!state || state.text !== checked || sequence !== checkSequence) return;
  if (answer.check) applyCheck(answer.check, sequence);
  else void runCheck();
}

/** Saves the text on screen unless it is what the server has. True when the draft now holds it. */
async function save(): Promise<boolean> {
  if (!state) return false;
  clearTimeout(saveTimer);
  if (saving) await saving;
  if (!state.dirty) return true;
  saving = saveOnce().finally(() => (saving = undefined));
  return saving;
}

async function saveOnce(): Promise<boolean> {
  if (!state) return false;
  const text = state.text;
  ui.saveState.textContent = s("webapp-saving");
  let result: SaveResponse;
  try {
    result = await call<SaveResponse>(API_PATHS.draft, { slug: state.slug, text, version: state.version });
  } catch {
    ui.saveState.textContent = s("webapp-save-failed");
    saveTimer = setTimeout(() => void save(), SAVE_AFTER_MS * 4);
    return false;
  }
  switch (result.kind) {
    case "saved":
      state.version = result.version;
      if (state.text === text) {
        state.dirty = false;
        postEvent("web_app_setup_closing_behavior", { need_confirmation: false });
      }
      ui.saveState.textContent = s("webapp-saved");
      showNotice("");
      return !state.dirty;
    case "conflict":
      state.conflict = { text: result.text, version: result.version };
      ui.conflict.hidden = false;
      ui.saveState.textContent = "";
      return false;
    case "empty":
      showNotice(s("webapp-empty"));
      return false;
    case "too-long":
      showNotice(s("webapp-too-long"));
      return false;
    case "forgotten":
      showNotice(s("webapp-forgotten"));
      return false;
    default:
      showNotice(s("webapp-not-writable"));
      return false;
  }
}

/** The writer chooses: keep the text on screen (saved over the other version) or load the other version. */
async function resolveConflict(choice: "mine" | "theirs"): Promise<void> {
  if (!state?.conflict) return;
  const other = state.conflict;
  state.conflict = undefined;
  ui.conflict.hidden = true;
  state.version = other.version;
  if (choice === "theirs") {
    surface.load(other.text);
    state.findings = [];
    state.text = other.text;
    state.dirty = false;
    refresh();
    void runCheck();
    return;
  }
  state.dirty = true;
  await save();
}

function updateMainButton(progress = false): void {
  if (!state?.session.draft) return;
  setMainButton({ text: s("webapp-done"), visible: true, active: !progress, progress, theme: state.launch.theme });
}

/** Done: save, tell the chat, close; the chat flow goes on to the check and the signature. */
async function finish(): Promise<void> {
  if (!state?.session.draft) return;
  updateMainButton(true);
  try {
    if (!(await save())) return;
    if (state.text.trim() === "") {
      showNotice(s("webapp-empty"));
      return;
    }
    await call(API_PATHS.done, { slug: state.slug, ...(state.token ? { token: state.token } : {}) });
    showNotice(s("webapp-done-sent"));
    postEvent("web_app_close", { return_back: true });
  } catch {
    ui.saveState.textContent = s("webapp-save-failed");
  } finally {
    updateMainButton(false);
  }
}

void start().catch(() => {
  ui.app.removeAttribute("aria-busy");
  if (ui.notice.hidden) showNotice(s("webapp-save-failed") || "Lysty: the editor could not start.");
});
