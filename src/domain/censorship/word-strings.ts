/**
 * The strings of a word of the text (as written, lower case, folded), shared with earlier letters that held the
 * same word (issue 16, allocation).
 *
 * Letters repeat a few thousand words, and slicing, lowercasing and folding each word of each letter made new
 * strings per word: some 35 kB a letter for the young generation to collect. Here a word is hashed by its
 * character codes into a slot of a small table; a word already in its slot takes the strings kept there, and only
 * a word not there is sliced (and takes the slot). Strings are immutable, so sharing one between letters, or
 * between two checks running one inside the other, changes nothing.
 */

// A power of two: a slot is the hash's low bits. 4,096 words cover a letter's vocabulary and the common words of
// the next letters; a collision only costs a slice.
export const SLOTS = 4_096;
// V8 makes a slice this long or longer a view into the whole text, which would keep the letter alive in the table:
// longer words (rare) are not shared.
const MAX_SHARED_LENGTH = 12;

const raws: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
// The lower-case and folded forms of the slot's word, once its tokenizer computed them; undefined before.
const lowers: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const norms: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

/** The slot holding the word text[start, end) (filled with it when another word held it), or -1 for a long word. */
export function wordSlot(text: string, start: number, end: number): number {
  const length = end - start;
  if (length > MAX_SHARED_LENGTH) return -1;
  // FNV-1a over the UTF-16 code units.
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  const slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
  const known = raws[slot];
  if (known !== undefined && known.length === length && sameCharacters(known, text, start)) return slot;
  raws[slot] = text.slice(start, end);
  lowers[slot] = undefined;
  norms[slot] = undefined;
  return slot;
}

/** The word as written. */
export function slotRaw(slot: number): string {
  return raws[slot] as string;
}

/** The word's lower-case form, or undefined before `keepForms` stored it. */
export function slotLower(slot: number): string | undefined {
  return lowers[slot];
}

/** Its folded form, stored with the lower-case one. */
export function slotNorm(slot: number): string {
  return norms[slot] as string;
}

/** Keeps the lower-case and folded forms of the slot's word: they must be functions of the word alone. */
export function keepForms(slot: number, lower: string, norm: string): void {
  lowers[slot] = lower;
  norms[slot] = norm;
}

function sameCharacters(known: string, text: string, start: number): boolean {
  for (let index = 0; index < known.length; index++) if (known.charCodeAt(index) !== text.charCodeAt(start + index)) return false;
  return true;
}
