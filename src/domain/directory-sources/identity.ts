/**
 * Identity and card facts from candidate records (pure). Names are compared by a folded key (ё→е, case, punctuation);
 * a merge needs a source id or an agreeing birth year, never the name alone, so namesakes stay apart.
 */
import type { PrisonerRecord, PrisonerStatus } from "../directory/types.js";
import { type CandidateRecord, genderFromPatronymic, SOURCE_ORGANISATION } from "./types.js";

export function foldName(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/ё/g, "е").replace(/[^\p{L}\s-]/gu, "").replace(/\s+/g, " ").trim();
}

/** «surname given»: the lookup key; patronymics are compared after the lookup when both sides have one. */
export function shortNameKey(surname: string, given: string): string {
  return foldName(`${surname} ${given}`);
}

export interface KnownPerson {
  slug: string;
  surname: string;
  given: string;
  patronymic: string | null;
  birthYears: number[];
}

export type IdentityDecision =
  | { kind: "same"; slug: string }
  | { kind: "new" }
  /** Same name, and nothing to tell whether it is the same person: a human decides. */
  | { kind: "ambiguous"; slugs: string[] };

export function decideIdentity(record: CandidateRecord, namesakes: readonly KnownPerson[]): IdentityDecision {
  const patronymic = record.name.patronymic ? foldName(record.name.patronymic) : null;
  const sameName = namesakes.filter((person) => {
    const other = person.patronymic ? foldName(person.patronymic) : null;
    return patronymic === null || other === null || other === patronymic;
  });
  if (sameName.length === 0) return { kind: "new" };
  if (record.birthYear === null) return { kind: "ambiguous", slugs: sameName.map((person) => person.slug) };
  const agreeing = sameName.filter((person) => person.birthYears.includes(record.birthYear as number));
  const unknownYear = sameName.filter((person) => person.birthYears.length === 0);
  if (agreeing.length === 1 && unknownYear.length === 0) return { kind: "same", slug: (agreeing[0] as KnownPerson).slug };
  if (agreeing.length === 0 && unknownYear.length === 0) return { kind: "new" };
  return { kind: "ambiguous", slugs: [...agreeing, ...unknownYear].map((person) => person.slug) };
}

/**
 * The card status a record claims, or null when it claims nothing Lysty can show (unknown; "not in custody" is a
 * claim to check, never applied by itself). In custody without a stage keeps the card's pretrial/sentenced.
 */
export function claimedStatus(record: CandidateRecord, current: PrisonerStatus | null): PrisonerStatus | null {
  switch (record.custody) {
    case "deceased":
      return "deceased";
    case "released":
      return "released";
    case "in_custody":
      return record.stage ?? (current === "pretrial" || current === "sentenced" ? current : "unknown");
    default:
      return null;
  }
}

const TRANSLIT: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n", о: "o",
  п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu",
  я: "ya", і: "i", ў: "u", ї: "yi", є: "ye", ґ: "g",
};

/** Mechanical Latin transliteration (for the Latin name line and slugs); the source's own Latin spelling wins when it has one. */
export function transliterate(text: string): string {
  return [...text]
    .map((char) => {
      const lower = char.toLowerCase();
      const latin = TRANSLIT[lower];
      if (latin === undefined) return char;
      return char === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join("");
}

const SOURCE_LETTER: Record<CandidateRecord["provenance"]["source"], string> = { memorial: "m", ovd: "o", viasna: "v" };

export function importedSlug(record: CandidateRecord): string {
  const base = transliterate(`${record.name.surname}-${record.name.given}`)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 32);
  const id = record.provenance.sourceRecordId.replace(/[^A-Za-z0-9]/g, "").slice(-12).toLowerCase();
  return `${base || "person"}-${SOURCE_LETTER[record.provenance.source]}${id}`;
}

/** A new card from a recognised record: names as the source spells them, facts with the source's date and URL. */
export function prisonerFromCandidate(record: CandidateRecord, institution: string | null): PrisonerRecord | { skip: string } {
  const gender = record.gender ?? genderFromPatronymic(record.name.patronymic);
  if (gender === null) return { skip: "gender-unknown" };
  const status = claimedStatus(record, null) ?? "unknown";
  const free = status === "released" || status === "deceased";
  const name = { surname: record.name.surname, given: record.name.given, patronymic: record.name.patronymic };
  const slug = importedSlug(record);
  const organisation = SOURCE_ORGANISATION[record.provenance.source];
  return {
    slug,
    names: {
      ru: name,
      // The registries publish Cyrillic names only; the card shows their spelling rather than a guessed translation.
      uk: name,
      latin: {
        surname: transliterate(name.surname),
        given: transliterate(name.given),
        patronymic: name.patronymic === null ? null : transliterate(name.patronymic),
      },
    },
    altSpellings: record.name.alternatives,
    gender,
    birthYear: record.birthYear,
    birthYearAlternatives: [],
    birthDate: record.birthDate,
    birthNote: null,
    system: record.system,
    status: {
      value: status,
      asOf: record.statusAsOf,
      sourceUrl: record.provenance.sourceUrl,
      confidence: "confirmed",
      note: `${organisation}: ${record.statusRaw}`.slice(0, 500),
    },
    location: {
      institution: free ? null : institution,
      asOf: free || institution === null ? null : record.statusAsOf,
      sourceUrl: free || institution === null ? null : record.provenance.sourceUrl,
      believedCurrent: !free && institution !== null,
    },
    summary: { uk: "", en: "", ru: "" },
    interests: { tags: [], sourceUrl: null },
    letters: free ? { allowed: false, reason: status === "deceased" ? "deceased" : "released" } : { allowed: true, reason: null },
    hashtag: `#${record.name.surname.replace(/[^\p{L}\p{N}_]/gu, "")}_${slug.split("-").at(-1)}`,
    campaigns: [],
  };
}
