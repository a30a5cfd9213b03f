import { afterEach, beforeEach, expect, it } from "vitest";
import { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import type { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { settle } from "../organisers/world.js";

/**
 * Issue 14 (z36a), webhook mode: "Send to organisers" at the end of "someone not listed" stores the review in one
 * transaction; the flow's end is stored after it. When the process dies between the two, Telegram delivers the same
 * press again to a stored flow still waiting at the confirmation; since z35d its refused answer no longer ends the
 * flow, so the confirmation message is the key: one review, one card, and the writer is told "sent" again.
 */
let bot: DeliveredAgain;
let h: Harness;
/** The death after the review committed: the flow's end (its stored state deleted) fails… */
let beforeTheEnd: CrashPoint;
/** …and so does the webhook's record of the update handled. */
let beforeTheMark: CrashPoint;
let writer: TestUser;
beforeEach(async () => {
  beforeTheEnd = new CrashPoint();
  beforeTheMark = new CrashPoint();
  bot = await DeliveredAgain.start({ dbPlugins: [beforeTheEnd, beforeTheMark] });
  h = bot.h;
  writer = h.user({ languageCode: "uk" });
  await writer.send("/start");
});
afterEach(async () => bot.stop());

async function upToTheConfirmation(): Promise<void> {
  await writer.send("/write");
  await writer.send("Петренко");
  await writer.press("Написати людині, якої немає в списку");
  await writer.send("Петренко Олена");
  await writer.press("Жінка");
  await writer.press("Не знаю");
  await writer.send("ИК-4 Торжок");
  await writer.press(/ИК-4/);
  expect(writer.lastText()).toContain("Дані, які ви надали (не перевірені):");
}

it("\"Send to organisers\" delivered again after the review was stored: one review, and \"sent\" again", async () => {
  await upToTheConfirmation();
  beforeTheEnd.arm("conversation_state", "directory_reviews");
  beforeTheMark.arm("seen_updates", "directory_reviews");
  await writer.press("Надіслати організаторам");
  const update = await bot.lastDelivered();
  expect([beforeTheEnd.struck, beforeTheMark.struck]).toEqual([1, 1]);
  await settle(h);
  // The first delivery was told "sent" (and, as the test's death is a thrown error, "something went wrong").
  expect(writer.messages.filter((message) => message.text?.startsWith("Надіслано організаторам"))).toHaveLength(1);
  const shown = writer.messages.length;
  expect(await bot.deliverAgain(update)).toBe(200);
  await settle(h);

  const told = writer.textsSince(shown);
  expect(told).toHaveLength(1);
  expect(told[0]).toContain("Надіслано організаторам");
  const reviews = await h.db.selectFrom("directory_reviews").select(["id", "submitted_by"]).where("kind", "=", "suggestion").execute();
  expect(reviews).toHaveLength(1);
  const cards = await h.db.selectFrom("prisoners").select("slug").where("private_to", "=", writer.id).execute();
  expect(cards).toHaveLength(1);

  // Another suggestion is another confirmation message: a second review.
  await upToTheConfirmation();
  await writer.press("Надіслати організаторам");
  expect(await h.db.selectFrom("directory_reviews").select("id").where("kind", "=", "suggestion").execute()).toHaveLength(2);
});
