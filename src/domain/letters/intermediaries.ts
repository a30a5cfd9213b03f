import { type LocalizedText, localized } from "./types.js";

/**
 * Services that send a letter into a Russian prison for writers without a Russian bank card. Names and descriptions
 * are Fluent texts (`letter-intermediary-<id>-name` / `-about`); the facts come from research/existing-services.md.
 * OVD-Info's address: its site names itself lettersnow.org (a 2024 article linked letters-now.org).
 */
export interface Intermediary {
  id: "ovd-info-letters-now" | "rosuznik" | "rights-in-russia";
  url: string;
  name: LocalizedText;
  about: LocalizedText;
}

function intermediary(id: Intermediary["id"], url: string): Intermediary {
  return {
    id,
    url,
    name: localized(`letter-intermediary-${id}-name`),
    about: localized(`letter-intermediary-${id}-about`),
  };
}

export const RUSSIAN_PRISON_INTERMEDIARIES: readonly Intermediary[] = [
  intermediary("ovd-info-letters-now", "https://lettersnow.org"),
  intermediary("rosuznik", "https://rosuznik.org"),
  intermediary("rights-in-russia", "https://www.rightsinrussia.org/write-to-russia/"),
];
