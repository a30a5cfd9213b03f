import type { Api } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import { type Locale, SUPPORTED_LOCALES } from "../config.js";
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

export function commandList(i18n: I18n<FlowContext>, locale: Locale) {
  return PUBLIC_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
}

/** One list per UI language, plus the default-locale list for everyone else. */
export async function publishCommands(api: Api, i18n: I18n<FlowContext>, defaultLocale: Locale): Promise<void> {
  for (const locale of SUPPORTED_LOCALES) {
    await api.setMyCommands(commandList(i18n, locale), { language_code: locale });
  }
  await api.setMyCommands(commandList(i18n, defaultLocale));
}
