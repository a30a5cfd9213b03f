import { describe, expect, it } from "vitest";
import { checkLetter } from "../../../src/domain/censorship/index.js";
import { editDraft } from "../../../src/domain/letters/draft-edit.js";
import { parseSignature } from "../../../src/bot/features/letter/flow/signature.js";
import { groupFindings } from "../../../src/bot/features/letter/render/findings.js";
import { writeLetterData } from "../../../src/services/letters/buttons.js";
import { parseOpening } from "../../../src/services/letters/buttons.js";
import { isSlug } from "../../../src/services/letters/buttons.js";
import { stageRecord } from "../../../src/bot/features/letter/flow/writing.js";
import { type OpeningScreen, parseWritingStage, serialiseWritingStage } from "../../../src/services/letters/writing-stage.js";

describe("editDraft", () => {
  const closing = "Знайте, что о Вас помнят.\n\nС теплом,";
  const starter = `Здравствуйте, Борис!\n\n${closing}`;

  it("inserts a message before the starter's closing while the draft ends with it", () => {
    const result = editDraft(starter, "Я живу в Киеве.", "append", closing);
    expect(result).toMatchObject({ ok: true, text: `Здравствуйте, Борис!\n\nЯ живу в Киеве.\n\n${closing}` });
  });

  it("appends as usual once the closing is gone, and replaces when asked", () => {
    expect(editDraft("Привет!", "Как дела?", "append", closing)).toMatchObject({ ok: true, text: "Привет!\n\nКак дела?" });
    expect(editDraft(starter, "Новый текст.", "replace", closing)).toMatchObject({ ok: true, text: "Новый текст." });
    expect(editDraft(null, "Первое.", "append")).toMatchObject({ ok: true, text: "Первое." });
  });

  it("counts the closing against the 12,000-character limit and refuses blank text", () => {
    const long = "а".repeat(12_000 - closing.length - "Здравствуйте, Борис!".length - 4);
    expect(editDraft(starter, long, "append", closing)).toMatchObject({ ok: true });
    expect(editDraft(starter, `${long}б`, "append", closing)).toMatchObject({ ok: false, reason: "too-long", characters: 12_001 });
    expect(editDraft(starter, " \n ", "append", closing)).toEqual({ ok: false, reason: "empty" });
  });
});

describe("parseSignature", () => {
  it("reads a name and an optional city, on two lines or after a comma", () => {
    expect(parseSignature("Оксана")).toEqual({ ok: true, signature: { name: "Оксана", city: null } });
    expect(parseSignature("  Оксана \n Львів ")).toEqual({ ok: true, signature: { name: "Оксана", city: "Львів" } });
    expect(parseSignature("Anna, Leeds")).toEqual({ ok: true, signature: { name: "Anna", city: "Leeds" } });
  });

  it("refuses empty, over-long and three-line signatures", () => {
    expect(parseSignature(" \n ")).toEqual({ ok: false, reason: "empty" });
    expect(parseSignature("a\nb\nc")).toEqual({ ok: false, reason: "too-many-lines" });
    expect(parseSignature("Я".repeat(61))).toEqual({ ok: false, reason: "too-long" });
    expect(parseSignature(`Оксана\n${"Л".repeat(61)}`)).toEqual({ ok: false, reason: "too-long" });
    // Code points, not UTF-16 units: an emoji counts once.
    expect(parseSignature("😀".repeat(60))).toMatchObject({ ok: true });
  });
});

describe("groupFindings", () => {
  it("groups findings by category and explanation, gravest first, without repeating a fragment", () => {
    const result = checkLetter("Держитесь! Я думаю о войне. Война, война. Держитесь!", { system: "ru", status: "sentenced" });
    const groups = groupFindings(result.findings);
    expect(groups.map((group) => [group.first.category, group.severity])).toEqual([
      ["war", "block"],
      ["tone", "advice"],
    ]);
    expect(groups[0]!.excerpts).toEqual(["войне", "Война", "война"]);
    expect(groups[1]!.excerpts).toEqual(["Держитесь"]);
    expect(groups[1]!.count).toBe(2);
  });
});

describe("callback data", () => {
  it("builds write:<slug>[:<opening>] and accepts the news feature's short opening codes", () => {
    expect(writeLetterData("kagarlitsky-boris")).toBe("write:kagarlitsky-boris");
    expect(writeLetterData("kagarlitsky-boris", "punishment-cell")).toBe("write:kagarlitsky-boris:punishment-cell");
    expect(writeLetterData("x".repeat(70))).toBeUndefined();
    expect([parseOpening("pc"), parseOpening("bd"), parseOpening("-"), parseOpening("punishment-cell")]).toEqual([
      "punishment-cell",
      "birthday",
      undefined,
      "punishment-cell",
    ]);
    expect([isSlug("gorinov-aleksei"), isSlug("../etc"), isSlug("Kagarlitsky"), isSlug("a--b"), isSlug(undefined)]).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("stageRecord", () => {
  const state = { token: "ab12c", target: { slug: "kagarlitsky-boris", recipient: { system: "ru" } } } as unknown as Parameters<typeof stageRecord>[0];
  const name = { surname: "Кагарлицкий", given: "Борис", patronymic: "Юльевич" };
  const names = { ru: name, uk: name, latin: name } as unknown as OpeningScreen["names"];
  const keys = { token: "ab12c", slug: "kagarlitsky-boris", system: "ru" };

  it("builds the writing, opening and signing screens' records, which the stage reads back as written", () => {
    const writing = stageRecord(state, { closing: "С теплом," });
    const opening = stageRecord(state, { opening: { names, gender: "male" } });
    const signing = stageRecord(state, { closing: undefined, signing: { summary: {}, clean: true } });
    expect(writing).toStrictEqual({ ...keys, closing: "С теплом," });
    // No closing (none, or empty) is no key at all.
    expect(stageRecord(state, { closing: "" })).toStrictEqual(keys);
    expect(opening).toStrictEqual({ ...keys, opening: { names, gender: "male" } });
    expect(signing).toStrictEqual({ ...keys, signing: { summary: {}, clean: true } });
    for (const record of [writing, opening, signing]) expect(parseWritingStage(serialiseWritingStage(record))).toEqual(record);
  });
});
