/**
 * What a person chooses about reminders: "remind me to write to X every N weeks" and birthday reminders. The
 * scheduler that sends them is reminders.ts.
 */
import { getPrisonerFor, getPrisonersBySlugs } from "../../db/repositories/prisoners.js";
import { deleteReminder, getReminderOfUser, listReminders, setReminder } from "../../db/repositories/reminders.js";
import { followedPrisonerSlugs, getNewsPreferences, setBirthdayReminders } from "../../db/repositories/subscriptions.js";
import type { PrisonerRecord } from "../../domain/directory/types.js";
import { DEFAULT_TIME_ZONE, firstLocalReminderAt } from "../../domain/news/time-zone.js";
import type { ServiceDeps } from "../deps.js";
import { canStillWrite } from "./reminders.js";

type Names = PrisonerRecord["names"];

/** The /reminders screen: the person's reminders, soonest first, and whether birthday reminders are on. */
export interface RemindersView {
  /** Names are null for someone no longer in the directory: the screen shows the slug. */
  reminders: { id: number; prisonerSlug: string; names: Names | null; everyWeeks: number; nextAt: string }[];
  birthdayReminders: boolean;
}

export async function remindersOf(deps: Pick<ServiceDeps, "db">, userId: number): Promise<RemindersView> {
  const reminders = await listReminders(deps.db, userId);
  const prisoners = await getPrisonersBySlugs(deps.db, reminders.map((reminder) => reminder.prisoner_slug));
  const { birthdayReminders } = await getNewsPreferences(deps.db, userId);
  return {
    reminders: reminders.map((reminder) => ({
      id: reminder.id,
      prisonerSlug: reminder.prisoner_slug,
      names: prisoners.get(reminder.prisoner_slug)?.names ?? null,
      everyWeeks: reminder.every_weeks,
      nextAt: reminder.next_at,
    })),
    birthdayReminders,
  };
}

/** "Add a reminder": the followed prisoners letters can still reach. */
export async function reminderCandidates(deps: Pick<ServiceDeps, "db">, userId: number): Promise<{ slug: string; names: Names }[]> {
  const slugs = await followedPrisonerSlugs(deps.db, userId);
  const prisoners = await getPrisonersBySlugs(deps.db, slugs);
  return slugs.flatMap((slug) => {
    const prisoner = prisoners.get(slug);
    return prisoner && canStillWrite(prisoner) ? [{ slug, names: prisoner.names }] : [];
  });
}

/** Whom a "remind me" button is for, and whether letters can still reach them; undefined for nobody in the directory. */
export async function reminderTarget(
  deps: Pick<ServiceDeps, "db">,
  prisonerSlug: string,
  viewer: number | null,
): Promise<{ slug: string; names: Names; canWrite: boolean } | undefined> {
  const prisoner = await getPrisonerFor(deps.db, prisonerSlug, viewer);
  return prisoner ? { slug: prisoner.slug, names: prisoner.names, canWrite: canStillWrite(prisoner) } : undefined;
}

export type RemindOutcome =
  | { kind: "unknown" }
  | { kind: "cannot-write"; names: Names }
  | { kind: "set"; names: Names; reminderId: number; nextAt: string };

/** "Remind me every N weeks" (a choice the caller checked): set or moved, unless letters no longer reach the person. */
export async function remindToWrite(
  deps: Pick<ServiceDeps, "db" | "clock">,
  input: { userId: number; prisonerSlug: string; everyWeeks: number },
): Promise<RemindOutcome> {
  const target = await reminderTarget(deps, input.prisonerSlug, input.userId);
  if (!target) return { kind: "unknown" };
  if (!target.canWrite) return { kind: "cannot-write", names: target.names };
  const now = deps.clock.now();
  const timeZone = (await getNewsPreferences(deps.db, input.userId)).timeZone ?? DEFAULT_TIME_ZONE;
  const reminder = await setReminder(deps.db, {
    userId: input.userId,
    prisonerSlug: target.slug,
    everyWeeks: input.everyWeeks,
    nextAt: firstLocalReminderAt(now, input.everyWeeks, timeZone),
    now,
  });
  return { kind: "set", names: target.names, reminderId: reminder.id, nextAt: reminder.next_at };
}

/** Stops this person's reminder; false when it is someone else's or already stopped (callback data is untrusted). */
export async function stopReminder(deps: Pick<ServiceDeps, "db">, userId: number, reminderId: number): Promise<boolean> {
  const reminder = await getReminderOfUser(deps.db, reminderId, userId);
  if (!reminder) return false;
  await deleteReminder(deps.db, reminder.id, userId);
  return true;
}

/** Birthday reminders for followed prisoners on or off. */
export async function chooseBirthdayReminders(deps: Pick<ServiceDeps, "db" | "clock">, userId: number, enabled: boolean): Promise<void> {
  await setBirthdayReminders(deps.db, userId, enabled, deps.clock.now());
}
