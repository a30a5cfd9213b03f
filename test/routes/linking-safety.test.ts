import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getCampaignChat } from "../../src/db/repositories/campaign-chats.js";
import { Harness } from "../helpers/harness.js";
import { expectNoFailures } from "../letters/flow/helpers.js";
import { ADMIN_ID, CAMPAIGN, linkedGroup, newChannelId, organiser, publicChannel, sendIn } from "../organisers/world.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

describe("no private letter in a public place", () => {
  it("refuses a public channel until the organiser explicitly says «yes, public»", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const channel = publicChannel(h, boss, "Open news", "open_news");
    await boss.send(`/link ${CAMPAIGN} @open_news`);
    expect(boss.lastText()).toContain("«Open news» is public");
    expect(boss.buttons()).toEqual(["Yes, public: link it anyway", "Cancel"]);
    await boss.press("Cancel");
    expect(boss.lastText()).toBe("Nothing changed.");
    expect(await getCampaignChat(h.db, CAMPAIGN)).toBeUndefined();

    await boss.send(`/link ${CAMPAIGN} @open_news`);
    await boss.press("Yes, public");
    expect(boss.lastText()).toContain("now arrive in «Open news»");
    expect(await getCampaignChat(h.db, CAMPAIGN)).toMatchObject({ chat_id: channel, status: "ok" });
    expectNoFailures(h);
  });

  it("warns about a group with a public @username too, and a stranger's press of «yes» links nothing", async () => {
    const boss = await organiser(h, { languageCode: "uk" });
    const group = newChannelId();
    h.fake.addGroup({ id: group, title: "Відкрита група", type: "supergroup", username: "open_group" });
    h.fake.setMember(group, boss.id, "creator");
    await sendIn(h, boss, group, `/link ${CAMPAIGN}`);
    const question = h.fake.lastMessage(group)!;
    expect(question.text).toContain("«Відкрита група» — публічний чат");
    const stranger = h.user({ languageCode: "en" });
    h.fake.setMember(group, stranger.id, "member");
    await h.handled(h.fake.pressButton(stranger.id, group, question.message_id, "Так, публічний: однаково прив'язати"));
    expect(h.fake.lastMessage(group)?.text).toBe("You are not an organiser of the campaign «open-letter-2025».");
    expect(await getCampaignChat(h.db, CAMPAIGN)).toBeUndefined();
    expectNoFailures(h);
  });

  it("asks before replacing a linked group, naming both chats", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const first = await linkedGroup(h, boss);
    const second = newChannelId();
    h.fake.addGroup({ id: second, title: "New organisers", type: "supergroup" });
    h.fake.setMember(second, boss.id, "creator");
    await sendIn(h, boss, second, `/link ${CAMPAIGN}`);
    const question = h.fake.lastMessage(second)!;
    expect(question.text).toBe(
      "Letters for «Open letter of Russian political prisoners (July 2025)» now arrive in «Листи до Кагарлицького». Replace it with «New organisers»? Letters held for the old chat will go to the new one.",
    );
    expect((await getCampaignChat(h.db, CAMPAIGN))?.chat_id).toBe(first);
    await h.handled(h.fake.pressButton(boss.id, second, question.message_id, "Yes, replace it"));
    expect(h.fake.lastMessage(second)?.text).toContain("now arrive in «New organisers»");
    expect((await getCampaignChat(h.db, CAMPAIGN))?.chat_id).toBe(second);
    expectNoFailures(h);
  });

  it("/link without an argument in a group offers the campaigns as buttons", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = newChannelId();
    h.fake.addGroup({ id: group, title: "Org group", type: "supergroup" });
    h.fake.setMember(group, boss.id, "creator");
    await sendIn(h, boss, group, "/link");
    const offer = h.fake.lastMessage(group)!;
    expect(offer.reply_markup?.inline_keyboard.flat().map((button) => button.text)).toEqual([CAMPAIGN]);
    await h.handled(h.fake.pressButton(boss.id, group, offer.message_id, CAMPAIGN));
    expect(h.fake.lastMessage(group)?.text).toContain("now arrive in «Org group»");
    expectNoFailures(h);
  });
});
