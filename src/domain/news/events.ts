/**
 * What can happen in a case, and what each kind of event changes besides the news itself. Release and exchange end
 * letter writing (the person is no longer in prison); a transfer changes the address writers need.
 */
import type { PrisonerStatus } from "../directory/types.js";

export const NEWS_EVENT_TYPES = [
  "punishment-cell",
  "transfer",
  "hunger-strike",
  "health",
  "court",
  "release",
  "exchange",
  "other",
] as const;
export type NewsEventType = (typeof NEWS_EVENT_TYPES)[number];

export function isNewsEventType(value: string): value is NewsEventType {
  return (NEWS_EVENT_TYPES as readonly string[]).includes(value);
}

/** The details an event carries beyond the organiser's text. */
export type NewsEvent =
  | { type: "punishment-cell"; days: number | null }
  | { type: "transfer"; institution: string | null }
  | { type: PlainEventType };

type PlainEventType = Exclude<NewsEventType, "punishment-cell" | "transfer">;

function hasDetails(type: NewsEventType): boolean {
  return type === "punishment-cell" || type === "transfer";
}

/** Longest punishment-cell term accepted: Russian law caps ШИЗО at 15 days per order and ПКТ/ЕПКТ at months. */
export const MAX_CELL_DAYS = 365;

/** The status an event gives the prisoner in the directory, if it changes it. */
export function statusAfter(event: NewsEventType): Extract<PrisonerStatus, "released" | "exchanged"> | undefined {
  if (event === "release") return "released";
  if (event === "exchange") return "exchanged";
  return undefined;
}

/** Free people get no more prison letters: news of their release carries no "write" button. */
export function offersLetter(event: NewsEventType): boolean {
  return statusAfter(event) === undefined;
}

/** The letter starter's opening suited to the event, if one is (letters domain: `StarterOccasion`). */
export function letterOpeningFor(event: NewsEventType): "punishment-cell" | undefined {
  return event === "punishment-cell" ? "punishment-cell" : undefined;
}

/** Builds an event from stored columns; unknown types (a newer version wrote them) read as "other". */
export function eventFromColumns(type: string, cellDays: number | null, institution: string | null): NewsEvent {
  if (type === "punishment-cell") return { type, days: cellDays };
  if (type === "transfer") return { type, institution };
  const plain = NEWS_EVENT_TYPES.find((known): known is PlainEventType => known === type && !hasDetails(known));
  return { type: plain ?? "other" };
}

/** Parses «15», «15 днів», «15 days»: the first whole number, if it is a plausible term. */
export function parseCellDays(text: string): number | undefined {
  const match = /\d{1,4}/.exec(text);
  if (!match) return undefined;
  const days = Number(match[0]);
  return days >= 1 && days <= MAX_CELL_DAYS ? days : undefined;
}
