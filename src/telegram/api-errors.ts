import { GrammyError } from "grammy";

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

/** A Bot API refusal about the chat or the bot's access to it, as opposed to a bug or a network failure. */
export function isChatAccessError(error: unknown): error is GrammyError {
  return error instanceof GrammyError && (error.error_code === 403 || error.error_code === 400);
}
