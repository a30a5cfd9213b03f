import type { DB } from "../../db/database.js";
import { findPersonalAddress } from "../../db/repositories/directory-sync.js";
import type { InstitutionRecord, PrisonerForLetter } from "../../domain/directory/types.js";
import { recipientFromPrisoner } from "../../domain/letters/recipient.js";
import type { LetterRecipient } from "../../domain/letters/types.js";

/**
 * The letter's recipient as the packets need it, with the person's own letter address when a registry gives one for
 * the facility they are in now (Memorial's person page, Viasna's export), else the facility's address.
 */
export async function letterRecipient(
  db: DB,
  prisoner: PrisonerForLetter,
  institution: InstitutionRecord | undefined,
  /** `addressObserved: false`: the caller knows no registry observed an address there, so none is looked for. */
  known: { addressObserved?: boolean } = {},
): Promise<LetterRecipient> {
  const current = institution && prisoner.location.believedCurrent && prisoner.location.institution === institution.slug ? institution : undefined;
  const personal = current && known.addressObserved !== false ? await findPersonalAddress(db, prisoner.slug, current.slug) : undefined;
  return recipientFromPrisoner(prisoner, institution, personal);
}
