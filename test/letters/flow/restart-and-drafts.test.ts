import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../../helpers/harness.js";
import { expectNoFailures, KAGARLITSKY, lettersOf, onlyLetter, startWritingTo, textOf } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

describe("a restart mid-letter", () => {
  it("resumes where the writer was: the draft, the step and its buttons survive (uk)", async () => {
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич! Меня зовут Оксана.");
    const { message: screen } = writer.findButton("Готово: перевірити лист");

    await h.restart();
    // The next message is added to the same draft, in the same flow.
    const saved = textOf(await writer.send("Я живу в Вильнюсе и работаю в библиотеке."));
    expect(saved).toMatch(/^Збережено\. 90 знаків · 14 слів/u);
    expect((await onlyLetter(h, writer.id)).text).toBe(
      "Здравствуйте, Борис Юльевич! Меня зовут Оксана.\n\nЯ живу в Вильнюсе и работаю в библиотеке.",
    );
    // A button drawn before the restart still belongs to the current step.
    const button = screen.reply_markup!.inline_keyboard.flat().find((candidate) => candidate.text.includes("Готово"))!;
    const report = textOf(await writer.pressData(screen.message_id, "callback_data" in button ? button.callback_data : ""));
    expect(report).toContain("Перевірка не знайшла нічого");
    expectNoFailures(h);
  });

  it("resumes the constructor mid-way, and old buttons of passed steps answer that they are out of date (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send(`/start w_${KAGARLITSKY}`);
    const guidance = writer.findButton("More");
    await writer.press("Help me begin in Russian");
    await writer.press("Formal");
    await writer.press("masculine");
    await h.restart();
    await writer.press("1");
    expect(writer.lastText()).toContain("About you: choose one");
    expect(writer.lastText()).toContain("«Я давно хотел Вам написать и вот наконец собрался.»");

    // The guidance screen's button belongs to a step that is over: it changes nothing.
    const data = "callback_data" in guidance.button ? guidance.button.callback_data : "";
    await writer.pressData(guidance.message.message_id, data);
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    expect(writer.lastText()).toContain("About you: choose one");
    await writer.press("Skip");
    expect(writer.lastText()).toContain("Questions: choose any");
    expectNoFailures(h);
  });

  it("answers the buttons of a finished flow as out of date after a restart", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте! Я живу в Риге.");
    const done = writer.findButton("Done: check the letter");
    await writer.press("Done");
    await writer.send("Ян");
    await writer.press("No, only this letter");
    await h.restart();
    const before = writer.messages.length;
    await writer.pressData(done.message.message_id, "callback_data" in done.button ? done.button.callback_data : "");
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    expect(writer.messages.length).toBe(before);
    expect((await onlyLetter(h, writer.id)).status).toBe("finished");
    expectNoFailures(h);
  });
});

describe("unfinished letters", () => {
  it("are offered on /start to continue or discard; discarding deletes the text (ru)", async () => {
    const writer = h.user({ languageCode: "ru" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте! Пишу Вам из Тбилиси.");
    // Any command leaves the flow; the draft stays.
    const start = textOf(await writer.send("/start"));
    expect(start).toContain("«Листы» помогают");
    expect(start).toContain("У вас есть незавершённые письма:");
    expect(start).toContain("Борис Кагарлицкий: 34 знака · 5 слов");
    expect(writer.buttons()).toEqual(["✍️ Продолжить: Борис Кагарлицкий", "🗑 Удалить"]);

    await writer.press("Удалить");
    expect(writer.lastText()).toContain("Удалить ваше письмо для: Борис Кагарлицкий?");
    await writer.press("Нет, оставить");
    expect((await onlyLetter(h, writer.id)).status).toBe("draft");
    await writer.press("Да, удалить");
    expect(writer.lastText()).toContain("Письмо удалено");
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "discarded", text: null });
    // The offer's buttons are now out of date.
    await writer.press("Продолжить: Борис Кагарлицкий");
    expect(writer.lastCallbackAnswer()).toContain("Это письмо уже не черновик");
    expect(textOf(await writer.send("/start"))).not.toContain("незавершённые");
    expectNoFailures(h);
  });

  it("/cancel and other commands leave the flow and keep the draft; /write offers it with someone else (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте! Пишу Вам из Праги.");
    expect(textOf(await writer.send("/cancel"))).toContain("Your draft is saved");
    // Text now goes elsewhere (the directory search), not into the letter.
    await writer.send("Ещё одна фраза");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте! Пишу Вам из Праги.");

    await writer.send("/write");
    expect(writer.buttons()).toEqual(["✍️ Continue: Boris Kagarlitsky", "🗑 Discard", "✉️ Write to someone else"]);
    await writer.press("Continue: Boris Kagarlitsky");
    await writer.send("Ещё одна фраза.");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте! Пишу Вам из Праги.\n\nЕщё одна фраза.");

    await writer.send("/help");
    expect(writer.lastText()).toContain("How Lysty works");
    await writer.send("/write");
    await writer.press("Write to someone else");
    expect(writer.lastText()).toContain("Who would you like to write to?");

    // The main menu leaves the flow too: /letters shows the draft.
    const list = textOf(await writer.send("/letters"));
    expect(list).toContain("Boris Kagarlitsky — ");
    expect(list).toContain("Draft");
    expect(writer.buttons()).toEqual(["✍️ Continue: Boris Kagarlitsky"]);
    expect(await lettersOf(h, writer.id)).toHaveLength(1);
    expectNoFailures(h);
  });
});

describe("what the stored flow keeps", () => {
  it("never holds what the writer types into the letter: each message is saved to the draft and rewound (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send(`/start w_${KAGARLITSKY}`);
    // Typing straight away on the guidance screen starts the letter.
    expect(textOf(await writer.send("Здравствуйте! Пишу Вам из Гданьска."))).toContain("Your draft so far: 35 characters");
    expect(writer.lastText()).toContain("Letter to Boris Kagarlitsky");
    expect(textOf(await writer.press("Add more"))).toContain("it is added as a new paragraph");
    await writer.send("Здесь сегодня солнечно и ветрено.");
    await writer.press("Show the draft");
    await writer.press("Replace all of it");
    await writer.send("Здравствуйте! Пишу Вам из Кракова. Здесь сегодня солнечно.");
    // The writing stage is no conversation (docs/letter-flow-stages.md): no flow is stored, and the stage on the
    // writer's row names the draft, not its text.
    expect(await h.db.selectFrom("conversation_state").select("value").execute()).toEqual([]);
    const { letter_stage: stage } = await h.db.selectFrom("users").select("letter_stage").where("id", "=", writer.id).executeTakeFirstOrThrow();
    expect(stage).toContain(KAGARLITSKY);
    for (const fragment of ["Гданьска", "ветрено", "Кракова"]) expect(stage).not.toContain(fragment);
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте! Пишу Вам из Кракова. Здесь сегодня солнечно.");
    expectNoFailures(h);
  });
});
