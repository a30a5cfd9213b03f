import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../../helpers/harness.js";
import type { TestUser } from "../../helpers/test-user.js";
import {
  deliverAgain as deliverAgainTo,
  expectNoFailures,
  KAGARLITSKY,
  onlyLetter,
  replacingSecondParagraph as replacingSecondParagraphAt,
  startWritingTo,
  textOf,
  userMessageBefore,
} from "./helpers.js";

/**
 * A letter written elsewhere and pasted: the client sends it as several messages, cut near 4,096 characters. Where the
 * cut fell inside a paragraph the pieces become that paragraph again, as the writer wrote it; where it fell at a
 * paragraph break the break stays; a writer's own quick second message stays a paragraph of its own. The pieces below
 * are cut by hand the way Telegram Desktop cuts (`TextUtilities::CutPart`: past half of 4,096 code points, at the last
 * of its best places — a line break, else a space after a full stop, else anywhere in a run without white space — and
 * the white space it cut at is dropped), not by the bot's own restatement of that rule.
 */
let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

const AT = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
const sentences = (count: number, from = 0): string =>
  Array.from({ length: count }, (_, index) => `Пишу Вам в ${from + index + 1}-й раз и рассказываю о книгах, которые читаю.`).join(" ");

/** Two paragraphs, 9,000 characters: the first long enough that the client cuts inside it. */
const FIRST = sentences(130).slice(0, 7000).replace(/[^.]*$/u, "").trim();
const SECOND = sentences(60, 130).slice(0, 9000 - FIRST.length - 2).replace(/[^.]*$/u, "").trim();
const PASTE = `${FIRST}\n\n${SECOND}`;

/** Desktop's pieces of PASTE: at the last ". " within 4,096, then at the blank line (past half of what is left). */
function desktopPieces(): string[] {
  const stop = PASTE.lastIndexOf(". ", 4095);
  const [one, rest] = [PASTE.slice(0, stop + 1), PASTE.slice(stop + 2)];
  const blank = rest.indexOf("\n\n");
  expect(blank).toBeGreaterThan(2048);
  expect(rest.length).toBeGreaterThan(4096);
  expect(rest.slice(blank + 2).length).toBeLessThanOrEqual(4096);
  return [one, rest.slice(0, blank), rest.slice(blank + 2)];
}

const draftOf = async (writer: TestUser) => (await onlyLetter(h, writer.id)).text;
const deliverAgain = (writer: TestUser, text: string, messageId: number, at = AT) => deliverAgainTo(h, writer, text, messageId, at);

/** An English writer of three paragraphs who pressed "2" to replace the second, at AT. */
const replacingSecondParagraph = () => replacingSecondParagraphAt(h, AT);

describe("a paste the client cut into pieces", () => {
  it("puts a 9,000-character paste back as written: joined inside a paragraph, the break kept, across a restart (uk)", async () => {
    const pieces = desktopPieces();
    expect(pieces.map((piece) => piece.length).reduce((sum, length) => sum + length)).toBeGreaterThan(8900);
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    h.clock.set(AT);
    await writer.send(pieces[0] as string);
    await h.restart();
    h.clock.set(AT);
    const joined = textOf(await writer.send(pieces[1] as string));
    expect(joined).toContain("Telegram розрізав довгий текст посеред абзацу, тож воно дописане в той самий абзац 1");
    const third = textOf(await writer.send(pieces[2] as string));
    expect(third).toMatch(/^Збережено\./u);
    expect(await draftOf(writer)).toBe(PASTE);
    await writer.press("Показати чернетку");
    expect(writer.lastText()).toContain("2 абзаци");
    expectNoFailures(h);
  });

  it("joins a cut inside a word with nothing between the pieces (en)", async () => {
    const link = `https://example.org/${"a1b2c3d4e5".repeat(300)}`;
    const paste = `${sentences(20)} ${link} ${sentences(3)}`;
    // No white space past half of 4,096: Desktop cuts at the 4,097th character, inside the link.
    const [one, two] = [paste.slice(0, 4096), paste.slice(4096)];
    expect(/\s/u.test(one.slice(2049))).toBe(false);
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Dear Boris,");
    h.clock.set(AT);
    await writer.send(one);
    expect(textOf(await writer.send(two))).toContain("so it was added to the same paragraph 2");
    expect(await draftOf(writer)).toBe(`Dear Boris,\n\n${paste}`);
    expectNoFailures(h);
  });

  it("keeps a writer's own quick second message a paragraph of its own (ru)", async () => {
    const writer = h.user({ languageCode: "ru" });
    await startWritingTo(writer, KAGARLITSKY);
    h.clock.set(AT);
    const long = sentences(40);
    await writer.send(long);
    expect(textOf(await writer.send("И ещё: я завела кота, его зовут Борис."))).toMatch(/^Сохранено\./u);
    expect(await draftOf(writer)).toBe(`${long}\n\nИ ещё: я завела кота, его зовут Борис.`);
    // A message after the paste window is never a piece, whatever its length.
    const [one, two] = desktopPieces();
    await writer.send(one as string);
    h.clock.set(new Date(AT.getTime() + 10_000));
    await writer.send(two as string);
    expect(await draftOf(writer)).toBe(`${long}\n\nИ ещё: я завела кота, его зовут Борис.\n\n${one}\n\n${two}`);
    expectNoFailures(h);
  });

  it("saves a piece delivered again once, and an edit of the first piece changes nothing (en)", async () => {
    const [one, two] = desktopPieces() as [string, string];
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Dear Boris,");
    h.clock.set(AT);
    const first = await writer.send(one);
    await h.handled(h.fake.injectEditedMessage(writer.id, writer.id, userMessageBefore(first), `${one} (edited)`));
    expect(writer.lastText()).toContain("Editing a message you already sent does not change the draft");
    const second = await writer.send(two);
    expect(textOf(second)).toContain("so it was added to the same paragraph 2");
    await deliverAgain(writer, two, userMessageBefore(second));
    expect(writer.lastText()).toMatch(/^Saved\./u);
    expect(await draftOf(writer)).toBe(`Dear Boris,\n\n${one} ${two}`);
    // A short last piece, joined, then delivered again.
    const paste = sentences(70);
    const stop = paste.lastIndexOf(". ", 4095);
    const [three, four] = [paste.slice(0, stop + 1), paste.slice(stop + 2)];
    expect(four.length).toBeLessThan(1000);
    h.clock.set(new Date(AT.getTime() + 60_000));
    await writer.send(three);
    const last = await writer.send(four);
    expect(textOf(last)).toContain("so it was added to the same paragraph 3");
    await deliverAgain(writer, four, userMessageBefore(last), new Date(AT.getTime() + 60_000));
    expect(await draftOf(writer)).toBe(`Dear Boris,\n\n${one} ${two}\n\n${paste}`);
    expectNoFailures(h);
  });

  it("refuses a piece that would pass 12,000 characters, saves nothing twice, and says so with the next text (en)", async () => {
    const [one, two] = desktopPieces() as [string, string];
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send(sentences(60).slice(0, 4000));
    await writer.send(sentences(10));
    h.clock.set(AT);
    await writer.send(one);
    const before = await draftOf(writer);
    expect(textOf(await writer.send(`${two} ${two}`.slice(0, 4096)))).toMatch(/Your draft was not changed/u);
    expect(await draftOf(writer)).toBe(before);
    h.clock.set(new Date(AT.getTime() + 60_000));
    expect(textOf(await writer.send("How are you?"))).toContain("Your message before this one was not saved");
    expect(await draftOf(writer)).toBe(`${before}\n\nHow are you?`);
    expectNoFailures(h);
  });

  it("joins the pieces of a paragraph's replacement into that paragraph (en)", async () => {
    const [one, two] = desktopPieces() as [string, string];
    const writer = await replacingSecondParagraph();
    await writer.send(one);
    expect(textOf(await writer.send(two))).toContain("so it was added to the same paragraph 2");
    expect(await draftOf(writer)).toBe(["Dear Boris,", `${one} ${two}`, "Take care."].join("\n\n"));
    expectNoFailures(h);
  });
});

describe("a paragraph's replacement the client cut into three pieces", () => {
  it("keeps the third piece after the paragraphs the second one wrote (en)", async () => {
    // The paragraph's new text: a long first paragraph, a short one, a third. Desktop cuts the first inside its first
    // paragraph (at the last ". " within 4,096), the second at the last blank line within 4,096 of the rest.
    const long = sentences(110).slice(0, 6500).replace(/[^.]*$/u, "").trim();
    const [short, third] = ["I read a lot this winter.", sentences(30, 200)];
    const replacement = `${long}\n\n${short}\n\n${third}`;
    const stop = replacement.lastIndexOf(". ", 4095);
    const [one, rest] = [replacement.slice(0, stop + 1), replacement.slice(stop + 2)];
    const blank = rest.lastIndexOf("\n\n", 4095);
    const [two, three] = [rest.slice(0, blank), rest.slice(blank + 2)];
    expect([rest.length > 4096, blank > 2048, two.includes("\n\n"), three === third]).toEqual([true, true, true, true]);
    const writer = await replacingSecondParagraph();
    await writer.send(one);
    expect(textOf(await writer.send(two))).toContain("so it was added to the same paragraph 2");
    await writer.send(three);
    expect(await draftOf(writer)).toBe(["Dear Boris,", replacement, "Take care."].join("\n\n"));
    expectNoFailures(h);
  });
});
