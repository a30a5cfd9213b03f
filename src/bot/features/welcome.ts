import { Composer } from "grammy";
import type { BotContext, FlowContext } from "../context.js";
import { HELP_ONLY_COMMANDS, PUBLIC_COMMANDS } from "../commands.js";
import { commandGroupsOf } from "../../services/organisers/command-menus.js";
import { startPayload } from "../deep-link.js";
import { mainMenuKeyboard, menuButton } from "../keyboards/main-menu.js";
import { isGreeting } from "../../domain/search/greeting.js";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

/**
 * Plain `/start`, and any deep link no feature claimed (an old or mistyped link): say what Lysty does and show the
 * menu. Features register their own `/start <prefix>` handlers before this one.
 */
privateChats.command("start", async (ctx) => {
  await ctx.conversation.exitAll();
  if (startPayload(ctx) !== "") await ctx.reply(ctx.t("start-unknown-link"));
  await ctx.reply(ctx.t("start-welcome"), { reply_markup: mainMenuKeyboard(ctx) });
});

/**
 * Every command the sender has, from the lists the command menus are published from (src/bot/commands.ts and the
 * organiser/admin groups), each with its menu description; organisers' and admins' roles are checked now.
 */
async function helpText(ctx: FlowContext, userId: number): Promise<string> {
  const describe = (command: string) => `/${command} — ${ctx.t(`command-${command}`)}`;
  const groups = await commandGroupsOf({ db: ctx.deps.db, admins: ctx.deps.config.botAdmins }, userId);
  const sections = [ctx.t("help-intro"), [...PUBLIC_COMMANDS, ...HELP_ONLY_COMMANDS].map(describe).join("\n")];
  if (groups.organiser.length > 0) sections.push([ctx.t("routes-help-organiser-title"), ...groups.organiser.map(describe)].join("\n"));
  if (groups.admin.length > 0) sections.push([ctx.t("routes-help-admin-title"), ...groups.admin.map(describe)].join("\n"));
  sections.push(ctx.t("help-tip"));
  return sections.join("\n\n");
}

privateChats.command("help", async (ctx) => {
  await ctx.reply(await helpText(ctx, ctx.from.id), { reply_markup: mainMenuKeyboard(ctx) });
});

privateChats.callbackQuery(menuButton.pack("help"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(await helpText(ctx, ctx.from.id), { reply_markup: mainMenuKeyboard(ctx) });
});

export { composer as welcomeFeature };

const greetings = new Composer<BotContext>();

/** Section 4, before the search fallback: «привіт» or «hello» is answered with a hello and what Lysty does. */
greetings.chatType("private").on("message:text", async (ctx, next) => {
  if (!isGreeting(ctx.message.text)) return next();
  await ctx.reply(`${ctx.t("start-greeting")}\n\n${ctx.t("start-welcome")}`, { reply_markup: mainMenuKeyboard(ctx) });
});

export { greetings as greetingFallback };
