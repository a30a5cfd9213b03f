/**
 * End to end: writing at once to someone not in the list (issue 11, item 6). The writer's details become a card only
 * they see; the normal letter flow and packets run on it, each marked "details you gave, not checked": the post packet
 * with the facility's sourced address, FSIN-pismo only for a facility on its list. Nobody else finds or opens the card
 * until an organiser adds the person; then the same card (same draft) is public with the organiser's confirmation.
 */
import { afterEach, describe, expect, it } from "vitest";
import { getInstitutionBySlug } from "../../src/db/repositories/institutions.js";
import { writeLetterData } from "../../src/services/letters/buttons.js";
import { forgetUser } from "../../src/services/privacy/forget.js";
import { PERSONAL_DATA_SOURCES } from "../../src/services/privacy/sources.js";
import { cardAction } from "../../src/services/relay/buttons.js";
import { rememberedTextsInclude } from "../../src/bot/features/letter/render/remembered.js";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { expectNoFailures, lettersOf, textOf } from "../letters/flow/helpers.js";
import { pdfPages } from "../organisers/pdf-text.js";
import { ADMIN_ID, newChannelId, organiser, pressIn, sendIn, relayLetter, settle } from "../organisers/world.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
});

const LABELS = {
  uk: { none: "немає нікого", notListed: "Написати людині, якої немає в списку", unknownYear: "Не знаю", send: "Надіслати організаторам", now: "Написати зараз" },
  en: { none: "Nobody", notListed: "Write to someone not in the list", unknownYear: "I don't know", send: "Send to organisers", now: "Write to them now" },
  ru: { none: "никого", notListed: "Написать человеку, которого нет в списке", unknownYear: "Не знаю", send: "Отправить организаторам", now: "Написать сейчас" },
} as const;

/** Suggests a person from "nobody found" and returns the slug of the writer's own card. */
async function suggestAndWrite(h: Harness, writer: TestUser, locale: keyof typeof LABELS, input: { name: string; facility: string; pick: RegExp }): Promise<string> {
  const labels = LABELS[locale];
  await writer.send("/write");
  await writer.send("Петренко");
  expect(writer.lastText()).toContain(labels.none);
  await writer.press(labels.notListed);
  await writer.send(input.name);
  await writer.press(labels.unknownYear);
  await writer.send(input.facility);
  await writer.press(input.pick);
  await writer.press(labels.send);
  expect(writer.buttons()).toEqual([`✍️ ${labels.now}`]);
  const card = await h.db.selectFrom("prisoners").select(["slug", "private_to"]).where("private_to", "=", writer.id).executeTakeFirstOrThrow();
  return card.slug;
}

describe("writing to someone not in the list before an organiser adds them", () => {
  it("runs the normal flow on the writer's own card: post packet with the facility's address, marked unchecked, hidden from others (uk)", async () => {
    h = await Harness.start();
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    const slug = await suggestAndWrite(h, writer, "uk", { name: "Петренко Олена Ивановна", facility: "ИК-2 Салават", pick: /ИК-2/ });

    const opened = textOf(await writer.press(/Написати зараз/));
    expect(opened).toContain("Дані від вас, не перевірені: Олена Петренко");
    expect(opened).not.toContain("виведено з джерел");
    expect(opened).toContain("ИК-2 (Салават)");
    // The first screen takes the letter at once; a clean check moves on to signing (issue 15).
    await writer.send("Здравствуйте, Елена Ивановна! Пишу Вам из Варшавы. Что Вы сейчас читаете?");
    await writer.press(/Готово/);
    await writer.send("Ева");
    // ИК-2 Салават has a sourced postal address and is not on FSIN-pismo's list: post, the only route, is taken.
    const done = textOf(await writer.press("Ні, лише для цього листа"));
    expect(done).toContain("Поштою");
    const institution = await getInstitutionBySlug(h.db, "ik-2-salavat");
    expect(done).toContain(`Петренко Елена Ивановна\n${institution!.postalAddress!.text}`.split("\n").at(-1));
    for (const line of institution!.postalAddress!.text.split("\n")) expect(done).toContain(line);
    expect(done).toContain("Дані від вас, не перевірені: ім'я, рік народження й установа — з ваших слів");
    const [letter] = await lettersOf(h, writer.id);
    expect(letter).toMatchObject({ prisoner_slug: slug, status: "finished", route: "post" });

    // Nobody else finds the person, opens the card or starts a letter to them with a forged button.
    const other = h.user({ languageCode: "en" });
    await other.send("/start");
    await other.send("/find Петренко");
    expect(other.lastText()).toContain("Nobody");
    await other.send(`/start w_${slug}`);
    expect(other.lastText()).toContain("This person is not in our directory");
    const anyMessage = other.messages.at(-1)!;
    await other.pressData(anyMessage.message_id, writeLetterData(slug)!);
    expect(other.lastText()).toContain("This person is not in our directory");

    // The card is the writer's personal data: /mydata lists it, /forget deletes it with their letter.
    expect((await PERSONAL_DATA_SOURCES.find((source) => source.table === "prisoners")!.collect(h.db, writer.id)).length).toBe(1);
    await forgetUser(h.db, writer.id, h.clock.now());
    expect(await h.db.selectFrom("prisoners").select("slug").where("slug", "=", slug).execute()).toEqual([]);
    expectNoFailures(h);
  });

  it("keeps no screen text about the writer's own card in memory, so /forget leaves none of the name they typed (uk)", async () => {
    h = await Harness.start();
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    await suggestAndWrite(h, writer, "uk", { name: "Петренко Ярина Остаповна", facility: "ИК-2 Салават", pick: /ИК-2/ });
    expect(textOf(await writer.press(/Написати зараз/))).toContain("Ярина");
    // The opening screen, the writing screen, the check, the signature and the envelope: every text with the name.
    expect(textOf(await writer.send("Здравствуйте, Ярина Остаповна! Пишу Вам из Варшавы. Что Вы сейчас читаете?"))).toContain("Ярин");
    await writer.press(/Готово/);
    await writer.send("Ева");
    expect(textOf(await writer.press("Ні, лише для цього листа"))).toContain("Остаповна");
    await writer.send("/forget");
    await writer.press("Так, видалити все");
    expect(await h.db.selectFrom("prisoners").select("slug").where("private_to", "=", writer.id).execute()).toEqual([]);
    for (const fragment of ["Ярин", "Остап", "Yaryna", "Ostap"]) expect(rememberedTextsInclude(fragment)).toBe(false);

    // The same screens for someone in the public directory are remembered (the probe above sees them).
    const other = h.user({ languageCode: "uk" });
    await other.send("/start w_kagarlitsky-boris");
    await other.send("Здравствуйте, Борис Юльевич!");
    expect(rememberedTextsInclude("Кагарлицьк")).toBe(true);
    expectNoFailures(h);
  });

  it("offers FSIN-pismo only for a facility on its list, and the draft keeps working once an organiser adds the person (en)", async () => {
    h = await Harness.start();
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const slug = await suggestAndWrite(h, writer, "en", { name: "Петренко Олена Ивановна", facility: "ИК-4 Торжок", pick: /ИК-4/ });
    expect(textOf(await writer.press(/Write to them now/))).toContain("Details you gave, not checked: ");
    await writer.send("Здравствуйте, Елена Ивановна! Пишу Вам из Варшавы.");

    // An organiser adds the person meanwhile: the same card becomes public, with the organiser's confirmation.
    const checker = await organiser(h, { languageCode: "en" });
    await checker.send("/review");
    await checker.press("Add to the directory");
    const card = await h.db.selectFrom("prisoners").selectAll().where("slug", "=", slug).executeTakeFirstOrThrow();
    expect(card.private_to).toBeNull();
    expect(card.status_source_url).toMatch(/^lysty:suggestion\/\d+\/organiser$/);
    await settle(h);
    expect(writer.lastText()).toContain("added this person to the directory");

    // The draft written before is the same letter: continuing it finishes through FSIN-pismo, no "not checked" mark.
    await writer.send(`/start w_${slug}`);
    expect(writer.lastText()).not.toContain("not checked");
    await writer.send("Что Вы сейчас читаете?");
    await writer.press(/Done/);
    await writer.send("Ева");
    // FSIN-pismo, the only route for ИК-4 Торжок, is taken without a question.
    const done = textOf(await writer.press("No, only this letter"));
    expect(done).toContain("ИК-4 Торжок");
    expect(done).not.toContain("not checked");
    const letters = await lettersOf(h, writer.id);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ prisoner_slug: slug, status: "finished", route: "fsin_pismo" });
    expect(letters[0]!.text).toContain("Пишу Вам из Варшавы");

    const reader = h.user({ languageCode: "en" });
    await reader.send("/start");
    await reader.send("/find Петренко");
    expect(reader.lastText()).not.toContain("Nobody");
    expectNoFailures(h);
  });

  it("marks the FSIN-pismo packet while the details are unchecked, and a dismissal leaves the writer's card theirs (ru)", async () => {
    h = await Harness.start();
    const writer = h.user({ languageCode: "ru" });
    await writer.send("/start");
    const slug = await suggestAndWrite(h, writer, "ru", { name: "Петренко Олена Ивановна", facility: "ИК-4 Торжок", pick: /ИК-4/ });

    const checker = await organiser(h, { languageCode: "en" });
    await checker.send("/review");
    await checker.press("Dismiss");
    await settle(h);
    expect(await h.db.selectFrom("prisoners").select("private_to").where("slug", "=", slug).executeTakeFirstOrThrow()).toEqual({ private_to: writer.id });

    expect(textOf(await writer.press(/Написать сейчас/))).toContain("Данные от вас, не проверены: ");
    await writer.send("Здравствуйте, Елена Ивановна! Пишу Вам из Варшавы.");
    await writer.press(/Готово/);
    await writer.send("Ева");
    const done = textOf(await writer.press("Нет, только для этого письма"));
    expect(done).toContain("ФСИН-письмо");
    expect(done).toContain("Данные от вас, не проверены: имя, год рождения и учреждение — с ваших слов");
    expect((await lettersOf(h, writer.id))[0]).toMatchObject({ prisoner_slug: slug, status: "finished", route: "fsin_pismo" });
    expectNoFailures(h);
  });
});

describe("organisers see that a letter's details are the writer's own, unchecked (issue 11)", () => {
  it("marks the check screen, the desk's card and the printed letter; a letter after the organiser adds the person is not marked", async () => {
    h = await Harness.start({ admins: [ADMIN_ID] });
    const admin = h.user({ id: ADMIN_ID, languageCode: "uk" });
    await admin.send("/start");
    // The desk speaks the language of the admin who links it: Ukrainian here.
    const desk = newChannelId();
    h.fake.addGroup({ id: desk, title: "Приймальня", type: "supergroup" });
    h.fake.setMember(desk, admin.id, "creator");
    await sendIn(h, admin, desk, "/link desk");
    expect(h.fake.lastMessage(desk)?.text).toContain("Готово");
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const slug = await suggestAndWrite(h, writer, "en", { name: "Петренко Олена Ивановна", facility: "ИК-2 Салават", pick: /ИК-2/ });

    // The check screen, with findings and clean, says the details are the writer's own, and stays within the budget.
    await writer.press(/Write to them now/);
    await writer.send("Здравствуйте, Елена Ивановна! Я всё время думаю о войне и о Вашем приговоре. Держитесь!");
    const report = await writer.press(/Done/);
    expect(textOf(report)).toContain("Details you gave, not checked: make sure the name and facility are right before you send.");
    for (const message of report) expect(message.text?.length ?? 0).toBeLessThanOrEqual(800);
    await writer.press(/Paragraph 1/);
    await writer.send("Здравствуйте, Елена Ивановна! Пишу Вам из Варшавы. Что Вы сейчас читаете?");
    expect(textOf(await writer.press(/Done/))).toContain("Details you gave, not checked: make sure");

    // Relayed to organisers (the desk: no campaign names the person), the card says in the desk's language
    // that nobody has checked the details.
    const letter = await relayLetter(h, writer, { text: "Здравствуйте, Елена Ивановна! Что Вы сейчас читаете?", prisoner: slug });
    await settle(h);
    const relayed = h.fake.messages(desk).find((message) => message.text?.startsWith(`✉️ Лист ${letter.reference}`));
    expect(relayed?.text).toContain("Кому: Петренко Олена Ивановна");
    expect(relayed?.text).toContain("⚠️ Дані надав автор листа, організатори їх не перевіряли: звірте ім'я та установу, перш ніж відправляти.");

    // Accepted and printed: the cover carries the warning in the organiser's language; the letter's page, which goes
    // into the envelope, does not.
    await pressIn(h, admin, desk, relayed?.message_id ?? 0, cardAction.pack("accept", letter.id));
    await settle(h);
    await admin.send("/print");
    const [document] = h.fake.documents(admin.chatId);
    const pages = await pdfPages(document?.bytes ?? new Uint8Array());
    expect(pages).toHaveLength(2);
    const warning = "Дані надав автор листа, організатори їх не перевіряли: звірте ім'я та адресу, перш ніж відправляти.";
    expect(pages[0]).toContain(`${letter.reference} — Петренко Олена Ивановна`);
    expect(pages[0]).toContain(warning);
    expect(pages[1]).not.toContain(warning);
    expect(pages[1]).toContain("Кому: Петренко Олена Ивановна, ИК-2 (Салават)");
    expect(pages[1]).toContain("Что Вы сейчас читаете?");

    // The organiser adds the person: a new letter's card and page are not marked.
    await admin.send("/review");
    await admin.press("Додати до довідника");
    await settle(h);
    const after = await relayLetter(h, writer, { text: "Здравствуйте ещё раз, Елена Ивановна!", prisoner: slug });
    await settle(h);
    const later = h.fake.messages(desk).find((message) => message.text?.startsWith(`✉️ Лист ${after.reference}`));
    expect(later?.text).toContain("Кому: Петренко Олена Ивановна");
    expect(later?.text).not.toContain("не перевіряли");
    await pressIn(h, admin, desk, later?.message_id ?? 0, cardAction.pack("accept", after.id));
    await settle(h);
    await admin.send("/print");
    const printed = await pdfPages(h.fake.documents(admin.chatId).at(-1)?.bytes ?? new Uint8Array());
    expect(printed.join(" ")).toContain("Здравствуйте ещё раз");
    expect(printed.join(" ")).not.toContain("не перевіряли");
    expect(h.logs.join("\n")).not.toContain("Что Вы сейчас читаете");
    expectNoFailures(h);
  });
});
