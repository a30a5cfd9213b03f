import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../../helpers/harness.js";
import { textOf } from "../../letters/flow/helpers.js";
import { addNamesakes, callbackDataOf, LOCALES, nameIn, resultSlugs, SPELLINGS } from "./helpers.js";

describe.each(LOCALES)("finding a person by any spelling (%s)", (locale) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => h.stop());

  it.each(SPELLINGS)("typed as free text, «%s» finds %s first, and the result opens the card", async (query, slug) => {
    const user = h.user({ languageCode: locale });
    const results = (await user.send(query)).at(-1);
    expect(resultSlugs(results)[0]).toBe(slug);
    expect(results?.reply_markup?.inline_keyboard[0]?.[0]?.text).toContain(nameIn(slug, locale));

    const card = (await user.pressData(results!.message_id, `dc:${slug}`)).at(-1);
    expect(card?.text?.split("\n")[0]).toBe(nameIn(slug, locale));
  });

  it.each(SPELLINGS)("with /find, «%s» finds %s first", async (query, slug) => {
    const user = h.user({ languageCode: locale });
    const results = (await user.send(`/find ${query}`)).at(-1);
    expect(resultSlugs(results)[0]).toBe(slug);
  });

  it("asks for a name after a bare /find and searches the next message", async () => {
    const user = h.user({ languageCode: locale });
    const prompt = await user.send("/find");
    expect(prompt).toHaveLength(1);
    expect(prompt[0]?.text).toContain("1984");
    expect(resultSlugs((await user.send("Зейтуллаев 1984")).at(-1))[0]).toBe("zeytullaev-ruslan");
  });

  it("answers the main menu's find button with the prompt", async () => {
    const user = h.user({ languageCode: locale });
    await user.send("/start");
    const prompt = await user.press("🔎");
    expect(prompt.at(-1)?.text).toContain("1984");
    expect(resultSlugs((await user.send("Balukh")).at(-1))).toEqual(["balukh-volodymyr"]);
  });
});

describe("nobody found", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => h.stop());

  it.each([
    ["uk", "За запитом «Иванов» нікого не знайдено.", "латинкою «Balukh» чи кирилицею «Балух»"],
    ["en", "Nobody found for «Иванов».", "Latin «Balukh» or Cyrillic «Балух»"],
    ["ru", "По запросу «Иванов» никого не нашлось.", "латиницей «Balukh» или кириллицей «Балух»"],
  ])("says so clearly and suggests what to try (%s)", async (languageCode, nobody, script) => {
    const user = h.user({ languageCode });
    const reply = (await user.send("Иванов")).at(-1);
    expect(reply?.text).toContain(nobody);
    expect(reply?.text).toContain(script);
    expect(resultSlugs(reply)).toEqual([]);
  });

  it("suggests dropping the birth year when the query had one", async () => {
    const user = h.user({ languageCode: "en" });
    const withYear = (await user.send("Smith 1984")).at(-1)?.text ?? "";
    expect(withYear).toContain("Nobody found for «Smith 1984».");
    expect(withYear).toContain("If you added a birth year, try without it");
    const withoutYear = (await user.send("/find Smith")).at(-1)?.text ?? "";
    expect(withoutYear).not.toContain("birth year, try without it");
  });

  it("shows only what search read of the text, safely, and never logs it", async () => {
    const user = h.user({ languageCode: "en" });
    const reply = await user.send("O'Brien <script>&amp;");
    expect(reply.at(-1)?.text).toContain("Nobody found for «O'Brien script amp».");
    expect(h.fake.internalErrors).toEqual([]);
    expect(h.logs.join("\n")).not.toContain("O'Brien");
  });

  it("leaves text that is not a name to the other handlers", async () => {
    const user = h.user({ languageCode: "en" });
    for (const text of ["1984", "👍"]) {
      const reply = await user.send(text);
      expect(reply.at(-1)?.text).toContain("I did not understand that");
    }
    // Sentences, or a letter pasted before choosing whom it is for: how to write one, not "type a name".
    const letter = "Здравствуйте! Сегодня я гуляла по парку и думала о вас. ".repeat(230).trim();
    for (const text of ["Hello, how do I write a letter to someone in prison please?", letter]) {
      const reply = await user.send(text);
      expect(reply.at(-1)?.text).toBe("To write a letter, first choose whom it is for: press “✍️ Write a letter” below or send /write, then send the text. To find someone, send just their surname.");
      expect(reply.at(-1)?.reply_markup?.inline_keyboard.flat().map((button) => button.text)).toContain("✍️ Write a letter");
    }
    const uk = h.user({ languageCode: "uk" });
    expect((await uk.send(letter)).at(-1)?.text).toContain("Щоб написати листа, спершу оберіть, кому він");
  });
});

describe("a short sentence outside a letter", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => h.stop());

  it.each([
    ["uk", "Дякую за допомогу!", "Це схоже на речення, а не на ім'я", ["🔎 Знайти в'язня", "📋 Огляд", "✍️ Написати листа", "❓ Довідка"]],
    ["en", "Я тоже люблю читать.", "That reads like a sentence, not a name", ["🔎 Find a prisoner", "📋 Browse", "✍️ Write a letter", "❓ Help"]],
    ["ru", "Спасибо!", "Это похоже на предложение, а не на имя", ["🔎 Найти заключённого", "📋 Обзор", "✍️ Написать письмо", "❓ Справка"]],
  ])("is answered with what the bot does, not searched (%s); a name right after is searched", async (languageCode, sentence, hint, buttons) => {
    const user = h.user({ languageCode });
    const reply = await user.send(sentence);
    expect(reply).toHaveLength(1);
    expect(reply[0]?.text).toContain(hint);
    expect(reply[0]?.text).toContain("/help");
    expect(reply[0]?.text).not.toContain(sentence);
    expect(reply[0]?.reply_markup?.inline_keyboard.flat().map((button) => button.text)).toEqual(buttons);
    expect(textOf(await user.press(buttons[3]!))).toContain("/privacy");
    for (const query of ["Борис Кагарлицький", "kagarlitsky", "Кагарлицкий"]) expect(resultSlugs((await user.send(query)).at(-1))[0]).toBe("kagarlitsky-boris");
    expect(h.logs.join("\n")).not.toContain(sentence);
  });
});

describe("paging and stale or forged buttons", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => h.stop());

  it("pages ten at a time with the query in the button, and the buttons survive a restart", async () => {
    const namesakes = await addNamesakes(h.db);
    const user = h.user({ languageCode: "en" });
    const first = (await user.send("Testenko")).at(-1)!;
    expect(first.text).toContain("Found: 12. Page 1 of 2.");
    expect(resultSlugs(first)).toEqual(namesakes.slice(0, 10));
    expect(callbackDataOf(first)).toContain("ds:2:Testenko");
    expect(first.text).toContain("add the birth year");

    await h.restart();
    await user.pressData(first.message_id, "ds:2:Testenko");
    const second = user.messages.find((message) => message.message_id === first.message_id);
    expect(second?.text).toContain("Found: 12. Page 2 of 2.");
    expect(resultSlugs(second)).toEqual(namesakes.slice(10));
    expect(callbackDataOf(second)).toContain("ds:1:Testenko");

    await user.press("◀️");
    expect(resultSlugs(user.messages.find((message) => message.message_id === first.message_id))).toEqual(namesakes.slice(0, 10));
  });

  it("re-derives a query too long for callback data from the results message, also after a restart", async () => {
    const namesakes = await addNamesakes(h.db);
    const user = h.user({ languageCode: "ru" });
    const query = "Тестенко Константин Александрович";
    const first = (await user.send(query)).at(-1)!;
    expect(first.text).toContain("Найдено: 12. Страница 1 из 2.");
    expect(callbackDataOf(first)).toContain("ds:2:");

    await h.restart();
    await user.pressData(first.message_id, "ds:2:");
    const second = user.messages.find((message) => message.message_id === first.message_id);
    expect(second?.text).toContain("Найдено: 12. Страница 2 из 2.");
    expect(second?.text).toContain(query);
    expect(resultSlugs(second)).toEqual(namesakes.slice(10));
  });

  it("treats forged page numbers and queries as untrusted", async () => {
    await addNamesakes(h.db);
    const user = h.user({ languageCode: "uk" });
    const results = (await user.send("Тестенко")).at(-1)!;

    await user.pressData(results.message_id, "ds:999:Тестенко");
    expect(user.messages.find((message) => message.message_id === results.message_id)?.text).toContain("Сторінка 2 з 2");
    // The page already shown, pressed again: Telegram answers "message is not modified", which is no failure.
    await user.pressData(results.message_id, "ds:2:Тестенко");

    await user.pressData(results.message_id, "ds:-1:Тестенко");
    expect(user.lastCallbackAnswer()).toContain("Ця кнопка застаріла");
    await user.pressData(results.message_id, "ds:1:ab<cd");
    expect(user.lastCallbackAnswer()).toContain("Цей пошук застарів");

    // An empty query is only re-derived from a results message that carries that very button.
    const card = (await user.pressData(results.message_id, "dc:testenko-kostiantyn-01")).at(-1)!;
    await user.pressData(card.message_id, "ds:2:");
    expect(user.lastCallbackAnswer()).toContain("Цей пошук застарів");

    await user.pressData(results.message_id, "dc:nobody-by-this-slug");
    expect(user.lastCallbackAnswer()).toContain("Цієї людини більше немає в довіднику");
    expect(h.fake.internalErrors).toEqual([]);
    expect(h.logs.join("\n")).not.toContain("update failed");
  });

  it("finds people another process added once the directory's version is rechecked", async () => {
    const user = h.user({ languageCode: "en" });
    expect((await user.send("Testenko")).at(-1)?.text).toContain("Nobody found");
    await addNamesakes(h.db, 2);
    h.clock.advance(61_000);
    expect(resultSlugs((await user.send("Testenko")).at(-1))).toHaveLength(2);
  });
});
