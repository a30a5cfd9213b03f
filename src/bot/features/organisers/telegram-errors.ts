import { GrammyError } from "grammy";

/** Telegram refuses an edit that changes nothing (a second press, a repeated status): that is not a failure. */
export function ignoreNotModified(error: unknown): void {
  if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return;
  throw error;
}

/** A Bot API refusal about the chat or the bot's access to it, as opposed to a bug or a network failure. */
export function isChatAccessError(error: unknown): error is GrammyError {
  return error instanceof GrammyError && (error.error_code === 403 || error.error_code === 400);
}
