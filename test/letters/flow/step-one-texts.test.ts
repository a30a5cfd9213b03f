import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RememberedTexts } from "../../../src/bot/features/letter/render/remembered.js";
import { Harness } from "../../helpers/harness.js";
import { ADMIN_ID } from "../../organisers/world.js";
import { expectNoFailures, KAGARLITSKY, onlyLetter, startWritingTo, textOf } from "./helpers.js";

/**
 * Step 1 and the first message take shortcuts (issue 14, docs/letter-flow-stages.md): the write link is answered early
 * in the chain, a stage's text before the conversations plugin, and the screens' texts that depend only on the person
 * and the locale are made once. The writer must not see any of it: every test here fails if a shortcut shows a text
 * made for another directory state or language, or skips what the long way did.
 */
let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

const correctName = (given: { latin: string; uk: string; ru: string }) =>
  h.db
    .updateTable("prisoners")
    .set({ given_name_latin: given.latin, given_name_uk: given.uk, given_name_ru: given.ru })
    .where("slug", "=", KAGARLITSKY)
    .execute();

describe("screens made once per person and locale", () => {
  it("follow a correction of the directory: the next opening screen and writing screen name the person anew (en)", async () => {
    const first = h.user({ languageCode: "en" });
    await startWritingTo(first, KAGARLITSKY);
    expect(first.lastText()).toContain("Letter to Boris Kagarlitsky");
    expect(first.lastText()).toContain("This status was last confirmed more than six months ago.");

    await correctName({ latin: "Borys", uk: "Борис", ru: "Борис" });
    // The status is confirmed today: the opening screen no longer warns that it is old.
    await h.db.updateTable("prisoners").set({ status_as_of: h.clock.now().toISOString().slice(0, 10) }).where("slug", "=", KAGARLITSKY).execute();
    const second = h.user({ languageCode: "en" });
    await startWritingTo(second, KAGARLITSKY);
    expect(second.lastText()).toContain("Letter to Borys Kagarlitsky");
    expect(second.lastText()).not.toContain("more than six months ago");
    expect(textOf(await second.send("Здравствуйте!"))).toContain("Letter to Borys Kagarlitsky");

    // The first writer's opening screen was shown before the correction: its stage keeps the name it showed.
    expect(textOf(await first.send("Здравствуйте!"))).toContain("Letter to Boris Kagarlitsky");
    await startWritingTo(first, KAGARLITSKY);
    expect(first.lastText()).toContain("Letter to Borys Kagarlitsky");
    expectNoFailures(h);
  });

  it("follow the writer's language: the same person's screens in English, then in Ukrainian after /language", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    expect(writer.lastText()).toContain("Letter to Boris Kagarlitsky");
    await writer.send("/language");
    await writer.press("Українська");
    await startWritingTo(writer, KAGARLITSKY);
    expect(writer.lastText()).toContain("Лист Борисові Кагарлицькому");
    expect(writer.lastText()).not.toContain("Letter to");
    const writing = textOf(await writer.send("Здравствуйте, Борис Юльевич!"));
    expect(writing).toContain("Лист Борисові Кагарлицькому");
    expect(writing).not.toContain("Letter to");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте, Борис Юльевич!");
    expectNoFailures(h);
  });

  it("keep a bounded number of texts, the oldest going first, and make a text again once it went", () => {
    const texts = new RememberedTexts<string>(2);
    let made = 0;
    const make = (value: string) => () => {
      made++;
      return value;
    };
    expect(texts.get("a", make("A"))).toBe("A");
    expect(texts.get("a", make("stale"))).toBe("A");
    texts.get("b", make("B"));
    texts.get("c", make("C"));
    expect(texts.size).toBe(2);
    expect(made).toBe(3);
    expect(texts.get("a", make("A again"))).toBe("A again");
    expect(texts.get("c", make("stale"))).toBe("C");
    expect(made).toBe(4);
  });
});

describe("the write link, early in the chain", () => {
  const chatMenuOf = (userId: number) =>
    h.fake.commands.find((entry) => entry.scope.type === "chat" && "chat_id" in entry.scope && Number(entry.scope.chat_id) === userId);

  it("still refreshes an admin's own command menu before opening the letter, as every /start does (en)", async () => {
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await startWritingTo(admin, KAGARLITSKY);
    expect(admin.lastText()).toContain("Letter to Boris Kagarlitsky");
    expect(chatMenuOf(ADMIN_ID)?.commands.map((command) => command.command)).toContain("invite");
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    expect(writer.lastText()).toContain("Letter to Boris Kagarlitsky");
    expect(chatMenuOf(writer.id)).toBeUndefined();
    expectNoFailures(h);
  });

  it("leaves a flow waiting for text, and a stage's next text goes to the new letter (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send("/write");
    await startWritingTo(writer, KAGARLITSKY);
    expect(writer.lastText()).toContain("Letter to Boris Kagarlitsky");
    expect(textOf(await writer.send("Здравствуйте!"))).toContain("Letter to Boris Kagarlitsky");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте!");
    expectNoFailures(h);
  });

  it("a link whose slug does not fit goes the whole way: the stage is left, then the writer told (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте!");
    // The link's pattern takes it, but no slug is this long.
    expect(textOf(await writer.send(`/start w_${"a".repeat(49)}`))).toContain("This person is not in our directory");
    const { letter_stage: stage } = await h.db.selectFrom("users").select("letter_stage").where("id", "=", writer.id).executeTakeFirstOrThrow();
    expect(stage).toBeNull();
    await writer.send("Ещё один абзац");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте!");
    expectNoFailures(h);
  });
});
