import type { Locale } from "../../src/config.js";
import { translator } from "../../src/telegram/i18n.js";
import type { TestUser } from "../helpers/test-user.js";

const t = translator("uk");

/** A button label as the organiser sees it, from the same Fluent files the bot uses. */
export function label(locale: Locale, key: string, variables?: Record<string, string | number>): string {
  return t(locale, key, variables);
}

export interface PublishSteps {
  locale: Locale;
  /** What the organiser types to find the prisoner, and the result button to press. */
  query?: string;
  pick?: string;
  event: "punishment-cell" | "transfer" | "hunger-strike" | "health" | "court" | "release" | "exchange" | "other";
  days?: number;
  institution?: { query: string; pick: string } | "unknown";
  text?: string;
  translations?: Partial<Record<Locale, string>>;
  /** A link, or null to skip (only possible when the event does not change the directory). */
  source?: string | null;
  /** Stop at the confirmation instead of pressing Publish. */
  confirm?: boolean;
}

/** Drives /news through the chat exactly as an organiser would, up to (and by default including) Publish. */
export async function publishThroughChat(organiser: TestUser, steps: PublishSteps, options: { started?: boolean } = {}): Promise<void> {
  const { locale } = steps;
  if (!options.started) {
    await organiser.send("/news");
    await organiser.send(steps.query ?? "");
    await organiser.press(steps.pick ?? "");
  }
  await organiser.press(label(locale, `news-event-choice-${steps.event}`));
  if (steps.event === "punishment-cell") {
    if (steps.days === undefined) await organiser.press(label(locale, "news-publish-days-unknown"));
    else await organiser.send(String(steps.days));
  }
  if (steps.event === "transfer") {
    if (steps.institution === undefined || steps.institution === "unknown") {
      await organiser.press(label(locale, "news-publish-institution-unknown"));
    } else {
      await organiser.send(steps.institution.query);
      await organiser.press(steps.institution.pick);
    }
  }
  if (steps.text !== undefined) await organiser.send(steps.text);
  for (const [other, text] of Object.entries(steps.translations ?? {})) {
    await organiser.press(label(locale, "news-publish-add-translation", { language: label(locale, `news-language-${other}`) }));
    await organiser.send(text);
  }
  await organiser.press(label(locale, "news-publish-continue"));
  if (steps.source === null) await organiser.press(label(locale, "news-publish-skip"));
  else if (steps.source !== undefined) await organiser.send(steps.source);
  if (steps.confirm !== false) await organiser.press(label(locale, "news-publish-button-publish"));
}
