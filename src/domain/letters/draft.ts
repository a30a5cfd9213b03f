import { CHARACTERS_PER_LINE, LINES_PER_PAGE, letterStats } from "../censorship/stats.js";
import type { LetterStats } from "../censorship/types.js";
import { type LocalizedText, type PrisonSystem, localized } from "./types.js";
import { countsOf, statsOfCounts, type TextCounts } from "./text-counts.js";

export { TELEGRAM_MESSAGE_LIMIT, splitForTelegram } from "./split-for-telegram.js";

/**
 * The longest letter the bot accepts, in characters (Unicode code points). About 7 printed pages: FSIN-pismo prints
 * every letter in black and white, the censor has 3 working days for it by law and long letters are the ones that
 * wait, and Belarusian organisers ask for short texts. No source gives an FSIN-pismo limit, so this is our choice,
 * generous enough for a real letter and small enough to show back in three Telegram messages.
 */
export const MAX_LETTER_CHARACTERS = 12_000;

/**
 * Statistics and the page estimate are the censorship check's (src/domain/censorship/stats.ts), so that the draft
 * screen and the check report never disagree: a page is the Russian standard typewritten page, 30 lines of 60
 * characters (1,800 characters of dense text), and every paragraph starts a new line.
 */
export const CHARACTERS_PER_PRINTED_PAGE = CHARACTERS_PER_LINE * LINES_PER_PAGE;

/**
 * Above one printed page a letter to Belarus earns a gentle note: Libereco asks for short texts and letters there are
 * read by censors who hand over few of them. The threshold is ours, not a rule of the prisons.
 */
export const SHORT_LETTER_CHARACTERS_BY = CHARACTERS_PER_PRINTED_PAGE;

export type DraftStats = LetterStats;

export function draftStats(text: string): DraftStats {
  return letterStats(text);
}

/** Code points, so that an emoji counts as one character as a writer would count it. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// Each alternative starts at a line break: written as white space before a line end, the search tried the large
// class of white space at every character (a 12,000-character letter: 70 µs to find nothing, 9 µs now; issue 14).
const INNER_NOISE = /\r|[\n\u2028\u2029](?<=[^\S\n][\n\u2028\u2029])|\n\n\n/;

/**
 * Letter text as stored: "\n" line endings, no trailing spaces, at most one blank line between paragraphs, no
 * leading or trailing blank lines. Telegram clients add such noise; the printed letter should not carry it.
 */
export function normaliseLetterText(text: string): string {
  // Most messages have none of that noise inside: one scan instead of three rewrites (a 1,000-character message in
  // the writing stage, issue 14). White space before a line end (\n, and U+2028/U+2029, where a multiline `$` also
  // matches) or a carriage return or three line breaks send the text the full way; at the very end `trim` does it.
  if (!INNER_NOISE.test(text)) return text.trim();
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A writer sends a letter as one or several Telegram messages. `append` adds a message as a new paragraph;
 * `replace` starts over with it.
 */
export type DraftEditMode = "append" | "replace";

export type DraftEditResult =
  | { ok: true; text: string; stats: DraftStats }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "too-long"; characters: number; limit: number };

export function applyDraftEdit(current: string | null, incoming: string, mode: DraftEditMode): DraftEditResult {
  const edited = applyDraftEditWithCounts(current, incoming, mode);
  return edited.ok ? { ok: true, text: edited.text, stats: statsOfCounts(edited.counts) } : edited;
}

/**
 * `applyDraftEdit` with the new text's running figures instead of its stats, for a caller that stores them too (the
 * first message's draft, issue 14): the text is counted once for both. `statsOfCounts` of them is `draftStats`.
 */
export function applyDraftEditWithCounts(
  current: string | null,
  incoming: string,
  mode: DraftEditMode,
): { ok: true; text: string; counts: TextCounts } | Extract<DraftEditResult, { ok: false }> {
  const addition = normaliseLetterText(incoming);
  if (addition === "") return { ok: false, reason: "empty" };
  const base = mode === "append" ? normaliseLetterText(current ?? "") : "";
  const text = base === "" ? addition : `${base}\n\n${addition}`;
  const characters = countCharacters(text);
  if (characters > MAX_LETTER_CHARACTERS) {
    return { ok: false, reason: "too-long", characters, limit: MAX_LETTER_CHARACTERS };
  }
  return { ok: true, text, counts: countsOf(text) };
}

/** The writer-facing line under a draft: characters, words and estimated pages. */
export function draftStatsText(stats: DraftStats): LocalizedText {
  return localized("letter-draft-stats", { characters: stats.characters, words: stats.words, pages: stats.pages });
}

/** Why an edit was refused, for the writer. */
export function draftEditErrorText(result: Extract<DraftEditResult, { ok: false }>): LocalizedText {
  return result.reason === "empty"
    ? localized("letter-draft-empty")
    : localized("letter-draft-too-long", { characters: result.characters, limit: result.limit });
}

/** Advice to shorten the letter, or undefined when its length is fine for the prison system. */
export function lengthAdvice(stats: DraftStats, system: PrisonSystem): LocalizedText | undefined {
  return system === "by" && stats.characters > SHORT_LETTER_CHARACTERS_BY
    ? localized("letter-draft-advice-short-by", { pages: stats.pages })
    : undefined;
}
