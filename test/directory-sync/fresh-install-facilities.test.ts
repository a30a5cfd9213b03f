/**
 * End to end on a fresh install (an empty database, no directory sync ever run): the start loads polit-sake's 948
 * facilities once, so "Write to someone not in the list" and /move find a facility the hand-written seed does not
 * have; a restart does not load them again. A writer who does not know the facility goes on without one, and the
 * suggestion, the organisers' /review and the writer's letter say plainly that it is not known.
 */
import { afterEach, describe, expect, it } from "vitest";
import { getPrisonerBySlug } from "../../src/db/repositories/prisoners.js";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { ADMIN_ID, linkDesk, organiser } from "../organisers/world.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const SOURCE = "https://example.org/news/moved";

async function startSuggestion(writer: TestUser, name: string): Promise<void> {
  await writer.send("/start");
  await writer.send("/write");
  await writer.send("Петренко");
  await writer.press("Написати людині, якої немає в списку");
  await writer.send(name);
  if (writer.buttons().includes("Жінка")) await writer.press("Жінка");
  await writer.press("Не знаю");
}

const loadedLines = (harness: Harness) => harness.logs.filter((line) => line.includes('"penal facilities loaded"'));

describe("a fresh install's facilities", () => {
  it("are loaded by the first start, once: a writer finds ИК-1 Ярославль, and a restart loads nothing again", async () => {
    h = await Harness.start({ database: "schema" });
    expect(loadedLines(h)).toHaveLength(1);
    const writer = h.user({ languageCode: "uk" });
    await startSuggestion(writer, "Петренко Олена");
    await writer.send("ИК-1 Ярославль");
    expect(writer.lastText()).toBe("Оберіть установу або надішліть інший запит:");
    await writer.press(/ИК-1.*Ярослав/);
    expect(writer.lastText()).toContain("Ярославская область");
    await writer.press("Надіслати організаторам");
    expect(writer.lastText()).toContain("Надіслано організаторам");
    const card = await h.db.selectFrom("prisoners").select(["institution_slug"]).where("surname_ru", "=", "Петренко").executeTakeFirstOrThrow();
    expect((await h.db.selectFrom("institutions").select("region").where("slug", "=", card.institution_slug as string).executeTakeFirstOrThrow()).region).toBe("Ярославская область");

    const institutions = async () => (await h!.db.selectFrom("institutions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;
    const before = Number(await institutions());
    expect(before).toBeGreaterThan(900);
    await h.restart();
    expect(loadedLines(h)).toHaveLength(1);
    expect(Number(await institutions())).toBe(before);
  });

  it("/move finds a facility the seed does not have by its number and town", async () => {
    h = await Harness.start({ database: "schema" });
    const boss = await organiser(h, { languageCode: "en" });
    await boss.send("/move kagarlitsky-boris");
    expect(boss.lastText()).toContain("Boris Kagarlitsky: now ИК-4 (Торжок)");
    // The directory's own institutions stay buttons; polit-sake's are found by search, not listed (too many).
    expect(boss.buttons().length).toBeLessThan(20);
    await boss.send("ИК-1 Ярославль");
    expect(boss.lastText()).toBe("Choose the facility, or send another search:");
    await boss.press(/ИК-1.*Ярослав/);
    await boss.send(SOURCE);
    await boss.press("Today");
    await boss.press("Save");
    expect(boss.lastText()).toContain("Saved.");
    const moved = await getPrisonerBySlug(h.db, "kagarlitsky-boris");
    const place = await h.db.selectFrom("institutions").select(["region", "name"]).where("slug", "=", moved?.location.institution ?? "").executeTakeFirstOrThrow();
    expect(place.region).toBe("Ярославская область");
    await boss.send("/move kagarlitsky-boris");
    expect(boss.lastText()).toContain(`now ${place.name}`);
    await boss.send("/cancel");
    await boss.send("/move kagarlitsky-boris");
    await boss.send("ИК-999 Нигде");
    expect(boss.lastText()).toContain("No facility matches “ИК-999 Нигде”");
  });

  it("a writer who does not know the facility goes on; the suggestion, /review and the letter say it is not known", async () => {
    h = await Harness.start({ admins: [ADMIN_ID] });
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/start");
    await linkDesk(h, admin);
    const writer = h.user({ languageCode: "uk" });
    await startSuggestion(writer, "Петренко Олена");
    expect(writer.buttons()).toEqual(["Не знаю установи: Росія чи окупована територія", "Не знаю установи: Білорусь"]);
    await writer.send("Якесь село");
    expect(writer.lastText()).toContain("Жодна установа не відповідає");
    await writer.press("Не знаю установи: Росія чи окупована територія");
    expect(writer.lastText()).toContain("Установа: невідома (утримує Росія)");
    await writer.press("Надіслати організаторам");
    expect(writer.lastText()).toContain("Без установи поки немає адреси");

    const review = await h.db.selectFrom("directory_reviews").selectAll().where("kind", "=", "suggestion").executeTakeFirstOrThrow();
    expect(JSON.parse(review.payload)).toMatchObject({ institution: null, system: "ru" });
    const own = await h.db.selectFrom("prisoners").selectAll().where("surname_ru", "=", "Петренко").executeTakeFirstOrThrow();
    expect(own).toMatchObject({ institution_slug: null, system: "ru", private_to: writer.id });

    await writer.press("Написати зараз");
    expect(writer.messages.map((message) => message.text ?? "").join("\n")).toContain("Олена Петренко, невідома (утримує Росія)");

    const checker = await organiser(h, { languageCode: "en" });
    await checker.send("/review");
    expect(checker.lastText()).toContain("Facility: not known (the writer does not know it; held by Russia, they say)");
    await checker.press("Add to the directory");
    const added = await getPrisonerBySlug(h.db, own.slug);
    expect(added?.location.institution).toBeNull();
    expect(added?.system).toBe("ru");
  });
});
