/**
 * FSIN-pismo's region/institution list (`/client/rest/static/regions`, research §7.5): regions with the departments
 * connected to the e-letter service. Only `name` keys are known; anything else is ignored.
 */
import { type ParseResult, SourceFormatError } from "./types.js";

export interface FsinPismoDepartment {
  region: string;
  department: string;
}

export function parseFsinPismoRegions(payload: unknown): ParseResult<FsinPismoDepartment> {
  if (!Array.isArray(payload)) throw new SourceFormatError("FSIN-pismo regions answer is not a JSON array");
  const result: ParseResult<FsinPismoDepartment> = { records: [], skipped: [] };
  for (const region of payload as unknown[]) {
    const name = typeof (region as { name?: unknown })?.name === "string" ? ((region as { name: string }).name.trim()) : "";
    const departments = (region as { departments?: unknown })?.departments;
    if (name === "" || !Array.isArray(departments)) {
      result.skipped.push({ sourceRecordId: null, reason: "malformed-region" });
      continue;
    }
    for (const department of departments as unknown[]) {
      const label = typeof (department as { name?: unknown })?.name === "string" ? (department as { name: string }).name.trim() : "";
      if (label === "") result.skipped.push({ sourceRecordId: null, reason: "empty-department" });
      else result.records.push({ region: name, department: label });
    }
  }
  return result;
}
