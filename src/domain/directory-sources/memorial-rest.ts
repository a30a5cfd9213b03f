/**
 * Memorial's WordPress REST `figurant` list page (research §2.1–2.2): everything is decoded from `class_list` slugs.
 * Cards without a usable name are skipped; recognition comes from the list slugs only, never from a category.
 */
import {
  type CandidateRecord,
  type Custody,
  type ParseResult,
  parseSurnameFirstName,
  type Recognition,
  sha256,
  SourceFormatError,
} from "./types.js";

export const MEMORIAL_PARSER_VERSION = "memorial-rest@1";

const PZK_LISTS = new Set([
  "spisok-politzaklyuchyonnyh-bez-presleduemyh-za-religiyu",
  "spisok-politzaklyuchyonnyh-presleduemyh-za-religiyu",
]);
const PERSECUTED_LISTS = new Set(["veroyatnye-zhertvy-ne-voshedshie-v-spiski", "aktualnyj-spisok-presleduemyh-bez-lisheniya-svobody"]);
const CUSTODY = new Set([
  "zaklyuchenie-pod-strazhu",
  "lishenie-svobody",
  "pozhiznennoe-lishenie-svobody",
  "vneproczessualnoe-lishenie-svobody",
  "prinud-lechenie-staczionar",
]);
const NOT_CUSTODY = new Set([
  "prinuditelnye-raboty",
  "domashnij-arest",
  "ogranichenie-svobody",
  "uslovnoe-nakazanie",
  "shtraf",
  "podpiska-o-nevyezde",
  "zapret-opredelennyh-dejstvij",
  "zaochnoe-zaklyuchenie-pod-strazhu",
  "zaochnoe-lishenie-svobody",
  "v-rozyske",
  "net-presledovaniya",
]);
const PRETRIAL_STAGES = new Set(["predvaritelnoe-sledstvie", "sud-pervoj-instanczii", "apellyacziya"]);
const SENTENCED_STAGES = new Set(["reshenie-suda-vstupilo-v-silu", "ispolnenie-nakazaniya"]);

/** Occupied Ukrainian regions and Ukraine as Memorial's region slugs write them. */
export const OCCUPIED_REGION_SLUGS = new Set([
  "krym", "respublika-krym", "sevastopol", "doneczkaya-oblast", "luganskaya-oblast", "zaporozhskaya-oblast", "hersonskaya-oblast", "ukraina",
]);

interface RawCard {
  id: number;
  link: string;
  title: { rendered: string };
  class_list: string[];
  modified_gmt: string;
}

function isCard(value: unknown): value is RawCard {
  if (typeof value !== "object" || value === null) return false;
  const card = value as Record<string, unknown>;
  return (
    typeof card.id === "number" &&
    typeof card.link === "string" &&
    typeof (card.title as { rendered?: unknown } | undefined)?.rendered === "string" &&
    Array.isArray(card.class_list) &&
    typeof card.modified_gmt === "string"
  );
}

function classes(list: readonly string[], prefix: string): string[] {
  return list.filter((item) => item.startsWith(`${prefix}-`)).map((item) => item.slice(prefix.length + 1));
}

export function memorialCustody(classList: readonly string[]): { custody: Custody; stage: "pretrial" | "sentenced" | null } {
  const stages = classes(classList, "stage");
  const lists = classes(classList, "list-persecuted");
  const tags = classes(classList, "tags");
  const repressions = classes(classList, "repression");
  const stage = stages.some((slug) => SENTENCED_STAGES.has(slug)) ? "sentenced" : stages.some((slug) => PRETRIAL_STAGES.has(slug)) ? "pretrial" : null;
  if (stages.includes("smert") || lists.includes("list-of-deceased-victims-of-political-persecution") || tags.includes("umer-v-zaklyuchenii")) {
    return { custody: "deceased", stage: null };
  }
  if (stages.includes("otbyl-nakazanie")) return { custody: "released", stage: null };
  if (repressions.some((slug) => CUSTODY.has(slug))) return { custody: "in_custody", stage };
  if (stages.includes("uslovnoye-nakazanie") || repressions.some((slug) => NOT_CUSTODY.has(slug))) return { custody: "not_in_custody", stage: null };
  return { custody: "unknown", stage: null };
}

export function memorialRecognition(classList: readonly string[]): Recognition {
  const lists = classes(classList, "list-persecuted");
  if (lists.some((slug) => PZK_LISTS.has(slug))) return "political_prisoner";
  if (lists.some((slug) => PERSECUTED_LISTS.has(slug))) return "persecuted";
  return "none";
}

/** `2026-09-15T22:04:40` (UTC without a zone) → ISO with `Z`. */
function gmt(value: string): string {
  return /Z$|[+-]\d\d:\d\d$/.test(value) ? new Date(value).toISOString() : new Date(`${value}Z`).toISOString();
}

export function parseMemorialListPage(payload: unknown, fetchedAt: string): ParseResult<CandidateRecord> {
  if (!Array.isArray(payload)) throw new SourceFormatError("Memorial list page is not a JSON array");
  const result: ParseResult<CandidateRecord> = { records: [], skipped: [] };
  for (const item of payload) {
    if (!isCard(item)) {
      result.skipped.push({ sourceRecordId: null, reason: "malformed-record" });
      continue;
    }
    const name = parseSurnameFirstName(item.title.rendered);
    if (name.anonymous) {
      result.skipped.push({ sourceRecordId: String(item.id), reason: "anonymous" });
      continue;
    }
    const modified = Number.isNaN(Date.parse(`${item.modified_gmt}Z`)) ? null : gmt(item.modified_gmt);
    if (!modified) {
      result.skipped.push({ sourceRecordId: String(item.id), reason: "malformed-record" });
      continue;
    }
    const { custody, stage } = memorialCustody(item.class_list);
    const sex = classes(item.class_list, "sex")[0];
    const region = classes(item.class_list, "regions")[0] ?? null;
    const statusRaw = item.class_list.filter((slug) => /^(stage|repression|list-persecuted)-/.test(slug) || slug === "tags-umer-v-zaklyuchenii").join(" ");
    result.records.push({
      provenance: {
        source: "memorial",
        sourceRecordId: String(item.id),
        sourceUrl: item.link,
        fetchedAt,
        sourceModifiedAt: modified,
        parserVersion: MEMORIAL_PARSER_VERSION,
        rawSha256: sha256(item),
      },
      name,
      gender: sex === "muzhskoj" ? "male" : sex === "zhenskij" ? "female" : null,
      birthYear: null,
      birthDate: null,
      system: region === "belarus" ? "by" : "ru",
      custody,
      stage,
      statusRaw,
      recognition: memorialRecognition(item.class_list),
      statusAsOf: modified.slice(0, 10),
      region,
      institutionRaw: null,
      postalAddress: null,
      postcode: null,
      addressState: "absent",
    });
  }
  return result;
}
