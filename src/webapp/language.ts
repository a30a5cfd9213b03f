import { languageOfCode } from "../domain/language-code.js";
import { PAGE_LANGUAGES } from "./protocol.js";

/**
 * The language of the Telegram user in `initData` (its `user.language_code`), when the editor has texts in it;
 * read only, never trusted for anything else (the server validates `initData`).
 */
export function telegramLanguage(initData: string): string | undefined {
  try {
    const user = JSON.parse(new URLSearchParams(initData).get("user") ?? "{}") as { language_code?: unknown };
    return languageOfCode(typeof user.language_code === "string" ? user.language_code : undefined, PAGE_LANGUAGES);
  } catch {
    return undefined;
  }
}
