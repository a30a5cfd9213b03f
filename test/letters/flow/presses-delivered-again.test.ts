import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CrashPoint } from "../../helpers/crash-point.js";
import { DeliveredAgain } from "../../helpers/delivered-again.js";
import type { Harness } from "../../helpers/harness.js";
import type { TestUser } from "../../helpers/test-user.js";
import { linkWorkingChat } from "../../organisers/world.js";
import { KAGARLITSKY, lettersOf, onlyLetter, profileOf, startWritingTo, textOf } from "./helpers.js";

/**
 * Issue 14, fifteenth round (z38e), webhook mode: a press of the letter flow whose effect committed before the process
 * died, and before the update was recorded handled, is delivered again by Telegram to the restarted bot. It must do
 * its effect once and show the writer the same outcome again — in particular the press that finished the letter ends
 * its flow, and must show the letter's final screen again rather than "this button belongs to a step that is over"
 * (docs/letter-flow-stages.md, "A press delivered again"). A button of an ended flow on any other message is still
 * out of date.
 */
let bot: DeliveredAgain;
let h: Harness;
/** The death after the press's effect: the webhook's record of the update handled fails (test/helpers/crash-point.ts). */
let crash: CrashPoint;
/** A death inside the handling, before the flow's end is stored (the write that fails stands for it). */
let beforeTheFlowsEnd: CrashPoint;
beforeEach(async () => {
  crash = new CrashPoint();
  beforeTheFlowsEnd = new CrashPoint();
  bot = await DeliveredAgain.start({ dbPlugins: [crash, beforeTheFlowsEnd], env: { RATE_LIMIT_PER_MINUTE: "0" } });
  h = bot.h;
});
afterEach(async () => bot.stop());

const LETTER = "Здравствуйте, Борис Юльевич! Пишу Вам из Вильнюса, у нас выпал первый снег. Что Вы сейчас читаете?";
const STALE = "This button belongs to a step that is over. Your letter is saved: use /write to continue it.";
// The same, once the letter is finished and no other draft is left.
const STALE_NO_DRAFT = "This button belongs to a step that is over, and you have no unfinished letter. /letters shows your letters; /write starts a new one.";
const ORGANISERS_CHAT = -100_777_000_222;

/** `act` presses a button whose effect writes `table`; the process dies before the update is recorded handled. */
async function diesAfter(table: string, act: () => Promise<unknown>): Promise<Update> {
  const struck = crash.struck;
  crash.arm("seen_updates", table);
  await act();
  const update = await bot.lastDelivered();
  expect(crash.struck).toBe(struck + 1);
  return update;
}

/** The bot restarts and Telegram delivers `update` again: what the writer was shown this time. */
async function shownAgain(writer: TestUser, update: Update): Promise<string[]> {
  const before = writer.messages.length;
  expect(await bot.deliverAgain(update)).toBe(200);
  return writer.textsSince(before);
}

/** The writer's letter checked clean and on the signing screen, a signature typed: "remember it?" waits. */
async function signed(writer: TestUser): Promise<void> {
  await startWritingTo(writer, KAGARLITSKY);
  await writer.send(LETTER);
  await writer.press("Done: check the letter");
  await writer.send("Anna\nVilnius");
}

const inlineData = (message: { reply_markup?: unknown }): string[] => {
  const markup = message.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().flatMap((button) => (button.callback_data ? [button.callback_data] : []));
};

const relayItems = () => h.db.selectFrom("outbox").select(["id", "ref"]).where("kind", "=", "relay").orderBy("id").execute();

/** The final screen among what a press showed: from the head with the reference on. */
function finalScreen(shown: string[]): string[] {
  const head = shown.findIndex((text) => /is ready\. Its reference number|went to the organisers/u.test(text));
  expect(head).toBeGreaterThanOrEqual(0);
  return shown.slice(head);
}

describe("the press that finished a letter, delivered again after the process died once the letter was stored", () => {
  it("«Yes, remember it» with FSIN-pismo the only route: the same letter and form again, finished and remembered once (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await signed(writer);
    const before = writer.messages.length;
    const update = await diesAfter("letters", () => writer.press("Yes, remember it"));
    const first = writer.textsSince(before);
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "finished", route: "fsin_pismo", signature_name: "Anna" });
    const profile = await profileOf(h, writer.id);

    const again = await shownAgain(writer, update);
    expect(again).toEqual(finalScreen(first));
    expect(again[0]).toContain(`Your letter to Boris Kagarlitsky is ready. Its reference number: ${letter.reference}`);
    expect(again.join("\n")).toContain("Пишу Вам из Вильнюса");
    expect(again.join("\n")).not.toContain(STALE);
    expect(await lettersOf(h, writer.id)).toEqual([letter]);
    expect(await profileOf(h, writer.id)).toEqual(profile);
  });

  it("a route chosen in the conversation (FSIN-pismo beside the organisers): the same final screen again (en)", async () => {
    await linkWorkingChat(h, ORGANISERS_CHAT);
    const writer = h.user({ languageCode: "en" });
    await signed(writer);
    await writer.press("No, only this letter");
    expect(writer.buttons()).toContain("Through the organisers");
    const before = writer.messages.length;
    const update = await diesAfter("letters", () => writer.press("FSIN-pismo"));
    const first = writer.textsSince(before);
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "finished", route: "fsin_pismo" });

    expect(await shownAgain(writer, update)).toEqual(finalScreen(first));
    expect(await lettersOf(h, writer.id)).toEqual([letter]);
  });

  it("a route chosen, the process dead before the flow's end was stored: the press replays and finds its letter (en)", async () => {
    await linkWorkingChat(h, ORGANISERS_CHAT);
    const writer = h.user({ languageCode: "en" });
    await signed(writer);
    await writer.press("No, only this letter");
    const before = writer.messages.length;
    // The letter finished and its screen sent; the stored flow (waiting for the route) not yet deleted. The failed
    // write is answered "something went wrong", which a real death would not send: left out below.
    beforeTheFlowsEnd.arm("conversation_state", "letters");
    const update = await diesAfter("letters", () => writer.press("FSIN-pismo"));
    expect(beforeTheFlowsEnd.struck).toBe(1);
    const first = writer.textsSince(before);
    expect(first.pop()).toContain("Sorry, something went wrong");
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "finished", route: "fsin_pismo" });

    // Before, the replayed route step tried to finish it again: "This letter was already finished. See /letters."
    expect(await shownAgain(writer, update)).toEqual(first);
    expect(await lettersOf(h, writer.id)).toEqual([letter]);
  });

  it("the organisers' last question: «went to the organisers» again, the letter relayed once (en)", async () => {
    await linkWorkingChat(h, ORGANISERS_CHAT);
    const writer = h.user({ languageCode: "en", firstName: "Anna" });
    await signed(writer);
    await writer.press("No, only this letter");
    await writer.press("Through the organisers");
    const before = writer.messages.length;
    const update = await diesAfter("letters", () => writer.press("Yes, show my Telegram name"));
    const first = writer.textsSince(before);
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "relayed", route: "organisers", share_identity: 1 });
    expect(first[0]).toContain(`went to the organisers. Its reference number: ${letter.reference}`);
    const relayed = await relayItems();
    expect(relayed.length).toBeGreaterThan(0);

    expect(await shownAgain(writer, update)).toEqual(first);
    expect(await lettersOf(h, writer.id)).toEqual([letter]);
    expect(await relayItems()).toEqual(relayed);
  });

  it("a button of the same ended flow on another message is still out of date (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await signed(writer);
    await writer.press("Yes, remember it");
    const before = writer.messages.length;
    // The writing screen's "Done" of the letter just finished: its flow is over, and it finished nothing.
    await writer.press("Done: check the letter");
    expect(writer.textsSince(before)).toEqual([]);
    expect(writer.lastCallbackAnswer()).toBe(STALE_NO_DRAFT);
  });
});

describe("a press that led to the next screen, delivered again after the process died once that screen was stored", () => {
  const stageOf = async (writer: TestUser) => (await h.db.selectFrom("users").select("letter_stage").where("id", "=", writer.id).executeTakeFirstOrThrow()).letter_stage;

  it("«Done» with a clean check: the check and the signing screen again, and the letter signs as before (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send(LETTER.slice(0, 50));
    await writer.send(LETTER.slice(50));
    const before = writer.messages.length;
    const update = await diesAfter("users", () => writer.press("Done: check the letter"));
    const first = writer.textsSince(before);
    expect(first[0]).toContain("The check found nothing that is known to stop this letter");
    const stage = await stageOf(writer);

    const again = await shownAgain(writer, update);
    expect(again).toEqual(first);
    expect(again.join("\n")).not.toContain(STALE);
    expect(await stageOf(writer)).toBe(stage);
    // The "Done" of an earlier writing screen did not lead here: out of date, the screen and stage unchanged.
    const earlier = writer.messages.find((message) => message.message_id < update.callback_query!.message!.message_id && inlineData(message).some((data) => data.endsWith(":done:-")));
    expect(earlier).toBeDefined();
    const shown = writer.messages.length;
    await writer.pressData(earlier!.message_id, inlineData(earlier!).find((data) => data.endsWith(":done:-"))!);
    expect(writer.textsSince(shown)).toEqual([]);
    expect(writer.lastCallbackAnswer()).toBe(STALE);
    expect(await stageOf(writer)).toBe(stage);
    await writer.send("Anna");
    await writer.press("Yes, remember it");
    expect(await onlyLetter(h, writer.id)).toMatchObject({ status: "finished", route: "fsin_pismo", signature_name: "Anna" });
  });

  it("«Keep it as it is» on the findings screen: the signing screen again (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте! Держитесь, скоро свобода.");
    expect(textOf(await writer.press("Done"))).toContain("suggestions about tone");
    const before = writer.messages.length;
    const update = await diesAfter("users", () => writer.press("Keep it as it is"));
    const first = writer.textsSince(before);
    expect(first.join("\n")).toContain("How will you sign the letter?");
    const stage = await stageOf(writer);

    expect(await shownAgain(writer, update)).toEqual(first);
    expect(await stageOf(writer)).toBe(stage);
    await writer.send("Sam");
    await writer.press("No, only this letter");
    expect(await onlyLetter(h, writer.id)).toMatchObject({ status: "finished", signature_name: "Sam" });
  });

  it("«Edit the letter» on the signing screen: the writing screen again, where the next message is added (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send(LETTER);
    await writer.press("Done: check the letter");
    const before = writer.messages.length;
    const update = await diesAfter("users", () => writer.press("✏️ Edit the letter"));
    const first = writer.textsSince(before);
    expect(first.join("\n")).toContain("Letter to Boris Kagarlitsky");
    const stage = await stageOf(writer);

    expect(await shownAgain(writer, update)).toEqual(first);
    expect(await stageOf(writer)).toBe(stage);
    await writer.send("Обнимаю.");
    expect((await onlyLetter(h, writer.id)).text).toBe(`${LETTER}\n\nОбнимаю.`);
  });
});
