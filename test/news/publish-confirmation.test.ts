import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishedByConfirmation, publishNews, type PublishInput } from "../../src/services/news/publish.js";
import { translator } from "../../src/telegram/i18n.js";
import { Harness } from "../helpers/harness.js";
import { followFromCard, importFictionalDirectory, TESTENKO } from "./fixtures.js";

/**
 * The publication keeps the organiser's message whose Publish button was pressed (`news_posts.confirmation_message_id`,
 * unique with its author): the flow looks it up before publishing (test/news/publish-delivered-again.test.ts), and
 * this is what holds when two deliveries of one press get past that look-up at once.
 */
let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ newsScheduler: "manual" });
  await importFictionalDirectory(h.db);
});
afterEach(async () => h.stop());

const AUTHOR = 41;

function input(confirmationMessageId: number | null): PublishInput {
  return {
    prisonerSlug: TESTENKO.slug,
    event: { type: "health" },
    texts: { en: "He is ill and needs letters." },
    authorLocale: "en",
    sourceUrl: null,
    authorId: AUTHOR,
    offerId: null,
    progress: null,
    confirmationMessageId,
  };
}

const publish = (confirmationMessageId: number | null) =>
  publishNews(h.db, input(confirmationMessageId), { now: h.clock.now(), t: translator("en"), defaultLocale: "en" });

describe("one publication per confirmation", () => {
  it("refuses the same confirmation a second time: one news row, one message per follower", async () => {
    await followFromCard(h.user({ languageCode: "en" }), TESTENKO.slug);
    const first = await publish(501);
    expect(first).toMatchObject({ ok: true, immediate: 1 });
    expect(await publish(501)).toEqual({ ok: false, reason: "already-published" });
    expect(await h.db.selectFrom("news_posts").select("id").execute()).toHaveLength(1);
    expect(await h.db.selectFrom("outbox").select("ref").where("kind", "=", "news").execute()).toHaveLength(1);
    expect(await publishedByConfirmation(h.db, AUTHOR, 501)).toBe(first.ok ? first.newsId : undefined);
    expect(await publishedByConfirmation(h.db, AUTHOR + 1, 501)).toBeNull();
  });

  it("keeps other confirmations apart, and news without one (published before it was kept)", async () => {
    expect((await publish(501)).ok).toBe(true);
    expect((await publish(502)).ok).toBe(true);
    expect((await publish(null)).ok).toBe(true);
    expect((await publish(null)).ok).toBe(true);
    expect(await h.db.selectFrom("news_posts").select("id").execute()).toHaveLength(4);
  });
});
