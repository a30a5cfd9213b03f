/**
 * Whether a card offers "Write a letter", by which routes, and with which cautions. The rule of thumb: never send a
 * writer towards an address we cannot stand behind. Only a location believed current yields a route, and free,
 * exchanged or dead people are never offered a prison letter however the rest of the record looks.
 */
import { daysSince } from "./partial-date.js";
import {
  FREE_OR_DEAD_STATUSES,
  type InstitutionRecord,
  type NoLettersReason,
  type PrisonerForLetter,
} from "./types.js";

export type DeliveryRoute = "fsin-pismo" | "post" | "organiser-relay";

/** Cautions a card shows beside the write button. Each has a Fluent text `directory-warning-<code>`. */
export const WRITE_WARNINGS = [
  "status-not-recent",
  "location-not-recent",
  "status-inferred",
  "status-unknown",
  "pretrial",
  "belarus-relatives",
] as const;
export type WriteWarning = (typeof WRITE_WARNINGS)[number];

export type RefusalReason = NoLettersReason | "no-known-route";

export type WriteDecision =
  /** Direct routes (FSIN-pismo, post), plus organiser relay when organisers collect letters for this person. */
  | { kind: "write"; routes: DeliveryRoute[]; warnings: WriteWarning[] }
  /** No address we trust, but organisers can pass a letter on. */
  | { kind: "relay-only"; routes: ["organiser-relay"]; warnings: WriteWarning[] }
  | { kind: "refused"; reason: RefusalReason };

export interface WriteContext {
  /** True when organisers relay letters for this person (e.g. a campaign with a relay chat). */
  organiserRelay: boolean;
  today: Date;
}

/** A status older than this is shown as "last confirmed … ago": statuses change with trials and transfers. */
export const STATUS_RECENT_DAYS = 180;
/** Transfers lose letters; the research advises rechecking the institution before each letter. */
export const LOCATION_RECENT_DAYS = 90;

/** Routes that reach the person directly, from the institution they are believed to be in now. */
export function directRoutes(prisoner: PrisonerForLetter, institution: InstitutionRecord | undefined): DeliveryRoute[] {
  const { location } = prisoner;
  if (!institution || location.institution !== institution.slug || !location.believedCurrent) return [];
  const routes: DeliveryRoute[] = [];
  const { fsinPismo } = institution;
  if (prisoner.system === "ru" && fsinPismo.available === true && fsinPismo.region !== null && fsinPismo.name !== null) {
    routes.push("fsin-pismo");
  }
  if (institution.postalAddress !== null) routes.push("post");
  return routes;
}

export function decideWrite(
  prisoner: PrisonerForLetter,
  institution: InstitutionRecord | undefined,
  context: WriteContext,
): WriteDecision {
  const status = prisoner.status.value;
  if (FREE_OR_DEAD_STATUSES.includes(status)) return { kind: "refused", reason: status as NoLettersReason };
  if (!prisoner.letters.allowed) return { kind: "refused", reason: prisoner.letters.reason ?? "no-known-route" };
  const direct = directRoutes(prisoner, institution);
  const warnings = writeWarnings(prisoner, direct.length > 0, context.today);
  if (direct.length > 0) {
    return { kind: "write", routes: context.organiserRelay ? [...direct, "organiser-relay"] : direct, warnings };
  }
  if (context.organiserRelay) return { kind: "relay-only", routes: ["organiser-relay"], warnings };
  return { kind: "refused", reason: "no-known-route" };
}

function writeWarnings(prisoner: PrisonerForLetter, hasDirectRoute: boolean, today: Date): WriteWarning[] {
  const warnings: WriteWarning[] = [];
  const { status, location } = prisoner;
  if (daysSince(status.asOf, today) > STATUS_RECENT_DAYS) warnings.push("status-not-recent");
  if (hasDirectRoute && location.asOf !== null && daysSince(location.asOf, today) > LOCATION_RECENT_DAYS) {
    warnings.push("location-not-recent");
  }
  if (status.confidence === "inferred") warnings.push("status-inferred");
  if (status.value === "unknown") warnings.push("status-unknown");
  // In pre-trial detention the investigator may read letters too (research, sections a and b).
  if (status.value === "pretrial") warnings.push("pretrial");
  // Viasna: after sentencing, Belarusian political prisoners often get letters only from close relatives.
  if (prisoner.system === "by") warnings.push("belarus-relatives");
  return warnings;
}
