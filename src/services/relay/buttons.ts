import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { callbackData } from "../../telegram/callback-data.js";
import type { LetterStatus } from "../../domain/letters/status.js";
import type { Translate } from "../../telegram/i18n.js";

/** Organiser buttons under a relayed letter's card: `orga:<action>:<letterId>`. */
export const cardAction = callbackData("orga", 2);
/** A preset return reason chosen: `orgr:<letterId>:<reason>`. */
export const returnWithReason = callbackData("orgr", 2);
/** The writer asks for a returned letter back as a draft: `orgw:<letterId>`. */
export const reopenReturned = callbackData("orgw", 1);

export const CARD_ACTIONS = ["accept", "return", "printed", "sent", "reply", "back"] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** Preset reasons; the letter keeps the code and each reader sees `organisers-return-reason-<code>` in their language. */
export const RETURN_REASONS = ["language", "wording", "address"] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** The status each action moves a letter to; `return` first asks for a reason, `back` closes that question. */
export const ACTION_STATUS = {
  accept: "accepted",
  printed: "printed",
  sent: "sent",
  reply: "reply_received",
} as const satisfies Partial<Record<CardAction, LetterStatus>>;

const button = (text: string, data: string): InlineKeyboardButton => ({ text, callback_data: data });

/** Plain JSON (the outbox stores payloads as JSON): what organisers can do next with a letter in this status. */
export function cardKeyboard(letterId: number, status: LetterStatus, locale: string, t: Translate): InlineKeyboardMarkup {
  const act = (action: CardAction) => button(t(locale, `organisers-button-${action}`), cardAction.pack(action, letterId));
  switch (status) {
    case "relayed":
      return { inline_keyboard: [[act("accept"), act("return")]] };
    case "accepted":
      return { inline_keyboard: [[act("printed"), act("return")]] };
    case "printed":
      return { inline_keyboard: [[act("sent")]] };
    case "sent":
      return { inline_keyboard: [[act("reply")]] };
    default:
      return { inline_keyboard: [] };
  }
}

export function returnReasonKeyboard(letterId: number, locale: string, t: Translate): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      ...RETURN_REASONS.map((reason) => [button(t(locale, `organisers-return-reason-${reason}`), returnWithReason.pack(letterId, reason))]),
      [button(t(locale, "organisers-button-back"), cardAction.pack("back", letterId))],
    ],
  };
}

export function isReturnReason(value: string | undefined): value is ReturnReason {
  return (RETURN_REASONS as readonly string[]).includes(value ?? "");
}
