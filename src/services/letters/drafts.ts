import { discardDraft, findActiveDrafts, getLetterOfWriter } from "../../db/repositories/letters.js";
import { getPrisonerBySlug, getPrisonersBySlugs } from "../../db/repositories/prisoners.js";
import type { PrisonerRecord } from "../../domain/directory/types.js";
import { type DraftStats, draftStats } from "../../domain/letters/index.js";
import type { ServiceDeps } from "../deps.js";

/** A draft as the "unfinished letters" screen shows it: whom it is for and how long it is, never its text. */
export interface UnfinishedDraft {
  letterId: number;
  prisonerSlug: string;
  /** Null when the person is no longer in the directory: the screen shows the slug. */
  names: PrisonerRecord["names"] | null;
  stats: DraftStats;
  updatedAt: string;
}

/** The writer's drafts that have text, at most `limit`, with the people they are for read in one query. */
export async function unfinishedDrafts(deps: Pick<ServiceDeps, "db">, writerId: number, limit: number): Promise<UnfinishedDraft[]> {
  const drafts = (await findActiveDrafts(deps.db, writerId)).filter((draft) => draft.text?.trim()).slice(0, limit);
  if (drafts.length === 0) return [];
  const prisoners = await getPrisonersBySlugs(deps.db, drafts.map((draft) => draft.prisoner_slug));
  return drafts.map((draft) => ({
    letterId: draft.id,
    prisonerSlug: draft.prisoner_slug,
    names: prisoners.get(draft.prisoner_slug)?.names ?? null,
    stats: draftStats(draft.text ?? ""),
    updatedAt: draft.updated_at,
  }));
}

/** This writer's draft by id (a button names it), undefined when it is someone else's, finished or discarded. */
export async function draftOfWriter(
  deps: Pick<ServiceDeps, "db">,
  letterId: number,
  writerId: number,
): Promise<{ letterId: number; prisonerSlug: string; names: PrisonerRecord["names"] | null } | undefined> {
  const letter = await getLetterOfWriter(deps.db, letterId, writerId);
  if (!letter || letter.status !== "draft") return undefined;
  const prisoner = await getPrisonerBySlug(deps.db, letter.prisoner_slug);
  return { letterId: letter.id, prisonerSlug: letter.prisoner_slug, names: prisoner?.names ?? null };
}

/** The writer confirmed discarding this draft; false when it was finished or discarded meanwhile. */
export async function discardDraftOfWriter(deps: Pick<ServiceDeps, "db" | "clock">, letterId: number, writerId: number): Promise<boolean> {
  return discardDraft(deps.db, letterId, writerId, deps.clock.now());
}
