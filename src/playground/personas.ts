/** The people you can be in the playground; ids are fixed so a saved database keeps its roles. */
export const PERSONAS = {
  writer: { id: 1001, first_name: "Olena", language_code: "uk" },
  organiser: { id: 1002, first_name: "Marta", language_code: "en" },
  admin: { id: 1003, first_name: "Admin", language_code: "en" },
} as const;

export type PersonaName = keyof typeof PERSONAS;

/** A group and a channel the organiser can link to a campaign. */
export const ORGANISER_GROUP = { id: -1001000000001, title: "Letters desk (playground)", type: "supergroup" as const };
export const NEWS_CHANNEL = { id: -1001000000002, title: "Case news (playground)", username: "lysty_playground_news" };

export function isPersonaName(name: string): name is PersonaName {
  return name in PERSONAS;
}
