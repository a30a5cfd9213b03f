import { Composer } from "grammy";
import type { Letter } from "../../../db/tables/letters.js";
import { keepOwnLetterReply, markOwnLetter } from "../../../services/letters/history.js";
import { callbackData } from "../../../telegram/callback-data.js";
import type { BotContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";

/** `/letters` buttons for a letter the writer sent themselves: "I sent it" (`lss:<id>`), "A reply came" (`lsr:<id>`). */
const markSelfSent = callbackData("lss", 1);
const markSelfReply = callbackData("lsr", 1);

/** Only letters the writer posts or submits themselves; organisers set these statuses for relayed letters. */
export function selfSentButton(letter: Pick<Letter, "id" | "route" | "status">): { key: string; data: string } | undefined {
  if (letter.route !== "fsin_pismo" && letter.route !== "post") return undefined;
  if (letter.status === "finished") return { key: "routes-self-button-sent", data: markSelfSent.pack(letter.id) };
  if (letter.status === "sent") return { key: "routes-self-button-reply", data: markSelfReply.pack(letter.id) };
  return undefined;
}

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

/** The reference in the bot's "a reply came" message, which the writer answers with a photo to keep it. */
const REFERENCE_IN_TEXT = /L-\d{4}-[0-9A-Z]+/;

async function markLetter(ctx: BotContext, letterId: number, to: "sent" | "reply_received"): Promise<Letter | undefined> {
  return ctx.from ? markOwnLetter(ctx.deps, ctx.from.id, letterId, to) : undefined;
}

privateChats.callbackQuery(markSelfSent.pattern, async (ctx) => {
  const letter = await markLetter(ctx, Number(markSelfSent.unpack(ctx.callbackQuery.data)?.[0]), "sent");
  await ctx.answerCallbackQuery(letter ? {} : { text: ctx.t("routes-self-unavailable"), show_alert: true });
  if (letter) await ctx.reply(ctx.t("routes-self-sent", { reference: letter.reference ?? "" }));
});

privateChats.callbackQuery(markSelfReply.pattern, async (ctx) => {
  const letter = await markLetter(ctx, Number(markSelfReply.unpack(ctx.callbackQuery.data)?.[0]), "reply_received");
  await ctx.answerCallbackQuery(letter ? {} : { text: ctx.t("routes-self-unavailable"), show_alert: true });
  if (letter) await ctx.reply(ctx.t("routes-self-reply", { reference: letter.reference ?? "" }));
});

/**
 * A photo or file sent in answer to "a reply came for L-…": kept (its Telegram file id) for this writer only, shown
 * in /mydata and deleted by /forget. Any other photo passes on to the features that handle it.
 */
privateChats.on(["message:photo", "message:document"], async (ctx, next) => {
  const repliedTo = ctx.message.reply_to_message;
  const reference = repliedTo?.from?.id === ctx.me.id ? REFERENCE_IN_TEXT.exec(repliedTo.text ?? "")?.[0] : undefined;
  if (!reference) return next();
  const photo = ctx.message.photo?.at(-1);
  const file = photo ?? ctx.message.document;
  if (!file) return next();
  const kept = await keepOwnLetterReply(ctx.deps, { writerId: ctx.from.id, reference, kind: photo ? "photo" : "document", fileId: file.file_id, messageId: ctx.message.message_id });
  if (!kept) return next();
  await ctx.reply(ctx.t("routes-self-reply-kept", { reference: escapeHtml(reference) }));
});

export { composer as selfSentFeature };
