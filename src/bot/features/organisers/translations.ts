import { Composer } from "grammy";
import type { Message } from "grammy/types";
import type { MessageRef } from "../../../db/message-ref.js";
import { receiveTranslation, setChatTranslation } from "../../../services/relay/translations.js";
import { downloadTelegramFile, FileTooLargeError } from "../../../telegram/files.js";
import type { BotContext } from "../../context.js";
import { mayActFor } from "../../roles.js";
import { answeredCard } from "./answered-card.js";

const composer = new Composer<BotContext>();
const groups = composer.chatType(["group", "supergroup"]);

/** `/translation on|off` in a linked chat: whether its organisers translate letters written in Ukrainian or English. */
groups.command("translation", async (ctx) => {
  const answer = (key: string) => ctx.reply(ctx.t(key), { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } });
  const arg = ctx.match.trim().toLowerCase();
  if (arg !== "on" && arg !== "off") return void (await answer("routes-translation-usage"));
  const { changed, linked } = await setChatTranslation(ctx.deps.db, {
    chatId: ctx.chat.id,
    on: arg === "on",
    actorId: ctx.from.id,
    now: ctx.deps.clock.now(),
    mayAct: mayActFor(ctx),
  });
  if (!linked) return void (await answer("routes-translation-not-linked"));
  if (changed === 0) return void (await answer("routes-translation-not-allowed"));
  ctx.deps.logger.info({ chat_id: ctx.chat.id, on: arg === "on", links: changed }, "translation offer changed");
  await answer(arg === "on" ? "routes-translation-turned-on" : "routes-translation-turned-off");
});

/** A translation sent as a file: plain text only, at most this big (a 12,000-character letter is ~24 KB in UTF-8). */
const MAX_TRANSLATION_FILE_BYTES = 64 * 1024;
const DOWNLOAD_TIMEOUT_MS = 30_000;

/**
 * An organiser answers the card of a letter that asked for a translation with the Russian text, typed or as a .txt
 * file: it becomes the text that is printed, and the writer receives it. Any other reply (people talking about a
 * letter, the prisoner's answer as a photo or document) passes through to the features behind.
 */
groups.on("message:text", async (ctx, next) => {
  const message = ctx.message;
  const card = answeredCard(message, ctx.chat.id, ctx.me.id);
  if (!card || message.text.startsWith("/")) return next();
  await takeTranslation(ctx, card, message, message.text, next);
});

groups.on("message:document", async (ctx, next) => {
  const message = ctx.message;
  const { document } = message;
  const card = answeredCard(message, ctx.chat.id, ctx.me.id);
  const isText = document.mime_type === "text/plain" || /\.txt$/i.test(document.file_name ?? "");
  if (!card || !isText || message.forward_origin) return next();
  const reply_parameters = { message_id: message.message_id, allow_sending_without_reply: true };
  const { config } = ctx.deps;
  let text: string;
  try {
    const bytes = await downloadTelegramFile(ctx.api, { apiRoot: config.telegramApiRoot, token: config.botToken }, document.file_id, {
      maxBytes: MAX_TRANSLATION_FILE_BYTES,
      timeoutMs: DOWNLOAD_TIMEOUT_MS,
    });
    // A file that is not UTF-8 would become mojibake on paper: refuse it rather than guess its encoding.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "").trim();
  } catch (error) {
    if (!(error instanceof FileTooLargeError) && !(error instanceof TypeError)) {
      ctx.deps.logger.warn({ chat_id: ctx.chat.id, reason: (error as Error).message }, "translation file not downloaded");
    }
    // Whether the card asked for a translation is only known to the service: a file answering another card is the
    // prisoner's reply, for the replies feature.
    return next();
  }
  if (text === "") return void (await ctx.reply(ctx.t("routes-translation-file-empty"), { reply_parameters }));
  await takeTranslation(ctx, card, message, text, next);
});

async function takeTranslation(
  ctx: BotContext & { chat: { id: number }; from: { id: number } },
  card: MessageRef,
  message: Message,
  text: string,
  next: () => Promise<void>,
): Promise<void> {
  const result = await receiveTranslation(ctx.deps.db, {
    chatId: card.chatId,
    cardMessageId: card.messageId,
    message: { chatId: ctx.chat.id, messageId: message.message_id },
    organiserId: ctx.from.id,
    text,
    now: ctx.deps.clock.now(),
    mayAct: mayActFor(ctx),
  });
  if (!result.ok && (result.reason === "not-a-card" || result.reason === "not-requested")) return next();
  const reply_parameters = { message_id: message.message_id, allow_sending_without_reply: true };
  if (!result.ok) {
    ctx.deps.logger.info({ chat_id: ctx.chat.id, user_id: ctx.from.id, refused: result.reason }, "translation not taken");
    return void (await ctx.reply(ctx.t(`routes-translation-refused-${result.reason}`), { reply_parameters }));
  }
  ctx.deps.logger.info({ letter_id: result.letterId }, "translation received");
  await ctx.reply(`${ctx.t("routes-translation-saved", { reference: result.reference })}\n${result.summaryLine}`, { parse_mode: "HTML", reply_parameters });
}

export { composer as translationsFeature };
