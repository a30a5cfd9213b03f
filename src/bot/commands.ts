import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import { type Locale, SUPPORTED_LOCALES } from "../config.js";
import type { DB } from "../db/database.js";
import type { Logger } from "../logger.js";
import { resolveLocale, STORED_LOCALE_FALLBACK } from "../telegram/locale.js";
import { storedLocaleOf } from "../db/repositories/users.js";
import { publishPrivilegedMenus } from "../services/organisers/command-menus.js";
import type { FlowContext } from "./context.js";

/** Commands shown in Telegram's menu, in the order shown; descriptions are `command-<name>` Fluent keys. */
export const PUBLIC_COMMANDS = [
  "start",
  "find",
  "browse",
  "write",
  "letters",
  "subscriptions",
  "reminders",
  "language",
  "privacy",
  "help",
  "cancel",
] as const;

/** Commands everyone has that the menu leaves out to stay short; `/help` lists them after the menu's. */
export const HELP_ONLY_COMMANDS = ["timezone", "mydata", "forget"] as const;

function commandList(i18n: I18n<FlowContext>, locale: Locale) {
  return PUBLIC_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
}

/** One list per UI language, plus the default-locale list for everyone else. */
export async function publishCommands(api: Api, i18n: I18n<FlowContext>, defaultLocale: Locale): Promise<void> {
  for (const locale of SUPPORTED_LOCALES) {
    await api.setMyCommands(commandList(i18n, locale), { language_code: locale });
  }
  await api.setMyCommands(commandList(i18n, defaultLocale));
}

/**
 * Organisers and admins get their own menu in their private chat (scope `chat`): the public commands plus theirs
 * (docs/routes.md). A failure here must not stop the bot: the menu is a convenience, /help lists the same.
 */
export async function publishOrganiserMenus(deps: { api: Api; db: DB; admins: readonly number[]; i18n: I18n<FlowContext>; logger: Logger }): Promise<void> {
  const { api, db, admins, i18n, logger } = deps;
  try {
    await publishPrivilegedMenus(
      { api, db, admins, logger, publicCommands: (locale) => commandList(i18n, locale), t: (locale, key) => i18n.t(locale, key) },
      async (userId) => resolveLocale(await storedLocaleOf(db, userId), STORED_LOCALE_FALLBACK),
    );
  } catch (error) {
    logger.warn({ err: error }, "organiser command menus not published");
  }
}
