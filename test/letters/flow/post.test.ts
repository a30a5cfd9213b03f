import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDirectoryDocument } from "../../../src/db/repositories/directory-document.js";
import type { InstitutionRecord, PrisonerRecord } from "../../../src/domain/directory/types.js";
import { Harness } from "../../helpers/harness.js";
import { confirmZeytullaevAtSalavat, expectNoFailures, onlyLetter, seededPerson, startWritingTo, textOf } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

/** Entities of one type in a message, as the text they cover. */
function entityTexts(message: { text?: string; entities?: { type: string; offset: number; length: number }[] }, type: string): string[] {
  return (message.entities ?? [])
    .filter((entity) => entity.type === type)
    .map((entity) => (message.text ?? "").slice(entity.offset, entity.offset + entity.length));
}

describe("sending by post", () => {
  it("gives the envelope in Russian exactly as the directory's source spells the address (en)", async () => {
    await confirmZeytullaevAtSalavat(h);
    const { prisoner, institution } = await seededPerson(h, "zeytullaev-ruslan");
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, "zeytullaev-ruslan");
    await writer.send("Здравствуйте, Руслан Борисович! Пишу Вам из Варшавы. Что Вы сейчас читаете?");
    await writer.press("Done");
    await writer.send("Ева");
    // Post is the only route here: the last answer about the signature finishes the letter.
    const done = await writer.press("No, only this letter");
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "finished", route: "post" });
    expect(h.fake.documents(writer.chatId)).toHaveLength(1);

    const envelope = done.findLast((message) => message.text?.includes("By post"))!;
    const name = `${prisoner.names.ru.surname} ${prisoner.names.ru.given} ${prisoner.names.ru.patronymic}, ${prisoner.birthYear} года рождения`;
    expect(entityTexts(envelope, "pre")).toEqual([`${name}\n${institution.postalAddress!.text}`]);
    const all = textOf(done);
    expect(all).toContain("Write on the envelope in Russian, exactly like this:");
    expect(all).toContain("Posting from abroad? Add the country as the last line: RUSSIAN FEDERATION");
    expect(all).toContain("For a reply, enclose blank paper, an envelope and a stamp.");
    expectNoFailures(h);
  });

  it("to Belarus: Russian or Belarusian only, short, the relatives-only caution, no Pismo.bel (ru)", async () => {
    // A made-up person in a made-up record, shaped like Libereco's address example: tests only.
    const source = "https://example.org/test-fixture";
    const colony: InstitutionRecord = {
      slug: "test-colony-by",
      system: "by",
      type: "colony",
      region: "Гомельская область",
      city: "Гомель",
      name: "Тестовая колония (Гомель)",
      officialName: null,
      fsinPismo: { available: false, region: null, name: null },
      zonatelecom: null,
      postalAddress: { text: "ИК №4\nул. Антошкина, 3\n246035, г. Гомель", sourceUrl: source, asOf: "2026-11" },
      sourceUrl: source,
      note: "test fixture",
    };
    const person: PrisonerRecord = {
      slug: "testova-maria",
      names: {
        ru: { surname: "Тестова", given: "Мария", patronymic: "Ивановна" },
        uk: { surname: "Тестова", given: "Марія", patronymic: "Іванівна" },
        latin: { surname: "Testova", given: "Maria", patronymic: "Ivanovna" },
      },
      altSpellings: [],
      gender: "female",
      birthYear: 1990,
      birthYearAlternatives: [],
      birthDate: null,
      birthNote: null,
      system: "by",
      status: { value: "sentenced", asOf: "2026-11-01", sourceUrl: source, confidence: "confirmed", note: "test fixture" },
      location: { institution: colony.slug, asOf: "2026-11-01", sourceUrl: source, believedCurrent: true },
      summary: { uk: "", en: "", ru: "" },
      interests: { tags: [], sourceUrl: null },
      letters: { allowed: true, reason: null },
      hashtag: "#Тестова",
      campaigns: [],
    };
    await importDirectoryDocument(h.db, { institutions: [colony], campaigns: [], prisoners: [person] }, { changedBy: null, now: h.clock.now() });

    const writer = h.user({ languageCode: "ru" });
    const guidance = textOf(await writer.send("/start w_testova-maria"));
    expect(guidance).toContain("Пишите по-русски или по-белорусски: письма на других языках выбрасывают.");
    const long = "Здравствуйте, Мария! У нас в городе открыли новый парк, и я каждый вечер там гуляю. ".repeat(24);
    const saved = textOf(await writer.send(long));
    // Belarusian organisers ask for short letters: past one printed page the writer hears it.
    expect(saved).toContain("В Беларусь лучше писать короче");
    await writer.press("Готово");
    await writer.send("Ирина");
    const done = await writer.press("Нет, только для этого письма");
    const envelope = done.findLast((message) => message.text?.includes("Почтой"))!;
    // Belarusian address examples give the name alone, without the year of birth.
    expect(entityTexts(envelope, "pre")).toEqual(["Тестова Мария Ивановна\nИК №4\nул. Антошкина, 3\n246035, г. Гомель"]);
    const all = textOf(done);
    expect(all).toContain("REPUBLIC OF BELARUS");
    expect(all).toContain("Pismo.bel");
    expect(all).toMatch(/только от близких родственников/u);
    expectNoFailures(h);
  });
});
