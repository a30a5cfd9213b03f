import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../../helpers/harness.js";
import { expectNoFailures, KAGARLITSKY, onlyLetter, startWritingTo, textOf } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

/**
 * A writer who leaves the letter in the middle (a language switch, /cancel) and types the next paragraph outside
 * the flow: the bot does not search it or drop it in silence, it offers the letter left unfinished.
 */
describe("a writer who left the letter mid-way", () => {
  it("switching the language offers the letter again, and a paragraph typed after it points back to the letter (uk → en)", async () => {
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич! У нас весна, цветут каштаны.");
    await writer.send("/language");
    const switched = textOf(await writer.press("English"));
    expect(writer.lastCallbackAnswer()).toContain("I will speak English now");
    expect(switched).toContain("You have unfinished letters:");
    expect(writer.buttons()).toContain("✍️ Continue: Boris Kagarlitsky");

    // The next paragraph lands outside the flow: it is not saved, and the answer says where the letter is.
    const answer = textOf(await writer.send("Ещё немного о погоде: тепло и солнечно."));
    expect(answer).toContain("That reads like a sentence");
    expect(answer).toContain("If that was for a letter: you have unfinished letters. Continue one, then send the text again.");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте, Борис Юльевич! У нас весна, цветут каштаны.");

    // The offered button opens the letter where it was, in the new language.
    await writer.press("Continue: Boris Kagarlitsky");
    expect(textOf(await writer.send("Ещё немного о погоде: тепло и солнечно."))).toContain("Saved.");
    expect((await onlyLetter(h, writer.id)).text).toBe(
      "Здравствуйте, Борис Юльевич! У нас весна, цветут каштаны.\n\nЕщё немного о погоде: тепло и солнечно.",
    );
    expectNoFailures(h);
  });

  it("after /cancel, sentences are answered with the unfinished letter (ru, uk); without one, as before (en)", async () => {
    const titles = { ru: "Если это было для письма", uk: "Якщо це було для листа" } as const;
    for (const [locale, title] of Object.entries(titles)) {
      const writer = h.user({ languageCode: locale });
      await startWritingTo(writer, KAGARLITSKY);
      await writer.send("Здравствуйте, Борис Юльевич!");
      await writer.send("/cancel");
      // A short sentence (the search's fallback) and several (the "not understood" fallback) alike.
      for (const text of ["Как Вы себя чувствуете?", "У нас всё хорошо. Я много читаю. Как Ваши дела? Что Вы читаете сейчас?"]) {
        const answer = await writer.send(text);
        expect(textOf(answer), text).toContain(title);
        expect(answer.at(-1)?.reply_markup?.inline_keyboard.flat().map((button) => button.text)[0], text).toMatch(/Кагарлиц/u);
      }
    }
    const stranger = h.user({ languageCode: "en" });
    const answer = await stranger.send("Как Вы себя чувствуете?");
    expect(answer).toHaveLength(1);
    expect(textOf(answer)).not.toContain("If that was for a letter");
    expectNoFailures(h);
  });
});
