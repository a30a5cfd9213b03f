import type { VersionedState } from "@grammyjs/conversations";
import type { DB } from "./database.js";
import { systemClock } from "../clock.js";
import { prepared } from "./prepared.js";

/**
 * Stored flows are keyed `flow:<chat id>`. The bot's flow storage (bot/flows/version.ts) and /mydata and /forget all
 * find a chat's flows with `conversationKey`, so they cannot drift apart.
 */
const CONVERSATION_KEY_PREFIX = "flow:";

/** The stored key of a chat's flows; a private chat's id is the person's user id. */
export function conversationKey(chatId: number): string {
  return `${CONVERSATION_KEY_PREFIX}${chatId}`;
}

/** Every update of a chat with a flow reads and writes its row: both queries are compiled once (db/prepared.ts). */
const readState = prepared((db: DB, key: string) => db.selectFrom("conversation_state").select("value").where("key", "=", key));
const writeState = prepared((db: DB, key: string, value: string, updated_at: string) =>
  db
    .insertInto("conversation_state")
    .values({ key, value, updated_at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at })),
);

/**
 * Keeps conversations (the letter flow, news publishing…) in the same database as everything else, so a flow in
 * progress survives a restart. There is no official SQLite adapter for conversations v2; this is a key–JSON upsert
 * like the official Postgres one.
 */
export function conversationStorage<S>(db: DB, now: () => Date = () => systemClock.now()) {
  return {
    async read(key: string): Promise<VersionedState<S> | undefined> {
      const row = await readState.first(db, key);
      return row ? (JSON.parse(row.value) as VersionedState<S>) : undefined;
    },
    async write(key: string, state: VersionedState<S>): Promise<void> {
      await writeState.execute(db, key, JSON.stringify(state), now().toISOString());
    },
    async delete(key: string): Promise<void> {
      await db.deleteFrom("conversation_state").where("key", "=", key).execute();
    },
  };
}
