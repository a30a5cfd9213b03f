import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectPath } from "../../../src/project-path.js";
import { Harness } from "../../helpers/harness.js";
import type { TestUser } from "../../helpers/test-user.js";
import { expectNoFailures, KAGARLITSKY, lettersOf, onlyLetter, textOf } from "./helpers.js";

/** Issue 15: a phone shows about this much before the buttons without scrolling. */
const SCREEN_BUDGET = 800;

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

/** Counts every update the writer sends, as the issue counts actions. */
class Counted {
  updates = 0;
  constructor(readonly user: TestUser) {}
  send(text: string) {
    this.updates++;
    return this.user.send(text);
  }
  press(label: string | RegExp) {
    this.updates++;
    return this.user.press(label);
  }
}

/** Opens Kagarlitsky's card and presses its "Write" button (the card's own message is not counted: it is reading). */
async function pressWriteOnCard(writer: Counted): Promise<void> {
  const card = (await writer.user.send(`/start p_${KAGARLITSKY}`)).at(-1)!;
  writer.updates++;
  await writer.user.pressData(card.message_id, `write:${KAGARLITSKY}`);
}

/** A writer of `locale` in the writing stage of a letter to Kagarlitsky whose draft is these paragraphs. */
async function writerWithDraft(locale: string, paragraphs: readonly string[]): Promise<TestUser> {
  const writer = h.user({ languageCode: locale });
  await writer.send(`/start w_${KAGARLITSKY}`);
  for (const paragraph of paragraphs) await writer.send(paragraph);
  return writer;
}

/** A draft whose second paragraph has the one finding (war). */
const WAR_IN_SECOND = ["Здравствуйте, Борис Юльевич!", "Я всё время думаю о войне.", "Что Вы сейчас читаете?"];

const CLEAN = "Здравствуйте, Борис Юльевич! Меня зовут Анна, я живу в Эдинбурге и работаю в библиотеке. Что Вы сейчас читаете?";

describe("actions to a checked, signed letter (issue 15)", () => {
  it("a first-time writer needs 5 updates from the card's Write, a returning one 4 (the target is ≤ 6)", async () => {
    const writer = new Counted(h.user({ languageCode: "uk" }));
    await pressWriteOnCard(writer);
    await writer.send(CLEAN);
    await writer.press("Готово: перевірити лист");
    await writer.send("Анна\nЕдинбург");
    const finished = textOf(await writer.press("Так, запам'ятати"));
    expect(finished).toContain("Ваш лист Борисові Кагарлицькому готовий");
    expect(finished).toContain("«ФСИН-письмо», крок за кроком");
    expect(writer.updates).toBe(5);

    const again = new Counted(writer.user);
    await pressWriteOnCard(again);
    // A returning writer: the guidance is one line.
    expect(again.user.lastText()).toContain("Нагадування: російською, без війни, політики й справи.");
    expect(again.user.lastText()).not.toContain("Тепло, а не жаль");
    await again.send("Здравствуйте ещё раз, Борис Юльевич! Пишу, как обещала.");
    await again.press("Готово: перевірити лист");
    const done = textOf(await again.press("Підписати «Анна, Единбург»"));
    expect(done).toContain("Ваш лист Борисові Кагарлицькому готовий");
    expect(again.updates).toBe(4);
    expect(again.updates).toBeLessThanOrEqual(6);
    expect((await lettersOf(h, writer.user.id)).map((letter) => letter.status)).toEqual(["finished", "finished"]);
    expectNoFailures(h);
  });

  it("the constructor takes 15 updates from the card to a signed letter (uk)", async () => {
    const writer = new Counted(h.user({ languageCode: "uk" }));
    await pressWriteOnCard(writer);
    await writer.press("Допоможіть почати");
    // The constructor says whose gender it assumed (issue 15, item 9).
    expect(writer.user.lastText()).toContain("Речення звертаються до нього в чоловічому роді — так записано в довіднику.");
    await writer.press("Ввічливо");
    await writer.press("жіночому");
    // Glosses address him as Ukrainian does, and follow the writer's gender.
    expect(writer.user.lastText()).toContain("«Добрий день, Борисе!» Ввічливо, на ім'я.");
    expect(writer.user.lastText()).toContain("«Дорогий Борисе, добрий день!»");
    await writer.press("1");
    expect(writer.user.lastText()).toContain("«Я давно хотіла вам написати — і ось нарешті пишу.»");
    await writer.press("Пропустити");
    await writer.press("☐ 1");
    await writer.press("Далі");
    await writer.press("☐ 1");
    await writer.press("Далі");
    await writer.press("1");
    await writer.send("Я работаю в библиотеке и люблю читать.");
    await writer.press("Готово: перевірити лист");
    await writer.send("Олена");
    const done = textOf(await writer.press("Ні, лише для цього листа"));
    expect(done).toContain("Ваш лист Борисові Кагарлицькому готовий");
    expect(writer.updates).toBe(15);
    expectNoFailures(h);
  });
});

describe("the constructor's assumptions (issue 15, item 9)", () => {
  it("says which gender it remembered for the writer, and changes it on request (uk)", async () => {
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    await h.db.insertInto("writer_profiles").values({ user_id: writer.id, remembered: 0, grammatical_gender: "male", updated_at: h.clock.now().toISOString() }).execute();
    await writer.send(`/start w_${KAGARLITSKY}`);
    await writer.press("Допоможіть почати");
    expect(writer.lastText()).toContain("Про вас — у чоловічому роді («я дізнався»), як ви обрали раніше");
    await writer.press("Змінити мій рід");
    await writer.press("жіночому");
    // The name form is asked again, without the note: the writer has just chosen.
    expect(writer.lastText()).not.toContain("як ви обрали раніше");
    await writer.press("Офіційно");
    expect(writer.lastText()).toContain("«Шановний Борисе Юлійовичу!»");
    const profile = await h.db.selectFrom("writer_profiles").select("grammatical_gender").where("user_id", "=", writer.id).executeTakeFirst();
    expect(profile?.grammatical_gender).toBe("female");
    expectNoFailures(h);
  });
});

/** A draft from the constructor that ends with its closing (a question, wishes and a sign-off), in the writing stage. */
async function draftFromStarter(writer: TestUser): Promise<void> {
  await writer.send(`/start w_${KAGARLITSKY}`);
  for (const label of ["Допоможіть почати", "Ввічливо", "Без форм роду", "1", "Пропустити", "Далі", "Далі", "1"]) await writer.press(label);
}

describe("where new messages go after the constructor (issue 15, item 3)", () => {
  it("before the closing while the draft ends with it, at the end after 'replace', and the screens say which (uk)", async () => {
    const writer = h.user({ languageCode: "uk" });
    await draftFromStarter(writer);
    expect(writer.lastText()).toContain("Ваші повідомлення вставляються перед завершенням заготовки");
    expect(textOf(await writer.send("Я работаю в библиотеке."))).toContain("Збережено перед побажаннями й прощанням");
    expect((await onlyLetter(h, writer.id)).text).toMatch(/^Здравствуйте, Борис!\n\nЯ работаю в библиотеке.\n\n\S/u);

    expect(textOf(await writer.press("Замінити весь текст"))).toContain("Після заміни нові повідомлення додаватимуться в кінець листа.");
    await writer.send("Здравствуйте, Борис!");
    const after = textOf(await writer.send("Что Вы читаете?"));
    expect(after).toContain("Збережено.");
    expect(after).not.toContain("перед побажаннями");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте, Борис!\n\nЧто Вы читаете?");
    expectNoFailures(h);
  });
});

describe("where new messages go when a draft from the constructor is taken up again", () => {
  it("still before the closing after /cancel and \"Continue\", and the screens say so; at the end once the closing is changed (uk)", async () => {
    const writer = h.user({ languageCode: "uk" });
    await draftFromStarter(writer);
    const starter = (await onlyLetter(h, writer.id)).text!;
    await writer.send("/cancel");

    await writer.send("/write");
    await writer.press("Продовжити");
    expect(writer.lastText()).toContain("Ваші повідомлення вставляються перед завершенням заготовки");
    expect(textOf(await writer.send("Я работаю в библиотеке."))).toContain("Збережено перед побажаннями й прощанням");
    const text = (await onlyLetter(h, writer.id)).text!;
    expect(text).toMatch(/^Здравствуйте, Борис!\n\nЯ работаю в библиотеке.\n\n\S/u);
    expect(text.replace("Я работаю в библиотеке.\n\n", "")).toBe(starter);

    // The same after a restart, by the write link; and once the draft no longer ends with the closing, at the end.
    await h.restart();
    await writer.send(`/start w_${KAGARLITSKY}`);
    expect(writer.lastText()).toContain("Ваші повідомлення вставляються перед завершенням заготовки");
    await writer.press("Замінити весь текст");
    await writer.send("Здравствуйте, Борис!");
    await writer.send("/cancel");
    await writer.send(`/start w_${KAGARLITSKY}`);
    expect(writer.lastText()).not.toContain("перед завершенням заготовки");
    expect(textOf(await writer.send("Что Вы читаете?"))).not.toContain("перед побажаннями");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте, Борис!\n\nЧто Вы читаете?");
    expectNoFailures(h);
  });
});

/** Nine findings of six kinds, over five paragraphs. */
const RISKY = [
  "Здравствуйте, Борис Юльевич!",
  "Я всё время думаю о войне. Слава Украине!",
  "Путин — преступник, а Навальный — герой.",
  "Мой телефон +7 900 123-45-67, пишите. Hello my dear friend, how are you?",
  "Держитесь! Скоро свобода.",
].join("\n\n");

const LABELS = {
  uk: { done: "Готово: перевірити лист", keep: "Залишити як є", yes: "Так, залишити як є", remember: "Так, запам'ятати", show: "Показати чернетку", more: "Докладніше", whole: "Увесь текст" },
  en: { done: "Done: check the letter", keep: "Keep it as it is", yes: "Yes, keep it as it is", remember: "Yes, remember it", show: "Show the draft", more: "More", whole: "The whole text" },
  ru: { done: "Готово: проверить письмо", keep: "Оставить как есть", yes: "Да, оставить как есть", remember: "Да, запомнить", show: "Показать черновик", more: "Подробнее", whole: "Весь текст" },
} as const;

describe("every screen of the letter flow fits the budget before its buttons (issue 15)", () => {
  for (const locale of ["uk", "en", "ru"] as const) {
    it(`guidance, details, a check with 9 findings, why, paragraphs, signing and the finished letter (${locale})`, async () => {
      const writer = h.user({ languageCode: locale });
      const label = LABELS[locale];
      const screens: Message[] = [];
      const record = async (messages: Promise<Message[]>) => screens.push(...(await messages));
      await record(writer.send(`/start w_${KAGARLITSKY}`));
      await record(writer.press(label.more));
      for (const paragraph of RISKY.split("\n\n")) await record(writer.send(paragraph));
      await record(writer.press(label.show));
      await record(writer.press(label.done));
      const report = textOf(screens.slice(-1));
      expect(report).toMatch(/9/u);
      for (const number of [1, 2, 3, 4, 5, 6]) await record(writer.press(`❓ ${number}`));
      await record(writer.press(label.keep));
      await record(writer.press(label.yes));
      await record(writer.send("Анна"));
      await record(writer.press(label.remember));
      expect((await onlyLetter(h, writer.id)).status).toBe("finished");

      // The writer's own text (the letter to copy, the whole draft) is exempt: it is theirs, not a screen.
      const letter = (await onlyLetter(h, writer.id)).text ?? "";
      const own = (text: string) => letter.includes(text.split("\n\nАнна")[0] ?? text) || text.startsWith(letter);
      const measured = screens.filter((message) => message.text && !own(message.text));
      expect(measured.length).toBeGreaterThan(15);
      const longest = Math.max(...measured.map((message) => message.text!.length));
      const over = measured.filter((message) => message.text!.length > SCREEN_BUDGET).map((message) => message.text!.slice(0, 80));
      expect(over).toEqual([]);
      expect(longest).toBeLessThanOrEqual(SCREEN_BUDGET);
      expectNoFailures(h);
    });
  }
});

describe("editing one paragraph (issue 15, item 3)", () => {
  async function draftOf(writer: TestUser): Promise<string> {
    return (await onlyLetter(h, writer.id)).text ?? "";
  }

  it("edits, deletes and moves a paragraph from the numbered view (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send(`/start w_${KAGARLITSKY}`);
    await writer.send("Здравствуйте, Борис Юльевич!");
    await writer.send("Я живу в Гданьске.");
    await writer.send("Что Вы сейчас читаете?");
    const view = textOf(await writer.press("Show the draft"));
    expect(view).toContain("3 paragraphs");
    expect(view).toContain("1. Здравствуйте, Борис Юльевич!\n2. Я живу в Гданьске.\n3. Что Вы сейчас читаете?");
    expect(writer.buttons().slice(0, 3)).toEqual(["1", "2", "3"]);

    // Paragraph 2: its text to copy, then the buttons; the next message replaces it.
    const opened = await writer.press(/^2$/u);
    expect(opened.map((message) => message.text)).toContain("Я живу в Гданьске.");
    expect(writer.lastText()).toContain("Paragraph 2 of 3");
    expect(textOf(await writer.send("Я живу в Кракове."))).toContain("Paragraph 2 replaced.");
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!\n\nЯ живу в Кракове.\n\nЧто Вы сейчас читаете?");

    // Move paragraph 3 up, then delete the first.
    await writer.press(/^3$/u);
    expect(textOf(await writer.press("Up"))).toContain("Paragraph 3 moved.");
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!\n\nЧто Вы сейчас читаете?\n\nЯ живу в Кракове.");
    await writer.press(/^1$/u);
    expect(writer.buttons()).not.toContain("⬆️ Up");
    expect(textOf(await writer.press("Delete the paragraph"))).toContain("Paragraph 1 deleted.");
    expect(await draftOf(writer)).toBe("Что Вы сейчас читаете?\n\nЯ живу в Кракове.");
    // New messages still go to the end, and the draft is checked as usual.
    await writer.send("Желаю Вам здоровья.");
    expect(await draftOf(writer)).toBe("Что Вы сейчас читаете?\n\nЯ живу в Кракове.\n\nЖелаю Вам здоровья.");
    // Nothing stored besides the draft keeps any of it: no flow is stored in the writing stage, and the stage is a name.
    expect(await h.db.selectFrom("conversation_state").select("value").execute()).toEqual([]);
    const { letter_stage: stage } = await h.db.selectFrom("users").select("letter_stage").where("id", "=", writer.id).executeTakeFirstOrThrow();
    for (const fragment of ["Кракове", "Гданьске"]) expect(stage).not.toContain(fragment);
    expectNoFailures(h);
  });

  it("a finding offers 'edit this paragraph'; a button of an older view or from before a restart is answered cleanly (uk)", async () => {
    const writer = await writerWithDraft("uk", WAR_IN_SECOND);
    const report = textOf(await writer.press("Готово: перевірити лист"));
    expect(report).toContain("Перевірка знайшла 1 місце, яке варто змінити");
    expect(report).toContain("«войне» → без війни й армії");
    const stale = writer.findButton("Абзац 2");
    await h.restart();

    // After a restart the check's button still belongs to the current step.
    await writer.press("Абзац 2");
    expect(writer.lastText()).toContain("Абзац 2 з 3");
    expect(textOf(await writer.send("Я работаю в библиотеке и люблю читать."))).toContain("Абзац 2 замінено.");
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!\n\nЯ работаю в библиотеке и люблю читать.\n\nЧто Вы сейчас читаете?");

    // The same button again: that paragraph has changed since, so nothing is changed.
    const data = "callback_data" in stale.button ? stale.button.callback_data : "";
    expect(textOf(await writer.pressData(stale.message.message_id, data))).toContain("Чернетка змінилася відтоді");
    expect(await draftOf(writer)).toContain("библиотеке");
    // Forged paragraph arguments change nothing either, and are answered.
    const token = data.split(":")[1];
    expect(textOf(await writer.pressData(stale.message.message_id, `lw:${token}:pdel:9.zzzz`))).toContain("Чернетка змінилася відтоді");
    expect(textOf(await writer.pressData(stale.message.message_id, `lw:${token}:pup:x`))).toContain("Чернетка змінилася відтоді");
    expect(await draftOf(writer)).toContain("библиотеке");
    expect(textOf(await writer.press("Готово: перевірити лист"))).toContain("Перевірка не знайшла нічого");
    expectNoFailures(h);
  });
});

describe("a paragraph edited from the check's findings leaves one \"Done\" on screen", () => {
  const labels = {
    uk: { done: "Готово: перевірити лист", paragraph: "Абзац 2", replaced: "Абзац 2 замінено.", clean: "Перевірка не знайшла нічого" },
    en: { done: "Done: check the letter", paragraph: "Paragraph 2", replaced: "Paragraph 2 replaced.", clean: "The check found nothing" },
    ru: { done: "Готово: проверить письмо", paragraph: "Абзац 2", replaced: "Абзац 2 заменён.", clean: "Проверка не нашла ничего" },
  } as const;
  for (const [locale, label] of Object.entries(labels)) {
    it(`the paragraph list is the screen and its "Done" checks the letter again (${locale})`, async () => {
      const writer = await writerWithDraft(locale, WAR_IN_SECOND);
      await writer.press(label.done);
      await writer.press(label.paragraph);
      const answer = await writer.send("Я работаю в библиотеке.");
      expect(textOf(answer)).toContain(label.replaced);
      const withDone = answer.filter((message) => JSON.stringify(message.reply_markup ?? {}).includes(label.done));
      expect(withDone).toHaveLength(1);
      expect(withDone[0]).toBe(answer.at(-1));
      // The writer is in the writing stage again: a message adds to the letter, and the list's "Done" checks it. (A
      // message sent within seconds of the replacement would be taken as the rest of its paste: a writer reads first.)
      h.clock.advance(10_000);
      await writer.send("Желаю Вам здоровья.");
      expect((await onlyLetter(h, writer.id)).text).toBe(
        "Здравствуйте, Борис Юльевич!\n\nЯ работаю в библиотеке.\n\nЧто Вы сейчас читаете?\n\nЖелаю Вам здоровья.",
      );
      expect(textOf(await writer.press(label.done))).toContain(label.clean);
      expectNoFailures(h);
    });
  }

  it("the list's \"Done\" pressed on the findings screen checks the letter again instead of showing the writing screen (en)", async () => {
    const writer = await writerWithDraft("en", WAR_IN_SECOND);
    await writer.press("Done: check the letter");
    await writer.press("Paragraph 2");
    await writer.press("Back to the paragraphs");
    const again = await writer.press("Done: check the letter");
    expect(textOf(again)).toContain("The check found one place");
    expect(textOf(again)).not.toContain("Each message becomes a new paragraph");
    expectNoFailures(h);
  });

  it("the list's \"Done\" pressed on the findings screen again and again checks the draft as it is now, and the stored flow does not grow with the presses (en)", async () => {
    const writer = await writerWithDraft("en", WAR_IN_SECOND);
    await writer.press("Done: check the letter");
    const checkAgain = async () => {
      await writer.press("Paragraph 2");
      await writer.press("Back to the paragraphs");
      return textOf(await writer.press("Done: check the letter"));
    };
    // The stored flow's replay log, operation by operation (a message's id and date change from press to press).
    const storedFlow = async () =>
      (await h.db.selectFrom("conversation_state").select("value").execute()).map((row) => {
        const { state } = JSON.parse(row.value) as { state: { letter: { replay: { send: { payload: string }[] } }[] } };
        return state.letter.map((flow) => flow.replay.send.map((operation) => operation.payload));
      });
    expect(await checkAgain()).toContain("The check found one place");
    const once = await storedFlow();
    expect(await checkAgain()).toContain("The check found one place");
    expect(await checkAgain()).toContain("The check found one place");
    // Each check took the place of the one before in the replay log, instead of every update replaying them all.
    expect(await storedFlow()).toEqual(once);
    // The draft changed outside the chat (the editor Mini App): the next press checks what is saved now.
    const draft = await onlyLetter(h, writer.id);
    await h.db.updateTable("letters").set({ text: "Здравствуйте, Борис Юльевич!\n\nЧто Вы сейчас читаете?", text_characters: null }).where("id", "=", draft.id).execute();
    expect(await checkAgain()).toContain("The check found nothing");
    expectNoFailures(h);
  });
});

describe("the check's header agrees with its number (issue 15)", () => {
  const bundles = Object.fromEntries(
    (["uk", "en", "ru"] as const).map((locale) => {
      const bundle = new FluentBundle(locale, { useIsolating: false });
      bundle.addResource(new FluentResource(readFileSync(projectPath("locales", locale, "letter.ftl"), "utf8")));
      return [locale, bundle];
    }),
  );
  const header = (locale: "uk" | "en" | "ru", count: number) => {
    const bundle = bundles[locale]!;
    return bundle.formatPattern(bundle.getMessage("letter-ui-check-found-severe")!.value!, { count });
  };

  it.each([
    ["uk", 1, "1 місце, яке варто змінити"],
    ["uk", 2, "2 місця, які варто змінити"],
    ["uk", 3, "3 місця, які варто змінити"],
    ["uk", 5, "5 місць, які варто змінити"],
    ["uk", 11, "11 місць, які варто змінити"],
    ["uk", 21, "21 місце, яке варто змінити"],
    ["ru", 1, "1 место, которое стоит изменить"],
    ["ru", 2, "2 места, которые стоит изменить"],
    ["ru", 3, "3 места, которые стоит изменить"],
    ["ru", 5, "5 мест, которые стоит изменить"],
    ["ru", 11, "11 мест, которые стоит изменить"],
    ["ru", 21, "21 место, которое стоит изменить"],
    ["en", 1, "one place to change"],
    ["en", 2, "2 places to change"],
    ["en", 3, "3 places to change"],
    ["en", 5, "5 places to change"],
    ["en", 11, "11 places to change"],
    ["en", 21, "21 places to change"],
  ] as const)("%s, %i: «%s»", (locale, count, expected) => {
    expect(header(locale, count)).toContain(expected);
  });
});

const STARTER = {
  uk: { begin: "Допоможіть почати", form: "Ввічливо", gender: "жіночому", skip: "Пропустити", next: "Далі", more: "Ще варіанти" },
  en: { begin: "Help me begin", form: "Polite", gender: "feminine", skip: "Skip", next: "Next", more: "More options" },
  ru: { begin: "Помогите начать", form: "Вежливо", gender: "женском", skip: "Пропустить", next: "Дальше", more: "Ещё варианты" },
} as const;

const MANY_INTERESTS = ["books", "films", "music", "history", "science", "languages", "travel", "theatre"];

/** The numbered options («1. «…»») a screen of the constructor lists. */
const optionNumbers = (text: string) => [...text.matchAll(/^(\d+)\. «/gmu)].map((match) => Number(match[1]));

describe("the constructor's option lists fit the budget, and every option stays reachable (issue 15)", () => {
  for (const locale of ["uk", "en", "ru"] as const) {
    it(`pages a long list with "more options", and an option from a later page is used (${locale})`, async () => {
      const writer = h.user({ languageCode: locale });
      const label = STARTER[locale];
      const screens: Message[] = [];
      const record = async (messages: Promise<Message[]>) => {
        const received = await messages;
        screens.push(...received);
        return received;
      };
      /** Presses "more options" until the list ends; returns every option number the pages showed. */
      const pageThrough = async (first: readonly Message[]) => {
        const seen = optionNumbers(textOf(first));
        while (writer.buttons().some((button) => button.includes(label.more))) {
          await writer.press(label.more);
          // "More" edits the list in place: the edited text is the screen.
          const edited = writer.lastText();
          screens.push({ text: edited } as Message);
          seen.push(...optionNumbers(edited));
        }
        return seen;
      };
      // A reader of many things: eight questions match his interests, more than one screen holds in any locale.
      await h.db.updateTable("prisoners").set({ interests: JSON.stringify(MANY_INTERESTS) }).where("slug", "=", KAGARLITSKY).execute();
      await record(writer.send(`/start w_${KAGARLITSKY}`));
      await record(writer.press(label.begin));
      await record(writer.press(label.form));
      const greetings = await pageThrough(await record(writer.press(label.gender)));
      expect(greetings.length).toBeGreaterThan(0);
      await record(writer.press(/^1$/u));
      await record(writer.press(label.skip));
      const storedLog = async () => (await h.db.selectFrom("conversation_state").select("value").execute()).map((row) => row.value);
      const before = await storedLog();
      const questions = await pageThrough(screens.slice(-1));
      // Turning pages is not kept in the stored flow: its replay log is the same as before.
      expect(await storedLog()).toEqual(before);
      expect(questions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      // The last page is showing, after a restart too: its last question is picked there, and the pages turn back.
      await h.restart();
      await writer.press("☐ 8");
      expect(writer.buttons()).toContain("☑ 8");
      await writer.press(/◀️/u);
      expect(writer.lastText()).not.toContain("8. «");
      expect(writer.buttons()).not.toContain("☑ 8");
      const wishes = await pageThrough(await record(writer.press(label.next)));
      expect(new Set(wishes).size).toBe(5);
      await writer.press(label.next);
      await record(writer.press(/^1$/u));
      expect(screens.length).toBeGreaterThan(8);
      const over = screens.filter((message) => (message.text ?? "").length > SCREEN_BUDGET).map((message) => message.text!.slice(0, 80));
      expect(over).toEqual([]);
      const letter = (await onlyLetter(h, writer.id)).text ?? "";
      expect(letter).toContain("Вы любите театр? Какой спектакль Вам запомнился больше всего?");
      expectNoFailures(h);
    });
  }
});
