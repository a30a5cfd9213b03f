/**
 * Viasna's CSV export of Belarusian political prisoners (research §4): the machine header (23 English keys) or the
 * localized ru/be/en headers. Only `active` is a current political prisoner; `np` is never one. Photos, descriptions,
 * judges and lawyers are not read.
 */
import { parseCsv } from "../directory/csv.js";
import { type CandidateRecord, type Custody, type ParseResult, parseGivenFirstName, type Recognition, sha256, SourceFormatError } from "./types.js";

export const VIASNA_PARSER_VERSION = "viasna-csv@1";

const HEADER_ALIASES: Record<string, string[]> = {
  id: ["id"],
  url: ["url"],
  name: ["name", "имя и фамилия", "імя і прозвішча", "name and surname"],
  status: ["status", "статус"],
  gender: ["gender", "пол"],
  birthday: ["birthday", "дата рождения", "дата нараджэння", "date of birth"],
  prison: ["prison", "место заключения", "месца зняволення"],
  verdict_date: ["verdict_date", "дата приговора", "дата прысуду", "date of verdict"],
  release_date: ["release_date"],
  died: ["died"],
};

const MONTHS_RU = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

function headerMap(header: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((cell, index) => {
    const normal = cell.replace(/\s+/g, " ").trim().toLowerCase().replace(/’/g, "'");
    for (const [key, aliases] of Object.entries(HEADER_ALIASES)) if (aliases.includes(normal) && !map.has(key)) map.set(key, index);
  });
  return map;
}

/** ISO-like dates as given, or Russian free text («2 января 1980», «июль 1991», «2026»); «неизвестно» → null. */
export function viasnaDate(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/u.test(text)) return text;
  const match = /^(?:(\d{1,2})\s+)?(\p{L}+)\s+(\d{4})$/u.exec(text);
  if (!match) return null;
  const month = MONTHS_RU.findIndex((stem) => (match[2] as string).startsWith(stem) && (stem !== "ма" || /^ма[йя]$/u.test(match[2] as string))) + 1;
  if (month === 0) return null;
  const yearMonth = `${match[3]}-${String(month).padStart(2, "0")}`;
  return match[1] ? `${yearMonth}-${String(match[1]).padStart(2, "0")}` : yearMonth;
}

function recognitionOf(status: string): Recognition {
  const text = status.trim().toLowerCase();
  if (text === "active" || /^(политзаключ[её]нный|палітвязень|political prisoner)$/u.test(text.split("\n")[0] ?? "")) return "political_prisoner";
  if (text === "former" || /бывший|былы|former/u.test(text)) return "former_political_prisoner";
  if (text === "np") return "persecuted";
  return "none";
}

const RELEASED = /освобожд[её]н|вызвален|released/iu;
const AT_LIBERTY = /на свободе до начала/iu;

function prisonOf(raw: string): { facility: string | null; address: string | null } {
  const text = raw.trim();
  if (text === "" || RELEASED.test(text) || AT_LIBERTY.test(text) || /^неизвестно$/iu.test(text)) return { facility: null, address: null };
  const lines = text.includes("\n") ? text.split("\n") : text.split(";");
  const parts = lines.map((line) => line.trim().replace(/;$/u, "").trim()).filter(Boolean);
  return { facility: parts[0] ?? null, address: parts.length > 1 ? parts.slice(1).join(", ") : null };
}

export function parseViasnaCsv(text: string, context: { exportDate: string; fetchedAt: string }): ParseResult<CandidateRecord> {
  const rows = parseCsv(text);
  const header = headerMap(rows[0] ?? []);
  if (!header.has("name") || !header.has("status")) throw new SourceFormatError("Viasna export without name and status columns");
  const width = (rows[0] ?? []).length;
  const result: ParseResult<CandidateRecord> = { records: [], skipped: [] };
  for (const row of rows.slice(1)) {
    const cell = (key: string) => (header.has(key) ? (row[header.get(key) as number] ?? "") : "").trim();
    const id = cell("id") || null;
    if (row.length !== width) {
      result.skipped.push({ sourceRecordId: id, reason: "wrong-column-count" });
      continue;
    }
    const name = parseGivenFirstName(cell("name"));
    if (name.anonymous) {
      result.skipped.push({ sourceRecordId: id, reason: "anonymous" });
      continue;
    }
    const url = cell("url");
    if (url !== "" && !/^https:\/\/prisoners\.spring96\.org\/.+\/person\//u.test(url)) {
      result.skipped.push({ sourceRecordId: id, reason: "foreign-url" });
      continue;
    }
    const birth = viasnaDate(cell("birthday"));
    const prison = prisonOf(cell("prison"));
    const release = viasnaDate(cell("release_date"));
    let custody: Custody = "unknown";
    if (cell("died") !== "") custody = "deceased";
    else if (RELEASED.test(cell("prison")) || (release !== null && release <= context.exportDate)) custody = "released";
    else if (AT_LIBERTY.test(cell("prison"))) custody = "not_in_custody";
    else if (prison.facility) custody = "in_custody";
    const gender = /^(male|мужской|мужчына)$/iu.test(cell("gender")) ? "male" : /^(female|женский|жанчына)$/iu.test(cell("gender")) ? "female" : null;
    const birthYear = birth ? Number(birth.slice(0, 4)) : null;
    result.records.push({
      provenance: {
        source: "viasna",
        // Localized exports have no id: identity falls back to the name and birth date (and review).
        sourceRecordId: id ?? `name:${name.display}|${birth ?? "?"}`,
        sourceUrl: url || "https://prisoners.spring96.org/ru/list",
        fetchedAt: context.fetchedAt,
        sourceModifiedAt: null,
        parserVersion: VIASNA_PARSER_VERSION,
        rawSha256: sha256(row),
      },
      name,
      gender,
      birthYear,
      birthDate: birth && birth.length === 10 ? birth : null,
      system: "by",
      custody,
      stage: custody === "in_custody" ? (cell("verdict_date") !== "" ? "sentenced" : "pretrial") : null,
      statusRaw: [cell("status"), cell("died") ? `died=${cell("died")}` : ""].filter(Boolean).join(" ").replace(/\s+/g, " "),
      recognition: recognitionOf(cell("status")),
      statusAsOf: context.exportDate,
      region: null,
      institutionRaw: prison.facility,
      postalAddress: prison.facility && prison.address ? `${prison.facility}\n${prison.address}` : null,
      postcode: /(?<!\d)(\d{6})(?!\d)/u.exec(prison.address ?? "")?.[1] ?? null,
      addressState: prison.address ? "known" : prison.facility ? "unknown" : "absent",
    });
  }
  return result;
}
