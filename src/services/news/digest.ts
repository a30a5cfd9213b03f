/**
 * The daily digest: subscribers who chose it get the day's news in one message (or a few, if long) at
 * DIGEST_HOUR_UTC, through the same outbox as immediate news. The key `digest:<user>:<day>` is claimed in the
 * transaction that marks the items and enqueues the messages, so each person gets at most one digest a day, whatever
 * restarts or second instances do. News arriving after today's digest waits for tomorrow's.
 */
import { claimScheduledSend, takeWaitingDigest, usersWithWaitingDigest } from "../../db/repositories/news.js";
import { findUser } from "../../db/repositories/users.js";
import { inTransaction } from "../../db/database.js";
import { dueDigestDay } from "../../domain/news/schedule.js";
import { enqueue, type OutboxItem } from "../../outbox/index.js";
import { NEWS_KIND } from "./publish.js";
import type { SchedulerContext } from "./reminders.js";
import { renderDigest } from "./render.js";
import { resolveLocale } from "../../telegram/locale.js";
import { loadNews, newsViewFor } from "./views.js";

export async function enqueueDueDigests(context: SchedulerContext): Promise<number> {
  const { db, now, t, defaultLocale } = context;
  const day = dueDigestDay(now);
  if (day === undefined) return 0;
  let digests = 0;
  for (const userId of await usersWithWaitingDigest(db)) {
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
      const items = renderDigest(t, locale, now, entries).map(
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
