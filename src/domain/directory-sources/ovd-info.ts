/**
 * OVD-Info's flat `/v1/data` (research §3): one row per persecution, grouped here into one record per `person_id`.
 * OVD-Info documents persecution and designates nobody: its records carry recognition `none` and only cross-check
 * or fill in cards that exist. Stories are never kept.
 */
import {
  type CandidateRecord,
  genderFromPatronymic,
  type ParseResult,
  parseSurnameFirstName,
  sha256,
  SourceFormatError,
} from "./types.js";

export const OVD_PARSER_VERSION = "ovd-data@1";

interface OvdRow {
  person_id: string;
  name_ru: string;
  birth_year?: number | null;
  gender?: string | null;
  persecution_imprisoned?: boolean | null;
  persecution_ended_year?: number | null;
  verdict_imprisonment_term?: number | null;
  detention_center_ru?: string[] | null;
  restraint_measure_location_ru?: string | null;
  penal_facility_ru?: string[] | null;
  imprisonment_location_ru?: string | null;
  persecution_city_ru?: string[] | null;
}

/** Accepts `{ total, data }` or a bare array (other endpoints' envelope is not documented). */
export function ovdEnvelope(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload;
  if (typeof payload === "object" && payload !== null && Array.isArray((payload as { data?: unknown }).data)) {
    return (payload as { data: unknown[] }).data;
  }
  throw new SourceFormatError("OVD-Info answer is neither {total, data} nor an array");
}

function isRow(value: unknown): value is OvdRow {
  const row = value as Record<string, unknown> | null;
  return typeof row === "object" && row !== null && typeof row.person_id === "string" && row.person_id !== "" && typeof row.name_ru === "string";
}

const clean = (value: string | null | undefined): string | null => {
  const text = (value ?? "").replace(/"/g, "").replace(/[\u00A0\r\n]/g, " ").replace(/\s+/g, " ").trim();
  return text === "" ? null : text;
};

/** Lysty's rule: current place = imprisonment location, last penal facility, restraint location, last SIZO. */
function currentFacility(row: OvdRow): string | null {
  return (
    clean(row.imprisonment_location_ru) ??
    clean(row.penal_facility_ru?.at(-1)) ??
    clean(row.restraint_measure_location_ru) ??
    clean(row.detention_center_ru?.at(-1))
  );
}

export function parseOvdData(payload: unknown, fetchedAt: string, sourceUrlFor: (personId: string) => string): ParseResult<CandidateRecord> {
  const rows = ovdEnvelope(payload);
  const result: ParseResult<CandidateRecord> = { records: [], skipped: [] };
  const byPerson = new Map<string, OvdRow[]>();
  for (const row of rows) {
    if (!isRow(row)) {
      result.skipped.push({ sourceRecordId: null, reason: "malformed-record" });
      continue;
    }
    byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row]);
  }
  for (const [personId, personRows] of byPerson) {
    const first = personRows[0] as OvdRow;
    const name = parseSurnameFirstName(first.name_ru);
    if (name.anonymous) {
      result.skipped.push({ sourceRecordId: personId, reason: "anonymous" });
      continue;
    }
    const current = personRows.find((row) => row.persecution_imprisoned === true);
    const released = !current && personRows.some((row) => (row.verdict_imprisonment_term ?? 0) > 0 && row.persecution_ended_year);
    const gender = first.gender === "male" || first.gender === "female" ? first.gender : genderFromPatronymic(name.patronymic);
    result.records.push({
      provenance: {
        source: "ovd",
        sourceRecordId: personId,
        sourceUrl: sourceUrlFor(personId),
        fetchedAt,
        sourceModifiedAt: null,
        parserVersion: OVD_PARSER_VERSION,
        rawSha256: sha256(personRows),
      },
      name,
      gender,
      birthYear: typeof first.birth_year === "number" ? first.birth_year : null,
      birthDate: null,
      system: "ru",
      custody: current ? "in_custody" : released ? "released" : "not_in_custody",
      stage: null,
      statusRaw: personRows.map((row) => `persecution_imprisoned=${String(row.persecution_imprisoned ?? null)}`).join(" "),
      recognition: "none",
      statusAsOf: fetchedAt.slice(0, 10),
      region: clean(first.persecution_city_ru?.[0]),
      institutionRaw: current ? currentFacility(current) : null,
      postalAddress: null,
      postcode: null,
      addressState: "absent",
    });
  }
  return result;
}

export interface OvdLocation {
  id: string;
  name: string;
  address: string | null;
  type: string | null;
}

export function parseOvdLocations(payload: unknown): ParseResult<OvdLocation> {
  const result: ParseResult<OvdLocation> = { records: [], skipped: [] };
  for (const item of ovdEnvelope(payload)) {
    const location = item as { id?: unknown; attributes?: { name?: unknown; address?: unknown; type?: unknown } } | null;
    const name = typeof location?.attributes?.name === "string" ? clean(location.attributes.name) : null;
    if (typeof location?.id !== "string" || !name) {
      result.skipped.push({ sourceRecordId: typeof location?.id === "string" ? location.id : null, reason: "malformed-record" });
      continue;
    }
    const address = typeof location.attributes?.address === "string" ? clean(location.attributes.address) : null;
    const type = typeof location.attributes?.type === "string" ? location.attributes.type : null;
    result.records.push({ id: location.id, name, address, type });
  }
  return result;
}
