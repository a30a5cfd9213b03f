import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/database.js";
import { linkDesk } from "../../src/db/repositories/desk.js";
import { finishLetter, getOrCreateDraft, saveDraftText } from "../../src/db/repositories/letters.js";
import { acceptedLettersToPrint } from "../../src/db/repositories/relay.js";
import { requestTranslation, setOffersTranslation } from "../../src/db/repositories/translations.js";
import { relayLetterToOrganisers } from "../../src/services/relay/relay-letter.js";
import { receiveTranslation } from "../../src/services/relay/translations.js";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/database.js";

const WRITER = 601;
const DESK = -1_009_000_000_001;
const now = new Date("2026-12-06T10:00:00Z");

let testDb: TestDatabase;
let db: DB;
beforeEach(async () => {
  testDb = await createSeededTestDatabase(now, { [WRITER]: "uk" });
  db = testDb.db;
});
afterEach(async () => testDb.cleanup());

/** A Ukrainian letter to Kamardin, relayed to the desk with a translation request, its card posted as message 41. */
async function relayedLetterAskingForTranslation(): Promise<number> {
  await linkDesk(db, { chatId: DESK, chatType: "supergroup", title: "Desk", locale: "en", linkedBy: 1, public: false, now });
  const draft = await getOrCreateDraft(db, WRITER, "kamardin-artem", now);
  await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: "Добрий день, Артеме!", now });
  const result = await finishLetter(db, {
    letterId: draft.id,
    writerId: WRITER,
    route: "organisers",
    signature: { name: "Олена", city: null },
    shareIdentity: false,
    now,
    enqueue: async (trx, letter) => {
      await requestTranslation(trx, { letterId: letter.id, writerId: WRITER, sourceLanguage: "uk", now });
      await relayLetterToOrganisers(trx, letter, { now });
    },
  });
  if (!result.ok) throw new Error(result.reason);
  await db.updateTable("relayed_letters").set({ card_message_id: 41 }).where("letter_id", "=", result.letter.id).execute();
  return result.letter.id;
}

describe(`translations (${process.env.TEST_DATABASE_URL ? "postgres" : "sqlite"})`, () => {
  it("prints the translation once it exists and holds the letter back until then", async () => {
    const letterId = await relayedLetterAskingForTranslation();
    const card = await db.selectFrom("outbox").select("payload").where("ref", "=", `relay:${letterId}:card`).executeTakeFirstOrThrow();
    expect(String(card.payload)).toContain("Written in Ukrainian: the writer asks for a translation into Russian");
    await db.updateTable("letters").set({ status: "accepted" }).where("id", "=", letterId).execute();
    expect(await acceptedLettersToPrint(db, undefined)).toEqual([]);

    const refused = await receiveTranslation(db, { chatId: DESK, cardMessageId: 41, message: { chatId: DESK, messageId: 42 }, organiserId: 2, text: "Добрый день, Артём!", now, mayAct: async () => false });
    expect(refused).toEqual({ ok: false, reason: "not-allowed-role" });
    const taken = await receiveTranslation(db, { chatId: DESK, cardMessageId: 41, message: { chatId: DESK, messageId: 43 }, organiserId: 2, text: "Добрый день, Артём!", now, mayAct: async () => true });
    expect(taken).toMatchObject({ ok: true, letterId });
    expect((await acceptedLettersToPrint(db, undefined)).map((letter) => letter.text)).toEqual(["Добрый день, Артём!"]);
    const refs = await db.selectFrom("outbox").select("ref").where("chat_id", "=", WRITER).orderBy("id").execute();
    expect(refs.map((row) => row.ref)).toEqual([`translation:${letterId}:${now.getTime()}:head`, `translation:${letterId}:${now.getTime()}:text`]);

    await db.updateTable("letters").set({ status: "printed" }).where("id", "=", letterId).execute();
    const late = await receiveTranslation(db, { chatId: DESK, cardMessageId: 41, message: { chatId: DESK, messageId: 44 }, organiserId: 2, text: "Другой текст", now, mayAct: async () => true });
    expect(late).toEqual({ ok: false, reason: "too-late" });
  });

  it("turns translation on only for the links of that chat", async () => {
    await linkDesk(db, { chatId: DESK, chatType: "supergroup", title: "Desk", locale: "en", linkedBy: 1, now });
    expect(await setOffersTranslation(db, DESK, ["desk"], true)).toBe(1);
    expect(await setOffersTranslation(db, -1, ["desk"], true)).toBe(0);
    const desk = await db.selectFrom("organisation_desk").select(["offers_translation", "public"]).executeTakeFirstOrThrow();
    expect(desk).toEqual({ offers_translation: 1, public: null });
  });
});
