import { Composer, InlineKeyboard } from "grammy";
import { campaignName, campaignNamesBySlug, DESK_SLUG, linkedChatOf } from "../../../services/organisers/chat-links.js";
import type { CampaignChat } from "../../../db/tables/organisers.js";
import { translator } from "../../../telegram/i18n.js";
import { resolveLocale, STORED_LOCALE_FALLBACK } from "../../../telegram/locale.js";
import { localeOf } from "../../locale.js";
import { ADMIN_COMMANDS, type CommandMenuDeps, ORGANISER_COMMANDS, refreshCommandMenu } from "../../../services/organisers/command-menus.js";
import { callbackData } from "../../../telegram/callback-data.js";
import { PUBLIC_COMMANDS } from "../../commands.js";
import type { BotContext, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { isAdmin } from "../../roles.js";
import { campaignsInScope, teamScope } from "./access.js";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");
const groups = composer.chatType(["group", "supergroup"]);

/** `/campaigns`: one campaign's chat and how to link it (`orgv:<campaign>`). */
const campaignDetail = callbackData("orgv", 1);

function commandMenuDeps(ctx: FlowContext): CommandMenuDeps {
  const t = translator(ctx.deps.config.defaultLocale);
  return {
    api: ctx.api,
    db: ctx.deps.db,
    admins: ctx.deps.config.botAdmins,
    publicCommands: (locale) => PUBLIC_COMMANDS.map((command) => ({ command, description: t(locale, `command-${command}`) })),
    t: (locale, key) => t(locale, key),
    logger: ctx.deps.logger,
  };
}

/** After an invite is redeemed or a role revoked: that person's menu shows exactly the commands they may use. */
export async function refreshMenuFor(ctx: FlowContext, userId: number, locale: string | undefined): Promise<void> {
  const outcome = await refreshCommandMenu(commandMenuDeps(ctx), userId, resolveLocale(locale, STORED_LOCALE_FALLBACK));
  ctx.deps.logger.info({ user_id: userId, outcome }, "organiser command menu refreshed");
}

function chatLine(ctx: FlowContext, chat: CampaignChat | undefined): string {
  if (!chat) return ctx.t("routes-campaigns-no-chat");
  const title = escapeHtml(chat.title ?? String(chat.chat_id));
  return ctx.t(chat.status === "ok" ? "routes-campaigns-chat-ok" : "routes-campaigns-chat-broken", { chat: title });
}

/** Admins come from configuration: their menu is set the first time they open the bot (and refreshed each time). */
privateChats.command("start", async (ctx, next) => {
  if (isAdmin(ctx)) await refreshMenuFor(ctx, ctx.from.id, ctx.user?.locale);
  await next();
});

/**
 * `/campaigns`: the campaigns the sender may act for (and the desk for an admin) by name, each a button; the id beside
 * each name is what `/link` and `/invite` take.
 */
privateChats.command("campaigns", async (ctx) => {
  const { admin, campaigns } = await campaignsInScope(ctx);
  if (!admin && campaigns.length === 0) return void (await ctx.reply(ctx.t("routes-campaigns-none")));
  const names = await campaignNamesBySlug(ctx.deps.db, campaigns, localeOf(ctx));
  names.set(DESK_SLUG, ctx.t("routes-desk-name"));
  const keyboard = new InlineKeyboard();
  const lines = [ctx.t("routes-campaigns-title")];
  for (const slug of [...campaigns, ...(admin ? [DESK_SLUG] : [])]) {
    const name = names.get(slug) ?? slug;
    lines.push(`• ${escapeHtml(name)} — <code>${escapeHtml(slug)}</code>`);
    keyboard.text(name, campaignDetail.pack(slug)).row();
  }
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
});

privateChats.callbackQuery(campaignDetail.pattern, async (ctx) => {
  const [slug = ""] = campaignDetail.unpack(ctx.callbackQuery.data) ?? [];
  await ctx.answerCallbackQuery();
  const { admin, campaigns } = await campaignsInScope(ctx);
  const allowed = slug === DESK_SLUG ? admin : campaigns.includes(slug);
  if (!allowed) return void (await ctx.reply(ctx.t("organisers-not-organiser-of", { campaign: escapeHtml(slug) }), { parse_mode: "HTML" }));
  const locale = localeOf(ctx);
  const name = slug === DESK_SLUG ? ctx.t("routes-desk-name") : ((await campaignName(ctx.deps.db, slug, locale)) ?? slug);
  const chat = await linkedChatOf(ctx.deps.db, slug);
  const text = [`<b>${escapeHtml(name)}</b> (<code>${escapeHtml(slug)}</code>)`, chatLine(ctx, chat), ctx.t("routes-campaigns-how-to-link", { campaign: escapeHtml(slug) })];
  await ctx.reply(text.join("\n\n"), { parse_mode: "HTML" });
});

/** Organiser and admin commands a group answers itself (linking the group, its translation setting). */
const GROUP_COMMANDS: ReadonlySet<string> = new Set(["link", "unlink"]);
/** Those that would put letters or figures in front of everyone in the group. */
const KEPT_OUT_OF_GROUPS: ReadonlySet<string> = new Set(["print", "stats"]);
const PRIVATE_ONLY_COMMANDS = [...ORGANISER_COMMANDS, ...ADMIN_COMMANDS].filter((command) => !GROUP_COMMANDS.has(command));

/**
 * In a linked group an organiser's command is answered there, never met with silence (an organiser naturally sends
 * /news or /setstatus where the team works); the work itself is private.
 */
groups.command(PRIVATE_ONLY_COMMANDS, async (ctx) => {
  const command = ctx.msg.text.split(/[\s@]/)[0] ?? "";
  const key = KEPT_OUT_OF_GROUPS.has(command.slice(1)) ? "routes-group-private-only" : "routes-group-private-only-tool";
  await ctx.reply(ctx.t(key, { command }), {
    reply_markup: new InlineKeyboard().url(ctx.t("routes-group-open-private"), `https://t.me/${ctx.me.username}`),
  });
});

/** `/translation` is a chat's setting: sent in private it is explained, not met with "unknown command". */
privateChats.command("translation", async (ctx) => {
  if (await teamScope(ctx)) await ctx.reply(ctx.t("routes-translation-in-chat"));
});

groups.command("help", async (ctx) => {
  await ctx.reply(ctx.t("routes-group-help"), {
    reply_markup: new InlineKeyboard().url(ctx.t("routes-group-open-private"), `https://t.me/${ctx.me.username}`),
  });
});

export { composer as discoverabilityFeature };
