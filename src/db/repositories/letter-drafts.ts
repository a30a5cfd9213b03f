import type { Kysely } from "kysely";
import { countCharacters, MAX_LETTER_CHARACTERS } from "../../domain/letters/draft.js";
import type { Database } from "../schema.js";

/**
 * Replaces a draft's text only if it still is `expected` (null: the draft has no text yet), in one UPDATE, so two
 * devices saving at once cannot both win: the second finds the text changed and gets false instead of overwriting.
 */
export async function replaceDraftTextIfUnchanged(
  db: Kysely<Database>,
  input: { letterId: number; writerId: number; expected: string | null; text: string; now: Date },
): Promise<boolean> {
  if (countCharacters(input.text) > MAX_LETTER_CHARACTERS) {
    throw new RangeError(`letter text longer than ${MAX_LETTER_CHARACTERS} characters`);
  }
  const { expected } = input;
  const result = await db
    .updateTable("letters")
    .set({ text: input.text, updated_at: input.now.toISOString() })
    .where("id", "=", input.letterId)
    .where("writer_id", "=", input.writerId)
    .where("status", "=", "draft")
    .where((eb) => (expected === null ? eb("text", "is", null) : eb("text", "=", expected)))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
