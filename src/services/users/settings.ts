import type { Locale } from "../../config.js";
import { setUserBlocked, setUserLocale } from "../../db/repositories/users.js";
import type { ServiceDeps } from "../deps.js";

/** The person picked the language Lysty speaks to them in; it is remembered as their own choice. */
export async function setLanguage(deps: Pick<ServiceDeps, "db">, userId: number, locale: Locale): Promise<void> {
  await setUserLocale(deps.db, userId, locale);
}

/**
 * The person blocked (or unblocked) the bot in their private chat: news, reminders and digests stop (or resume) at
 * once. Only an existing row changes; returns whether one did.
 */
export async function recordBotBlocked(deps: Pick<ServiceDeps, "db" | "clock">, userId: number, blocked: boolean): Promise<boolean> {
  return setUserBlocked(deps.db, userId, blocked ? deps.clock.now() : null);
}
