/**
 * Memorial's list download (`/list-persecuted/<list>/?download`, research §2.4): `;`-separated, line 1 a header whose
 * text was never recorded (skipped unread), then `name;https://memopzk.org/?p=<id>`. The file name carries the row
 * count and the as-of date: `list_<rows>_<dd-mm-yyyy>.csv`.
 */
import { parseCsv } from "../directory/csv.js";
import type { ParseResult } from "./types.js";

export interface ListEntry {
  name: string;
  postId: string;
}

export function listFileFacts(fileName: string): { rows: number; asOf: string } | null {
  const match = /list_(\d+)_(\d{2})-(\d{2})-(\d{4})\.csv$/u.exec(fileName);
  return match ? { rows: Number(match[1]), asOf: `${match[4]}-${match[3]}-${match[2]}` } : null;
}

export function parseMemorialListCsv(text: string): ParseResult<ListEntry> {
  const rows = parseCsv(text, { delimiter: ";" }).slice(1);
  const result: ParseResult<ListEntry> = { records: [], skipped: [] };
  for (const row of rows) {
    const postId = /[?&]p=(\d+)/u.exec(row[1] ?? "")?.[1];
    const name = (row[0] ?? "").trim();
    if (!postId || name === "" || row.length !== 2) result.skipped.push({ sourceRecordId: postId ?? null, reason: "malformed-row" });
    else result.records.push({ name, postId });
  }
  return result;
}
