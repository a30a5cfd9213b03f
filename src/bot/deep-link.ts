import type { BotContext } from "./context.js";

/** `/start <payload>`: Telegram passes the deep-link payload of `t.me/<bot>?start=<payload>` this way. */
export function startPayload(ctx: BotContext): string {
  const text = ctx.message?.text ?? "";
  const match = /^\/start(?:@\w+)?\s+(\S+)/.exec(text);
  return match?.[1] ?? "";
}

/** Filter for `/start` updates whose payload begins with `prefix`, e.g. `p_` for a prisoner card. */
export function isDeepLink(prefix: string) {
  return (ctx: BotContext) => startPayload(ctx).startsWith(prefix);
}

export function deepLinkUrl(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${encodeURIComponent(payload)}`;
}
