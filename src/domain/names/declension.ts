/**
 * Given names and surnames in the dative («Лист Борисові Кагарлицькому», «Письмо Борису Кагарлицкому») and Ukrainian
 * given names in the vocative («Борисе», «Маріє»). Only the common regular patterns are declined; anything else gives
 * `null`, and callers fall back to the nominative with a neutral wording: a name left as it is reads better than a
 * name declined wrongly.
 */
export type NameGender = "male" | "female";
export type NameLanguage = "uk" | "ru";

export interface NameParts {
  given: string;
  surname: string;
}

type Rule = readonly [ending: RegExp, replacement: string | null];

/** The first rule whose ending matches decides; `null` as the replacement means "do not decline". */
function apply(word: string, rules: readonly Rule[]): string | null {
  if (!/^[\p{L}'’ʼ-]+$/u.test(word)) return null;
  // A double-barrelled word declines each part («Римський-Корсаков»): too rare to risk.
  if (word.includes("-")) return null;
  for (const [ending, replacement] of rules) {
    if (ending.test(word)) return replacement === null ? null : word.replace(ending, replacement);
  }
  return null;
}

const UK_GIVEN_MALE: readonly Rule[] = [
  [/^Ігор$/u, "Ігореві"],
  [/ій$/u, "ієві"],
  [/й$/u, "єві"],
  [/([жчшщ])$/u, "$1еві"],
  [/ь$/u, "еві"],
  [/о$/u, "ові"],
  [/([^аеєиіїоуюяь])я$/u, "$1і"],
  [/га$/u, "зі"],
  [/ка$/u, "ці"],
  [/ха$/u, "сі"],
  [/а$/u, "і"],
  // A vowel that drops out in the other cases (Кравець → Кравцю) is not predictable from the ending.
  [/(ець|ок)$/u, null],
  [/([бвгґдзклмнпрстфхц])$/u, "$1ові"],
];

const UK_SURNAME_MALE: readonly Rule[] = [
  [/([сзц])ький$/u, "$1ькому"],
  [/(к|г|х)ий$/u, "$1ому"],
  [/ий$/u, "ому"],
  [/ій$/u, null],
  [/(ець|ок)$/u, null],
  [/й$/u, "ю"],
  [/ь$/u, "ю"],
  [/о$/u, "у"],
  [/а$/u, null],
  [/я$/u, null],
  [/([бвгґджзклмнпрстфхцчшщ])$/u, "$1у"],
];

const UK_GIVEN_FEMALE: readonly Rule[] = [
  [/ія$/u, "ії"],
  [/([аеєиіїоуюя'’ʼ])я$/u, "$1ї"],
  [/я$/u, "і"],
  [/га$/u, "зі"],
  [/ка$/u, "ці"],
  [/ха$/u, "сі"],
  [/а$/u, "і"],
  [/ов$/u, "ові"],
];

const UK_SURNAME_FEMALE: readonly Rule[] = [
  [/([сзц])ька$/u, "$1ькій"],
  [/(ов|ев|єв|ін|ин)а$/u, "$1ій"],
  [/(ська|цька|а|я)$/u, null],
  // Consonant, -о and -ко surnames do not change for a woman («Марії Шевченко», «Олені Балух»).
  [/[\p{L}'’ʼ]$/u, "$&"],
];

const RU_GIVEN_MALE: readonly Rule[] = [
  // The vowel drops out: Павел → Павлу, Пётр → Петру, Лев → Льву.
  [/^Павел$/u, "Павлу"],
  [/^П[её]тр$/u, "Петру"],
  [/^Лев$/u, "Льву"],
  [/ий$/u, "ию"],
  [/й$/u, "ю"],
  [/ь$/u, "ю"],
  [/ия$/u, "ии"],
  [/[ая]$/u, "е"],
  [/о$/u, null],
  [/([бвгджзклмнпрстфхцчшщ])$/u, "$1у"],
];

const RU_SURNAME_MALE: readonly Rule[] = [
  [/([скгх])ий$/u, "$1ому"],
  [/([жшчщ])ий$/u, "$1ему"],
  [/ий$/u, null],
  [/[ыо]й$/u, "ому"],
  [/(ых|их|о|е|и|у|ю)$/u, "$1"],
  [/ь$/u, "ю"],
  [/й$/u, "ю"],
  [/[ая]$/u, null],
  [/(ец|ок)$/u, null],
  [/([бвгджзклмнпрстфхцчшщ])$/u, "$1у"],
];

const RU_GIVEN_FEMALE: readonly Rule[] = [
  [/ия$/u, "ии"],
  [/[ая]$/u, "е"],
  [/ь$/u, "и"],
];

const RU_SURNAME_FEMALE: readonly Rule[] = [
  [/(ов|ев|ёв|ин|ын)а$/u, "$1ой"],
  [/(ск|цк)ая$/u, "$1ой"],
  [/[ая]$/u, null],
  [/[\p{L}]$/u, "$&"],
];

/** The dative of a Ukrainian or Russian given name and surname, or null when the pattern is not a safe one. */
export function dativeName(name: NameParts, gender: NameGender | null, language: NameLanguage): NameParts | null {
  if (gender === null) return null;
  const rules =
    language === "uk"
      ? gender === "male"
        ? { given: UK_GIVEN_MALE, surname: UK_SURNAME_MALE }
        : { given: UK_GIVEN_FEMALE, surname: UK_SURNAME_FEMALE }
      : gender === "male"
        ? { given: RU_GIVEN_MALE, surname: RU_SURNAME_MALE }
        : { given: RU_GIVEN_FEMALE, surname: RU_SURNAME_FEMALE };
  const given = apply(name.given, rules.given);
  const surname = apply(name.surname, rules.surname);
  if (given === null || surname === null) return null;
  // After a given name in -ові a surname takes -у («Тарасові Шевченку»), as the rules above do.
  return { given, surname };
}

const UK_VOCATIVE_MALE: readonly Rule[] = [
  [/^Ігор$/u, "Ігорю"],
  [/ій$/u, "ію"],
  [/й$/u, "ю"],
  [/ь$/u, "ю"],
  [/([жчшщ])$/u, "$1е"],
  [/о$/u, "е"],
  [/ка$/u, "ко"],
  [/а$/u, "о"],
  [/я$/u, null],
  [/([гкх])$/u, null],
  [/([бвдзлмнпрстфц])$/u, "$1е"],
];

const UK_VOCATIVE_FEMALE: readonly Rule[] = [
  [/ія$/u, "іє"],
  [/([аеєиіїоуюя'’ʼ])я$/u, "$1є"],
  [/я$/u, "ю"],
  [/а$/u, "о"],
];

/** The Ukrainian vocative of a given name («Борисе», «Володимире», «Маріє», «Оксано»), or null when unsure. */
export function ukrainianVocative(given: string, gender: NameGender | null): string | null {
  if (gender === null) return null;
  return apply(given, gender === "male" ? UK_VOCATIVE_MALE : UK_VOCATIVE_FEMALE);
}

/** The Ukrainian vocative of a patronymic: -ович → -овичу, -івна → -івно («Юлійовичу», «Іванівно»). */
export function ukrainianPatronymicVocative(patronymic: string): string | null {
  if (/(ович|евич|євич|йович)$/u.test(patronymic)) return `${patronymic}у`;
  if (/(івна|ївна)$/u.test(patronymic)) return `${patronymic.slice(0, -1)}о`;
  return null;
}
