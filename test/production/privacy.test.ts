import { isPostgresDb } from "../../src/db/database.js";
import { afterEach, describe, expect, it } from "vitest";
import { setLetterStatus } from "../../src/db/repositories/letters.js";
import { setReminder } from "../../src/db/repositories/reminders.js";
import { audit, grantOrganiser } from "../../src/db/repositories/roles.js";
import { followPrisoner } from "../../src/db/repositories/subscriptions.js";
import { PERSONAL_DATA_SOURCES, TABLES_WITHOUT_PERSONAL_DATA } from "../../src/services/privacy/sources.js";
import { Harness } from "../helpers/harness.js";
import { linkedGroup, organiser, relayLetter, settle } from "../organisers/world.js";
import type { TestUser } from "../helpers/test-user.js";
import { KAGARLITSKY, letterOrganisersHold, lettersOf, startDraft, writeFinishedLetter } from "./flows.js";

let h: Harness;
afterEach(async () => h?.stop());

const FINISHED_TEXT = "Здравствуйте, Борис Юльевич! Пишу Вам из Лиона, читаю Вашу книгу о садах.";
const DRAFT_TEXT = "Черновик письма, который ещё не закончен.";

/** A writer with something in every personal table: letters through the bot, the rest through repositories. */
async function writerWithEverything(): Promise<TestUser> {
  const writer = h.user({ languageCode: "en" });
  await writeFinishedLetter(writer, FINISHED_TEXT, "Анна\nЛион");
  const now = h.clock.now();
  await followPrisoner(h.db, writer.id, KAGARLITSKY, now);
  await setReminder(h.db, { userId: writer.id, prisonerSlug: KAGARLITSKY, everyWeeks: 4, nextAt: new Date(now.getTime() + 86_400_000), now });
  await grantOrganiser(h.db, { userId: writer.id, campaignSlug: "open-letter-2025", grantedBy: 1, at: now });
  await audit(h.db, { actorId: writer.id, action: "prisoner.status", target: `prisoner:${KAGARLITSKY}`, at: now });
  // A new draft, left in the middle of the flow: in the writing stage, which is kept on the person's row.
  await startDraft(writer, DRAFT_TEXT);
  return writer;
}

/** The writing stage on the person's row: the flow in progress while they add to a draft. */
async function letterStage(userId: number): Promise<string | null | undefined> {
  return (await h.db.selectFrom("users").select("letter_stage").where("id", "=", userId).executeTakeFirst())?.letter_stage;
}

async function rowsAbout(userId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const source of PERSONAL_DATA_SOURCES) counts[source.table] = (await source.collect(h.db, userId)).length;
  return counts;
}

describe("/privacy", () => {
  it("states the retention periods the instance is configured with", async () => {
    h = await Harness.start({ env: { LETTER_TEXT_RETENTION_DAYS: "14", DRAFT_RETENTION_DAYS: "45" } });
    const en = h.user({ languageCode: "en" });
    await en.send("/privacy");
    expect(en.lastText()).toContain("the text is deleted 14 days after you finish");
    expect(en.lastText()).toContain("A draft untouched for 45 days is deleted");
    expect(en.buttons()).toEqual(["📦 Download my data", "🗑 Delete my data"]);
    const uk = h.user({ languageCode: "uk" });
    await uk.send("/privacy");
    expect(uk.lastText()).toContain("текст видаляємо через 14 днів");
    expect(uk.lastText()).toContain("не торкалися 45 днів");
  });
});

describe("/mydata", () => {
  it("sends the person a JSON file of everything stored about them, and nothing about anyone else", async () => {
    h = await Harness.start();
    const writer = await writerWithEverything();
    const someoneElse = h.user({ languageCode: "en" });
    await startDraft(someoneElse, "Someone else's private draft.");

    await writer.send("/mydata");
    const file = h.fake.documents(writer.chatId).at(-1);
    expect(file?.fileName).toMatch(/^lysty-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file?.caption).toContain("Everything Lysty stores about you");
    const exported = JSON.parse(file!.bytes.toString("utf8")) as {
      telegram_user_id: number;
      data: Record<string, Array<Record<string, unknown>>>;
      team_records: Record<string, Array<Record<string, unknown>>>;
    };
    expect(exported.telegram_user_id).toBe(writer.id);
    // The file explains itself in the reader's language: what it is, and what each table holds.
    const explained = exported as unknown as { about: string; what_is_what: Record<string, string> };
    expect(explained.about).toContain("Everything Lysty stores about this Telegram account");
    expect(explained.what_is_what.writer_profiles).toBe("the signature you asked the bot to remember");
    expect(Object.keys(explained.what_is_what).sort()).toEqual([...Object.keys(exported.data), ...Object.keys(exported.team_records)].sort());
    const { data } = exported;
    expect(data.users?.[0]).toMatchObject({ id: writer.id, locale: "en" });
    const texts = data.letters?.map((letter) => letter.text);
    expect(texts).toContain(FINISHED_TEXT);
    expect(texts).toContain(DRAFT_TEXT);
    expect(data.letters?.map((letter) => letter.status)).toEqual(expect.arrayContaining(["finished", "draft"]));
    expect(data.writer_profiles?.[0]).toMatchObject({ signature_name: "Анна", signature_city: "Лион", remembered: 1 });
    expect(data.news_follows?.[0]).toMatchObject({ target_slug: KAGARLITSKY });
    expect(data.news_reminders?.[0]).toMatchObject({ prisoner_slug: KAGARLITSKY, every_weeks: 4 });
    expect(data.organisers?.[0]).toMatchObject({ campaign_slug: "open-letter-2025" });
    // The flow in progress would be its writing stage, on the person's row (docs/letter-flow-stages.md); /mydata, a
    // command, left it before the export, so the column is there and empty.
    expect(data.users?.[0]).toHaveProperty("letter_stage", null);
    expect(exported.team_records.audit_log?.[0]).toMatchObject({ action: "prisoner.status" });
    expect(file!.bytes.toString("utf8")).not.toContain("Someone else's private draft.");
    expect(h.fake.documents(someoneElse.chatId).filter((document) => document.fileName?.startsWith("lysty-my-data"))).toEqual([]);
  });

  it("says when the person last wrote to the bot: the /mydata request itself, however soon after their last message", async () => {
    h = await Harness.start();
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    h.clock.advance(5 * 60_000);
    const asked = h.clock.now().toISOString();
    await writer.send("/mydata");
    const file = h.fake.documents(writer.chatId).at(-1);
    const exported = JSON.parse(file!.bytes.toString("utf8")) as { exported_at: string; data: { users: Array<{ last_seen_at: string }> } };
    const lastSeen = exported.data.users[0]?.last_seen_at ?? "";
    expect([lastSeen >= asked, lastSeen <= exported.exported_at]).toEqual([true, true]);
  });

  it("explains every table of the file in each language, none by its message key", async () => {
    h = await Harness.start();
    for (const languageCode of ["uk", "en", "ru"]) {
      const reader = h.user({ languageCode });
      await reader.send("/mydata");
      const file = h.fake.documents(reader.chatId).at(-1);
      const { what_is_what } = JSON.parse(file!.bytes.toString("utf8")) as { what_is_what: Record<string, string> };
      expect(Object.keys(what_is_what).sort()).toEqual(PERSONAL_DATA_SOURCES.map((source) => source.table).sort());
      const unexplained = Object.entries(what_is_what).filter(([, explanation]) => /privacy-export|^\s*$/.test(explanation));
      expect({ languageCode, unexplained }).toEqual({ languageCode, unexplained: [] });
    }
  });
});

describe("/forget", () => {
  it("asks first, then deletes everything about the person, the flow in progress included", async () => {
    h = await Harness.start();
    const writer = await writerWithEverything();
    const before = await rowsAbout(writer.id);
    expect(before).toMatchObject({ letters: 2, writer_profiles: 1, news_follows: 1, news_reminders: 1, organisers: 1 });
    expect(await letterStage(writer.id)).toContain(KAGARLITSKY);

    await writer.send("/forget");
    const question = writer.lastText();
    expect(question).toContain("Delete everything Lysty stores about you?");
    expect(question).toContain("letters and drafts, with their texts: 2");
    expect(question).toContain("follows, news settings and reminders: 2");
    expect(question).toContain("Records of your actions as an organiser or admin stay in the campaign's log (only ids and dates): 1");
    // A command leaves the flow in progress; the person starts writing again before answering the question.
    expect(await rowsAbout(writer.id)).toEqual(before);
    expect(await letterStage(writer.id)).toBeNull();
    await startDraft(writer, "Ещё одна строчка.");
    expect(await letterStage(writer.id)).toContain(KAGARLITSKY);

    await writer.press("Yes, delete everything");
    expect(writer.lastText()).toContain("everything Lysty stored about you is deleted");
    const after = await rowsAbout(writer.id);
    for (const source of PERSONAL_DATA_SOURCES) {
      if (source.kind === "personal") expect(after[source.table], source.table).toBe(0);
    }
    // Kept: what they did to shared records as an organiser.
    expect(after.audit_log).toBe(1);

    // Coming back is a fresh start.
    await writer.send("/start");
    expect(writer.lastText()).toContain("Lysty helps you write");
    expect(await lettersOf(h, writer.id)).toEqual([]);
  });

  it("keeps letters organisers still hold, takes the writer's name off their card, and finishes once they are printed", async () => {
    h = await Harness.start();
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "en", firstName: "Зоряна" });
    await writer.send("/start");
    const relayed = await relayLetter(h, writer, { text: FINISHED_TEXT, signature: "Анна", shareIdentity: true, writer: { firstName: "Зоряна" } });
    await settle(h);
    const card = () => h.fake.messages(group).find((message) => message.text?.includes(relayed.reference ?? "?"))?.text ?? "";
    expect(card()).toContain("Зоряна");
    await startDraft(writer, DRAFT_TEXT.replace("Черновик", "Другой черновик"));

    await writer.send("/forget");
    expect(writer.lastText()).toContain("Letters that organisers have now: 1");
    await writer.press("Yes, delete everything");
    expect(writer.lastText()).toContain("Letters that stay with organisers until they print or return them: 1");
    const [held] = await lettersOf(h, writer.id);
    expect(await lettersOf(h, writer.id)).toHaveLength(1);
    expect(held).toMatchObject({ status: "relayed", text: FINISHED_TEXT, signature_name: "Анна", share_identity: 0 });
    // The posted card is edited: organisers no longer see who wrote it, only the letter's own signature.
    await settle(h);
    expect(card()).not.toContain("Зоряна");
    expect(card()).toContain("not shared");

    // Organisers accept and print it: the next retention pass deletes the rest.
    await setLetterStatus(h.db, held!.id, "accepted", { now: h.clock.now() });
    await h.running.retention.runOnce();
    expect(await lettersOf(h, writer.id)).toHaveLength(1);
    await setLetterStatus(h.db, held!.id, "printed", { now: h.clock.now() });
    const summary = await h.running.retention.runOnce();
    expect(summary.forgotten).toBe(1);
    expect(await lettersOf(h, writer.id)).toEqual([]);
    expect(await h.db.selectFrom("users").select("id").where("id", "=", writer.id).execute()).toEqual([]);
  });

  it("/letters after /forget says plainly which letters organisers still hold and why", async () => {
    h = await Harness.start();
    const boss = await organiser(h, { languageCode: "en" });
    await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    await relayLetter(h, writer, { text: FINISHED_TEXT, signature: "Анна", shareIdentity: false });
    await writer.send("/forget");
    await writer.press("Так, видалити все");
    await writer.send("/letters");
    const text = writer.lastText();
    expect(text).toContain("ви попросили видалити свої дані. Усе видалено, крім листа, який ще в організаторів (Борис Кагарлицький)");
    expect(text).toContain("вони зберігають текст, підпис і адресата, доки не надрукують або не повернуть");
    expect(text).toContain("надішліть /forget ще раз");
    // Someone who never asked sees the plain list.
    const other = h.user({ languageCode: "uk" });
    await other.send("/start");
    await relayLetter(h, other, { text: FINISHED_TEXT, signature: "Анна", shareIdentity: false });
    await other.send("/letters");
    expect(other.lastText()).not.toContain("видалити свої дані");
  });

  it("does not finish the deletion for someone who came back after asking", async () => {
    h = await Harness.start();
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const letterId = await letterOrganisersHold(h, writer.id);
    await writer.send("/forget");
    await writer.press("Yes, delete everything");
    h.clock.advance(60_000);
    await writer.send("/start");
    await setLetterStatus(h.db, letterId, "returned", { now: h.clock.now(), returnReason: "too long" });
    await h.running.retention.runOnce();
    expect(await h.db.selectFrom("forget_requests").selectAll().execute()).toEqual([]);
    expect(await lettersOf(h, writer.id)).toHaveLength(1);
  });

  it("deletes nothing when the person says no, when the confirmation is out of date, or when its data is forged", async () => {
    h = await Harness.start();
    const writer = h.user({ languageCode: "en" });
    await startDraft(writer, DRAFT_TEXT);
    const before = await rowsAbout(writer.id);

    await writer.send("/forget");
    await writer.press("No, keep it");
    expect(writer.lastText()).toContain("Nothing was deleted.");
    // The buttons are gone from the question once answered.
    expect(writer.messages.at(-2)?.reply_markup).toBeUndefined();

    await writer.send("/forget");
    const question = writer.messages.at(-1)!;
    h.clock.advance(16 * 60_000);
    await writer.press("Yes, delete everything");
    expect(writer.lastCallbackAnswer()).toContain("This confirmation is out of date");

    for (const forged of ["forget:yes:abc", "forget:yes:99999999999", "forget:maybe:1", "forget:yes:"]) {
      await writer.pressData(question.message_id, forged);
      expect(writer.lastCallbackAnswer()).toContain("This button is out of date");
    }
    const after = await rowsAbout(writer.id);
    expect(after.letters).toBe(before.letters);
    expect(after.users).toBe(1);
  });
});

describe("the personal data registry", () => {
  it("covers every table: each one is exported and forgotten, or declared free of personal data", async () => {
    h = await Harness.start();
    // On Postgres every test has its own schema: only this database's own tables count, read from that schema alone
    // (Kysely's introspector reads every schema, and other tests drop theirs meanwhile).
    const { sql } = await import("kysely");
    const names = isPostgresDb(h.db)
      ? (
          await sql<{ name: string }>`
            select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(h.db)
        ).rows.map((row) => row.name)
      : (await h.db.introspection.getTables()).map((table) => table.name);
    const tables = names.filter((name) => !name.startsWith("kysely_"));
    const covered = new Set([...PERSONAL_DATA_SOURCES.map((source) => source.table), ...Object.keys(TABLES_WITHOUT_PERSONAL_DATA)]);
    const missing = tables.filter((name) => !covered.has(name));
    expect(missing, "add these tables to src/services/privacy/sources.ts").toEqual([]);
  });
});
