import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseFindingsSummary } from "../../../src/domain/letters/index.js";
import { Harness } from "../../helpers/harness.js";
import { expectNoFailures, expectNotLogged, KAGARLITSKY, onlyLetter, startWritingTo, textOf } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

describe("the check before sending", () => {
  it("says it is no guarantee and offers the checklist of what no program can see, then carries on (uk)", async () => {
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич! Что Вы сейчас читаете?");
    // A clean check moves straight on to signing (issue 15); the signing screen keeps "edit" and the checklist.
    const report = textOf(await writer.press("Готово: перевірити лист"));
    expect(report).toContain("Перевірка не знайшла нічого");
    expect(report).toContain("це не гарантія");
    expect(report).toContain("Як ви підпишете лист?");
    const checklist = textOf(await writer.press("Чого не бачить жодна програма"));
    expect(checklist).toContain("Імена: сусіди по камері");
    expect(checklist).toContain("Де ви й ваша родина живете зараз");
    // A sentenced prisoner in Russia: neither the pre-trial nor the Belarusian rule applies.
    expect(checklist).not.toContain("Слідчий ізолятор");
    expect(checklist).not.toContain("Білорусь");
    // The signing screen's buttons still work after the checklist: "edit" goes back to the letter.
    expect(textOf(await writer.press("Редагувати лист"))).toContain("Лист Борисові Кагарлицькому");
    expectNoFailures(h);
  });

  it("one finding is told as one, not as «some» (uk, en, ru)", async () => {
    const headers = {
      uk: ["Готово: перевірити лист", "Перевірка знайшла 1 місце, яке варто змінити. Воно може зупинити лист", "Деякі"],
      en: ["Done: check the letter", "The check found one place to change. It can stop the letter", "Some"],
      ru: ["Готово: проверить письмо", "Проверка нашла 1 место, которое стоит изменить. Оно может остановить письмо", "Некоторые"],
    } as const;
    for (const [locale, [done, header, plural]] of Object.entries(headers)) {
      const writer = h.user({ languageCode: locale });
      await startWritingTo(writer, KAGARLITSKY);
      await writer.send("Здравствуйте, Борис Юльевич! Я всё время думаю о войне.");
      const report = textOf(await writer.press(done));
      expect(report).toContain(header);
      expect(report).not.toContain(plural);
    }
    expectNoFailures(h);
  });

  it("shows risky wording with why and what instead; the edited letter passes (ru)", async () => {
    const writer = h.user({ languageCode: "ru" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте! Я всё время думаю о войне, армия Путина проиграет. Держитесь!");
    const report = textOf(await writer.press("Готово: проверить письмо"));
    expect(report).toContain("Проверка нашла 4 места, которые стоит изменить. Некоторые могут остановить письмо");
    // Each fragment is quoted, with why it matters and what to write instead (censorship.ftl, in the writer's language).
    expect(report).toContain("«войне»");
    expect(report).toContain("«армия»");
    expect(report).toContain("«Путина»");
    expect(report).toContain("«Держитесь»");
    // One line per kind of finding; why it matters is one press away (issue 15).
    expect(report).not.toContain("Почему:");
    expect(writer.buttons()).toEqual([
      "❓ 1",
      "❓ 2",
      "❓ 3",
      "✏️ Абзац 1",
      "✏️ Редактировать письмо",
      "Оставить как есть",
      "⏸ Пока остановиться",
      "🗒 Чего не видит ни одна программа",
    ]);
    const why = textOf(await writer.press("❓ 1"));
    expect(why).toContain("Почему:");
    expect(why).toContain("Вместо этого:");
    // The screen says what the check cannot promise (issue 16).
    expect(report).toContain("не гарантия");

    // Keeping a letter with blocking findings takes a second, explicit confirmation; "No" goes back to editing.
    const confirm = textOf(await writer.press("Оставить как есть"));
    expect(confirm).toContain("Вы уверены?");
    await writer.press("Нет, я отредактирую");
    expect(writer.lastText()).toContain("Письмо Борису Кагарлицкому");
    expect(writer.lastText()).toContain("Ваш черновик сейчас:");

    await writer.press("Заменить весь текст");
    await writer.send("Здравствуйте, Борис Юльевич! Я живу в Вильнюсе, работаю учительницей. Что Вы сейчас читаете?");
    const passed = textOf(await writer.press("Готово: проверить письмо"));
    expect(passed).toContain("Проверка не нашла ничего");
    await writer.send("Мария, Вильнюс");
    // The only route that fits (FSIN-pismo) is taken without a question (issue 15).
    await writer.press("Нет, только для этого письма");
    const letter = await onlyLetter(h, writer.id);
    expect(letter.status).toBe("finished");
    expect(letter.text).toContain("Вильнюсе");
    expect(parseFindingsSummary(letter.findings_summary ?? "")).toEqual({});
    // "No" to remembering: no signature is kept.
    const profile = await h.db.selectFrom("writer_profiles").selectAll().where("user_id", "=", writer.id).executeTakeFirst();
    expect(profile?.remembered ?? 0).toBe(0);
    expectNotLogged(h, ["Путина", "Вильнюс", "Мария"]);
    expectNoFailures(h);
  });

  it("the signing screen that offers a city line warns against the Ukrainian city the writer lives in, as the check does (uk, en, ru)", async () => {
    const prompts = {
      uk: ["Готово: перевірити лист", "місто другим рядком. Українське місто, де ви живете, краще не вказувати"],
      en: ["Done: check the letter", "your city on a second line. Better leave out a Ukrainian city you live in"],
      ru: ["Готово: проверить письмо", "город второй строкой. Украинский город, где вы живёте, лучше не указывать"],
    } as const;
    for (const [locale, [done, caution]] of Object.entries(prompts)) {
      const writer = h.user({ languageCode: locale });
      await startWritingTo(writer, KAGARLITSKY);
      await writer.send("Здравствуйте, Борис Юльевич! Что Вы сейчас читаете?");
      expect(textOf(await writer.press(done))).toContain(caution);
    }
    expectNoFailures(h);
  });

  it("keeps a letter with advice only at once, and one with blocking findings after a second yes (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте! Держитесь, скоро свобода.");
    const advice = textOf(await writer.press("Done"));
    expect(advice).toContain("suggestions about tone. Nothing in it is known to stop the letter.");
    expect(textOf(await writer.press("Keep it as it is"))).toContain("How will you sign the letter?");
    await writer.send("Sam");
    await writer.press("No, only this letter");
    const first = await onlyLetter(h, writer.id);
    expect(parseFindingsSummary(first.findings_summary ?? "")).toEqual({ tone: { advice: 2 } });

    await writer.send(`/start w_${KAGARLITSKY}`);
    await writer.send("Здравствуйте! Я думаю о войне.");
    await writer.press("Done");
    expect(textOf(await writer.press("Keep it as it is"))).toContain("Are you sure?");
    expect(textOf(await writer.press("Yes, keep it as it is"))).toContain("How will you sign");
    await writer.send("Sam");
    await writer.press("No, only this letter");
    const rows = await h.db.selectFrom("letters").selectAll().where("writer_id", "=", writer.id).orderBy("id").execute();
    expect(rows.map((row) => row.status)).toEqual(["finished", "finished"]);
    // Counts per category and severity only: the excerpt itself is never stored with the check.
    expect(parseFindingsSummary(rows[1]!.findings_summary ?? "")).toEqual({ war: { block: 1 } });
    expect(rows[1]!.findings_summary).not.toContain("войне");
    expectNoFailures(h);
  });

  it("escapes what the writer typed when quoting it back", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    // A letter in English is a language finding whose excerpt starts at the first letter: markup-like text included.
    await writer.send("Hello <b>Boris</b> & <script>friends</script>, what are you reading?");
    const report = textOf(await writer.press("Done"));
    expect(report).toContain("«Hello <b>Boris</b> & <script>fr…»");
    expect(report).toContain("language: English — write in Russian");
    const why = textOf(await writer.press("❓ 1"));
    expect(why).toContain("«Hello <b>Boris</b> & <script>friends</script>, what are you reading?»");
    expect(why).toContain("The letter seems to be written in: English.");
    expectNoFailures(h);
  });

  it("stops for now and keeps the draft for /write", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте! Держитесь!");
    await writer.press("Done");
    await writer.press("Stop for now");
    expect(writer.lastText()).toContain("Your letter is saved");
    expect((await onlyLetter(h, writer.id)).status).toBe("draft");
    const offer = textOf(await writer.send("/write"));
    expect(offer).toContain("You have unfinished letters:");
    expect(offer).toContain("to Boris Kagarlitsky");
    await writer.press("Continue: Boris Kagarlitsky");
    expect(textOf(writer.messages.slice(-2))).toContain("Let's continue your letter to Boris Kagarlitsky");
    expect(writer.lastText()).toContain("Your draft so far: 24 characters");
    expectNoFailures(h);
  });
});
