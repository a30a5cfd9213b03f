import { afterEach, beforeEach, expect, it } from "vitest";
import { getCampaignChat, markChatBroken } from "../../src/db/repositories/campaign-chats.js";
import { Harness } from "../helpers/harness.js";
import { ADMIN_ID, CAMPAIGN, organiser, sendIn } from "../organisers/world.js";

/**
 * A group's campaign pick (`/link` without a campaign) leaves its buttons in place, and the link keeps the press so
 * that press delivered again writes nothing more (z36a; the press itself since z38e). A later, separate press of the
 * same button is the organisers' way to link again once the link broke: it must link, not be taken for the first
 * press; and for a link that works it is a check, answered as one, that refreshes the link (z38e).
 */
let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

const CAMPAIGN_NAME = "Open letter of Russian political prisoners (July 2025)";

/** An organiser's group, `/link` sent there, and a function pressing the campaign's button of that pick (a new press each time). */
async function campaignPick(group: number) {
  const boss = await organiser(h, { languageCode: "en" });
  h.fake.addGroup({ id: group, title: "Organisers", type: "supergroup" });
  h.fake.setMember(group, boss.id, "creator");
  await sendIn(h, boss, group, "/link");
  const pick = h.fake.lastMessage(group)!;
  const button = pick.reply_markup?.inline_keyboard[0]?.[0];
  expect(button?.text).toBe(CAMPAIGN);
  return { boss, press: () => h.handled(h.fake.pressButton(boss.id, group, pick.message_id, button!.text)) };
}

it("pressing the same campaign button again after the link broke links the chat again", async () => {
  const group = -1_002_000_000_777;
  const { press } = await campaignPick(group);
  await press();
  expect((await getCampaignChat(h.db, CAMPAIGN))?.status).toBe("ok");

  await markChatBroken(h.db, group, "forbidden", h.clock.now());
  await press();

  expect((await getCampaignChat(h.db, CAMPAIGN))?.status).toBe("ok");
  expect(await h.db.selectFrom("audit_log").select("action").where("action", "=", "chat.link").execute()).toHaveLength(2);
});

it("pressing the same campaign button again for a working link checks the rights again, says so and refreshes the link (en)", async () => {
  const group = -1_002_000_000_778;
  const { boss, press } = await campaignPick(group);
  await press();
  expect(h.fake.lastMessage(group)?.text).toBe(`Done: relayed letters for «${CAMPAIGN_NAME}» now arrive in «Organisers».`);

  // The group was renamed since. Before z38e this press was taken for the first one delivered again: "Done" said
  // again, nothing checked or written (the old title kept).
  h.fake.addGroup({ id: group, title: "Letters desk", type: "supergroup" });
  h.fake.setMember(group, boss.id, "creator");
  await press();
  expect(h.fake.lastMessage(group)?.text).toBe(
    `«Letters desk» already receives the relayed letters for «${CAMPAIGN_NAME}». Checked again just now: you run this chat, and the bot can post in it.`,
  );
  expect(await getCampaignChat(h.db, CAMPAIGN)).toMatchObject({ status: "ok", chat_id: group, title: "Letters desk" });
  expect(await h.db.selectFrom("audit_log").select("action").where("action", "=", "chat.link").execute()).toHaveLength(2);

  // The bot no longer a member: the press says what is missing, and links nothing.
  h.fake.setMember(group, h.fake.botId, "left");
  await press();
  expect(await h.db.selectFrom("audit_log").select("action").where("action", "=", "chat.link").execute()).toHaveLength(2);
});
