import type { NameForm } from "./starter-catalog.js";
import type { StarterBlockKind } from "./starter.js";
import type { DeliveryRoute, LetterStatus } from "./status.js";
import { type Gender, type LocalizedText, localized } from "./types.js";

/** Fluent keys are kebab-case; statuses and routes are stored snake_case. */
const kebab = (value: string) => value.replaceAll("_", "-");

export function letterStatusLabel(status: LetterStatus): LocalizedText {
  return localized(`letter-status-${kebab(status)}`);
}

/**
 * A status as organisers read it on a relayed letter's card and in their answers: the writer's own label for
 * `returned` ("Returned to you") would tell the organisers the letter came back to them.
 */
export function organiserStatusLabel(status: LetterStatus): LocalizedText {
  return status === "returned" ? localized("organisers-status-returned") : letterStatusLabel(status);
}

export function deliveryRouteLabel(route: DeliveryRoute): LocalizedText {
  return localized(`letter-route-${kebab(route)}`);
}

export function nameFormLabel(form: NameForm): LocalizedText {
  return localized(`letter-starter-name-form-${form}`);
}

/** The writer's choice of how Russian phrases about them are gendered; undefined is the neutral choice. */
export function writerGenderLabel(gender: Gender | undefined): LocalizedText {
  return localized(`letter-starter-writer-gender-${gender ?? "neutral"}`);
}

export function starterBlockLabel(kind: StarterBlockKind): LocalizedText {
  return localized(`letter-starter-block-${kind}`);
}
