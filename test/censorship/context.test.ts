import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";

const rules = (text: string, system: "ru" | "by" = "ru") =>
  checkLetter(text, { system }).findings.filter((finding) => finding.category !== "language").map((finding) => finding.ruleId);

describe("context frames (issue 16): risks with no marker word", () => {
  it.each([
    ["Ночью опять прилетело в соседний дом, выбило окна.", "frame-strike-near-home"],
    ["Мы с детьми опять всю ночь просидели в коридоре.", "frame-shelter-at-night"],
    ["Брата забрали ещё осенью, пишет редко.", "frame-relative-taken"],
    ["Если напишу про погоду, значит всё плохо.", "frame-agreed-signal"],
    ["Если спросят, говори, что тебя там не было.", "frame-coordinated-testimony"],
    ["Судья ещё пожалеет об этом, мы знаем, где он живёт.", "frame-threat-to-court"],
    ["Надо отблагодарить начальника, денег соберём.", "frame-bribe"],
    ["По телевизору опять говорят про выборы и санкции.", "frame-political-news"],
    ["Мы собираем подписи в твою поддержку.", "frame-support-campaign"],
    ["Я живу в Харкові, у нас тихо.", "frame-writer-city"],
    ["Сестра живёт со своей девушкой уже три года.", "frame-same-sex-couple-f"],
  ])("%s → %s", (text, ruleId) => {
    expect(rules(text)).toContain(ruleId);
  });

  it("gives the writer's own city as advice, not a block", () => {
    const finding = checkLetter("Я живу в Харкові, у нас тихо.", { system: "ru" }).findings.find((candidate) => candidate.ruleId === "frame-writer-city");
    expect(finding).toMatchObject({ category: "war", severity: "advice", explanationKey: "censorship-war-city-why" });
  });

  it("does not fire in the innocent sense of the same words", () => {
    for (const text of [
      "Сына забрали из садика пораньше, у него температура.",
      "Папа подписал контракт с новым работодателем.",
      "Утром у соседей был салют на свадьбу, собака спряталась под диван.",
      "Если я напишу «целую», значит, я всё ещё злюсь на тебя, шучу.",
      "Удалила из телефона старые фото, чтобы освободить память.",
    ]) {
      expect(rules(text), text).toEqual([]);
    }
  });
});

describe("senses (issue 16): innocent look-alikes", () => {
  it.each([
    "Мой прадед воевал под Сталинградом в 1942 году.",
    "Ребята держали оборону до последней минуты матча.",
    "Мы катались на теплоходе «Ракета» по Неве.",
    "Читаю книгу «Война и мир» и повесть «Солдат удачи».",
    "Кот устроил мне допрос с пристрастием из-за колбасы.",
    "Холодный фронт принёс дожди.",
    "В музее рассказывали про солдат Первой мировой.",
    "Бабушка каждый вечер смотрит сериал про следователя Гурова.",
  ])("%s", (text) => {
    expect(rules(text)).toEqual([]);
  });

  it("keeps the finding when the present war is named beside the past one", () => {
    expect(rules("Как и в 1941 году, сейчас снова война.")).toContain("ru-war-voina");
  });

  it("drops a street name only where it is a name: «улица Свободы» in a letter to Belarus", () => {
    expect(rules("Живём на улице Свободы.", "by")).toEqual([]);
    expect(rules("Мы все мечтаем о свободе.", "by")).toContain("ru-pol-freedom-by");
  });
});
