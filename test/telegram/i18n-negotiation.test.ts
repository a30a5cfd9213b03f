import { I18n } from "@grammyjs/i18n";
import { describe, expect, it, vi } from "vitest";
import { SUPPORTED_LOCALES } from "../../src/config.js";
import { projectPath } from "../../src/project-path.js";
import { createI18n, memoiseTranslation } from "../../src/telegram/i18n.js";

const options = { defaultLocale: "uk", directory: projectPath("locales"), useSession: false, fluentBundleOptions: { useIsolating: false } };
const KEYS = ["letter-ui-button-done", "language-changed", "start-welcome", "flows-outdated"];

describe("translations memoised per locale", () => {
  it("negotiates each locale once, however many texts are translated", () => {
    const i18n = new I18n(options);
    const matching = i18n.fluent as unknown as { matchBundles(locales: string[]): Set<unknown> };
    const negotiate = vi.spyOn(matching, "matchBundles");
    memoiseTranslation(i18n.fluent);
    for (let round = 0; round < 20; round++) for (const locale of SUPPORTED_LOCALES) for (const key of KEYS) i18n.t(locale, key, { n: round });
    expect(negotiate).toHaveBeenCalledTimes(SUPPORTED_LOCALES.length);
  });

  it("formats a text without arguments once per locale, and one with arguments on every call", () => {
    const i18n = new I18n(options);
    const format = vi.spyOn(i18n.fluent, "translate");
    memoiseTranslation(i18n.fluent);
    for (let round = 0; round < 20; round++) for (const locale of SUPPORTED_LOCALES) for (const key of KEYS) i18n.t(locale, key, {});
    expect(format).toHaveBeenCalledTimes(SUPPORTED_LOCALES.length * KEYS.length);
    format.mockClear();
    const saved = [1, 2, 3].map((n) => i18n.t("en", "letter-ui-saved", { stats: `${n} words` }));
    expect(format).toHaveBeenCalledTimes(3);
    expect(saved[0]).toContain("1 words");
    expect(saved[2]).toContain("3 words");
  });

  it("translates exactly as the plugin does without it, for every locale and for unknown ones", () => {
    const plain = new I18n(options);
    const memoised = createI18n("uk");
    for (const locale of [...SUPPORTED_LOCALES, "de", "en-GB"]) {
      for (const key of [...KEYS, "letter-ui-saved"]) {
        expect(memoised.t(locale, key, { stats: "12 words" }), `${locale} ${key}`).toBe(plain.t(locale, key, { stats: "12 words" }));
      }
    }
    expect(memoised.t("en", "letter-ui-button-done")).not.toBe(memoised.t("uk", "letter-ui-button-done"));
  });
});
