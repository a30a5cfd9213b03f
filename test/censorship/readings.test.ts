import { describe, expect, it } from "vitest";
import { checkLetter, type CheckResult } from "../../src/domain/censorship/index.js";
import { groupedDigits } from "../../src/domain/censorship/readings.js";
import { transliterate } from "../../src/domain/censorship/transliterate.js";

const ru = (text: string) => checkLetter(text, { system: "ru" });
const found = (result: CheckResult) =>
  result.findings.filter((finding) => finding.category !== "language").map((finding) => [finding.category, finding.excerpt]);

describe("the normalisation layer (issue 16)", () => {
  it("reads Latin-typed Russian, Ukrainian and Belarusian back into Cyrillic by each language's habits", () => {
    expect(transliterate("voyna", "ru")).toBe("война");
    expect(transliterate("ukraini", "uk")).toBe("україні");
    expect(transliterate("kyiv", "uk")).toBe("київ");
    expect(transliterate("bielaruś", "be")).toBe("беларусь");
    expect(found(ru("U nas opyat voyna, obstrel vsyu noch."))).toEqual([["war", "voyna"], ["war", "obstrel"]]);
    expect(found(ru("Slava Ukraini!"))).toEqual([["ukraine-symbols", "Slava Ukraini"]]);
    expect(found(checkLetter("Zhyvie Bielaruś!", { system: "by" }))).toEqual([["politics", "Zhyvie Bielaruś"]]);
  });

  it("keeps English word lists off Latin-typed Russian, and reports the Latin script itself", () => {
    const result = ru("Privet, moy drug! Kak dela?");
    expect(found(result)).toEqual([]);
    expect(result.language.primary).toBe("ru");
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(["language-ru-latin"]);
    expect(found(ru("My drug dealer was arrested."))).toContainEqual(["contraband", "drug"]);
  });

  it("sees through digits and symbols inside words, with offsets into the original text", () => {
    for (const [text, category, excerpt] of [
      ["Я думаю, что в0йна скоро закончится.", "war", "в0йна"],
      ["п*тин опять выступал", "politics", "п*тин"],
      ["бл@ть, опять", "profanity", "бл@ть"],
      ["Это v0yna.", "war", "v0yna"],
    ] as const) {
      const result = ru(text);
      expect(found(result), text).toContainEqual([category, excerpt]);
      const finding = result.findings.find((candidate) => candidate.category === category);
      expect(text.slice(finding?.start, finding?.end)).toBe(excerpt);
    }
  });

  it("reads words spelled out letter by letter, stems and prefixes included", () => {
    expect(found(ru("Это в о й н а."))).toEqual([["war", "в о й н а"]]);
    expect(found(ru("Опять П-У-Т-И-Н выступал."))).toEqual([["politics", "П-У-Т-И-Н"]]);
  });

  it("finds phone numbers written in words, alone or mixed with digit groups, and not years or prices", () => {
    expect(groupedDigits([8, 900, 16, 100, 20, 3, 40, 5, 60, 7])).toBe(11);
    expect(found(ru("Мой номер восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь."))).toEqual([
      ["contacts", "восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь"],
    ]);
    expect(found(ru("Звони 8 916 сто двадцать три 45 67."))).toEqual([["contacts", "8 916 сто двадцать три 45 67"]]);
    expect(found(ru("Это было в тысяча девятьсот сорок первом году, стоило двести двадцать рублей."))).toEqual([]);
  });

  it("finds e-mails, handles and links written without @ or a scheme", () => {
    for (const text of [
      "Пиши на ivan.petrov собака gmail точка com",
      "Пиши на ivan (at) gmail.com",
      "Мой телеграм: sveta_minsk",
      "Заходи на t.me/sasha_free",
      "Фото на instagram.com/olga.art",
    ]) {
      expect(found(ru(text)).map(([category]) => category), text).toContain("contacts");
    }
    expect(found(ru("Посмотри Pismo.bel и т.е. всё остальное."))).not.toContainEqual(["contacts", "т.е"]);
  });
});

describe("word lists gated by the sentence's language (issue 16)", () => {
  it("does not match a Ukrainian word in a Russian sentence where it means something else", () => {
    expect(found(ru("Он полон сил и надежд."))).toEqual([]);
    expect(found(ru("Україна в полоні не буде."))).toContainEqual(["war", "полоні"]);
  });

  it("matches names and abbreviations written alike in every language", () => {
    expect(found(ru("Лукашенко теж за це відповість."))).toContainEqual(["politics", "Лукашенко"]);
    expect(found(ru("Слава ЗСУ!"))).toContainEqual(["ukraine-symbols", "ЗСУ"]);
  });
});
