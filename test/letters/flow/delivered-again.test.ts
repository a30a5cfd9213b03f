import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wasUpdateHandled } from "../../../src/db/repositories/coordination.js";
import { CrashPoint } from "../../helpers/crash-point.js";
import { DeliveredAgain } from "../../helpers/delivered-again.js";
import type { Harness } from "../../helpers/harness.js";
import type { TestUser } from "../../helpers/test-user.js";
import { expectNoFailures, KAGARLITSKY, onlyLetter, replacingSecondParagraph, startWritingTo, textOf } from "./helpers.js";

/**
 * Issue 14, item 5, in webhook mode: the process dies after a message's save committed and before the update was
 * recorded handled, so Telegram, which never had its answer, delivers the same update again to the restarted bot
 * (on Postgres once the dead process's lease ran out). The message must be answered as saved and be in the draft once,
 * on every path a message of the writing stage takes (docs/letter-flow-stages.md, "A message delivered again").
 */
let bot: DeliveredAgain;
let h: Harness;
/** The death after the save: the webhook's record of the update handled fails (test/helpers/crash-point.ts). */
let beforeTheMark: CrashPoint;
/** A death inside the handling, between the draft's write and the stage's. */
let beforeTheStage: CrashPoint;
beforeEach(async () => {
  beforeTheMark = new CrashPoint();
  beforeTheStage = new CrashPoint();
  bot = await DeliveredAgain.start({ dbPlugins: [beforeTheMark, beforeTheStage], env: { RATE_LIMIT_PER_MINUTE: "0" } });
  h = bot.h;
});
afterEach(async () => bot.stop());

const AT = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
const draftOf = async (writer: TestUser) => (await onlyLetter(h, writer.id)).text;

/** `act` sends one update, whose save commits and whose record as handled fails, as if the process died there. */
async function diesBeforeTheMark(act: () => Promise<unknown>): Promise<Update> {
  const struck = beforeTheMark.struck;
  beforeTheMark.arm("seen_updates", "letters");
  await act();
  const update = await bot.lastDelivered();
  expect(beforeTheMark.struck).toBe(struck + 1);
  return update;
}

/** The process starts again and Telegram delivers `update` again: what the writer was answered this time. */
async function restartAndDeliverAgain(writer: TestUser, update: Update): Promise<string> {
  const before = writer.messages.length;
  expect(await bot.deliverAgain(update)).toBe(200);
  return textOf(writer.messages.slice(before));
}

describe("a message of the writing stage delivered again after the process died once it was saved", () => {
  it("is answered as saved and not appended a second time (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Dear Boris,");
    const update = await diesBeforeTheMark(() => writer.send("I live in Gdansk."));
    expect(await draftOf(writer)).toBe("Dear Boris,\n\nI live in Gdansk.");

    expect(await restartAndDeliverAgain(writer, update)).toMatch(/^Saved\./u);
    expect(await draftOf(writer)).toBe("Dear Boris,\n\nI live in Gdansk.");
    await writer.send("Take care.");
    expect(await draftOf(writer)).toBe("Dear Boris,\n\nI live in Gdansk.\n\nTake care.");
    expectNoFailures(h);
  });

  it("keeps the first text of a draft once, whether the process died after the whole update or before its stage (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const first = await diesBeforeTheMark(() => writer.send("Dear Boris,"));
    expect(await restartAndDeliverAgain(writer, first)).toMatch(/^Saved\./u);
    expect(await draftOf(writer)).toBe("Dear Boris,");

    const other = h.user({ languageCode: "en" });
    await startWritingTo(other, KAGARLITSKY);
    // Died between the draft's write and the stage's: the opening screen takes the same message again.
    beforeTheStage.arm("users", "letters");
    const update = await diesBeforeTheMark(() => other.send("Dear Boris Yulievich,"));
    expect(beforeTheStage.struck).toBe(1);
    expect(await restartAndDeliverAgain(other, update)).toContain("Your draft so far: 21 characters");
    expect(await draftOf(other)).toBe("Dear Boris Yulievich,");
    await other.send("I live in Gdansk.");
    expect(await draftOf(other)).toBe("Dear Boris Yulievich,\n\nI live in Gdansk.");
  });

  it("dies in the message's own update while a retention pass writes letters and users meanwhile (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    beforeTheStage.arm("users", "letters");
    // A restarted app's start-up pass running late, between the arming and the message (CI, Postgres): its writes of
    // letters, users and seen_updates are not the message's, so neither crash point may strike them.
    const update = await diesBeforeTheMark(async () => {
      await h.running.retention.runOnce();
      return writer.send("Dear Boris Yulievich,");
    });
    expect(beforeTheStage.struck).toBe(1);
    expect(await wasUpdateHandled(h.db, update.update_id)).toBe(false);
    expect(await restartAndDeliverAgain(writer, update)).toContain("Your draft so far: 21 characters");
    expect(await draftOf(writer)).toBe("Dear Boris Yulievich,");
  });

  it("places a paste's piece once when it comes again after a later piece (en)", async () => {
    const writer = await replacingSecondParagraph(h, AT);
    // A paste in three pieces replacing paragraph 2: the second dies before its mark, the third follows it.
    await writer.send("I live in Krakow now.");
    const second = await diesBeforeTheMark(() => writer.send("We have a cat called Boris."));
    expect(textOf(await writer.send("He sleeps on my books."))).toContain("it went in after paragraph 3, as paragraph 4");
    const pasted = ["Dear Boris,", "I live in Krakow now.", "We have a cat called Boris.", "He sleeps on my books.", "Take care."].join("\n\n");
    expect(await draftOf(writer)).toBe(pasted);

    expect(await restartAndDeliverAgain(writer, second)).toMatch(/^Saved\./u);
    expect(await draftOf(writer)).toBe(pasted);
    expectNoFailures(h);
  });

  it("joins a piece the client cut inside a paragraph once, also after a message that came later (en)", async () => {
    const sentences = Array.from({ length: 90 }, (_, index) => `I write to you for the ${index + 1}th time and tell you about the books I read.`).join(" ");
    const stop = sentences.lastIndexOf(". ", 4095);
    // Telegram Desktop's cut: at the last space after a full stop within 4,096 characters, the space dropped.
    const [one, two] = [sentences.slice(0, stop + 1), sentences.slice(stop + 2)];
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    h.clock.set(AT);
    await writer.send(one);
    const joined = await diesBeforeTheMark(() => writer.send(two));
    expect(await draftOf(writer)).toBe(sentences);
    h.clock.set(new Date(AT.getTime() + 60_000));
    await writer.send("Take care.");

    expect(await restartAndDeliverAgain(writer, joined)).toMatch(/^Saved\./u);
    expect(await draftOf(writer)).toBe(`${sentences}\n\nTake care.`);
    expectNoFailures(h);
  });
});
