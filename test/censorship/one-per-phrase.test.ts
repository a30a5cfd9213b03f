import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";
import { onePerPhrase } from "../../src/domain/censorship/one-per-phrase.js";
import type { Finding } from "../../src/domain/censorship/types.js";

function finding(text: string, phrase: string, extra: Partial<Finding>): Finding {
  const start = text.indexOf(phrase);
  return {
    category: "war",
    severity: "block",
    start,
    end: start + phrase.length,
    excerpt: phrase,
    explanationKey: "censorship-war-why",
    suggestionKey: "censorship-war-instead",
    ruleId: "test",
    ...extra,
  };
}

describe("one phrase, one finding (issue 15, item 4)", () => {
  it("merges findings of two categories over the same words into the gravest", () => {
    const text = "Я думаю о Путине каждый день.";
    const merged = onePerPhrase(text, [
      finding(text, "Путине", { category: "politics", severity: "danger" }),
      finding(text, "о Путине", { category: "war", severity: "block" }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ category: "war", severity: "block", excerpt: "о Путине" });
  });

  it("between equals, keeps the frame that read the whole phrase over a word inside it (issue 16)", () => {
    const text = "Надо отблагодарить охранника, чтобы он закрыл глаза.";
    const merged = onePerPhrase(text, [
      finding(text, "охранника", { category: "prison", ruleId: "ru-prison-staff" }),
      finding(text, "отблагодарить охранника, чтобы он закрыл глаза", { category: "contraband", ruleId: "frame-bribe" }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ category: "contraband", ruleId: "frame-bribe" });
    expect(checkLetter(text, { system: "ru" }).findings.map((item) => item.category)).toEqual(["contraband"]);
  });

  it("keeps findings over different words apart", () => {
    const text = "Я думаю о войне и о Путине.";
    const kept = onePerPhrase(text, [
      finding(text, "войне", { category: "war" }),
      finding(text, "Путине", { category: "politics", severity: "danger" }),
    ]);
    expect(kept.map((item) => item.excerpt)).toEqual(["войне", "Путине"]);
  });

  it("a language finding quotes only foreign words no other finding quotes, split around one inside", () => {
    const text = "Привет! Ми з тобою, Слава Україні, і ми чекаємо. Пока.";
    const foreign = "Ми з тобою, Слава Україні, і ми чекаємо.";
    const pieces = onePerPhrase(text, [
      finding(text, foreign, { category: "language", language: "uk" }),
      finding(text, "Слава Україні", { category: "ukraine-symbols" }),
    ]);
    expect(pieces.map((item) => [item.category, item.excerpt])).toEqual([
      ["ukraine-symbols", "Слава Україні"],
      ["language", "Ми з тобою"],
      ["language", "і ми чекаємо."],
    ]);
    expect(pieces.filter((item) => item.category === "language").every((item) => item.language === "uk")).toBe(true);
  });

  it("drops a language finding that another finding covers whole", () => {
    const text = "Здравствуйте! Слава Україні! Как Вы?";
    const left = onePerPhrase(text, [
      finding(text, "Слава Україні!", { category: "language", language: "uk" }),
      finding(text, "Слава Україні", { category: "ukraine-symbols" }),
    ]);
    expect(left.map((item) => item.category)).toEqual(["ukraine-symbols"]);
  });

  it("in a real check: the Ukrainian span is named and the slogan inside it is counted once", () => {
    const result = checkLetter("Здравствуйте, Борис Юльевич! Слава Україні, ми з тобою. Что Вы читаете?", { system: "ru" });
    expect(result.findings.map((item) => [item.category, item.excerpt, item.language ?? null])).toEqual([
      ["ukraine-symbols", "Слава Україні", null],
      ["language", "ми з тобою.", "uk"],
    ]);
    const english = checkLetter("Здравствуйте! Hello my friend, how are you? Что Вы читаете?", { system: "ru" });
    expect(english.findings.map((item) => [item.excerpt, item.language])).toEqual([["Hello my friend, how are you?", "en"]]);
  });
});
