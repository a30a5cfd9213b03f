/**
 * Finds the institution a source's facility string names. Only an exact key match is automatic; a string that
 * agrees with a facility on two parts (type and number, region or place, postcode) is a candidate for a person to
 * confirm (research §7.6: never automatic).
 */
import { designationOf, institutionMatchKey, keyWords } from "./match-key.js";

export interface InstitutionAliasEntry {
  slug: string;
  alias: string;
  /** Postcode and address words of the facility, for scoring a string that matches no alias exactly. */
  postcode: string | null;
  address: string | null;
}

export type InstitutionMatch =
  | { kind: "exact"; slug: string }
  | { kind: "candidates"; slugs: string[] }
  | { kind: "none" };

export interface InstitutionIndex {
  byKey: Map<string, Set<string>>;
  byDesignation: Map<string, InstitutionAliasEntry[]>;
}

export function buildInstitutionIndex(entries: readonly InstitutionAliasEntry[]): InstitutionIndex {
  const byKey = new Map<string, Set<string>>();
  const byDesignation = new Map<string, InstitutionAliasEntry[]>();
  for (const entry of entries) {
    const key = institutionMatchKey(entry.alias);
    byKey.set(key, (byKey.get(key) ?? new Set()).add(entry.slug));
    const designation = designationOf(entry.alias);
    if (designation) byDesignation.set(designation, [...(byDesignation.get(designation) ?? []), entry]);
  }
  return { byKey, byDesignation };
}

/**
 * Splits OVD-Info's «place | facility» or «facility | region» into the facility part and place hints; drops
 * «Оккупированная территория». A string without `|` is all facility.
 */
export function splitFacilityString(raw: string): { facility: string; hints: string[] } {
  const cleaned = raw.replace(/"/g, "").replace(/[\u00A0\r\n]/g, " ").replace(/\s+/g, " ").trim();
  const parts = cleaned.split("|").map((part) => part.trim()).filter(Boolean);
  const facilityIndex = parts.findIndex((part) => designationOf(part) !== null || /(?<!\p{L})(ФКУ|ФКЛПУ|ИВС|ПБСТИН)(?!\p{L})/u.test(part));
  const index = facilityIndex === -1 ? 0 : facilityIndex;
  const hints = parts.filter((_, at) => at !== index).map((part) => part.replace(/Оккупированная территория/giu, "").trim());
  return { facility: parts[index] ?? "", hints: hints.filter(Boolean) };
}

export function matchInstitution(
  index: InstitutionIndex,
  raw: string,
  context: { postcode?: string | null; hints?: readonly string[] } = {},
): InstitutionMatch {
  const { facility, hints } = splitFacilityString(raw);
  if (facility === "") return { kind: "none" };
  const exact = index.byKey.get(institutionMatchKey(facility));
  if (exact && exact.size === 1) return { kind: "exact", slug: [...exact][0] as string };
  if (exact && exact.size > 1) return { kind: "candidates", slugs: [...exact].sort() };
  const designation = designationOf(facility);
  if (!designation) return { kind: "none" };
  const placeWords = new Set([...keyWords(facility), ...[...hints, ...(context.hints ?? [])].flatMap(keyWords)]);
  const scored = new Map<string, number>();
  for (const entry of index.byDesignation.get(designation) ?? []) {
    let score = 1;
    const entryWords = new Set([...keyWords(entry.alias), ...keyWords(entry.address ?? "")]);
    if ([...placeWords].some((word) => entryWords.has(word))) score += 1;
    if (context.postcode && entry.postcode === context.postcode) score += 1;
    scored.set(entry.slug, Math.max(scored.get(entry.slug) ?? 0, score));
  }
  const slugs = [...scored].filter(([, score]) => score >= 2).map(([slug]) => slug).sort();
  return slugs.length > 0 ? { kind: "candidates", slugs } : { kind: "none" };
}
