import { Api, GrammyError } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../src/index.js";

const OLENA = 1001;
const GROUP = -200;
const SUPERGROUP = -1001000000300;
const CHANNEL = -1001000000400;

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

const rejection = (description: string, error_code = 400) =>
  expect.objectContaining({ constructor: GrammyError, error_code, description });

describe("message text limits", () => {
  it("accepts 4096 characters and rejects 4097", async () => {
    const sent = await api.sendMessage(OLENA, "я".repeat(4096));
    expect(sent.text).toHaveLength(4096);
    await expect(api.sendMessage(OLENA, "я".repeat(4097))).rejects.toEqual(rejection("Bad Request: message is too long"));
  });

  it("counts HTML text after the tags are parsed, in UTF-16 code units", async () => {
    const visible = "x".repeat(4090);
    await expect(api.sendMessage(OLENA, `<b>${visible}</b>&lt;&gt;&amp;`, { parse_mode: "HTML" })).resolves.toMatchObject({
      text: `${visible}<>&`,
    });
    await expect(api.sendMessage(OLENA, `<b>${"x".repeat(4097)}</b>`, { parse_mode: "HTML" })).rejects.toEqual(
      rejection("Bad Request: message is too long"),
    );
    // An emoji outside the Basic Multilingual Plane is two UTF-16 code units.
    await expect(api.sendMessage(OLENA, "🙂".repeat(2049))).rejects.toEqual(rejection("Bad Request: message is too long"));
  });

  it("rejects user text that was not escaped before going out as HTML", async () => {
    await expect(api.sendMessage(OLENA, "Олег <3 привіт", { parse_mode: "HTML" })).rejects.toEqual(
      rejection('Bad Request: can\'t parse entities: Unsupported start tag "3" at byte offset 9'),
    );
    expect(fake.messages(OLENA)).toEqual([]);
  });

  it("tells an empty text from one that is only whitespace", async () => {
    await expect(api.sendMessage(OLENA, "")).rejects.toEqual(rejection("Bad Request: message text is empty"));
    await expect(api.sendMessage(OLENA, "  \n ")).rejects.toEqual(rejection("Bad Request: text must be non-empty"));
    await expect(api.sendMessage(OLENA, "<b> </b>", { parse_mode: "HTML" })).rejects.toEqual(
      rejection("Bad Request: text must be non-empty"),
    );
  });

  it("trims surrounding whitespace like Telegram and keeps entities on the trimmed text", async () => {
    const sent = await api.sendMessage(OLENA, "\n  <b>Лист</b> надіслано \n", { parse_mode: "HTML" });
    expect(sent.text).toBe("Лист надіслано");
    expect(sent.entities).toEqual([{ type: "bold", offset: 0, length: 4 }]);
  });

  it("says clearly that MarkdownV2 is not emulated instead of pretending", async () => {
    await expect(api.sendMessage(OLENA, "*x*", { parse_mode: "MarkdownV2" })).rejects.toMatchObject({
      error_code: 400,
      description: expect.stringContaining("fake-telegram: parse_mode MarkdownV2 is not emulated"),
    });
  });
});

describe("inline keyboards", () => {
  const keyboard = (callback_data: string) => ({ reply_markup: { inline_keyboard: [[{ text: "Так", callback_data }]] } });

  it("allows callback_data up to 64 bytes, counted in UTF-8", async () => {
    await expect(api.sendMessage(OLENA, "a", keyboard("x".repeat(64)))).resolves.toMatchObject({ message_id: 1 });
    await expect(api.sendMessage(OLENA, "a", keyboard("x".repeat(65)))).rejects.toEqual(
      rejection("Bad Request: BUTTON_DATA_INVALID"),
    );
    // 32 Cyrillic letters are 64 bytes; 33 are 66 although only 33 characters.
    await expect(api.sendMessage(OLENA, "a", keyboard("ж".repeat(32)))).resolves.toMatchObject({ message_id: 2 });
    await expect(api.sendMessage(OLENA, "a", keyboard("ж".repeat(33)))).rejects.toEqual(
      rejection("Bad Request: BUTTON_DATA_INVALID"),
    );
  });

  it("rejects buttons without an action or without a label", async () => {
    await expect(
      api.sendMessage(OLENA, "a", { reply_markup: { inline_keyboard: [[{ text: "Так", callback_data: "" }]] } }),
    ).rejects.toEqual(
      rejection("Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"),
    );
    await expect(
      api.sendMessage(OLENA, "a", { reply_markup: { inline_keyboard: [[{ text: "", callback_data: "x" }]] } }),
    ).rejects.toMatchObject({ error_code: 400 });
    await expect(
      api.sendMessage(OLENA, "a", { reply_markup: { inline_keyboard: [[{ text: "Сайт", url: "not-a-url" }]] } }),
    ).rejects.toEqual(rejection("Bad Request: inline keyboard button URL 'not-a-url' is invalid: Wrong HTTP URL"));
  });

  it("echoes inline keyboards in the message but not reply keyboards", async () => {
    const inline = await api.sendMessage(OLENA, "a", keyboard("yes"));
    const reply = await api.sendMessage(OLENA, "b", { reply_markup: { keyboard: [[{ text: "Меню" }]], resize_keyboard: true } });
    expect(inline.reply_markup).toEqual({ inline_keyboard: [[{ text: "Так", callback_data: "yes" }]] });
    expect(reply.reply_markup).toBeUndefined();
  });
});

describe("edits and deletions", () => {
  it("applies edits to what the chat shows and rejects an edit that changes nothing", async () => {
    const sent = await api.sendMessage(OLENA, "Чернетка", { reply_markup: { inline_keyboard: [[{ text: "OK", callback_data: "ok" }]] } });
    await api.editMessageText(OLENA, sent.message_id, "<b>Готово</b>", { parse_mode: "HTML" });
    expect(fake.lastMessage(OLENA)).toMatchObject({ text: "Готово", entities: [{ type: "bold", offset: 0, length: 6 }] });
    // The keyboard was dropped by the edit above, since it did not repeat it.
    expect(fake.lastMessage(OLENA)?.reply_markup).toBeUndefined();
    await expect(api.editMessageText(OLENA, sent.message_id, "<b>Готово</b>", { parse_mode: "HTML" })).rejects.toEqual(
      rejection(
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      ),
    );
    await expect(
      api.editMessageReplyMarkup(OLENA, sent.message_id, { reply_markup: { inline_keyboard: [[{ text: "Ще", callback_data: "more" }]] } }),
    ).resolves.toMatchObject({ reply_markup: { inline_keyboard: [[{ text: "Ще", callback_data: "more" }]] } });
  });

  it("words the length error of an edit the way Telegram does", async () => {
    const sent = await api.sendMessage(OLENA, "x");
    await expect(api.editMessageText(OLENA, sent.message_id, "x".repeat(4097))).rejects.toEqual(
      rejection("Bad Request: MESSAGE_TOO_LONG"),
    );
  });

  it("reports edits and deletions of messages that are not there", async () => {
    const sent = await api.sendMessage(OLENA, "x");
    await expect(api.editMessageText(OLENA, 999, "y")).rejects.toEqual(rejection("Bad Request: message to edit not found"));
    await expect(api.deleteMessage(OLENA, sent.message_id)).resolves.toBe(true);
    expect(fake.messages(OLENA)).toMatchObject([{ text: "x", deleted: true }]);
    await expect(api.deleteMessage(OLENA, sent.message_id)).rejects.toEqual(rejection("Bad Request: message to delete not found"));
    await expect(api.editMessageText(OLENA, sent.message_id, "y")).rejects.toEqual(rejection("Bad Request: message to edit not found"));
  });

  it("does not let the bot edit what the user wrote", async () => {
    fake.injectMessage(OLENA, OLENA, { text: "мій лист" });
    await expect(api.editMessageText(OLENA, 1, "змінено")).rejects.toEqual(rejection("Bad Request: message can't be edited"));
  });
});

describe("who the bot may write to", () => {
  it("answers chat not found for a chat the bot does not know, before looking at the text", async () => {
    await expect(api.sendMessage(777, "x")).rejects.toEqual(rejection("Bad Request: chat not found"));
    await expect(api.sendMessage(777, "x".repeat(5000))).rejects.toEqual(rejection("Bad Request: chat not found"));
  });

  it("reports unescaped HTML before the chat, as the Bot API server parses the text first", async () => {
    const unescaped = rejection('Bad Request: can\'t parse entities: Unsupported start tag "3" at byte offset 2');
    await expect(api.sendMessage(777, "a <3 b", { parse_mode: "HTML" })).rejects.toEqual(unescaped);
    await expect(api.editMessageText(OLENA, 999, "a <3 b", { parse_mode: "HTML" })).rejects.toEqual(unescaped);
  });

  it("is forbidden to write to a user who blocked it, and allowed again after unblocking", async () => {
    fake.blockBot(OLENA);
    await expect(api.sendMessage(OLENA, "x")).rejects.toEqual(rejection("Forbidden: bot was blocked by the user", 403));
    fake.unblockBot(OLENA);
    await expect(api.sendMessage(OLENA, "x")).resolves.toMatchObject({ chat: { id: OLENA } });
  });

  it("cannot start a conversation with a user who never wrote to it", async () => {
    fake.addUser({ id: 1002, first_name: "Taras", hasStartedBot: false });
    await expect(api.sendMessage(1002, "x")).rejects.toEqual(rejection("Forbidden: bot can't initiate conversation with a user", 403));
  });

  it("is forbidden to write to groups it was removed from", async () => {
    fake.addGroup({ id: GROUP, title: "Організатори", type: "group" });
    fake.addGroup({ id: SUPERGROUP, title: "Волонтери", type: "supergroup" });
    await expect(api.sendMessage(GROUP, "x")).resolves.toMatchObject({ from: { id: fake.botId } });
    fake.setMember(GROUP, fake.botId, "kicked");
    fake.setMember(SUPERGROUP, fake.botId, "kicked");
    await expect(api.sendMessage(GROUP, "x")).rejects.toEqual(rejection("Forbidden: bot was kicked from the group chat", 403));
    await expect(api.sendMessage(SUPERGROUP, "x")).rejects.toEqual(
      rejection("Forbidden: bot was kicked from the supergroup chat", 403),
    );
  });

  it("needs posting rights in a channel and posts as the channel", async () => {
    fake.addChannel({ id: CHANNEL, title: "Новини справ", username: "lysty_news" });
    const post = await api.sendMessage("@lysty_news", "Новина");
    expect(post).toMatchObject({ chat: { id: CHANNEL }, sender_chat: { id: CHANNEL } });
    expect(post.from).toBeUndefined();
    fake.setMember(CHANNEL, fake.botId, "administrator", { can_post_messages: false });
    await expect(api.sendMessage(CHANNEL, "x")).rejects.toEqual(rejection("Bad Request: need administrator rights in the channel chat"));
  });
});

describe("copies and forwards", () => {
  it("copies a user's letter to the organisers' group with a new id and no link to the original", async () => {
    fake.addGroup({ id: GROUP, title: "Організатори", type: "group" });
    fake.injectMessage(OLENA, OLENA, { text: "Дорогий Олеже" });
    const copy = await api.copyMessage(GROUP, OLENA, 1);
    expect(fake.messages(GROUP)).toMatchObject([{ message_id: copy.message_id, text: "Дорогий Олеже" }]);
    expect(fake.lastMessage(GROUP)?.forward_origin).toBeUndefined();
    const forwarded = await api.forwardMessage(GROUP, OLENA, 1);
    expect(forwarded.forward_origin).toMatchObject({ type: "user", sender_user: { id: OLENA } });
    await expect(api.copyMessage(GROUP, OLENA, 99)).rejects.toEqual(rejection("Bad Request: message to copy not found"));
  });
});

describe("channel discussion groups", () => {
  it("copies each channel post into the linked discussion group as an automatic forward that people reply to", async () => {
    fake.addChannel({ id: CHANNEL, title: "Letters" });
    fake.setMember(CHANNEL, fake.botId, "administrator", { can_post_messages: true });
    fake.addGroup({ id: SUPERGROUP, title: "Letters chat", type: "supergroup" });
    fake.linkDiscussion(CHANNEL, SUPERGROUP);
    const post = await api.sendMessage(CHANNEL, "A card");
    const copy = fake.discussionCopy(CHANNEL, post.message_id);
    expect(copy).toMatchObject({
      text: "A card",
      is_automatic_forward: true,
      from: { id: 777000 },
      sender_chat: { id: CHANNEL },
      forward_origin: { type: "channel", chat: { id: CHANNEL }, message_id: post.message_id },
    });
    expect((await api.getChat(CHANNEL)).linked_chat_id).toBe(SUPERGROUP);
    expect((await api.getChat(SUPERGROUP)).linked_chat_id).toBe(CHANNEL);
  });
});
