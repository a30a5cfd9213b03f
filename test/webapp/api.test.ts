import { createHash } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { saveDraftText } from "../../src/db/repositories/letters.js";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { SESSION_CONTENT_TYPE } from "../../src/webapp/protocol.js";
import { callApi, editorButtonUrl, initDataFor, WEBAPP_ENV } from "../helpers/webapp.js";
import { expectNotLogged, KAGARLITSKY, lettersOf, onlyLetter, startWritingTo, textOf } from "../letters/flow/helpers.js";
import { letterOrganisersHold } from "../production/flows.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** The gzipped session answer's length as sent (chunked: it has no Content-Length). */
function sessionBytesOnTheWire(harness: Harness, auth: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `http://127.0.0.1:${harness.running.httpPort}/webapp/api/session`,
      { method: "POST", headers: { authorization: `tma ${auth}`, "content-type": "application/json", "accept-encoding": "gzip" } },
      (response) => {
        let length = 0;
        response.on("data", (chunk: Buffer) => (length += chunk.length));
        response.on("end", () => resolve(length));
      },
    );
    request.on("error", reject);
    request.end(JSON.stringify({ slug: KAGARLITSKY }));
  });
}

const FIRST = "Здравствуйте, Борис Юльевич! Меня зовут Анна, я пишу Вам из Эдинбурга.";
const EDITED = "Здравствуйте, Борис Юльевич! Меня зовут Анна. Что Вы сейчас читаете? Желаю Вам здоровья.";

describe("the letter editor's API", () => {
  it("offers the editor in the writing step only when WEBAPP_URL is set, and sets the menu button", async () => {
    h = await Harness.start();
    const plain = h.user({ languageCode: "en" });
    await startWritingTo(plain, KAGARLITSKY);
    expect(plain.buttons()).not.toContain("✍️ Open the editor");
    expect(plain.messages.flatMap((message) => message.reply_markup?.inline_keyboard.flat() ?? []).some((b) => "web_app" in b)).toBe(false);
    await h.stop();

    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    expect(writer.buttons()[0]).toBe("✍️ Open the editor");
    const url = new URL(editorButtonUrl(writer));
    expect(`${url.origin}${url.pathname}`).toBe("https://lysty.example/webapp/");
    expect(url.searchParams.get("p")).toBe(KAGARLITSKY);
    expect(url.searchParams.get("t")).toMatch(/^[0-9a-z]{5}$/);
    // After a saved message the keyboard still opens the editor.
    await writer.send(FIRST);
    expect(writer.buttons()[0]).toBe("✍️ Open the editor");
    expect(await h.running.bot.api.getChatMenuButton()).toEqual({
      type: "web_app",
      text: "✍️ Редактор",
      web_app: { url: "https://lysty.example/webapp/" },
    });
  });

  it("from the first screen, the editor's \"Check and sign\" goes straight to the check; Edit then opens the writing step (issue 15)", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const token = new URL(editorButtonUrl(writer)).searchParams.get("t")!;
    const auth = initDataFor({ id: writer.id, languageCode: "en" }, h.config.botToken, h.clock.now());
    await callApi(h, "draft", { slug: KAGARLITSKY, text: EDITED, version: "empty" }, auth);
    expect((await callApi(h, "done", { slug: KAGARLITSKY, token }, auth)).status).toBe(200);
    const checked = textOf(await writer.press("Check and sign"));
    expect(checked).toContain("The check found nothing that is known to stop this letter");
    expect(checked).toContain("How will you sign the letter?");
    expect(textOf(await writer.press("Edit the letter"))).toContain("Your draft so far: 88 characters");
    expect(writer.buttons()).toContain("✅ Done: check the letter");
  });

  it("a save in the editor after a refused piece of a paste: the chat's next message no longer says a message was lost", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const auth = initDataFor({ id: writer.id, languageCode: "en" }, h.config.botToken, h.clock.now());
    const piece = "Сегодня у нас шёл дождь, и я долго гулял в парке. ".repeat(90).slice(0, 4_096);
    for (let index = 0; index < 3; index++) await writer.send(piece);
    // The third piece passed 12,000 characters and was refused; the chat would say so with the next message saved.
    expect(writer.lastText()).not.toContain("Saved.");
    const loaded = (await callApi(h, "session", { slug: KAGARLITSKY }, auth)).json as { draft: { text: string; version: string } };
    const whole = `${loaded.draft.text}\n\nПоследний абзац, вставленный в редакторе.`;
    expect((await callApi(h, "draft", { slug: KAGARLITSKY, text: whole, version: loaded.draft.version }, auth)).json).toMatchObject({ kind: "saved" });
    const next = textOf(await writer.send("Всего доброго!"));
    expect(next).toContain("Saved.");
    expect(next).not.toContain("Your message before this one was not saved");
    expect((await onlyLetter(h, writer.id)).text).toBe(`${whole}\n\nВсего доброго!`);
  });

  it("loads and saves the chat's draft, refuses to overwrite a draft changed elsewhere, and the chat sees the edit", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const auth = initDataFor({ id: writer.id, languageCode: "en" }, h.config.botToken, h.clock.now());

    const empty = await callApi(h, "session", { slug: KAGARLITSKY }, auth);
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({ locale: "en", draft: { slug: KAGARLITSKY, name: "Boris Kagarlitsky", text: "", version: "empty", limit: 12000 } });
    expect((empty.json as { strings: Record<string, string> }).strings["webapp-done"]).toBe("Done");

    await writer.send(FIRST);
    const loaded = (await callApi(h, "session", { slug: KAGARLITSKY }, auth)).json as { draft: { text: string; version: string } };
    expect(loaded.draft.text).toBe(FIRST);

    // A save based on the version before the chat message would lose it: refused, with the text that is there now.
    const stale = await callApi(h, "draft", { slug: KAGARLITSKY, text: EDITED, version: "empty" }, auth);
    expect(stale.json).toEqual({ kind: "conflict", text: FIRST, version: loaded.draft.version });
    expect((await onlyLetter(h, writer.id)).text).toBe(FIRST);

    const saved = await callApi(h, "draft", { slug: KAGARLITSKY, text: `${EDITED}  \r\n`, version: loaded.draft.version }, auth);
    expect(saved.json).toMatchObject({ kind: "saved" });
    expect((await onlyLetter(h, writer.id)).text).toBe(EDITED);
    // Two saves racing from the same version: the one that lands second finds the text changed and writes nothing.
    const draft = await onlyLetter(h, writer.id);
    expect(await saveDraftText(h.db, { letterId: draft.id, writerId: writer.id, text: "Другое.", now: h.clock.now(), expected: FIRST })).toBe(false);
    expect((await onlyLetter(h, writer.id)).text).toBe(EDITED);
    const shown = textOf(await writer.press("Show the draft"));
    expect(shown).toContain(EDITED);
    expect(shown).not.toContain("Эдинбурга");

    // Bad input is answered and changes nothing.
    const version = (saved.json as { version: string }).version;
    expect((await callApi(h, "draft", { slug: KAGARLITSKY, text: "   ", version }, auth)).json).toEqual({ kind: "empty" });
    expect((await callApi(h, "draft", { slug: KAGARLITSKY, text: "я".repeat(12_001), version }, auth)).json).toEqual({
      kind: "too-long",
      characters: 12_001,
      limit: 12_000,
    });
    expect((await callApi(h, "draft", { slug: "no-such-person", text: "x", version: "empty" }, auth)).json).toEqual({ kind: "not-writable" });
    expect((await callApi(h, "draft", { slug: "../etc", text: "x", version: "empty" }, auth)).status).toBe(400);
    expect((await onlyLetter(h, writer.id)).text).toBe(EDITED);
    expectNotLogged(h, ["Эдинбург", "Что Вы сейчас читаете"]);
  });

  it("checks the text being edited and returns translated reasons at the right offsets", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    const auth = initDataFor({ id: writer.id, languageCode: "uk" }, h.config.botToken, h.clock.now());
    const text = "Здравствуйте! Я против войны.\nПривіт, як справи?";
    const result = (await callApi(h, "check", { slug: KAGARLITSKY, text }, auth)).json as {
      findings: { start: number; end: number; category: string; why: string; removable: boolean }[];
      paragraphs: { start: number; language: string; name: string }[];
    };
    const war = result.findings.find((finding) => finding.category === "war");
    expect(war && text.slice(war.start, war.end)).toBe("войны");
    expect(war?.removable).toBe(true);
    expect(war?.why).toMatch(/війн/i);
    const language = result.findings.find((finding) => finding.category === "language");
    expect(language && text.slice(language.start, language.end)).toBe("Привіт, як справи?");
    expect(language?.removable).toBe(false);
    expect(result.paragraphs.map((paragraph) => [paragraph.start, paragraph.language, paragraph.name])).toEqual([
      [0, "ru", "російська"],
      [30, "uk", "українська"],
    ]);
  });

  it("opens the draft with its check in one compressed answer, the draft first, so the page needs no second round trip for the marks", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const text = `${"Здравствуйте, Борис Юльевич! Что Вы сейчас читаете?\n".repeat(150)}Я очень жду конца войны.`;
    await writer.send(text.slice(0, 4000));
    const auth = initDataFor({ id: writer.id, languageCode: "en" }, h.config.botToken, h.clock.now());
    const version = ((await callApi(h, "session", { slug: KAGARLITSKY }, auth)).json as { draft: { version: string } }).draft.version;
    expect((await callApi(h, "draft", { slug: KAGARLITSKY, text, version }, auth)).json).toMatchObject({ kind: "saved" });

    const response = await fetch(`http://127.0.0.1:${h.running.httpPort}/webapp/api/session`, {
      method: "POST",
      headers: { authorization: `tma ${auth}`, "content-type": "application/json", "accept-encoding": "gzip" },
      body: JSON.stringify({ slug: KAGARLITSKY }),
    });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("content-type")).toBe(SESSION_CONTENT_TYPE);
    // Two lines: the draft (sent before the server checks it), then the check of its text.
    const received = await response.arrayBuffer();
    const [first, second, ...rest] = new TextDecoder().decode(received).split("\n");
    expect(rest).toEqual([""]);
    const session = JSON.parse(first ?? "") as { draft: { text: string }; check?: unknown };
    expect(session.draft.text).toBe(text);
    expect(session).not.toHaveProperty("check");
    const { check } = JSON.parse(second ?? "") as { check: { findings: { start: number; end: number; category: string }[] } };
    // Node's fetch decompresses: the bytes on the wire are counted by a plain HTTP request.
    expect(await sessionBytesOnTheWire(h, auth)).toBeLessThan(received.byteLength / 4);
    const war = check.findings.find((finding) => finding.category === "war");
    expect(war && text.slice(war.start, war.end)).toBe("войны");
    // An empty draft comes without a check.
    const other = h.user({ languageCode: "en" });
    await startWritingTo(other, KAGARLITSKY);
    const empty = (await callApi(h, "session", { slug: KAGARLITSKY }, initDataFor({ id: other.id }, h.config.botToken, h.clock.now()))).json;
    expect(empty).not.toHaveProperty("check");
  });

  it("limits each writer's checks per minute with a translated 429, and never limits saving", async () => {
    h = await Harness.start({ env: { ...WEBAPP_ENV, WEBAPP_CHECKS_PER_MINUTE: "3" } });
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    const other = h.user({ languageCode: "en" });
    await startWritingTo(other, KAGARLITSKY);
    const auth = initDataFor({ id: writer.id, languageCode: "uk" }, h.config.botToken, h.clock.now());
    const check = (who = auth) => callApi(h!, "check", { slug: KAGARLITSKY, text: "Я против войны." }, who);
    for (let index = 0; index < 3; index++) expect((await check()).status).toBe(200);

    const refused = await fetch(`http://127.0.0.1:${h.running.httpPort}/webapp/api/check`, {
      method: "POST",
      headers: { authorization: `tma ${auth}`, "content-type": "application/json" },
      body: JSON.stringify({ slug: KAGARLITSKY, text: "Я против войны." }),
    });
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: string; message: string; retryAfterSeconds: number };
    expect(body.error).toBe("rate-limited");
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refused.headers.get("retry-after")).toBe(String(body.retryAfterSeconds));
    expect(body.message).toBe(`Забагато перевірок за хвилину. Перевірка відновиться за ${body.retryAfterSeconds} с; писати далі можна, текст і надалі зберігається.`);

    // Saving goes on; opening still brings the draft, without its check; another writer has a limit of their own.
    const opened = (await callApi(h, "session", { slug: KAGARLITSKY }, auth)).json as { draft: { version: string } };
    expect(opened).not.toHaveProperty("check");
    expect((await callApi(h, "draft", { slug: KAGARLITSKY, text: "Добрий день!", version: opened.draft.version }, auth)).json).toMatchObject({ kind: "saved" });
    expect((await callApi(h, "session", { slug: KAGARLITSKY }, auth)).json).toMatchObject({ draft: { text: "Добрий день!" } });
    expect((await check(initDataFor({ id: other.id }, h.config.botToken, h.clock.now()))).status).toBe(200);
    // The next minute the writer may check again.
    h.clock.advance(60_000);
    expect((await check(initDataFor({ id: writer.id, languageCode: "uk" }, h.config.botToken, h.clock.now()))).status).toBe(200);
  });

  it("Done from the menu button (no flow token) tells the writer how to go on; an empty draft is not done", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    const auth = initDataFor({ id: writer.id, languageCode: "uk" }, h.config.botToken, h.clock.now());
    expect(await callApi(h, "done", { slug: KAGARLITSKY }, auth)).toEqual({ status: 409, json: { error: "empty" } });
    await writer.send(FIRST);
    const before = writer.messages.length;
    expect((await callApi(h, "done", { slug: KAGARLITSKY, token: "../x" }, auth)).status).toBe(200);
    const [message] = writer.messages.slice(before);
    expect(message?.text).toContain(`Лист збережено з редактора: ${FIRST.length} символів`);
    expect(message?.text).toContain("натисніть «Готово» під листом");
    expect(message?.reply_markup).toBeUndefined();
    expect((await callApi(h, "check", { slug: KAGARLITSKY, text: "а".repeat(48_001) }, auth)).status).toBe(413);
  });

  it("an editor still open after /forget saves nothing and says why, in the writer's language", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    // Forgotten at once (nothing with organisers: the user row goes), and forgotten but for a letter organisers hold
    // (the row stays for it, the request waits for retention).
    const gone = h.user({ languageCode: "en" });
    const held = h.user({ languageCode: "uk" });
    await held.send("/start");
    const heldLetter = await letterOrganisersHold(h, held.id);
    const opened = new Map<TestUser, { auth: string; version: string; strings: Record<string, string> }>();
    for (const writer of [gone, held]) {
      await startWritingTo(writer, KAGARLITSKY);
      await writer.send(FIRST);
      const auth = initDataFor({ id: writer.id, languageCode: writer === gone ? "en" : "uk" }, h.config.botToken, h.clock.now());
      const session = (await callApi(h, "session", { slug: KAGARLITSKY }, auth)).json as { draft: { version: string }; strings: Record<string, string> };
      opened.set(writer, { auth, version: session.draft.version, strings: session.strings });
    }
    await gone.send("/forget");
    await gone.press("Yes, delete everything");
    await held.send("/forget");
    await held.press("Так, видалити все");

    for (const writer of [gone, held]) {
      const { auth, version } = opened.get(writer)!;
      // The editor's autosave of the text on screen, then the same text as "keep mine" would send it (no draft left).
      for (const base of [version, "empty"]) {
        expect((await callApi(h, "draft", { slug: KAGARLITSKY, text: EDITED, version: base }, auth))).toEqual({ status: 200, json: { kind: "forgotten" } });
      }
    }
    expect(await lettersOf(h, gone.id)).toEqual([]);
    expect((await lettersOf(h, held.id)).map((letter) => letter.id)).toEqual([heldLetter]);
    expect(await h.db.selectFrom("users").select("id").where("id", "=", gone.id).execute()).toEqual([]);
    expect(opened.get(gone)!.strings["webapp-forgotten"]).toBe(
      "You asked Lysty to delete your data (/forget), so this text was not saved. To write again, send /start in the chat with the bot.",
    );
    expect(opened.get(held)!.strings["webapp-forgotten"]).toContain("не збережено");
    expectNotLogged(h, ["Эдинбург", "Что Вы сейчас читаете"]);
  });

  it("refuses forged, expired and missing initData, and another user's initData reaches only that user's drafts", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send(FIRST);
    const other = h.user({ languageCode: "en" });
    await other.send("/start");

    const forged = initDataFor({ id: writer.id }, "7000000002:AAAnotherBotsTokenForTestsOnly0000000", h.clock.now());
    const expired = initDataFor({ id: writer.id }, h.config.botToken, new Date(h.clock.now().getTime() - 86_401_000));
    for (const [initData, reason] of [
      [forged, "bad-signature"],
      [expired, "expired"],
      [undefined, "missing"],
    ] as const) {
      for (const name of ["session", "draft", "check", "done"]) {
        const response = await callApi(h, name, { slug: KAGARLITSKY, text: "x", version: "empty" }, initData);
        expect(response, `${name} with ${reason}`).toEqual({ status: 401, json: { error: reason } });
      }
    }

    const otherAuth = initDataFor({ id: other.id, languageCode: "en" }, h.config.botToken, h.clock.now());
    const session = (await callApi(h, "session", { slug: KAGARLITSKY }, otherAuth)).json as { draft: { text: string } };
    expect(session.draft.text).toBe("");
    expect(JSON.stringify(session)).not.toContain("Эдинбург");
    const otherLast = (await callApi(h, "session", {}, otherAuth)).json as { draft: null; reason: string };
    expect(otherLast).toMatchObject({ draft: null, reason: "no-draft" });
    // Saving creates the other user's own draft; the writer's stays as it was.
    expect((await callApi(h, "draft", { slug: KAGARLITSKY, text: "Другое письмо.", version: "empty" }, otherAuth)).json).toMatchObject({ kind: "saved" });
    expect((await onlyLetter(h, writer.id)).text).toBe(FIRST);
    expect((await onlyLetter(h, other.id)).text).toBe("Другое письмо.");
  });

  it("serves the page with a strict Content-Security-Policy, only its own files, within the size budget", async () => {
    h = await Harness.start({ env: WEBAPP_ENV });
    const base = `http://127.0.0.1:${h.running.httpPort}/webapp`;
    const redirect = await fetch(`${base}?p=${KAGARLITSKY}`, { redirect: "manual" });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get("location")).toBe(`/webapp/?p=${KAGARLITSKY}`);
    const page = await fetch(`${base}/`, { headers: { "accept-encoding": "gzip" } });
    expect(page.headers.get("content-encoding")).toBe("gzip");
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("'self' 'sha");
    // No Cross-Origin-Opener-Policy on the page or its redirect: Chromium swapped browsing context groups for it,
    // building a second renderer frame before the page could be parsed (docs/webapp.md, first-render pass).
    expect(page.headers.get("cross-origin-opener-policy")).toBeNull();
    expect(redirect.headers.get("cross-origin-opener-policy")).toBeNull();
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\/(?!core\.telegram\.org|web\.telegram\.org)/);
    expect(html).not.toMatch(/style=|<script src|<link/);
    // One response: the boot script, the stylesheet and the editor are inline, each allowed by its own hash only.
    const inline = (tag: string) => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((match) => match[1] ?? "");
    const sha = (source: string) => `'sha256-${createHash("sha256").update(source).digest("base64")}'`;
    const scripts = inline("script");
    const styles = inline("style");
    expect(scripts).toHaveLength(2);
    expect(styles).toHaveLength(1);
    expect(html.indexOf("<script>")).toBeLessThan(html.indexOf("</head>"));
    expect(csp).toContain(`script-src ${scripts.map(sha).join(" ")};`);
    expect(csp).toContain(`style-src ${styles.map(sha).join(" ")};`);
    const gzipped = Number(page.headers.get("content-length"));
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(150 * 1024);
    // Reopened, the editor revalidates and gets nothing new to download.
    const again = await fetch(`${base}/`, { headers: { "if-none-match": page.headers.get("etag") ?? "" } });
    expect(again.status).toBe(304);
    expect((await fetch(`${base}/app.js`)).status).toBe(404);
    expect((await fetch(`${base}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/main.ts`)).status).toBe(404);
  });
});
