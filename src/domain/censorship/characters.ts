/**
 * Character classes for the tokenizer and the word count, decided by code ranges for the scripts letters are
 * written in (Latin, Cyrillic) and by Unicode properties only for the rest. A regular expression over the whole
 * text with \p{L} was the slowest part of the check.
 */
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const LETTER_MARK_OR_DIGIT = /^[\p{L}\p{M}\p{N}]$/u;

/**
 * Width in UTF-16 units (1 or 2) of the word character at `index`, or 0 when there is none: letters, combining
 * marks, and the invisible characters (soft hyphen, zero-width space and joiners, word joiner) that people insert
 * into words to dodge filters.
 */
export function wordCharacterWidth(text: string, index: number): number {
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? 1 : 0;
  if (code >= 0x400 && code <= 0x52f) return code === 0x482 ? 0 : 1; // U+0482 is the Cyrillic thousands sign
  if (code >= 0xc0 && code <= 0x24f) return code === 0xd7 || code === 0xf7 ? 0 : 1;
  if (code >= 0x300 && code <= 0x36f) return 1;
  if (code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060) return 1;
  return propertyWidth(text, index, LETTER_OR_MARK);
}

/** Like wordCharacterWidth, digits included: what a reader counts as part of a word ("2024", "5км"). */
export function wordOrDigitWidth(text: string, index: number): number {
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code >= 0x30 && code <= 0x39) return 1;
  if (code < 0x80 || (code >= 0x400 && code <= 0x52f) || (code >= 0xc0 && code <= 0x36f)) {
    return wordCharacterWidth(text, index);
  }
  return propertyWidth(text, index, LETTER_MARK_OR_DIGIT);
}

function propertyWidth(text: string, index: number, property: RegExp): number {
  const codePoint = text.codePointAt(index) ?? 0;
  if (!property.test(String.fromCodePoint(codePoint))) return 0;
  return codePoint > 0xffff ? 2 : 1;
}

/** ' ’ ‘ ` : inside a word they join its parts («м'ясо», "don't"); ʼ (U+02BC) is a letter already. */
export function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018 || code === 0x60;
}
