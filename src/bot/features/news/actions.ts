import { Composer } from "grammy";
import { publishOfferData } from "../../../services/news/callbacks.js";
import { offerChannelPost } from "../../../services/news/channel-offers.js";
import { mayStartPublishing, offerAccess } from "../../../services/news/publish-access.js";
import { translator } from "../../../telegram/i18n.js";
import type { BotContext } from "../../context.js";
import { actorOf } from "../../roles.js";
import { PUBLISH_CONVERSATION } from "./publish-flow.js";

/** `/news`, "Publish as news" under a channel offer, and channel posts that may become offers. */
const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("news", async (ctx) => {
  if (!(await mayStartPublishing(ctx.deps, actorOf(ctx)))) {
    await ctx.reply(ctx.t("news-publish-not-allowed"));
    return;
  }
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(PUBLISH_CONVERSATION);
});

privateChats.callbackQuery(publishOfferData.pattern, async (ctx) => {
  const id = Number(publishOfferData.unpack(ctx.callbackQuery.data)?.[0]);
  const access = await offerAccess(ctx.deps, actorOf(ctx), id);
  if (access.kind !== "ok") {
    const key = { stale: "news-stale-button", refused: "news-publish-not-allowed", published: "news-offer-already-published" }[access.kind];
    await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(PUBLISH_CONVERSATION, { offerId: access.offerId });
});

/** Posts in linked channels; anything else (other chats, posts without a prisoner's tag) passes on untouched. */
composer.on("channel_post", async (ctx, next) => {
  const post = ctx.channelPost;
  const text = post.text ?? post.caption;
  if (text) {
    const { db, clock, config, logger } = ctx.deps;
    const offers = await offerChannelPost(
      db,
      {
        chatId: post.chat.id,
        messageId: post.message_id,
        text,
        title: post.chat.title ?? null,
        username: "username" in post.chat ? (post.chat.username ?? null) : null,
      },
      { now: clock.now(), t: translator(config.defaultLocale), defaultLocale: config.defaultLocale },
    );
    if (offers > 0) logger.info({ chat_id: post.chat.id, message_id: post.message_id, offers }, "news offered from a channel post");
  }
  await next();
});

export { composer as newsActionsFeature };
