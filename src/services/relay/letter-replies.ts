import { escapeHtml } from "../../telegram/html.js";
import { addLetterReply, getLetterReply } from "../../db/repositories/letter-replies.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { audit } from "../../db/repositories/roles.js";
import { findUser, markUserBlocked } from "../../db/repositories/users.js";
import { relayByCard } from "../../db/repositories/relay.js";
import { isForgetRequested } from "../../db/repositories/privacy.js";
import { getLetterReference } from "../../db/repositories/letters.js";
import { type DB, inTransaction } from "../../db/database.js";
import type { LetterReplyKind } from "../../db/tables/routes.js";
import { canTransition } from "../../domain/letters/status.js";
import { enqueue, type OutboxHandlers } from "../../outbox/index.js";
import { prisonerName } from "../../domain/directory/names.js";
import type { CardAnswer } from "./card.js";
import { NOTICE_PRIORITY, notifyPerson } from "./notices.js";
import { changeRelayedLetterStatus } from "./status-change.js";
import { translator } from "../../telegram/i18n.js";
import { resolveLocale, STORED_LOCALE_FALLBACK } from "../../telegram/locale.js";
import type { Clock } from "../../clock.js";

/** Telegram bots may download files up to 20 MB; a scan of a handwritten reply is far smaller. */
export const MAX_REPLY_BYTES = 20 * 1024 * 1024;

export interface OrganiserReplyInput extends CardAnswer {
  /** The organiser's message carrying the reply, copied to the writer; its chat when not the card's (a channel's discussion group). */
  messageId: number;
  replyChatId?: number;
  kind: LetterReplyKind;
  fileId: string;
}

export type OrganiserReplyResult =
  /** `replyId` null: the organiser's message was passed on before (Telegram delivered it again), nothing was done. */
  | { ok: true; letterId: number; reference: string; replyId: number | null }
  | { ok: false; reason: "not-a-card" | "not-allowed-role" | "writer-gone" | "letter-closed" };

/**
 * An organiser answered a relayed letter's card with the prisoner's reply (a photo or document): it is recorded
 * (file id only), the letter moves to "reply received" when it was sent, and the writer gets the file with the
 * letter's reference and the prisoner's name — all in one transaction, through the outbox. The same message delivered
 * again by Telegram (its id is unique in its chat) changes nothing and is answered as passed on (issue 14, item 5).
 */
export async function receiveOrganiserReply(db: DB, input: OrganiserReplyInput): Promise<OrganiserReplyResult> {
  return inTransaction(db, async (trx): Promise<OrganiserReplyResult> => {
    const relay = await relayByCard(trx, input.chatId, input.cardMessageId);
    if (!relay) return { ok: false, reason: "not-a-card" };
    if (!(await input.mayAct(trx, relay.campaign_slug))) return { ok: false, reason: "not-allowed-role" };
    if (relay.status === "discarded" || relay.status === "closed") return { ok: false, reason: "letter-closed" };
    const writer = await findUser(trx, relay.writer_id);
    if (!writer || (await isForgetRequested(trx, relay.writer_id))) return { ok: false, reason: "writer-gone" };

    const letterId = Number(relay.id);
    const reference = relay.reference ?? `#${letterId}`;
    const replyId = await addLetterReply(trx, {
      letterId,
      writerId: relay.writer_id,
      kind: input.kind,
      fileId: input.fileId,
      fromChatId: input.replyChatId ?? input.chatId,
      postedBy: input.organiserId,
      messageId: input.messageId,
      now: input.now,
    });
    if (replyId === undefined) return { ok: true, letterId, reference, replyId: null };
    if (canTransition(relay.status, "reply_received")) {
      // The usual status change (audit, the card's new status line) without the "organisers will tell you how to get
      // it" notice: the reply itself follows, with its caption.
      await changeRelayedLetterStatus(trx, { letterId, to: "reply_received", actorId: input.organiserId, now: input.now, mayAct: input.mayAct, notifyWriter: false });
    }
    await audit(trx, { actorId: input.organiserId, action: "letter.reply_forwarded", target: `letter:${letterId}`, details: { campaign: relay.campaign_slug, kind: input.kind }, at: input.now });

    const locale = resolveLocale(writer.locale, STORED_LOCALE_FALLBACK);
    const prisoner = await getPrisonerBySlug(trx, relay.prisoner_slug);
    const caption = translator(STORED_LOCALE_FALLBACK)(locale, "routes-reply-caption", {
      reference: escapeHtml(reference),
      prisoner: escapeHtml(prisoner ? prisonerName(prisoner.names, locale, "prose") : relay.prisoner_slug),
    });
    // A copy, not a forward: the writer sees the scan with our caption, not which organiser posted it.
    await enqueue(
      trx,
      {
        kind: "reply",
        ref: replyRef(replyId),
        chatId: relay.writer_id,
        priority: NOTICE_PRIORITY,
        method: "copyMessage",
        payload: { from_chat_id: input.replyChatId ?? input.chatId, message_id: input.messageId, caption, parse_mode: "HTML" },
      },
      { now: input.now },
    );
    return { ok: true, letterId, reference, replyId };
  });
}

export function replyRef(replyId: number): string {
  return `reply:${replyId}`;
}

function parseReplyRef(ref: string): number | undefined {
  const match = /^reply:(\d+)$/.exec(ref);
  return match ? Number(match[1]) : undefined;
}

/**
 * Outbox kind "reply": a prisoner's answer on its way to the writer. A writer who blocked the bot is marked so, and
 * the organiser who posted the reply hears that it could not be delivered (nothing is retried).
 */
export function letterReplyOutboxHandlers(deps: { clock: Clock }): OutboxHandlers {
  return {
    reply: {
      async onForbidden(db, row) {
        const now = deps.clock.now();
        await markUserBlocked(db, row.chat_id, now);
        const replyId = parseReplyRef(row.ref);
        const reply = replyId === undefined ? undefined : await getLetterReply(db, replyId);
        if (reply?.posted_by) {
          const letter = await getLetterReference(db, reply.letter_id);
          await notifyPerson(db, reply.posted_by, `reply-undelivered-${reply.id}`, "routes-reply-writer-blocked", () => ({ reference: escapeHtml(letter?.reference ?? `#${reply.letter_id}`) }), now);
        }
        return "failed" as const;
      },
    },
  };
}
