import { type CustodyStatus, type LocalizedText, type PrisonSystem, localized } from "./types.js";

/**
 * Short guidance shown before writing, as Fluent keys of `letter.ftl`, most important first. The facts behind each
 * point (and their sources) are in /work/shared/research/censorship-and-delivery.md; the Fluent texts name the
 * sources a writer may want to check.
 */
export function guidanceFor(recipient: { system: PrisonSystem; status: CustodyStatus }): LocalizedText[] {
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
  points.push(
    localized(system === "ru" ? "letter-guidance-reply-ru" : "letter-guidance-reply-by"),
    localized("letter-guidance-signature"),
  );
  if (system === "ru") points.push(localized("letter-guidance-writer-risk-ru"));
  return points;
}

/** Belarus hands over far fewer letters; writers deserve to know before they spend an evening on one. */
function belarusExpectations(status: CustodyStatus): LocalizedText[] {
  const handOver =
    status === "pretrial" ? "letter-guidance-by-pretrial-arbitrary" : "letter-guidance-by-relatives-only";
  return [localized(handOver), localized("letter-guidance-by-short")];
}
