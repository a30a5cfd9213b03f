import { type ApiClientOptions, Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { nextUpdateId, privateTextUpdate } from "../helpers/updates.js";

/** The update that tests and benches hand to `bot.handleUpdate` themselves: grammY must read it as Telegram's. */
const BOT_INFO = { id: 1, is_bot: true, first_name: "B", username: "b_bot" } as UserFromGetMe;
const noTelegram = (async () => {
  throw new Error("no Bot API call expected");
}) as unknown as ApiClientOptions["fetch"];

describe("privateTextUpdate", () => {
  it("is a text message from the user in their private chat; a leading command is a command with its payload", async () => {
    const bot = new Bot("1:a", { botInfo: BOT_INFO, client: { fetch: noTelegram } });
    const seen: string[] = [];
    const privateChat = bot.chatType("private");
    privateChat.command("start", (ctx) => void seen.push(`start ${ctx.match} from ${ctx.from.id} in ${ctx.chat.id} (${ctx.from.language_code ?? "-"})`));
    privateChat.on("message:text", (ctx) => void seen.push(`text ${ctx.msg.text} from ${ctx.from.id} in ${ctx.chat.id}`));
    bot.on("message", () => void seen.push("not private"));

    await bot.handleUpdate(privateTextUpdate(42, "/start w_kagarlitsky-boris", { languageCode: "en" }));
    await bot.handleUpdate(privateTextUpdate(7, "Добрий день /start"));
    await bot.handleUpdate(privateTextUpdate(7, "/startle"));
    expect(seen).toEqual(["start w_kagarlitsky-boris from 42 in 42 (en)", "text Добрий день /start from 7 in 7", "text /startle from 7 in 7"]);
  });

  it("takes a new update and message id every time, shared with nextUpdateId", () => {
    const first = privateTextUpdate(1, "a");
    const between = nextUpdateId();
    const second = privateTextUpdate(1, "a");
    expect(between).toBe(first.update_id + 1);
    expect(second.update_id).toBe(between + 1);
    expect(second.message?.message_id).toBe(second.update_id);
    expect(first.message).toMatchObject({ date: 0, chat: { id: 1, type: "private" }, from: { id: 1, is_bot: false }, text: "a" });
    expect(first.message?.entities).toBeUndefined();
  });
});
