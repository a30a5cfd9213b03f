import { sql } from "kysely";
import type { InstitutionRecord, PrisonerForLetter } from "../../domain/directory/types.js";
import type { DB } from "../database.js";
import { prepared } from "../prepared.js";
import { textOfColumn, wholeText } from "../utf8-text.js";
import type { InstitutionsTable } from "../tables/directory.js";
import type { TextCounts } from "../../domain/letters/text-counts.js";
import { institutionFromRow, type InstitutionRow } from "./institutions.js";
import { endsWithClosing } from "../../domain/letters/draft-edit.js";
import { type DraftTextAndProfile, draftCounts, PROFILE_COLUMNS, profileFromRow } from "./letters.js";
import { PRISONER_FOR_LETTER_COLUMNS, type PrisonerForLetterRow, prisonerForLetterFromRow } from "./prisoners.js";
import { relayRankOf, relayViaOfRank } from "./campaign-chats.js";

/**
 * Everything the letter flow's first step reads about its recipient and writer, in one statement (issue 14: it was
 * nine — the card, its campaigns, the institution, the campaign chats, the desk, the delivery services, the personal
 * address, the draft and the writer's history).
 */
export interface LetterTargetFacts {
  /**
   * The card as `viewer` may see it (a writer's own unchecked card is theirs alone), with its campaigns, without the
   * texts for people reading it (summaries and notes: a fifth of the statement's time, and step 1 shows none).
   */
  prisoner: PrisonerForLetter;
  /** The institution the card names, whether or not it is believed current. */
  institution: InstitutionRecord | undefined;
  /** Organisers take letters for this person now: a working chat of one of their campaigns, or a working desk. */
  organiserRelay: boolean;
  /**
   * Whose organisers take them (`relayRankOf`: the ranking `relayTargetForPrisoner` picks the link by, a working
   * campaign chat before a working desk), null when nobody does: the route step needs no read of its own for it.
   */
  relayVia: "campaign" | "desk" | null;
  /** The deployment has an organisation desk, working or not (the route step and a refusal say when it has none). */
  deskLinked: boolean;
  /** A delivery service is recorded for this person (prisoner_intermediaries). */
  intermediary: boolean;
  /** A registry observed a letter address for this person at the card's institution (`findPersonalAddress` reads it). */
  addressObserved: boolean;
  /**
   * The writer's draft to this person: its running figures (undefined while not counted), its text only while not
   * counted, and (`readLetterTargetFacts` with `closing`) the starter's closing while the text still ends with it.
   */
  draft: { id: number; hasText: boolean; counts: TextCounts | undefined; uncountedText: string | null; closing?: string | undefined } | undefined;
  /** The writer has finished a letter before (to anyone). */
  finishedBefore: boolean;
}

const INSTITUTION_COLUMNS = [
  "slug",
  "system",
  "type",
  "region",
  "city",
  "name",
  "official_name",
  "fsin_pismo",
  "fsin_pismo_region",
  "fsin_pismo_name",
  "zonatelecom",
  "postal_address",
  "postal_address_source_url",
  "postal_address_as_of",
  "source_url",
  "note",
  "postcode",
  "jurisdiction",
  "created_at",
  "updated_at",
] as const satisfies readonly (keyof InstitutionsTable)[];

const PREFIX = "institution__";

type FactsRow = PrisonerForLetterRow & {
  campaign_list: string | null;
  relay_rank: number | null;
  desk_linked: unknown;
  intermediary: unknown;
  address_observed: unknown;
  draft_id: number | null;
  draft_has_text: unknown;
  draft_characters: number | null;
  draft_words: number | null;
  draft_lines: number | null;
  draft_text: string | null;
  finished_before: unknown;
} & Record<string, unknown>;

/**
 * Campaigns come as one `string_agg` (SQLite ≥ 3.44 and Postgres both have it, with ORDER BY), slugs have no commas.
 * Booleans are `exists`: 0/1 on SQLite, true/false on Postgres. The draft's status is a literal: bound, SQLite would
 * prepare the statement again at every run (letters.ts, `DRAFT`).
 */
const factsOf = (db: DB, slug: string, writerId: number) =>
  db
    .selectFrom("prisoners")
    .leftJoin("institutions", "institutions.slug", "prisoners.institution_slug")
    .leftJoin("letters as draft", (join) =>
      join.on("draft.writer_id", "=", writerId).onRef("draft.prisoner_slug", "=", "prisoners.slug").on("draft.status", "=", sql.lit<"draft">("draft")),
    )
    .select(PRISONER_FOR_LETTER_COLUMNS.map((column) => `prisoners.${column}` as const))
    .select((eb) => [
      ...INSTITUTION_COLUMNS.map((column) => eb.ref(`institutions.${column}`).as(`${PREFIX}${column}`)),
      eb
        .selectFrom("prisoner_campaigns")
        .select(sql<string>`string_agg(${sql.ref("prisoner_campaigns.campaign_slug")}, ',' order by ${sql.ref("prisoner_campaigns.campaign_slug")})`.as("list"))
        .whereRef("prisoner_campaigns.prisoner_slug", "=", "prisoners.slug")
        .as("campaign_list"),
      relayRankOf(sql.ref<string>("prisoners.slug")).as("relay_rank"),
      eb.exists(eb.selectFrom("organisation_desk").select("organisation_desk.id").where("organisation_desk.id", "=", 1)).as("desk_linked"),
      eb.exists(eb.selectFrom("prisoner_intermediaries").select("prisoner_intermediaries.service").whereRef("prisoner_intermediaries.prisoner_slug", "=", "prisoners.slug")).as("intermediary"),
      eb
        .exists(
          eb
            .selectFrom("directory_observations")
            .select("directory_observations.id")
            .whereRef("directory_observations.prisoner_slug", "=", "prisoners.slug")
            .whereRef("directory_observations.institution_slug", "=", "prisoners.institution_slug")
            .where("directory_observations.address_state", "=", "known"),
        )
        .as("address_observed"),
      "draft.id as draft_id",
      sql<number>`case when ${sql.ref("draft.text")} is null or ${sql.ref("draft.text")} = '' then 0 else 1 end`.as("draft_has_text"),
      "draft.text_characters as draft_characters",
      "draft.text_words as draft_words",
      "draft.text_lines as draft_lines",
      sql<string | null>`case when ${sql.ref("draft.text_characters")} is null then ${sql.ref("draft.text")} end`.as("draft_text"),
      eb
        .exists(eb.selectFrom("letters as finished").select("finished.id").where("finished.writer_id", "=", writerId).where("finished.finished_at", "is not", null))
        .as("finished_before"),
    ])
    .where("prisoners.slug", "=", slug)
    .where((eb) => eb.or([eb("prisoners.private_to", "is", null), eb("prisoners.private_to", "=", writerId)]));

/** Compiled once (db/prepared.ts). */
const factsQuery = prepared((db: DB, slug: string, writerId: number) => factsOf(db, slug, writerId));

/**
 * The same with the draft's starter closing, and its text only when it has one (to see whether it still ends with
 * it): step 1 taking a draft up again read the draft a second time for it (issue 14). The text of a draft without a
 * closing, most drafts, is not read.
 */
const factsWithClosingQuery = prepared((db: DB, slug: string, writerId: number) =>
  factsOf(db, slug, writerId).select([
    "draft.starter_closing as draft_starter_closing",
    sql<string | null>`case when ${sql.ref("draft.starter_closing")} is not null then ${sql.ref("draft.text")} end`.as("draft_closing_text"),
  ]),
);

/**
 * The same with the draft's whole text and the writer's profile (`PROFILE_COLUMNS`), which "Done: check the letter"
 * reads with the lookup: one statement where it ran two (issue 14).
 */
const factsWithDraftQuery = prepared((db: DB, slug: string, writerId: number) =>
  factsOf(db, slug, writerId)
    .leftJoin("writer_profiles as profile", (join) => join.on("profile.user_id", "=", writerId))
    .select((eb) => [
      wholeText(db, eb.ref("draft.text")).as("draft_whole_text"),
      "profile.user_id as profile_user_id",
      ...PROFILE_COLUMNS.map((column) => `profile.${column}` as const),
    ]),
);

/** `exists` as SQLite (0/1) and Postgres (true/false) return it. */
const truthy = (value: unknown): boolean => value === true || Number(value) === 1;

/**
 * The first step's facts about `slug` as `writerId` may see them; undefined when no such card is visible to them.
 * `closing`: with the draft's starter closing while its text still ends with it (`draft.closing`).
 */
export async function readLetterTargetFacts(db: DB, slug: string, writerId: number, options: { closing?: boolean } = {}): Promise<LetterTargetFacts | undefined> {
  if (!options.closing) {
    const row = (await factsQuery.first(db, slug, writerId)) as FactsRow | undefined;
    return row && factsFromRow(row);
  }
  const row = await factsWithClosingQuery.first(db, slug, writerId);
  if (!row) return undefined;
  const facts = factsFromRow(row as FactsRow);
  const closing = row.draft_starter_closing ?? undefined;
  if (facts.draft) facts.draft.closing = endsWithClosing(row.draft_closing_text, closing) ? closing : undefined;
  return facts;
}

/** The facts with the writer's draft to this person (its whole text, null without one) and their profile. */
export async function readLetterTargetFactsWithDraft(db: DB, slug: string, writerId: number): Promise<(LetterTargetFacts & DraftTextAndProfile) | undefined> {
  const row = await factsWithDraftQuery.first(db, slug, writerId);
  if (!row) return undefined;
  return { ...factsFromRow(row as FactsRow), text: textOfColumn(row.draft_whole_text), profile: row.profile_user_id === null ? undefined : profileFromRow(row) };
}

function factsFromRow(row: FactsRow): LetterTargetFacts {
  const institution: Record<string, unknown> = {};
  for (const column of INSTITUTION_COLUMNS) institution[column] = row[`${PREFIX}${column}`];
  const via = relayViaOfRank(row.relay_rank);
  return {
    prisoner: prisonerForLetterFromRow(row, row.campaign_list ? row.campaign_list.split(",") : []),
    institution: institution.slug === null || institution.slug === undefined ? undefined : institutionFromRow(institution as InstitutionRow),
    organiserRelay: via !== null,
    relayVia: via,
    deskLinked: truthy(row.desk_linked),
    intermediary: truthy(row.intermediary),
    addressObserved: truthy(row.address_observed),
    draft:
      row.draft_id === null
        ? undefined
        : {
            id: row.draft_id,
            hasText: truthy(row.draft_has_text),
            counts: draftCounts({ text_characters: row.draft_characters, text_words: row.draft_words, text_lines: row.draft_lines }),
            uncountedText: row.draft_text,
          },
    finishedBefore: truthy(row.finished_before),
  };
}
