import { afterEach, beforeEach, expect, it } from "vitest";
import { getCampaignChat, markChatBroken } from "../../src/db/repositories/campaign-chats.js";
import { Harness } from "../helpers/harness.js";
import { ADMIN_ID, CAMPAIGN, organiser, sendIn } from "../organisers/world.js";

/**
 * A group's campaign pick (`/link` without a campaign) leaves its buttons in place, and the link keeps the pressed
 * message so that press delivered again writes nothing more (z36a). A later, separate press of the same button is
 * the organisers' way to link again once the link broke: it must link, not be taken for the first press.
 */
let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

it("pressing the same campaign button again after the link broke links the chat again", async () => {
  const boss = await organiser(h, { languageCode: "en" });
  const group = -1_002_000_000_777;
  h.fake.addGroup({ id: group, title: "Organisers", type: "supergroup" });
  h.fake.setMember(group, boss.id, "creator");
  await sendIn(h, boss, group, "/link");
  const pick = h.fake.lastMessage(group)!;
  const button = pick.reply_markup?.inline_keyboard[0]?.[0];
  expect(button?.text).toBe(CAMPAIGN);
  await h.handled(h.fake.pressButton(boss.id, group, pick.message_id, button!.text));
  expect((await getCampaignChat(h.db, CAMPAIGN))?.status).toBe("ok");

  await markChatBroken(h.db, group, "forbidden", h.clock.now());
  await h.handled(h.fake.pressButton(boss.id, group, pick.message_id, button!.text));

  expect((await getCampaignChat(h.db, CAMPAIGN))?.status).toBe("ok");
  expect(await h.db.selectFrom("audit_log").select("action").where("action", "=", "chat.link").execute()).toHaveLength(2);
});
