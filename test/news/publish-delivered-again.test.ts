import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import type { Harness } from "../helpers/harness.js";
import { CAMPAIGN, finishBroadcasts, followFromCard, importFictionalDirectory, organiserOf, TESTENKO } from "./fixtures.js";
import { label, publishThroughChat } from "./publish-driver.js";

/**
 * Issue 14, in webhook mode: `/news`'s publication (news row, outbox rows) commits inside the flow, whose end is
 * stored after it. When the process dies between the two, Telegram delivers the confirming press again to the
 * restarted bot, whose stored flow still waits at the confirmation. Telegram takes one answer per press, so the
 * flow's answer to it is refused; the refusal is taken as answered (src/bot/press-answer.ts) and the flow goes on to
 * publish, where the publication kept with its confirmation (`news_posts.confirmation_message_id`) is found: nothing
 * is published or sent again, and no error is shown. (Before, the refused answer ended the flow with "something went
 * wrong… try again" although the news had gone out.)
 */
let bot: DeliveredAgain;
let h: Harness;
/** The death after the publication committed: the flow's end (its stored state deleted) fails… */
let beforeTheEnd: CrashPoint;
/** …and so does the webhook's record of the update handled, as neither happens in a process that died. */
let beforeTheMark: CrashPoint;
beforeEach(async () => {
  beforeTheEnd = new CrashPoint();
  beforeTheMark = new CrashPoint();
  bot = await DeliveredAgain.start({ dbPlugins: [beforeTheEnd, beforeTheMark] });
  h = bot.h;
  await importFictionalDirectory(h.db);
});
afterEach(async () => bot.stop());

const HEADLINE = "He is ill and needs letters.";

describe("/news: the confirming press delivered again after the process died once it was published", () => {
  it("publishes once: the follower gets the news once and the organiser one report (en)", async () => {
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const follower = h.user({ languageCode: "en" });
    await followFromCard(follower, TESTENKO.slug);
    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "health", text: HEADLINE, source: null, confirm: false });

    beforeTheEnd.arm("conversation_state", "news_posts");
    beforeTheMark.arm("seen_updates", "news_posts");
    await organiser.press(label("en", "news-publish-button-publish"));
    const press = await bot.lastDelivered();
    expect([beforeTheEnd.struck, beforeTheMark.struck]).toEqual([1, 1]);
    expect(press.callback_query).toBeDefined();
    expect(await h.db.selectFrom("conversation_state").select("key").execute()).toHaveLength(1);

    const shown = organiser.messages.length;
    const logged = h.logs.length;
    expect(await bot.deliverAgain(press)).toBe(200);
    // Nothing new: no second "Preparing to send…", and no error (the answer Telegram refused is not one).
    expect(organiser.messages.slice(shown)).toEqual([]);
    const redelivery = h.logs.slice(logged);
    expect(redelivery.filter((line) => line.includes('"update failed"'))).toEqual([]);
    expect(redelivery.some((line) => line.includes("press answer refused by Telegram"))).toBe(true);
    expect(redelivery.some((line) => line.includes("news confirmation delivered again; published already"))).toBe(true);
    // The flow ended, having found its publication: the same button pressed once more is out of date.
    expect(await h.db.selectFrom("conversation_state").select("key").execute()).toEqual([]);
    await organiser.press(label("en", "news-publish-button-publish"));
    expect(organiser.lastCallbackAnswer()).toBe(label("en", "unhandled-stale-button"));
    await finishBroadcasts(h);

    expect(await h.db.selectFrom("news_posts").select("author_id").execute()).toEqual([{ author_id: organiser.id }]);
    expect(await h.db.selectFrom("outbox").select("ref").where("kind", "=", "news").execute()).toHaveLength(1);
    expect(follower.messages.filter((message) => message.text?.includes(HEADLINE))).toHaveLength(1);
    // The progress message of the first delivery is edited into the report; no second one was sent.
    expect(organiser.messages.filter((message) => message.text?.startsWith("✅ Done: the news about Ivan Testenko"))).toHaveLength(1);
  });
});
