import type { InstitutionRecord, PrisonerForLetter, PrisonerStatus } from "../directory/types.js";
import { isUncheckedSource } from "../directory/suggestion.js";
import { formalRussianName } from "./recipient-name.js";
import type { CustodyStatus, LetterInstitution, LetterRecipient } from "./types.js";

/** The person's own letter address as a registry publishes it, for the facility they are in now. */
export interface PersonalAddress {
  text: string;
  sourceUrl: string;
  asOf: string;
}

/**
 * Maps a directory record (and the institution it points to) onto what the letter domain needs. An institution the
 * directory no longer believes current is left out: a letter to a place the person has probably left is lost, so no
 * address is better than that one. The person's own letter block, when a source gives one for that same facility,
 * goes on the envelope instead of the facility's address (it may name a unit; it is what the registry tells writers).
 */
export function recipientFromPrisoner(
  prisoner: PrisonerForLetter,
  institution: InstitutionRecord | undefined,
  personal?: PersonalAddress,
): LetterRecipient {
  const name = prisoner.names.ru;
  const recipient: LetterRecipient = {
    fullNameRu: formalRussianName({
      surnameRu: name.surname,
      givenNameRu: name.given,
      patronymicRu: name.patronymic ?? undefined,
    }),
    surnameRu: name.surname,
    givenNameRu: name.given,
    gender: prisoner.gender,
    system: prisoner.system,
    status: custodyStatus(prisoner.status.value),
    interests: prisoner.interests.tags,
    acceptsLetters: prisoner.letters.allowed,
  };
  if (name.patronymic) recipient.patronymicRu = name.patronymic;
  if (prisoner.birthYear !== null) recipient.birthYear = prisoner.birthYear;
  if (isUncheckedSource(prisoner.status.sourceUrl)) recipient.unchecked = true;
  const location = prisoner.location;
  if (institution && location.believedCurrent && location.institution === institution.slug) {
    recipient.institution = letterInstitution(institution);
    if (personal && personal.text.trim() !== "") {
      recipient.institution.postalAddress = personal.text;
      recipient.institution.postalAddressSource = { url: personal.sourceUrl, asOf: personal.asOf };
    }
  }
  return recipient;
}

function custodyStatus(status: PrisonerStatus): CustodyStatus {
  switch (status) {
    case "pretrial":
    case "sentenced":
    case "unknown":
      return status;
    case "released":
    case "exchanged":
    case "deceased":
      return "not-in-custody";
  }
}

function letterInstitution(record: InstitutionRecord): LetterInstitution {
  const institution: LetterInstitution = { fsinPismo: record.fsinPismo.available === true };
  if (record.fsinPismo.region) institution.fsinRegion = record.fsinPismo.region;
  if (record.fsinPismo.name) institution.fsinName = record.fsinPismo.name;
  if (record.postalAddress) institution.postalAddress = record.postalAddress.text;
  return institution;
}
