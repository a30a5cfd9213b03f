import type { PrisonerStatus, PrisonSystem } from "./types.js";

/**
 * What no program can see in a letter (issue 16), as Fluent keys of `letter-check.ftl`, for the checklist the
 * result screen offers: the people and facts only the writer knows, and the rules that depend on who writes and
 * when rather than on the words. Sources: Viasna (spring96.org/ru/news/111691: after sentencing, letters often
 * only from close relatives listed in the file); uksirius43.ru (pre-trial: the investigator may read letters).
 */
export function uncheckableTopics(system: PrisonSystem, status: PrisonerStatus | undefined): string[] {
  const keys = ["letter-check-topic-names", "letter-check-topic-facts", "letter-check-topic-whereabouts", "letter-check-topic-enclosures", "letter-check-topic-whole"];
  if (system === "by") keys.push(status === "pretrial" ? "letter-check-topic-by-pretrial" : "letter-check-topic-by-relatives");
  if (status === "pretrial") keys.push("letter-check-topic-pretrial-case");
  return keys;
}
