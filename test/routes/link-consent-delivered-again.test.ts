import { afterEach, beforeEach, expect, it } from "vitest";
import { getCampaignChat } from "../../src/db/repositories/campaign-chats.js";
import type { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import type { Harness } from "../helpers/harness.js";
import { ADMIN_ID, CAMPAIGN, organiser, publicChannel, settle } from "../organisers/world.js";

/**
 * Issue 14 (z36a), webhook mode: `/link`'s consent ("Yes, public: link it anyway") links and audits in one
 * transaction. When the process dies after it committed and before the update was recorded handled, Telegram delivers
 * the same press again; since z35d its refused answer no longer stops the handler, so the link keeps the pressed
 * message: the organiser reads "Done" again, and nothing is linked or audited a second time.
 */
let bot: DeliveredAgain;
let h: Harness;
let crash: CrashPoint;
beforeEach(async () => {
  ({ bot, crash } = await DeliveredAgain.withCrashPoint({ admins: [ADMIN_ID] }));
  h = bot.h;
});
afterEach(async () => bot.stop());

it("the consent to a public chat delivered again: one link, one audit row, and \"Done\" again", async () => {
  const boss = await organiser(h, { languageCode: "en" });
  publicChannel(h, boss, "Open news", "open_news");
  await boss.send(`/link ${CAMPAIGN} @open_news`);
  const shown = boss.messages.length;
  crash.arm("seen_updates", "audit_log");
  await boss.press("Yes, public");
  const update = await bot.lastDelivered();
  expect(crash.struck).toBe(1);
  await settle(h);
  const linked = await getCampaignChat(h.db, CAMPAIGN);
  expect(await bot.deliverAgain(update)).toBe(200);
  await settle(h);

  const done = boss.textsSince(shown);
  expect(done).toHaveLength(2);
  for (const text of done) expect(text).toContain("now arrive in «Open news»");
  expect(await getCampaignChat(h.db, CAMPAIGN)).toEqual(linked);
  expect(await h.db.selectFrom("audit_log").select("action").where("action", "=", "chat.link").execute()).toHaveLength(1);

  // Linking again by a new consent is a new link, audited.
  await boss.send(`/link ${CAMPAIGN} @open_news`);
  await boss.press("Yes, public");
  expect(await h.db.selectFrom("audit_log").select("action").where("action", "=", "chat.link").execute()).toHaveLength(2);
});
