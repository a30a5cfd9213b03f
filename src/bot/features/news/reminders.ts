import { Composer } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { BIRTHDAY_LEAD_DAYS, isReminderWeeks, REMINDER_WEEK_CHOICES } from "../../../domain/news/schedule.js";
import {
  askReminderData,
  birthdayRemindersData,
  deleteReminderData,
  pickReminderPrisonerData,
  setReminderData,
  showRemindersData,
} from "../../../services/news/callbacks.js";
import {
  chooseBirthdayReminders,
  reminderCandidates,
  remindersOf,
  reminderTarget,
  remindToWrite,
  stopReminder,
} from "../../../services/news/reminder-settings.js";
import { formatNewsDate } from "../../../services/news/render.js";
import type { BotContext, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { editOrKeep } from "./shared.js";
import { localeOf } from "../../locale.js";
import { prisonerName } from "../../../domain/directory/names.js";

/**
 * Opt-in reminders: "remind me to write to X every N weeks" (from a card or /reminders) and birthday reminders for
 * followed prisoners whose birth date is known. The news scheduler sends them (src/services/news/reminders.ts).
 */
const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

async function remindersScreen(ctx: FlowContext): Promise<{ text: string; keyboard: InlineKeyboardMarkup }> {
  const userId = ctx.user?.id ?? 0;
  const locale = localeOf(ctx);
  const lines = [`<b>${escapeHtml(ctx.t("news-reminders-title"))}</b>`, ""];
  const rows: InlineKeyboardButton[][] = [];
  const { reminders, birthdayReminders } = await remindersOf(ctx.deps, userId);
  if (reminders.length === 0) lines.push(escapeHtml(ctx.t("news-reminders-empty")));
  for (const reminder of reminders) {
    const name = reminder.names ? prisonerName(reminder.names, locale, "list") : reminder.prisonerSlug;
    const next = formatNewsDate(new Date(reminder.nextAt), locale);
    lines.push(`• ${escapeHtml(ctx.t("news-reminders-item", { name, weeks: reminder.everyWeeks, next }))}`);
    rows.push([{ text: ctx.t("news-button-stop-reminder", { name }), callback_data: deleteReminderData.pack(reminder.id) }]);
  }
  lines.push("", escapeHtml(ctx.t(birthdayReminders ? "news-birthdays-on" : "news-birthdays-off", { days: BIRTHDAY_LEAD_DAYS })));
  rows.push([{ text: ctx.t("news-button-add-reminder"), callback_data: pickReminderPrisonerData.pack() }]);
  rows.push([
    birthdayReminders
      ? { text: ctx.t("news-button-birthdays-off"), callback_data: birthdayRemindersData.pack(0) }
      : { text: ctx.t("news-button-birthdays-on"), callback_data: birthdayRemindersData.pack(1) },
  ]);
  return { text: lines.join("\n"), keyboard: { inline_keyboard: rows } };
}

function weeksKeyboard(ctx: FlowContext, slug: string): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      REMINDER_WEEK_CHOICES.map((weeks) => ({
        text: ctx.t("news-reminder-every", { weeks }),
        callback_data: setReminderData.pack(slug, weeks),
      })),
    ],
  };
}

privateChats.command("reminders", async (ctx) => {
  const screen = await remindersScreen(ctx);
  await ctx.reply(screen.text, { parse_mode: "HTML", reply_markup: screen.keyboard });
});

privateChats.callbackQuery(showRemindersData.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  const screen = await remindersScreen(ctx);
  await editOrKeep(ctx, screen.text, { parse_mode: "HTML", reply_markup: screen.keyboard });
});

/** "Add a reminder": the followed prisoners letters can still reach. */
privateChats.callbackQuery(pickReminderPrisonerData.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  const locale = localeOf(ctx);
  const rows: InlineKeyboardButton[][] = [];
  for (const { slug, names } of await reminderCandidates(ctx.deps, ctx.user?.id ?? 0)) {
    rows.push([{ text: prisonerName(names, locale, "list"), callback_data: askReminderData.pack(slug) }]);
  }
  const text = rows.length > 0 ? ctx.t("news-reminder-pick-prisoner") : ctx.t("news-reminder-pick-nobody");
  await ctx.reply(escapeHtml(text), { parse_mode: "HTML", reply_markup: { inline_keyboard: rows.slice(0, 40) } });
});

privateChats.callbackQuery(askReminderData.pattern, async (ctx) => {
  const [slug] = askReminderData.unpack(ctx.callbackQuery.data) ?? [];
  const prisoner = slug ? await reminderTarget(ctx.deps, slug, ctx.from?.id ?? null) : undefined;
  if (!prisoner) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true });
    return;
  }
  const name = prisonerName(prisoner.names, localeOf(ctx), "list");
  if (!prisoner.canWrite) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-reminder-cannot-write", { name }), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(escapeHtml(ctx.t("news-reminder-ask-weeks", { name })), {
    parse_mode: "HTML",
    reply_markup: weeksKeyboard(ctx, prisoner.slug),
  });
});

privateChats.callbackQuery(setReminderData.pattern, async (ctx) => {
  const [slug, weeksText] = setReminderData.unpack(ctx.callbackQuery.data) ?? [];
  const weeks = Number(weeksText);
  const outcome =
    slug && isReminderWeeks(weeks) && ctx.user
      ? await remindToWrite(ctx.deps, { userId: ctx.user.id, prisonerSlug: slug, everyWeeks: weeks })
      : { kind: "unknown" as const };
  if (outcome.kind === "unknown") {
    await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true });
    return;
  }
  const locale = localeOf(ctx);
  const name = prisonerName(outcome.names, locale, "list");
  if (outcome.kind === "cannot-write") {
    await ctx.answerCallbackQuery({ text: ctx.t("news-reminder-cannot-write", { name }), show_alert: true });
    return;
  }
  ctx.logger.info({ reminder_id: outcome.reminderId, weeks }, "news reminder set");
  await ctx.answerCallbackQuery();
  const first = formatNewsDate(new Date(outcome.nextAt), locale);
  await editOrKeep(ctx, escapeHtml(ctx.t("news-reminder-set", { name, weeks, first })), {
    parse_mode: "HTML",
    reply_markup: { inline_keyboard: [[{ text: ctx.t("news-button-reminders"), callback_data: showRemindersData.pack() }]] },
  });
});

privateChats.callbackQuery(deleteReminderData.pattern, async (ctx) => {
  const [idText] = deleteReminderData.unpack(ctx.callbackQuery.data) ?? [];
  const id = Number(idText);
  const stopped = ctx.user && Number.isSafeInteger(id) ? await stopReminder(ctx.deps, ctx.user.id, id) : false;
  if (!stopped) {
    // Someone else's reminder, or one already stopped: nothing to stop.
    await ctx.answerCallbackQuery({ text: ctx.t("news-reminder-already-stopped"), show_alert: true });
    return;
  }
  ctx.logger.info({ reminder_id: id }, "news reminder stopped");
  await ctx.answerCallbackQuery({ text: ctx.t("news-reminder-stopped") });
  // From the /reminders screen the list is redrawn; under a reminder message only its buttons go.
  if (ctx.callbackQuery.message?.text?.startsWith(ctx.t("news-reminders-title"))) {
    const screen = await remindersScreen(ctx);
    await editOrKeep(ctx, screen.text, { parse_mode: "HTML", reply_markup: screen.keyboard });
  } else {
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } });
  }
});

privateChats.callbackQuery(birthdayRemindersData.pattern, async (ctx) => {
  const [flag] = birthdayRemindersData.unpack(ctx.callbackQuery.data) ?? [];
  if ((flag !== "0" && flag !== "1") || !ctx.user) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true });
    return;
  }
  const enabled = flag === "1";
  await chooseBirthdayReminders(ctx.deps, ctx.user.id, enabled);
  ctx.logger.info({ enabled }, "news birthday reminders");
  await ctx.answerCallbackQuery({ text: ctx.t(enabled ? "news-birthdays-turned-on" : "news-birthdays-turned-off") });
  if (ctx.callbackQuery.message?.text?.startsWith(ctx.t("news-reminders-title"))) {
    const screen = await remindersScreen(ctx);
    await editOrKeep(ctx, screen.text, { parse_mode: "HTML", reply_markup: screen.keyboard });
  }
});

export { composer as remindersFeature };
