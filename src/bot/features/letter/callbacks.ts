import { callbackData } from "../../../telegram/callback-data.js";
import { flowButtons } from "../../flows/buttons.js";

/**
 * Callback data of the letter feature. Every handler treats it as untrusted: slugs are looked up, letter ids are
 * checked against the writer, and flow buttons carry the token of the flow that drew them.
 */

/**
 * Buttons inside the letter flow: `lw:<token>:<action>:<arg>`. The token is drawn when a flow starts, so a button of an
 * earlier flow (or of a flow that ended) never acts on the current one.
 */
export const flowButton = flowButtons("lw");
/** Unfinished letters offered on /start and /write: `ld:<action>:<letterId>`. */
export const draftAction = callbackData("ld", 2);
export const DRAFT_ACTIONS = ["continue", "discard", "discard-yes", "keep", "new"] as const;
export type DraftAction = (typeof DRAFT_ACTIONS)[number];
/** A page of /letters: `lst:<page>`. */
export const lettersPage = callbackData("lst", 1);
/** A finished letter, its file and its instructions once more (while its text is kept): `lsa:<letterId>`. */
export const letterAgain = callbackData("lsa", 1);
