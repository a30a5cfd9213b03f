import { Composer } from "grammy";
import { getChannelOffer } from "../../../db/repositories/news.js";
import { audit } from "../../../db/repositories/roles.js";
import { publishOfferData } from "../../../services/news/callbacks.js";
import { offerChannelPost } from "../../../services/news/channel-offers.js";
import { translator } from "../../../telegram/i18n.js";
import type { BotContext } from "../../context.js";
import { canActForCampaign, isAnyOrganiser } from "../../roles.js";
import { PUBLISH_CONVERSATION } from "./publish-flow.js";

/** `/news`, "Publish as news" under a channel offer, and channel posts that may become offers. */
const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("news", async (ctx) => {
  if (!(await isAnyOrganiser(ctx))) {
    await audit(ctx.deps.db, {
      actorId: ctx.from.id,
      action: "news.publish.refused",
      details: { reason: "not-organiser" },
      at: ctx.deps.clock.now(),
    });
    await ctx.reply(ctx.t("news-publish-not-allowed"));
    return;
  }
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(PUBLISH_CONVERSATION);
});

privateChats.callbackQuery(publishOfferData.pattern, async (ctx) => {
  const id = Number(publishOfferData.unpack(ctx.callbackQuery.data)?.[0]);
  const offer = Number.isSafeInteger(id) ? await getChannelOffer(ctx.deps.db, id) : undefined;
  if (!offer) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true });
    return;
  }
  if (!(await canActForCampaign(ctx, offer.campaign_slug))) {
    await audit(ctx.deps.db, {
      actorId: ctx.from.id,
      action: "news.publish.refused",
      target: `offer:${offer.id}`,
      details: { reason: "not-organiser" },
      at: ctx.deps.clock.now(),
    });
    await ctx.answerCallbackQuery({ text: ctx.t("news-publish-not-allowed"), show_alert: true });
    return;
  }
  if (offer.news_id !== null) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-offer-already-published"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(PUBLISH_CONVERSATION, { offerId: offer.id });
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
