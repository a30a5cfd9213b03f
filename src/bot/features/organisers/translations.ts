import { Composer } from "grammy";
import { receiveTranslation, setChatTranslation } from "../../../services/relay/translations.js";
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

/**
 * An organiser answers the card of a letter that asked for a translation with the Russian text: it becomes the text
 * that is printed, and the writer receives it. Any other text reply (people talking about a letter) passes through.
 */
groups.on("message:text", async (ctx, next) => {
  const message = ctx.message;
  const card = answeredCard(message, ctx.chat.id, ctx.me.id);
  if (!card || message.text.startsWith("/")) return next();
  const result = await receiveTranslation(ctx.deps.db, {
    chatId: card.chatId,
    cardMessageId: card.messageId,
    organiserId: ctx.from.id,
    text: message.text,
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
});

export { composer as translationsFeature };
