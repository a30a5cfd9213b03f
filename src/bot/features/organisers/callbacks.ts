import { callbackData } from "../../../telegram/callback-data.js";

/** Admin: create an invite for this campaign (`orgi:<campaign>`). */
export const inviteForCampaign = callbackData("orgi", 1);
/** Admin: revoke an organiser (`orgx:<userId>:<campaign>`). */
export const revokeOrganiserButton = callbackData("orgx", 2);
/** Organiser: mark the letters of this print batch printed (`orgp:<batchId>`). */
export const markBatchPrinted = callbackData("orgp", 1);
/** Linking: "yes, public" / "yes, replace" / cancel (`orgl:<p|r|pr|x>:<chatId>:<campaign>`), and a campaign picked
 * for the group `/link` was sent in (`orgk:<campaign>`). Every press runs all of linking's checks again. */
export const linkConsent = callbackData("orgl", 3);
export const linkPick = callbackData("orgk", 1);
/** `/setstatus` or `/move` with a name that several of the organiser's prisoners answer: the one meant
 * (`orgn:<s|m>:<prisoner>`); the role is checked again when pressed. */
export const correctionPick = callbackData("orgn", 2);
/** Another page of those people (`orgq:<s|m>:<page>:<query>`, the query in canonical form); searched again when pressed. */
export const correctionPage = callbackData("orgq", 3);
