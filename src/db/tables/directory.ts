import type { Generated } from "kysely";

/** Dates from sources are kept as precise as the source gave them: «2026», «2026-02» or «2026-02-16». */
type PartialDateText = string;

export interface InstitutionsTable {
  slug: string;
  /** `ru` | `by` */
  system: string;
  /** `sizo` | `colony` | `prison` | `hospital` | `settlement` | `other` */
  type: string;
  region: string;
  city: string | null;
  name: string;
  official_name: string | null;
  /** 1 served by FSIN-pismo, 0 not served, NULL not checked. */
  fsin_pismo: 0 | 1 | null;
  fsin_pismo_region: string | null;
  fsin_pismo_name: string | null;
  zonatelecom: 0 | 1 | null;
  postal_address: string | null;
  postal_address_source_url: string | null;
  postal_address_as_of: PartialDateText | null;
  source_url: string;
  note: string | null;
  /** Six digits, from polit-sake (#11); NULL for institutions only the hand-written seed knows. */
  postcode: string | null;
  jurisdiction: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignsTable {
  slug: string;
  name_uk: string;
  name_en: string;
  name_ru: string;
  description_uk: string;
  description_en: string;
  description_ru: string;
  source_url: string;
  started_on: PartialDateText | null;
  ended_on: PartialDateText | null;
  /** Organisers' chat for relayed letters, set at run time (never by data files or imports). */
  relay_chat_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface PrisonersTable {
  slug: string;
  surname_ru: string;
  given_name_ru: string;
  patronymic_ru: string | null;
  surname_uk: string;
  given_name_uk: string;
  patronymic_uk: string | null;
  surname_latin: string;
  given_name_latin: string;
  patronymic_latin: string | null;
  /** JSON array of strings. */
  alt_spellings: Generated<string>;
  gender: string;
  birth_year: number | null;
  /** JSON array of years. */
  birth_year_alternatives: Generated<string>;
  birth_date: string | null;
  birth_note: string | null;
  system: string;
  status: string;
  status_as_of: PartialDateText;
  status_source_url: string;
  status_confidence: string;
  status_note: string | null;
  institution_slug: string | null;
  institution_as_of: PartialDateText | null;
  institution_source_url: string | null;
  institution_believed_current: Generated<0 | 1>;
  summary_uk: string;
  summary_en: string;
  summary_ru: string;
  /** JSON array of interest tags. */
  interests: Generated<string>;
  interests_source_url: string | null;
  letters_allowed: 0 | 1;
  no_letters_reason: string | null;
  hashtag: string;
  /** The writer who gave these details, while no organiser has added the person: nobody else sees the card. */
  private_to: number | null;
  created_at: string;
  updated_at: string;
}

export interface PrisonerCampaignsTable {
  prisoner_slug: string;
  campaign_slug: string;
}

export interface PrisonerHistoryTable {
  id: Generated<number>;
  prisoner_slug: string;
  /** `status` | `institution` */
  field: string;
  old_value: string | null;
  new_value: string | null;
  as_of: PartialDateText | null;
  source_url: string;
  /** Telegram id of the organiser who made the change; NULL for imports and the shipped seed. */
  changed_by: number | null;
  changed_at: string;
}
