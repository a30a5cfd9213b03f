import { GrammyError, HttpError } from "grammy";

/**
 * Kinds of Bot API refusal the bot treats differently, decided in one place. An edit that changes nothing (a second
 * press, a repeated status, a progress line already shown) is refused as "message is not modified": not a failure.
 */
export function isNotModified(error: unknown): error is GrammyError {
  return error instanceof GrammyError && /message is not modified/i.test(error.description);
}

/** Swallows "message is not modified" and rethrows anything else. */
export function ignoreNotModified(error: unknown): void {
  if (isNotModified(error)) return;
  throw error;
}

/**
 * Telegram's refusal of an answer to a button press: the press was answered already (the update delivered again) or
 * was made more than about 15 s ago (an update handled after a restart, or by a starved process). Telegram words
 * both alike, 400 "query is too old and response timeout expired or query ID is invalid" (QUERY_ID_INVALID).
 */
export function isRefusedPressAnswer(error: unknown): error is GrammyError {
  return (
    error instanceof GrammyError &&
    error.method === "answerCallbackQuery" &&
    error.error_code === 400 &&
    /query is too old|query id is invalid|QUERY_ID_INVALID/i.test(error.description)
  );
}

/** A Bot API refusal about the chat or the bot's access to it, as opposed to a bug or a network failure. */
export function isChatAccessError(error: unknown): error is GrammyError {
  return error instanceof GrammyError && (error.error_code === 403 || error.error_code === 400);
}

/** Telegram cannot be reached or is overloaded (network failure, timeout, 5xx, 429): worth waiting for at start-up. */
export function isTelegramUnavailable(error: unknown): boolean {
  if (error instanceof HttpError) return true;
  return error instanceof GrammyError && (error.error_code >= 500 || error.error_code === 429);
}
