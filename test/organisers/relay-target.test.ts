import { afterEach, beforeEach, expect, it } from "vitest";
import type { DB } from "../../src/db/database.js";
import { getCampaignChat, linkCampaignChat, markChatBroken, markChatWorking, relayTargetForPrisoner, unlinkCampaignChat, workingRelays } from "../../src/db/repositories/campaign-chats.js";
import { readLetterTargetFacts } from "../../src/db/repositories/letter-target.js";
import { getPrisonerBySlug } from "../../src/db/repositories/prisoners.js";
import { DESK_SLUG, deskChat, linkDesk, markDeskBroken, markDeskWorking } from "../../src/db/repositories/desk.js";
import { readOrganiserRouteFacts } from "../../src/db/repositories/organiser-route.js";
import { getOrCreateDraft, saveDraftText } from "../../src/db/repositories/letters.js";
import type { CampaignChat } from "../../src/db/tables/organisers.js";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/database.js";

/**
 * Where a letter goes is one statement (issue 14): it must pick what reading the prisoner's campaign chats and the
 * desk apart and choosing in code picked (the rule as it was until then), for every seeded person as links open,
 * break and a person belongs to two campaigns; the organisers' route reads the same link with the draft; and the
 * letter flow's lookup, which says whose organisers take the letter (what the writer is offered), names the owner of
 * that link whenever it works (both read one ranking, `rankedLinks`: this holds them to one answer), as does
 * `workingRelays`, the whole directory's answer for the few-letters list.
 */
const WRITER = 611;
const now = new Date("2026-12-07T19:00:00Z");
const link = { chatType: "supergroup" as const, locale: "en", linkedBy: 1, now };

let testDb: TestDatabase;
let db: DB;
beforeEach(async () => {
  testDb = await createSeededTestDatabase(now, { [WRITER]: "en" });
  db = testDb.db;
});
afterEach(async () => testDb.cleanup());

/** The rule read apart: the first working campaign chat by slug, else a working desk, else the first campaign chat, else the desk. */
async function apart(slug: string): Promise<CampaignChat | undefined> {
  const campaigns = [...((await getPrisonerBySlug(db, slug))?.campaigns ?? [])].sort();
  const chats = (await Promise.all(campaigns.map((campaign) => getCampaignChat(db, campaign)))).filter((chat) => chat !== undefined);
  const campaign = chats.find((chat) => chat.status === "ok") ?? chats[0];
  if (campaign?.status === "ok") return campaign;
  const desk = await deskChat(db);
  if (desk?.status === "ok") return desk;
  return campaign ?? desk;
}

async function expectSameAsApart(): Promise<void> {
  const slugs = (await db.selectFrom("prisoners").select("slug").execute()).map((row) => row.slug);
  const working = await workingRelays(db);
  for (const slug of slugs) {
    const expected = await apart(slug);
    // The few-letters list's answer for the whole directory at once.
    expect(working.desk || working.prisoners.has(slug), slug).toBe(expected?.status === "ok");
    expect(await relayTargetForPrisoner(db, slug), slug).toEqual(expected);
    const { chat } = await readOrganiserRouteFacts(db, slug, WRITER);
    expect(chat, slug).toEqual(expected && { chat_id: expected.chat_id, title: expected.title, public: expected.public, offers_translation: expected.offers_translation });
    const facts = await readLetterTargetFacts(db, slug, WRITER);
    // A card private to another writer is not looked up for this one.
    if (facts === undefined) continue;
    const via = expected?.status !== "ok" ? null : expected.campaign_slug === DESK_SLUG ? "desk" : "campaign";
    expect({ relayVia: facts.relayVia, organiserRelay: facts.organiserRelay }, slug).toEqual({ relayVia: via, organiserRelay: via !== null });
  }
}

it("picks what the campaign chats and the desk read apart pick, as links open and break", async () => {
  const campaigns = (await db.selectFrom("campaigns").select("slug").orderBy("slug").execute()).map((row) => row.slug);
  expect(campaigns.length).toBeGreaterThan(1);
  const [first = "", second = ""] = campaigns;
  // Someone of both campaigns, so that the order between two linked campaigns counts.
  const member = (await db.selectFrom("prisoner_campaigns").select("prisoner_slug").where("campaign_slug", "=", second).executeTakeFirstOrThrow()).prisoner_slug;
  await db.insertInto("prisoner_campaigns").values({ prisoner_slug: member, campaign_slug: first }).onConflict((oc) => oc.doNothing()).execute();
  await expectSameAsApart();
  await linkCampaignChat(db, { ...link, campaignSlug: second, chatId: -200_2, title: "Second", public: true });
  await expectSameAsApart();
  await linkCampaignChat(db, { ...link, campaignSlug: first, chatId: -200_1, title: "First", public: false });
  await expectSameAsApart();
  expect((await relayTargetForPrisoner(db, member))?.campaign_slug).toBe(first);
  await markChatBroken(db, -200_1, "kicked", now);
  await expectSameAsApart();
  expect((await relayTargetForPrisoner(db, member))?.campaign_slug).toBe(second);
  await linkDesk(db, { ...link, chatId: -200_3, title: "Desk", public: false });
  await expectSameAsApart();
  await markChatBroken(db, -200_2, "kicked", now);
  await expectSameAsApart();
  expect((await relayTargetForPrisoner(db, member))?.campaign_slug).toBe("desk");
  await markDeskBroken(db, -200_3, "kicked", now);
  await expectSameAsApart();
  expect((await relayTargetForPrisoner(db, member))?.campaign_slug).toBe(first);
  // The broken first campaign's chat unlinked: the second's (broken) remains; the desk working again takes the letter.
  await unlinkCampaignChat(db, first);
  await expectSameAsApart();
  expect((await relayTargetForPrisoner(db, member))?.campaign_slug).toBe(second);
  await markDeskWorking(db, -200_3, now);
  await expectSameAsApart();
  expect((await readLetterTargetFacts(db, member, WRITER))?.relayVia).toBe("desk");
  // The second campaign's chat working again comes before the desk; a third campaign linked to the same chat, its own
  // people in one campaign only, changes nothing for the member of both.
  await markChatWorking(db, -200_2, now);
  await expectSameAsApart();
  expect((await readLetterTargetFacts(db, member, WRITER))?.relayVia).toBe("campaign");
  if (campaigns[2] !== undefined) {
    await linkCampaignChat(db, { ...link, campaignSlug: campaigns[2], chatId: -200_2, title: "Second", public: true });
    await expectSameAsApart();
  }
});

it("reads the writer's draft with the link, and each without the other", async () => {
  const slug = "kagarlitsky-boris";
  expect(await readOrganiserRouteFacts(db, slug, WRITER)).toEqual({ chat: undefined, text: null });
  const draft = await getOrCreateDraft(db, WRITER, slug, now);
  expect(await readOrganiserRouteFacts(db, slug, WRITER)).toEqual({ chat: undefined, text: null });
  // Long enough to be read as bytes on SQLite (utf8-text.ts), and the same text.
  const text = "Здравствуйте, Борис Юльевич! ".repeat(80);
  await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text, now });
  expect(await readOrganiserRouteFacts(db, slug, WRITER)).toEqual({ chat: undefined, text });
  await linkDesk(db, { ...link, chatId: -200_3, title: "Desk", public: true });
  expect(await readOrganiserRouteFacts(db, slug, WRITER)).toEqual({ chat: { chat_id: -200_3, title: "Desk", public: 1, offers_translation: 0 }, text });
  expect(await readOrganiserRouteFacts(db, slug, WRITER + 1)).toMatchObject({ text: null });
});
