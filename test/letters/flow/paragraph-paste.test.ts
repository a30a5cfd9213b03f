import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CrashPoint } from "../../helpers/crash-point.js";
import { Harness } from "../../helpers/harness.js";
import type { TestUser } from "../../helpers/test-user.js";
import { deliverAgain, expectNoFailures, KAGARLITSKY, onlyLetter, startWritingTo, textOf } from "./helpers.js";

/**
 * A paragraph's replacement that Telegram delivers in several messages (a paste over 4,096 characters, or two messages
 * sent at once): every piece goes where the paragraph was, none at the end of the letter, also across a restart.
 */
let h: Harness;
let crash: CrashPoint;
beforeEach(async () => {
  crash = new CrashPoint();
  h = await Harness.start({ dbPlugins: [crash] });
});
afterEach(async () => h.stop());

/**
 * Two pieces of a long paste that the client cut at a paragraph break, so each stays a paragraph (a cut inside a
 * paragraph joins the pieces: client-cut.test.ts). No client cuts a paragraph at "Борис.": each would cut at a later
 * sentence end within its 4,096.
 */
const firstPiece = `Я живу в Кракове. ${"Пишу Вам каждую неделю и рассказываю о книгах. ".repeat(86)}`.slice(0, 4000).replace(/[^.]*$/u, "");
const secondPiece = "А ещё я завела кота. Его зовут Борис.";

const draftOf = async (writer: TestUser) => (await onlyLetter(h, writer.id)).text;

/** The fake dates a message by the harness's clock: the pieces of one paste come with the same date. */
function atTheSameSecond(at: Date): void {
  h.clock.set(at);
}

const THREE = ["Здравствуйте, Борис Юльевич!", "Я живу в Гданьске.", "Желаю Вам здоровья."];

/** A writer with a draft of three paragraphs, one of them open to edit from the paragraph list. */
async function writerOnParagraph(languageCode: "en" | "uk", show: string, paragraph: RegExp, draft = THREE): Promise<TestUser> {
  const writer = h.user({ languageCode });
  await startWritingTo(writer, KAGARLITSKY);
  for (const text of draft) await writer.send(text);
  await writer.press(show);
  await writer.press(paragraph);
  return writer;
}

describe("a paragraph replaced by a paste in pieces", () => {
  it("takes every piece in the paragraph's place, from the paragraph list; a later message goes to the end (en)", async () => {
    const writer = await writerOnParagraph("en", "Show the draft", /^2$/u);
    const at = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
    atTheSameSecond(at);
    await writer.send(firstPiece);
    expect(writer.lastText()).toContain("3 paragraphs");
    const answer = textOf(await writer.send(secondPiece));
    expect(answer).toContain("it went in after paragraph 2, as paragraph 3, not at the end of the letter");
    expect(await draftOf(writer)).toBe(["Здравствуйте, Борис Юльевич!", firstPiece, secondPiece, "Желаю Вам здоровья."].join("\n\n"));
    // A third piece of the same paste follows the second.
    await writer.send("Третий кусок.");
    expect(await draftOf(writer)).toBe(["Здравствуйте, Борис Юльевич!", firstPiece, secondPiece, "Третий кусок.", "Желаю Вам здоровья."].join("\n\n"));
    // Ten seconds later a message is new text again, added at the end as every message is.
    h.clock.set(new Date(at.getTime() + 10_000));
    expect(textOf(await writer.send("Что Вы читаете?"))).toMatch(/^Saved\./u);
    expect(await draftOf(writer)).toBe(
      ["Здравствуйте, Борис Юльевич!", firstPiece, secondPiece, "Третий кусок.", "Желаю Вам здоровья.", "Что Вы читаете?"].join("\n\n"),
    );
    expectNoFailures(h);
  });

  it("takes the rest of the paste after a restart between the pieces, once, from a finding's “edit this paragraph” (ru)", async () => {
    const writer = h.user({ languageCode: "ru" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте! Я всё время думаю о войне. Держитесь!");
    await writer.send("Желаю Вам здоровья.");
    await writer.press("Готово: проверить письмо");
    await writer.press("✏️ Абзац 1");
    const at = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
    atTheSameSecond(at);
    await writer.send(firstPiece);
    await h.restart();
    atTheSameSecond(at);
    expect(textOf(await writer.send(secondPiece))).toContain("оно встало после абзаца 1, абзацем 2, а не в конец письма");
    expect(await draftOf(writer)).toBe([firstPiece, secondPiece, "Желаю Вам здоровья."].join("\n\n"));
    expectNoFailures(h);
  });

  it("takes a replacement Telegram delivers again after a crash lost its stage as saved, and the rest follows it (en)", async () => {
    const writer = await writerOnParagraph("en", "Show the draft", /^2$/u);
    const letter = await onlyLetter(h, writer.id);
    // The update carrying the replacement committed it and the process died before the stage was written: the stored
    // conversation still waits for the paragraph's text, and Telegram delivers the same message again.
    const replaced = [THREE[0], firstPiece, THREE[2]].join("\n\n");
    await h.db.updateTable("letters").set({ text: replaced, text_characters: null }).where("id", "=", letter.id).execute();
    await h.restart();
    const at = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
    atTheSameSecond(at);
    expect(textOf(await writer.send(firstPiece))).toContain("Paragraph 2 replaced.");
    expect(await draftOf(writer)).toBe(replaced);
    expect(textOf(await writer.send(secondPiece))).toContain("it went in after paragraph 2, as paragraph 3, not at the end of the letter");
    expect(await draftOf(writer)).toBe([THREE[0], firstPiece, secondPiece, THREE[2]].join("\n\n"));
    expectNoFailures(h);
  });

  it("saves a later piece once when Telegram delivers it again after a crash at its stage's write, or after its answer (en)", async () => {
    const writer = await writerOnParagraph("en", "Show the draft", /^2$/u);
    const at = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
    atTheSameSecond(at);
    const answer = await writer.send(firstPiece);
    // The process dies after the piece's draft write, before the stage's: Telegram never got an answer.
    crash.arm("users", "letters");
    await writer.send(secondPiece);
    expect(crash.struck).toBe(1);
    // The fake numbers a chat's messages in turn: the piece came right after the first piece's answer.
    const pieceId = (answer.at(-1)?.message_id ?? 0) + 1;
    await h.restart();
    atTheSameSecond(at);
    await deliverAgain(h, writer, secondPiece, pieceId, at);
    expect(writer.lastText()).toContain("it went in after paragraph 2, as paragraph 3, not at the end of the letter");
    const pasted = [THREE[0], firstPiece, secondPiece, THREE[2]].join("\n\n");
    expect(await draftOf(writer)).toBe(pasted);
    // Handled to the end this time, and delivered once more (the answer to Telegram was lost): recognised, not saved.
    await deliverAgain(h, writer, secondPiece, pieceId, at);
    expect(writer.lastText()).toMatch(/^Saved\./u);
    expect(await draftOf(writer)).toBe(pasted);
    // The paste's third piece still follows the second.
    await writer.send("Третий кусок.");
    expect(await draftOf(writer)).toBe([THREE[0], firstPiece, secondPiece, "Третий кусок.", THREE[2]].join("\n\n"));
  });

  it("refuses a piece that would pass the limit, and the next text saved says the letter lacks it (en)", async () => {
    const long = "Пишу Вам из Кракова каждую неделю. ".repeat(110).trim();
    const writer = await writerOnParagraph("en", "Show the draft", /^1$/u, ["Здравствуйте, Борис Юльевич!", long, long]);
    const at = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
    atTheSameSecond(at);
    await writer.send(firstPiece);
    const before = await draftOf(writer);
    expect(textOf(await writer.send(firstPiece))).toMatch(/the limit is 12.000\. The draft was not changed\./u);
    expect(await draftOf(writer)).toBe(before);
    // A third piece of the same paste is refused with the second, not added at the end.
    expect(textOf(await writer.send(secondPiece))).toContain("so it is taken as the rest of that text and was not saved either");
    expect(await draftOf(writer)).toBe(before);
    h.clock.set(new Date(at.getTime() + 60_000));
    expect(textOf(await writer.send("Что Вы читаете?"))).toContain("Your message before this one was not saved");
    expectNoFailures(h);
  });

  it("refuses the rest of a paste whose first piece was refused, instead of adding it at the end (ru)", async () => {
    const long = "Пишу Вам из Кракова каждую неделю. ".repeat(160).trim();
    const writer = h.user({ languageCode: "ru" });
    await startWritingTo(writer, KAGARLITSKY);
    for (const text of [long, long]) await writer.send(text);
    await writer.press("Показать черновик");
    await writer.press(/^1$/u);
    const before = await draftOf(writer);
    const at = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
    atTheSameSecond(at);
    const tooLong = `${long} ${firstPiece}`;
    expect(textOf(await writer.send(tooLong))).toContain("Черновик не изменён.");
    await h.restart();
    atTheSameSecond(at);
    expect(textOf(await writer.send(secondPiece))).toContain("поэтому это продолжение того текста — его тоже не сохранили");
    expect(await draftOf(writer)).toBe(before);
    // Later text is new text again.
    h.clock.set(new Date(at.getTime() + 60_000));
    await writer.send("Что Вы читаете?");
    expect(await draftOf(writer)).toBe(`${before}\n\nЧто Вы читаете?`);
    expectNoFailures(h);
  });

  it("refuses the rest of a paste whose first piece met a paragraph changed meanwhile, instead of adding it at the end (en)", async () => {
    const writer = await writerOnParagraph("en", "Show the draft", /^1$/u);
    // The editor Mini App (or another device) rewrote the letter while the paragraph was open to edit.
    const letter = await onlyLetter(h, writer.id);
    const changed = "Добрый день!\n\nЖелаю Вам здоровья.";
    await h.db.updateTable("letters").set({ text: changed, text_characters: null }).where("id", "=", letter.id).execute();
    const at = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
    atTheSameSecond(at);
    expect(textOf(await writer.send(firstPiece))).toContain("The draft has changed since this button appeared, so nothing was changed.");
    expect(textOf(await writer.send(secondPiece))).toContain("so it is taken as the rest of that text and was not saved either");
    expect(await draftOf(writer)).toBe(changed);
    expectNoFailures(h);
  });

  it("adds the rest at the end as before when the paragraph changed in between (uk)", async () => {
    const writer = await writerOnParagraph("uk", "Показати чернетку", /^1$/u);
    const at = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
    atTheSameSecond(at);
    await writer.send("Здравствуйте!");
    // The editor Mini App (or another device) rewrote the letter before the next piece arrived.
    const letter = await onlyLetter(h, writer.id);
    await h.db.updateTable("letters").set({ text: "Добрый день!\n\nЖелаю Вам здоровья.", text_characters: null }).where("id", "=", letter.id).execute();
    await writer.send(secondPiece);
    expect(await draftOf(writer)).toBe(["Добрый день!", "Желаю Вам здоровья.", secondPiece].join("\n\n"));
    expectNoFailures(h);
  });
});
