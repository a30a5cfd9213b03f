import { Api, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CALLBACK_ANSWER_WINDOW_MS, FakeTelegram } from "../src/index.js";

const OLENA = 1001;

let fake: FakeTelegram;
let api: Api;

beforeEach(async () => {
  fake = await FakeTelegram.start();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
  fake.addUser({ id: OLENA, first_name: "Олена" });
});

afterEach(async () => {
  expect(fake.internalErrors).toEqual([]);
  await fake.stop();
});

async function post(path: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${fake.apiRoot}${path}`, { method: "POST", ...init });
  return { status: response.status, body: await response.json() };
}

describe("the HTTP surface", () => {
  it("answers a wrong token with 401 and an unknown method with 404", async () => {
    expect(await post("/bot123:wrong/getMe", {})).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
    expect(await post(`/bot${fake.token}/sendPigeon`, {})).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: "Not Found" },
    });
  });

  it("takes parameters from a form body and the query string, method names in any case", async () => {
    const form = new URLSearchParams({
      text: "<i>Привіт</i>",
      parse_mode: "HTML",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] }),
    });
    const { status, body } = await post(`/bot${fake.token}/SENDMESSAGE?chat_id=${OLENA}`, { body: form });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      result: {
        text: "Привіт",
        entities: [{ type: "italic", offset: 0, length: 6 }],
        reply_markup: { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] },
      },
    });
    expect(fake.calls.at(-1)).toMatchObject({ method: "sendMessage", ok: true });
  });

  it("rejects a malformed JSON field in a form with Telegram's description", async () => {
    const form = new URLSearchParams({ chat_id: String(OLENA), text: "x", reply_markup: "{oops" });
    expect(await post(`/bot${fake.token}/sendMessage`, { body: form })).toMatchObject({
      status: 400,
      body: { description: "Bad Request: can't parse reply keyboard markup JSON object" },
    });
  });
});

describe("documents", () => {
  it("keeps the name, type and bytes of an uploaded letter so tests can read it back", async () => {
    const letter = Buffer.from("%PDF-1.7\nЛист до Олега Сенцова\n%%EOF");
    const sent = await api.sendDocument(OLENA, new InputFile(letter, "Лист до Олега.pdf"), {
      caption: "<b>Ваш лист</b> готовий",
      parse_mode: "HTML",
    });
    expect(sent.document).toMatchObject({ file_name: "Лист до Олега.pdf", mime_type: "application/pdf", file_size: letter.length });
    expect(sent.caption_entities).toEqual([{ type: "bold", offset: 0, length: 8 }]);
    const [stored] = fake.documents(OLENA);
    expect(stored?.bytes.equals(letter)).toBe(true);
    expect(stored).toMatchObject({ fileName: "Лист до Олега.pdf", mimeType: "application/pdf", caption: "Ваш лист готовий" });
  });

  it("resends by file_id and lets the bot download the file", async () => {
    const first = await api.sendDocument(OLENA, new InputFile(Buffer.from("адреса: невідома"), "note.txt"));
    const fileId = first.document?.file_id ?? "";
    const again = await api.sendDocument(OLENA, fileId);
    expect(again.document?.file_id).toBe(fileId);
    const file = await api.getFile(fileId);
    const download = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
    expect(download.headers.get("content-type")).toBe("text/plain");
    expect(await download.text()).toBe("адреса: невідома");
    await expect(api.sendDocument(OLENA, "no-such-file")).rejects.toMatchObject({
      description: "Bad Request: wrong file identifier/HTTP URL specified",
    });
  });

  it("lets the bot download what a user sent", async () => {
    fake.injectMessage(OLENA, OLENA, { document: { fileName: "чернетка.txt", bytes: "Дорогий друже" }, caption: "мій лист" });
    const [update] = await api.getUpdates();
    const document = update?.message?.document;
    expect(document).toMatchObject({ file_name: "чернетка.txt", mime_type: "text/plain" });
    const file = await api.getFile(document?.file_id ?? "");
    const download = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
    expect(await download.text()).toBe("Дорогий друже");
  });

  it("limits captions to 1024 characters after parsing", async () => {
    const upload = () => new InputFile(Buffer.from("x"), "a.txt");
    await expect(api.sendDocument(OLENA, upload(), { caption: `<i>${"к".repeat(1024)}</i>`, parse_mode: "HTML" })).resolves.toBeDefined();
    await expect(api.sendDocument(OLENA, upload(), { caption: "к".repeat(1025) })).rejects.toMatchObject({
      description: "Bad Request: message caption is too long",
    });
  });
});

describe("commands and queries", () => {
  it("stores command lists per scope and language", async () => {
    await api.setMyCommands([{ command: "start", description: "Почати" }], { language_code: "uk" });
    await api.setMyCommands([{ command: "start", description: "Start" }]);
    await api.setMyCommands([{ command: "admin", description: "Адмін" }], { scope: { type: "chat", chat_id: OLENA } });
    expect(await api.getMyCommands({ language_code: "uk" })).toEqual([{ command: "start", description: "Почати" }]);
    expect(fake.commands).toHaveLength(3);
    await expect(api.setMyCommands([{ command: "Start Now", description: "x" }])).rejects.toMatchObject({
      description: "Bad Request: BOT_COMMAND_INVALID",
    });
  });

  it("accepts one answer per callback query", async () => {
    const sent = await api.sendMessage(OLENA, "?", { reply_markup: { inline_keyboard: [[{ text: "Так", callback_data: "yes" }]] } });
    fake.pressButton(OLENA, OLENA, sent.message_id, "Так");
    const [update] = await api.getUpdates();
    const queryId = update?.callback_query?.id ?? "";
    expect(update?.callback_query).toMatchObject({ data: "yes", from: { id: OLENA }, message: { message_id: sent.message_id } });
    await api.answerCallbackQuery(queryId, { text: "Прийнято" });
    await expect(api.answerCallbackQuery(queryId)).rejects.toMatchObject({
      description: "Bad Request: query is too old and response timeout expired or query ID is invalid",
    });
    expect(fake.callbackAnswers).toMatchObject([{ callbackQueryId: queryId, text: "Прийнято" }]);
  });

  it("refuses an answer more than 15 s after the press, on the fake's clock, with Telegram's error", async () => {
    let now = Date.parse("2026-12-07T21:00:00Z");
    const clocked = await FakeTelegram.start({ now: () => now });
    try {
      const bot = new Api(clocked.token, { apiRoot: clocked.apiRoot });
      clocked.addUser({ id: OLENA, first_name: "Олена" });
      const sent = await bot.sendMessage(OLENA, "?", { reply_markup: { inline_keyboard: [[{ text: "Так", callback_data: "yes" }]] } });
      clocked.pressButton(OLENA, OLENA, sent.message_id, "Так");
      clocked.pressButton(OLENA, OLENA, sent.message_id, "Так");
      const [inTime, late] = (await bot.getUpdates()).map((update) => update.callback_query?.id ?? "");
      now += CALLBACK_ANSWER_WINDOW_MS;
      await bot.answerCallbackQuery(inTime ?? "");
      now += 1;
      await expect(bot.answerCallbackQuery(late ?? "")).rejects.toMatchObject({
        error_code: 400,
        description: "Bad Request: query is too old and response timeout expired or query ID is invalid",
      });
      expect(clocked.callbackAnswers.map((answer) => answer.callbackQueryId)).toEqual([inTime]);
      expect(clocked.internalErrors).toEqual([]);
    } finally {
      await clocked.stop();
    }
  });

  it("refuses to fake a press of a button the message does not have", async () => {
    const sent = await api.sendMessage(OLENA, "?", { reply_markup: { inline_keyboard: [[{ text: "Так", callback_data: "yes" }]] } });
    expect(() => fake.injectCallbackQuery(OLENA, OLENA, sent.message_id, "admin:delete")).toThrow("has no button");
    const forged = fake.injectCallbackQuery(OLENA, OLENA, sent.message_id, "admin:delete", { allowUnknownData: true });
    expect((await api.getUpdates()).map((update) => update.update_id)).toEqual([forged]);
  });

  it("checks the HTML of inline results before recording the answer", async () => {
    fake.injectInlineQuery(OLENA, "Сенцов");
    const [update] = await api.getUpdates();
    const queryId = update?.inline_query?.id ?? "";
    const article = (text: string) => ({
      type: "article" as const,
      id: "case-1",
      title: "Олег Сенцов",
      input_message_content: { message_text: text, parse_mode: "HTML" as const },
    });
    await expect(api.answerInlineQuery(queryId, [article("Справа <№1>")])).rejects.toMatchObject({ error_code: 400 });
    await api.answerInlineQuery(queryId, [article("Справа &lt;№1&gt;")]);
    expect(fake.inlineAnswers).toMatchObject([{ inlineQueryId: queryId, results: [{ id: "case-1" }] }]);
  });
});
