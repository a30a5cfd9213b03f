import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acceptedLettersToPrint } from "../../src/db/repositories/relay.js";
import { Harness } from "../helpers/harness.js";
import { onlyLetter, textOf } from "../letters/flow/helpers.js";
import { ADMIN_ID, linkDesk, sendIn, settle } from "../organisers/world.js";
import { deskThatTranslates, KAMARDIN, RUSSIAN_TRANSLATION, translationAskedFor, writeInUkrainian } from "./translation-world.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());


describe("writing in one's own language with an organiser's translation", () => {
  it("the writer asks, an organiser answers the card in Russian, the writer receives it and it is what gets printed", async () => {
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/start");
    const desk = await linkDesk(h, admin);
    await sendIn(h, admin, desk, "/translation on");
    expect(h.fake.lastMessage(desk)?.text).toContain("writers can now ask this chat for a translation into Russian");

    const writer = h.user({ languageCode: "en" });
    await writeInUkrainian(writer);
    expect(writer.lastText()).toContain("Your letter is written in Ukrainian, but the censor passes only letters in Russian");
    expect(writer.buttons()).toEqual(["🌐 Ask for a translation into Russian", "Send it as it is", "✏️ Edit the letter"]);
    await writer.press("Ask for a translation");
    const done = textOf(await writer.press(/^No/));
    expect(done).toContain("You asked for a translation into Russian");
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "relayed", route: "organisers" });
    await settle(h);

    const card = h.fake.messages(desk).find((message) => message.text?.startsWith(`✉️ Letter ${letter.reference}`))!;
    expect(card.text).toContain("🌐 Written in Ukrainian: the writer asks for a translation into Russian.");
    // Until the translation comes, the letter is not offered for printing (the censor would not pass the original).
    await h.db.updateTable("letters").set({ status: "accepted" }).where("id", "=", letter.id).execute();
    expect(await acceptedLettersToPrint(h.db, undefined)).toEqual([]);

    // A member of the desk who is neither admin nor organiser cannot translate it.
    const stranger = h.user({ languageCode: "en" });
    h.fake.setMember(desk, stranger.id, "member");
    await h.handled(h.fake.injectMessage(stranger.id, desk, { text: "Привет всем", replyToMessageId: card.message_id }));
    expect(h.fake.lastMessage(desk)?.text).toBe("Only the organisers of the campaign this letter belongs to can translate it.");

    const before = writer.messages.length;
    await h.handled(h.fake.injectMessage(ADMIN_ID, desk, { text: RUSSIAN_TRANSLATION, replyToMessageId: card.message_id }));
    const saved = h.fake.lastMessage(desk)?.text ?? "";
    expect(saved).toContain(`✅ Translation of ${letter.reference} saved`);
    expect(saved).toContain("Check:");
    await settle(h);
    const received = writer.textsSince(before);
    expect(received).toHaveLength(2);
    expect(received[0]).toContain(`The organisers have translated your letter ${letter.reference} to Artem Kamardin into Russian.`);
    expect(received[0]).toContain("Check:");
    expect(received[1]).toBe(RUSSIAN_TRANSLATION);

    const printable = await acceptedLettersToPrint(h.db, undefined);
    expect(printable.map((entry) => entry.text)).toEqual([RUSSIAN_TRANSLATION]);
    // Neither the letter nor its translation reaches the logs.
    expect(h.logs.some((line) => line.includes("після роботи") || line.includes("после работы"))).toBe(false);
  });

  it("takes the translation as a .txt file answering the card; an empty file is explained", async () => {
    const { desk, writer, letter, card } = await translationAskedFor(h);
    expect(card.text).toContain("typed or as a .txt file");

    await h.handled(h.fake.injectMessage(ADMIN_ID, desk, { document: { fileName: "empty.txt", bytes: " \n" }, replyToMessageId: card.message_id }));
    expect(h.fake.lastMessage(desk)?.text).toBe("The file is empty: send the Russian translation as text, or as a .txt file with the text in it.");

    const before = writer.messages.length;
    await h.handled(
      h.fake.injectMessage(ADMIN_ID, desk, { document: { fileName: "перевод.txt", bytes: `\uFEFF${RUSSIAN_TRANSLATION}\n` }, replyToMessageId: card.message_id }),
    );
    expect(h.fake.lastMessage(desk)?.text).toContain(`✅ Translation of ${letter.reference} saved`);
    await settle(h);
    expect(writer.textsSince(before).at(-1)).toBe(RUSSIAN_TRANSLATION);
    await h.db.updateTable("letters").set({ status: "accepted" }).where("id", "=", letter.id).execute();
    expect((await acceptedLettersToPrint(h.db, undefined)).map((entry) => entry.text)).toEqual([RUSSIAN_TRANSLATION]);
  });

  it("without organisers who translate, the writer is told so and can go back and edit; a Russian letter is not asked", async () => {
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/start");
    const desk = await linkDesk(h, admin);
    // A member who does not organise anything cannot turn translation on for the desk.
    const stranger = h.user({ languageCode: "en" });
    h.fake.setMember(desk, stranger.id, "member");
    await sendIn(h, stranger, desk, "/translation on");
    expect(h.fake.lastMessage(desk)?.text).toContain("Only the organisers of the campaigns linked to this chat can change this");

    const writer = h.user({ languageCode: "en" });
    await writeInUkrainian(writer);
    expect(writer.lastText()).toContain("The organisers on this route do not translate letters.");
    expect(writer.buttons()).toEqual(["Send it as it is", "✏️ Edit the letter"]);
    // "Edit" goes back to the writing step with the draft kept.
    await writer.press("Edit the letter");
    expect(writer.buttons()).toContain("✅ Done: check the letter");

    await writer.send("/cancel");
    const russian = h.user({ languageCode: "en" });
    await russian.send(`/start w_${KAMARDIN}`);
    await russian.send(RUSSIAN_TRANSLATION);
    await russian.press("Done");
    await russian.send("Olena");
    const advice = textOf(await russian.press("No, only this letter"));
    expect(advice).not.toContain("translat");
    expect(russian.buttons()).toEqual(["Yes, show my Telegram name", "No, only the signature"]);
  });

  it("a translation button pressed after the letter was sent is out of date and changes nothing", async () => {
    const { desk, writer } = await deskThatTranslates(h);
    await writer.press("Send it as it is");
    await writer.press(/^No/);
    const letter = await onlyLetter(h, writer.id);
    expect(letter.status).toBe("relayed");
    await writer.press("Ask for a translation");
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over, and you have no unfinished letter.");
    expect(await h.db.selectFrom("letter_translations").selectAll().execute()).toEqual([]);
    await settle(h);
    const card = h.fake.messages(desk).find((message) => message.text?.startsWith(`✉️ Letter ${letter.reference}`))!;
    expect(card.text).not.toContain("translation");
    // A Russian text in reply to a card that asked for no translation is just conversation: no answer from the bot.
    const count = h.fake.messages(desk).length;
    await h.handled(h.fake.injectMessage(ADMIN_ID, desk, { text: RUSSIAN_TRANSLATION, replyToMessageId: card.message_id }));
    expect(h.fake.messages(desk)).toHaveLength(count);
  });
});
