import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/database.js";
import { linkCampaignChat, markChatBroken, markChatWorking } from "../../src/db/repositories/campaign-chats.js";
import { getDesk, linkDesk, markDeskBroken } from "../../src/db/repositories/desk.js";
import { getInstitutionBySlug } from "../../src/db/repositories/institutions.js";
import { intermediariesOf, upsertIntermediary } from "../../src/db/repositories/intermediaries.js";
import { readLetterTargetFacts, readLetterTargetFactsWithDraft } from "../../src/db/repositories/letter-target.js";
import { findDraftTo, getOrCreateDraft, saveDraftText, saveWriterProfile, setStarterClosing } from "../../src/db/repositories/letters.js";
import { getPrisonerFor, setPrisonerPrivateTo } from "../../src/db/repositories/prisoners.js";
import type { PrisonerForLetter, PrisonerRecord } from "../../src/domain/directory/types.js";
import { countsOf } from "../../src/domain/letters/text-counts.js";
import { hasOrganiserRelay, organiserRelayKind } from "../../src/services/relay/relay-letter.js";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/database.js";

/**
 * The letter flow's lookup is one statement (issue 14): for every seeded person it must read what the separate
 * repository reads give — the card as the writer may see it, with its campaigns; its institution; whether organisers
 * take letters (a working campaign chat or desk) and whose; whether a delivery service is recorded; the draft; the history.
 */
const WRITER = 601;
const OTHER = 602;
const CAMPAIGN = "open-letter-2025";
const now = new Date("2026-12-07T04:00:00Z");

let testDb: TestDatabase;
let db: DB;
beforeEach(async () => {
  testDb = await createSeededTestDatabase(now, { [WRITER]: "en", [OTHER]: "en" });
  db = testDb.db;
});
afterEach(async () => testDb.cleanup());

const slugs = async () => (await db.selectFrom("prisoners").select("slug").orderBy("slug").execute()).map((row) => row.slug);

/** The part of a card writing a letter reads: the lookup leaves out the texts for people reading the card. */
function forLetter(card: PrisonerRecord): PrisonerForLetter {
  const { altSpellings: _spellings, birthYearAlternatives: _years, birthDate: _date, birthNote: _note, summary: _summary, hashtag: _hashtag, ...rest } = card;
  const { note: _statusNote, ...status } = card.status;
  return { ...rest, status, interests: { tags: card.interests.tags } };
}

/** What the separate reads give, in the shape of the one statement's answer (draft and history compared apart). */
async function separately(slug: string, writerId: number) {
  const prisoner = await getPrisonerFor(db, slug, writerId);
  if (!prisoner) return undefined;
  return {
    prisoner: forLetter(prisoner),
    institution: prisoner.location.institution ? await getInstitutionBySlug(db, prisoner.location.institution) : undefined,
    organiserRelay: await hasOrganiserRelay(db, slug),
    relayVia: await organiserRelayKind(db, slug),
    deskLinked: (await getDesk(db)) !== undefined,
    intermediary: (await intermediariesOf(db, slug)).length > 0,
  };
}

async function expectSameAsSeparately(writerId: number): Promise<void> {
  for (const slug of await slugs()) {
    const facts = await readLetterTargetFacts(db, slug, writerId);
    const expected = await separately(slug, writerId);
    if (!expected) {
      expect(facts, slug).toBeUndefined();
      continue;
    }
    const { prisoner, institution, organiserRelay, relayVia, deskLinked, intermediary } = facts ?? {};
    expect({ prisoner, institution, organiserRelay, relayVia, deskLinked, intermediary }, slug).toEqual(expected);
  }
}

describe("the letter flow's lookup in one statement", () => {
  it("reads what the separate reads give for every seeded person, as routes open and break", async () => {
    expect((await slugs()).length).toBeGreaterThan(10);
    await expectSameAsSeparately(WRITER);
    const link = { chatType: "supergroup" as const, title: "Organisers", locale: "en", linkedBy: 1, now };
    await linkCampaignChat(db, { ...link, campaignSlug: CAMPAIGN, chatId: -100_1 });
    await expectSameAsSeparately(WRITER);
    expect((await readLetterTargetFacts(db, "kamardin-artem", WRITER))?.organiserRelay).toBe(true);
    await markChatBroken(db, -100_1, "kicked", now);
    await expectSameAsSeparately(WRITER);
    expect((await readLetterTargetFacts(db, "kamardin-artem", WRITER))?.organiserRelay).toBe(false);
    await linkDesk(db, { ...link, chatId: -100_2 });
    await expectSameAsSeparately(WRITER);
    // Whose organisers: a working campaign chat before a working desk.
    expect((await readLetterTargetFacts(db, "kamardin-artem", WRITER))?.relayVia).toBe("desk");
    await markChatWorking(db, -100_1, now);
    await expectSameAsSeparately(WRITER);
    expect((await readLetterTargetFacts(db, "kamardin-artem", WRITER))?.relayVia).toBe("campaign");
    await markChatBroken(db, -100_1, "kicked", now);
    const service = { service: "fsin-pismo", url: "https://example.org/service", as_of: "2026-12-01", source: "https://example.org/source" };
    await upsertIntermediary(db, { prisoner_slug: "kamardin-artem", ...service });
    await expectSameAsSeparately(WRITER);
    expect((await readLetterTargetFacts(db, "kamardin-artem", WRITER))?.intermediary).toBe(true);
    // A desk that stopped working is still linked (the route step says nothing about a missing desk), but takes no letters.
    await markDeskBroken(db, -100_2, "kicked", now);
    await expectSameAsSeparately(WRITER);
    expect(await readLetterTargetFacts(db, "kamardin-artem", WRITER)).toMatchObject({ organiserRelay: false, deskLinked: true });
  });

  it("shows a writer's own unchecked card to them alone, and knows no one it was not given", async () => {
    await setPrisonerPrivateTo(db, "kamardin-artem", WRITER);
    expect((await readLetterTargetFacts(db, "kamardin-artem", WRITER))?.prisoner.slug).toBe("kamardin-artem");
    expect(await readLetterTargetFacts(db, "kamardin-artem", OTHER)).toBeUndefined();
    expect(await readLetterTargetFacts(db, "nobody-by-this-name", WRITER)).toBeUndefined();
    await expectSameAsSeparately(OTHER);
  });

  it("reads the writer's draft (its figures, its text only while they are not counted) and whether they finished a letter", async () => {
    const slug = "kagarlitsky-boris";
    expect(await readLetterTargetFacts(db, slug, WRITER)).toMatchObject({ draft: undefined, finishedBefore: false });
    const draft = await getOrCreateDraft(db, WRITER, slug, now);
    expect((await readLetterTargetFacts(db, slug, WRITER))?.draft).toEqual({
      id: draft.id,
      hasText: false,
      counts: undefined,
      uncountedText: null,
    });
    const text = "Здравствуйте, Борис Юльевич!\n\nПишу Вам из Кракова.";
    await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text, now });
    const counts = countsOf(text);
    expect((await readLetterTargetFacts(db, slug, WRITER))?.draft).toEqual({
      id: draft.id,
      hasText: true,
      counts,
      uncountedText: null,
    });
    // Not counted (a draft from before the running figures): its text is read, to be counted once.
    await db.updateTable("letters").set({ text_characters: null, text_words: null, text_lines: null }).where("id", "=", draft.id).execute();
    expect((await readLetterTargetFacts(db, slug, WRITER))?.draft).toMatchObject({ hasText: true, counts: undefined, uncountedText: text });
    // Another writer's draft is not this writer's.
    expect((await readLetterTargetFacts(db, slug, OTHER))?.draft).toBeUndefined();
    expect(await findDraftTo(db, OTHER, slug)).toBeUndefined();

    const at = now.toISOString();
    await db
      .insertInto("letters")
      .values({ writer_id: WRITER, prisoner_slug: "kamardin-artem", status: "finished", route: "post", text: "Earlier.", created_at: at, updated_at: at, finished_at: at })
      .execute();
    expect((await readLetterTargetFacts(db, slug, WRITER))?.finishedBefore).toBe(true);
    expect((await readLetterTargetFacts(db, slug, OTHER))?.finishedBefore).toBe(false);
  });

  it("reads, for \"check\", the same facts with the draft's whole text and the writer's profile", async () => {
    const slug = "kagarlitsky-boris";
    const withDraft = async (writerId: number) => {
      const read = await readLetterTargetFactsWithDraft(db, slug, writerId);
      const facts = await readLetterTargetFacts(db, slug, writerId);
      expect(read && { ...read, text: undefined, profile: undefined }).toEqual(facts && { ...facts, text: undefined, profile: undefined });
      return { text: read?.text, profile: read?.profile };
    };
    expect(await withDraft(WRITER)).toEqual({ text: null, profile: undefined });
    const draft = await getOrCreateDraft(db, WRITER, slug, now);
    const text = "Здравствуйте, Борис Юльевич!\n\nПишу Вам из Кракова.";
    await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text, now });
    // Counted, so the lookup's own columns leave the text out; this one reads it whole.
    expect(await withDraft(WRITER)).toEqual({ text, profile: undefined });
    // A letter at the limit is read as its bytes on SQLite (db/utf8-text.ts): the same text.
    const long = `${"Пишу Вам снова, 😀. ".repeat(631)}Ваша Оксана`;
    await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: long, now });
    expect(await withDraft(WRITER)).toEqual({ text: long, profile: undefined });
    await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text, now });
    await saveWriterProfile(db, WRITER, { signature: { name: "Оксана", city: "Львів" }, remember: true, grammaticalGender: "female" }, now);
    expect(await withDraft(WRITER)).toEqual({
      text,
      profile: { remembered: 1, signature_name: "Оксана", signature_city: "Львів", grammatical_gender: "female" },
    });
    await saveWriterProfile(db, WRITER, { signature: null, remember: false }, now);
    expect((await withDraft(WRITER)).profile).toEqual({ remembered: 0, signature_name: null, signature_city: null, grammatical_gender: "female" });
    // Another writer: neither this draft nor this profile; nobody: nothing at all.
    expect(await withDraft(OTHER)).toEqual({ text: null, profile: undefined });
    await setPrisonerPrivateTo(db, slug, OTHER);
    expect(await readLetterTargetFactsWithDraft(db, slug, WRITER)).toBeUndefined();
  });

  it("reads, for step 1 taking a draft up again, the starter's closing while the draft's text still ends with it", async () => {
    const slug = "kagarlitsky-boris";
    const closingOf = async () => (await readLetterTargetFacts(db, slug, WRITER, { closing: true }))?.draft?.closing;
    const draft = await getOrCreateDraft(db, WRITER, slug, now);
    const closing = "Желаю Вам сил.\n\nС теплом,";
    await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: `Здравствуйте!\n\n${closing}`, now });
    expect(await closingOf()).toBeUndefined();
    await setStarterClosing(db, { letterId: draft.id, writerId: WRITER, closing });
    expect(await closingOf()).toBe(closing);
    // Without the option the lookup reads neither the closing nor the text.
    expect((await readLetterTargetFacts(db, slug, WRITER))?.draft).not.toHaveProperty("closing");
    await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: "Здравствуйте!", now });
    expect(await closingOf()).toBeUndefined();
    expect((await readLetterTargetFacts(db, slug, OTHER, { closing: true }))?.draft).toBeUndefined();
  });
});
