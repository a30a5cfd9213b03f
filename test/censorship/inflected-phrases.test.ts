import { describe, expect, it } from "vitest";
import { type CategoryId, checkLetter, type PrisonSystem } from "../../src/domain/censorship/index.js";

/**
 * Issue 16, third round: fixed phrases across inflection (`~` stem words of phrase entries) and split by other words
 * (an entry's `gap`), the vocabulary of the weakest held-out kinds, and masking with several symbols. Offsets point
 * at the original text: from the phrase's first word to its last.
 */
const findings = (text: string, system: PrisonSystem = "ru") =>
  checkLetter(text, { system }).findings.filter((finding) => finding.category !== "language");

function expectFound(text: string, category: CategoryId, excerpt: string, system: PrisonSystem = "ru"): void {
  const found = findings(text, system).find((finding) => finding.category === category);
  expect(found, `${category} in «${text}»`).toBeDefined();
  expect(found?.excerpt).toBe(excerpt);
  expect(text.slice(found?.start, found?.end)).toBe(excerpt);
}

describe("fixed phrases across inflection and with words between", () => {
  it("finds a slogan whose words are inflected and split by up to two words", () => {
    expectFound("Героям — вічна їм слава, так і знай.", "ukraine-symbols", "Героям — вічна їм слава");
    expectFound("Смерть усім ворогам, казав дід Іван.", "ukraine-symbols", "Смерть усім ворогам");
    expectFound("To the heroes, glory!", "ukraine-symbols", "heroes, glory");
  });

  it("finds Belarusian slogans split and inflected, in letters to Belarus", () => {
    expectFound("Верым, што можам, і пераможам!", "politics", "Верым, што можам, і пераможам", "by");
    expectFound("Беларусь, дарэчы, яшчэ будзе свабоднай.", "politics", "Беларусь, дарэчы, яшчэ будзе свабоднай", "by");
  });

  it("does not let a gap run across a sentence end or past its limit", () => {
    const ruleIds = (text: string) => findings(text).map((finding) => finding.ruleId);
    expect(ruleIds("Ми читали книжку про героїв. Слава прийшла до автора пізніше.")).not.toContain("uk-ua-slogans-inflected");
    expect(ruleIds("Героям цього старого фільму дісталася гучна слава.")).not.toContain("uk-ua-slogans-inflected");
    expect(findings("Слава богу, героям фільму дали премію.")).toEqual([]);
  });

  it("leaves innocent look-alikes alone", () => {
    expect(findings("Ми верым, што сёння будзе цёпла, і можам пайсці ў парк.", "by")).toEqual([]);
    expect(findings("The heroes of the film never won any glory.")).toEqual([]);
  });
});

describe("vocabulary of the weakest kinds", () => {
  it("finds a Kingdom Hall in any case form and NEXTA in Cyrillic", () => {
    expectFound("Тётя по-прежнему ходит в Зал Царства по воскресеньям.", "banned-org", "Зал Царства");
    expectFound("Your aunt still goes to the Kingdom Hall on Sundays.", "banned-org", "Kingdom Hall");
    expectFound("Сусед кожны вечар чытае Нэксту.", "banned-org", "Нэксту", "by");
    expect(findings("Это было совсем некстати, но мы справились.")).toEqual([]);
  });

  it("finds joining Azov, not a trip to the Sea of Azov", () => {
    expectFound("Брат ще навесні пішов до Азову, пише рідко.", "banned-org", "пішов до Азову");
    expect(findings("Влітку ми поїхали до Азовського моря.")).toEqual([]);
  });

  it("finds blue-and-yellow ribbons in words, not a football kit", () => {
    expectFound("Повесила на балконе сине-жёлтую ленточку.", "ukraine-symbols", "сине-жёлтую");
    expectFound("We hung a blue and yellow ribbon on the gate.", "ukraine-symbols", "blue and yellow ribbon");
    expect(findings("Сын болеет за команду в сине-жёлтой форме.")).toEqual([]);
  });

  it("finds swearing masked with several symbols or cut short", () => {
    expectFound("Да пошли они все нах, не переживай.", "profanity", "нах");
    expectFound("Ему уже всё пох*р, он даже не звонит.", "profanity", "пох*р");
    expectFound("Да пошёл он на х**, честное слово.", "profanity", "х**");
    expectFound("Ну и бл**ь, опять забыла.", "profanity", "бл**ь");
    expectFound("This whole situation is f***ed up, honestly.", "profanity", "f***ed");
    expectFound("My boss is a total a$$hole, he yells all day.", "profanity", "a$$hole");
  });

  it("does not read stars in ordinary text as swearing", () => {
    expect(findings("Оценка за четверть: 5*, учительница довольна.")).toEqual([]);
    expect(findings("The hotel had 4** on the sign, which made us laugh.")).toEqual([]);
  });
});

describe("sexual content without a marker word", () => {
  it.each([
    ["Я всё время вспоминаю, как ты медленно расстёгивал на мне платье."],
    ["Я досі пам'ятаю, як ти повільно знімав з мене сукню."],
    ["Ты так павольна здымаў з мяне сукенку."],
    ["Хочу, щоб ти лежав поруч, а я цілувала тебе всього."],
    ["Вчера представляла твои руки на моей груди."],
  ])("finds «%s»", (text) => {
    expect(findings(text).map((finding) => finding.category)).toContain("profanity");
  });

  it.each([
    ["Мама снимала с меня мокрые варежки и ругалась."],
    ["Я расстегнула куртку, на улице было жарко."],
    ["Бабушка целовала внуков и всех угощала пирогами."],
  ])("leaves «%s» alone", (text) => {
    expect(findings(text)).toEqual([]);
  });
});
