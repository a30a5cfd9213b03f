import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../../helpers/harness.js";
import { confirmZeytullaevAtSalavat, expectNoFailures, KAGARLITSKY, lettersOf, onlyLetter, startWritingTo, textOf, ZEYTULLAEV } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

const media = ["sendSticker", "sendPhoto", "sendVoice"] as const;

describe("input the letter flow does not expect", () => {
  it("at the search step: media, a pasted letter, markup in a name that finds nobody (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send("/write");
    for (const send of media) expect(textOf(await writer[send]())).toContain("Please send the name as a text message.");
    expect(textOf(await writer.send("Здравствуйте! ".repeat(10)))).toContain("That looks longer than a name");
    const nobody = textOf(await writer.send("<b>Ivanov</b> & Co"));
    expect(nobody).toContain("Nobody called “<b>Ivanov</b> & Co” is in our directory.");
    // Still waiting for a name.
    expect(textOf(await writer.send("Кагарлицкий"))).toContain("Found one person");
    expectNoFailures(h);
  });

  it("while writing: media and edits get a note and leave the draft as it was; blank text is refused (uk)", async () => {
    const writer = h.user({ languageCode: "uk" });
    await writer.send(`/start w_${KAGARLITSKY}`);
    // Media on the guidance screen: a note, and the screen still works.
    expect(textOf(await writer.sendVoice())).toContain("У лист іде лише текст");
    const sent = await writer.send("Здравствуйте! Пишу Вам из Одессы.");
    for (const send of media) {
      const note = textOf(await writer[send]());
      expect(note).toContain("У лист іде лише текст");
      expect(note).toContain("Ваша чернетка збережена: 33 знаки");
    }
    expect(textOf(await writer.sendLocation())).toContain("У лист іде лише текст");
    // Editing a sent message does not change the draft, and says so.
    const edited = h.fake.injectEditedMessage(writer.id, writer.chatId, sent[0]!.message_id - 1, "Здравствуйте! Пишу из Киева.");
    await h.handled(edited);
    expect(writer.lastText()).toContain("Якщо відредагувати вже надіслане повідомлення, чернетка не зміниться");
    expect(textOf(await writer.send("   \n  "))).toContain("У цьому повідомленні немає тексту");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте! Пишу Вам из Одессы.");
    expectNoFailures(h);
  });

  it("a 13,000-character paste in Telegram's 4,096-character pieces: the piece after a refused one says the letter lacks it", async () => {
    const warnings = {
      uk: { saved: "Збережено.", gap: "Ваше попереднє повідомлення не збережено" },
      en: { saved: "Saved.", gap: "Your message before this one was not saved" },
      ru: { saved: "Сохранено.", gap: "Ваше предыдущее сообщение не сохранено" },
    } as const;
    const paste = "Сегодня у нас шёл дождь, и я долго гулял в парке. ".repeat(260).slice(0, 13_000);
    const pieces = [0, 4096, 8192, 12_288].map((start) => paste.slice(start, start + 4096));
    for (const [locale, label] of Object.entries(warnings)) {
      const writer = h.user({ languageCode: locale });
      await startWritingTo(writer, KAGARLITSKY);
      const answers = [];
      for (const piece of pieces) answers.push(textOf(await writer.send(piece)));
      expect(answers[1]).toContain(label.saved);
      expect(answers[1]).not.toContain(label.gap);
      expect(answers[2]).not.toContain(label.saved);
      expect(answers[3]).toContain(label.saved);
      expect(answers[3]).toContain(label.gap);
      // Said once: the next message saved is an ordinary one again.
      const next = textOf(await writer.send("Всего доброго!"));
      expect(next).toContain(label.saved);
      expect(next).not.toContain(label.gap);
      const { letter_stage: stage } = await h.db.selectFrom("users").select("letter_stage").where("id", "=", writer.id).executeTakeFirstOrThrow();
      expect(stage).not.toContain("refused");
    }
    expectNoFailures(h);
  });

  it("refuses a 13,000-character message and a message that would pass 12,000 in all, keeping the draft (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const tooLong = textOf(await writer.send("Мы гуляли по парку. ".repeat(650)));
    expect(tooLong).toContain("With this text the letter would be 12,999 characters long, and the limit is 12,000.");
    expect(tooLong).toContain("The draft is still empty.");
    expect(await lettersOf(h, writer.id)).toEqual([]);

    const part = "Сегодня я долго гулял у реки и думал о книгах. ".repeat(80).trim();
    const size = [...part].length;
    for (let index = 0; index < 3; index++) await writer.send(part);
    const saved = textOf(writer.messages.slice(-1));
    expect(saved).toContain(`Saved. ${(size * 3 + 4).toLocaleString("en")} characters`);
    expect(saved).toContain("This is longer than one Telegram message");
    const refused = textOf(await writer.send(part));
    expect(refused).toContain(`the letter would be ${(size * 4 + 6).toLocaleString("en")} characters long`);
    expect(refused).toContain(`Your draft was not changed: ${(size * 3 + 4).toLocaleString("en")} characters`);
    expect([...((await onlyLetter(h, writer.id)).text ?? "")].length).toBe(size * 3 + 4);

    // Shown back in parts, each within Telegram's limit.
    // "Show the draft" lists the paragraphs; the whole text for copying is one more press.
    expect(textOf(await writer.press("Show the draft"))).toContain("3 paragraphs");
    const before = writer.messages.length;
    await writer.press("The whole text, to copy");
    const shown = writer.messages.slice(before);
    expect(shown.length).toBe(4);
    for (const piece of shown.slice(0, 3)) expect(piece.text!.length).toBeLessThanOrEqual(4096);
    expect(shown.slice(0, 3).map((piece) => piece.text).join("\n\n")).toBe((await onlyLetter(h, writer.id)).text);
    expectNoFailures(h);
  });

  it("says a refused length with the plural its number takes (uk, ru)", async () => {
    const walk = "Мы гуляли по парку. ".repeat(650);
    const uk = h.user({ languageCode: "uk" });
    await startWritingTo(uk, KAGARLITSKY);
    expect(textOf(await uk.send(`${walk}Я`))).toMatch(/лист мав би 13\s001 знак, а межа/u);
    expect(textOf(await uk.send(`${walk}Да`))).toMatch(/лист мав би 13\s002 знаки, а межа/u);
    expect(textOf(await uk.send(`${walk}Дом`))).toMatch(/лист мав би 13\s003 знаки, а межа/u);
    expect(textOf(await uk.send(`${walk}Домик`))).toMatch(/лист мав би 13\s005 знаків, а межа/u);
    // The same on replacing a paragraph.
    await uk.send(walk.slice(0, 2000).trim());
    await uk.press("👁 Показати чернетку");
    await uk.press("1");
    expect(textOf(await uk.send(`${walk}Я`))).toMatch(/З цим абзацом лист мав би 13\s001 знак, а можна/u);
    const ru = h.user({ languageCode: "ru" });
    await startWritingTo(ru, KAGARLITSKY);
    expect(textOf(await ru.send(`${walk}Я`))).toMatch(/в письме было бы 13\s001 знак, а предел/u);
    expect(textOf(await ru.send(`${walk}Да`))).toMatch(/в письме было бы 13\s002 знака, а предел/u);
    expect(textOf(await ru.send(`${walk}Домик`))).toMatch(/в письме было бы 13\s005 знаков, а предел/u);
    expectNoFailures(h);
  });

  it("at the check and signature steps: text and media get a hint; bad signatures are explained (ru)", async () => {
    const writer = h.user({ languageCode: "ru" });
    await startWritingTo(writer, KAGARLITSKY);
    // A piece of advice keeps the writer at the check (a clean letter would move straight on to signing).
    await writer.send("Здравствуйте! Пишу Вам из Ташкента. Держитесь!");
    await writer.press("Готово");
    expect(textOf(await writer.send("ещё текст"))).toContain("Чтобы изменить письмо, нажмите «Редактировать письмо»");
    expect(textOf(await writer.sendSticker())).toContain("Чтобы изменить письмо");
    await writer.press("Оставить как есть");
    expect(textOf(await writer.sendPhoto())).toContain("Пожалуйста, отправьте подпись текстом");
    expect(textOf(await writer.send("Раз\nДва\nТри"))).toContain("не больше двух строк");
    expect(textOf(await writer.send("Я".repeat(61)))).toContain("не больше 60 знаков");
    expect(textOf(await writer.send("Алия\nТашкент"))).toContain("Подпись: «Алия, Ташкент»");
    expect(textOf(await writer.send("ещё"))).toContain("Пожалуйста, выберите одну из кнопок выше.");
    // FSIN-pismo is the only route for this person: choosing to remember or not finishes the letter.
    await writer.press("Нет, только для этого письма");
    expect(await onlyLetter(h, writer.id)).toMatchObject({ status: "finished", signature_name: "Алия", signature_city: "Ташкент" });
    expectNoFailures(h);
  });

  it("an old button of a finished letter, and after /forget, does not claim a letter is saved (uk, en, ru)", async () => {
    const texts = {
      uk: { done: "Готово", no: "Ні, лише для цього листа", noDraft: "незавершеного листа у вас немає", saved: "Ваш лист збережено" },
      en: { done: "Done", no: "No, only this letter", noDraft: "you have no unfinished letter", saved: "Your letter is saved" },
      ru: { done: "Готово", no: "Нет, только для этого письма", noDraft: "незавершённого письма у вас нет", saved: "Ваше письмо сохранено" },
    } as const;
    for (const [locale, label] of Object.entries(texts)) {
      const writer = h.user({ languageCode: locale });
      await startWritingTo(writer, KAGARLITSKY);
      await writer.send("Здравствуйте! Сегодня я читала книгу о море и вспомнила лето.");
      const done = writer.findButton(label.done);
      await writer.press(label.done);
      await writer.send("Алия");
      await writer.press(label.no);
      expect((await onlyLetter(h, writer.id)).status).toBe("finished");
      const pressOld = async () => {
        if (!("callback_data" in done.button)) throw new Error("not a callback button");
        const before = writer.messages.length;
        await writer.pressData(done.message.message_id, done.button.callback_data);
        expect(writer.messages.length).toBe(before);
        return writer.lastCallbackAnswer() ?? "";
      };
      let answer = await pressOld();
      expect(answer).toContain(label.noDraft);
      expect(answer).not.toContain(label.saved);
      // A draft to someone else: then the letter the writer may mean is saved, and the answer says so.
      await confirmZeytullaevAtSalavat(h);
      await startWritingTo(writer, ZEYTULLAEV);
      await writer.send("Здравствуйте! У нас тепло.");
      expect(await pressOld()).toContain(label.saved);
      await writer.send("/forget");
      await writer.press(/^(Так|Yes|Да)/u);
      answer = await pressOld();
      expect(answer).toContain(label.noDraft);
      expect(answer).not.toContain(label.saved);
    }
    expectNoFailures(h);
  });

  it("treats forged and foreign callback data as out of date, changing nothing (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте!");
    const screen = writer.messages.at(-1)!;
    const forged = [
      ["lw:zzzzz:done:-", "This button belongs to a step that is over"],
      ["lw:zzzzz:discard-yes:-", "This button belongs to a step that is over"],
      ["write:../../etc", "This button is out of date"],
      ["write:Kagarlitsky Boris", "This button is out of date"],
      ["ld:continue:999999", "This letter is no longer a draft"],
      ["ld:explode:1", "This button is out of date"],
      ["lst:-1", "This button is out of date"],
      ["lst:99", "This button is out of date"],
    ] as const;
    for (const [data, answer] of forged) {
      const before = writer.messages.length;
      await writer.pressData(screen.message_id, data);
      expect(writer.lastCallbackAnswer(), data).toContain(answer);
      expect(writer.messages.length, data).toBe(before);
    }
    // Another writer's draft cannot be continued or discarded through forged data.
    const other = h.user({ languageCode: "en" });
    await other.send("/start");
    const letter = await onlyLetter(h, writer.id);
    await other.pressData(other.messages.at(-1)!.message_id, `ld:discard-yes:${letter.id}`);
    expect(other.lastCallbackAnswer()).toContain("This letter is no longer a draft");
    expect((await onlyLetter(h, writer.id)).status).toBe("draft");

    // The flow itself is intact.
    await writer.send("Пишу Вам из Берлина.");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте!\n\nПишу Вам из Берлина.");
    expectNoFailures(h);
  });
});
