import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LexiconError, loadLexicon } from "../../src/domain/censorship/lexicon.js";
import { CATEGORY_IDS } from "../../src/domain/censorship/types.js";

const validEntry = {
  id: "ru-test-voina",
  category: "war",
  severity: "block",
  match: "stem",
  terms: ["войн"],
  endings: "noun",
  source: "test",
};
const endings = { noun: ["", "а", "е"] };

let directory: string | undefined;
afterEach(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

function lexiconDirectory(files: Record<string, unknown>): string {
  directory = mkdtempSync(join(tmpdir(), "lysty-lexicon-"));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(directory, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return directory;
}

function ruFile(...entries: unknown[]): Record<string, unknown> {
  return { "ru.json": { language: "ru", endings, entries } };
}

describe("the shipped lexicon", () => {
  const lexicon = loadLexicon();

  it("loads and covers every category but language (which comes from detection)", () => {
    const categories = new Set(lexicon.entries.map((entry) => entry.category));
    expect([...categories].sort()).toEqual(CATEGORY_IDS.filter((category) => category !== "language").sort());
  });

  it("has entries in every language file, each with a source", () => {
    const languages = new Set(lexicon.entries.map((entry) => entry.language));
    expect([...languages].sort()).toEqual(["be", "common", "en", "ru", "uk"]);
    expect(lexicon.entries.every((entry) => entry.source.length > 10)).toBe(true);
  });
});

describe("loadLexicon on a broken directory", () => {
  it("accepts a valid file", () => {
    const lexicon = loadLexicon(lexiconDirectory(ruFile(validEntry)));
    expect(lexicon.entries.map((entry) => entry.id)).toEqual(["ru-test-voina"]);
    expect([...(lexicon.entries[0]?.stemEndings ?? [])]).toEqual(["", "а", "е"]);
  });

  it.each([
    ["a wrong severity", { ...validEntry, severity: "blok" }, /field "severity"/],
    ["an unknown field", { ...validEntry, catgory: "war" }, /field "catgory"/],
    ["a missing source", { ...validEntry, source: undefined }, /field "source"/],
    ["a prefix too short", { ...validEntry, match: "prefix", endings: undefined, terms: ["сво"] }, /field "terms\.0": prefix "сво" is shorter/],
    ["an unknown endings set", { ...validEntry, endings: "verb" }, /field "endings": no endings set named "verb"/],
    ["a one-word phrase", { ...validEntry, match: "phrase", endings: undefined, terms: ["война"] }, /field "terms\.0": a phrase needs at least two words/],
    ["a broken regex", { ...validEntry, match: "regex", endings: undefined, terms: ["(unclosed"] }, /field "terms\.0": not a valid regular expression/],
    ["a regex matching nothing", { ...validEntry, match: "regex", endings: undefined, terms: ["a*"] }, /matches the empty string/],
    ["a nearby word with a space", { ...validEntry, unlessNearby: { words: ["на фронте"], window: 2 } }, /field "unlessNearby\.words\.0"/],
    ["the language category", { ...validEntry, category: "language" }, /field "category"/],
    ["a gap outside a phrase", { ...validEntry, gap: 2 }, /field "gap": only phrase entries take it/],
    ["a requires outside a regex entry", { ...validEntry, requires: "фронт" }, /field "requires": only regex entries take it/],
    ["a broken requires", { ...validEntry, match: "regex", endings: undefined, terms: ["фронт"], requires: "(фр" }, /field "requires": not a valid/],
    ["a stem word too short in a phrase", { ...validEntry, match: "phrase", terms: ["во~ мир"] }, /field "terms\.0": stem "во~"/],
  ])("fails loudly on %s, naming the file, the entry and the field", (_name, entry, field) => {
    const path = lexiconDirectory(ruFile({ ...validEntry, id: "ru-test-fine" }, entry));
    expect(() => loadLexicon(path)).toThrow(LexiconError);
    expect(() => loadLexicon(path)).toThrow(/ru\.json: entries\[1\] "ru-test-voina": /);
    expect(() => loadLexicon(path)).toThrow(field);
  });

  it("names the entry by position when it has no id", () => {
    const path = lexiconDirectory(ruFile(validEntry, { ...validEntry, id: undefined }));
    expect(() => loadLexicon(path)).toThrow(/ru\.json: entries\[1\]: field "id"/);
  });

  it("rejects an id used twice across files", () => {
    const path = lexiconDirectory({
      ...ruFile(validEntry),
      "uk.json": { language: "uk", endings, entries: [validEntry] },
    });
    expect(() => loadLexicon(path)).toThrow(/uk\.json: entry "ru-test-voina" reuses an id already used in .*ru\.json/);
  });

  it("rejects a file that is not JSON", () => {
    const path = lexiconDirectory({ "ru.json": "{ language: ru" });
    expect(() => loadLexicon(path)).toThrow(/ru\.json: not valid JSON/);
  });

  it("rejects a broken severity adjustment", () => {
    const path = lexiconDirectory({
      "common.json": { language: "common", entries: [], adjustments: [{ category: "case", raiseTo: "worse", source: "x" }] },
    });
    expect(() => loadLexicon(path)).toThrow(/common\.json: adjustments\[0\]: field "raiseTo"/);
  });
});
