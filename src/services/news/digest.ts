/**
 * The daily digest: subscribers who chose it get the day's news in one message (or a few, if long) at
 * DIGEST_LOCAL_HOUR in their own time zone (Kyiv unless they chose another), through the same outbox as immediate
 * news. The key `digest:<user>:<local day>` is claimed in the
 * transaction that marks the items and enqueues the messages, so each person gets at most one digest a day, whatever
 * restarts or second instances do. News arriving after today's digest waits for tomorrow's.
 */
import { claimScheduledSend, takeWaitingDigest, usersWithWaitingDigest } from "../../db/repositories/news.js";
import { findUser } from "../../db/repositories/users.js";
import { inTransaction } from "../../db/database.js";
import { DEFAULT_TIME_ZONE, dueLocalDigestDay } from "../../domain/news/time-zone.js";
import { timeZonesOf } from "../../db/repositories/subscriptions.js";
import { enqueue, type OutboxItem } from "../../outbox/index.js";
import { NEWS_KIND } from "./publish.js";
import type { SchedulerContext } from "./reminders.js";
import { renderDigest } from "./render.js";
import { resolveLocale } from "../../telegram/locale.js";
import { loadNews, newsViewFor } from "./views.js";

export async function enqueueDueDigests(context: SchedulerContext): Promise<number> {
  const { db, now, t, defaultLocale } = context;
  let digests = 0;
  const waiting = await usersWithWaitingDigest(db);
  const zones = await timeZonesOf(db, waiting);
  for (const userId of waiting) {
    const day = dueLocalDigestDay(now, zones.get(userId) ?? DEFAULT_TIME_ZONE);
    if (day === undefined) continue;
    const sent = await inTransaction(db, async (trx) => {
      const user = await findUser(trx, userId);
      // Someone who blocked the bot keeps their waiting news for when they come back.
      if (!user || user.blocked_at !== null) return false;
      if (!(await claimScheduledSend(trx, `digest:${userId}:${day}`, now))) return false;
      const posts = await takeWaitingDigest(trx, userId, now);
      const locale = resolveLocale(user.locale, defaultLocale);
      const entries = [];
      for (const post of posts) {
        const news = await loadNews(trx, post);
        if (news) entries.push(newsViewFor(news, locale));
      }
      if (entries.length === 0) return false;
      // Titled with the subscriber's own date: 19:00 in New York is already tomorrow in UTC.
      const items = renderDigest(t, locale, new Date(`${day}T12:00:00Z`), entries).map(
        (message, part): OutboxItem => ({
          kind: NEWS_KIND,
          ref: `digest:${day}:${userId}:${part}`,
          chatId: userId,
          method: "sendMessage",
          payload: {
            text: message.text,
            parse_mode: "HTML",
            link_preview_options: { is_disabled: true },
            ...(message.keyboard ? { reply_markup: message.keyboard } : {}),
          },
        }),
      );
      await enqueue(trx, items, { now });
      return true;
    });
    if (sent) digests += 1;
  }
  return digests;
}
