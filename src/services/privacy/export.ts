import type { DB } from "../../db/database.js";
import { recordVisit } from "../../db/repositories/users.js";
import { PERSONAL_DATA_SOURCES } from "./sources.js";

export interface PersonalDataExport {
  /** What the file is, in the reader's language. */
  about: string;
  /** Table → what it holds, in the reader's language, for every table listed below. */
  what_is_what: Record<string, string>;
  telegram_user_id: number;
  exported_at: string;
  retention: { letter_text_days: number; abandoned_draft_days: number };
  /** Table → the person's rows, as stored. `team` tables are listed under `team_records`. */
  data: Record<string, unknown[]>;
  team_records: Record<string, unknown[]>;
}

/** Everything stored about one person, read table by table from PERSONAL_DATA_SOURCES. */
export async function collectPersonalData(
  db: DB,
  userId: number,
  meta: {
    now: Date;
    letterTextRetentionDays: number;
    draftRetentionDays: number;
    /** A `privacy-export-…` text in the reader's language. */
    explain: (key: string) => string;
  },
): Promise<PersonalDataExport> {
  // The file says when the person last wrote to the bot: this request. A visit minutes after another is not written
  // (touchUser), so it is written here, as it was on every update before.
  await recordVisit(db, userId, meta.now);
  const data: Record<string, unknown[]> = {};
  const team: Record<string, unknown[]> = {};
  for (const source of PERSONAL_DATA_SOURCES) {
    const rows = await source.collect(db, userId);
    (source.kind === "personal" ? data : team)[source.table] = rows;
  }
  const whatIsWhat = Object.fromEntries(
    PERSONAL_DATA_SOURCES.map((source) => [source.table, meta.explain(`privacy-export-table-${source.table.replaceAll("_", "-")}`)]),
  );
  return {
    about: meta.explain("privacy-export-about"),
    what_is_what: whatIsWhat,
    telegram_user_id: userId,
    exported_at: meta.now.toISOString(),
    retention: { letter_text_days: meta.letterTextRetentionDays, abandoned_draft_days: meta.draftRetentionDays },
    data,
    team_records: team,
  };
}

/** The export as the file /mydata sends: pretty JSON, named by date. */
export function personalDataFile(exported: PersonalDataExport): { filename: string; bytes: Uint8Array } {
  const json = JSON.stringify(exported, (_key, value: unknown) => (value instanceof Uint8Array ? `<${value.byteLength} bytes>` : value), 2);
  return { filename: `lysty-my-data-${exported.exported_at.slice(0, 10)}.json`, bytes: new TextEncoder().encode(`${json}\n`) };
}
