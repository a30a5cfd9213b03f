import { Composer, InlineKeyboard } from "grammy";
import type { Chat } from "grammy/types";
import { isPublicChat, isRelayChatType, relayRightsProblem, runsChat } from "../../../services/relay/chat-rights.js";
import { botMembershipChanged, campaignName as nameOfCampaign, DESK_SLUG, linkedChatOf, linkRelayChat, unlinkRelayChat } from "../../../services/organisers/chat-links.js";
import { resolveLocale } from "../../../telegram/locale.js";
import type { BotContext, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { canActForCampaign, isAdmin } from "../../roles.js";
import { campaignsInScope, commandArgs, teamScope } from "./access.js";
import { linkConsent, linkPick } from "./callbacks.js";
import { isChatAccessError } from "../../../telegram/api-errors.js";
import { pressedMessage } from "../../flows/index.js";

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

/** What the person already agreed to when they pressed a confirmation button: a public chat, replacing a chat. */
export interface LinkConsent {
  publicChat: boolean;
  replace: boolean;
}

const NO_CONSENT: LinkConsent = { publicChat: false, replace: false };

/**
 * Checks everything that must hold for letters to reach the chat — the campaign exists (or it is the organisation
 * desk, which only admins link), the sender organises it and runs the chat, the bot may post there, and the sender
 * agreed to a public chat or to replacing the current one — and says exactly what is missing; then links it, and
 * letters held for the campaign or the chat go out.
 */
async function linkChat(ctx: FlowContext, campaignSlug: string, target: string | number, reply: Reply, consent: LinkConsent = NO_CONSENT): Promise<void> {
  const { db, clock, logger } = ctx.deps;
  const from = ctx.from;
  if (!from) return;
  const desk = campaignSlug === DESK_SLUG;
  const locale = resolveLocale(ctx.user?.locale ?? (await ctx.i18n.getLocale()), ctx.deps.config.defaultLocale);
  let campaignName: string;
  if (desk) {
    if (!isAdmin(ctx)) return void (await reply("routes-desk-admins-only"));
    campaignName = ctx.t("routes-desk-name");
  } else {
    const name = await nameOfCampaign(db, campaignSlug, locale);
    if (name === undefined) return void (await reply("organisers-unknown-campaign", { campaign: escapeHtml(campaignSlug) }));
    if (!(await canActForCampaign(ctx, campaignSlug))) return void (await reply("organisers-not-organiser-of", { campaign: escapeHtml(campaignSlug) }));
    campaignName = name;
  }

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

  const chatName = escapeHtml(title ?? String(chat.id));
  if (isPublicChat(chat) && !consent.publicChat) {
    return void (await askConsent(ctx, "routes-link-public-warning", { chat: chatName }, "routes-link-public-yes", { ...consent, publicChat: true }, campaignSlug, chat.id));
  }
  const current = await linkedChatOf(db, campaignSlug);
  if (current && current.chat_id !== chat.id && !consent.replace) {
    const args = { campaign: escapeHtml(campaignName), current: escapeHtml(current.title ?? String(current.chat_id)), chat: chatName };
    return void (await askConsent(ctx, "routes-link-replace-question", args, "routes-link-replace-yes", { ...consent, replace: true }, campaignSlug, chat.id));
  }

  // A link made with a button keeps the press (its message and its id): that press delivered again (its refused
  // answer no longer stops this handler) is told "done" again and writes and audits nothing more.
  const pressed = pressedMessage(ctx);
  const outcome = await linkRelayChat(ctx.deps, {
    press: pressed === undefined || ctx.callbackQuery === undefined ? undefined : { ...pressed, id: ctx.callbackQuery.id },
    campaignSlug,
    chatId: chat.id,
    chatType,
    title,
    locale,
    linkedBy: from.id,
    public: isPublicChat(chat),
    now: clock.now(),
  });
  logger.info({ chat_id: chat.id, campaign: campaignSlug, ...outcome }, "organisers' chat linked");
  // The chat already was the campaign's working link (/link or its pick again): the rights were checked just now.
  await reply(outcome.checked ? "organisers-link-checked" : "organisers-linked", { campaign: escapeHtml(campaignName), chat: chatName });
  const waiting = outcome.redirected + outcome.released;
  if (waiting > 0) await reply("organisers-linked-released", { count: waiting });
}

/** A yes/no question before a link that exposes letters or replaces a chat; the "yes" runs every check again. */
async function askConsent(
  ctx: FlowContext,
  key: string,
  args: Record<string, string>,
  yesKey: string,
  consent: LinkConsent,
  campaignSlug: string,
  chatId: number,
): Promise<void> {
  const flags = `${consent.publicChat ? "p" : ""}${consent.replace ? "r" : ""}`;
  const keyboard = new InlineKeyboard()
    .text(ctx.t(yesKey), linkConsent.pack(flags, chatId, campaignSlug))
    .row()
    .text(ctx.t("routes-link-cancel"), linkConsent.pack("x", chatId, campaignSlug));
  await ctx.reply(ctx.t(key, args), { parse_mode: "HTML", reply_markup: keyboard });
}

composer.callbackQuery(linkConsent.pattern, async (ctx) => {
  const [flags = "", chatId = "", campaignSlug = ""] = linkConsent.unpack(ctx.callbackQuery.data) ?? [];
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  if (flags === "x") return void (await ctx.reply(ctx.t("routes-link-cancelled")));
  await linkChat(ctx, campaignSlug, Number(chatId), replier(ctx), { publicChat: flags.includes("p"), replace: flags.includes("r") });
});

/** Buttons for the campaigns the sender may link (and the desk for an admin), or nothing when there are none. */
async function linkChoices(ctx: FlowContext): Promise<InlineKeyboard | undefined> {
  const { campaigns, admin } = await campaignsInScope(ctx);
  if (campaigns.length === 0 && !admin) return undefined;
  const keyboard = new InlineKeyboard();
  for (const slug of campaigns) keyboard.text(slug, linkPick.pack(slug)).row();
  if (admin) keyboard.text(ctx.t("routes-desk-name"), linkPick.pack(DESK_SLUG)).row();
  return keyboard;
}

composer.chatType(["group", "supergroup"]).command("link", async (ctx) => {
  const [campaignSlug] = commandArgs(ctx);
  if (!campaignSlug) {
    const keyboard = await linkChoices(ctx);
    return void (await ctx.reply(ctx.t("organisers-link-usage-group"), keyboard ? { reply_markup: keyboard } : {}));
  }
  await linkChat(ctx, campaignSlug, ctx.chat.id, replier(ctx));
});

composer.chatType(["group", "supergroup"]).callbackQuery(linkPick.pattern, async (ctx) => {
  const [campaignSlug = ""] = linkPick.unpack(ctx.callbackQuery.data) ?? [];
  await ctx.answerCallbackQuery();
  await linkChat(ctx, campaignSlug, ctx.chat.id, replier(ctx));
});

composer.chatType("private").command("link", async (ctx) => {
  const [campaignSlug, targetText] = commandArgs(ctx);
  const target = parseChatTarget(targetText);
  if (!campaignSlug || target === undefined) {
    const scope = await teamScope(ctx);
    if (!scope) return;
    const { campaigns, admin } = scope;
    const ids = [...campaigns, ...(admin ? [DESK_SLUG] : [])].map((slug) => `<code>${escapeHtml(slug)}</code>`).join(", ");
    const usage = ctx.t("organisers-link-usage-private");
    return void (await ctx.reply(ids ? `${escapeHtml(usage)}\n\n${ctx.t("routes-link-your-campaigns", { campaigns: ids })}` : usage, { parse_mode: "HTML" }));
  }
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
  const current = await linkedChatOf(ctx.deps.db, campaignSlug);
  // In a group, only that group's own link can be removed from there.
  if (!current || (ctx.chat.type !== "private" && current.chat_id !== ctx.chat.id)) {
    return void (await reply("organisers-unlink-nothing", { campaign: escapeHtml(campaignSlug) }));
  }
  await unlinkRelayChat(ctx.deps, { actorId: ctx.from.id, campaignSlug, chatId: current.chat_id });
  await reply("organisers-unlinked", { campaign: escapeHtml(campaignSlug) });
});

/**
 * The bot's own membership changed in a linked chat: removed or demoted marks the link broken and alerts organisers
 * and admins; re-added with the rights it needs repairs it and sends the letters that were held meanwhile.
 */
composer.on("my_chat_member", async (ctx, next) => {
  const chat = ctx.chat;
  if (!isRelayChatType(chat.type)) return next();
  const member = ctx.myChatMember.new_chat_member;
  const linked = await botMembershipChanged(ctx.deps, {
    chatId: chat.id,
    title: "title" in chat ? (chat.title ?? null) : null,
    by: ctx.myChatMember.from.id,
    status: member.status,
    problem: relayRightsProblem(chat.type, member),
  });
  if (!linked) return next();
  await next();
});

export { composer as linkingFeature };
