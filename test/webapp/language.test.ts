import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../src/config.js";
import { PAGE_LANGUAGES } from "../../src/webapp/protocol.js";
import { telegramLanguage } from "../../src/webapp/language.js";

const initDataOf = (user: unknown) => new URLSearchParams({ auth_date: "1700000000", user: JSON.stringify(user), hash: "00" }).toString();

describe("the page's language before the session arrives (boot script)", () => {
  it("is the Telegram user's language when the editor has texts in it", () => {
    expect(telegramLanguage(initDataOf({ id: 1, language_code: "en" }))).toBe("en");
    expect(telegramLanguage(initDataOf({ id: 1, language_code: "uk-UA" }))).toBe("uk");
    expect(telegramLanguage(initDataOf({ id: 1, language_code: "RU" }))).toBe("ru");
  });

  it("is left as the page has it for another language, none, or initData it cannot read", () => {
    expect(telegramLanguage(initDataOf({ id: 1, language_code: "de" }))).toBeUndefined();
    expect(telegramLanguage(initDataOf({ id: 1 }))).toBeUndefined();
    expect(telegramLanguage("user=%7Bnot-json")).toBeUndefined();
    expect(telegramLanguage("")).toBeUndefined();
  });

  it("knows exactly the bot's locales", () => {
    expect([...PAGE_LANGUAGES]).toEqual([...SUPPORTED_LOCALES]);
  });
});
