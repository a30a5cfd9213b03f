import { discardDraft, findActiveDrafts } from "../../db/repositories/letters.js";
import type { ServiceDeps } from "../deps.js";

/** The writer discards their draft to this person; null when there is none (finished or discarded meanwhile). */
export async function discardDraftTo(deps: ServiceDeps, writerId: number, slug: string): Promise<{ letterId: number; discarded: boolean } | null> {
  const draft = (await findActiveDrafts(deps.db, writerId)).find((letter) => letter.prisoner_slug === slug);
  if (!draft) return null;
  return { letterId: draft.id, discarded: await discardDraft(deps.db, draft.id, writerId, deps.clock.now()) };
}
