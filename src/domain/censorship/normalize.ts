/**
 * Folding of one word so that spelling tricks and typing habits do not hide it: case, ё/е, stress marks,
 * apostrophe variants, soft hyphens and zero-width characters, and Latin letters typed inside Cyrillic words
 * (or the reverse) because they look the same. The lexicon terms go through the same function when loaded,
 * so both sides always agree.
 */

// Latin letters that look like Cyrillic ones (lower case, since folding lowercases first). `i` maps to the
// Ukrainian and Belarusian і: someone typing «Украiна» on a Latin layout means that letter.
const LATIN_TO_CYRILLIC: ReadonlyMap<string, string> = new Map([
  ["a", "а"], ["b", "в"], ["c", "с"], ["e", "е"], ["h", "н"], ["i", "і"], ["k", "к"],
  ["m", "м"], ["o", "о"], ["p", "р"], ["t", "т"], ["x", "х"], ["y", "у"],
]);
const CYRILLIC_TO_LATIN: ReadonlyMap<string, string> = new Map(
  [...LATIN_TO_CYRILLIC].map(([latin, cyrillic]) => [cyrillic, latin]),
);

/**
 * Words made only of а-я і ї є ґ ў, or only of a-z, need no folding: the common case, kept cheap (a loop over
 * character codes rather than two regular expressions per word, issue 16 speed).
 */
function isPlainWord(word: string): boolean {
  if (word.length === 0) return false;
  const first = word.charCodeAt(0);
  if (first >= 0x61 && first <= 0x7a) {
    for (let index = 1; index < word.length; index++) {
      const code = word.charCodeAt(index);
      if (code < 0x61 || code > 0x7a) return false;
    }
    return true;
  }
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (!((code >= 0x430 && code <= 0x44f) || code === 0x456 || code === 0x457 || code === 0x454 || code === 0x491 || code === 0x45e)) return false;
  }
  return true;
}
const COMBINING_MARK = /\p{M}/u;
// Stress marks, soft hyphen, zero-width characters and every apostrophe look-alike: removed, so «м'ясо», «мʼясо»
// and «мясо» fold together, and "Russia's" becomes "russias" (the English endings list covers the final s).
const INVISIBLE_OR_APOSTROPHE = /[\u0300\u0301\u00AD\u200B-\u200D\u2060\uFEFF'’ʼ‘`ʹ]/gu;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

export function normalizeWord(word: string): string {
  return normalizeLowerCaseWord(word.toLowerCase());
}

/** `normalizeWord` for a word already in lower case (the tokenizer lowercases once and reuses it). */
export function normalizeLowerCaseWord(lower: string): string {
  // Belarusian writes у as ў at the start of a word after a vowel («хутка ўпадзе»): the same word either way.
  if (lower.charCodeAt(0) === 0x45e) return normalizeLowerCaseWord(`у${lower.slice(1)}`);
  if (isPlainWord(lower)) return lower;
  let folded = COMBINING_MARK.test(lower) ? lower.normalize("NFC") : lower;
  folded = folded.replace(INVISIBLE_OR_APOSTROPHE, "").replaceAll("ё", "е");
  return unmixScripts(folded);
}

/** In a word mixing Cyrillic and Latin letters, the minority script is a disguise: map it onto the majority. */
function unmixScripts(word: string): string {
  let cyrillic = 0;
  let latin = 0;
  for (const char of word) {
    if (CYRILLIC_LETTER.test(char)) cyrillic++;
    else if (LATIN_LETTER.test(char)) latin++;
  }
  if (cyrillic === 0 || latin === 0) return word;
  const table = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  let result = "";
  for (const char of word) result += table.get(char) ?? char;
  return result;
}

// The keys of LATIN_TO_CYRILLIC as bits of their offsets from "a": one test of a character code, where charAt of a
// Cyrillic letter would make a string for a Map lookup.
const LOOKALIKE_LATIN_BITS = [...LATIN_TO_CYRILLIC.keys()].reduce((bits, latin) => bits | (1 << (latin.charCodeAt(0) - 0x61)), 0);

/** Whether the folded word's first letter is one asCyrillicLookalike maps (without it that returns null). */
export function startsWithLatinLookalike(normalizedWord: string): boolean {
  const offset = normalizedWord.charCodeAt(0) - 0x61;
  return offset >= 0 && offset < 26 && (LOOKALIKE_LATIN_BITS & (1 << offset)) !== 0;
}

/**
 * An abbreviation typed entirely in Latin look-alikes («CBO» for «СВО»), read as Cyrillic, or null when some
 * letter has no Cyrillic twin. Only meant for short all-capital words looked up as exact abbreviations.
 */
export function asCyrillicLookalike(normalizedWord: string): string | null {
  let result = "";
  for (const char of normalizedWord) {
    const cyrillic = LATIN_TO_CYRILLIC.get(char);
    if (cyrillic === undefined) return null;
    result += cyrillic;
  }
  return result;
}
