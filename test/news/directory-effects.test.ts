import { afterEach, describe, expect, it } from "vitest";
import { getLetterOfWriter, getOrCreateDraft, saveDraftText } from "../../src/db/repositories/letters.js";
import { getPrisonerHistory } from "../../src/db/repositories/prisoner-history.js";
import { getPrisonerBySlug } from "../../src/db/repositories/prisoners.js";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { CAMPAIGN, eventually, followFromCard, importFictionalDirectory, messageContaining, organiserOf, PRIMEROVA, TESTENKO } from "./fixtures.js";
import { publishThroughChat } from "./publish-driver.js";

let h: Harness;
afterEach(async () => h?.stop());

/** A writer who started a letter to the prisoner and has not finished it. */
async function writerWithDraft(languageCode: string, text: string): Promise<{ writer: TestUser; letterId: number }> {
  const writer = h.user({ languageCode });
  await writer.send("/start");
  const draft = await getOrCreateDraft(h.db, writer.id, TESTENKO.slug, h.clock.now());
  // As a message of the writing stage saves it: the draft keeps the message's id (letters.saved_messages).
  await saveDraftText(h.db, { letterId: draft.id, writerId: writer.id, text, now: h.clock.now(), message: 41 });
  return { writer, letterId: draft.id };
}

describe("news that changes the directory", () => {
  it("a transfer moves the prisoner on their card, with history, and warns writers with an unfinished letter", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const { writer, letterId } = await writerWithDraft("uk", "Добрий день, Іване!");
    const follower = h.user({ languageCode: "en" });
    await followFromCard(follower, TESTENKO.slug);
    const ukFollower = h.user({ languageCode: "uk" });
    await followFromCard(ukFollower, TESTENKO.slug);

    await publishThroughChat(organiser, {
      locale: "en",
      query: "Testenko",
      pick: "Ivan Testenko",
      event: "transfer",
      institution: { query: "Примерный", pick: "ИК-98 (Примерный)" },
      text: "Ivan has been moved to another colony.",
      source: "https://example.org/transfer",
    });

    // The new place in the reader's language, as the card says it (Russian only on the card's "for letters" line).
    const news = await messageContaining(follower, "Transferred to penal colony No. 98 (Primerny)");
    expect(news.text).toContain("The address on the prisoner's card has been updated");
    const ukNews = await messageContaining(ukFollower, "Переведено до: виправна колонія № 98 (Примерний)");
    expect(ukNews.text).not.toContain("ИК-98");
    const prisoner = await getPrisonerBySlug(h.db, TESTENKO.slug);
    expect(prisoner?.location).toMatchObject({ institution: "ik-98-primerny", sourceUrl: "https://example.org/transfer", believedCurrent: true });
    const history = await getPrisonerHistory(h.db, TESTENKO.slug);
    expect(history.at(-1)).toMatchObject({ field: "institution", oldValue: "ik-99-testovsk", newValue: "ik-98-primerny", changedBy: organiser.id });

    // The card everyone opens now shows the new place.
    const reader = h.user({ languageCode: "en" });
    await reader.send(`/start p_${TESTENKO.slug}`);
    expect(reader.lastText()).toContain("ИК-98 (Примерный)");
    expect(reader.lastText()).not.toContain("ИК-99 (Тестовск)");
    // Its summary, written before the transfer, is marked as such instead of contradicting the new place.
    expect(reader.lastText()).toContain("A fictional person for tests.\nℹ️ This description was written before the transfer");
    const before = h.user({ languageCode: "en" });
    await before.send(`/start p_${PRIMEROVA.slug}`);
    expect(before.lastText()).not.toContain("written before the transfer");

    // The writer hears about it in their language, and the draft is kept.
    const note = await messageContaining(writer, "перевели до іншого місця");
    expect(note.text).toContain("Тестенко Іван");
    expect((await getLetterOfWriter(h.db, letterId, writer.id))?.status).toBe("draft");
  });

  it("a release marks the prisoner free, closes unfinished letters with a kind note and drops the letter buttons", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const { writer, letterId } = await writerWithDraft("ru", "Здравствуйте, Иван!");
    const follower = h.user({ languageCode: "en" });
    await followFromCard(follower, TESTENKO.slug);
    await follower.press("Remind me to write");
    await follower.press("every week");
    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "court", text: "The appeal was heard.", source: null });
    await eventually(() => expect(follower.messages.some((m) => m.text?.includes("The appeal was heard."))).toBe(true));

    await publishThroughChat(organiser, {
      locale: "en",
      query: "Testenko",
      pick: "Ivan Testenko",
      event: "release",
      text: "Ivan is free! He thanks everyone who wrote.",
      source: "https://example.org/free",
    });
    const news = await messageContaining(follower, "🕊 Released");
    expect(news.text).toContain("Letters to prison are no longer needed");
    const buttons = news.reply_markup?.inline_keyboard.flat().map((button) => button.text) ?? [];
    expect(buttons).toEqual(["🔕 Unfollow"]);

    const prisoner = await getPrisonerBySlug(h.db, TESTENKO.slug);
    expect(prisoner?.status).toMatchObject({ value: "released", sourceUrl: "https://example.org/free", confidence: "confirmed" });
    expect(prisoner?.location.institution).toBeNull();
    const history = await getPrisonerHistory(h.db, TESTENKO.slug);
    expect(history.some((entry) => entry.field === "status" && entry.oldValue === "sentenced" && entry.newValue === "released")).toBe(true);

    // The unfinished letter is closed, its text not kept (nor its figures, nor the ids of the messages it was saved
    // from), and its writer told kindly in their language.
    const letter = await getLetterOfWriter(h.db, letterId, writer.id);
    expect(letter).toMatchObject({ status: "closed", text: null, text_characters: null, text_words: null, text_lines: null, saved_messages: null });
    await eventually(() => expect(writer.messages.some((m) => m.text?.includes("Хорошая новость: Тестенко Иван на свободе"))).toBe(true));

    // The card offers no letter any more.
    const reader = h.user({ languageCode: "en" });
    await reader.send(`/start p_${TESTENKO.slug}`);
    expect(reader.buttons().join(" | ")).not.toMatch(/Write a letter|Remind me/);

    // The follower's reminder to write ends when it comes due, saying why.
    h.clock.advance(8 * 24 * 3_600_000);
    await messageContaining(follower, "Ivan Testenko can no longer receive letters in prison, so your reminder to write to them has been stopped");
    expect(await h.db.selectFrom("news_reminders").selectAll().execute()).toEqual([]);
    expect(follower.messages.some((m) => m.text?.startsWith("⏰ Time to write"))).toBe(false);

    // Nothing organisers or subscribers wrote, and no prisoner's name, reached the logs.
    const logs = h.logs.join("\n");
    for (const fragment of ["Ivan is free", "The appeal was heard", "Тестенко", "Testenko", "Здравствуйте, Иван"]) {
      expect(logs).not.toContain(fragment);
    }
  });

  it("will not change the directory without a source link", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    await organiser.send("/news");
    await organiser.send("Testenko");
    await organiser.press("Ivan Testenko");
    await organiser.press("Exchange");
    await organiser.send("Exchanged today.");
    await organiser.press("Continue");
    expect(organiser.lastText()).toContain("It is required");
    expect(organiser.buttons()).not.toContain("Skip");
    await organiser.send("not a link");
    expect(organiser.lastText()).toContain("does not look like a web link");
    await organiser.send("javascript:alert(1)");
    expect(organiser.lastText()).toContain("does not look like a web link");
    await organiser.send("/cancel");
    expect((await getPrisonerBySlug(h.db, TESTENKO.slug))?.status.value).toBe("sentenced");
  });
});
