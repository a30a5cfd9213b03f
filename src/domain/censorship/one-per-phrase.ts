import { severityRank } from "./findings.js";
import { CATEGORY_IDS, type Finding } from "./types.js";

const LETTER = /\p{L}/u;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The gravest first; between equals, a context frame over a word it contains (the frame read the whole phrase:
 * «надо отблагодарить охранника» is a bribe, not just a guard), then a longer phrase over a word it contains, then
 * the category listed first in CATEGORY_IDS. */
function graver(a: Finding, b: Finding): Finding {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity !== 0) return bySeverity < 0 ? a : b;
  if (framesOver(a, b)) return a;
  if (framesOver(b, a)) return b;
  if (phraseOver(a, b)) return a;
  if (phraseOver(b, a)) return b;
  return CATEGORY_IDS.indexOf(a.category) <= CATEGORY_IDS.indexOf(b.category) ? a : b;
}

/** A fixed phrase read whole beats a word inside it («Русский военный корабль» is the meme, not just "military"). */
function phraseOver(phrase: Finding, word: Finding): boolean {
  return phrase.start <= word.start && phrase.end >= word.end && phrase.end - phrase.start > word.end - word.start && phrase.excerpt.includes(" ");
}

function framesOver(frame: Finding, word: Finding): boolean {
  return frame.ruleId.startsWith("frame-") && !word.ruleId.startsWith("frame-") && frame.start <= word.start && frame.end >= word.end;
}

/**
 * Content findings of different categories over the same words («Путина» as politics and as the model's "war") become
 * one: the gravest, quoting the words they share and cover together.
 */
function mergeAcrossCategories(text: string, findings: readonly Finding[]): Finding[] {
  const ordered = [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Finding[] = [];
  for (const finding of ordered) {
    const previous = merged.at(-1);
    if (!previous || !overlaps(previous, finding)) {
      merged.push(finding);
      continue;
    }
    const start = Math.min(previous.start, finding.start);
    const end = Math.max(previous.end, finding.end);
    merged[merged.length - 1] = { ...graver(previous, finding), start, end, excerpt: text.slice(start, end) };
  }
  return merged;
}

/** The part of [start, end) left after cutting out `covered`, trimmed to words; pieces without letters are dropped. */
function uncovered(text: string, start: number, end: number, covered: readonly Finding[]): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let cursor = start;
  for (const range of covered) {
    if (range.end <= cursor || range.start >= end) continue;
    if (range.start > cursor) pieces.push({ start: cursor, end: range.start });
    cursor = Math.max(cursor, range.end);
  }
  if (cursor < end) pieces.push({ start: cursor, end });
  return pieces.flatMap((piece) => {
    const slice = text.slice(piece.start, piece.end);
    const leading = slice.length - slice.replace(/^[^\p{L}\p{N}«"„(]+/u, "").length;
    const trimmed = slice.slice(leading).replace(/[^\p{L}\p{N}»"”)!?.…]+$/u, "");
    if (!LETTER.test(trimmed)) return [];
    return [{ start: piece.start + leading, end: piece.start + leading + trimmed.length }];
  });
}

/**
 * One phrase is counted once (issue 15, item 4). Content findings that share words are merged into the gravest; a
 * language finding quotes only the foreign words no other finding already quotes («Слава Україні, ми з тобою»: the
 * slogan is a finding of its own, the language finding quotes «ми з тобою»), split where such a finding sits inside.
 */
export function onePerPhrase(text: string, findings: readonly Finding[]): Finding[] {
  const content = mergeAcrossCategories(
    text,
    findings.filter((finding) => finding.category !== "language"),
  );
  const language = findings
    .filter((finding) => finding.category === "language")
    .flatMap((finding) =>
      uncovered(text, finding.start, finding.end, content).map((piece) => ({
        ...finding,
        start: piece.start,
        end: piece.end,
        excerpt: text.slice(piece.start, piece.end),
      })),
    );
  return [...content, ...language];
}
