/**
 * Russian, Ukrainian and Belarusian typed in Latin letters («voyna», «Slava Ukraini», «Žyvie Bielaruś»), read back
 * into Cyrillic by each language's habits so that the lexicon of that language can be matched. Chat spelling is
 * loose, so the rules are the common ones people type, not one official standard: digraphs first (shch, zh, kh,
 * ch, sh, ts, ya/ja, yu/ju, ye/je, yo/jo), then letters; `y` and `j` after a vowel are й; Ukrainian reads `i` after
 * a vowel as ї and `h` as г; Belarusian Łacinka letters (ŭ ł ć ś ž č š) and softening `i` (bie → бе) are read too.
 */
export type TranslitScheme = "ru" | "uk" | "be";

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);

const DIGRAPHS: Record<TranslitScheme, [string, string][]> = {
  ru: [
    ["shch", "щ"], ["sch", "щ"], ["zh", "ж"], ["kh", "х"], ["ch", "ч"], ["sh", "ш"], ["ts", "ц"], ["tz", "ц"],
    ["ya", "я"], ["ja", "я"], ["yu", "ю"], ["ju", "ю"], ["ye", "е"], ["je", "е"], ["yo", "е"], ["jo", "е"],
    ["ck", "к"], ["ph", "ф"],
  ],
  uk: [
    ["shch", "щ"], ["sch", "щ"], ["zh", "ж"], ["kh", "х"], ["ch", "ч"], ["sh", "ш"], ["ts", "ц"], ["tz", "ц"],
    ["ya", "я"], ["ja", "я"], ["yu", "ю"], ["ju", "ю"], ["ye", "є"], ["je", "є"], ["yi", "ї"], ["ji", "ї"],
    ["yo", "йо"], ["ck", "к"], ["ph", "ф"],
  ],
  be: [
    ["shch", "шч"], ["zh", "ж"], ["kh", "х"], ["ch", "ч"], ["sh", "ш"], ["ts", "ц"], ["ya", "я"], ["ja", "я"],
    ["yu", "ю"], ["ju", "ю"], ["ye", "е"], ["je", "е"], ["yo", "ё"], ["jo", "ё"], ["ie", "е"], ["ia", "я"],
    ["iu", "ю"], ["io", "ё"], ["dz", "дз"],
  ],
};

const LETTERS: Record<TranslitScheme, Record<string, string>> = {
  ru: {
    a: "а", b: "б", v: "в", w: "в", g: "г", d: "д", e: "е", z: "з", i: "и", y: "ы", j: "й", k: "к", l: "л", m: "м",
    n: "н", o: "о", p: "п", r: "р", s: "с", t: "т", u: "у", f: "ф", h: "х", c: "ц", q: "к", x: "х",
  },
  uk: {
    a: "а", b: "б", v: "в", w: "в", g: "г", d: "д", e: "е", z: "з", i: "і", y: "и", j: "й", k: "к", l: "л", m: "м",
    n: "н", o: "о", p: "п", r: "р", s: "с", t: "т", u: "у", f: "ф", h: "г", c: "ц", q: "к", x: "х",
  },
  be: {
    a: "а", b: "б", v: "в", w: "в", g: "г", d: "д", e: "э", z: "з", i: "і", y: "ы", j: "й", k: "к", l: "л", m: "м",
    n: "н", o: "о", p: "п", r: "р", s: "с", t: "т", u: "у", f: "ф", h: "г", c: "ц", q: "к", x: "х", "ŭ": "ў",
    "ł": "л", "ć": "ць", "ś": "сь", "ź": "зь", "ń": "нь", "ž": "ж", "č": "ч", "š": "ш", "ż": "ж",
  },
};

const IOTATED: Record<"ru" | "uk", Record<string, string>> = {
  ru: { a: "я", u: "ю", e: "е" },
  uk: { a: "я", u: "ю", e: "є" },
};

// Łacinka's soft consonants: the official Cyrillic spelling writes no soft sign before another consonant
// («viaśni» → «вясні», «palitviaźniam» → «палітвязням»), only before a vowel-less end («Biełaruś» → «беларусь»).
const LACINKA_SOFT: Record<string, string> = { "ć": "ц", "ś": "с", "ź": "з", "ń": "н" };

const LACINKA_SOFT_L: Record<string, string> = { a: "ля", u: "лю", o: "лё" };

/** Lower-case Latin word → Cyrillic by the scheme's habits; letters it does not know are kept. */
export function transliterate(word: string, scheme: TranslitScheme): string {
  const digraphs = DIGRAPHS[scheme];
  const letters = LETTERS[scheme];
  const lacinka = scheme === "be" && hasLacinkaLetters(word);
  let result = "";
  let index = 0;
  while (index < word.length) {
    const previous = word.charAt(index - 1);
    const afterVowel = index > 0 && VOWELS.has(previous);
    const letter = word.charAt(index);
    // «Heroiam», «moia»: i between vowels is the glide of я/ю/є (Ukrainian), я/ю/е (Russian).
    if (scheme !== "be" && letter === "i" && afterVowel && previous !== "i") {
      const iotated = IOTATED[scheme][word.charAt(index + 1)];
      if (iotated) {
        result += iotated;
        index += 2;
        continue;
      }
    }
    // «Rossia», «armia», «istoria»: a final -ia after a consonant is -ия/-ія.
    if (scheme !== "be" && letter === "i" && word.charAt(index + 1) === "a" && index + 2 === word.length && index > 0 && !afterVowel) {
      result += scheme === "uk" ? "ія" : "ия";
      break;
    }
    // Ukrainian: «Kyiv», «Ukraini»: i after a vowel is ї; word-final -yi/-iy are the adjective endings -ий/-ій.
    if (scheme === "uk" && letter === "i" && afterVowel && previous !== "i") {
      result += "ї";
      index++;
      continue;
    }
    if ((letter === "y" || letter === "j") && afterVowel && !VOWELS.has(word.charAt(index + 1))) {
      result += "й";
      index++;
      continue;
    }
    if (scheme === "ru" && letter === "i" && word.charAt(index + 1) === "y" && index + 2 === word.length) {
      result += "ий";
      break;
    }
    // «yi» is ї only where a vowel may start (Kyiv is к-и-ї-в, yizha is їжа).
    const digraph = digraphs.find(
      ([latin]) => word.startsWith(latin, index) && (latin !== "yi" && latin !== "ji" || index === 0 || afterVowel),
    );
    if (digraph) {
      result += digraph[1];
      index += digraph[0].length;
      continue;
    }
    // Łacinka writes the hard л as ł, so its l is soft: «bla» бля, «lu» лю, «lo» лё, a final or pre-consonant l
    // is ль. Only after a consonant before a vowel: «Bielaruś» typed without ł is still беларусь.
    if (letter === "l" && lacinka && (index === 0 || !afterVowel || !VOWELS.has(word.charAt(index + 1)))) {
      const next = word.charAt(index + 1);
      const soft = index > 0 && !afterVowel ? LACINKA_SOFT_L[next] : undefined;
      result += soft ?? (VOWELS.has(next) ? "л" : "ль");
      index += soft ? 2 : 1;
      continue;
    }
    const hard = scheme === "be" ? LACINKA_SOFT[letter] : undefined;
    if (hard && index + 1 < word.length && !VOWELS.has(word.charAt(index + 1))) {
      result += hard;
      index++;
      continue;
    }
    result += letters[letter] ?? letter;
    index++;
  }
  return result;
}

/** Łacinka letters only Belarusian Latin uses: a word with one of them is read by the Belarusian scheme only. */
export function hasLacinkaLetters(word: string): boolean {
  // ż: Belarusian typed with a Polish keyboard («Żywie»).
  return /[ŭłćśźńžčšż]/u.test(word);
}

const SCHEMES: readonly TranslitScheme[] = ["ru", "uk", "be"];

export interface Reading {
  scheme: TranslitScheme;
  cyrillic: string;
}

const readingMemo = new Map<string, readonly Reading[]>();
const MAX_READING_MEMO = 20_000;

/**
 * The word read by each scheme that applies to it (only Belarusian for a word with Łacinka letters). Memoized:
 * English letters ask this for every word.
 */
export function readings(word: string): readonly Reading[] {
  const known = readingMemo.get(word);
  if (known) return known;
  const schemes = hasLacinkaLetters(word) ? (["be"] as const) : SCHEMES;
  const result = schemes.map((scheme) => ({ scheme, cyrillic: transliterate(word, scheme) }));
  if (readingMemo.size >= MAX_READING_MEMO) readingMemo.clear();
  readingMemo.set(word, result);
  return result;
}
