import type { InlineKeyboardButton, Message, MessageEntity } from "grammy/types";
import type { Locale } from "../../../src/config.js";
import type { DB } from "../../../src/db/database.js";
import { upsertPrisoner } from "../../../src/db/repositories/directory-document.js";
import { readDirectorySeed } from "../../../src/domain/directory/seed-files.js";
import type { PrisonerRecord } from "../../../src/domain/directory/types.js";
import { prisonerName } from "../../../src/domain/directory/names.js";

export const LOCALES: readonly Locale[] = ["uk", "en", "ru"];

/** The shipped directory, read the way the bot's start-up reads it. */
export const seed = readDirectorySeed();

export function seeded(slug: string): PrisonerRecord {
  const found = seed.prisoners.find((prisoner) => prisoner.slug === slug);
  if (!found) throw new Error(`${slug} is not in the seed`);
  return structuredClone(found);
}

export function nameIn(slug: string, locale: Locale): string {
  return prisonerName(seeded(slug).names, locale, "list");
}

/** The spellings of issue 3's "done when" list, and who each must find first. */
export const SPELLINGS: readonly [string, string][] = [
  ["Балух", "balukh-volodymyr"],
  ["Балуху", "balukh-volodymyr"],
  ["Baluch", "balukh-volodymyr"],
  ["Baluja", "balukh-volodymyr"],
  ["Balukh", "balukh-volodymyr"],
  ["Зейтуллаев 1984", "zeytullaev-ruslan"],
  ["Zeytullaev", "zeytullaev-ruslan"],
  ["Горинов", "gorinov-aleksei"],
  ["Gorinov", "gorinov-aleksei"],
  ["Kagarlitsky", "kagarlitsky-boris"],
  ["Кагарлицкий", "kagarlitsky-boris"],
  ["Козырева", "kozyreva-darya"],
];

export type Sent = Message & { deleted?: boolean };

export function buttonsOf(message: Sent | undefined): InlineKeyboardButton[] {
  const markup = message?.reply_markup;
  return markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat() : [];
}

export function callbackDataOf(message: Sent | undefined): string[] {
  return buttonsOf(message).flatMap((button) => ("callback_data" in button ? [button.callback_data] : []));
}

/** Result buttons (`dc:<slug>`) of a message, in order. */
export function resultSlugs(message: Sent | undefined): string[] {
  return callbackDataOf(message)
    .filter((data) => data.startsWith("dc:"))
    .map((data) => data.slice("dc:".length));
}

export function linkUrls(message: Sent | undefined): string[] {
  return (message?.entities ?? []).flatMap((entity: MessageEntity) => (entity.type === "text_link" ? [entity.url] : []));
}

/**
 * Twelve people of the same name, born 1970–1981, so that searches have two pages. The record is a seeded one with
 * new names and slugs; the summary carries HTML-significant characters, which every screen must escape.
 */
export async function addNamesakes(db: DB, count = 12): Promise<string[]> {
  const template = seeded("shakursky-ilya");
  const slugs: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const slug = `testenko-kostiantyn-${String(index + 1).padStart(2, "0")}`;
    const record: PrisonerRecord = {
      ...template,
      slug,
      names: {
        ru: { surname: "Тестенко", given: "Константин", patronymic: "Александрович" },
        uk: { surname: "Тестенко", given: "Костянтин", patronymic: "Олександрович" },
        latin: { surname: "Testenko", given: "Kostiantyn", patronymic: null },
      },
      altSpellings: [],
      birthYear: 1970 + index,
      birthYearAlternatives: [],
      birthDate: null,
      summary: { uk: "Тест <b> & «лапки»", en: "Test <b> & \"quotes\"", ru: "Тест <b> & «кавычки»" },
      hashtag: `#Тестенко${index + 1}`,
      campaigns: [],
    };
    await upsertPrisoner(db, record, { changedBy: null, now: new Date() });
    slugs.push(slug);
  }
  return slugs;
}
