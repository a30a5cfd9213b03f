import { describe, expect, it } from "vitest";
import { isGreeting } from "../../src/domain/search/greeting.js";

describe("isGreeting", () => {
  it.each(["Привіт", "привіт!", "Привіт, боте 👋", "Добрий день.", "доброго ранку", "Привет", "здравствуйте!!", "Hello", "hi there", "Good evening"])(
    "«%s» is a greeting",
    (text) => expect(isGreeting(text)).toBe(true),
  );

  it.each(["Балух", "Привіт Балух", "Привітний", "hello 1984", "Зейтуллаев 1984", "привіт, шукаю Балуха", "", "👋"])(
    "«%s» is not",
    (text) => expect(isGreeting(text)).toBe(false),
  );
});
