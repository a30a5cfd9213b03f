import { firstWordAt } from "./context.js";
import type { WordToken } from "./tokenize.js";
import type { CategoryId } from "./types.js";

/**
 * English capitalises names, not common nouns: a capitalised word of the English lists standing next to another
 * capitalised word of its sentence ("Guns N' Roses", "Gunpowder Lane", "Grenade Coffee", "The Fusilier") is part of
 * a name of a band, a street, a shop or a boat (issue 16, precision). Findings of these categories on it are dropped;
 * war, politics, symbols and organisations are kept, since their names are the risk ("the Russian Army", "Slava
 * Ukraini", "Wagner Group"). A word first in its sentence is capitalised anyway and shows nothing.
 */
const NAME_CATEGORIES: ReadonlySet<CategoryId> = new Set(["contraband", "case", "prison", "code", "tone"]);

export function englishNameFilter(
  words: readonly WordToken[],
): (finding: { category: CategoryId; ruleId: string; start: number }) => boolean {
  return (finding) => {
    if (!NAME_CATEGORIES.has(finding.category) || !finding.ruleId.startsWith("en-")) return true;
    const index = firstWordAt(words, finding.start);
    const word = words[index];
    if (!word || word.start !== finding.start || !isCapitalised(word.raw) || isAllCapitals(word.raw)) return true;
    const previous = words[index - 1];
    const next = words[index + 1];
    const namedBefore = previous !== undefined && !word.breakBefore && word.joinsPrevious && notFirstInSentence(words, index - 1) && isCapitalised(previous.raw);
    const namedAfter = next !== undefined && !next.breakBefore && next.joinsPrevious && isCapitalised(next.raw) && next.raw !== "I";
    return !(namedBefore || namedAfter);
  };
}

/** Whether the word at `index` is not the first of its sentence (so its capital letter means something). */
function notFirstInSentence(words: readonly WordToken[], index: number): boolean {
  return index > 0 && !(words[index] as WordToken).breakBefore;
}

function isCapitalised(raw: string): boolean {
  const code = raw.charCodeAt(0);
  return code >= 0x41 && code <= 0x5a;
}

function isAllCapitals(raw: string): boolean {
  return raw.length > 1 && raw === raw.toUpperCase();
}
