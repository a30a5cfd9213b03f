import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";
import { type ContextData, ContextError, extendContext } from "../../src/domain/censorship/context.js";

/**
 * Senses of data/censorship/context-precision.json and the English-name rule (english-names.ts), issue 16 precision
 * round 3: each family drops a finding in an everyday context and keeps it when the same words are meant literally.
 * The sentences are new, not those of dev-7.jsonl, so that they show the rule rather than the sentences it was
 * written from.
 */
const found = (text: string, system: "ru" | "by" = "ru") =>
  checkLetter(text, { system }).findings.filter((finding) => finding.category !== "language").map((finding) => finding.category);

describe.each([
  {
    family: "an inquiry at home about sweets, dishes, rubbish or a lost jumper",
    innocent: [
      ["ru", "Сосед с пятого этажа ведёт следствие, кто ворует газеты и оставляет мусор у лифта."],
      ["uk", "Донька влаштувала допит: хто з'їв усі цукерки з коробки."],
      ["be", "Дачка зладзіла допыт, хто з'еў цукеркі."],
      ["en", "My daughter ran a full interrogation about who ate the last of the biscuits."],
    ],
    risky: [
      ["ru", "Следователь вызывал соседку и спрашивал, кто выносил мусор из твоей квартиры."],
      ["uk", "Слідчий викликав сусідку на допит і питав, хто до тебе приходив."],
    ],
  },
  {
    family: "a child's game that 'takes captive' for the evening",
    innocent: [
      ["ru", "Внучка взяла меня в плен на весь вечер: играли в лото до ночи."],
      ["be", "Малы ўзяў мяне ў палон да вечара, пакуль не дачыталі казку."],
    ],
    risky: [
      ["ru", "Внука взяли в плен под Курском, мы ждём обмена."],
      ["uk", "Онука забрали, тепер він у полоні, чекаємо обміну."],
    ],
  },
  {
    family: "a pet's escape or defence",
    innocent: [
      ["ru", "Собака устроила побег через открытую калитку, ловили всей улицей."],
      ["uk", "Наш кіт тримає оборону на шафі й нікого не підпускає до своєї миски."],
    ],
    risky: [
      ["ru", "Ребята держат оборону под Курском, ночью опять был обстрел."],
      ["ru", "Продумай побег, пока вас везут на этап."],
    ],
  },
  {
    family: "a guard at work or in a shop",
    innocent: [
      ["ru", "В супермаркете новый охранник, всё время улыбается покупателям."],
      ["uk", "Охоронець на вході в офіс знову забув мій пропуск."],
    ],
    risky: [
      ["ru", "Как к тебе относится охранник в колонии, не бьёт?"],
    ],
  },
  {
    family: "a legal role played («с видом прокурора»)",
    innocent: [
      ["ru", "Тёща встала у плиты с видом прокурора и начала проверять кастрюли."],
      ["uk", "Малий у ролі судді вирішував, кому дістанеться останній шматок торта."],
    ],
    risky: [
      ["ru", "Прокурор попросил для тебя шесть лет."],
    ],
  },
  {
    family: "an English name of a band, a street, a pub or a boat",
    innocent: [
      ["en", "We had lunch at the Smuggler Inn on the harbour, the fish was superb."],
      ["en", "Dad still listens to Prison Break soundtracks in the car."],
    ],
    risky: [
      ["en", "Drugs are easy to hide in a book, I'll send some."],
      ["en", "Ask Tom for Drugs, he has plenty."],
    ],
  },
  {
    family: "a word of one language that a Russian or Belarusian list caught (dictionary audit, round 3)",
    innocent: [
      ["be", "Бацька залупцаваў суседскага хлопца, каб не лазіў у сад."],
      ["uk", "Він тільки залупав очима й нічого не зрозумів."],
      ["uk", "Поле вже паханий чорнозем, скоро сіяти."],
      ["uk", "Після опущення шлагбаума ми поїхали далі."],
      ["be", "Дзеці цэлы дзень шнырыць па кустах."],
      ["ru", "Она всё допытывалась, куда я дел ключи."],
    ],
    risky: [
      ["ru", "Его опустили в камере, теперь он опущенный."],
      ["ru", "Пахан там всем заправляет."],
      ["be", "Следчы правёў допыт."],
    ],
  },
])("$family", ({ innocent, risky }) => {
  it.each(innocent)("%s: no finding in «%s»", (language, text) => {
    expect(found(text as string, language === "be" ? "by" : "ru")).toEqual([]);
  });
  it.each(risky)("%s: still flags «%s»", (language, text) => {
    expect(found(text as string, language === "be" ? "by" : "ru")).not.toEqual([]);
  });
});

describe("context extensions", () => {
  const base: ContextData = {
    classes: { pet: { terms: ["кот"] } },
    frames: [],
    senses: [{ id: "sense-a", scope: "sentence", when: [["pet"]], categories: ["war"], source: "test" }],
  };
  it("adds terms to a class of the base and new classes, frames and senses after the base's", () => {
    const extended = extendContext(
      base,
      { classes: { pet: { terms: ["пёс"] }, home: { terms: ["дом"] } }, frames: [], senses: [{ ...base.senses[0]!, id: "sense-b" }] },
      "extension",
    );
    expect(extended.classes.pet?.terms).toEqual(["кот", "пёс"]);
    expect(Object.keys(extended.classes)).toEqual(["pet", "home"]);
    expect(extended.senses.map((sense) => sense.id)).toEqual(["sense-a", "sense-b"]);
  });
  it("refuses a sense id the base already has, and a regex for a class of the base", () => {
    expect(() => extendContext(base, { classes: {}, frames: [], senses: base.senses }, "extension")).toThrow(ContextError);
    expect(() => extendContext(base, { classes: { pet: { terms: ["x"], regex: "\\d" } }, frames: [], senses: [] }, "extension")).toThrow(
      ContextError,
    );
  });
});
