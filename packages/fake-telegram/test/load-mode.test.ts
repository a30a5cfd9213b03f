import { Api, GrammyError } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeTelegram } from "../src/index.js";

const OLENA = 1001;

let fake: FakeTelegram;

afterEach(async () => {
  expect(fake.internalErrors).toEqual([]);
  await fake.stop();
});

async function start(options: { recordCalls?: boolean } = {}): Promise<Api> {
  fake = await FakeTelegram.start(options);
  fake.addUser({ id: OLENA, first_name: "Олена" });
  return new Api(fake.token, { apiRoot: fake.apiRoot });
}

const keyboard = (...labels: string[]) => ({ inline_keyboard: [labels.map((text) => ({ text, callback_data: `cb:${text}` }))] });

describe("findButton: a writer looking for a button without copying the chat", () => {
  it("finds the newest button whose label matches, on the message it is on", async () => {
    const api = await start();
    const first = await api.sendMessage(OLENA, "Крок 1", { reply_markup: keyboard("Далі", "Скасувати") });
    const second = await api.sendMessage(OLENA, "Крок 2", { reply_markup: keyboard("Далі") });
    await api.sendMessage(OLENA, "без кнопок");
    expect(fake.findButton(OLENA, (label) => label === "Далі")).toEqual({ messageId: second.message_id, label: "Далі", callbackData: "cb:Далі" });
    expect(fake.findButton(OLENA, (label) => label.includes("Скас"))).toMatchObject({ messageId: first.message_id });
    expect(fake.findButton(OLENA, (label) => label === "Немає")).toBeUndefined();
    // Only the newest keyboard, as a person reads the last buttons offered: "Скасувати" is on an older one.
    expect(fake.findButton(OLENA, (label) => label.includes("Скас"), { keyboard: "newest" })).toBeUndefined();
    expect(fake.findButton(OLENA, (label) => label === "Далі", { keyboard: "newest" })).toMatchObject({ messageId: second.message_id });
  });

  it("skips deleted messages and edited-away keyboards, and what it finds can be pressed", async () => {
    const api = await start();
    const kept = await api.sendMessage(OLENA, "Перший", { reply_markup: keyboard("Так") });
    const deleted = await api.sendMessage(OLENA, "Другий", { reply_markup: keyboard("Так") });
    const edited = await api.sendMessage(OLENA, "Третій", { reply_markup: keyboard("Так") });
    await api.deleteMessage(OLENA, deleted.message_id);
    await api.editMessageText(OLENA, edited.message_id, "Третій, без кнопок");
    const button = fake.findButton(OLENA, (label) => label === "Так");
    expect(button?.messageId).toBe(kept.message_id);
    const updateId = fake.injectCallbackQuery(OLENA, OLENA, button?.messageId ?? 0, button?.callbackData ?? "");
    const [update] = await fake.takeUpdates();
    expect(update).toMatchObject({ update_id: updateId, callback_query: { data: "cb:Так", message: { message_id: kept.message_id } } });
  });
});

describe("recordCalls: false (benchmarks)", () => {
  it("keeps no calls but counts them by method and error code, and listeners and waiters still see whole calls", async () => {
    const api = await start({ recordCalls: false });
    await api.sendMessage(OLENA, "раз");
    await expect(api.sendMessage(OLENA, "")).rejects.toBeInstanceOf(GrammyError);
    expect(fake.calls).toEqual([]);
    expect(fake.stats()).toEqual({ total: 2, byMethod: { sendMessage: 2 }, byErrorCode: { 400: 1 } });

    const seen: string[] = [];
    const off = fake.on("call", (call) => seen.push(`${call.method} ${call.ok} ${String(call.params.text)}`));
    const waited = fake.waitFor((call) => call.method === "sendMessage");
    await api.sendMessage(OLENA, "два");
    await expect(waited).resolves.toMatchObject({ method: "sendMessage", ok: true, result: { text: "два" } });
    off();
    expect(seen).toEqual(["sendMessage true два"]);
    expect(fake.calls).toEqual([]);
    expect(fake.stats().total).toBe(3);
  });
});

describe("routing without URL parsing", () => {
  it("routes a path with a dot segment or an escape as URL parsing does", async () => {
    await start();
    const call = async (path: string) => (await fetch(`${fake.apiRoot}${path}`, { method: "POST" })).status;
    // fetch normalises "/./" itself; a raw request target keeps it, so send that one through node:http.
    const { request } = await import("node:http");
    const raw = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(fake.apiRoot);
        request({ hostname: url.hostname, port: url.port, path, method: "POST" }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
          .on("error", reject)
          .end();
      });
    expect(await call(`/bot${fake.token}/getMe`)).toBe(200);
    expect(await raw(`/bot${fake.token}/./getMe`)).toBe(200);
    expect(await raw(`/bot${fake.token}/get%4De`)).toBe(404);
    expect(await raw(`/bot${fake.token}/getMe?x=1`)).toBe(200);
  });
});

describe("a client that goes away", () => {
  it("ends its long poll, so the next getUpdates is not refused", async () => {
    await start();
    const gone = new AbortController();
    const poll = fetch(`${fake.apiRoot}/bot${fake.token}/getUpdates?timeout=30`, { method: "POST", signal: gone.signal }).catch(() => "aborted");
    await vi.waitFor(() => expect(fake.longPollPending).toBe(true));
    gone.abort();
    await expect(poll).resolves.toBe("aborted");
    await vi.waitFor(() => expect(fake.longPollPending).toBe(false));
  });
});
