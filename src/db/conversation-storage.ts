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
const readState = prepared((db: DB, key: string) =>
  db.selectFrom("conversation_state").select(["value", "updated_at"]).where("key", "=", key),
);
const writeState = prepared((db: DB, key: string, value: string, updated_at: string) =>
  db
    .insertInto("conversation_state")
    .values({ key, value, updated_at })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at })),
);

/** Leaving the letter's stages runs it (the route step among them): compiled once as well. */
const deleteState = prepared((db: DB, key: string) => db.deleteFrom("conversation_state").where("key", "=", key));

/** Deletes the flows stored for a chat (a person's private chat: their user id). */
export async function deleteStoredFlows(db: DB, chatId: number): Promise<void> {
  await deleteState.execute(db, conversationKey(chatId));
}

/** A stored flow as read: its state, and the JSON and time it was written with. */
export interface StoredFlow<S> {
  state: VersionedState<S>;
  json: string;
  updatedAt: string;
}

/**
 * A state written back unchanged (a step that answered and forgot the input, issue 14) is not written again unless
 * it was last written this long ago: the retention job deletes flows by their `updated_at`, in days, and must still
 * see a flow in use as recent.
 */
export const UNCHANGED_STATE_REWRITE_MS = 60 * 60 * 1000;

/**
 * Keeps conversations (the letter flow, news publishing…) in the same database as everything else, so a flow in
 * progress survives a restart. There is no official SQLite adapter for conversations v2; this is a key–JSON upsert
 * like the official Postgres one.
 */
export function conversationStorage<S>(db: DB, now: () => Date = () => systemClock.now()) {
  const readStored = async (key: string): Promise<StoredFlow<S> | undefined> => {
    const row = await readState.first(db, key);
    return row ? { state: JSON.parse(row.value) as VersionedState<S>, json: row.value, updatedAt: row.updated_at } : undefined;
  };
  return {
    readStored,
    async read(key: string): Promise<VersionedState<S> | undefined> {
      return (await readStored(key))?.state;
    },
    /** Writes the state, unless it is the `previous` one read for this update and that was written recently. */
    async write(key: string, state: VersionedState<S>, previous?: StoredFlow<S>): Promise<void> {
      const json = JSON.stringify(state);
      const at = now();
      if (previous?.json === json && at.getTime() - Date.parse(previous.updatedAt) < UNCHANGED_STATE_REWRITE_MS) return;
      await writeState.execute(db, key, json, at.toISOString());
    },
    async delete(key: string): Promise<void> {
      await db.deleteFrom("conversation_state").where("key", "=", key).execute();
    },
  };
}
