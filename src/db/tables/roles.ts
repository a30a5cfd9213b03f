import type { Generated } from "kysely";

export interface OrganisersTable {
  user_id: number;
  campaign_slug: string;
  granted_by: number;
  granted_at: string;
  revoked_at: string | null;
  revoked_by: number | null;
}

export interface OrganiserInvitesTable {
  /** Random, unguessable; travels in the deep link `?start=org_<token>`. */
  token: string;
  campaign_slug: string;
  created_by: number;
  created_at: string;
  expires_at: string;
  used_by: number | null;
  used_at: string | null;
  /** The admin's `/invite <campaign>` message (in their private chat), so that message delivered again makes no second invite. */
  request_message_id: number | null;
  /** The admin's press of a campaign's button (Telegram's callback query id), so that press delivered again makes no second invite. */
  request_press_id: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number;
  /** e.g. "organiser.invite", "letter.accept", "news.publish", "prisoner.status". */
  action: string;
  /** What was acted on, e.g. "letter:42" or "campaign:crimea". */
  target: string | null;
  /** JSON with ids and codes only: never letter text or names. */
  details: string | null;
  at: string;
  /** The actor's message whose press made this entry (a correction's summary), so that press delivered again is not acted on twice. */
  press_message_id: number | null;
}
