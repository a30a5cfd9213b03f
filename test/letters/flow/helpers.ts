import type { Message } from "grammy/types";
import { expect } from "vitest";
import { getInstitutionBySlug } from "../../../src/db/repositories/institutions.js";
import { getWriterProfile } from "../../../src/db/repositories/letters.js";
import { movePrisoner } from "../../../src/db/repositories/prisoner-history.js";
import { getPrisonerBySlug } from "../../../src/db/repositories/prisoners.js";
import type { Letter } from "../../../src/db/tables/letters.js";
import type { InstitutionRecord, PrisonerRecord } from "../../../src/domain/directory/types.js";
import type { Harness } from "../../helpers/harness.js";
import type { TestUser } from "../../helpers/test-user.js";

/** Seeded people (data/directory/prisoners.json): the only one with a direct route, and one freed in 2019. */
export const KAGARLITSKY = "kagarlitsky-boris";
export const BALUKH = "balukh-volodymyr";
export const ZEYTULLAEV = "zeytullaev-ruslan";

/** The seed keeps Zeytullaev's IK-2 address as "last known": an organiser confirms it as current, so post is his route. */
export async function confirmZeytullaevAtSalavat(h: Harness): Promise<void> {
  await movePrisoner(h.db, ZEYTULLAEV, {
    institution: "ik-2-salavat",
    asOf: "2026-11-20",
    sourceUrl: "https://example.org/organiser-confirmed-location",
    changedBy: null,
    believedCurrent: true,
    now: h.clock.now(),
  });
}

export function textOf(messages: readonly Message[]): string {
  return messages.map((message) => message.text ?? message.caption ?? "").join("\n");
}

export async function lettersOf(h: Harness, writerId: number): Promise<Letter[]> {
  return h.db.selectFrom("letters").selectAll().where("writer_id", "=", writerId).orderBy("id").execute();
}

export async function onlyLetter(h: Harness, writerId: number): Promise<Letter> {
  const letters = await lettersOf(h, writerId);
  expect(letters).toHaveLength(1);
  return letters[0]!;
}

export async function profileOf(h: Harness, writerId: number) {
  return getWriterProfile(h.db, writerId);
}

/** The seeded record and its institution, read from the database the bot uses: tests assert against the data. */
export async function seededPerson(h: Harness, slug: string): Promise<{ prisoner: PrisonerRecord; institution: InstitutionRecord }> {
  const prisoner = await getPrisonerBySlug(h.db, slug);
  if (!prisoner?.location.institution) throw new Error(`${slug} has no institution in the seed`);
  const institution = await getInstitutionBySlug(h.db, prisoner.location.institution);
  if (!institution) throw new Error(`${slug}: institution missing`);
  return { prisoner, institution };
}

/** An English writer of three paragraphs to Kagarlitsky who pressed "2" to replace the second, at `at`. */
export async function replacingSecondParagraph(h: Harness, at: Date): Promise<TestUser> {
  const writer = h.user({ languageCode: "en" });
  await startWritingTo(writer, KAGARLITSKY);
  for (const text of ["Dear Boris,", "I live in Gdansk.", "Take care."]) await writer.send(text);
  await writer.press("Show the draft");
  await writer.press(/^2$/u);
  h.clock.set(at);
  return writer;
}

/** Opens the flow for a person by deep link: the first screen takes the letter's text at once (issue 15). */
export async function startWritingTo(user: TestUser, slug: string): Promise<void> {
  await user.send(`/start w_${slug}`);
}

/** Every JSON log line the bot wrote, checked for fragments that must never be logged. */
export function expectNotLogged(h: Harness, fragments: readonly string[]): void {
  const logs = h.logs.join("\n");
  for (const fragment of fragments) expect(logs, `logs contain «${fragment}»`).not.toContain(fragment);
}

/** No update ended in the error boundary (a Bot API error such as unescaped HTML would). */
export function expectNoFailures(h: Harness): void {
  expect(h.logs.filter((line) => line.includes('"update failed"'))).toEqual([]);
  expect(h.fake.internalErrors).toEqual([]);
}

/** The same message again, as Telegram delivers an update it had no answer to (the message id and date unchanged). */
export function deliverAgain(h: Harness, writer: TestUser, text: string, messageId: number, at: Date): Promise<void> {
  const chat = { id: writer.id, type: "private" as const, first_name: "Test" };
  const message = { message_id: messageId, date: Math.floor(at.getTime() / 1000), chat, from: { id: writer.id, is_bot: false, first_name: "Test" }, text };
  return h.handled(h.fake.injectUpdate({ message } as never));
}

/** The id of the writer's message the bot answered with `answer` (the fake numbers a chat's messages in turn). */
export const userMessageBefore = (answer: readonly Message[]): number => (answer[0]?.message_id ?? 0) - 1;
