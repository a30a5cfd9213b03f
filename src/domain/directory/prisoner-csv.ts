/**
 * Prisoners as one CSV row each, for organisers who keep their lists in spreadsheets (e.g. 200+ Crimean political
 * prisoners). Institutions and campaigns are referred to by slug and must already be in the database or the seed.
 * Lists (spellings, years, interests, campaigns) are separated by `|`; empty cells mean null or an empty list.
 */
import { parseCsv, toCsv } from "./csv.js";
import type { DirectoryDocument, PrisonerRecord } from "./types.js";
import { DirectoryDataError, type KnownSlugs, parseDirectoryFile } from "./validate.js";

export const PRISONER_CSV_COLUMNS = [
  "slug",
  "surname_ru",
  "given_ru",
  "patronymic_ru",
  "surname_uk",
  "given_uk",
  "patronymic_uk",
  "surname_latin",
  "given_latin",
  "patronymic_latin",
  "alt_spellings",
  "gender",
  "birth_year",
  "birth_year_alternatives",
  "birth_date",
  "birth_note",
  "system",
  "status",
  "status_as_of",
  "status_source_url",
  "status_confidence",
  "status_note",
  "institution",
  "institution_as_of",
  "institution_source_url",
  "institution_believed_current",
  "summary_uk",
  "summary_en",
  "summary_ru",
  "interests",
  "interests_source_url",
  "letters_allowed",
  "no_letters_reason",
  "hashtag",
  "campaigns",
] as const;

type Column = (typeof PRISONER_CSV_COLUMNS)[number];
type Row = Record<Column, string>;

const LIST_SEPARATOR = "|";

/**
 * Reads the CSV into the JSON shape of a directory file (`{version: 1, prisoners: [...]}`); the caller validates it
 * with the same schema as the seed, so CSV and JSON imports obey the same rules. `lineOfRecord` maps a record index
 * back to its spreadsheet line for error messages.
 */
export function prisonersCsvToFileInput(text: string, source: string): { version: 1; prisoners: unknown[] } {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    throw new DirectoryDataError(source, [(error as Error).message]);
  }
  const [header, ...body] = rows;
  if (!header) throw new DirectoryDataError(source, ["the file is empty: the first line must name the columns"]);
  const names = header.map((cell) => cell.trim());
  const missing = PRISONER_CSV_COLUMNS.filter((column) => !names.includes(column));
  const unknown = names.filter((column) => !(PRISONER_CSV_COLUMNS as readonly string[]).includes(column));
  if (missing.length > 0 || unknown.length > 0) {
    const problems = [
      ...(missing.length > 0 ? [`missing columns: ${missing.join(", ")}`] : []),
      ...(unknown.length > 0 ? [`unknown columns: ${unknown.join(", ")}`] : []),
    ];
    throw new DirectoryDataError(source, problems);
  }
  const prisoners = body.map((cells, index) => {
    if (cells.length !== names.length) {
      throw new DirectoryDataError(source, [
        `line ${lineOfRecord(index)}: ${cells.length} cells but the header has ${names.length} columns`,
      ]);
    }
    const row = Object.fromEntries(names.map((column, position) => [column, cells[position] ?? ""])) as Row;
    return rowToRecord(row);
  });
  return { version: 1, prisoners };
}

/** Reads and validates a prisoners CSV; problems name the spreadsheet line instead of the record index. */
export function parsePrisonersCsv(text: string, source: string, known?: KnownSlugs): DirectoryDocument {
  const input = prisonersCsvToFileInput(text, source);
  try {
    return parseDirectoryFile(input, source, known);
  } catch (error) {
    if (!(error instanceof DirectoryDataError)) throw error;
    const problems = error.problems.map((problem) =>
      problem.replace(/prisoners\[(\d+)\]/g, (_match, index: string) => `line ${lineOfRecord(Number(index))}`),
    );
    throw new DirectoryDataError(source, problems);
  }
}

/** Spreadsheet line of the n-th record: line 1 is the header. Multi-line cells are rare in these lists. */
export function lineOfRecord(index: number): number {
  return index + 2;
}

function rowToRecord(row: Row): unknown {
  return {
    slug: row.slug.trim(),
    names: {
      ru: { surname: row.surname_ru, given: row.given_ru, patronymic: optional(row.patronymic_ru) },
      uk: { surname: row.surname_uk, given: row.given_uk, patronymic: optional(row.patronymic_uk) },
      latin: { surname: row.surname_latin, given: row.given_latin, patronymic: optional(row.patronymic_latin) },
    },
    altSpellings: list(row.alt_spellings),
    gender: row.gender.trim(),
    birthYear: optionalNumber(row.birth_year),
    birthYearAlternatives: list(row.birth_year_alternatives).map(toNumberOrText),
    birthDate: optional(row.birth_date),
    birthNote: optional(row.birth_note),
    system: row.system.trim(),
    status: {
      value: row.status.trim(),
      asOf: row.status_as_of.trim(),
      sourceUrl: row.status_source_url.trim(),
      confidence: row.status_confidence.trim(),
      note: optional(row.status_note),
    },
    location: {
      institution: optional(row.institution),
      asOf: optional(row.institution_as_of),
      sourceUrl: optional(row.institution_source_url),
      // Empty means "not confirmed as current": a route is offered only when an organiser says it is current.
      believedCurrent: row.institution_believed_current.trim() === "" ? false : toBoolean(row.institution_believed_current),
    },
    summary: { uk: row.summary_uk, en: row.summary_en, ru: row.summary_ru },
    interests: { tags: list(row.interests), sourceUrl: optional(row.interests_source_url) },
    letters: { allowed: toBoolean(row.letters_allowed), reason: optional(row.no_letters_reason) },
    hashtag: row.hashtag.trim(),
    campaigns: list(row.campaigns),
  };
}

function optional(cell: string): string | null {
  const value = cell.trim();
  return value === "" ? null : value;
}

function list(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Leaves text that is not a number as it is, so the schema reports "must be a year" with the row. */
function toNumberOrText(cell: string): number | string {
  return /^\d+$/.test(cell.trim()) ? Number(cell.trim()) : cell;
}

function optionalNumber(cell: string): number | string | null {
  return cell.trim() === "" ? null : toNumberOrText(cell);
}

function toBoolean(cell: string): boolean | string {
  const value = cell.trim().toLowerCase();
  if (["1", "true", "yes"].includes(value)) return true;
  if (["0", "false", "no"].includes(value)) return false;
  return cell;
}

export function prisonersToCsv(records: readonly PrisonerRecord[]): string {
  const rows = records.map((record): string[] => {
    const row: Row = {
      slug: record.slug,
      surname_ru: record.names.ru.surname,
      given_ru: record.names.ru.given,
      patronymic_ru: record.names.ru.patronymic ?? "",
      surname_uk: record.names.uk.surname,
      given_uk: record.names.uk.given,
      patronymic_uk: record.names.uk.patronymic ?? "",
      surname_latin: record.names.latin.surname,
      given_latin: record.names.latin.given,
      patronymic_latin: record.names.latin.patronymic ?? "",
      alt_spellings: record.altSpellings.join(LIST_SEPARATOR),
      gender: record.gender,
      birth_year: record.birthYear?.toString() ?? "",
      birth_year_alternatives: record.birthYearAlternatives.join(LIST_SEPARATOR),
      birth_date: record.birthDate ?? "",
      birth_note: record.birthNote ?? "",
      system: record.system,
      status: record.status.value,
      status_as_of: record.status.asOf,
      status_source_url: record.status.sourceUrl,
      status_confidence: record.status.confidence,
      status_note: record.status.note ?? "",
      institution: record.location.institution ?? "",
      institution_as_of: record.location.asOf ?? "",
      institution_source_url: record.location.sourceUrl ?? "",
      institution_believed_current: record.location.believedCurrent ? "1" : "0",
      summary_uk: record.summary.uk,
      summary_en: record.summary.en,
      summary_ru: record.summary.ru,
      interests: record.interests.tags.join(LIST_SEPARATOR),
      interests_source_url: record.interests.sourceUrl ?? "",
      letters_allowed: record.letters.allowed ? "1" : "0",
      no_letters_reason: record.letters.reason ?? "",
      hashtag: record.hashtag,
      campaigns: [...record.campaigns].sort().join(LIST_SEPARATOR),
    };
    return PRISONER_CSV_COLUMNS.map((column) => row[column]);
  });
  const sorted = rows.sort((a, b) => ((a[0] ?? "") < (b[0] ?? "") ? -1 : 1));
  return toCsv([[...PRISONER_CSV_COLUMNS], ...sorted]);
}
