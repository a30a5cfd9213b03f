import type { DB } from "../../src/db/database.js";
import { grantOrganiser } from "../../src/db/repositories/roles.js";
import { importDirectoryDocument } from "../../src/db/repositories/directory-document.js";
import type { CampaignRecord, InstitutionRecord, PrisonerRecord } from "../../src/domain/directory/types.js";
import { PROGRESS_EDIT_INTERVAL_MS } from "../../src/services/news/progress-reporter.js";
import type { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";

/**
 * A fictional campaign, two fictional colonies and fictional prisoners, so that news tests never state anything
 * (a punishment cell, a transfer, a release) about a real person. Imported beside the shipped directory.
 */
export const CAMPAIGN = "test-news-campaign";
export const OTHER_CAMPAIGN = "test-other-campaign";

const SOURCE = "https://example.org/lysty-test-directory";

function institution(slug: string, name: string, city: string): InstitutionRecord {
  return {
    slug,
    system: "ru",
    type: "colony",
    region: "Тестовская область",
    city,
    name,
    officialName: null,
    fsinPismo: { available: true, region: "Тестовская область", name },
    zonatelecom: null,
    postalAddress: null,
    sourceUrl: SOURCE,
    note: null,
  };
}

function campaign(slug: string, name: string): CampaignRecord {
  return {
    slug,
    name: { uk: `${name} (uk)`, en: name, ru: `${name} (ru)` },
    description: { uk: "Тестова кампанія.", en: "A test campaign.", ru: "Тестовая кампания." },
    sourceUrl: SOURCE,
    startedOn: "2026",
    endedOn: null,
  };
}

export interface FictionalPrisoner {
  slug: string;
  surname: { ru: string; uk: string; latin: string };
  given: { ru: string; uk: string; latin: string };
  gender?: "male" | "female";
  hashtag: string;
  campaigns: string[];
  birthDate?: string;
  institution?: string;
}

export function prisonerRecord(input: FictionalPrisoner): PrisonerRecord {
  return {
    slug: input.slug,
    names: {
      ru: { surname: input.surname.ru, given: input.given.ru, patronymic: null },
      uk: { surname: input.surname.uk, given: input.given.uk, patronymic: null },
      latin: { surname: input.surname.latin, given: input.given.latin, patronymic: null },
    },
    altSpellings: [],
    gender: input.gender ?? "male",
    birthYear: input.birthDate ? Number(input.birthDate.slice(0, 4)) : null,
    birthYearAlternatives: [],
    birthDate: input.birthDate ?? null,
    birthNote: null,
    system: "ru",
    status: { value: "sentenced", asOf: "2026-11-01", sourceUrl: SOURCE, confidence: "confirmed", note: null },
    location: { institution: input.institution ?? "ik-99-testovsk", asOf: "2026-11-01", sourceUrl: SOURCE, believedCurrent: true },
    summary: { uk: "Вигадана особа для тестів.", en: "A fictional person for tests.", ru: "Вымышленный человек для тестов." },
    interests: { tags: [], sourceUrl: null },
    letters: { allowed: true, reason: null },
    hashtag: input.hashtag,
    campaigns: input.campaigns,
  };
}

export const TESTENKO: FictionalPrisoner = {
  slug: "testenko-ivan",
  surname: { ru: "Тестенко", uk: "Тестенко", latin: "Testenko" },
  given: { ru: "Иван", uk: "Іван", latin: "Ivan" },
  hashtag: "#Тестенко",
  campaigns: [CAMPAIGN],
  birthDate: "1980-03-10",
};

export const PRIMEROVA: FictionalPrisoner = {
  slug: "primerova-olga",
  surname: { ru: "Примерова", uk: "Прімерова", latin: "Primerova" },
  given: { ru: "Ольга", uk: "Ольга", latin: "Olga" },
  gender: "female",
  hashtag: "#Примерова",
  campaigns: [CAMPAIGN],
};

export const OUTSIDER: FictionalPrisoner = {
  slug: "vneshnev-petr",
  surname: { ru: "Внешнев", uk: "Внешнєв", latin: "Vneshnev" },
  given: { ru: "Пётр", uk: "Петро", latin: "Petr" },
  hashtag: "#Внешнев",
  campaigns: [OTHER_CAMPAIGN],
};

/** Imports the fictional directory next to the shipped one. */
export async function importFictionalDirectory(db: DB, prisoners: FictionalPrisoner[] = [TESTENKO, PRIMEROVA, OUTSIDER]): Promise<void> {
  await importDirectoryDocument(
    db,
    {
      institutions: [institution("ik-99-testovsk", "ИК-99 (Тестовск)", "Тестовск"), institution("ik-98-primerny", "ИК-98 (Примерный)", "Примерный")],
      campaigns: [campaign(CAMPAIGN, "Test news campaign"), campaign(OTHER_CAMPAIGN, "Another test campaign")],
      prisoners: prisoners.map(prisonerRecord),
    },
    { changedBy: null, now: new Date("2026-11-01T00:00:00Z") },
  );
}

/** An organiser of the test campaign, already known to the bot (they redeemed an invite earlier). */
export async function organiserOf(h: Harness, campaignSlug: string, languageCode = "uk"): Promise<TestUser> {
  const organiser = h.user({ languageCode });
  await organiser.send("/start");
  await grantOrganiser(h.db, { userId: organiser.id, campaignSlug, grantedBy: 1, at: h.clock.now() });
  return organiser;
}

/** Opens the prisoner's card (`/start p_<slug>`) and presses its Follow button, whatever the reader's language. */
export async function followFromCard(user: TestUser, slug: string): Promise<void> {
  await user.send(`/start p_${slug}`);
  const card = user.messages.at(-1);
  const follow = card?.reply_markup?.inline_keyboard.flat().find((button) => "callback_data" in button && button.callback_data === `nf:${slug}`);
  if (!card || !follow || !("callback_data" in follow)) throw new Error(`the card of ${slug} has no Follow button`);
  await user.pressData(card.message_id, follow.callback_data);
}

/**
 * Lets a broadcast finish as the organiser sees it: the clock moves past the progress message's edit interval, the
 * outbox sends what is due and the scheduler writes the final counts and enqueues the report, which is sent too.
 */
export async function finishBroadcasts(h: Harness): Promise<void> {
  h.clock.advance(PROGRESS_EDIT_INTERVAL_MS);
  await h.settle();
}

/** Polls until `check` passes (the outbox and the scheduler work in the background), or fails with its last error. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Waits for a message from the bot to this user whose text contains `fragment`. */
export async function messageContaining(user: TestUser, fragment: string, timeoutMs?: number) {
  return eventually(() => {
    const found = user.messages.find((message) => message.text?.includes(fragment));
    if (!found) throw new Error(`no message containing «${fragment}»; last: «${user.lastText()}»`);
    return found;
  }, timeoutMs);
}
