import type { DB } from "../../db/database.js";
import { PERSONAL_DATA_SOURCES } from "./sources.js";

export interface PersonalDataExport {
  about: string;
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
  meta: { now: Date; letterTextRetentionDays: number; draftRetentionDays: number },
): Promise<PersonalDataExport> {
  const data: Record<string, unknown[]> = {};
  const team: Record<string, unknown[]> = {};
  for (const source of PERSONAL_DATA_SOURCES) {
    const rows = await source.collect(db, userId);
    (source.kind === "personal" ? data : team)[source.table] = rows;
  }
  return {
    about:
      "Everything Lysty stores about this Telegram account, table by table, as stored. `team_records` are actions " +
      "taken as an organiser or admin on shared data; they stay after /forget as the campaign's accountability log.",
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
