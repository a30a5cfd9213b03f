import type { InlineKeyboardMarkup } from "grammy/types";
import { getRelayWithStatus } from "../../db/repositories/relay.js";
import type { LetterStatus } from "../../domain/letters/status.js";
import { translator } from "../../telegram/i18n.js";
import type { ServiceDeps } from "../deps.js";
import { type Actor, mayActForCampaign } from "../organisers/roles.js";
import { cardKeyboard, returnReasonKeyboard } from "./buttons.js";

export type CardButtons =
  | { kind: "ok"; markup: InlineKeyboardMarkup }
  | { kind: "stale" }
  | { kind: "not-your-campaign" }
  | { kind: "conflict"; status: LetterStatus };

/**
 * The buttons a relayed letter's card shows after "Return" (the reasons) or "Back" (the usual ones), in the card's
 * language. Nothing changes in the database, but the same role check applies as for a status change.
 */
export async function cardButtonsFor(deps: ServiceDeps, who: Actor, letterId: number, action: "return" | "back"): Promise<CardButtons> {
  const relay = await getRelayWithStatus(deps.db, letterId);
  if (!relay) return { kind: "stale" };
  if (!(await mayActForCampaign(deps.db, who, relay.campaign_slug))) return { kind: "not-your-campaign" };
  if (action === "return" && relay.status !== "relayed" && relay.status !== "accepted") return { kind: "conflict", status: relay.status };
  const t = translator(deps.config.defaultLocale);
  const markup =
    action === "return" ? returnReasonKeyboard(letterId, relay.card_locale, t) : cardKeyboard(letterId, relay.status, relay.card_locale, t);
  return { kind: "ok", markup };
}
