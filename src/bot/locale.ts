import type { Locale } from "../config.js";
import { readerLocale } from "../telegram/locale.js";
import type { FlowContext } from "./context.js";

/** The locale the person behind this update reads (the same choice as `ctx.t`). */
export function localeOf(ctx: FlowContext): Locale {
  return readerLocale(ctx, ctx.deps.config.defaultLocale);
}
