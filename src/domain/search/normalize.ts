/**
 * Three views of a name word, from strict to loose:
 * - `surface`: lowercase, ё→е, no apostrophes or Latin accents; equal surfaces are an exact match.
 * - `key`: a phonetic skeleton shared by Cyrillic (ru/uk/be) and common Latin transliterations, so «Балух», «Balukh»,
 *   «Baluh» and «Baluch» meet, as do «Зейтуллаев», «Zeytullaev» and «Zeitullayev».
 * - `stem`: the key without a Russian or Ukrainian case ending, so «Балуху», «Балухом», «Балухові» find «Балух».
 */

/** Latin letters with accents that stand for a Slavic sound get their digraph before other accents are dropped. */
const LATIN_DIGRAPHS: Record<string, string> = { š: "sh", č: "ch", ž: "zh", ć: "ch", ś: "s", ź: "z", ł: "l", ß: "ss" };

const APOSTROPHES = /['’ʼ`´]/g;

export function surfaceForm(word: string): string {
  return word
    .normalize("NFC")
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .replace(/ё/g, "е")
    .replace(/[\u00C0-\u024F]/g, (char) => LATIN_DIGRAPHS[char] ?? char.normalize("NFD").replace(/\p{M}/gu, ""));
}

/** Russian, Ukrainian and Belarusian letters onto plain Latin; the Latin folding below then merges variants. */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "i", і: "i", ї: "i",
  й: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ў: "u", ф: "f",
  х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "i", ь: "", э: "e", ю: "iu", я: "ia",
};

/**
 * Order matters: longer digraphs before their parts (shch before sh before h). Upper-case letters mark merged sound
 * classes: S = ш/щ (sh, sch, shch), Z = ж (zh), H = х/ч (kh, ch, h), Q = ц (ts, tz, c: «Kagarlicki»).
 */
const LATIN_FOLDS: readonly [RegExp, string][] = [
  [/ph/g, "f"],
  [/shch|szcz|sch|sh|sz/g, "S"],
  [/zh/g, "Z"],
  [/kh|ch|h/g, "H"],
  [/x/g, "ks"],
  [/tz|ts|c/g, "Q"],
  [/w/g, "v"],
  [/q/g, "k"],
  [/[jy]/g, "i"],
  [/([a-zA-Z])\1+/g, "$1"],
  // е after a vowel or at the start is «ye»/«ie» in Latin (Zeytullayev, Yevgeny); ё is «yo»/«io» (Artyom).
  [/ie|io/g, "e"],
  [/([a-zA-Z])\1+/g, "$1"],
];

export function foldKey(surface: string): string {
  let latin = "";
  for (const char of surface) latin += CYRILLIC_TO_LATIN[char] ?? char;
  latin = latin.replace(/[^a-z]/g, "");
  for (const [pattern, replacement] of LATIN_FOLDS) latin = latin.replace(pattern, replacement);
  return latin;
}

/**
 * Case endings of Russian and Ukrainian nouns and adjectival surnames, as they look after folding (ого → ogo,
 * ий → i, ові → ovi, ою → oiu). Longest first; «-ов», «-ев», «-ин» are surname suffixes, not endings.
 */
const FOLDED_ENDINGS = [
  "iami", "ogo", "ego", "omu", "emu", "imi", "ami", "ovi", "evi", "oiu", "eiu", "aia", "uiu",
  "iu", "ia", "oi", "ei", "om", "em", "im", "am", "a", "u", "e", "i",
] as const;

const MIN_STEM_LENGTH = 4;

export function stemKey(key: string): string {
  for (const ending of FOLDED_ENDINGS) {
    if (key.endsWith(ending) && key.length - ending.length >= MIN_STEM_LENGTH) return key.slice(0, -ending.length);
  }
  return key;
}

export type Script = "cyrillic" | "latin" | "other";

export function scriptOf(surface: string): Script {
  if (/\p{Script=Cyrillic}/u.test(surface)) return "cyrillic";
  if (/[a-z]/.test(surface)) return "latin";
  return "other";
}

/** Splits a name or a query into words; hyphenated and apostrophised names split at the hyphen only. */
export function splitWords(text: string): string[] {
  return text.split(/[^\p{L}\p{M}\p{N}'’ʼ`´]+/u).filter((word) => word.length > 0);
}
