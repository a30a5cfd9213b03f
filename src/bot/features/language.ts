import { Composer, InlineKeyboard } from "grammy";
import { SUPPORTED_LOCALES } from "../../config.js";
import { callbackData } from "../../telegram/callback-data.js";
import { isLocale } from "../../telegram/locale.js";
import type { BotContext, FlowContext } from "../context.js";
import { mainMenuKeyboard, menuButton } from "../keyboards/main-menu.js";
import { setLanguage } from "../../services/users/settings.js";
import { offerDrafts } from "./letter/drafts.js";

const chooseLocale = callbackData("lang", 1);
const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

function languageKeyboard(ctx: FlowContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of SUPPORTED_LOCALES) {
    const mark = ctx.user?.locale === locale ? "✓ " : "";
    keyboard.text(mark + ctx.t(`language-name-${locale}`), chooseLocale.pack(locale));
  }
  return keyboard;
}

privateChats.command("language", async (ctx) => {
  await ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx) });
});

privateChats.callbackQuery(menuButton.pack("language"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard(ctx) });
});

privateChats.callbackQuery(chooseLocale.pattern, async (ctx) => {
  const [locale] = chooseLocale.unpack(ctx.callbackQuery.data) ?? [];
  // Forged data naming a locale we do not ship is treated like any stale button.
  if (!isLocale(locale) || !ctx.user) {
    await ctx.answerCallbackQuery({ text: ctx.t("unhandled-stale-button"), show_alert: true });
    return;
  }
  await setLanguage(ctx.deps, ctx.user.id, locale);
  ctx.user = { ...ctx.user, locale, locale_chosen: 1 };
  ctx.i18n.useLocale(locale);
  await ctx.answerCallbackQuery({ text: ctx.t("language-changed") });
  await ctx.editMessageText(ctx.t("language-changed"), { reply_markup: { inline_keyboard: [] } });
  await ctx.reply(ctx.t("start-welcome"), { reply_markup: mainMenuKeyboard(ctx) });
  // /language left any flow (a command does): a letter being written is offered again, as on /start.
  await offerDrafts(ctx, "start");
});

export { composer as languageFeature };
