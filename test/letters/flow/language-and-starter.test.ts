import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../../helpers/harness.js";
import { expectNoFailures, KAGARLITSKY, onlyLetter, profileOf, startWritingTo, textOf } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

describe("a letter in Ukrainian to a Russian prison (uk)", () => {
  it("is warned about the language, and passes once rewritten in Russian", async () => {
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Добрий день! Мене звати Оксана, я живу у Львові. Що ви зараз читаєте? Бажаю вам здоров'я.");
    const report = textOf(await writer.press("Готово: перевірити лист"));
    // One line per finding: the foreign words only, which language they are, and what to do (issue 15, item 4).
    expect(report).toContain("«Добрий день! Мене звати Оксана");
    expect(report).toContain("мова — українська: пишіть російською");
    // «живу у Львові» is a finding of its own, so the language line does not quote it again.
    expect(report).toContain("«живу у Львові» → не пишіть, у якому місті ви зараз");
    expect(report).toContain("Перевірка знайшла 3 місця, які варто змінити");
    // The explanation and the advice come from censorship.ftl in the writer's language, one press away.
    const why = textOf(await writer.press("❓ 1"));
    expect(why).toContain("Мова");
    expect(why).toContain("Схоже, лист написано такою мовою: українська.");
    expect(why).toContain("Чому:");
    expect(why).toContain("Натомість:");
    expect(why).toMatch(/російськ/u);

    await writer.press("Редагувати лист");
    await writer.press("Замінити весь текст");
    expect(writer.lastText()).toContain("Надішліть новий текст усього листа");
    await writer.send("Здравствуйте! Меня зовут Оксана, я живу в Вильнюсе. Что Вы сейчас читаете? Желаю Вам здоровья.");
    expect((await onlyLetter(h, writer.id)).text).toBe(
      "Здравствуйте! Меня зовут Оксана, я живу в Вильнюсе. Что Вы сейчас читаете? Желаю Вам здоровья.",
    );
    expect(textOf(await writer.press("Готово: перевірити лист"))).toContain("Перевірка не знайшла нічого");
    expectNoFailures(h);
  });
});

describe("the letter constructor", () => {
  it("builds a Russian beginning block by block with Ukrainian glosses, and keeps the closing at the end (uk)", async () => {
    const writer = h.user({ languageCode: "uk" });
    await writer.send(`/start w_${KAGARLITSKY}`);
    const intro = textOf(await writer.press("Допоможіть почати російською"));
    expect(intro).toContain("Під кожним — що воно означає");
    expect(writer.buttons()).toEqual([
      "Офіційно: ім'я та по батькові, «Вы»",
      "Ввічливо: на ім'я, «Вы»",
      "Неформально: на ім'я, «ты»",
    ]);
    await writer.press("Офіційно");
    // The writer's grammatical gender shapes the Russian sentences about them, and is remembered.
    await writer.press(/жіночому/u);
    expect((await profileOf(h, writer.id))?.grammatical_gender).toBe("female");

    const greetings = writer.lastText();
    // Formal address: first name and patronymic, for a man.
    expect(greetings).toContain("«Здравствуйте, Борис Юльевич!»");
    expect(greetings).toContain("«Уважаемый Борис Юльевич!»");
    await writer.press("1");
    expect(writer.lastText()).toContain("«Я давно хотела Вам написать и вот наконец собралась.»");
    await writer.press("Пропустити");
    // Kagarlitsky's record names no interests, so the questions are the general ones.
    expect(writer.lastText()).toContain("«Кем Вы мечтали стать в детстве?»");
    await writer.press("☐ 3");
    expect(writer.buttons()).toContain("☑ 3");
    await writer.press("☐ 5");
    await writer.press("☑ 5");
    await writer.press("Далі");
    await writer.press("☐ 2");
    await writer.press("Далі");
    await writer.press("2");
    expect(textOf(writer.messages.slice(-3))).toContain("Початок вашого листа вже в чернетці");
    const starter = "Здравствуйте, Борис Юльевич!\n\nЕсть ли у Вас любимая книга или любимый фильм?\n\nЗнайте, что о Вас помнят.\n\nС теплом,";
    expect(writer.messages.map((message) => message.text)).toContain(starter);
    expect((await onlyLetter(h, writer.id)).text).toBe(starter);

    // The writer's own paragraph goes in after the greeting and introduction, before the questions (issue 15).
    expect(textOf(await writer.send("Я живу в Варшаве и работаю в библиотеке."))).toContain("Збережено перед побажаннями й прощанням");
    const withStory =
      "Здравствуйте, Борис Юльевич!\n\nЯ живу в Варшаве и работаю в библиотеке.\n\nЕсть ли у Вас любимая книга или любимый фильм?\n\nЗнайте, что о Вас помнят.\n\nС теплом,";
    expect((await onlyLetter(h, writer.id)).text).toBe(withStory);
    expect(textOf(await writer.press("Готово: перевірити лист"))).toContain("Перевірка не знайшла нічого");
    await writer.send("Олена");
    await writer.press("Так, запам'ятати");
    expect((await onlyLetter(h, writer.id)).status).toBe("finished");
    expect(writer.messages.map((message) => message.text)).toContain(`${withStory}\n\nОлена`);
    expectNoFailures(h);
  });

  it("offers the opening for the occasion case news gave, and introduces the writer by the remembered signature (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    // The users row comes first (foreign key): the writer has said hello before.
    await writer.send("/start");
    await h.db
      .insertInto("writer_profiles")
      .values({
        user_id: writer.id,
        signature_name: "Anna",
        signature_city: "Leeds",
        remembered: 1,
        grammatical_gender: "female",
        updated_at: new Date().toISOString(),
      })
      .execute();
    // A news message's button: write:<slug>:punishment-cell.
    const menu = writer.messages.at(-1);
    await writer.pressData(menu!.message_id, `write:${KAGARLITSKY}:punishment-cell`);
    await writer.press("Help me begin in Russian");
    await writer.press("Polite");
    // The gender is remembered: not asked again.
    expect(writer.lastText()).toContain("Greeting: choose one");
    await writer.press("1");
    // The occasion's opening, in Russian with what it says: it does not name the punishment cell.
    expect(writer.lastText()).toContain("Opening: choose one");
    expect(writer.lastText()).toContain("«Я узнала, что Вам сейчас непросто, и решила написать");
    expect(writer.lastText()).toContain("It does not mention the punishment cell itself.");
    await writer.press("1");
    expect(writer.lastText()).toContain("«Меня зовут Anna, мой город — Leeds.»");
    await writer.press("1");
    await writer.press("Next");
    await writer.press("Next");
    await writer.press("Skip");
    const draft = (await onlyLetter(h, writer.id)).text ?? "";
    expect(draft).toBe(
      "Здравствуйте, Борис!\n\nЯ узнала, что Вам сейчас непросто, и решила написать: пусть у Вас будет письмо, которое просто приятно прочитать. Меня зовут Anna, мой город — Leeds.",
    );
    expect(draft).not.toMatch(/ШИЗО|карцер/u);
    expectNoFailures(h);
  });
});
