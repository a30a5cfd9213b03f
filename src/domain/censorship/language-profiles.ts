import type { LetterLanguage } from "./types.js";

/**
 * Frequent words of each language, lower case with ё/ї/ў kept. A word listed for two languages counts half for
 * each; one listed for all three Cyrillic languages says nothing. Greetings and sign-offs are here because letters
 * are full of them and a one-line paragraph («Дякую!», «Обнимаю.») must still be recognised.
 */
const FUNCTION_WORDS: Record<"ru" | "uk" | "be" | "en", string> = {
  ru: `и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было
    вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь
    опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб
    без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один
    почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над
    больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда
    лучше чуть том нельзя такой им более всегда конечно всю между это очень тебе пишу привет здравствуй
    здравствуйте спасибо пожалуйста обнимаю целую недавно сегодня вчера завтра скоро просто сказать говорит
    хочу думаю знаю хотела хотел надеюсь люблю помню жду твой твоя твои твоё твое наш наша наши мама папа той тому та`,
  uk: `і й та що він на я в з зі із як а то все вона так його але ти к у же ви за би б по тільки лише її мені було
    ось від мене ще ні о йому тепер коли навіть ну раптом чи якщо вже або бути був нього до вас небудь знову
    вам адже там потім себе нічого їй може вони тут де є треба неї для ми тебе їх ніж була сам щоб без ніби
    чого раз теж також собі під буде ж тоді хто цей того тому цього який зовсім ним тут цьому один майже мій
    тим зараз були куди навіщо всіх ніколи можна при нарешті два об інший хоч після над більше той через ці
    нас про всього них яка багато хіба три цю моя втім добре свою цієї перед іноді краще трохи тому не можна
    такий їм більш завжди звичайно всю між це дуже пишу привіт вітаю дякую будь ласка обіймаю цілую нещодавно
    сьогодні вчора завтра скоро просто сказати каже хочу думаю знаю хотіла хотів сподіваюся сподіваюсь люблю
    пам'ятаю чекаю твій твоя твої твоє наш наша наші мама тато`,
  be: `і й ды што ён на я з са як а то усё яна так яго але ты ў у ж вы за б па толькі яе мне было вось ад мяне
    яшчэ не ні а яму цяпер калі нават ну раптам ці калі ўжо або быць быў яго да вас зноў вам бо там потым сябе
    нічога ёй можа яны тут дзе ёсць трэба яе для мы цябе іх чым была сам каб без быццам чаго раз таксама сабе
    пад будзе тады хто гэты таго таму гэтага які зусім ім тут гэтым адзін амаль мой тым зараз былі куды навошта
    усіх ніколі можна пры нарэшце два аб іншы хоць пасля над больш той праз гэтыя нас пра усяго іх якая шмат
    хіба тры гэту мая добра сваю гэтай перад часам лепш трохі нельга такі заўсёды канечне паміж гэта вельмі пішу
    прывітанне вітаю дзякуй калі ласка абдымаю цалую нядаўна сёння учора заўтра хутка проста сказаць кажа хачу
    думаю ведаю хацела хацеў спадзяюся люблю памятаю чакаю твой твая твае наш наша нашы мама тата`,
  en: `the and to of a in that is was he for it with as his on be at by i this had not are but from or have an they
    which one you were her all she there would their we him been has when who will more no if out so said what up
    its about into than them can only other new some could time these two may then do first any my now such like
    our over man me even most made after also did many before must through back years where much your way well
    down should because each just those people how too little state good very make world still own see men work
    long get here between both life being under never day same another know while last might us great old year
    off come since against go came right used take three dear hope miss love letter write writing thank thanks
    hello hi wish happy birthday`,
};

export type Scores = [ru: number, uk: number, be: number, en: number, other: number];
export const SCORED_LANGUAGES: readonly LetterLanguage[] = ["ru", "uk", "be", "en", "other"];
const RU = 0;
const UK = 1;
const BE = 2;
const EN = 3;
const OTHER = 4;

/** Frequent words of all three Cyrillic languages («тут», «нас», «не»): no evidence between them, but not English. */
const SHARED_CYRILLIC_WORDS = new Set<string>();

/** Per word: how much it counts for each language. Built once. */
const WORD_WEIGHTS: ReadonlyMap<string, Scores> = buildWordWeights();

function buildWordWeights(): Map<string, Scores> {
  const languagesOf = new Map<string, number[]>();
  const indexes = { ru: RU, uk: UK, be: BE, en: EN };
  for (const [language, words] of Object.entries(FUNCTION_WORDS) as [keyof typeof indexes, string][]) {
    for (const word of new Set(words.split(/\s+/u).filter(Boolean))) {
      languagesOf.set(word, [...(languagesOf.get(word) ?? []), indexes[language]]);
    }
  }
  const weights = new Map<string, Scores>();
  for (const [word, languages] of languagesOf) {
    if (languages.length >= 3) {
      SHARED_CYRILLIC_WORDS.add(word);
      continue;
    }
    const scores: Scores = [0, 0, 0, 0, 0];
    for (const language of languages) scores[language] = 2 / languages.length;
    weights.set(word, scores);
  }
  return weights;
}

// What the letters of a word say, as bits, gathered in one pass over its characters.
const UKRAINIAN_ONLY = 1; // ї є ґ
const BELARUSIAN_ONLY = 2; // ў
const RUSSIAN_ONLY = 4; // ъ
const NOT_RUSSIAN = 8; // і: Ukrainian and Belarusian
const NOT_BELARUSIAN = 16; // и щ: Russian and Ukrainian
const NOT_UKRAINIAN = 32; // ы э ё: Russian and Belarusian
const OTHER_CYRILLIC = 64; // Crimean Tatar, Kazakh, Serbian... letters
const CYRILLIC = 128;
const ENGLISH_LATIN = 256;
const OTHER_LATIN = 512; // diacritics English does not use (Polish, Crimean Tatar in Latin script...)
const OTHER_SCRIPT = 1024;

function letterFlags(word: string): number {
  let flags = 0;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code >= 0x61 && code <= 0x7a) flags |= ENGLISH_LATIN;
    else if (code >= 0x430 && code <= 0x44f) {
      flags |= CYRILLIC;
      if (code === 0x44a) flags |= RUSSIAN_ONLY;
      else if (code === 0x438 || code === 0x449) flags |= NOT_BELARUSIAN;
      else if (code === 0x44b || code === 0x44d) flags |= NOT_UKRAINIAN;
    } else if (code >= 0x400 && code <= 0x4ff) {
      flags |= CYRILLIC;
      if (code === 0x451) flags |= NOT_UKRAINIAN;
      else if (code === 0x456) flags |= NOT_RUSSIAN;
      else if (code === 0x457 || code === 0x454 || code === 0x491) flags |= UKRAINIAN_ONLY;
      else if (code === 0x45e) flags |= BELARUSIAN_ONLY;
      else flags |= OTHER_CYRILLIC;
    } else if (code >= 0xc0 && code <= 0x24f) flags |= OTHER_LATIN;
    else if (code > 0x24f && !isMarkOrApostrophe(code)) flags |= OTHER_SCRIPT;
  }
  return flags;
}

function isMarkOrApostrophe(code: number): boolean {
  return (code >= 0x300 && code <= 0x36f) || code === 0x2019 || code === 0x2bc || code === 0x2018 || code === 0xad ||
    (code >= 0x200b && code <= 0x200d) || code === 0x2060;
}

const APOSTROPHES = /[’ʼ‘`]/gu;
const evidenceMemo = new Map<string, readonly number[]>();
// Letters share most of their words; the memo starts over past this size rather than grow without end.
const MAX_MEMOIZED_WORDS = 50_000;

/**
 * How much one word counts for each language, in the order of SCORED_LANGUAGES. `word` is lower case, not folded:
 * ё, і, ў matter here. Computed once per distinct word.
 */
export function wordEvidence(word: string): readonly number[] {
  const known = evidenceMemo.get(word);
  if (known) return known;
  const scores = [0, 0, 0, 0, 0];
  addWordEvidence(word.replace(APOSTROPHES, "'"), scores);
  if (evidenceMemo.size >= MAX_MEMOIZED_WORDS) evidenceMemo.clear();
  evidenceMemo.set(word, scores);
  return scores;
}

function addWordEvidence(word: string, scores: number[]): void {
  const listed = WORD_WEIGHTS.get(word);
  listed?.forEach((weight, language) => add(scores, language, weight));
  const flags = letterFlags(word);
  if (flags & OTHER_SCRIPT) add(scores, OTHER, 1);
  if (flags & OTHER_LATIN) add(scores, OTHER, 2);
  else if (flags & ENGLISH_LATIN && !listed) add(scores, EN, 1);
  if (!(flags & CYRILLIC)) return;
  if (flags & OTHER_CYRILLIC) add(scores, OTHER, 2);
  if (flags & UKRAINIAN_ONLY) add(scores, UK, 2);
  if (flags & BELARUSIAN_ONLY) add(scores, BE, 2);
  if (flags & RUSSIAN_ONLY) add(scores, RU, 2);
  if (flags & NOT_RUSSIAN) {
    add(scores, UK, 1);
    add(scores, BE, 1);
  }
  if (flags & NOT_BELARUSIAN) {
    add(scores, RU, 1);
    add(scores, UK, 1);
  }
  if (flags & NOT_UKRAINIAN) {
    add(scores, RU, 1);
    add(scores, BE, 1);
  }
}

function add(scores: number[], language: number, amount: number): void {
  scores[language] = (scores[language] ?? 0) + amount;
}

/** Whether `word` (lower case) is one of the frequent words listed for `language`. */
export function isFrequentWord(word: string, language: "ru" | "uk" | "be" | "en"): boolean {
  const weights = WORD_WEIGHTS.get(word);
  return weights !== undefined && (weights[SCORED_LANGUAGES.indexOf(language)] ?? 0) > 0;
}

/**
 * Whether a Latin word's reading in a scheme is a frequent word of that language, of all three Cyrillic languages
 * («tut», «nas», «ne»), or of that language once the letters Latin typing drops are put back: a final soft sign
 * («opyat» опять, «zdes» здесь) and, in Russian, a first э written e («eto» это, «eti» эти). Used to tell
 * Latin-typed Russian, Ukrainian or Belarusian from English.
 */
export function isFrequentReading(cyrillic: string, scheme: "ru" | "uk" | "be"): boolean {
  if (isFrequentWord(cyrillic, scheme) || SHARED_CYRILLIC_WORDS.has(cyrillic)) return true;
  if (scheme === "be") return false;
  if (isFrequentWord(`${cyrillic}ь`, scheme)) return true;
  return scheme === "ru" && cyrillic.charAt(0) === "е" && isFrequentWord(`э${cyrillic.slice(1)}`, "ru");
}
