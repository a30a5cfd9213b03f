import { campaignsOfChat, markChatBroken, moveCampaignChat } from "../../db/repositories/campaign-chats.js";
import { getRelay, moveRelayedLetters, setCardMessageId } from "../../db/repositories/relay.js";
import { getLetterReference, getLetterStatus } from "../../db/repositories/letters.js";
import type { Clock } from "../../clock.js";
import type { DB } from "../../db/database.js";
import type { Logger } from "../../logger.js";
import type { OutboxError, OutboxHandlers, OutboxRow } from "../../outbox/index.js";
import { alertChatBroken, alertRelayFailed } from "./notices.js";
import { parseRelayRef } from "../../domain/letters/relay-refs.js";
import { enqueueCardUpdate } from "./status-change.js";

export interface RelayHandlerDeps {
  clock: Clock;
  logger: Logger;
  /** BOT_ADMINS: they hear about every broken chat and every letter Telegram refused. */
  admins: readonly number[];
}

const describe = (error: OutboxError) => `${error.code}: ${error.description}`;

/**
 * Outbox handlers of the "relay" kind: posts and card edits in organisers' chats. They run inside the transaction
 * that records each row's outcome. Private notices (kind "notice") use the shared handler in
 * src/services/outbox-handlers.ts.
 */
export function relayOutboxHandlers(deps: RelayHandlerDeps): OutboxHandlers {
  return {
    relay: {
      async onSent(db, row, sent) {
        const ref = parseRelayRef(row.ref);
        if (ref?.part !== "card" || sent.messageId === null) return;
        await setCardMessageId(db, ref.letterId, row.chat_id, sent.messageId);
        // Posted late (held, then released): organisers may have moved the letter on meanwhile (a print batch).
        const status = await getLetterStatus(db, ref.letterId);
        if (status && status !== "relayed") await enqueueCardUpdate(db, ref.letterId, status, deps.clock.now());
      },
      async onForbidden(db, row, error) {
        const ref = parseRelayRef(row.ref);
        const links = await campaignsOfChat(db, row.chat_id);
        // A status edit for a chat no campaign uses any more would wait forever for nothing.
        if (links.length === 0 && ref?.part === "edit") return "failed";
        const now = deps.clock.now();
        const newlyBroken = await markChatBroken(db, row.chat_id, describe(error), now);
        if (newlyBroken.length > 0) {
          deps.logger.warn({ chat_id: row.chat_id, code: error.code, campaigns: newlyBroken.length }, "organisers' chat refuses posts; letters held");
          await alertChatBroken(db, {
            chatId: row.chat_id,
            title: links[0]?.title ?? null,
            campaignSlugs: newlyBroken,
            lastError: describe(error),
            admins: deps.admins,
            now,
          });
        }
        // Kept until the chat is fixed (re-link, or the bot re-added) or the campaign moves to another chat.
        return "held";
      },
      async onFailed(db, row, error) {
        const ref = parseRelayRef(row.ref);
        if (!ref || ref.part === "edit") return;
        await reportLostPost(db, row, ref.letterId, error);
      },
      async onChatMigrated(db, row, toChatId) {
        await moveCampaignChat(db, row.chat_id, toChatId);
        await moveRelayedLetters(db, row.chat_id, toChatId);
      },
    },
  };

  async function reportLostPost(db: DB, row: OutboxRow, letterId: number, error: OutboxError): Promise<void> {
    const relay = await getRelay(db, letterId);
    const letter = await getLetterReference(db, letterId);
    deps.logger.error({ outbox_id: row.id, letter_id: letterId, chat_id: row.chat_id, code: error.code, campaign: relay?.campaign_slug }, "relayed letter could not be posted");
    await alertRelayFailed(db, { letterId, reference: letter?.reference ?? null, lastError: describe(error), admins: deps.admins, now: deps.clock.now() });
  }
}
