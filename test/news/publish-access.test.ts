import { afterEach, describe, expect, it } from "vitest";
import { revokeOrganiser } from "../../src/db/repositories/roles.js";
import { Harness } from "../helpers/harness.js";
import { CAMPAIGN, followFromCard, importFictionalDirectory, organiserOf, OTHER_CAMPAIGN, OUTSIDER, PRIMEROVA, TESTENKO } from "./fixtures.js";
import { publishThroughChat } from "./publish-driver.js";

let h: Harness;
afterEach(async () => h?.stop());

async function auditActions(actorId: number): Promise<string[]> {
  const rows = await h.db.selectFrom("audit_log").select("action").where("actor_id", "=", actorId).orderBy("id").execute();
  return rows.map((row) => row.action);
}

describe("who may publish", () => {
  it("refuses /news to someone who organises nothing, in their language, and records the attempt", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const writer = h.user({ languageCode: "ru" });
    await writer.send("/news");
    expect(writer.lastText()).toContain("Публиковать новости дел могут только организаторы");
    expect(await auditActions(writer.id)).toEqual(["news.publish.refused"]);
    // A forged "Publish" press outside any flow is just an old button.
    await writer.pressData(writer.messages.at(-1)!.message_id, "np:c:publish");
    expect(writer.lastCallbackAnswer()).toContain("устарела");
    expect(await h.db.selectFrom("news_posts").selectAll().execute()).toEqual([]);
  });

  it("does not let an organiser of another campaign publish about this prisoner", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const other = await organiserOf(h, OTHER_CAMPAIGN, "en");
    await other.send("/news");
    await other.send("Testenko");
    expect(other.lastText()).toContain("not in a campaign you organise");
    expect(other.buttons()).not.toContain("Ivan Testenko");
    // Pressing a forged result button for that prisoner is refused too, even with this flow's token (taken from a
    // result button for a prisoner of their own campaign).
    await other.send("Vneshnev");
    const { button } = other.findButton(/Vneshnev/);
    const token = ("callback_data" in button ? button.callback_data : "").split(":")[1];
    await other.pressData(other.messages.at(-1)!.message_id, `np:${token}:p:${TESTENKO.slug}`);
    expect(other.lastText()).toContain("You cannot publish news about this prisoner");
  });

  it("finds the organiser's own prisoner by name however many namesakes of other campaigns the search ranks first", async () => {
    h = await Harness.start();
    const namesakes = Array.from({ length: 12 }, (_, index) => ({
      ...OUTSIDER,
      slug: `testenko-a-${String(index + 1).padStart(2, "0")}`,
      surname: TESTENKO.surname,
      hashtag: `#Тестенко${index + 1}`,
    }));
    await importFictionalDirectory(h.db, [TESTENKO, PRIMEROVA, OUTSIDER, ...namesakes]);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    await organiser.send("/news");
    await organiser.send("Testenko");
    expect(organiser.lastText()).toBe("Choose the prisoner:");
    expect(organiser.buttons()).toEqual(["Ivan Testenko"]);
    const other = await organiserOf(h, "no-such-campaign", "en");
    await other.send("/news");
    await other.send("Testenko");
    expect(other.lastText()).toContain("not in a campaign you organise");
  });

  it("checks the role again at the moment of publishing: a role revoked meanwhile sends nothing", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const follower = h.user({ languageCode: "en" });
    await followFromCard(follower, TESTENKO.slug);
    await publishThroughChat(organiser, {
      locale: "en",
      query: "Testenko",
      pick: "Ivan Testenko",
      event: "health",
      text: "He is ill.",
      source: null,
      confirm: false,
    });
    await revokeOrganiser(h.db, { userId: organiser.id, campaignSlug: CAMPAIGN, revokedBy: 1, at: h.clock.now() });
    await organiser.press("Publish");
    expect(organiser.lastText()).toContain("You can no longer publish news about this prisoner");
    expect(await h.db.selectFrom("news_posts").selectAll().execute()).toEqual([]);
    expect(await h.db.selectFrom("outbox").selectAll().where("kind", "=", "news").execute()).toEqual([]);
    expect(await auditActions(organiser.id)).toContain("news.publish.refused");
  });

  it("lets an admin publish about anyone, and audits the publication", async () => {
    h = await Harness.start({ admins: [424242] });
    await importFictionalDirectory(h.db);
    const admin = h.user({ id: 424242, languageCode: "en" });
    await publishThroughChat(admin, { locale: "en", query: "Vneshnev", pick: "Petr Vneshnev", event: "other", text: "A hearing is set.", source: null });
    const posts = await h.db.selectFrom("news_posts").select(["id", "prisoner_slug", "author_id"]).execute();
    expect(posts).toEqual([{ id: 1, prisoner_slug: "vneshnev-petr", author_id: 424242 }]);
    expect(await auditActions(admin.id)).toEqual(["news.publish"]);
  });
});

describe("answers to unexpected input while publishing", () => {
  it("explains what it needs instead of failing or staying silent", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "uk");
    await organiser.send("/news");
    await organiser.send("Ніхтоненко");
    expect(organiser.lastText()).toContain("За запитом «Ніхтоненко» нікого не знайдено");
    await organiser.send("Тестенко");
    await organiser.sendSticker();
    // The step's own hint, not the bot's fallback with the main menu, whose buttons lead out of the flow.
    expect(organiser.lastText()).toContain("Цей крок читає лише текст");
    expect(organiser.messages.at(-1)?.reply_markup).toBeUndefined();
    await organiser.press("Тестенко Іван");
    await organiser.send("ШІЗО");
    expect(organiser.lastText()).toContain("оберіть кнопкою вище");
    await organiser.press("ШІЗО / ПКТ");
    await organiser.send("багато");
    expect(organiser.lastText()).toContain("від 1 до 365");
    await organiser.send("400");
    expect(organiser.lastText()).toContain("від 1 до 365");
    await organiser.send("15 діб");
    expect(organiser.lastText()).toContain("Надішліть текст новини українською");
    await organiser.send("x".repeat(3001));
    expect(organiser.lastText()).toContain("щонайбільше 3");
    await organiser.send("Ще 15 діб ШІЗО.");
    await organiser.press("Далі");
    await organiser.send("ftp://example.org/file");
    expect(organiser.lastText()).toContain("Це не схоже на вебпосилання");
    await organiser.press("Пропустити");
    expect(organiser.lastText()).toContain("Опублікувати?");
    await organiser.press("Скасувати");
    expect(organiser.lastText()).toContain("Скасовано: нічого не опубліковано");
    expect(await h.db.selectFrom("news_posts").selectAll().execute()).toEqual([]);
  });

  it("answers a photo, voice message or sticker sent instead of text with the step's hint, and the flow goes on (en, ru)", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    await organiser.send("/news");
    await organiser.sendPhoto();
    expect(organiser.lastText()).toBe(
      "This step reads only text: photos, stickers, voice messages and files are not used. Answer the question above with a message or a button, or send /cancel to stop.",
    );
    await organiser.send("Testenko");
    await organiser.press("Ivan Testenko");
    await organiser.press("Other");
    await organiser.sendVoice();
    expect(organiser.lastText()).toContain("This step reads only text");
    await organiser.send("A court hearing is set for Monday.");
    await organiser.press("Continue");
    await organiser.sendSticker();
    expect(organiser.lastText()).toContain("This step reads only text");
    await organiser.press("Skip");
    await organiser.press("Publish");
    const stored = await h.db.selectFrom("news_posts").select("texts").executeTakeFirstOrThrow();
    expect(JSON.parse(stored.texts)).toEqual({ en: "A court hearing is set for Monday." });

    const russian = await organiserOf(h, CAMPAIGN, "ru");
    await russian.send("/news");
    await russian.sendSticker();
    expect(russian.lastText()).toContain("Этот шаг читает только текст");
  });

  it("lets the organiser change the text after the preview", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "other", text: "Frist draft.", source: null, confirm: false });
    expect(organiser.textsSince(organiser.messages.length - 2)[0]).toContain("Frist draft.");
    await organiser.press("Change the text");
    await organiser.send("First draft, corrected.");
    const preview = organiser.textsSince(organiser.messages.length - 2)[0];
    expect(preview).toContain("First draft, corrected.");
    expect(preview).not.toContain("Frist");
    await organiser.press("Publish");
    const stored = await h.db.selectFrom("news_posts").select("texts").executeTakeFirstOrThrow();
    expect(JSON.parse(stored.texts)).toEqual({ en: "First draft, corrected." });
  });

  it("refuses an old Publish from an earlier /news as out of date; only the current flow's Publish publishes", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const draft = { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "other", source: null, confirm: false } as const;
    await publishThroughChat(organiser, { ...draft, text: "An earlier draft." });
    const earlier = organiser.findButton("Publish");
    await publishThroughChat(organiser, { ...draft, text: "The news as meant." });
    const shown = organiser.messages.length;

    await organiser.pressData(earlier.message.message_id, "callback_data" in earlier.button ? earlier.button.callback_data : "");
    expect(organiser.lastCallbackAnswer()).toContain("out of date");
    expect(organiser.messages.length).toBe(shown);
    expect(await h.db.selectFrom("news_posts").selectAll().execute()).toEqual([]);

    await organiser.press("Publish");
    const stored = await h.db.selectFrom("news_posts").select("texts").executeTakeFirstOrThrow();
    expect(JSON.parse(stored.texts)).toEqual({ en: "The news as meant." });
  });
});
