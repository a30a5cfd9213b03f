/**
 * "Write to someone who gets few letters": people are weighted by how few letters the bot relayed or prepared for
 * them in the last 30 days, so attention spreads instead of piling onto the best-known names.
 *
 * Contract with the letters feature: `counts` maps a prisoner slug to the number of letters in the last 30 days;
 * a missing slug means none. The letters table is not part of the directory, so the caller supplies the counts.
 */
import type { InstitutionRecord, PrisonerRecord } from "./types.js";
import { decideWrite, type WriteDecision } from "./write-decision.js";

export type LetterCounts = ReadonlyMap<string, number>;

/** 1 for nobody's letters yet, ½ after one, ⅓ after two…: smooth, never zero, so nobody is excluded for good. */
export function fewLettersWeight(count: number): number {
  return 1 / (1 + Math.max(0, count));
}

/** Fewest letters first; ties in slug order so the list is stable between screens. */
export function rankByFewLetters<T extends { slug: string }>(items: readonly T[], counts: LetterCounts): T[] {
  return [...items].sort((a, b) => {
    const difference = (counts.get(a.slug) ?? 0) - (counts.get(b.slug) ?? 0);
    return difference !== 0 ? difference : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
  });
}

/** A random person, more likely the fewer letters they got; `random` returns [0, 1) and is injected for tests. */
export function pickFewLetters<T extends { slug: string }>(
  items: readonly T[],
  counts: LetterCounts,
  random: () => number,
): T | undefined {
  const weights = items.map((item) => fewLettersWeight(counts.get(item.slug) ?? 0));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let target = random() * total;
  for (const [index, item] of items.entries()) {
    target -= weights[index] as number;
    if (target < 0) return item;
  }
  return items[items.length - 1];
}

export interface FewLettersEntry {
  prisoner: PrisonerRecord;
  decision: Exclude<WriteDecision, { kind: "refused" }>;
  letters: number;
}

/** People a letter can reach, fewest letters first: the browse list behind "write to someone who gets few letters". */
export function writableByFewLetters(
  prisoners: readonly PrisonerRecord[],
  institutions: ReadonlyMap<string, InstitutionRecord>,
  counts: LetterCounts,
  context: { today: Date; isRelayed: (prisoner: PrisonerRecord) => boolean },
): FewLettersEntry[] {
  const entries: FewLettersEntry[] = [];
  for (const prisoner of rankByFewLetters(prisoners, counts)) {
    const institution = prisoner.location.institution === null ? undefined : institutions.get(prisoner.location.institution);
    const decision = decideWrite(prisoner, institution, { today: context.today, organiserRelay: context.isRelayed(prisoner) });
    if (decision.kind !== "refused") entries.push({ prisoner, decision, letters: counts.get(prisoner.slug) ?? 0 });
  }
  return entries;
}
