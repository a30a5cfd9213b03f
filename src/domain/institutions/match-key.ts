/**
 * Match keys for institution strings: one key per spelling, never displayed. Sources write the same facility as
 * «ФКУ «ИК № 4 УФСИН России по …»», «ИК-4 УФСИН по …» or with Latin look-alike letters inside Cyrillic words; the key
 * folds those differences away (research §7.6) so an exact key lookup finds the facility.
 */

const LATIN_LOOKALIKES: Record<string, string> = {
  A: "А", B: "В", C: "С", c: "с", E: "Е", e: "е", H: "Н", K: "К", M: "М", O: "О", o: "о", P: "Р", p: "р", T: "Т",
  X: "Х", x: "х", y: "у", a: "а",
};

const TYPE_WORDS: [RegExp, string][] = [
  [/ФЕДЕРАЛЬНОЕ КАЗЕННОЕ УЧРЕЖДЕНИЕ/gu, "ФКУ"],
  [/ОБЪЕДИНЕНИЕ ИСПРАВИТЕЛЬНЫХ КОЛОНИЙ/gu, "ОИК"],
  [/ИСПРАВИТЕЛЬНАЯ КОЛОНИЯ/gu, "ИК"],
  [/ВОСПИТАТЕЛЬНАЯ КОЛОНИЯ/gu, "ВК"],
  [/КОЛОНИЯ-ПОСЕЛЕНИЕ/gu, "КП"],
  [/ЛЕЧЕБНОЕ ИСПРАВИТЕЛЬНОЕ УЧРЕЖДЕНИЕ/gu, "ЛИУ"],
  [/СЛЕДСТВЕННЫЙ ИЗОЛЯТОР/gu, "СИЗО"],
  [/(?<!\p{L})ТЮРЬМА(?!\p{L})/gu, "Т"],
];

/** Designations followed by a number: «ИК № 4», «ИК 4», «ИК-4» all become `ИК-4`. */
const DESIGNATION = /(?<!\p{L})(СИЗО|ОИК|ОИУ|ИК|КП|ЛИУ|ВК|ИЦ|МОТБ|Т)\s*(?:№\s*)?-?\s*(\d+)(?!\d)/gu;

/** Folds Latin look-alikes to Cyrillic inside words that contain Cyrillic letters («Роcтовская» with a Latin c). */
export function foldLookalikes(text: string): string {
  return text.replace(/[\p{L}]+/gu, (word) =>
    /\p{Script=Cyrillic}/u.test(word) ? word.replace(/[A-Za-z]/g, (char) => LATIN_LOOKALIKES[char] ?? char) : word,
  );
}

/** Spacing, letter case, quotes, dashes and look-alikes folded; words and numbers kept. */
export function normalizeInstitutionText(text: string): string {
  let value = foldLookalikes(text.normalize("NFC").replace(/[\u00A0\r\n\t]/g, " "))
    .replace(/[ёЁ]/g, "е")
    .toUpperCase()
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/[«»“”„"']/g, " ");
  for (const [pattern, short] of TYPE_WORDS) value = value.replace(pattern, short);
  return value.replace(DESIGNATION, "$1-$2").replace(/\s+/g, " ").trim();
}

/**
 * The key an institution name is looked up by: normalized text with the territorial body written one way (ГУФСИН,
 * ОФСИН, «УФСИН по» → «УФСИН РОССИИ ПО»), «город» → «Г», «ФКУ» and punctuation dropped.
 */
export function institutionMatchKey(text: string): string {
  return normalizeInstitutionText(text)
    .replace(/(?<!\p{L})(?:ГУФСИН|ОФСИН|УФСИН)(?:\s+РОССИИ)?(?!\p{L})/gu, "УФСИН РОССИИ")
    .replace(/(?<!\p{L})ГОРОД(?!\p{L})/gu, "Г")
    .replace(/СЕВАСТОПОЛЬ(?!\p{L})/gu, "СЕВАСТОПОЛЮ")
    .replace(/[.,;:()]/g, " ")
    .replace(/(?<!\p{L})ФКУ(?!\p{L})/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The facility's type and number («ИК-4», «СИЗО-1»), or null when the text has none. */
export function designationOf(text: string): string | null {
  const match = /(?<!\p{L})(СИЗО|ОИК|ОИУ|ИК|КП|ЛИУ|ВК|ИЦ|МОТБ|Т)-(\d+)(?!\d)/u.exec(normalizeInstitutionText(text));
  return match ? `${match[1]}-${match[2]}` : null;
}

/** Words of a key, for comparing a place hint («Оккупированная территория Республики Крым») with an address. */
export function keyWords(text: string): string[] {
  return institutionMatchKey(text)
    .split(" ")
    .filter((word) => word.length >= 4 && !STOP_WORDS.has(word));
}

const STOP_WORDS = new Set(["РОССИИ", "УФСИН", "ОККУПИРОВАННАЯ", "ТЕРРИТОРИЯ", "ОБЛАСТИ", "ОБЛАСТЬ", "РЕСПУБЛИКИ", "РЕСПУБЛИКА", "РЕСПУБЛИКЕ"]);
