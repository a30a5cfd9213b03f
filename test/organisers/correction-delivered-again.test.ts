import { afterEach, beforeEach, expect, it } from "vitest";
import { getPrisonerHistory } from "../../src/db/repositories/prisoner-history.js";
import { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import type { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { ADMIN_ID, auditActions, organiser, settle } from "./world.js";

/**
 * Issue 14 (z37i), webhook mode: `/setstatus` and `/move` Save stores the correction, its history row and its audit
 * row in one transaction; the flow's end is stored after it. When the process dies between the two, Telegram delivers
 * the same press again to a stored flow still waiting at the summary; its refused answer no longer ends the flow
 * (z35d), so the summary message is the key: one history row, one audit row, and the organiser reads the same outcome.
 */
let bot: DeliveredAgain;
let h: Harness;
/** The death after the correction committed: the flow's end (its stored state deleted) fails… */
let beforeTheEnd: CrashPoint;
/** …and so does the webhook's record of the update handled. */
let beforeTheMark: CrashPoint;
let boss: TestUser;
beforeEach(async () => {
  beforeTheEnd = new CrashPoint();
  beforeTheMark = new CrashPoint();
  bot = await DeliveredAgain.start({ admins: [ADMIN_ID], dbPlugins: [beforeTheEnd, beforeTheMark] });
  h = bot.h;
  boss = await organiser(h, { languageCode: "en" });
});
afterEach(async () => bot.stop());

const SOURCE = "https://example.org/news/kagarlitsky-transfer";
const SLUG = "kagarlitsky-boris";

/** Dies after the correction's history row; delivers the press again; returns what the organiser was told then. */
async function saveDeliveredAgain(): Promise<string[]> {
  beforeTheEnd.arm("conversation_state", "prisoner_history");
  beforeTheMark.arm("seen_updates", "prisoner_history");
  await boss.press("Save");
  const update = await bot.lastDelivered();
  expect([beforeTheEnd.struck, beforeTheMark.struck]).toEqual([1, 1]);
  await settle(h);
  const shown = boss.messages.length;
  expect(await bot.deliverAgain(update)).toBe(200);
  await settle(h);
  return boss.textsSince(shown);
}

/** Each correction up to its summary: the status or the institution chosen, a source and a date. */
const corrections = [
  { command: "/setstatus", choose: "released", action: "prisoner.status" },
  { command: "/move", choose: "СИЗО-1 (Тверь)", action: "prisoner.move" },
];

it.each(corrections)("$command Save delivered again after it was stored: one history row, one audit row, \"saved\" again", async (correction) => {
  const upToTheSummary = async (asOf: string) => {
    await boss.send(`${correction.command} ${SLUG}`);
    await boss.press(correction.choose);
    await boss.send(SOURCE);
    await boss.send(asOf);
  };
  await upToTheSummary("2026-02");
  const told = await saveDeliveredAgain();

  // The first delivery changed the value; saved a second time it would read "the value was already the same".
  expect(told).toHaveLength(1);
  expect(told[0]).toContain("Saved. The change is in the prisoner's history");
  const history = (await getPrisonerHistory(h.db, SLUG)).filter((entry) => entry.changedBy === boss.id);
  expect(history).toHaveLength(1);
  expect(await auditActions(h, `prisoner:${SLUG}`)).toEqual([correction.action]);

  // Another correction is another summary message: saved again (the same value, so "confirmed").
  await upToTheSummary("2026-03");
  await boss.press("Save");
  expect(boss.lastText()).toContain("Saved: the value was already the same");
  expect(await auditActions(h, `prisoner:${SLUG}`)).toEqual([correction.action, correction.action]);
});
