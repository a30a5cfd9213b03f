import type { DeliveryRoute } from "./status.js";
import { type CustodyStatus, type LocalizedText, type PrisonSystem, localized } from "./types.js";

/** What narrows the guidance: the routes this person can be reached by, and what the writer has already settled. */
export interface GuidanceScope {
  /** Routes `planDelivery` offers for this person; the reply point names only these. Unknown: all are named. */
  routes?: readonly DeliveryRoute[];
  /** A remembered signature: the signing advice was taken already. */
  signatureRemembered?: boolean;
}

/**
 * Short guidance shown before writing, as Fluent keys of `letter.ftl`, most important first. The facts behind each
 * point (and their sources) are in /work/shared/research/censorship-and-delivery.md; the Fluent texts name the
 * sources a writer may want to check.
 */
export function guidanceFor(recipient: { system: PrisonSystem; status: CustodyStatus }, scope: GuidanceScope = {}): LocalizedText[] {
  const { system, status } = recipient;
  const points: LocalizedText[] = [
    localized(system === "ru" ? "letter-guidance-language-ru" : "letter-guidance-language-by"),
    localized(system === "ru" ? "letter-guidance-avoid-ru" : "letter-guidance-avoid-by"),
    // In pre-trial detention the case is still being built: the letter can go to the investigator.
    localized(status === "pretrial" ? "letter-guidance-case-pretrial" : "letter-guidance-case"),
    localized("letter-guidance-tone"),
    localized("letter-guidance-topics"),
  ];
  if (system === "by") points.push(...belarusExpectations(status));
  const reply = replyPoint(system, scope.routes);
  if (reply) points.push(reply);
  if (!scope.signatureRemembered) points.push(localized("letter-guidance-signature"));
  if (system === "ru") points.push(localized("letter-guidance-writer-risk-ru"));
  return points;
}

/** How a reply comes back, for the routes this person has: FSIN-pismo's reply form, an envelope, or both. */
function replyPoint(system: PrisonSystem, routes: readonly DeliveryRoute[] | undefined): LocalizedText | undefined {
  if (system === "by") return routes && !routes.includes("post") ? undefined : localized("letter-guidance-reply-by");
  const fsin = !routes || routes.includes("fsin_pismo");
  const post = !routes || routes.includes("post");
  if (fsin && post) return localized("letter-guidance-reply-ru");
  if (fsin) return localized("letter-guidance-reply-ru-fsin");
  if (post) return localized("letter-guidance-reply-ru-post");
  return undefined;
}

/**
 * The guidance folded to what fits above the buttons (issue 15): three short lines the first time, one line for a
 * writer who has finished a letter before. The full points are one press away (`guidanceFor`).
 */
export function briefGuidance(recipient: { system: PrisonSystem; status: CustodyStatus }, returning: boolean): LocalizedText[] {
  const { system, status } = recipient;
  if (returning) return [localized(system === "ru" ? "letter-brief-reminder-ru" : "letter-brief-reminder-by")];
  return [
    localized(system === "ru" ? "letter-brief-language-ru" : "letter-brief-language-by"),
    localized(status === "pretrial" ? "letter-brief-avoid-pretrial" : system === "ru" ? "letter-brief-avoid-ru" : "letter-brief-avoid-by"),
    localized("letter-brief-tone"),
  ];
}

/** Belarus hands over far fewer letters; writers deserve to know before they spend an evening on one. */
function belarusExpectations(status: CustodyStatus): LocalizedText[] {
  const handOver =
    status === "pretrial" ? "letter-guidance-by-pretrial-arbitrary" : "letter-guidance-by-relatives-only";
  return [localized(handOver), localized("letter-guidance-by-short")];
}
