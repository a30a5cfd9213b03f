import { describe, expect, it } from "vitest";
import { createLetterChecker } from "../../src/domain/censorship/check.js";
import { parseLexiconFile } from "../../src/domain/censorship/lexicon.js";
import type { CheckOptions } from "../../src/domain/censorship/types.js";

/** A checker over a tiny lexicon, so each mechanism is tested apart from the shipped word lists. */
function checker(entries: object[], adjustments: object[] = []) {
  const base = { category: "war", severity: "danger", source: "test" };
  const file = parseLexiconFile(
    {
      language: "ru",
      endings: { noun: ["", "а", "е", "у", "ой"] },
      entries: entries.map((entry, index) => ({ id: `test-${index}`, ...base, ...entry })),
      adjustments,
    },
    "test.json",
  );
  const check = createLetterChecker({ entries: file.entries, adjustments: file.adjustments });
  return (text: string, options: CheckOptions = { system: "ru" }) =>
    check(text, options).findings.filter((finding) => finding.category !== "language").map((finding) => finding.excerpt);
}

describe("match forms", () => {
  it("stem: the stem with one of its endings, nothing longer", () => {
    const check = checker([{ match: "stem", terms: ["фронт"], endings: "noun" }]);
    expect(check("на фронте, фронтой, фронт")).toEqual(["фронте", "фронтой", "фронт"]);
    expect(check("фронтенд, фронтовик")).toEqual([]);
  });

  it("prefix: any word starting with it", () => {
    expect(checker([{ match: "prefix", terms: ["оккуп"] }])("оккупантами, оккупация")).toEqual(["оккупантами", "оккупация"]);
  });

  it("exact: the whole word only", () => {
    expect(checker([{ match: "exact", terms: ["сво"] }])("сво, свой, своя")).toEqual(["сво"]);
  });

  it("phrase: words in order, across dashes and quotes but not across a sentence end or a number", () => {
    const check = checker([{ match: "phrase", terms: ["крым* это украин*"] }]);
    expect(check("«Крым — это Украина»")).toEqual(["Крым — это Украина"]);
    expect(check("Были в Крыму. Это Украина")).toEqual([]);
    expect(check("Крым 2014 это Украина")).toEqual([]);
  });

  it("phrase: also glued together, as in a lowercase hashtag", () => {
    expect(checker([{ match: "phrase", terms: ["слава украине"] }])("#славаукраине")).toEqual(["славаукраине"]);
  });

  it("regex: over the original text, with exceptions compared to the folded match", () => {
    const check = checker([{ match: "regex", terms: ["[А-Я]{3}"], exceptions: ["мчс"], category: "code" }]);
    expect(check("ФБК и МЧС")).toEqual(["ФБК"]);
  });

  it("regex: a text without the entry's `requires` (compiled with the entry's flags) is not scanned", () => {
    const email = { match: "regex", terms: ["[a-z]+ собака [a-z]+ точка ru"], ignoreCase: true, category: "contacts" };
    expect(checker([{ ...email, requires: "точка ru" }])("Пиши: ivan собака mail ТОЧКА RU")).toEqual(["ivan собака mail ТОЧКА RU"]);
    // A `requires` the pattern does not contain is an author's error: the entry then finds nothing.
    expect(checker([{ ...email, requires: "точка com" }])("Пиши: ivan собака mail точка ru")).toEqual([]);
  });
});

describe("context rules", () => {
  it("exceptions drop look-alike words", () => {
    expect(checker([{ match: "prefix", terms: ["тиран"], exceptions: ["тиранозавр*"] }])("тиран, тиранозавр")).toEqual(["тиран"]);
  });

  it("exceptPhrases drop a match inside a harmless phrase", () => {
    const check = checker([{ match: "stem", terms: ["войн"], endings: "noun", exceptPhrases: ["войн* и мир*"] }]);
    expect(check("«Войну и мир» читаю, а о войне не пишу")).toEqual(["войне"]);
  });

  it("requiresNearby keeps a match only near one of its words", () => {
    const check = checker([{ match: "exact", terms: ["телефон"], requiresNearby: { words: ["передам*"], window: 3 } }]);
    expect(check("передам тебе телефон")).toEqual(["телефон"]);
    expect(check("позвонила по телефон")).toEqual([]);
  });

  it("unlessNearby drops a match near one of its words", () => {
    const check = checker([{ match: "stem", terms: ["фронт"], endings: "noun", unlessNearby: { words: ["работ*"], window: 2 } }]);
    expect(check("фронт работ")).toEqual([]);
    expect(check("на фронте")).toEqual(["фронте"]);
  });

  it("systems limit an entry to letters to those prison systems", () => {
    const check = checker([{ match: "stem", terms: ["свобод"], endings: "noun", systems: ["by"] }]);
    expect(check("на свободу")).toEqual([]);
    expect(check("на свободу", { system: "by" })).toEqual(["свободу"]);
  });

  it("a fallback entry yields to any other finding over the same text", () => {
    const check = checker([
      { match: "regex", terms: ["[А-Я]{3}"], category: "code", severity: "advice", fallback: true },
      { match: "exact", terms: ["фбк"], category: "banned-org", severity: "block" },
    ]);
    expect(check("ФБК и КТБ")).toEqual(["ФБК", "КТБ"]);
  });
});

describe("severity adjustments", () => {
  const check = createLetterChecker({
    ...parseLexiconFile(
      {
        language: "ru",
        entries: [{ id: "case-1", category: "case", severity: "danger", match: "exact", terms: ["следователь"], source: "t" }],
        adjustments: [{ category: "case", statuses: ["pretrial"], raiseTo: "block", explanation: "case-pretrial", source: "t" }],
      },
      "test.json",
    ),
  });

  it("raise the severity and switch the explanation for the status they name", () => {
    expect(check("следователь", { system: "ru", status: "pretrial" }).findings[0]).toMatchObject({
      severity: "block",
      explanationKey: "censorship-case-pretrial-why",
      suggestionKey: "censorship-case-pretrial-instead",
    });
  });

  it("leave other statuses, and a missing status, alone", () => {
    for (const status of ["sentenced", undefined] as const) {
      expect(check("следователь", { system: "ru", status }).findings[0]).toMatchObject({
        severity: "danger",
        explanationKey: "censorship-case-why",
      });
    }
  });
});
