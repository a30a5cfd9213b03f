import { afterEach, beforeEach, expect, it } from "vitest";
import { setLetterStatus } from "../../src/db/repositories/letters.js";
import { PERSONAL_DATA_SOURCES } from "../../src/services/privacy/sources.js";
import type { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import type { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { linkedGroup, organiser, relayLetter, settle } from "../organisers/world.js";
import { lettersOf, startDraft } from "../production/flows.js";

/**
 * Webhook mode: `/forget`'s "Yes, delete everything" deletes in one transaction, and the webhook records the update
 * handled after it. When the process dies between the two, Telegram delivers the press again to the restarted bot,
 * which no longer knows the person (the delivery recreates their row) or holds only letters organisers keep, and
 * Telegram takes one answer per press, so answering it fails. The press must re-create nothing and say nothing false
 * (the deletion confirmed as the first delivery did) — also when the delivery comes after the question's 15 minutes
 * ran out, which said "out of date, send /forget again" to someone already forgotten and left the recreated row
 * behind (issue 14, z36a). One file since z38f, which merged test/production/forget-delivered-again.test.ts into it.
 */
let bot: DeliveredAgain;
let h: Harness;
let crash: CrashPoint;
beforeEach(async () => {
  ({ bot, crash } = await DeliveredAgain.withCrashPoint({}));
  h = bot.h;
});
afterEach(async () => bot.stop());

const LATER_MS = 16 * 60_000;

/** Presses "yes", the process dies after the deletion committed; Telegram delivers the press again `lateMs` later. */
async function yesDeliveredAgain(writer: TestUser, table: string, lateMs: number): Promise<string[]> {
  await writer.send("/forget");
  crash.arm("seen_updates", table);
  await writer.press("Yes, delete everything");
  const update = await bot.lastDelivered();
  expect(crash.struck).toBe(1);
  await settle(h);
  const shown = writer.messages.length;
  h.clock.advance(lateMs);
  expect(await bot.deliverAgain(update)).toBe(200);
  await settle(h);
  return writer.textsSince(shown);
}

async function personalRows(userId: number): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const source of PERSONAL_DATA_SOURCES) if (source.kind === "personal") rows[source.table] = (await source.collect(h.db, userId)).length;
  return rows;
}

for (const lateMs of [0, LATER_MS]) {
  it(`everything deleted, the press delivered again ${lateMs === 0 ? "at once" : "after the question expired"}: "done" again, nothing kept`, async () => {
    const writer = h.user({ languageCode: "en" });
    // A draft: a letter row the deletion took, which the delivery again must not bring back either.
    await startDraft(writer, "Черновик письма, который ещё не закончен.");
    expect(await lettersOf(h, writer.id)).toHaveLength(1);
    const told = await yesDeliveredAgain(writer, "users", lateMs);
    expect(told).toEqual(["Done: everything Lysty stored about you is deleted. If you write to the bot again, it starts from scratch."]);
    for (const [table, count] of Object.entries(await personalRows(writer.id))) expect(count, table).toBe(0);
  });

  it(`a letter organisers hold, the press delivered again ${lateMs === 0 ? "at once" : "after the question expired"}: the same answer, and the deletion still finishes`, async () => {
    const boss = await organiser(h, { languageCode: "en" });
    await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const letter = await relayLetter(h, writer, { text: "Здравствуйте! Пишу Вам из Лиона.", signature: "Анна", shareIdentity: false });
    await settle(h);
    const told = await yesDeliveredAgain(writer, "forget_requests", lateMs);
    expect(told).toEqual(["Done. Letters that stay with organisers until they print or return them: 1. After that the rest is deleted automatically."]);
    // The visit the delivery again recorded is not a return: the request stands while organisers hold the letter…
    const requests = await h.db.selectFrom("forget_requests").selectAll().where("user_id", "=", writer.id).execute();
    expect(requests).toHaveLength(1);
    await h.running.retention.runOnce();
    expect(await h.db.selectFrom("forget_requests").select("user_id").where("user_id", "=", writer.id).execute()).toHaveLength(1);
    // …and once they return it, the next pass finishes the deletion: nothing of the person is left.
    await setLetterStatus(h.db, letter.id, "returned", { now: h.clock.now(), returnReason: "too long" });
    expect((await h.running.retention.runOnce()).forgotten).toBe(1);
    expect(await lettersOf(h, writer.id)).toEqual([]);
    for (const [table, count] of Object.entries(await personalRows(writer.id))) expect(count, table).toBe(0);
  });
}
