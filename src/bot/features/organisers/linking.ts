import { Composer } from "grammy";
import type { Chat } from "grammy/types";
import { getCampaignBySlug } from "../../../db/repositories/campaigns.js";
import {
  campaignsOfChat,
  getCampaignChat,
  linkCampaignChat,
  markChatBroken,
  markChatWorking,
  unlinkCampaignChat,
} from "../../../db/repositories/campaign-chats.js";
import { redirectHeldRelays } from "../../../db/repositories/relay.js";
import { audit } from "../../../db/repositories/roles.js";
import { releaseHeld } from "../../../outbox/index.js";
import { isRelayChatType, relayRightsProblem, runsChat } from "../../../services/relay/chat-rights.js";
import { alertChatBroken, announceChatRestored } from "../../../services/relay/notices.js";
import { resolveLocale } from "../../../telegram/locale.js";
import type { BotContext, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { canActForCampaign } from "../../roles.js";
import { commandArgs } from "./access.js";
import { isChatAccessError } from "../../../telegram/api-errors.js";

const composer = new Composer<BotContext>();

type Reply = (key: string, args?: Record<string, string | number>) => Promise<unknown>;

function replier(ctx: FlowContext): Reply {
  return (key, args) => ctx.reply(ctx.t(key, args), { parse_mode: "HTML" });
}

/** `@name` or a numeric chat id, as typed after `/link <campaign>` in private. */
function parseChatTarget(text: string | undefined): string | number | undefined {
  if (!text) return undefined;
  if (/^@[A-Za-z][\w]{3,}$/.test(text)) return text;
  if (/^-\d{5,16}$/.test(text)) return Number(text);
  return undefined;
}

/**
 * Checks everything that must hold for letters to reach the chat — the campaign exists, the sender organises it
 * and runs the chat, the bot may post there — and says exactly what is missing; then links it, and letters held
 * for the campaign or the chat go out.
 */
async function linkChat(ctx: FlowContext, campaignSlug: string, target: string | number, reply: Reply): Promise<void> {
  const { db, clock, logger } = ctx.deps;
  const from = ctx.from;
  if (!from) return;
  const campaign = await getCampaignBySlug(db, campaignSlug);
  if (!campaign) return void (await reply("organisers-unknown-campaign", { campaign: escapeHtml(campaignSlug) }));
  if (!(await canActForCampaign(ctx, campaignSlug))) return void (await reply("organisers-not-organiser-of", { campaign: escapeHtml(campaignSlug) }));

  let chat: Chat;
  try {
    chat = await ctx.api.getChat(target);
  } catch (error) {
    if (!isChatAccessError(error)) throw error;
    return void (await reply("organisers-link-chat-unreachable"));
  }
  if (!isRelayChatType(chat.type)) return void (await reply("organisers-link-wrong-chat-type"));
  const chatType = chat.type;
  const title = "title" in chat ? (chat.title ?? null) : null;
  try {
    const person = await ctx.api.getChatMember(chat.id, from.id);
    if (!runsChat(person)) return void (await reply("organisers-link-not-chat-admin"));
    const bot = await ctx.api.getChatMember(chat.id, ctx.me.id);
    const problem = relayRightsProblem(chatType, bot);
    if (problem) return void (await reply(`organisers-rights-${problem}`, { chat: escapeHtml(title ?? String(chat.id)) }));
  } catch (error) {
    if (!isChatAccessError(error)) throw error;
    return void (await reply("organisers-link-chat-unreachable"));
  }

  const now = clock.now();
  const outcome = await db.transaction().execute(async (trx) => {
    const { previousChatId } = await linkCampaignChat(trx, {
      campaignSlug,
      chatId: chat.id,
      chatType,
      title,
      locale: resolveLocale(ctx.user?.locale ?? (await ctx.i18n.getLocale()), ctx.deps.config.defaultLocale),
      linkedBy: from.id,
      now,
    });
    const redirected = await redirectHeldRelays(trx, campaignSlug, chat.id, now);
    // The rights were just checked: every campaign this chat serves can have its letters again.
    await markChatWorking(trx, chat.id, now);
    const released = await releaseHeld(trx, { chatId: chat.id, kind: "relay" }, now);
    await audit(trx, {
      actorId: from.id,
      action: "chat.link",
      target: `campaign:${campaignSlug}`,
      details: { chat_id: chat.id, chat_type: chatType, previous_chat_id: previousChatId, redirected, released },
      at: now,
    });
    return { redirected, released };
  });
  logger.info({ chat_id: chat.id, campaign: campaignSlug, ...outcome }, "organisers' chat linked");
  await reply("organisers-linked", { campaign: escapeHtml(campaign.name[resolveLocale(ctx.user?.locale ?? (await ctx.i18n.getLocale()), ctx.deps.config.defaultLocale)]), chat: escapeHtml(title ?? String(chat.id)) });
  const waiting = outcome.redirected + outcome.released;
  if (waiting > 0) await reply("organisers-linked-released", { count: waiting });
}

composer.chatType(["group", "supergroup"]).command("link", async (ctx) => {
  const [campaignSlug] = commandArgs(ctx);
  if (!campaignSlug) return void (await ctx.reply(ctx.t("organisers-link-usage-group")));
  await linkChat(ctx, campaignSlug, ctx.chat.id, replier(ctx));
});

composer.chatType("private").command("link", async (ctx) => {
  const [campaignSlug, targetText] = commandArgs(ctx);
  const target = parseChatTarget(targetText);
  if (!campaignSlug || target === undefined) return void (await ctx.reply(ctx.t("organisers-link-usage-private")));
  await linkChat(ctx, campaignSlug, target, replier(ctx));
});

/** Channels post commands without a sender, so nobody's role could be checked there. */
composer.on("channel_post:text", async (ctx, next) => {
  if (!/^\/(link|unlink)\b/.test(ctx.channelPost.text)) return next();
  await ctx.reply(ctx.t("organisers-link-from-private"));
});

composer.chatType(["private", "group", "supergroup"]).command("unlink", async (ctx) => {
  const [campaignSlug] = commandArgs(ctx);
  const reply = replier(ctx);
  if (!campaignSlug) return void (await ctx.reply(ctx.t("organisers-unlink-usage")));
  if (!(await canActForCampaign(ctx, campaignSlug))) return void (await reply("organisers-not-organiser-of", { campaign: escapeHtml(campaignSlug) }));
  const { db, clock } = ctx.deps;
  const current = await getCampaignChat(db, campaignSlug);
  // In a group, only that group's own link can be removed from there.
  if (!current || (ctx.chat.type !== "private" && current.chat_id !== ctx.chat.id)) {
    return void (await reply("organisers-unlink-nothing", { campaign: escapeHtml(campaignSlug) }));
  }
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await unlinkCampaignChat(trx, campaignSlug);
    await audit(trx, { actorId: ctx.from.id, action: "chat.unlink", target: `campaign:${campaignSlug}`, details: { chat_id: current.chat_id }, at: now });
  });
  await reply("organisers-unlinked", { campaign: escapeHtml(campaignSlug) });
});

/**
 * The bot's own membership changed in a linked chat: removed or demoted marks the link broken and alerts organisers
 * and admins; re-added with the rights it needs repairs it and sends the letters that were held meanwhile.
 */
composer.on("my_chat_member", async (ctx, next) => {
  const chat = ctx.chat;
  if (!isRelayChatType(chat.type)) return next();
  const { db, clock, config, logger } = ctx.deps;
  const links = await campaignsOfChat(db, chat.id);
  if (links.length === 0) return next();
  const member = ctx.myChatMember.new_chat_member;
  const problem = relayRightsProblem(chat.type, member);
  const now = clock.now();
  const title = "title" in chat ? (chat.title ?? null) : null;
  await db.transaction().execute(async (trx) => {
    if (problem) {
      const lastError = `my_chat_member ${member.status}: ${problem}`;
      const broken = await markChatBroken(trx, chat.id, lastError, now);
      if (broken.length > 0) {
        await alertChatBroken(trx, { chatId: chat.id, title, campaignSlugs: broken, lastError, admins: config.botAdmins, now });
      }
      await audit(trx, { actorId: ctx.myChatMember.from.id, action: "chat.bot_lost_rights", target: `chat:${chat.id}`, details: { status: member.status, problem }, at: now });
      logger.warn({ chat_id: chat.id, status: member.status, problem }, "organisers' chat no longer usable");
      return;
    }
    const restored = await markChatWorking(trx, chat.id, now);
    const released = await releaseHeld(trx, { chatId: chat.id, kind: "relay" }, now);
    if (restored.length > 0 || released > 0) {
      await announceChatRestored(trx, { chatId: chat.id, title, campaignSlugs: links.map((link) => link.campaign_slug), released, now });
      await audit(trx, { actorId: ctx.myChatMember.from.id, action: "chat.bot_restored", target: `chat:${chat.id}`, details: { status: member.status, released }, at: now });
      logger.info({ chat_id: chat.id, released }, "organisers' chat usable again");
    }
  });
  await next();
});

export { composer as linkingFeature };
