import { describe, expect, it } from "vitest";
import { isDesktopSpace, isJavaWhitespace, joinOfClientCut } from "../../src/domain/letters/client-cuts.js";

/**
 * The rule that puts a paste back together (docs/letter-flow-stages.md, "A paste cut by the client"), on pieces cut
 * by hand the way each client's source cuts — not by the rule's own restatement of it:
 * - Telegram Desktop (`TextUtilities::CutPart`): past 2,048 code points, the last blank line, else the last line break,
 *   else the last space after . ? !, … else anywhere; the white space at the cut dropped, both pieces trimmed.
 * - Telegram for Android (`processSendingText`): within the last 300 UTF-16 units before 4,096, a blank line, else the
 *   earliest line break, else the last white space after a full stop, else the last white space; else at 4,096; the
 *   character at the cut skipped, both pieces trimmed.
 * - Telegram Web K (`splitStringByLength`): after the last space within 4,096 UTF-16 units, line breaks ignored.
 */
const sentence = (index: number) => `Пишу Вам в ${index}-й раз и рассказываю о книгах, которые читаю.`;
const sentences = (count: number, from = 1) => Array.from({ length: count }, (_, index) => sentence(from + index)).join(" ");
const link = `https://example.org/${"a1b2c3d4e5".repeat(300)}`;

/** Cut before `at`, dropping `drop` characters there (the white space a client cuts at), both pieces trimmed. */
const cutAt = (text: string, at: number, drop = 1): [string, string] => [text.slice(0, at).trim(), text.slice(at + drop).trim()];

interface Row {
  client: string;
  case: string;
  pieces: [string, string];
  join: " " | "" | undefined;
  /** What the joined text is, when it is not the text the writer pasted (the client lost a character). */
  whole?: string;
}

const longParagraph = sentences(100);
const twoParagraphs = `${sentences(45)}\n\n${sentences(40, 46)}`;
const lineInWindow = `${sentences(50)}\n${sentences(40, 51)}`;
const breakNearEnd = `${sentences(65)}\n\n${sentences(30, 66)}`;
const breakBeforeAndroidWindow = `${sentences(52)}\n\n${sentences(40, 53)}`;
const emoji = Array.from({ length: 90 }, (_, index) => `${sentence(index)} 🙂`).join(" ");
const midSentence = `${"Пишу Вам и рассказываю о книгах которые читаю и о том что вижу за окном ".repeat(70).trim()}.`;

/** Desktop's cut at the last ". " whose space is at most the 4,097th code point. */
function desktopAtStop(text: string): [string, string] {
  const points = [...text];
  let last = -1;
  for (let at = 2049; at <= 4096; at++) if (points[at] === " " && points[at - 1] === ".") last = at;
  return [points.slice(0, last).join("").trim(), points.slice(last + 1).join("").trim()];
}

const rows: Row[] = [
  { client: "Desktop", case: "one long paragraph: at the last sentence end", pieces: desktopAtStop(longParagraph), join: " " },
  { client: "Desktop", case: "counts code points, not UTF-16 units (emoji)", pieces: desktopAtStop(emoji), join: " " },
  { client: "Desktop", case: "a blank line past half the limit: at it", pieces: cutAt(twoParagraphs, twoParagraphs.indexOf("\n\n"), 2), join: undefined },
  { client: "Desktop", case: "a line break past half the limit: at it", pieces: cutAt(lineInWindow, lineInWindow.indexOf("\n")), join: undefined },
  { client: "Desktop", case: "no white space past half the limit: at the limit", pieces: cutAt(`${sentences(20)} ${link}`, 4096, 0), join: "" },
  { client: "Android", case: "a long paragraph: at the last white space after a full stop", pieces: cutAt(longParagraph, longParagraph.lastIndexOf(". ", 4094) + 1), join: " " },
  { client: "Android", case: "a blank line in its window: at it", pieces: cutAt(breakNearEnd, inAndroidWindow(breakNearEnd.indexOf("\n\n")), 2), join: undefined },
  { client: "Android", case: "a blank line before its window: at the last sentence end, inside the next paragraph", pieces: cutAt(breakBeforeAndroidWindow, breakBeforeAndroidWindow.lastIndexOf(". ", 4094) + 1), join: " " },
  {
    client: "Android",
    case: "no white space in its window: at the limit, the character there lost",
    pieces: cutAt(`${sentences(20)} ${link}`, 4096),
    join: "",
    whole: `${sentences(20)} ${link}`.slice(0, 4096) + `${sentences(20)} ${link}`.slice(4097),
  },
  { client: "Android", case: "a sentence longer than its window: at the last white space", pieces: cutAt(midSentence, midSentence.lastIndexOf(" ", 4095)), join: " " },
  { client: "Web K", case: "after the last space within the limit, mid-sentence", pieces: cutAt(longParagraph, longParagraph.lastIndexOf(" ", 4095)), join: " " },
  { client: "Web K", case: "line breaks ignored: after the last space, past a blank line", pieces: cutAt(breakNearEnd, breakNearEnd.lastIndexOf(" ", 4095)), join: " " },
  { client: "the writer", case: "a short message after a long one", pieces: [sentences(40), "И ещё: я завела кота."], join: undefined },
  { client: "the writer", case: "a new message whose first sentence ends before the limit", pieces: [sentences(64), sentences(10, 65)], join: undefined },
  { client: "the writer", case: "the same message twice", pieces: [sentences(64), sentences(64)], join: undefined },
];

describe("joinOfClientCut on the clients' own cuts", () => {
  it.each(rows)("$client, $case", (row) => {
    const [previous, next] = row.pieces;
    expect(previous.length).toBeGreaterThan(0);
    expect(next.length).toBeLessThanOrEqual(4096);
    const join = joinOfClientCut(previous, next);
    expect(join).toBe(row.join);
    if (join !== undefined) expect(previous + join + next).toBe(row.whole ?? originalOf(row));
  });
});

describe("Desktop's white space, read as UTF-16 units", () => {
  it("is a regular expression's \\s, a control character or U+FFFC, for every unit", () => {
    const differing: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (isDesktopSpace(code) !== (/\s/u.test(char) || code < 32 || code === 0xfffc)) differing.push(code);
    }
    expect(differing).toEqual([]);
  });
});

describe("Android's white space, read as UTF-16 units", () => {
  it("is Java's Character.isWhitespace (a space separator but a no-break one, or a control it names), for every unit", () => {
    const differing: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const java = (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f) || code === 0x2028 || code === 0x2029 || (/\p{Zs}/u.test(char) && !"\u00a0\u2007\u202f".includes(char));
      if (isJavaWhitespace(code) !== java) differing.push(code);
    }
    expect(differing).toEqual([]);
  });
});

/** The text the writer pasted, for the rows whose pieces come from one. */
function originalOf(row: Row): string {
  const texts = [longParagraph, twoParagraphs, lineInWindow, breakNearEnd, breakBeforeAndroidWindow, emoji, midSentence, `${sentences(20)} ${link}`];
  const found = texts.find((text) => text.startsWith(row.pieces[0]) && text.endsWith(row.pieces[1]));
  if (!found) throw new Error(`no original for ${row.case}`);
  return found;
}

/** A position Android's look-back reaches (the 300 UTF-16 units before the limit), checked so the row cuts as it says. */
function inAndroidWindow(at: number): number {
  if (at < 4096 - 300 || at >= 4096) throw new Error(`${at} is outside Android's window`);
  return at;
}
