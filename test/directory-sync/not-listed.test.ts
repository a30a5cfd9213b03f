/**
 * End to end: "Write to someone not in the list". A writer who finds nobody names the person; what they give goes to
 * /review with who sent it and is seen by nobody else; an organiser adds the person (the card's source says whose word
 * it is) or dismisses it, and the writer is told either way. Bad input (a photo, a huge text, one word) is answered.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { ADMIN_ID, organiser, settle } from "../organisers/world.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
});

async function suggest(writer: TestUser, name: string, options: { year?: string } = {}): Promise<void> {
  await writer.send("/write");
  await writer.send("Петренко");
  expect(writer.lastText()).toContain("немає нікого");
  await writer.press("Написати людині, якої немає в списку");
  await writer.send(name);
  if (writer.buttons().includes("Жінка")) await writer.press("Жінка");
  if (options.year) await writer.send(options.year);
  else await writer.press("Не знаю");
  await writer.send("ИК-4 Торжок");
  await writer.press(/ИК-4/);
  await writer.press("Надіслати організаторам");
}

describe("someone not in the list", () => {
  it("goes to /review with who sent it, stays hidden, and an organiser's acceptance makes them findable with that source", async () => {
    h = await Harness.start();
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    await writer.send("/write");
    expect(writer.buttons()).toContain("✍️ Написати людині, якої немає в списку");
    await writer.send("Петренко");
    expect(writer.lastText()).toContain("немає нікого");
    await writer.press("Написати людині, якої немає в списку");
    expect(writer.lastText()).toContain("ніхто інший не бачить");

    // Bad input is answered, and the flow keeps waiting for the name.
    await writer.sendPhoto();
    expect(writer.lastText()).toBe("Надішліть це, будь ласка, текстовим повідомленням.");
    await writer.send("Петренко ".repeat(40));
    expect(writer.lastText()).toContain("Це задовго для імені");
    await writer.send("Петренко");
    expect(writer.lastText()).toContain("від двох до чотирьох слів");
    await writer.send("Петренко <b>Олена</b>");
    expect(writer.lastText()).toContain("лише літери");

    await writer.send("Петренко Олена");
    expect(writer.lastText()).toContain("Це чоловік чи жінка?");
    await writer.send("жінка");
    expect(writer.lastText()).toContain("кнопкою вище");
    await writer.press("Жінка");
    await writer.send("12");
    expect(writer.lastText()).toContain("Це не рік народження");
    await writer.send("1990");
    await writer.send("ИК-999 Нігде");
    expect(writer.lastText()).toContain("Жодна установа не відповідає");
    await writer.send("ИК-4 Торжок");
    expect(writer.lastText()).toBe("Оберіть установу або надішліть інший запит:");
    await writer.press(/ИК-4/);
    expect(writer.lastText()).toContain("Дані, які ви надали (не перевірені):");
    expect(writer.lastText()).toContain("Петренко Олена");
    expect(writer.lastText()).toContain("1990");
    await writer.press("Надіслати організаторам");
    expect(writer.lastText()).toContain("Надіслано організаторам");

    const review = await h.db.selectFrom("directory_reviews").selectAll().where("kind", "=", "suggestion").executeTakeFirstOrThrow();
    expect(review).toMatchObject({ state: "open", submitted_by: writer.id, prisoner_slug: null });

    // Nobody else sees it before an organiser has checked.
    const reader = h.user({ languageCode: "en" });
    await reader.send("/start");
    await reader.send("/find Петренко");
    expect(reader.lastText()).toContain("Nobody");

    const stranger = h.user({ languageCode: "en" });
    await stranger.send("/start");
    await stranger.send("/review");
    expect(stranger.lastText()).toBe("Only organisers and admins review the directory.");

    const checker = await organiser(h, { languageCode: "en" });
    await checker.send("/review");
    expect(checker.lastText()).toContain("A user asks to add someone not listed");
    expect(checker.lastText()).toContain("Петренко Олена, born 1990");
    expect(checker.lastText()).toContain("Тверская область");
    expect(checker.buttons()).toEqual(["Add to the directory", "Dismiss"]);
    await checker.press("Add to the directory");
    expect(h.fake.messages(checker.id).some((message) => (message.text ?? "").includes("confirmed by an organiser"))).toBe(true);

    const card = await h.db.selectFrom("prisoners").selectAll().where("surname_ru", "=", "Петренко").executeTakeFirstOrThrow();
    expect(card).toMatchObject({
      given_name_ru: "Олена",
      patronymic_ru: null,
      gender: "female",
      birth_year: 1990,
      status: "unknown",
      status_source_url: `lysty:suggestion/${review.id}/organiser`,
      institution_slug: "ik-4-torzhok",
      institution_believed_current: 1,
    });
    const history = await h.db.selectFrom("prisoner_history").selectAll().where("prisoner_slug", "=", card.slug).execute();
    // The writer's own card came first (nobody named in its history); the organiser's confirmation is recorded by them.
    expect(history.filter((row) => row.source_url.endsWith("/organiser")).map((row) => [row.field, row.changed_by])).toEqual([
      ["status", checker.id],
      ["institution", checker.id],
    ]);
    expect(history.some((row) => row.changed_by === writer.id)).toBe(false);

    // The writer hears about it, with a button that starts the normal letter flow.
    await settle(h);
    expect(writer.lastText()).toContain("додали цю людину до довідника");
    await writer.press("Написати листа");
    expect(writer.messages.length).toBeGreaterThan(0);

    // Now findable, and the card says whose word it is.
    await reader.send("/find Петренко");
    await reader.press(/Петренко|Petrenko/);
    expect(reader.lastText()).toContain("submitted by a user, confirmed by an organiser");
  });

  it("a dismissed suggestion adds nobody, and the writer is told honestly", async () => {
    h = await Harness.start({ admins: [ADMIN_ID] });
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    await suggest(writer, "Петренко Олена Ивановна", { year: "1985" });
    const admin = h.user({ id: ADMIN_ID, languageCode: "uk" });
    await admin.send("/start");
    await admin.send("/review");
    expect(admin.lastText()).toContain("Петренко Олена Ивановна");
    await admin.press("Відхилити");
    expect(h.fake.messages(admin.id).some((message) => (message.text ?? "").includes("Нічого не додано"))).toBe(true);
    // Only the writer's own card exists, still private to them.
    expect(await h.db.selectFrom("prisoners").select("private_to").where("surname_ru", "=", "Петренко").execute()).toEqual([{ private_to: writer.id }]);
    await settle(h);
    expect(writer.lastText()).toContain("не вдалося підтвердити");
    const review = await h.db.selectFrom("directory_reviews").selectAll().executeTakeFirstOrThrow();
    expect(review).toMatchObject({ state: "dismissed", resolved_by: ADMIN_ID, submitted_by: writer.id });
  });

  it("keeps one writer to five open suggestions, and a cancelled one sends nothing", async () => {
    // Six suggestions in a row are more updates than the flood limit lets through in a minute of real time.
    h = await Harness.start({ env: { RATE_LIMIT_PER_MINUTE: "0" } });
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    for (const given of ["Анна", "Олена", "Ірина", "Марія", "Ольга"]) await suggest(writer, `Петренко ${given}`);
    await suggest(writer, "Петренко Софія");
    expect(writer.lastText()).toContain("уже п'ять людей чекають");
    await writer.send("/write");
    await writer.send("Петренко");
    await writer.press("Написати людині, якої немає в списку");
    await writer.send("Коваленко Іван Петрович");
    // A Russian-style patronymic tells the gender: no question.
    expect(writer.lastText()).toContain("Рік народження");
    await writer.press("Не знаю");
    await writer.send("ИК-4 Торжок");
    await writer.press(/ИК-4/);
    await writer.press("Скасувати");
    expect(writer.lastText()).toBe("Скасовано. Нічого не надіслано.");
    expect(Number((await h.db.selectFrom("directory_reviews").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n)).toBe(5);
  });
});
