import { callbackData } from "../../telegram/callback-data.js";

/**
 * Callback data of every news button. News messages are rendered by background senders as well as by the feature,
 * so the formats live here, shared by both. Every handler treats the data as untrusted and looks the rows up.
 * "Write a letter" buttons carry the letter feature's own data (`write:<slug>[:<opening>]`, letter/callbacks.ts).
 */

export const followButtonData = callbackData("nf", 1);
export const unfollowButtonData = callbackData("nu", 1);
export const followCampaignData = callbackData("nfc", 1);
export const unfollowCampaignData = callbackData("nuc", 1);
/** Follow / unfollow a campaign from a prisoner's card: the button swaps in place, the card stays. */
export const followCampaignOnCardData = callbackData("nfk", 1);
export const unfollowCampaignOnCardData = callbackData("nuk", 1);
/** Delivery mode: `i` immediate, `d` daily digest. */
export const deliveryModeData = callbackData("nd", 1);
export const showSubscriptionsData = callbackData("nsub", 0);
/** Unfollow buttons of the /subscriptions list, which redraw the list. */
export const unfollowPrisonerFromListData = callbackData("nsp", 1);
export const unfollowCampaignFromListData = callbackData("nsc", 1);
/** /subscriptions: "Follow again" beside someone muted within a followed campaign (`nsm:<prisoner>`). */
export const resumeMutedFromListData = callbackData("nsm", 1);
export const showRemindersData = callbackData("nrl", 0);
export const chooseCampaignData = callbackData("ncl", 0);
/** The time-zone screen, and a zone chosen there (`ntz:<IANA name>`; checked again when pressed). */
export const showTimeZonesData = callbackData("ntzl", 0);
export const chooseTimeZoneData = callbackData("ntz", 1);
/** Ask how often to remind about <slug>. */
export const askReminderData = callbackData("nra", 1);
/** Set a reminder for <slug> every <weeks>. */
export const setReminderData = callbackData("nrs", 2);
export const deleteReminderData = callbackData("nrd", 1);
/** Birthday reminders on (1) or off (0). */
export const birthdayRemindersData = callbackData("nrb", 1);
/** Pick a prisoner for a new reminder. */
export const pickReminderPrisonerData = callbackData("nrp", 0);
/** A channel post offered as news: open the publish flow prefilled with offer <id>. */
export const publishOfferData = callbackData("no", 1);
/* Steps of the publish flow (`np:<token>:<step>:<value>`) are the flow kit's buttons: bot/features/news/publish-flow.ts. */
