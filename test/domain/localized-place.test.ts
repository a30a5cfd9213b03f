import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localizeName, localizePlace, localizeRegion } from "../../src/domain/institutions/localized-place.js";
import { parsePenitentiaryXml } from "../../src/domain/institutions/penitentiary-xml.js";
import { CITY_NAMES, REGION_NAMES } from "../../src/domain/institutions/standard-place-names.js";
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
    ["СИЗО-1 (Москва)", "г. Москва", "СІЗО № 1 (Москва), м. Москва", "pre-trial detention centre No. 1 (Moscow), Moscow"],
    ["ИК-4 (Торжок)", "Тверская область", "виправна колонія № 4 (Торжок), Тверська область", "penal colony No. 4 (Torzhok), Tver Oblast"],
    ["КП-8 (Ульяновск)", "Ульяновская область", "колонія-поселення № 8 (Ульяновськ), Ульяновська область", "colony-settlement No. 8 (Ulyanovsk), Ulyanovsk Oblast"],
    ["ЛИУ-6 (Сердобск)", "Пензенская область", "лікувально-виправна установа № 6 (Сердобськ), Пензенська область", "medical correctional institution No. 6 (Serdobsk), Penza Oblast"],
    ["ИК-10 (Екатеринбург)", "Свердловская область", "виправна колонія № 10 (Єкатеринбург), Свердловська область", "penal colony No. 10 (Yekaterinburg), Sverdlovsk Oblast"],
    ["ИК-3 (Зелёный)", "Тамбовская область", "виправна колонія № 3 (Зельоний), Тамбовська область", "penal colony No. 3 (Zelyony), Tambov Oblast"],
    ["СИЗО-5 (Санкт-Петербург)", "г. Санкт-Петербург", "СІЗО № 5 (Санкт-Петербург), м. Санкт-Петербург", "pre-trial detention centre No. 5 (Saint Petersburg), Saint Petersburg"],
    ["ИК-1 (Симферополь)", "Крым", "виправна колонія № 1 (Сімферополь), Автономна Республіка Крим", "penal colony No. 1 (Simferopol), Autonomous Republic of Crimea"],
    ["ИК-9 (Шахты)", "Ростовская область", "виправна колонія № 9 (Шахти), Ростовська область", "penal colony No. 9 (Shakhty), Rostov Oblast"],
  ])("%s, %s", (name, region, uk, en) => {
    const ukPlace = localizePlace({ name, region }, "uk");
    const enPlace = localizePlace({ name, region }, "en");
    expect(`${ukPlace.institution}, ${ukPlace.region}`).toBe(uk);
    expect(`${enPlace.institution}, ${enPlace.region}`).toBe(en);
  });

  it.each([
    ["Салават", "Salavat", "Салават"],
    ["Нижний Тагил", "Nizhny Tagil", "Нижній Тагіл"],
    ["Ростов-на-Дону", "Rostov-on-Don", "Ростов-на-Дону"],
    ["Москва", "Moscow", "Москва"],
    ["Нижний Новгород", "Nizhny Novgorod", "Нижній Новгород"],
    ["Орёл", "Oryol", "Орел"],
    ["Пермь", "Perm", "Перм"],
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

  it("falls back to the rules for a region the table does not hold: kind translated, adjective transliterated", () => {
    expect(REGION_NAMES["Ненецкий автономный округ"]).toBeUndefined();
    expect(localizeRegion("Ненецкий автономный округ", "en")).toBe("Nenetsky Autonomous Okrug");
    expect(localizeRegion("Ненецкий автономный округ", "uk")).toBe("Ненецький автономний округ");
    expect(localizeRegion("Чукотский автономный округ", "en")).toBe("Chukotsky Autonomous Okrug");
  });
});

describe("standard region and city names (issue 15r)", () => {
  it("holds every region of data/institutions, so none falls back to the rules", () => {
    const regions = [...new Set(places.map((place) => place.region))];
    expect(regions).toHaveLength(82);
    expect(regions.filter((region) => REGION_NAMES[region] === undefined)).toEqual([]);
  });

  it("names every region in Ukrainian without Russian-only letters and in English without Cyrillic", () => {
    for (const name of [...Object.values(REGION_NAMES), ...Object.values(CITY_NAMES)]) {
      expect(name.uk).not.toMatch(/[ыэъёЫЭЪЁ]/u);
      expect(name.en).not.toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it.each([
    ["Тверская область", "Тверська область", "Tver Oblast"],
    ["Республика Северная Осетия – Алания", "Республіка Північна Осетія — Аланія", "Republic of North Ossetia–Alania"],
    ["Республика Северная Осетия — Алания", "Республіка Північна Осетія — Аланія", "Republic of North Ossetia–Alania"],
    ["г. Москва", "м. Москва", "Moscow"],
    ["г. Санкт-Петербург", "м. Санкт-Петербург", "Saint Petersburg"],
    ["Ханты-Мансийский автономный округ — Югра", "Ханти-Мансійський автономний округ — Югра", "Khanty-Mansi Autonomous Okrug – Yugra"],
    ["Ханты-Мансийский автономный округ", "Ханти-Мансійський автономний округ", "Khanty-Mansi Autonomous Okrug"],
    ["Республика Крым", "Автономна Республіка Крим", "Autonomous Republic of Crimea"],
    ["Крым", "Автономна Республіка Крим", "Autonomous Republic of Crimea"],
    ["г. Севастополь", "м. Севастополь", "Sevastopol"],
    ["Нижегородская область", "Нижньогородська область", "Nizhny Novgorod Oblast"],
    ["Орловская область", "Орловська область", "Oryol Oblast"],
    ["Чувашская республика", "Чуваська Республіка", "Chuvash Republic"],
    ["Республика Саха (Якутия)", "Республіка Саха (Якутія)", "Sakha Republic (Yakutia)"],
  ])("%s → %s / %s", (russian, ukrainian, english) => {
    expect(localizeRegion(russian, "uk")).toBe(ukrainian);
    expect(localizeRegion(russian, "en")).toBe(english);
    expect(localizeRegion(russian, "ru")).toBe(russian);
  });
});
