import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localizeName, localizePlace, localizeRegion } from "../../src/domain/institutions/localized-place.js";
import { parsePenitentiaryXml } from "../../src/domain/institutions/penitentiary-xml.js";
import { projectPath } from "../../src/project-path.js";

const facilities = parsePenitentiaryXml(readFileSync(projectPath("data", "institutions", "penitentiary.xml"), "utf8"));
const places = facilities.map((facility) => ({ name: facility.shortName, region: facility.region }));

describe("localizePlace over every facility of data/institutions (issue 15)", () => {
  it("reads all 948 facilities", () => {
    expect(places).toHaveLength(948);
  });

  it("Ukrainian has no Russian-only letters (ы, э, ъ), except full official names kept in Russian", () => {
    for (const place of places) {
      const out = localizePlace(place, "uk");
      expect(out.region).not.toMatch(/[ыэъЫЭЪ]/u);
      if (/[ыэъЫЭЪ]/u.test(out.institution)) expect(out.institution).toBe(place.name);
      if (out.institution !== place.name) expect(out.institution).not.toMatch(/[ыэъЫЭЪ]/u);
    }
  });

  it("English has no Cyrillic, except full official names kept in Russian", () => {
    const localized = places.map((place) => ({ place, out: localizePlace(place, "en") }));
    expect(localized.filter(({ out }) => /\p{Script=Cyrillic}/u.test(out.region))).toEqual([]);
    const cyrillicNames = localized.filter(({ out }) => /\p{Script=Cyrillic}/u.test(out.institution));
    // Every institution still in Cyrillic is one kept as stored, because its name is not a short designation.
    for (const { place, out } of cyrillicNames) expect(out.institution).toBe(place.name);
    expect(cyrillicNames.length).toBeLessThan(60);
  });

  it("spells out every short designation, so most of the list is localised", () => {
    const spelledOut = places.filter((place) => localizePlace(place, "en").institution !== place.name);
    expect(spelledOut.length).toBeGreaterThan(880);
  });

  it("keeps Russian as stored", () => {
    for (const place of places) expect(localizePlace(place, "ru")).toEqual({ institution: place.name, region: place.region, localized: false });
  });

  it("keeps a full official name it has no rule for, in every locale", () => {
    const official = places.find((place) => place.name.startsWith("ФКУ «"))!;
    expect(localizePlace(official, "uk").institution).toBe(official.name);
    expect(localizePlace(official, "en").institution).toBe(official.name);
  });
});

describe("known places", () => {
  it.each([
    ["ИК-2 (Салават)", "Республика Башкортостан", "виправна колонія № 2 (Салават), Республіка Башкортостан", "penal colony No. 2 (Salavat), Republic of Bashkortostan"],
    ["СИЗО-1 (Москва)", "г. Москва", "СІЗО № 1 (Москва), м. Москва", "pre-trial detention centre No. 1 (Moskva), Moskva"],
    ["ИК-4 (Торжок)", "Тверская область", "виправна колонія № 4 (Торжок), Тверська область", "penal colony No. 4 (Torzhok), Tverskaya Oblast"],
    ["КП-8 (Ульяновск)", "Ульяновская область", "колонія-поселення № 8 (Ульяновськ), Ульяновська область", "colony-settlement No. 8 (Ulyanovsk), Ulyanovskaya Oblast"],
    ["ЛИУ-6 (Сердобск)", "Пензенская область", "лікувально-виправна установа № 6 (Сердобськ), Пензенська область", "medical correctional institution No. 6 (Serdobsk), Penzenskaya Oblast"],
    ["ИК-10 (Екатеринбург)", "Свердловская область", "виправна колонія № 10 (Єкатеринбург), Свердловська область", "penal colony No. 10 (Yekaterinburg), Sverdlovskaya Oblast"],
    ["ИК-3 (Зелёный)", "Тамбовская область", "виправна колонія № 3 (Зельоний), Тамбовська область", "penal colony No. 3 (Zelyony), Tambovskaya Oblast"],
    ["ИК-9 (Шахты)", "Ростовская область", "виправна колонія № 9 (Шахти), Ростовська область", "penal colony No. 9 (Shakhty), Rostovskaya Oblast"],
  ])("%s, %s", (name, region, uk, en) => {
    const ukPlace = localizePlace({ name, region }, "uk");
    const enPlace = localizePlace({ name, region }, "en");
    expect(`${ukPlace.institution}, ${ukPlace.region}`).toBe(uk);
    expect(`${enPlace.institution}, ${enPlace.region}`).toBe(en);
  });

  it.each([
    ["Салават", "Salavat", "Салават"],
    ["Нижний Тагил", "Nizhny Tagil", "Нижній Тагіл"],
    ["Ростов-на-Дону", "Rostov-na-Donu", "Ростов-на-Дону"],
    ["Сыктывкар", "Syktyvkar", "Сиктивкар"],
    ["Ижевск", "Izhevsk", "Іжевськ"],
    ["Улан-Удэ", "Ulan-Ude", "Улан-Уде"],
    ["Новая Ляля", "Novaya Lyalya", "Нова Ляля"],
    ["Ейск", "Yeysk", "Єйськ"],
    ["Краснокаменск", "Krasnokamensk", "Краснокаменськ"],
  ])("%s → %s / %s", (russian, english, ukrainian) => {
    expect(localizeName(russian, "en")).toBe(english);
    expect(localizeName(russian, "uk")).toBe(ukrainian);
  });

  it("translates the kind of region and keeps its adjective by the rules", () => {
    expect(localizeRegion("Ханты-Мансийский автономный округ", "en")).toBe("Khanty-Mansiysky Autonomous Okrug");
    expect(localizeRegion("Ханты-Мансийский автономный округ", "uk")).toBe("Ханти-Мансійський автономний округ");
    expect(localizeRegion("Еврейская автономная область", "uk")).toBe("Єврейська автономна область");
    expect(localizeRegion("Республика Саха (Якутия)", "en")).toBe("Republic of Sakha (Yakutiya)");
  });
});
