import type { StarterOccasion } from "../../../domain/letters/index.js";
import { callbackData } from "../../callback-data.js";

/**
 * Callback data of the letter feature. Every handler treats it as untrusted: slugs are looked up, letter ids are
 * checked against the writer, and flow buttons carry the token of the flow that drew them.
 */

/** "Write a letter" on a prisoner card: `write:<slug>`. */
export const writeTo = callbackData("write", 1);
/** The same with an opening suggestion (case news): `write:<slug>:<opening>`. */
export const writeToWithOpening = callbackData("write", 2);
/**
 * Buttons inside the letter flow: `lw:<token>:<action>:<arg>`. The token is drawn when a flow starts, so a button of an
 * earlier flow (or of a flow that ended) never acts on the current one.
 */
export const flowButton = callbackData("lw", 3);
/** Unfinished letters offered on /start and /write: `ld:<action>:<letterId>`. */
export const draftAction = callbackData("ld", 2);
export const DRAFT_ACTIONS = ["continue", "discard", "discard-yes", "keep", "new"] as const;
export type DraftAction = (typeof DRAFT_ACTIONS)[number];
/** A page of /letters: `lst:<page>`. */
export const lettersPage = callbackData("lst", 1);
/** A finished letter, its file and its instructions once more (while its text is kept): `lsa:<letterId>`. */
export const letterAgain = callbackData("lsa", 1);

const OPENING_CODES: Record<string, StarterOccasion> = {
  "punishment-cell": "punishment-cell",
  pc: "punishment-cell",
  birthday: "birthday",
  bd: "birthday",
};

/** The occasion named in callback data or a deep link (`punishment-cell` or the news feature's short `pc`). */
export function parseOpening(code: string | undefined): StarterOccasion | undefined {
  return code === undefined ? undefined : OPENING_CODES[code];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string | undefined): value is string {
  return value !== undefined && value.length <= 48 && SLUG.test(value);
}

/** Callback data for "write to <slug>", or undefined when the slug cannot be carried in 64 bytes. */
export function writeLetterData(slug: string, opening?: StarterOccasion): string | undefined {
  try {
    return opening ? writeToWithOpening.pack(slug, opening) : writeTo.pack(slug);
  } catch {
    return undefined;
  }
}
