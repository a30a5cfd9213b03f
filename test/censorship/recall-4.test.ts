import { describe, expect, it } from "vitest";
import { type CategoryId, checkLetter, type PrisonSystem } from "../../src/domain/censorship/index.js";
import { transliterate } from "../../src/domain/censorship/transliterate.js";

/**
 * Issue 16, fourth round (recall on unseen text): Latin-typed Russian and Ukrainian told from English, Łacinka's
 * soft l, the frames and classes of `data/censorship/context-recall-4.json`, the lexicon entries of the round
 * (designated organisations in uk/be/en, slogans inflected or inverted, swearing typed in Latin, without vowels or
 * under several stars, e-mails spelled out), each with an innocent twin. None of these sentences is in a
 * development set.
 */
const content = (text: string, system: PrisonSystem = "ru") =>
  checkLetter(text, { system }).findings.filter((finding) => finding.category !== "language");
const categories = (text: string, system: PrisonSystem = "ru") => [...new Set(content(text, system).map((finding) => finding.category))];

function expectFound(text: string, category: CategoryId, system: PrisonSystem = "ru"): void {
  expect(categories(text, system), `${category} in «${text}»`).toContain(category);
}

function expectClean(text: string, system: PrisonSystem = "ru"): void {
  expect(content(text, system).map((finding) => `${finding.ruleId}: ${finding.excerpt}`), text).toEqual([]);
}

describe("Latin-typed Russian and Ukrainian are not read as English", () => {
  it("reads a Latin sentence of shared Cyrillic words as Russian and finds what it hides", () => {
    expectFound("Nu vot, u nas tut opyat obstrel byl, vse v podvale sideli.", "war");
    const result = checkLetter("Eto uzhe ne zhizn, a pizdets kakoi-to.", { system: "ru" });
    expect(result.findings.map((finding) => finding.ruleId)).toContain("language-ru-latin");
    expect(result.findings.some((finding) => finding.category === "profanity")).toBe(true);
  });

  it("keeps an English sentence English", () => {
    const result = checkLetter("We went to the market and bought tomatoes for the salad.", { system: "ru" });
    expect(result.language.spans.map((span) => span.language)).toEqual(["en"]);
    expectClean("Pro tip: the net at the tennis club is new.");
  });
});

describe("Łacinka's soft l", () => {
  it("reads l after a consonant before a vowel as soft and keeps Bielaruś without ł hard", () => {
    expect(transliterate("bladź", "be")).toBe("блядзь");
    expect(transliterate("volnaść", "be")).toBe("вольнасць");
    expect(transliterate("bielaruś", "be")).toBe("беларусь");
    expectFound("Nu i bladź, jak heta nadakučyła.", "profanity", "by");
  });
});

describe("sexual content without a marker word (context-recall-4.json)", () => {
  it("finds hands under clothes, lips lower and lower, slow undressing and wanting the other's body", () => {
    expectFound("Твои руки под моей юбкой — вот о чём я думаю перед сном.", "profanity");
    expectFound("Я уявляю, як твої губи спускаються все нижче, і не можу заснути.", "profanity");
    expectFound("Хачу, каб ты распранаў мяне павольна, не спяшаючыся.", "profanity", "by");
    expectFound("I want to feel your body next to me with nothing on.", "profanity");
    expectFound("He used to pull off my t-shirt the moment the door closed.", "profanity");
  });

  it("leaves children, illness and everyday clothes alone", () => {
    expectClean("Мама сунула руку под футболку малому, проверить, нет ли температуры.");
    expectClean("Ціни на все нижче й нижче, хоч щось добре.");
    expectClean("Я медленно раздевала куклу, чтобы не порвать платье.");
    expectClean("I want to feel your hug again, that's all.");
  });
});

describe("cynical wishes, bribes, hidden cash, threats, alarms", () => {
  it("finds plural death wishes and a Ukrainian «щоб»", () => {
    expectFound("Щоб вони там усі поздихали, ці наглядачі.", "profanity");
    expectFound("Хоть бы они все подохли, честное слово.", "profanity");
  });

  it("finds bribes told as a small envelope, 'the right person' or money slipped to a guard", () => {
    expectFound("Бабуся знайшла, кому віднести конвертик, і тебе переведуть.", "contraband");
    expectFound("Дзядзька дамовіўся з кім трэба, і перадачу прымуць без чаргі.", "contraband", "by");
    expectFound("Dad slipped the officer a few hundred so you get the visit.", "contraband");
  });

  it("finds cash glued or sewn in, and leaves savings at home alone", () => {
    expectFound("Я приклеила купюры под обложку тетради, отклей аккуратно.", "contraband");
    expectClean("Мама незаметно положила деньги в шкатулку на кухне, мне на день рождения.");
  });

  it("finds a threat that reminds a judge or a witness of their children", () => {
    expectFound("Пусть этот судья помнит, что у него тоже есть дети.", "case");
    expectFound("The man who testified against you has kids too, remind him.", "case");
    expectClean("Суддя на конкурсі пам'ятає всіх дітей, які виступали торік.");
  });

  it("finds an air-raid alarm with a shelter, not a fire drill", () => {
    expectFound("Опять тревога, всем подъездом сидим в подвале.", "war");
    expectClean("В школе была учебная пожарная тревога, дети вышли в коридор.");
  });
});

describe("vocabulary of the round (each entry with its dated source)", () => {
  it("finds designated organisations in Ukrainian, Belarusian and English", () => {
    expectFound("Сусід казав, що його син у Легіоні «Свобода Росії».", "banned-org");
    expectFound("Ён цяпер у Расійскім добраахвотніцкім корпусе.", "banned-org", "by");
    expectFound("They say he gave money to Navalny's foundation.", "banned-org");
    expectFound("My nephew joined Azov last spring.", "banned-org");
    expectClean("We spent a week by the Sea of Azov when I was ten.");
  });

  it("finds slogans inflected or inverted, not the name Слава", () => {
    expectFound("Героям — вечная слава, повторяет дед.", "ukraine-symbols");
    expectFound("Україні — слава, а нам терпіння.", "ukraine-symbols");
    expectFound("Усё будзе Украіна, кажа цётка.", "ukraine-symbols", "by");
    const ruleIds = (text: string) => content(text).map((finding) => finding.ruleId);
    expect(ruleIds("Слава Украину никогда не видел, только по телевизору.")).not.toContain("ru-ua-slogans-inverted");
    expect(ruleIds("Героев этой книги славят в каждой главе.")).not.toContain("ru-ua-slogans-inflected");
  });

  it("finds swearing typed in Latin, without vowels or under several stars", () => {
    expectFound("Honestly, blyat, the queue at the post office again.", "profanity");
    expectFound("The fckn heating is off again.", "profanity");
    expectFound("Эти му**ки опять всё перепутали.", "profanity");
    expectClean("The bladder infection is gone, the doctor says.");
  });

  it("finds 200 and 300 beside a return or a burial, not a two-hundredth time", () => {
    expectFound("Сосед вернулся трёхсотым, сейчас в госпитале.", "war");
    expectClean("Я в двухсотый раз прошу тебя надеть шапку.");
  });

  it("finds an e-mail spelled out with the dots of its login", () => {
    expectFound("Пиши: ivan точка sidorov собака яндекс точка ру.", "contacts");
    expectClean("Собака у соседей точно как наша, рыжая.");
  });
});
