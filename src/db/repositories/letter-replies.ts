import type { DB } from "../database.js";
import type { LetterReply, LetterReplyKind } from "../tables/routes.js";

export interface NewLetterReply {
  letterId: number;
  writerId: number;
  kind: LetterReplyKind;
  fileId: string;
  /** The organisers' chat it was posted in, or the writer's own private chat when they keep it themselves. */
  fromChatId: number | null;
  postedBy: number | null;
  /** The message carrying it in `fromChatId`; with it, the same message is recorded once. */
  messageId?: number;
  now: Date;
}

/** The new reply's id; undefined when its message (`messageId` in `fromChatId`) was recorded before. */
export async function addLetterReply(db: DB, reply: NewLetterReply): Promise<number | undefined> {
  const row = await db
    .insertInto("letter_replies")
    .values({
      letter_id: reply.letterId,
      writer_id: reply.writerId,
      kind: reply.kind,
      file_id: reply.fileId,
      from_chat_id: reply.fromChatId,
      posted_by: reply.postedBy,
      received_at: reply.now.toISOString(),
      message_id: reply.messageId ?? null,
    })
    .onConflict((oc) => oc.columns(["from_chat_id", "message_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.id);
}

export async function getLetterReply(db: DB, id: number): Promise<LetterReply | undefined> {
  return db.selectFrom("letter_replies").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Letter ids among `letterIds` that have at least one reply (for the writer's `/letters`). */
export async function lettersWithReplies(db: DB, letterIds: readonly number[]): Promise<Set<number>> {
  if (letterIds.length === 0) return new Set();
  const rows = await db.selectFrom("letter_replies").select("letter_id").distinct().where("letter_id", "in", [...letterIds]).execute();
  return new Set(rows.map((row) => Number(row.letter_id)));
}

export async function repliesOfLetter(db: DB, letterId: number): Promise<LetterReply[]> {
  return db.selectFrom("letter_replies").selectAll().where("letter_id", "=", letterId).orderBy("id").execute();
}
