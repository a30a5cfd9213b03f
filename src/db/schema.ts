import type { Insertable, Selectable, Updateable } from "kysely";
import type { ConversationStateTable, UsersTable } from "./tables/core.js";
import type { RateLimitWindowsTable, SeenUpdatesTable } from "./tables/coordination.js";
import type {
  CampaignsTable,
  InstitutionsTable,
  PrisonerCampaignsTable,
  PrisonerHistoryTable,
  PrisonersTable,
} from "./tables/directory.js";
import type {
  DirectoryObservationsTable,
  DirectoryReviewsTable,
  DirectorySyncLockTable,
  DirectorySyncRunsTable,
  DirectoryUploadsTable, DirectoryUploadRunsTable,
  InstitutionAliasesTable,
} from "./tables/directory-sync.js";
import type { LettersTable, WriterProfilesTable } from "./tables/letters.js";
import type {
  NewsChannelOffersTable,
  NewsDigestItemsTable,
  NewsFollowsTable,
  NewsMutesTable,
  NewsPostsTable,
  NewsPreferencesTable,
  NewsRemindersTable,
  NewsScheduledSendsTable,
} from "./tables/news.js";
import type { OutboxAttachmentsTable, OutboxTable } from "./tables/outbox.js";
import type { CampaignChatsTable, PrintBatchesTable, RelayedLettersTable } from "./tables/organisers.js";
import type { ForgetRequestsTable } from "./tables/privacy.js";
import type { LetterRepliesTable, LetterTranslationsTable, OrganisationDeskTable, PrisonerIntermediariesTable } from "./tables/routes.js";
import type { AuditLogTable, OrganiserInvitesTable, OrganisersTable } from "./tables/roles.js";

/** Every table of Lysty. Each area declares its tables in `tables/<area>.ts`; this is where they meet. */
export interface Database {
  users: UsersTable;
  conversation_state: ConversationStateTable;
  institutions: InstitutionsTable;
  campaigns: CampaignsTable;
  prisoners: PrisonersTable;
  prisoner_campaigns: PrisonerCampaignsTable;
  prisoner_history: PrisonerHistoryTable;
  organisers: OrganisersTable;
  organiser_invites: OrganiserInvitesTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  outbox_attachments: OutboxAttachmentsTable;
  letters: LettersTable;
  writer_profiles: WriterProfilesTable;
  campaign_chats: CampaignChatsTable;
  relayed_letters: RelayedLettersTable;
  print_batches: PrintBatchesTable;
  news_follows: NewsFollowsTable;
  news_mutes: NewsMutesTable;
  news_preferences: NewsPreferencesTable;
  news_posts: NewsPostsTable;
  news_digest_items: NewsDigestItemsTable;
  news_channel_offers: NewsChannelOffersTable;
  news_reminders: NewsRemindersTable;
  news_scheduled_sends: NewsScheduledSendsTable;
  forget_requests: ForgetRequestsTable;
  institution_aliases: InstitutionAliasesTable;
  directory_observations: DirectoryObservationsTable;
  directory_sync_runs: DirectorySyncRunsTable;
  directory_sync_lock: DirectorySyncLockTable;
  directory_reviews: DirectoryReviewsTable;
  directory_uploads: DirectoryUploadsTable;
  directory_upload_runs: DirectoryUploadRunsTable;
  organisation_desk: OrganisationDeskTable;
  prisoner_intermediaries: PrisonerIntermediariesTable;
  letter_replies: LetterRepliesTable;
  letter_translations: LetterTranslationsTable;
  seen_updates: SeenUpdatesTable;
  rate_limit_windows: RateLimitWindowsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
