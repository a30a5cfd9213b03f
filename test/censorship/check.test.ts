import { describe, expect, it } from "vitest";
import { checkLetter, type CheckResult } from "../../src/domain/censorship/index.js";

const categories = (result: CheckResult): string[] => [...new Set(result.findings.map((finding) => finding.category))].sort();
const ru = (text: string, status?: "pretrial" | "sentenced") => checkLetter(text, { system: "ru", status });

describe("checkLetter on the shipped lexicon", () => {
  it("reports spans into the original text, with the excerpt and explanation keys", () => {
    const text = "Привет!\nБрат сейчас на фронте, а соседа мобилизовали.";
    const result = ru(text);
    expect(result.findings.map((finding) => finding.excerpt)).toEqual(["фронте", "мобилизовали"]);
    for (const finding of result.findings) {
      expect(text.slice(finding.start, finding.end)).toBe(finding.excerpt);
      expect(finding.explanationKey).toBe("censorship-war-why");
      expect(finding.suggestionKey).toBe("censorship-war-instead");
    }
    expect(result.highestSeverity).toBe("block");
  });

  it.each([
    ["войне", "ru"], ["войной", "ru"], ["оккупантами", "ru"], ["окупантів", "uk"], ["війною", "uk"], ["wars", "en"],
  ])("finds the inflected form «%s» (%s)", (word) => {
    expect(categories(ru(`Всё из-за ${word}.`))).toContain("war");
  });

  it("matches each language's words in sentences of that language (Belarusian «вайной» in a Belarusian one)", () => {
    expect(categories(checkLetter("Мы ўсе стомленыя вайной.", { system: "by" }))).toContain("war");
  });

  it("sees through disguises: Latin look-alikes, dotted and spaced abbreviations, stress marks, zero-width spaces", () => {
    for (const text of ["вoйна", "С.В.О.", "С В О", "с.в.о.", "CBO", "война́", "вой\u200Bна", "ВОЙНА"]) {
      expect(categories(ru(`Это ${text} всё изменила.`)), text).toContain("war");
    }
  });

  it("finds emoji flags and hashtags, glued or camel-cased", () => {
    expect(categories(ru("Ждём тебя 🇺🇦"))).toEqual(["ukraine-symbols"]);
    expect(categories(ru("#СлаваУкраїні"))).toContain("ukraine-symbols");
    expect(categories(ru("#славаукраїні"))).toContain("ukraine-symbols");
    expect(categories(ru("#нетвойне"))).toContain("war");
  });

  it("leaves ordinary letters alone: the book, a holiday in Crimea, scores, birthdays, recipes, prices", () => {
    const text = [
      "Дочитала «Войну и мир», а сын смотрит «Звёздные войны».",
      "Помнишь Ялту и Бахчисарай в 2012 году? Мы ели чебуреки в Севастополе.",
      "«Динамо» выиграло 2:1. С днём рождения, тебе 34! Торт: 200 г муки, 2 яйца.",
      "Батон стоит 65 рублей, а 12.03.2024 у Насти родилась дочка.",
    ].join("\n");
    const result = ru(text);
    expect(result.findings).toEqual([]);
    expect(result.highestSeverity).toBeNull();
  });

  it("makes case details stronger in pre-trial detention, with the pre-trial explanation", () => {
    const sentenced = ru("Следователь блефует.", "sentenced").findings[0];
    const pretrial = ru("Следователь блефует.", "pretrial").findings[0];
    expect(sentenced).toMatchObject({ category: "case", severity: "danger", explanationKey: "censorship-case-why" });
    expect(pretrial).toMatchObject({ category: "case", severity: "block", explanationKey: "censorship-case-pretrial-why" });
  });

  it("warns about «freedom» and «fight» only in letters to Belarus", () => {
    const text = "Ждём, когда ты выйдешь на свободу. Твоя борьба важна.";
    expect(categories(ru(text))).toEqual([]);
    const belarus = checkLetter(text, { system: "by" });
    expect(belarus.findings.map((finding) => [finding.category, finding.severity, finding.explanationKey])).toEqual([
      ["politics", "block", "censorship-politics-by-why"],
      ["politics", "block", "censorship-politics-by-why"],
    ]);
  });

  it("knows a service declared extremist in Belarus, written as a domain name", () => {
    expect(categories(checkLetter("Пишу тебе через Pismo.bel.", { system: "by" }))).toEqual(["banned-org"]);
    expect(categories(ru("Пишу тебе через Pismo.bel."))).toEqual([]);
  });

  it("merges overlapping hits of one category into one finding", () => {
    const result = ru("Это военные преступления.");
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.excerpt).toBe("военные");
  });

  it("lets a generic abbreviation warning yield to a specific entry", () => {
    expect(ru("Передай КТБ привет.").findings.map((finding) => [finding.category, finding.severity])).toEqual([
      ["code", "advice"],
    ]);
    expect(ru("Читал ФБК.").findings.map((finding) => finding.category)).toEqual(["banned-org"]);
    expect(ru("Ходила в МФЦ.").findings).toEqual([]);
  });

  it("finds phone and card numbers but not dates, years or prices", () => {
    expect(categories(ru("Звони: +7 (999) 123-45-67."))).toEqual(["contacts"]);
    expect(categories(ru("Карта 4276 1234 5678 9012."))).toEqual(["contacts"]);
    expect(ru("Были там в 2019 2020 2021 2022 годах, билет 1 500 рублей, 12.03.2024.").findings).toEqual([]);
  });

  it("gives tone findings as advice only", () => {
    const result = ru("Держись! Скоро свобода.");
    expect(result.findings.map((finding) => [finding.category, finding.severity])).toEqual([
      ["tone", "advice"],
      ["tone", "advice"],
    ]);
    expect(result.highestSeverity).toBe("advice");
  });

  it("orders findings by position", () => {
    const result = ru("Держись. Следователь врёт. Война.");
    const starts = result.findings.map((finding) => finding.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("keeps each result its own: a later check, which reuses the checker's scratch space, changes no earlier result", () => {
    const first = ru("Вчера ночью прилетело в соседний дом, брата забрали в военкомат. «Война и мир» читаю.\nСлава Украине!");
    const snapshot = JSON.stringify(first);
    ru("Привет! Погода хорошая, мама передаёт привет. Скоро напишу ещё.\nНовый абзац, другие слова.");
    ru("Бачила в новинах про обстріл. Тримайся!");
    expect(JSON.stringify(first)).toBe(snapshot);
    expect(first.findings.length).toBeGreaterThan(0);
  });
});

describe("language findings", () => {
  it("finds a Ukrainian paragraph inside a Russian letter by its span", () => {
    const russian = "Привет, Володя! Мама здорова, огород дал много помидоров.";
    const ukrainian = "А ще мама просила передати: ми тебе дуже любимо і чекаємо.";
    const text = `${russian}\n\n${ukrainian}\n\nЦелую, твоя сестра.`;
    const result = ru(text);
    const language = result.findings.filter((finding) => finding.category === "language");
    expect(language).toHaveLength(1);
    expect(language[0]).toMatchObject({
      severity: "block",
      start: text.indexOf(ukrainian),
      end: text.indexOf(ukrainian) + ukrainian.length,
      explanationKey: "censorship-language-ru-why",
      suggestionKey: "censorship-language-ru-instead",
      ruleId: "language-uk",
    });
    expect(result.language.detected).toEqual(["ru", "uk"]);
    expect(result.language.acceptable).toBe(false);
  });

  it("flags an English letter to a Russian prison and shortens the excerpt of a long span", () => {
    const text = "Dear Alexei, my name is Claire and I am writing from Leeds. I hope you are well and that the books arrived.";
    const result = ru(text);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ category: "language", start: 0, end: text.length });
    expect(result.findings[0]?.excerpt).toHaveLength(80);
    expect(result.findings[0]?.excerpt.endsWith("…")).toBe(true);
  });

  it("accepts Belarusian and Russian for Belarus, but not Ukrainian", () => {
    const belarusian = checkLetter("Прывітанне! Мы ўсе вельмі чакаем твайго ліста.", { system: "by" });
    expect(belarusian.language).toMatchObject({ primary: "be", acceptable: true, allowed: ["ru", "be"] });
    expect(belarusian.findings).toEqual([]);
    const ukrainian = checkLetter("Привіт! Ми всі дуже чекаємо на твій лист.", { system: "by" });
    expect(ukrainian.findings.map((finding) => [finding.category, finding.explanationKey])).toEqual([
      ["language", "censorship-language-by-why"],
    ]);
  });

  it("does not take an e-mail address or a link for English", () => {
    const result = ru("Вот почта для ответа: olga.k@mail.ru, а фото на https://example.org/foto");
    expect(result.language).toMatchObject({ detected: ["ru"], acceptable: true });
    expect(result.findings.map((finding) => finding.category)).toEqual(["contacts"]);
  });

  it("does not warn about text that reads the same in Russian and Ukrainian", () => {
    expect(ru("Я тебе люблю.").language).toMatchObject({ primary: "ru", acceptable: true });
  });
});

describe("empty and odd input", () => {
  it("handles an empty letter", () => {
    const result = ru("");
    expect(result).toMatchObject({ findings: [], highestSeverity: null, stats: { characters: 0, words: 0, pages: 0 } });
    expect(result.language).toMatchObject({ detected: [], primary: null, spans: [], acceptable: true });
  });

  it("handles text without letters", () => {
    expect(ru("12345 !!! 🙂").language.primary).toBeNull();
  });
});

describe("the checklist of what no program can see", () => {
  it("adds the Belarusian relatives rule after sentencing and the case rule in pre-trial detention", async () => {
    const { uncheckableTopics } = await import("../../src/domain/censorship/checklist.js");
    expect(uncheckableTopics("ru", "sentenced")).not.toContain("letter-check-topic-pretrial-case");
    expect(uncheckableTopics("ru", "pretrial")).toContain("letter-check-topic-pretrial-case");
    expect(uncheckableTopics("by", "sentenced")).toContain("letter-check-topic-by-relatives");
    expect(uncheckableTopics("by", "pretrial")).toEqual(expect.arrayContaining(["letter-check-topic-by-pretrial", "letter-check-topic-pretrial-case"]));
    expect(uncheckableTopics("by", "pretrial")).not.toContain("letter-check-topic-by-relatives");
  });
});
