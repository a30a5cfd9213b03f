import { Api, Bot, GrammyError } from "grammy";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeTelegram } from "../src/index.js";

const OLENA = 1001;
const GROUP = -200;

let fake: FakeTelegram;
let api: Api;

beforeEach(async () => {
  fake = await FakeTelegram.start();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
  fake.addUser({ id: OLENA, first_name: "Олена", language_code: "uk" });
});

afterEach(async () => {
  expect(fake.internalErrors).toEqual([]);
  await fake.stop();
});

describe("getUpdates", () => {
  it("holds a long poll until an update arrives, then answers at once", async () => {
    const poll = api.getUpdates({ timeout: 10 });
    setTimeout(() => fake.injectMessage(OLENA, OLENA, { text: "/start letter_7" }), 50);
    const updates = await poll;
    expect(updates).toHaveLength(1);
    expect(updates[0]?.message).toMatchObject({
      from: { id: OLENA, language_code: "uk" },
      chat: { id: OLENA, type: "private" },
      text: "/start letter_7",
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    });
  });

  it("answers an empty list when the timeout passes", async () => {
    await expect(api.getUpdates({ timeout: 1 })).resolves.toEqual([]);
  });

  it("repeats updates until a higher offset confirms them", async () => {
    const first = fake.injectMessage(OLENA, OLENA, { text: "one" });
    const second = fake.injectMessage(OLENA, OLENA, { text: "two" });
    expect((await api.getUpdates()).map((update) => update.update_id)).toEqual([first, second]);
    expect((await api.getUpdates()).map((update) => update.update_id)).toEqual([first, second]);
    const confirmed = fake.updateConfirmed(first);
    expect((await api.getUpdates({ offset: first + 1 })).map((update) => update.update_id)).toEqual([second]);
    await expect(confirmed).resolves.toBeUndefined();
    expect(await api.getUpdates({ offset: second + 1 })).toEqual([]);
    expect(fake.pendingUpdateCount).toBe(0);
  });

  it("ends the older of two concurrent long polls with 409, as when two bot instances run", async () => {
    const older = api.getUpdates({ timeout: 10 });
    await vi.waitFor(() => expect(fake.longPollPending).toBe(true));
    const newer = api.getUpdates({ timeout: 10 });
    await expect(older).rejects.toMatchObject({
      constructor: GrammyError,
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    fake.injectMessage(OLENA, OLENA, { text: "hi" });
    await expect(newer).resolves.toHaveLength(1);
  });

  it("lets a getUpdates that does not wait leave the pending long poll alone", async () => {
    const waiting = api.getUpdates({ timeout: 10 });
    await vi.waitFor(() => expect(fake.longPollPending).toBe(true));
    await expect(api.getUpdates({ timeout: 0 })).resolves.toEqual([]);
    fake.injectMessage(OLENA, OLENA, { text: "hi" });
    await expect(waiting).resolves.toHaveLength(1);
  });

  it("remembers allowed_updates and never delivers updates it excludes", async () => {
    await api.getUpdates({ allowed_updates: ["callback_query"] });
    const message = fake.injectMessage(OLENA, OLENA, { text: "ignored" });
    expect(await api.getUpdates()).toEqual([]);
    await expect(fake.updateConfirmed(message)).rejects.toThrow('allowed_updates does not include "message"');
    await api.getUpdates({ allowed_updates: [] });
    fake.injectMessage(OLENA, OLENA, { text: "seen" });
    expect((await api.getUpdates()).map((update) => update.message?.text)).toEqual(["seen"]);
  });

  it("refuses to poll while a webhook is set", async () => {
    await api.setWebhook("https://lysty.example.org/telegram");
    await expect(api.getUpdates()).rejects.toMatchObject({ error_code: 409 });
    await api.deleteWebhook();
    await expect(api.getUpdates()).resolves.toEqual([]);
  });
});

describe("membership updates", () => {
  it("tells the bot when a user blocks it, and sending fails from then on", async () => {
    fake.injectMyChatMember({ chatId: OLENA, fromUserId: OLENA, status: "kicked" });
    const [update] = await api.getUpdates();
    expect(update?.my_chat_member).toMatchObject({
      chat: { id: OLENA },
      old_chat_member: { status: "member", user: { id: fake.botId } },
      new_chat_member: { status: "kicked", user: { id: fake.botId } },
    });
    await expect(api.sendMessage(OLENA, "x")).rejects.toMatchObject({ error_code: 403 });
  });

  it("reports the bot's own departure from a group as an update", async () => {
    fake.addGroup({ id: GROUP, title: "Організатори", type: "group" });
    await api.leaveChat(GROUP);
    const [update] = await api.getUpdates();
    expect(update?.my_chat_member?.new_chat_member).toMatchObject({ status: "left" });
    await expect(api.sendMessage(GROUP, "x")).rejects.toMatchObject({
      error_code: 403,
      description: "Forbidden: bot is not a member of the group chat",
    });
  });

  it("forgets pending updates when the bot drops them on start", async () => {
    const stale = fake.injectMessage(OLENA, OLENA, { text: "old" });
    await api.deleteWebhook({ drop_pending_updates: true });
    expect(await api.getUpdates()).toEqual([]);
    await expect(fake.updateConfirmed(stale)).rejects.toThrow("drop_pending_updates");
  });
});

describe("what a bot in a group sees", () => {
  beforeEach(() => {
    fake.addGroup({ id: GROUP, title: "Організатори", type: "supergroup" });
    fake.addUser({ id: 1002, first_name: "Taras" });
    fake.setMember(GROUP, 1002, "member");
  });

  it("with privacy mode, gets commands and replies to itself but not other chatter", async () => {
    const chatter = fake.injectMessage(1002, GROUP, { text: "привіт усім" });
    const command = fake.injectMessage(1002, GROUP, { text: `/status@${fake.botUsername}` });
    const updates = await api.getUpdates();
    expect(updates.map((update) => update.update_id)).toEqual([command]);
    await expect(fake.updateConfirmed(chatter)).rejects.toThrow("privacy mode");
  });

  it("as an administrator, gets every message", async () => {
    fake.setMember(GROUP, fake.botId, "administrator");
    fake.injectMessage(1002, GROUP, { text: "привіт усім" });
    expect(await api.getUpdates()).toHaveLength(1);
  });
});

describe("a real grammY bot against the fake", () => {
  it("receives an injected message and its reply shows up in the chat", async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bot.command("start", (ctx) => ctx.reply(`Вітаю, ${ctx.from?.first_name}! Код: ${ctx.match}`));
    const running = bot.start();
    const updateId = fake.injectMessage(OLENA, OLENA, { text: "/start case_12" });
    await fake.updateConfirmed(updateId);
    expect(fake.messages(OLENA).map((message) => message.text)).toEqual(["Вітаю, Олена! Код: case_12"]);
    await bot.stop();
    await running;
  });

  it("answers a button press and edits the message in place", async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bot.command("start", (ctx) =>
      ctx.reply("Підписатися на новини?", { reply_markup: { inline_keyboard: [[{ text: "Так", callback_data: "sub:yes" }]] } }),
    );
    bot.callbackQuery("sub:yes", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Готово" });
      await ctx.editMessageText("Ви підписані");
    });
    const running = bot.start();
    await fake.updateConfirmed(fake.injectMessage(OLENA, OLENA, { text: "/start" }));
    const question = fake.lastMessage(OLENA);
    expect(question?.text).toBe("Підписатися на новини?");
    await fake.updateConfirmed(fake.pressButton(OLENA, OLENA, question?.message_id ?? 0, "Так"));
    expect(fake.messages(OLENA).map((message) => message.text)).toEqual(["Ви підписані"]);
    expect(fake.callbackAnswers).toMatchObject([{ text: "Готово", showAlert: false }]);
    await bot.stop();
    await running;
  });
});
