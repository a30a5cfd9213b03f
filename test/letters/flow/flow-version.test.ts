import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONVERSATION_VERSION } from "../../../src/bot/index.js";
import { conversationKey } from "../../../src/db/conversation-storage.js";
import { Harness } from "../../helpers/harness.js";
import { expectNoFailures, KAGARLITSKY, onlyLetter, startWritingTo } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

const OUTDATED =
  "This step is out of date: the bot has been updated since you started it. Please start again, for example with /start. Your letter drafts are kept.";

/** What a deploy that bumped CONVERSATION_VERSION leaves behind: the chat's stored flow, written by the older code. */
async function storedByOlderVersion(chatId: number): Promise<void> {
  const key = conversationKey(chatId);
  const row = await h.db.selectFrom("conversation_state").select("value").where("key", "=", key).executeTakeFirstOrThrow();
  const stored = JSON.parse(row.value) as { version: [number, number] };
  stored.version[1] = CONVERSATION_VERSION - 1;
  await h.db.updateTable("conversation_state").set({ value: JSON.stringify(stored) }).where("key", "=", key).execute();
}

async function storedFlows(chatId: number): Promise<number> {
  const rows = await h.db.selectFrom("conversation_state").select("key").where("key", "=", conversationKey(chatId)).execute();
  return rows.length;
}

describe("a stored flow of an older version", () => {
  it("is dropped with a translated 'start again'; the draft is kept and the letter can be continued", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич!");
    // "Replace all of it": a conversation waiting for the new text (the opening, writing and signing screens are
    // stages, no conversation: docs/letter-flow-stages.md).
    await writer.press("Replace all of it");
    await storedByOlderVersion(writer.id);

    await writer.send("Пишу Вам из Вильнюса.");
    expect(writer.lastText()).toBe(OUTDATED);
    expect(await storedFlows(writer.id)).toBe(0);
    // The message meant for the old flow is not taken for anything else (a search, a new draft).
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте, Борис Юльевич!");

    await writer.send("/write");
    await writer.press("Continue");
    await writer.send("Пишу Вам из Вильнюса.");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте, Борис Юльевич!\n\nПишу Вам из Вильнюса.");
    expectNoFailures(h);
  });

  it("answers a button of the old flow with an alert in the writer's language, and lets commands through", async () => {
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте!");
    await writer.press("Замінити весь текст");
    await storedByOlderVersion(writer.id);
    const shown = writer.messages.length;

    await writer.press("Залишити чернетку як є");
    expect(writer.lastCallbackAnswer()).toContain("Цей крок уже застарів");
    expect(writer.messages.length).toBe(shown);
    expect(await storedFlows(writer.id)).toBe(0);

    await writer.press("Залишити чернетку як є");
    expect(writer.lastCallbackAnswer()).not.toContain("Цей крок уже застарів");

    await storedByOlderVersionAfterNewFlow(writer);
    await writer.send("/start");
    expect(writer.lastText()).not.toContain("Цей крок уже застарів");
    expect(writer.buttons().length).toBeGreaterThan(0);
    expectNoFailures(h);
  });
});

/** Starts the flow again (continuing the draft), on to "replace all of it", and marks its stored state as written by older code. */
async function storedByOlderVersionAfterNewFlow(writer: ReturnType<Harness["user"]>): Promise<void> {
  await writer.send("/write");
  await writer.press("Продовжити");
  await writer.press("Замінити весь текст");
  await storedByOlderVersion(writer.id);
}
