import { audit } from "../../db/repositories/roles.js";
import { getLetterOfWriter, getLetterStatus, setLetterStatus, type SetLetterStatusResult } from "../../db/repositories/letters.js";
import { loadTarget, type TargetLookup } from "../letters/letters.js";
import type { ServiceDeps } from "../deps.js";
import { getRelay } from "../../db/repositories/relay.js";
import type { LetterStatus } from "../../domain/letters/status.js";
import { enqueue } from "../../outbox/index.js";
import { cardKeyboard, type ReturnReason } from "./buttons.js";
import { renderCard } from "./card.js";
import { notifyWriter, type WriterEvent } from "./notices.js";
import { RELAY_PRIORITY } from "./relay-letter.js";
import { relayRef } from "../../domain/letters/relay-refs.js";
import { translator } from "../../telegram/i18n.js";
import { STORED_LOCALE_FALLBACK } from "../../telegram/locale.js";
import { type DB, inTransaction } from "../../db/database.js";

/** Statuses organisers move a relayed letter to. */
export type OrganiserStatus = WriterEvent;

export interface StatusChangeInput {
  letterId: number;
  to: OrganiserStatus;
  actorId: number;
  reason?: ReturnReason;
  now: Date;
  /** False when the writer hears of it otherwise (the reply itself arrives with its own caption). */
  notifyWriter?: boolean;
  /** Asked inside the transaction (read through `db`), with the letter's campaign: the role as it is now. */
  mayAct(db: DB, campaignSlug: string): Promise<boolean>;
}

export type StatusChangeResult =
  | { ok: true; campaignSlug: string; from: LetterStatus }
  | { ok: false; reason: "not-found" | "not-allowed-role" }
  | { ok: false; reason: "not-allowed-status"; current: LetterStatus };

/**
 * One organiser decision, all in one transaction: role check, the allowed-transition check, the new status, the
 * audit entry, the writer's notice and the card's new status line (both through the outbox).
 */
export async function changeRelayedLetterStatus(db: DB, input: StatusChangeInput): Promise<StatusChangeResult> {
  const run = async (trx: DB): Promise<StatusChangeResult> => {
    const relay = await getRelay(trx, input.letterId);
    if (!relay) return { ok: false, reason: "not-found" };
    if (!(await input.mayAct(trx, relay.campaign_slug))) return { ok: false, reason: "not-allowed-role" };
    const before = await getLetterStatus(trx, input.letterId);
    if (!before) return { ok: false, reason: "not-found" };
    const changed = await setLetterStatus(trx, input.letterId, input.to, {
      now: input.now,
      ...(input.reason ? { returnReason: input.reason } : {}),
    });
    if (!changed.ok) {
      return changed.reason === "not-found" ? { ok: false, reason: "not-found" } : { ok: false, reason: "not-allowed-status", current: changed.from };
    }
    await audit(trx, {
      actorId: input.actorId,
      action: `letter.${input.to}`,
      target: `letter:${input.letterId}`,
      details: { campaign: relay.campaign_slug, from: before, to: input.to, ...(input.reason ? { reason: input.reason } : {}) },
      at: input.now,
    });
    if (input.notifyWriter !== false) await notifyWriter(trx, changed.letter, input.to, input.now);
    await enqueueCardUpdate(trx, input.letterId, input.to, input.now);
    return { ok: true, campaignSlug: relay.campaign_slug, from: before };
  };
  return inTransaction(db, run);
}

/**
 * Rewrites the card's status line and buttons. Skipped while the card has not been posted yet (it is then still
 * queued with its original status, which nobody could have changed without its buttons, except a print batch).
 */
export async function enqueueCardUpdate(db: DB, letterId: number, status: LetterStatus, now: Date): Promise<void> {
  const relay = await getRelay(db, letterId);
  if (!relay || relay.card_message_id === null) return;
  const t = translator(STORED_LOCALE_FALLBACK);
  await enqueue(
    db,
    {
      kind: "relay",
      ref: relayRef(letterId, "edit"),
      chatId: relay.chat_id,
      priority: RELAY_PRIORITY,
      method: "editMessageText",
      payload: {
        message_id: relay.card_message_id,
        text: renderCard(relay.card_html, status, now, relay.card_locale, t),
        parse_mode: "HTML",
        reply_markup: cardKeyboard(letterId, status, relay.card_locale, t),
      },
    },
    { now },
  );
}

export type ReopenResult = SetLetterStatusResult | { ok: false; reason: "not-writable"; lookup: Exclude<TargetLookup, { kind: "ok" }> };

/**
 * The writer takes a returned letter back as a draft (their own letter only), to fix it and send it again — unless
 * the person can no longer be written to (released, transferred to an unknown place since): then the letter stays
 * returned, and the refusal says why and what the writer can do instead, rather than a draft nothing can send.
 */
export async function reopenReturnedLetter(deps: ServiceDeps, writerId: number, letterId: number): Promise<ReopenResult> {
  const letter = await getLetterOfWriter(deps.db, letterId, writerId);
  if (letter?.status === "returned") {
    const lookup = await loadTarget(deps, letter.prisoner_slug, writerId, { withDraft: false });
    if (lookup.kind !== "ok") return { ok: false, reason: "not-writable", lookup };
  }
  return setLetterStatus(deps.db, letterId, "draft", { now: deps.clock.now(), writerId });
}
