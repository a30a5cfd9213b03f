import { type Api, GrammyError } from "grammy";
import type { Locale } from "../../config.js";
import { listOrganisers, organiserCampaigns } from "../../db/repositories/roles.js";
import type { DB } from "../../db/database.js";
import type { Logger } from "../../logger.js";

/**
 * Commands organisers use; admins have these and their own. Writers never see them in the menu. `/help` lists the
 * same groups (bot/features/welcome.ts), so the menu and the help cannot drift apart.
 */
export const ORGANISER_COMMANDS = ["campaigns", "link", "unlink", "news", "review", "print", "stats", "setstatus", "move"] as const;
export const ADMIN_COMMANDS = ["invite", "organisers"] as const;

export type Translate = (locale: Locale, key: string) => string;

export interface CommandMenuDeps {
  api: Api;
  db: DB;
  admins: readonly number[];
  /** The public list in a locale (src/bot/commands.ts), so a personal menu keeps every public command too. */
  publicCommands(locale: Locale): { command: string; description: string }[];
  t: Translate;
  logger: Logger;
}

/** A person's organiser and admin commands (both empty for a writer), checked now, never remembered. */
export async function commandGroupsOf(
  deps: Pick<CommandMenuDeps, "db" | "admins">,
  userId: number,
): Promise<{ organiser: readonly string[]; admin: readonly string[] }> {
  const admin = deps.admins.includes(userId);
  if (!admin && (await organiserCampaigns(deps.db, userId)).length === 0) return { organiser: [], admin: [] };
  return { organiser: ORGANISER_COMMANDS, admin: admin ? ADMIN_COMMANDS : [] };
}

/** The commands a person should see in their private chat's menu, or none beyond the public list. */
export async function privilegedCommandsOf(deps: Pick<CommandMenuDeps, "db" | "admins">, userId: number): Promise<string[]> {
  const { organiser, admin } = await commandGroupsOf(deps, userId);
  return [...organiser, ...admin];
}

/**
 * Publishes (or removes) a person's own command menu: Telegram's `chat` scope for their private chat replaces the
 * public list there, so it holds the public commands followed by their organiser/admin ones. Someone who never
 * opened the bot has no private chat yet: Telegram refuses, and their menu is set when they join through an invite.
 */
export async function refreshCommandMenu(deps: CommandMenuDeps, userId: number, locale: Locale): Promise<"set" | "removed" | "no-chat"> {
  const privileged = await privilegedCommandsOf(deps, userId);
  const scope = { type: "chat" as const, chat_id: userId };
  try {
    if (privileged.length === 0) {
      await deps.api.deleteMyCommands({ scope });
      return "removed";
    }
    const commands = [...deps.publicCommands(locale), ...privileged.map((command) => ({ command, description: deps.t(locale, `command-${command}`) }))];
    await deps.api.setMyCommands(commands, { scope });
    return "set";
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400 && /chat not found/i.test(error.description)) return "no-chat";
    throw error;
  }
}

/** At start-up: every admin and active organiser gets their menu (roles granted before this version included). */
export async function publishPrivilegedMenus(deps: CommandMenuDeps, localeOf: (userId: number) => Promise<Locale>): Promise<number> {
  const people = new Set<number>(deps.admins);
  for (const organiser of await listOrganisers(deps.db)) people.add(organiser.user_id);
  let published = 0;
  for (const userId of [...people].sort((a, b) => a - b)) {
    if ((await refreshCommandMenu(deps, userId, await localeOf(userId))) === "set") published += 1;
  }
  deps.logger.info({ published, people: people.size }, "organiser command menus published");
  return published;
}
