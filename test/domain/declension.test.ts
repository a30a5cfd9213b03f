import { describe, expect, it } from "vitest";
import { dativeName, ukrainianPatronymicVocative, ukrainianVocative } from "../../src/domain/names/declension.js";

const full = (name: { given: string; surname: string } | null) => (name ? `${name.given} ${name.surname}` : null);

describe("names in the dative", () => {
  it.each([
    ["Борис", "Кагарлицький", "male", "Борисові Кагарлицькому"],
    ["Володимир", "Балух", "male", "Володимирові Балуху"],
    ["Тарас", "Шевченко", "male", "Тарасові Шевченку"],
    ["Андрій", "Сенцов", "male", "Андрієві Сенцову"],
    ["Ігор", "Коваль", "male", "Ігореві Ковалю"],
    ["Микола", "Карпюк", "male", "Миколі Карпюку"],
    ["Дмитро", "Навальний", "male", "Дмитрові Навальному"],
    ["Марія", "Шевченко", "female", "Марії Шевченко"],
    ["Ольга", "Петрова", "female", "Ользі Петровій"],
    ["Оксана", "Кагарлицька", "female", "Оксані Кагарлицькій"],
    ["Олеся", "Балух", "female", "Олесі Балух"],
  ] as const)("uk: %s %s → %s", (given, surname, gender, expected) => {
    expect(full(dativeName({ given, surname }, gender, "uk"))).toBe(expected);
  });

  it.each([
    ["Борис", "Кагарлицкий", "male", "Борису Кагарлицкому"],
    ["Владимир", "Балух", "male", "Владимиру Балуху"],
    ["Алексей", "Навальный", "male", "Алексею Навальному"],
    ["Дмитрий", "Толстой", "male", "Дмитрию Толстому"],
    ["Игорь", "Черных", "male", "Игорю Черных"],
    ["Павел", "Сущенко", "male", "Павлу Сущенко"],
    ["Илья", "Яшин", "male", "Илье Яшину"],
    ["Мария", "Петрова", "female", "Марии Петровой"],
    ["Ольга", "Кагарлицкая", "female", "Ольге Кагарлицкой"],
    ["Любовь", "Балух", "female", "Любови Балух"],
  ] as const)("ru: %s %s → %s", (given, surname, gender, expected) => {
    expect(full(dativeName({ given, surname }, gender, "ru"))).toBe(expected);
  });

  it.each([
    // A surname in -а, a vowel that drops out, a soft -ій adjective, a double-barrelled name: not guessed.
    [{ given: "Григорій", surname: "Сковорода" }, "male", "uk"],
    [{ given: "Петро", surname: "Кравець" }, "male", "uk"],
    [{ given: "Іван", surname: "Крайній" }, "male", "uk"],
    [{ given: "Анна", surname: "Римська-Корсакова" }, "female", "uk"],
    [{ given: "Никола", surname: "Заец" }, "male", "ru"],
    [{ given: "Иван", surname: "Крайний" }, "male", "ru"],
    [{ given: "Анна", surname: "Дурново" }, null, "ru"],
  ] as const)("leaves %j alone when unsure", (name, gender, language) => {
    expect(dativeName(name, gender, language)).toBeNull();
  });
});

describe("the Ukrainian vocative", () => {
  it.each([
    ["Борис", "male", "Борисе"],
    ["Володимир", "male", "Володимире"],
    ["Андрій", "male", "Андрію"],
    ["Ігор", "male", "Ігорю"],
    ["Петро", "male", "Петре"],
    ["Микола", "male", "Миколо"],
    ["Марія", "female", "Маріє"],
    ["Оксана", "female", "Оксано"],
    ["Олеся", "female", "Олесю"],
  ] as const)("%s → %s", (given, gender, expected) => {
    expect(ukrainianVocative(given, gender)).toBe(expected);
  });

  it("gives null rather than a guess (Олег → Олеже, Любов → Любове, unknown gender)", () => {
    expect(ukrainianVocative("Олег", "male")).toBeNull();
    expect(ukrainianVocative("Любов", "female")).toBeNull();
    expect(ukrainianVocative("Борис", null)).toBeNull();
  });

  it("declines patronymics for the formal address, or leaves them alone", () => {
    expect(ukrainianPatronymicVocative("Юлійович")).toBe("Юлійовичу");
    expect(ukrainianPatronymicVocative("Григорович")).toBe("Григоровичу");
    expect(ukrainianPatronymicVocative("Іванівна")).toBe("Іванівно");
    expect(ukrainianPatronymicVocative("Кузьмич")).toBeNull();
  });
});
