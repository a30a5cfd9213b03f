import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getPrisonerHistory, updatePrisonerStatus } from "../../src/db/repositories/prisoner-history.js";
import { upsertPrisoner } from "../../src/db/repositories/directory-document.js";
import { getPrisonerBySlug } from "../../src/db/repositories/prisoners.js";
import { revokeOrganiser } from "../../src/db/repositories/roles.js";
import { seeded } from "../directory/bot/helpers.js";
import { Harness } from "../helpers/harness.js";
import { someoneWaitsForALock } from "../helpers/postgres-locks.js";
import { onPostgres, postgresOnly } from "../helpers/skip-reason.js";
import { ADMIN_ID, auditActions, CAMPAIGN, organiser } from "./world.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

const SOURCE = "https://example.org/news/kagarlitsky-transfer";

/** People all called Testenko (one search finds them all equally well, ranked by slug), in `campaign`. */
async function addTestenkos(slugs: string[], campaign: string): Promise<void> {
  const template = seeded("shakursky-ilya");
  for (const [index, slug] of slugs.entries()) {
    const names = {
      ru: { surname: "Тестенко", given: "Константин", patronymic: null },
      uk: { surname: "Тестенко", given: "Костянтин", patronymic: null },
      latin: { surname: "Testenko", given: `Kostiantyn ${slug.slice(-2)}`, patronymic: null },
    };
    await upsertPrisoner(h.db, { ...template, slug, names, altSpellings: [], birthYear: 1970 + index, birthYearAlternatives: [], hashtag: `#${slug}`, campaigns: [campaign] }, { changedBy: null, now: new Date() });
  }
}

const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}-${String(index + 1).padStart(2, "0")}`);

describe("correcting the directory from Telegram", () => {
  it("/setstatus: status button, a source link (a non-link is asked again), a date, confirm → saved with history and audit", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    await boss.send("/setstatus kagarlitsky-boris");
    expect(boss.lastText()).toContain("Boris Kagarlitsky: now “serving a sentence”");
    await boss.press("released");
    expect(boss.lastText()).toContain("Send the link to the source");
    await boss.send("a friend told me");
    expect(boss.lastText()).toBe("That is not a link. Send an address starting with https://");
    await boss.send(SOURCE);
    expect(boss.lastText()).toContain("Since when is this true?");
    await boss.send("2999-01-01");
    expect(boss.lastText()).toContain("not in the future");
    await boss.send("2026-02");
    expect(boss.lastText()).toContain("Boris Kagarlitsky: “released” as of 2026-02");
    expect(boss.lastText()).toContain(`Source: ${SOURCE}`);
    await boss.press("Save");
    expect(boss.lastText()).toContain("Saved. The change is in the prisoner's history");

    const prisoner = await getPrisonerBySlug(h.db, "kagarlitsky-boris");
    expect(prisoner?.status).toMatchObject({ value: "released", asOf: "2026-02", sourceUrl: SOURCE });
    const history = await getPrisonerHistory(h.db, "kagarlitsky-boris");
    expect(history.at(-1)).toMatchObject({ field: "status", oldValue: "sentenced", newValue: "released", changedBy: boss.id, sourceUrl: SOURCE });
    expect(await auditActions(h, "prisoner:kagarlitsky-boris")).toEqual(["prisoner.status"]);
  });

  it("answers a photo or sticker sent for the source link or the date with the step's hint, and the correction goes on (ru)", async () => {
    const boss = await organiser(h, { languageCode: "ru" });
    await boss.send("/setstatus kagarlitsky-boris");
    await boss.press("на свободе");
    await boss.sendPhoto();
    expect(boss.lastText()).toBe(
      "Этот шаг читает только текст: фото, стикеры, голосовые сообщения и файлы не используются. Ответьте на вопрос выше сообщением или кнопкой либо отправьте /cancel, чтобы остановиться.",
    );
    expect(boss.messages.at(-1)?.reply_markup).toBeUndefined();
    await boss.send(SOURCE);
    await boss.sendSticker();
    expect(boss.lastText()).toContain("Этот шаг читает только текст");
    await boss.send("2026-02");
    await boss.press("Сохранить");
    expect((await getPrisonerBySlug(h.db, "kagarlitsky-boris"))?.status).toMatchObject({ value: "released", asOf: "2026-02", sourceUrl: SOURCE });
  });

  it("a message sent where only buttons count (the status, Save) gets the step's hint, a photo at the institution too, and the correction goes on", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    await boss.send("/setstatus kagarlitsky-boris");
    await boss.send("released");
    expect(boss.lastText()).toBe("Choose the new status with a button above (typed text is not read here), or send /cancel to stop.");
    await boss.sendSticker();
    expect(boss.lastText()).toContain("Choose the new status with a button above");
    await boss.press("released");
    await boss.send(SOURCE);
    await boss.send("2026-02");
    await boss.send("yes");
    expect(boss.lastText()).toBe("Press “Save” or “Cancel” above (typed text is not read here), or send /cancel to stop.");
    await boss.press("Save");
    expect((await getPrisonerBySlug(h.db, "kagarlitsky-boris"))?.status).toMatchObject({ value: "released", asOf: "2026-02" });

    const ukrainian = await organiser(h, { languageCode: "uk" });
    await ukrainian.send("/move kagarlitsky-boris");
    await ukrainian.sendPhoto();
    expect(ukrainian.lastText()).toBe("Оберіть установу кнопкою вище, або надішліть її номер і місто для пошуку (наприклад, «ИК-1 Ярославль»), або надішліть /cancel, щоб зупинитися.");
    // Typed text searches the facilities: one button per match (the seed's СИЗО-1 with polit-sake's names merged in).
    await ukrainian.send("СИЗО-1 Тверь");
    expect(ukrainian.lastText()).toBe("Оберіть установу або надішліть інший запит:");
    expect(ukrainian.buttons()).toEqual(["СИЗО-1 (Тверь), Тверская область"]);
    await ukrainian.press("СИЗО-1 (Тверь)");
    expect(ukrainian.lastText()).toContain("Надішліть посилання");
  });

  it("/move: institution button or «not known», today's date by button, cancel leaves the record alone", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    await boss.send("/move kagarlitsky-boris");
    expect(boss.lastText()).toContain("Boris Kagarlitsky: now ИК-4 (Торжок)");
    await boss.press("СИЗО-1 (Тверь)");
    await boss.send(SOURCE);
    await boss.press("Today");
    expect(boss.lastText()).toContain("СИЗО-1 (Тверь) as of");
    await boss.press("Cancel");
    expect(boss.lastText()).toBe("Cancelled: nothing was changed.");
    expect((await getPrisonerBySlug(h.db, "kagarlitsky-boris"))?.location.institution).toBe("ik-4-torzhok");

    await boss.send("/move kagarlitsky-boris");
    await boss.press("СИЗО-1 (Тверь)");
    await boss.send(SOURCE);
    await boss.press("Today");
    await boss.press("Save");
    expect(boss.lastText()).toContain("Saved.");
    const prisoner = await getPrisonerBySlug(h.db, "kagarlitsky-boris");
    expect(prisoner?.location).toMatchObject({ institution: "sizo-1-tver", sourceUrl: SOURCE, believedCurrent: true, asOf: h.clock.now().toISOString().slice(0, 10) });
    expect(await auditActions(h, "prisoner:kagarlitsky-boris")).toEqual(["prisoner.move"]);
  });

  it("finds the prisoner by the name the card shows, in any spelling (the card shows no id); several matches are buttons", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const ukrainian = await organiser(h, { languageCode: "uk" });
    const byName = [
      [boss, "/setstatus Kagarlitsky", "Boris Kagarlitsky: now “serving a sentence”"],
      [boss, "/move Кагарлицкий", "Boris Kagarlitsky: now ИК-4 (Торжок)"],
      [ukrainian, "/setstatus Кагарлицький", "Борис Кагарлицький: зараз"],
    ] as const;
    for (const [who, command, flowStart] of byName) {
      await who.send(command);
      expect(who.lastText(), command).toContain(flowStart);
      await who.send("/cancel");
    }
    await ukrainian.send("/move Ніхтоненко");
    expect(ukrainian.lastText()).toBe("У довіднику немає нікого на ім'я «Ніхтоненко». Напишіть прізвище, як на картці в'язня, у будь-якому написанні.");

    await boss.send("/setstatus Alex");
    expect(boss.lastText()).toBe("Whose record do you correct?");
    expect(boss.buttons()).toEqual(expect.arrayContaining(["Alexei Gorinov", "Alexander Shestun"]));
    await boss.press("Alexander Shestun");
    expect(boss.lastText()).toContain("Alexander Shestun: now");
    await boss.press("released");
    await boss.send(SOURCE);
    await boss.press("Today");
    await boss.press("Save");
    expect((await getPrisonerBySlug(h.db, "shestun-alexander"))?.status.value).toBe("released");

    // Someone of another campaign: found, but not theirs to correct, by name and by a forged or kept button alike.
    const russian = await organiser(h, { languageCode: "ru", campaign: "crimean-political-prisoners" });
    await russian.send("/setstatus Кагарлицкий");
    expect(russian.lastText()).toBe("Исправлять запись могут только организаторы кампаний, к которым относится этот заключённый.");
    await russian.pressData(russian.messages.at(-1)!.message_id, "orgn:s:kagarlitsky-boris");
    expect(russian.lastText()).toBe("Исправлять запись могут только организаторы кампаний, к которым относится этот заключённый.");
    await russian.pressData(russian.messages.at(-1)!.message_id, "orgn:x:kagarlitsky-boris");
    expect(russian.lastCallbackAnswer()).toContain("Эта кнопка из исправления, которое уже завершилось");
    expect(await auditActions(h, "prisoner:kagarlitsky-boris")).toEqual([]);
  });

  it("by name, finds the organiser's own person however many people of other campaigns the name finds first", async () => {
    await addTestenkos(numbered("testenko-a", 25), "crimean-political-prisoners");
    await addTestenkos(["testenko-z-99"], "open-letter-2025");
    const boss = await organiser(h, { languageCode: "en" });
    await boss.send("/setstatus Testenko");
    expect(boss.lastText()).toContain("Testenko: now");
    expect(boss.lastText()).toContain("Kostiantyn 99");
    await boss.send("/cancel");
    const stranger = await organiser(h, { languageCode: "en", campaign: "mejlis-marathon-2015" });
    await stranger.send("/move Testenko");
    expect(stranger.lastText()).toBe("Only organisers of this prisoner's campaigns can correct the record.");
  });

  it("by name, pages through many of the organiser's own matches; a forged or foreign page button changes nothing", async () => {
    await addTestenkos(numbered("testenko-b", 12), "open-letter-2025");
    await addTestenkos(numbered("testenko-a", 3), "crimean-political-prisoners");
    const boss = await organiser(h, { languageCode: "en" });
    await boss.send("/move Testenko");
    expect(boss.lastText()).toBe("Whose record do you correct? Page 1 of 2.");
    expect(boss.buttons()).toHaveLength(11);
    expect(boss.buttons().at(-1)).toBe("Next ▶️");
    const list = boss.messages.at(-1)!.message_id;
    await boss.press("Next ▶️");
    expect(boss.lastText()).toBe("Whose record do you correct? Page 2 of 2.");
    expect(boss.buttons()).toEqual(["Kostiantyn 11 Testenko", "Kostiantyn 12 Testenko", "◀️ Previous"]);
    // "Next" pressed twice before the first edit showed: the page already shown, which Telegram refuses as "message is
    // not modified" — the screen is right, no failure.
    await boss.pressData(list, "orgq:m:2:Testenko");
    expect(h.logs.filter((line) => line.includes('"update failed"'))).toEqual([]);
    await boss.press("Kostiantyn 12 Testenko");
    expect(boss.lastText()).toContain("Kostiantyn 12 Testenko: now");
    await boss.send("/cancel");

    await boss.pressData(list, "orgq:m:2:Testenko!");
    expect(boss.lastCallbackAnswer()).toContain("This button belongs to a correction that is over");
    const stranger = await organiser(h, { languageCode: "en", campaign: "mejlis-marathon-2015" });
    await stranger.pressData(stranger.messages.at(-1)!.message_id, "orgq:m:2:Testenko");
    expect(stranger.lastCallbackAnswer()).toBe("Only organisers of this prisoner's campaigns can correct the record.");
    // The role is read again at each press: an organiser revoked since the list was shown pages no further.
    await revokeOrganiser(h.db, { userId: boss.id, campaignSlug: CAMPAIGN, revokedBy: ADMIN_ID, at: h.clock.now() });
    await boss.pressData(list, "orgq:m:1:Testenko");
    expect(boss.lastCallbackAnswer()).toBe("Only organisers of this prisoner's campaigns can correct the record.");
  });

  it("refuses people who do not organise one of the prisoner's campaigns, and unknown prisoners", async () => {
    const other = await organiser(h, { languageCode: "en", campaign: "crimean-political-prisoners" });
    await other.send("/setstatus kagarlitsky-boris");
    expect(other.lastText()).toBe("Only organisers of this prisoner's campaigns can correct the record.");
    await other.send("/move no-such-person");
    expect(other.lastText()).toContain("Nobody called «no-such-person» is in the directory");
    await other.send("/move");
    expect(other.lastText()).toContain("Send /move followed by the prisoner's name");
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/setstatus kagarlitsky-boris");
    expect(admin.lastText()).toContain("Choose the new status");
  });

  it("a writer with no role who sends a bare /setstatus, /move or /link is told what organiser tools are, not how to use them", async () => {
    const notOrganiser = {
      uk: "Це інструмент для організаторів кампаній.",
      en: "This is a tool for campaign organisers.",
      ru: "Это инструмент для организаторов кампаний.",
    } as const;
    for (const [locale, refusal] of Object.entries(notOrganiser)) {
      const writer = h.user({ languageCode: locale });
      for (const command of ["/setstatus", "/move", "/link", "/link desk"]) {
        await writer.send(command);
        expect(writer.lastText(), `${command} (${locale})`).toContain(refusal);
      }
    }
    // An organiser still gets the usage.
    const boss = await organiser(h, { languageCode: "en" });
    await boss.send("/move");
    expect(boss.lastText()).toContain("Send /move followed by the prisoner's name");
  });

  it("re-checks the role when saving: an organiser revoked mid-flow saves nothing", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    await boss.send("/setstatus kagarlitsky-boris");
    await boss.press("deceased");
    await boss.send(SOURCE);
    await boss.press("Today");
    await h.db.updateTable("organisers").set({ revoked_at: h.clock.now().toISOString(), revoked_by: ADMIN_ID }).where("user_id", "=", boss.id).execute();
    await boss.press("Save");
    expect(boss.lastText()).toBe("Not saved: you are no longer an organiser of this prisoner's campaigns.");
    expect((await getPrisonerBySlug(h.db, "kagarlitsky-boris"))?.status.value).toBe("sentenced");
    expect(await auditActions(h, "prisoner:kagarlitsky-boris")).toEqual([]);
  });

  it("refuses an old Save from an earlier /setstatus as out of date; only the current flow's Save saves", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const upToSave = async (status: string) => {
      for (const step of ["/setstatus kagarlitsky-boris", status, SOURCE, "Today"]) {
        await (step.startsWith("/") || step === SOURCE ? boss.send(step) : boss.press(step));
      }
    };
    await upToSave("released");
    const earlier = boss.findButton("Save");
    // A second /setstatus leaves the first flow; the organiser now means "deceased".
    await upToSave("deceased");
    expect(boss.lastText()).toContain("“deceased”");
    const shown = boss.messages.length;

    await boss.pressData(earlier.message.message_id, "callback_data" in earlier.button ? earlier.button.callback_data : "");
    expect(boss.lastCallbackAnswer()).toBe("This button belongs to a correction that is over: nothing was changed. Send /setstatus or /move again.");
    expect(boss.messages.length).toBe(shown);
    expect((await getPrisonerBySlug(h.db, "kagarlitsky-boris"))?.status.value).toBe("sentenced");
    expect(await auditActions(h, "prisoner:kagarlitsky-boris")).toEqual([]);

    await boss.press("Save");
    expect(boss.lastText()).toContain("Saved.");
    expect((await getPrisonerBySlug(h.db, "kagarlitsky-boris"))?.status.value).toBe("deceased");
    expect(await auditActions(h, "prisoner:kagarlitsky-boris")).toEqual(["prisoner.status"]);
  });

  it.skipIf(!onPostgres)(postgresOnly("/setstatus saved by two organisers at once: the second finds the value already set, one change in the history"), async () => {
    const second = await organiser(h, { languageCode: "en" });
    await second.send("/setstatus kagarlitsky-boris");
    await second.press("released");
    await second.send(SOURCE);
    await second.send("2026-02");
    // The first organiser's correction, saved by another instance, is not committed yet when the second one's Save
    // reads the status.
    const first = await h.db.startTransaction().execute();
    expect(await updatePrisonerStatus(first, "kagarlitsky-boris", { status: "released", asOf: "2026-02", sourceUrl: SOURCE, changedBy: ADMIN_ID, confidence: "confirmed", now: h.clock.now() })).toBe("changed");
    const save = second.press("Save");
    await someoneWaitsForALock(h.db, "prisoners");
    await first.commit().execute();
    await save;
    expect(second.lastText()).toBe("Saved: the value was already the same, its date and source are updated.");
    const history = (await getPrisonerHistory(h.db, "kagarlitsky-boris")).filter((entry) => entry.field === "status" && entry.newValue === "released");
    expect(history).toMatchObject([{ oldValue: "sentenced", changedBy: ADMIN_ID }]);
  });
});
