import { describe, expect, it } from "vitest";
import { editorUrl } from "../../src/services/webapp/editor-url.js";
import type { CheckFinding } from "../../src/webapp/protocol.js";
import { findEdit, findingAt, marksByBlock, marksStayPut, nonOverlapping, paragraphsChanged, removeSpan, shiftFindings } from "../../src/webapp/spans.js";

const finding = (start: number, end: number, category = "war"): CheckFinding => ({
  start,
  end,
  category,
  severity: "block",
  why: "",
  instead: "",
  removable: true,
});

describe("the editor's highlight arithmetic", () => {
  it("finds where a keystroke changed the text, the same with the last edit as a guess as without it", () => {
    const text = "Я жду конца войны. Привет! ааа ббб\nЕщё строка.";
    const edits: [string, string][] = [
      [text, `${text.slice(0, 10)}х${text.slice(10)}`],
      [text, `${text.slice(0, 27)}а${text.slice(27)}`], // into a run of the same letter
      [text, text.slice(0, 5) + text.slice(8)],
      [text, `${text.slice(0, 3)}другое${text.slice(12)}`],
      [text, text],
      [text, ""],
      ["", text],
      [text, `${text}!`],
      [text, `!${text}`],
    ];
    const guesses = [undefined, { prefix: 0, suffix: 0 }, { prefix: 11, suffix: 35 }, { prefix: 40, suffix: 40 }, { prefix: 1000, suffix: 1000 }];
    for (const [before, after] of edits) {
      const exact = findEdit(before, after);
      expect(before.slice(0, exact.prefix)).toBe(after.slice(0, exact.prefix));
      expect(before.slice(before.length - exact.suffix)).toBe(after.slice(after.length - exact.suffix));
      expect(exact.prefix + exact.suffix).toBeLessThanOrEqual(Math.min(before.length, after.length));
      for (const guess of guesses) expect(findEdit(before, after, guess)).toEqual(exact);
    }
    expect(findEdit(text, `${text.slice(0, 10)}х${text.slice(10)}`)).toEqual({ prefix: 10, suffix: text.length - 10 });
  });

  const before = "Я жду конца войны. Привет!";
  const war = finding(before.indexOf("войны"), before.indexOf("войны") + 5);

  it("moves marks after an edit with the text and drops the marks the edit touched", () => {
    const typedBefore = `Ну, ${before}`;
    expect(shiftFindings([war], before, typedBefore)).toEqual([{ ...war, start: war.start + 4, end: war.end + 4 }]);
    const typedAfter = `${before} Пока.`;
    expect(shiftFindings([war], before, typedAfter)).toEqual([war]);
    const touched = before.replace("войны", "войнушки");
    expect(shiftFindings([war], before, touched)).toEqual([]);
    expect(typedBefore.slice(war.start + 4, war.end + 4)).toBe("войны");
  });

  it("finds the mark under the caret, edges included", () => {
    expect(findingAt([war], war.start)).toBe(war);
    expect(findingAt([war], war.end)).toBe(war);
    expect(findingAt([war], war.start - 2)).toBeUndefined();
  });

  it("draws overlapping findings once, the earlier and longer first", () => {
    expect(nonOverlapping([finding(5, 9), finding(0, 3), finding(2, 6), finding(0, 4)])).toEqual([finding(0, 4), finding(5, 9)]);
  });

  it("removes a span without leaving a double space or a space before punctuation", () => {
    expect(removeSpan(before, war.start, war.end)).toEqual({ text: "Я жду конца. Привет!", caret: war.start - 1 });
    expect(removeSpan("ааа войны ббб", 4, 9)).toEqual({ text: "ааа ббб", caret: 3 });
    expect(removeSpan("войны ббб", 0, 5)).toEqual({ text: "ббб", caret: 0 });
  });

  it("leaves a paragraph's backdrop alone only when its marks cannot have moved", () => {
    const marked = (text: string, withMark = true) => {
      const start = text.indexOf("войны");
      return withMark ? { text, marks: `${start}:${start + 5}:war:danger`, lastMarkEnd: start + 5 } : { text, marks: "", lastMarkEnd: 0 };
    };
    const paragraph = marked("Жду конца войны и тебя.");
    // Typed after the space that follows the mark: nothing before it moves.
    expect(marksStayPut(paragraph, marked("Жду конца войны и тебя, друг."))).toBe(true);
    // Typed before the mark, or glued to it (the longer word could wrap with the mark in it): drawn again.
    expect(marksStayPut(paragraph, marked("Жду скорого конца войны и тебя."))).toBe(false);
    expect(marksStayPut(paragraph, marked("Жду конца войныы и тебя."))).toBe(false);
    expect(marksStayPut(marked("Жду конца войны"), marked("Жду конца войны."))).toBe(false);
    // Marks that changed, and paragraphs without marks.
    expect(marksStayPut(paragraph, marked("Жду конца войны и тебя.", false))).toBe(false);
    expect(marksStayPut(marked("Привет", false), marked("Привет!", false))).toBe(true);
    expect(marksStayPut(undefined, marked("Привет", false))).toBe(false);
  });

  it("names the paragraphs an edit changed: the rest are the same text, before them and after them", () => {
    const text = "\nЯ жду конца войны.\n\nВойна и мир.\nПривет";
    const edits = [
      `${text.slice(0, 5)}х${text.slice(5)}`, // a letter typed in a paragraph
      `${text.slice(0, 5)}\n${text.slice(5)}`, // a paragraph split
      text.replace("\n\n", "\n"), // paragraphs joined
      text.replace("конца войны.\n\nВойна", "…"), // across paragraphs
      `х${text}`,
      `${text}!`,
      text.slice(1),
      "",
      text,
    ];
    for (const after of [...edits, ...edits.map((edit) => `\n${edit}`)]) {
      for (const [before, now] of [[text, after], [after, text]] as const) {
        const changed = paragraphsChanged(before, [], now, []);
        if (!changed) throw new Error("no change found");
        const { index, start, removed, added } = changed.change;
        const old = before.split("\n");
        expect(before.split("\n").slice(0, index).join("\n").length + (index > 0 ? 1 : 0)).toBe(start);
        expect([...old.slice(0, index), ...added, ...old.slice(index + removed)]).toEqual(now.split("\n"));
      }
    }
    // One paragraph for a keystroke inside it.
    expect(paragraphsChanged(text, [], edits[0]!, [])?.change).toMatchObject({ index: 1, removed: 1, added: ["Я ждху конца войны."] });
    // A mark across a line break at the edge of what changed: everything is redrawn.
    const across = finding(text.indexOf("войны"), text.indexOf("Война") + 5);
    expect(paragraphsChanged(text, [across], edits[0]!, [])).toBeUndefined();
    expect(paragraphsChanged(text, [], edits[0]!, [{ ...across, start: across.start + 1, end: across.end + 1 }])).toBeUndefined();
    expect(paragraphsChanged(text, [war], edits[0]!, [])).toBeDefined();
  });

  it("builds the editor URL with a trailing slash, the person and the flow's token", () => {
    expect(editorUrl("https://lysty.example/webapp", { slug: "kagarlitsky-boris", token: "a1b2c" })).toBe(
      "https://lysty.example/webapp/?p=kagarlitsky-boris&t=a1b2c",
    );
    expect(editorUrl("https://lysty.example/webapp/")).toBe("https://lysty.example/webapp/");
  });

  it("cuts the marks into the paragraph surface's blocks, offsets relative to each block, overlaps drawn once", () => {
    const text = "Я жду конца войны.\n\nВойна и мир.\nПривет";
    const blocks = text.split("\n");
    const war = text.indexOf("войны");
    const second = text.indexOf("Война");
    const advice = { ...finding(text.indexOf("мир"), text.indexOf("мир") + 3, "tone"), severity: "advice" };
    const marks = marksByBlock(
      blocks.map((block) => block.length),
      [finding(war, war + 5), finding(war + 1, war + 3, "politics"), finding(second, second + 5), advice],
    );
    expect(marks).toEqual([
      [{ start: blocks[0]!.indexOf("войны"), end: blocks[0]!.indexOf("войны") + 5, category: "war", severity: "block" }],
      [],
      [
        { start: 0, end: 5, category: "war", severity: "block" },
        { start: blocks[2]!.indexOf("мир"), end: blocks[2]!.indexOf("мир") + 3, category: "tone", severity: "advice" },
      ],
      [],
    ]);
    // Across a line break: in each block it covers; past the text's end: nowhere.
    expect(marksByBlock([3, 3], [finding(1, 6), finding(9, 12)])).toEqual([
      [{ start: 1, end: 3, category: "war", severity: "block" }],
      [{ start: 0, end: 2, category: "war", severity: "block" }],
    ]);
  });
});
