import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, FlowContext } from "../../context.js";
import { newsActionsFeature } from "./actions.js";
import { followFeature } from "./follow.js";
import { PUBLISH_CONVERSATION, publishNewsFlow } from "./publish-flow.js";
import { remindersFeature } from "./reminders.js";
import { subscriptionsFeature } from "./subscriptions.js";

/**
 * Case news (issue 7, docs/news.md): following prisoners and campaigns, /subscriptions, /reminders, publishing news
 * (/news, organisers and admins), channel posts offered as news, and the buttons under news messages.
 *
 * For the prisoner card (./follow.ts): `followButton(ctx, slug)` gives the Follow/Unfollow button;
 * `newsCardButtons(ctx, slug, { canWrite })` gives that row plus "Remind me to write" (rows of `InlineKeyboardButton`,
 * e.g. `keyboard.row(...row)` for each row on a grammY `InlineKeyboard`).
 */

/** Section 2 of src/bot/index.ts. */
export const newsFlows = new Composer<BotContext>();
newsFlows.use(createConversation<BotContext, FlowContext>(publishNewsFlow, PUBLISH_CONVERSATION));

/** Section 3 of src/bot/index.ts. */
export const newsFeature = new Composer<BotContext>();
newsFeature.use(followFeature, subscriptionsFeature, remindersFeature, newsActionsFeature);
