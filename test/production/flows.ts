import { finishLetter, getOrCreateDraft, saveDraftText } from "../../src/db/repositories/letters.js";
import type { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";

/** The seeded prisoner reachable by FSIN-pismo directly (data/directory/prisoners.json). */
export const KAGARLITSKY = "kagarlitsky-boris";

/** Opens the letter flow for Kagarlitsky (English UI) and saves `text` as the draft. */
export async function startDraft(user: TestUser, text: string): Promise<void> {
  await user.send(`/start w_${KAGARLITSKY}`);
  await user.send(text);
}

/** Writes and finishes a letter to Kagarlitsky for FSIN-pismo through the bot, as a writer would (English UI). */
export async function writeFinishedLetter(user: TestUser, text: string, signature: string): Promise<void> {
  await startDraft(user, text);
  await user.press("Done: check the letter");
  // Text the check objects to (markup characters look like English to it): keep it as it is, knowingly.
  const offered = (label: string) => user.buttons().some((button) => button.includes(label));
  if (offered("Keep it as it is")) {
    await user.press("Keep it as it is");
    // Only danger findings ask to confirm; advice alone moves straight on to the signature.
    if (offered("Yes, keep it as it is")) await user.press("Yes, keep it as it is");
  }
  await user.send(signature);
  // FSIN-pismo is the only route for Kagarlitsky: remembering the signature finishes the letter.
  await user.press("Yes, remember it");
}

/** A finished letter to Kagarlitsky that organisers hold (relayed), made through the repositories; its id. */
export async function letterOrganisersHold(h: Harness, writerId: number, now = h.clock.now()): Promise<number> {
  const draft = await getOrCreateDraft(h.db, writerId, KAGARLITSKY, now);
  await saveDraftText(h.db, { letterId: draft.id, writerId, text: "Здравствуйте! Пишу Вам из Лиона.", now });
  await finishLetter(h.db, { letterId: draft.id, writerId, route: "organisers", signature: { name: "Анна" }, shareIdentity: false, now });
  return draft.id;
}

export async function lettersOf(h: Harness, writerId: number) {
  return h.db.selectFrom("letters").selectAll().where("writer_id", "=", writerId).orderBy("id").execute();
}

/** Resolves once `check` holds, looking every few milliseconds; fails after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
