import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setLetterStatus } from "../../src/db/repositories/letters.js";
import { PERSONAL_DATA_SOURCES } from "../../src/services/privacy/sources.js";
import { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import type { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { letterOrganisersHold, lettersOf, startDraft } from "./flows.js";

/**
 * Webhook mode: /forget's "yes" deletes in one transaction, and the webhook records the update handled after it. When
 * the process dies between the two, Telegram delivers the press again to the restarted bot, which has already
 * forgotten the person: the visit makes them a new person, and Telegram takes one answer per press, so answering it
 * fails. The press must still end as the first did: nothing of them kept, and the deletion confirmed.
 */
let bot: DeliveredAgain;
let h: Harness;
/** The death after the deletion committed: the webhook's record of the update handled fails. */
let beforeTheMark: CrashPoint;
beforeEach(async () => {
  beforeTheMark = new CrashPoint();
  bot = await DeliveredAgain.start({ dbPlugins: [beforeTheMark] });
  h = bot.h;
});
afterEach(async () => bot.stop());

async function rowsAbout(userId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const source of PERSONAL_DATA_SOURCES) if (source.kind === "personal") counts[source.table] = (await source.collect(h.db, userId)).length;
  return counts;
}

/** Presses "yes", the process dies once its deletion committed, and Telegram delivers the press again after a restart. */
async function confirmAndDeliverAgain(writer: TestUser, crashAfter: string): Promise<{ shown: number }> {
  await writer.send("/forget");
  beforeTheMark.arm("seen_updates", crashAfter);
  await writer.press("Yes, delete everything");
  const press = await bot.lastDelivered();
  expect(beforeTheMark.struck).toBe(1);
  expect(press.callback_query).toBeDefined();
  const shown = writer.messages.length;
  expect(await bot.deliverAgain(press)).toBe(200);
  return { shown };
}

describe("/forget: the confirming press delivered again after the deletion committed", () => {
  it("confirms the deletion again and keeps nothing of the person, not even a new user row (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startDraft(writer, "Черновик письма, который ещё не закончен.");
    const { shown } = await confirmAndDeliverAgain(writer, "users");

    const again = writer.messages.slice(shown).map((message) => message.text ?? "");
    expect(again.some((text) => /something went wrong/i.test(text))).toBe(false);
    expect(again.at(-1)).toContain("everything Lysty stored about you is deleted");
    for (const [table, count] of Object.entries(await rowsAbout(writer.id))) expect(count, table).toBe(0);
  });

  it("keeps the request of someone whose letter organisers hold, so the deletion is finished once they are done (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const letterId = await letterOrganisersHold(h, writer.id);
    const { shown } = await confirmAndDeliverAgain(writer, "forget_requests");

    const again = writer.messages.slice(shown).map((message) => message.text ?? "");
    expect(again.some((text) => /something went wrong/i.test(text))).toBe(false);
    expect(again.at(-1)).toContain("Letters that stay with organisers until they print or return them: 1");
    // The delivery again is no visit of someone who came back: organisers return the letter, and the next pass forgets.
    await setLetterStatus(h.db, letterId, "returned", { now: h.clock.now(), returnReason: "too long" });
    expect((await h.running.retention.runOnce()).forgotten).toBe(1);
    expect(await lettersOf(h, writer.id)).toEqual([]);
    for (const [table, count] of Object.entries(await rowsAbout(writer.id))) expect(count, table).toBe(0);
  });
});
