import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../../helpers/harness.js";
import { expectNoFailures, expectNotLogged, KAGARLITSKY, lettersOf, onlyLetter, profileOf, seededPerson, textOf } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

const LETTER =
  "Здравствуйте, Борис Юльевич! Меня зовут Анна, я живу в Эдинбурге. Недавно прочитала книгу о садах Шотландии и подумала, что Вам она могла бы понравиться. Что Вы сейчас читаете? Желаю Вам здоровья и интересных книг.";

describe("a clean letter to a Russian colony, sent through FSIN-pismo", () => {
  it("finds the person by name, checks the letter, finishes it and gives the form values the data holds", async () => {
    const { prisoner, institution } = await seededPerson(h, KAGARLITSKY);
    const writer = h.user({ languageCode: "en" });

    await writer.send("/start");
    await writer.press("Write a letter");
    expect(writer.lastText()).toContain("Who would you like to write to?");
    const found = await writer.send("Kagarlitsky");
    expect(textOf(found)).toContain("Found one person");
    const guidance = textOf(await writer.press("Boris Kagarlitsky, 1958"));
    expect(guidance).toContain("Letter to Boris Kagarlitsky");
    expect(guidance).toContain("In Russian: Кагарлицкий Борис Юльевич");
    expect(guidance).toContain(`Held at: ${institution.name}, ${institution.region}`);
    // Folded to three lines the first time (issue 15); the rest is one press away, for this person's routes only.
    expect(guidance).toContain("Write in Russian: letters in other languages are not handed over.");
    expect(guidance).not.toContain("A censor reads every letter.");
    expect(writer.lastText()).toContain("up to 12,000 characters");
    const more = textOf(await writer.press("More"));
    expect(more).toContain("A censor reads every letter.");
    expect(more).toContain("on FSIN-pismo, tick the paid reply form");
    expect(more).not.toContain("By post");

    const [first, second] = [LETTER.slice(0, 120), LETTER.slice(120)];
    expect(textOf(await writer.send(first))).toMatch(new RegExp(`Your draft so far: ${first.trim().length} characters · \\d+ words · about 1 printed page`));
    expect(textOf(await writer.send(second))).toContain("Saved.");
    // Each message is saved to the database as it arrives.
    const draft = await onlyLetter(h, writer.id);
    expect(draft.status).toBe("draft");
    expect(draft.text).toBe(`${first.trim()}\n\n${second.trim()}`);

    const report = textOf(await writer.press("Done: check the letter"));
    expect(report).toContain("The check found nothing that is known to stop this letter");
    expect(writer.lastText()).toContain("How will you sign the letter?");
    expect(writer.lastText()).toContain("rather than anonymously");
    expect(textOf(await writer.send("Анна\nЭдинбург"))).toContain("Sign as “Анна, Эдинбург”. Remember this signature");
    // Organisers have no chat linked in the seed: FSIN-pismo is the only route, taken without a question (issue 15).
    const done = await writer.press("Yes, remember it");
    expect(textOf(done)).not.toContain("How will you send the letter?");
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "finished", route: "fsin_pismo", signature_name: "Анна", signature_city: "Эдинбург" });
    expect(letter.reference).toMatch(/^L-\d{4}-[2-9A-Z]{4}$/);
    expect(JSON.parse(letter.findings_summary ?? "null")).toEqual({});
    const all = textOf(done);
    expect(all).toContain(`Your letter to Boris Kagarlitsky is ready. Its reference number: ${letter.reference}`);

    // The letter to copy: plain text with the signature, exactly as it goes to the prisoner.
    const body = `${first.trim()}\n\n${second.trim()}\n\nАнна\nЭдинбург`;
    expect(done.map((message) => message.text)).toContain(body);
    // The same as a .txt document.
    const [file] = h.fake.documents(writer.chatId);
    expect(file?.fileName).toBe(`letter-${letter.reference}.txt`);
    const content = Buffer.from(file!.bytes).toString("utf8");
    expect(content).toContain(body);
    expect(content).not.toContain(letter.reference!);

    // The packet: exactly what the directory holds for this institution and person.
    const recipientLine = `${prisoner.names.ru.surname} ${prisoner.names.ru.given} ${prisoner.names.ru.patronymic}, ${prisoner.birthYear} г.р.`;
    expect(institution.fsinPismo).toMatchObject({ available: true, region: "Тверская область", name: "ИК-4 Торжок" });
    expect(all).toContain(`choose the region: ${institution.fsinPismo.region}`);
    expect(all).toContain(`choose the institution: ${institution.fsinPismo.name}`);
    expect(all).toContain(`Recipient: ${recipientLine}`);
    expect(all).toContain("Tick the paid reply form");
    expect(all).toContain("Estimate: 110 RUB");
    expect(all).toContain("published in 2022–2024");
    expect(all).toContain("Delivery takes up to 3 working days");
    expect(all).toContain("No Russian bank card?");
    expect(all).toContain("https://rosuznik.org");
    // Form values are shown as code (one tap copies them).
    const packet = done.find((message) => message.text?.includes("FSIN-pismo, step by step"));
    const codes = (packet?.entities ?? [])
      .filter((entity) => entity.type === "code")
      .map((entity) => packet!.text!.slice(entity.offset, entity.offset + entity.length));
    expect(codes).toEqual([institution.fsinPismo.region, institution.fsinPismo.name, recipientLine]);

    // The signature is remembered for next time (the writer said yes).
    expect(await profileOf(h, writer.id)).toMatchObject({ remembered: 1, signature_name: "Анна", signature_city: "Эдинбург" });

    // Neither the letter nor the signature reaches the logs.
    expectNotLogged(h, ["Эдинбург", "Шотландии", "Анна", "Кагарлицкий"]);
    expectNoFailures(h);
    // The finished flow left nothing in the conversation storage.
    expect(await h.db.selectFrom("conversation_state").selectAll().execute()).toEqual([]);
  });

  it("\"the letter and how to send it\" names the person as every other header does, in the dative (uk, ru)", async () => {
    const labels = {
      uk: { done: "Готово", keep: "Ні, лише для цього листа", again: "Лист і як його надіслати", title: "Ваш лист Борисові Кагарлицькому ще раз" },
      ru: { done: "Готово", keep: "Нет, только для этого письма", again: "Письмо и как его отправить", title: "Ваше письмо Борису Кагарлицкому ещё раз" },
    } as const;
    for (const [locale, label] of Object.entries(labels)) {
      const writer = h.user({ languageCode: locale });
      await writer.send(`/start w_${KAGARLITSKY}`);
      await writer.send(LETTER);
      await writer.press(label.done);
      await writer.send("Анна");
      await writer.press(label.keep);
      await writer.send("/letters");
      const [letter] = await lettersOf(h, writer.id);
      const again = textOf(await writer.press(`${label.again}: ${letter!.reference}`));
      expect(again).toContain(`${label.title} (${letter!.reference}).`);
    }
    expectNoFailures(h);
  });

  it("lists the letter in /letters with its route and status, offers to write again and remembers the signature", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send(`/start w_${KAGARLITSKY}`);
    await writer.send(LETTER);
    await writer.press("Done");
    await writer.send("Анна");
    await writer.press("Yes, remember it");
    const [letter] = await lettersOf(h, writer.id);

    const list = textOf(await writer.send("/letters"));
    expect(list).toContain("Your letters (page 1)");
    expect(list).toContain(`1. Boris Kagarlitsky — `);
    expect(list).toContain(`FSIN-pismo — Ready to send · ${letter!.reference}`);

    // The letter, its file and the packet once more, while the text is kept.
    const documents = h.fake.documents(writer.chatId).length;
    const again = textOf(await writer.press(`The letter and how to send it: ${letter!.reference}`));
    expect(again).toContain(`Your letter to Boris Kagarlitsky again (${letter!.reference}).`);
    expect(again).toContain("choose the institution: ИК-4 Торжок");
    expect(h.fake.documents(writer.chatId)).toHaveLength(documents + 1);

    await writer.press("Write again: Boris Kagarlitsky");
    await writer.send("Здравствуйте ещё раз! Пишу снова, как обещала.");
    await writer.press("Done");
    // The remembered signature is offered as a button.
    expect(writer.buttons()).toContain("Sign as “Анна”");
    // The only route is taken without a question: the letter is finished with the signature's press.
    expect(textOf(await writer.press("Sign as “Анна”"))).toContain("Your letter to Boris Kagarlitsky is ready");
    const letters = await lettersOf(h, writer.id);
    expect(letters.map((row) => [row.status, row.signature_name])).toEqual([
      ["finished", "Анна"],
      ["finished", "Анна"],
    ]);
    expect(letters[1]!.reference).not.toBe(letters[0]!.reference);

    // Once the retention job has dropped the text, there is nothing to send again.
    await h.db.updateTable("letters").set({ text: null, text_purged_at: new Date().toISOString() }).where("id", "=", letters[0]!.id).execute();
    const listMessage = writer.messages.findLast((message) => message.text?.includes("Your letters (page 1)"))!;
    await writer.pressData(listMessage.message_id, `lsa:${letters[0]!.id}`);
    expect(writer.lastCallbackAnswer()).toContain("This letter's text is no longer kept (it is deleted 30 days after");
    // Nor can another writer's letter be fetched by forging its id.
    const other = h.user({ languageCode: "en" });
    await other.send("/start");
    await other.pressData(other.messages.at(-1)!.message_id, `lsa:${letters[1]!.id}`);
    expect(other.lastCallbackAnswer()).toContain("no longer kept");
    expect(h.fake.documents(other.chatId)).toHaveLength(0);
    expectNoFailures(h);
  });
});

describe("the FSIN-pismo form of a second letter to the same person", () => {
  /** Writes, checks, signs and finishes a short letter by FSIN-pismo (the only route in the seed); returns what came. */
  async function finishOne(languageCode: "en" | "uk", labels: { done: string; once: string }): Promise<string> {
    const writer = h.user({ languageCode });
    await writer.send(`/start w_${KAGARLITSKY}`);
    await writer.send(LETTER);
    await writer.press(labels.done);
    await writer.send("Анна\nЭдинбург");
    return textOf(await writer.press(labels.once));
  }
  const EN = { done: "Done: check the letter", once: "No, only this letter" };
  const UK = { done: "Готово: перевірити лист", once: "Ні, лише для цього листа" };

  it("is in each reader's language and shows the directory as it is at that moment", async () => {
    const { institution } = await seededPerson(h, KAGARLITSKY);
    const region = `choose the region: ${institution.fsinPismo?.region}`;
    expect(await finishOne("en", EN)).toContain(region);
    expect(await finishOne("en", EN)).toContain(region);
    const ukrainian = await finishOne("uk", UK);
    expect(ukrainian).toContain(`оберіть установу: ${institution.fsinPismo?.name}`);
    expect(ukrainian).not.toContain(region);
    // Corrected in the directory between two letters: the next form says what the directory says now.
    await h.db.updateTable("institutions").set({ fsin_pismo_name: "ИК-7 Сегежа" }).where("slug", "=", institution.slug).execute();
    const after = await finishOne("en", EN);
    expect(after).toContain("choose the institution: ИК-7 Сегежа");
    expect(after).not.toContain(`choose the institution: ${institution.fsinPismo?.name}`);
    expectNoFailures(h);
  });
});
