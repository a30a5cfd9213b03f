import { type BotError, GrammyError, HttpError } from "grammy";
import type { BotContext } from "../context.js";

/** A short, message-free description of an error for the logs. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof GrammyError) {
    return { kind: "telegram", method: error.method, code: error.error_code, description: error.description };
  }
  if (error instanceof HttpError) return { kind: "network", message: error.message };
  if (error instanceof Error) return { kind: error.name, message: error.message, stack: error.stack };
  return { kind: typeof error };
}

/**
 * Logs what failed (never the message text) and tells the person, in their language, that something went wrong, so
 * no update is met with silence. A failure to apologise is logged and swallowed.
 */
export async function handleBotError(error: BotError<BotContext>): Promise<void> {
  const ctx = error.ctx;
  ctx.failure = error.error;
  const logger = ctx.logger ?? ctx.deps?.logger;
  logger?.error({ err: describeError(error.error), update_id: ctx.update.update_id }, "update failed");
  if (ctx.chat?.type !== "private") {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    return;
  }
  const text = typeof ctx.t === "function" ? ctx.t("error-generic") : "Something went wrong. Please try again.";
  try {
    if (ctx.callbackQuery) {
      // The press may already have been answered before the failure, or be too old for an answer (Telegram refuses
      // both); then only a message can reach the person. The API itself, not the context's shortcut, which takes a
      // refusal as answered (press-answer.ts), so that any failure of the alert is known here.
      const answered = await ctx.api.answerCallbackQuery(ctx.callbackQuery.id, { text, show_alert: true }).then(
        () => true,
        () => false,
      );
      if (answered) return;
    }
    await ctx.reply(text);
  } catch (replyError) {
    logger?.warn({ err: describeError(replyError) }, "could not report the error to the user");
  }
}
