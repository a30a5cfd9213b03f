import { hasFinishedLetter } from "../../db/repositories/letters.js";
import type { ServiceDeps } from "../deps.js";

/** A writer who has finished a letter before sees the guidance folded to one line (issue 15). */
export async function isReturningWriter(deps: Pick<ServiceDeps, "db">, writerId: number): Promise<boolean> {
  return hasFinishedLetter(deps.db, writerId);
}
