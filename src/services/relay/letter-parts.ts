import { escapeHtml } from "../../telegram/html.js";
import { renderLetterBody } from "../../domain/letters/letter-file.js";
import { splitForTelegram, TELEGRAM_MESSAGE_LIMIT } from "../../domain/letters/split-for-telegram.js";

/** Beyond two messages (about 8,000 characters) a letter is easier to print from a file than to scroll through. */
export const MAX_TEXT_MESSAGES = 2;
/** Room for the «L-2611-7K3Q · 2/3» line above each part. */
const HEADER_ROOM = 96;

export type LetterParts = { kind: "messages"; messages: string[] } | { kind: "file" };

/**
 * The letter as it goes to the prisoner (text, then signature), cut at paragraph or sentence boundaries into
 * messages each headed by the reference, HTML-escaped; or "file" when it would take too many messages.
 */
export function letterMessages(input: { reference: string; text: string; signature: { name: string; city?: string } }): LetterParts {
  const body = renderLetterBody(input.text, input.signature);
  const pieces = splitForTelegram(body, TELEGRAM_MESSAGE_LIMIT - HEADER_ROOM);
  if (pieces.length > MAX_TEXT_MESSAGES) return { kind: "file" };
  const reference = escapeHtml(input.reference);
  return {
    kind: "messages",
    messages: pieces.map((piece, index) => `<b>${reference}</b> · ${index + 1}/${pieces.length}\n\n${escapeHtml(piece)}`),
  };
}
