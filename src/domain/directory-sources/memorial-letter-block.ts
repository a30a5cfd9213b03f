/**
 * The «Написать письмо» block of a Memorial person page (research §2.5.1): the postal address as Memorial publishes
 * it, the institution named in it, the addressee in the dative (kept verbatim, never re-inflected) and the birth year.
 */
import type { AddressState } from "./types.js";

export interface LetterBlock {
  channelHint: "fsin-pismo-or-post" | "crimean-solidarity" | null;
  /** The page of a service the block says takes letters for this person (Crimean Solidarity's), verbatim. */
  serviceUrl: string | null;
  postcode: string | null;
  institution: string | null;
  addresseeDative: string | null;
  birthYear: number | null;
  addressState: AddressState;
  /** The address from the postcode to the institution (and unit), verbatim: what goes on the envelope. */
  address: string | null;
}

const EMPTY: LetterBlock = {
  channelHint: null,
  serviceUrl: null,
  postcode: null,
  institution: null,
  addresseeDative: null,
  birthYear: null,
  addressState: "absent",
  address: null,
};

const INSTITUTION = /(?<!\p{L})(ФКУ|ФКЛПУ|ФГУ|ИК|СИЗО|КП|ЛИУ|ПФРСИ|УКП|Тюрьма|колония|изолятор)(?!\p{L})/iu;
const YEAR = /^(\d{4})\s*г\.\s*р\.?$/u;

export function parseLetterBlock(raw: string): LetterBlock {
  const text = raw.replace(/\s+/g, " ").replace(/^Написать письмо\s*/u, "").trim();
  if (text === "") return EMPTY;
  if (/^(на этапе|этап)(?!\p{L})/iu.test(text)) return { ...EMPTY, addressState: "in_transit" };
  if (/адрес уточняется/iu.test(text)) return { ...EMPTY, addressState: "unknown" };
  const channelHint = /crimean-solidarity|Крымской Солидарности/iu.test(text)
    ? "crimean-solidarity"
    : /ФСИН-письм/iu.test(text)
      ? "fsin-pismo-or-post"
      : null;
  const serviceUrl = channelHint === "crimean-solidarity" ? (/https:\/\/(?:www\.)?crimean-solidarity\.org\/[^\s,;«»"]*/u.exec(text)?.[0] ?? null) : null;
  const postcodeMatch = /(?<!\d)(\d{3}) ?(\d{3})(?=[,\s])/u.exec(text);
  if (!postcodeMatch) return { ...EMPTY, channelHint, serviceUrl, addressState: "unknown" };
  const body = text
    .slice(postcodeMatch.index)
    .replace(/\s*или через сервис:.*$/iu, "")
    .replace(/[\s.,]+$/u, "");
  const parts = body.split(/,\s*/u).map((part) => part.trim()).filter(Boolean);
  const institutionIndex = parts.findIndex((part, index) => index > 0 && INSTITUTION.test(part));
  if (institutionIndex === -1) return { ...EMPTY, channelHint, serviceUrl, postcode: `${postcodeMatch[1]}${postcodeMatch[2]}`, addressState: "unknown" };
  let addressEnd = institutionIndex;
  let addressee: string | null = null;
  let birthYear: number | null = null;
  for (const part of parts.slice(institutionIndex + 1)) {
    const year = YEAR.exec(part);
    if (year) birthYear = Number(year[1]);
    else if (/^отряд\s*№?\s*\d+$/iu.test(part) || /^(УКП|ПФРСИ)$/u.test(part)) addressEnd += 1;
    else if (/^(ФИО|год рождения)$/iu.test(part)) continue;
    else if (addressee === null) addressee = part;
  }
  return {
    channelHint,
    serviceUrl,
    postcode: `${postcodeMatch[1]}${postcodeMatch[2]}`,
    institution: parts[institutionIndex] ?? null,
    addresseeDative: addressee,
    birthYear,
    addressState: "known",
    address: [`${postcodeMatch[1]}${postcodeMatch[2]}`, ...parts.slice(1, addressEnd + 1)].join(", "),
  };
}
