import type { Generated } from "kysely";

export interface InstitutionAliasesTable {
  institution_slug: string;
  alias: string;
  match_key: string;
  origin: string;
}

/** One source record as last seen, with its provenance (research §1, §8). Facts only: no biography, no photo. */
export interface DirectoryObservationsTable {
  id: Generated<number>;
  /** `memorial` | `ovd` | `viasna` */
  source: string;
  source_record_id: string;
  /** The card this record is merged into; NULL while it waits for review or is not shown (not recognised). */
  prisoner_slug: string | null;
  source_url: string;
  display_name: string;
  birth_year: number | null;
  /** Lysty's status claimed by the source. */
  status: string;
  /** The source's own words or codes, unchanged. */
  status_raw: string;
  /** `political_prisoner` | `former_political_prisoner` | `persecuted` | `none`: what the source asserts. */
  recognition: string;
  status_as_of: string;
  institution_raw: string | null;
  institution_slug: string | null;
  /** `known` | `in_transit` | `unknown` | `absent` */
  address_state: string;
  /** JSON: the parsed record (names, gender, region, postal address, …). */
  facts: string;
  /** What the sync did with it: `created`, `merged`, `review`, `skipped:<reason>`. */
  outcome: string;
  fetched_at: string;
  source_modified_at: string | null;
  parser_version: string;
  raw_sha256: string;
  updated_at: string;
}

/** An export file an admin sent to the bot, imported and its summary queued (the same file delivered again is not). */
export interface DirectoryUploadsTable {
  /** The admin's private chat and the message carrying the file. */
  chat_id: number;
  message_id: number;
  imported_at: string;
}

/**
 * The run importing an admin's export file, recorded with the run's creation: the message delivered again resumes that
 * run, or is answered with what it stored once it ended, and no other sync resumes it.
 */
export interface DirectoryUploadRunsTable {
  /** The admin's private chat and the message carrying the file. */
  chat_id: number;
  message_id: number;
  run_id: number;
}

export interface DirectorySyncRunsTable {
  id: Generated<number>;
  source: string;
  /** `running` | `finished` | `failed` */
  state: string;
  dry_run: 0 | 1;
  /** JSON: where to resume (Memorial page, batch number). */
  cursor: string | null;
  /** Newest source-modified time seen: the next run stops paging there. */
  high_water: string | null;
  /** JSON `SyncCounts`. */
  counts: string;
  /** JSON array of `{ reason, detail }`. */
  errors: string;
  started_at: string;
  finished_at: string | null;
}

export interface DirectorySyncLockTable {
  name: string;
  /** `host:pid` of the process that holds it. */
  owner: string;
  heartbeat_at: string;
}

export interface DirectoryReviewsTable {
  id: Generated<number>;
  kind: string;
  prisoner_slug: string | null;
  observation_id: number | null;
  /** JSON: the sides to choose from, each with its source and as-of date. */
  payload: string;
  /** `open` | `accepted` | `dismissed` */
  state: string;
  submitted_by: number | null;
  resolved_by: number | null;
  resolution: string | null;
  created_at: string;
  resolved_at: string | null;
  /** A writer's suggestion: their confirmation message whose "Send to organisers" was pressed (private chat), so its press delivered again sends no second review. */
  request_message_id: number | null;
}
