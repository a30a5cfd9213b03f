import type { Insertable, Selectable, Updateable } from "kysely";
import type { ConversationStateTable, UsersTable } from "./tables/core.js";

/** Every table of Lysty. Each area declares its tables in `tables/<area>.ts`; this is where they meet. */
export interface Database {
  users: UsersTable;
  conversation_state: ConversationStateTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
