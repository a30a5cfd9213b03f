import type { Locale } from "../config.js";
import { isLocale, readerLocale } from "../telegram/locale.js";
import type { FlowContext } from "./context.js";

/** The locale the person behind this update reads (the same choice as `ctx.t`). */
export function localeOf(ctx: FlowContext): Locale {
  // A stored locale we ship is the answer (`readerLocale` would guess from Telegram's language_code first, then drop
  // the guess): screens ask several times per update (issue 14).
  const stored = ctx.user?.locale;
  return isLocale(stored) ? stored : readerLocale(ctx, ctx.deps.config.defaultLocale);
}
