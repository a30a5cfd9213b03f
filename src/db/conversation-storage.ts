import type { VersionedState } from "@grammyjs/conversations";
import type { DB } from "./database.js";
import { systemClock } from "../clock.js";

/**
 * Stored flows are keyed `flow:<chat id>`. The bot's flow storage (bot/flows/version.ts) and /mydata and /forget all
 * find a chat's flows with `conversationKey`, so they cannot drift apart.
 */
const CONVERSATION_KEY_PREFIX = "flow:";

/** The stored key of a chat's flows; a private chat's id is the person's user id. */
export function conversationKey(chatId: number): string {
  return `${CONVERSATION_KEY_PREFIX}${chatId}`;
}

/**
 * Keeps conversations (the letter flow, news publishing…) in the same database as everything else, so a flow in
 * progress survives a restart. There is no official SQLite adapter for conversations v2; this is a key–JSON upsert
 * like the official Postgres one.
 */
export function conversationStorage<S>(db: DB, now: () => Date = () => systemClock.now()) {
  return {
    async read(key: string): Promise<VersionedState<S> | undefined> {
      const row = await db.selectFrom("conversation_state").select("value").where("key", "=", key).executeTakeFirst();
      return row ? (JSON.parse(row.value) as VersionedState<S>) : undefined;
    },
    async write(key: string, state: VersionedState<S>): Promise<void> {
      const value = JSON.stringify(state);
      const updated_at = now().toISOString();
      await db
        .insertInto("conversation_state")
        .values({ key, value, updated_at })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at }))
        .execute();
    },
    async delete(key: string): Promise<void> {
      await db.deleteFrom("conversation_state").where("key", "=", key).execute();
    },
  };
}
