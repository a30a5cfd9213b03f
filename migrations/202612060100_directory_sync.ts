import type { Kysely } from "kysely";
import { withAutoId } from "./_portable.js";

/**
 * Directory at scale (#11): institution aliases and postcodes from polit-sake; one observation per source record
 * with its provenance; sync runs (cursor for resuming, counts for the summary) and the lock that keeps a second sync
 * from starting; the review queue for disagreements, uncertain matches and people users added themselves.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("institutions").addColumn("postcode", "text").execute();
  await db.schema.alterTable("institutions").addColumn("jurisdiction", "text").execute();

  await db.schema
    .createTable("institution_aliases")
    .addColumn("institution_slug", "text", (c) => c.notNull().references("institutions.slug").onDelete("cascade"))
    .addColumn("alias", "text", (c) => c.notNull())
    .addColumn("match_key", "text", (c) => c.notNull())
    // Where the spelling comes from: `polit-sake@<commit>`, `fsin-pismo@<date>`, `organiser`.
    .addColumn("origin", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("institution_aliases_pk", ["institution_slug", "alias"])
    .execute();
  await db.schema.createIndex("institution_aliases_key_idx").on("institution_aliases").column("match_key").execute();

  await withAutoId(db, db.schema.createTable("directory_observations"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_record_id", "text", (c) => c.notNull())
    .addColumn("prisoner_slug", "text", (c) => c.references("prisoners.slug").onDelete("set null"))
    .addColumn("source_url", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("birth_year", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_raw", "text", (c) => c.notNull())
    .addColumn("recognition", "text", (c) => c.notNull())
    .addColumn("status_as_of", "text", (c) => c.notNull())
    .addColumn("institution_raw", "text")
    .addColumn("institution_slug", "text")
    .addColumn("address_state", "text", (c) => c.notNull())
    .addColumn("facts", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("fetched_at", "text", (c) => c.notNull())
    .addColumn("source_modified_at", "text")
    .addColumn("parser_version", "text", (c) => c.notNull())
    .addColumn("raw_sha256", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("directory_observations_source_uq", ["source", "source_record_id"])
    .execute();
  await db.schema.createIndex("directory_observations_prisoner_idx").on("directory_observations").column("prisoner_slug").execute();

  await withAutoId(db, db.schema.createTable("directory_sync_runs"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("dry_run", "integer", (c) => c.notNull())
    .addColumn("cursor", "text")
    .addColumn("high_water", "text")
    .addColumn("counts", "text", (c) => c.notNull())
    .addColumn("errors", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();

  await db.schema
    .createTable("directory_sync_lock")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("heartbeat_at", "text", (c) => c.notNull())
    .execute();

  await withAutoId(db, db.schema.createTable("directory_reviews"))
    // `status` | `institution` (sources disagree), `identity` (maybe the same person), `suggestion` (from a user).
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("prisoner_slug", "text", (c) => c.references("prisoners.slug").onDelete("cascade"))
    .addColumn("observation_id", "bigint")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    // A user who suggested someone not listed; NULL for sync conflicts.
    .addColumn("submitted_by", "bigint")
    .addColumn("resolved_by", "bigint")
    .addColumn("resolution", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .execute();
  await db.schema.createIndex("directory_reviews_state_idx").on("directory_reviews").columns(["state", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("directory_reviews").execute();
  await db.schema.dropTable("directory_sync_lock").execute();
  await db.schema.dropTable("directory_sync_runs").execute();
  await db.schema.dropTable("directory_observations").execute();
  await db.schema.dropTable("institution_aliases").execute();
  await db.schema.alterTable("institutions").dropColumn("jurisdiction").execute();
  await db.schema.alterTable("institutions").dropColumn("postcode").execute();
}
