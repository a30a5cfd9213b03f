import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../context.js";
import { callbackData } from "../../telegram/callback-data.js";

/** Main-menu buttons; each feature handles its own `menu:<item>` press. */
export const menuButton = callbackData("menu", 1);

const ITEMS = [
  ["find", "menu-find"],
  ["browse", "menu-browse"],
  ["write", "menu-write"],
  ["letters", "menu-letters"],
  ["subscriptions", "news-menu-subscriptions"],
  ["language", "menu-language"],
  ["help", "menu-help"],
] as const;

export type MenuItem = (typeof ITEMS)[number][0];

export function mainMenuKeyboard(ctx: FlowContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  ITEMS.forEach(([item, key], index) => {
    keyboard.text(ctx.t(key), menuButton.pack(item));
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard;
}
