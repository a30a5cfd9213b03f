/**
 * The place of detention in the reader's language (issue 15): the institution's kind spelled out and translated, the
 * town and region in the reader's script. Russian stays as stored: letters must use the Russian address, so cards keep
 * the original on their "for letters" line. Only what the rules below cover is changed; a name they do not cover (a
 * full official name such as «ФКУ «ФКЛПУ КТБ № 17 …»») is kept in Russian rather than guessed.
 */
import { CITY_NAMES, REGION_NAMES, standardName } from "./standard-place-names.js";

export type PlaceLocale = "uk" | "en" | "ru";

export interface LocalizedPlace {
  institution: string;
  region: string;
  /** False when nothing was changed (Russian, or names the rules do not cover). */
  localized: boolean;
}

/** Designations in short names («ИК-2 (Салават)»), spelled out; `№` / `No.` and the number follow. */
const DESIGNATIONS: Readonly<Record<string, { uk: string; en: string }>> = {
  ИК: { uk: "виправна колонія", en: "penal colony" },
  СИЗО: { uk: "СІЗО", en: "pre-trial detention centre" },
  КП: { uk: "колонія-поселення", en: "colony-settlement" },
  ЛИУ: { uk: "лікувально-виправна установа", en: "medical correctional institution" },
  ОИК: { uk: "об'єднання виправних колоній", en: "penal colony association" },
  ИЦ: { uk: "виправний центр", en: "correctional centre" },
  ВК: { uk: "виховна колонія", en: "juvenile colony" },
  Т: { uk: "тюрма", en: "prison" },
};

const SHORT_NAME = /^(\p{Lu}+)-(\d+)(?: \(([^()]+)\))?$/u;

export function localizePlace(place: { name: string; region: string }, locale: PlaceLocale): LocalizedPlace {
  if (locale === "ru") return { institution: place.name, region: place.region, localized: false };
  const region = localizeRegion(place.region, locale);
  const match = SHORT_NAME.exec(place.name);
  const designation = match ? DESIGNATIONS[match[1]!] : undefined;
  if (!match || !designation) return { institution: place.name, region, localized: region !== place.region };
  const town = match[3] === undefined ? "" : ` (${localizeName(match[3], locale)})`;
  const institution = `${designation[locale]} ${locale === "en" ? "No." : "№"} ${match[2]}${town}`;
  return { institution, region, localized: true };
}

/**
 * The standard name from `REGION_NAMES` («Тверская область» → «Тверська область» / "Tver Oblast"); a region not in
 * the table falls back to the rules («Тверская область» would give "Tverskaya Oblast").
 */
export function localizeRegion(region: string, locale: PlaceLocale): string {
  if (locale === "ru") return region;
  const standard = standardName(REGION_NAMES, region, locale);
  if (standard !== undefined) return standard;
  if (locale === "uk") return transliterateUk(region.replace(/^г\. /u, "м. "));
  const english = region
    .replace(/^г\. /u, "")
    .replace(/^Республика (.+)$/u, "Republic of $1")
    .replace(/(?<!\p{L})[Рр]еспублика(?!\p{L})/u, "Republic")
    .replace(/(?<!\p{L})автономный округ(?!\p{L})/u, "Autonomous Okrug")
    .replace(/(?<!\p{L})автономная область(?!\p{L})/u, "Autonomous Oblast")
    .replace(/(?<!\p{L})область(?!\p{L})/u, "Oblast")
    .replace(/(?<!\p{L})край(?!\p{L})/u, "Krai");
  return romanize(english);
}

/** A town or other proper name in the reader's script: a big city's standard name (`CITY_NAMES`), else the rules. */
export function localizeName(name: string, locale: PlaceLocale): string {
  if (locale === "ru") return name;
  const standard = standardName(CITY_NAMES, name, locale);
  if (standard !== undefined) return standard;
  return locale === "en" ? romanize(name) : transliterateUk(name);
}

const VOWELS = "аеёиоуыэюяАЕЁИОУЫЭЮЯ";
const SIBILANTS = "жчшщцЖЧШЩЦ";

/** BGN/PCGN romanisation of Russian in its common simplified form (no apostrophes for ь/ъ, -ий/-ый as -y). */
const ROMAN: Readonly<Record<string, string>> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m",
  н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch",
  ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

export function romanize(text: string): string {
  const simplified = text.replace(/([нкгх])([иы])й(?!\p{L})/gu, "$1$2\u0000").replace(/ый(?!\p{L})/gu, "ы\u0000");
  let out = "";
  for (let index = 0; index < simplified.length; index++) {
    const char = simplified[index]!;
    if (char === "\u0000") continue;
    const lower = char.toLowerCase();
    const previous = simplified[index - 1] ?? "";
    const afterBoundary = previous === "" || !/\p{L}/u.test(previous);
    let roman = ROMAN[lower];
    if (roman === undefined) {
      out += char;
      continue;
    }
    // ye/yo at the start of a word and after a vowel, ъ or ь (BGN/PCGN); ё after ж, ч, ш, щ is o.
    const softens = afterBoundary || VOWELS.includes(previous) || "ьъЬЪ".includes(previous);
    if (lower === "е" && softens) roman = "ye";
    if (lower === "ё" && previous !== "" && SIBILANTS.includes(previous)) roman = "o";
    // -ий/-ый at the end of a word: one "y" (Nizhny).
    if ((lower === "и" || lower === "ы") && simplified[index + 1] === "\u0000") roman = "y";
    out += char === lower ? roman : roman.charAt(0).toUpperCase() + roman.slice(1);
  }
  return out;
}

/**
 * Russian names in Ukrainian spelling: ы → и, э → е, ъ → ', е → є and ё → йо at the start of a word and after a
 * vowel, ё → ьо after a consonant; и → і at the start of a word and in the endings -ия/-ие/-ию/-ий, ї after a vowel,
 * and otherwise и (Владимир, Єкатеринбург: where Ukrainian has «і» by tradition only `UK_ESTABLISHED` knows it);
 * the adjective endings -ский/-ская/-ское → -ський/-ська/-ське, -ный/-ной → -ний, -ний → -ній, -ая → -а, -ое → -е,
 * -ые → -і; -ск/-цк at the end of a word → -ськ/-цьк.
 */
export function transliterateUk(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => matchCase(word, transliterateUkWord(word.toLowerCase())));
}

/** Adjective endings and final -ск/-цк, adapted as a whole; the stem before them goes letter by letter. */
const UK_ENDINGS: readonly (readonly [RegExp, string])[] = [
  [/([сц])к(?:ий|ой)$/u, "$1ький"],
  [/([сц])кая$/u, "$1ька"],
  [/([сц])кое$/u, "$1ьке"],
  [/([сц])кие$/u, "$1ькі"],
  [/([сц])к$/u, "$1ьк"],
  [/ний$/u, "ній"],
  [/нее$/u, "нє"],
  [/н(?:ый|ой)$/u, "ний"],
  [/ый$/u, "ий"],
  [/ая$/u, "а"],
  [/ое$/u, "е"],
  [/ые$/u, "і"],
];

/**
 * Names whose Ukrainian form has «і» for «и» by tradition, which no letter rule predicts (most keep «и»: Владимир,
 * Єкатеринбург, Приморський). Only forms in Ukrainian reference use.
 */
const UK_ESTABLISHED: Readonly<Record<string, string>> = {
  республика: "республіка",
  тагил: "тагіл",
  челябинск: "челябінськ",
  челябинская: "челябінська",
  ленинградская: "ленінградська",
  калининградская: "калінінградська",
  мансийский: "мансійський",
  киров: "кіров",
  кировская: "кіровська",
  новосибирск: "новосибірськ",
  новосибирская: "новосибірська",
};

function transliterateUkWord(word: string): string {
  const established = UK_ESTABLISHED[word];
  if (established) return established;
  let stem = word;
  let ending = "";
  for (const [pattern, replacement] of UK_ENDINGS) {
    const found = pattern.exec(word);
    if (!found || found.index === 0) continue;
    stem = word.slice(0, found.index);
    ending = found[0].replace(pattern, replacement);
    break;
  }
  let out = "";
  for (let index = 0; index < stem.length; index++) {
    const char = stem[index]!;
    const previous = index === 0 ? "" : stem[index - 1]!;
    const afterVowel = previous !== "" && VOWELS.includes(previous);
    const opens = previous === "" || afterVowel;
    if (char === "ы") out += "и";
    else if (char === "э") out += "е";
    else if (char === "ъ") out += "'";
    else if (char === "е") out += opens ? "є" : previous === "ь" || previous === "ъ" ? "є" : "е";
    else if (char === "ё") out += opens || previous === "ь" || previous === "ъ" ? "йо" : "ьо";
    else if (char === "и") out += previous === "" ? "і" : afterVowel ? "ї" : /^[яюей]?$/u.test(stem[index + 1] ?? "") && index === stem.length - 2 ? "і" : "и";
    else out += char;
  }
  // After a consonant Ukrainian writes «'є», «'ю», «'я» where Russian has «ье», «ъе»: «ь» + «є» becomes «'є».
  return (out + ending).replace(/ьє/gu, "'є").replace(/ьйо/gu, "'йо");
}

function matchCase(original: string, converted: string): string {
  if (original === original.toLowerCase()) return converted;
  if (original === original.toUpperCase() && original.length > 1) return converted.toUpperCase();
  return converted.charAt(0).toUpperCase() + converted.slice(1);
}
