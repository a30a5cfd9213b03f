import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectPath } from "../../../src/project-path.js";
import { CONVERSATION_VERSION } from "../../../src/bot/index.js";
import { LAST_VERSION_WRITING_IN_CONVERSATION } from "../../../src/bot/features/letter/flow/upgrade.js";
import { conversationKey } from "../../../src/db/conversation-storage.js";
import { Harness } from "../../helpers/harness.js";
import type { TestUser } from "../../helpers/test-user.js";
import { newChannelId, sendIn } from "../../organisers/world.js";
import { expectNoFailures, KAGARLITSKY, lettersOf, onlyLetter, profileOf, startWritingTo, textOf } from "./helpers.js";

/**
 * The letter flow's writing stage (issue 14, docs/letter-flow-stages.md): messages are added to the draft by plain
 * middleware against the writing stage on the writer's row; the conversation runs before (whom, guidance, constructor)
 * and after (check, signature, delivery), and for the writing screen's buttons that wait for more.
 */
let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

const storedFlows = async (chatId: number) =>
  (await h.db.selectFrom("conversation_state").select("key").where("key", "=", conversationKey(chatId)).execute()).length;
async function stageOf(userId: number): Promise<{ token: string; slug: string } | null> {
  const row = await h.db.selectFrom("users").select("letter_stage").where("id", "=", userId).executeTakeFirstOrThrow();
  return row.letter_stage ? (JSON.parse(row.letter_stage) as { token: string; slug: string }) : null;
}
const draftOf = async (writer: TestUser) => (await onlyLetter(h, writer.id)).text;

describe("the hand-over between the conversation and the writing stage", () => {
  it("conversation → writing stage → conversation (replace, check) → writing stage, each on the same buttons (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    // The opening screen is a stage too: the conversation that showed it ended, the stage holds its token.
    expect(await storedFlows(writer.id)).toBe(0);
    const opening = await stageOf(writer.id);
    expect(opening).toMatchObject({ slug: KAGARLITSKY, opening: { gender: "male" } });
    expect(writer.findButton("ℹ️ More").button).toMatchObject({ callback_data: `lw:${opening?.token}:more:-` });
    expect(textOf(await writer.send("Здравствуйте, Борис Юльевич!"))).toContain("Letter to Boris Kagarlitsky");
    // The writing screen: the same token, no longer the opening.
    expect(await storedFlows(writer.id)).toBe(0);
    const stage = await stageOf(writer.id);
    expect(stage).toEqual({ token: opening?.token, slug: KAGARLITSKY, system: "ru" });
    expect(writer.findButton("Done: check the letter").button).toMatchObject({ callback_data: `lw:${stage?.token}:done:-` });
    expect(textOf(await writer.send("Пишу Вам из Кракова."))).toMatch(/^Saved\./u);

    // "Replace" waits for the new text: the conversation takes over, and gives the stage back once it has it.
    expect(textOf(await writer.press("Replace all of it"))).toContain("Send the new text of the whole letter");
    expect(await storedFlows(writer.id)).toBe(1);
    expect(await stageOf(writer.id)).toBeNull();
    await writer.send("Здравствуйте! Пишу Вам из Вильнюса.");
    expect(await draftOf(writer)).toBe("Здравствуйте! Пишу Вам из Вильнюса.");
    expect(await storedFlows(writer.id)).toBe(0);
    expect(await stageOf(writer.id)).toEqual(stage);
    await writer.send("Что Вы сейчас читаете?");
    expect(await draftOf(writer)).toBe("Здравствуйте! Пишу Вам из Вильнюса.\n\nЧто Вы сейчас читаете?");

    // "Done": the conversation checks; "edit" brings the writing screen and stage back, with the same token.
    expect(textOf(await writer.press("Done: check the letter"))).toContain("How will you sign the letter?");
    // The signing screen is a stage too: the check's conversation ended, the stage keeps its counts.
    expect(await storedFlows(writer.id)).toBe(0);
    // With the press that led there ("A press delivered again", docs/letter-flow-stages.md).
    expect(await stageOf(writer.id)).toEqual({ ...stage, signing: { summary: {}, clean: true }, press: expect.any(String) });
    // A message on the signing screen is the signature, not a paragraph.
    expect(textOf(await writer.press("Edit the letter"))).toContain("Letter to Boris Kagarlitsky");
    expect(await storedFlows(writer.id)).toBe(0);
    expect(await stageOf(writer.id)).toEqual({ ...stage, press: expect.any(String) });
    await writer.send("Желаю Вам здоровья.");
    expect(await draftOf(writer)).toBe("Здравствуйте! Пишу Вам из Вильнюса.\n\nЧто Вы сейчас читаете?\n\nЖелаю Вам здоровья.");
    expectNoFailures(h);
  });

  it("a paragraph opened from the stage takes the next message as its new text, then the stage adds again (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич!");
    await writer.send("Я живу в Гданьске.");
    expect(textOf(await writer.press("Show the draft"))).toContain("2 paragraphs");
    // Showing the paragraphs waits for nothing: still the writing stage.
    expect(await storedFlows(writer.id)).toBe(0);
    await writer.press(/^2$/u);
    expect(await storedFlows(writer.id)).toBe(1);
    await writer.send("Я живу в Кракове.");
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!\n\nЯ живу в Кракове.");
    expect(await storedFlows(writer.id)).toBe(0);
    await writer.send("Что Вы читаете?");
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!\n\nЯ живу в Кракове.\n\nЧто Вы читаете?");
    expectNoFailures(h);
  });
});

describe("the opening screen's stage", () => {
  it("survives a restart: its buttons work, and the first message starts the draft and brings the writing screen (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const opening = await stageOf(writer.id);
    await h.restart();
    // "More" waits for nothing: the conversation answers it and gives the same screen back.
    expect(textOf(await writer.press("ℹ️ More"))).toContain("Before you write:");
    expect(await storedFlows(writer.id)).toBe(0);
    expect(await stageOf(writer.id)).toEqual(opening);
    // The editor's "Check and sign" on an empty draft: said so, the screen stays.
    await writer.pressData(writer.findButton("ℹ️ More").message.message_id, `lw:${opening?.token}:done:-`);
    expect(writer.lastText()).toContain("The letter is still empty");
    expect(await stageOf(writer.id)).toEqual(opening);
    expect(textOf(await writer.send("Здравствуйте, Борис Юльевич!"))).toContain("Letter to Boris Kagarlitsky");
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!");
    expect(await stageOf(writer.id)).toEqual({ token: opening?.token, slug: KAGARLITSKY, system: "ru" });
    expect(textOf(await writer.send("Пишу Вам из Кракова."))).toMatch(/^Saved\./u);
    expectNoFailures(h);
  });

  it("answers edits and media with a note, forged or stale buttons as stale, and keeps the screen (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    const [screen] = await writer.send(`/start w_${KAGARLITSKY}`);
    const opening = await stageOf(writer.id);
    expect(textOf(await writer.sendSticker())).toContain("Only text goes into the letter");
    const edited = h.fake.injectEditedMessage(writer.id, writer.chatId, screen!.message_id - 1, "/start");
    await h.handled(edited);
    expect(writer.lastText()).toContain("Editing a message you already sent does not change the draft");
    // A writing-screen action with the opening's token (the screen has none), and "more" with another token.
    const more = writer.findButton("ℹ️ More").message.message_id;
    await writer.pressData(more, `lw:${opening?.token}:discard:-`);
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    await writer.pressData(more, "lw:zzzzz:more:-");
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    expect(await stageOf(writer.id)).toEqual(opening);
    expect(await lettersOf(h, writer.id)).toEqual([]);
    // "Help me begin" leaves the stage for the constructor, a conversation.
    expect(textOf(await writer.press("Help me begin in Russian"))).toContain("How would you like to address");
    expect(await stageOf(writer.id)).toBeNull();
    expect(await storedFlows(writer.id)).toBe(1);
    expectNoFailures(h);
  });
});

describe("the signing screen's stage", () => {
  it("takes a signature across restarts, answers what it does not take, and finishes the letter (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич! Пишу Вам из Кракова.");
    await writer.press("Done: check the letter");
    const signing = await stageOf(writer.id);
    expect(signing).toMatchObject({ signing: { clean: true } });
    await h.restart();
    expect(textOf(await writer.sendSticker())).toContain("Please send the signature as text");
    expect(textOf(await writer.send("Оксана\nЛьвів\nПольща"))).toContain("Send at most two lines");
    // Forged data and a writing-screen action with this token: stale, the screen stays.
    const screen = writer.findButton("Edit the letter").message.message_id;
    await writer.pressData(screen, `lw:${signing?.token}:sign-saved:-`);
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    await writer.pressData(screen, `lw:${signing?.token}:discard:-`);
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    expect(await stageOf(writer.id)).toEqual(signing);
    // The checklist needs the recipient: the conversation answers it and gives the screen back.
    expect(textOf(await writer.press("🗒"))).not.toBe("");
    expect(await stageOf(writer.id)).toEqual(signing);
    expect(await storedFlows(writer.id)).toBe(0);

    expect(textOf(await writer.send("Оксана\nЛьвів"))).toContain("Sign as “Оксана, Львів”. Remember this signature");
    await h.restart();
    expect(textOf(await writer.send("Оксана"))).toContain("Please choose one of the buttons above.");
    await writer.press("Yes, remember it");
    expect(textOf(writer.messages)).toContain("Your letter to Boris Kagarlitsky is ready");
    expect((await onlyLetter(h, writer.id)).status).not.toBe("draft");
    expect(await stageOf(writer.id)).toBeNull();
    expect(await profileOf(h, writer.id)).toMatchObject({ remembered: 1, signature_name: "Оксана", signature_city: "Львів" });
    expectNoFailures(h);
  });
});

describe("the writing stage", () => {
  it("survives a restart: messages are added and the screen's buttons from before it work (uk)", async () => {
    const writer = h.user({ languageCode: "uk" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич!");
    await h.restart();
    await writer.send("Пишу Вам из Кракова.");
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!\n\nПишу Вам из Кракова.");
    expect(textOf(await writer.press("Показати чернетку"))).toContain("2 абзаци");
    expectNoFailures(h);
  });

  it("answers stickers and edits without losing anything, and forged or stale buttons as stale (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич!");
    const stage = await stageOf(writer.id);
    expect(textOf(await writer.sendSticker())).toContain("Your draft is safe: 28 characters");
    const screen = writer.findButton("Done: check the letter").message;
    // An action the screen never had, and the screen's action with another flow's token: neither acts.
    await writer.pressData(screen.message_id, `lw:${stage?.token}:sign-saved:-`);
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    await writer.pressData(screen.message_id, "lw:zzzzz:discard:-");
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    expect(await stageOf(writer.id)).toEqual(stage);
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!");
    expectNoFailures(h);
  });

  it("is left by /cancel, which says the draft is kept; the next message is no paragraph (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич!");
    await writer.send("/cancel");
    expect(writer.lastText()).toContain("Your draft is saved");
    expect(await stageOf(writer.id)).toBeNull();
    await writer.send("Пишу Вам из Кракова.");
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!");
    // The old screen's buttons are stale now.
    await writer.press("Done: check the letter");
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    expectNoFailures(h);
  });

  it("is left by /start; /write offers the draft, whose writing screen brings the stage back (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич!");
    await writer.send("/start");
    expect(await stageOf(writer.id)).toBeNull();
    await writer.send("/write");
    await writer.press(/Continue/u);
    expect(await stageOf(writer.id)).toMatchObject({ slug: KAGARLITSKY });
    await writer.send("Пишу Вам из Кракова.");
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!\n\nПишу Вам из Кракова.");
    expectNoFailures(h);
  });
});

describe("a writer mid-letter when the writing stage was deployed", () => {
  /** What a previous version stored for a writer on a step other than the writing screen: the conversation, waiting. */
  async function storedByPreviousVersion(writer: TestUser): Promise<string> {
    // The constructor is a waiting conversation of this version; the token and draft come from it.
    await startWritingTo(writer, KAGARLITSKY);
    await writer.press("Help me begin");
    await h.db.updateTable("users").set({ letter_stage: null }).where("id", "=", writer.id).execute();
    const key = conversationKey(writer.id);
    const row = await h.db.selectFrom("conversation_state").select("value").where("key", "=", key).executeTakeFirstOrThrow();
    const stored = JSON.parse(row.value) as { version: [number, number] };
    stored.version[1] = CONVERSATION_VERSION - 1;
    await h.db.updateTable("conversation_state").set({ value: JSON.stringify(stored) }).where("key", "=", key).execute();
    return row.value;
  }

  it("is put in the writing stage of that draft with the same token, when the older flow waited on the writing screen", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич!");
    // Recorded from the previous version (5c02f0f) after two messages: its log waits on the writing screen.
    const older = readFileSync(projectPath("test/fixtures/letter-flow-v3-writing.json"), "utf8").replaceAll("700000001", String(writer.id));
    expect(JSON.parse(older).version[1]).toBe(LAST_VERSION_WRITING_IN_CONVERSATION);
    await h.db.updateTable("users").set({ letter_stage: null }).where("id", "=", writer.id).execute();
    await h.db.insertInto("conversation_state").values({ key: conversationKey(writer.id), value: older, updated_at: h.clock.now().toISOString() }).execute();

    expect(textOf(await writer.send("Пишу Вам из Кракова."))).toMatch(/^Saved\./u);
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!\n\nПишу Вам из Кракова.");
    expect(await storedFlows(writer.id)).toBe(0);
    expect(await stageOf(writer.id)).toMatchObject({ token: "k3x9q", slug: KAGARLITSKY });
    // The older screen's buttons carry that token: they work.
    await writer.pressData(writer.findButton("Done: check the letter").message.message_id, "lw:k3x9q:show:-");
    expect(writer.lastText()).toContain("2 paragraphs");
    expectNoFailures(h);
  });

  it("is told to start again when the older flow waited anywhere else (the constructor)", async () => {
    const writer = h.user({ languageCode: "en" });
    await storedByPreviousVersion(writer);
    await writer.send("Здравствуйте, Борис Юльевич!");
    expect(writer.lastText()).toContain("This step is out of date");
    expect(await stageOf(writer.id)).toBeNull();
    expectNoFailures(h);
  });
});

describe("the writing stage and other chats", () => {
  it("a command the writer sends in a group leaves their letter alone: the next private message is still a paragraph (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич!");
    const stage = await stageOf(writer.id);
    expect(stage).toMatchObject({ slug: KAGARLITSKY });
    const group = newChannelId();
    h.fake.addGroup({ id: group, title: "Letter evening", type: "supergroup" });
    h.fake.setMember(group, writer.id, "member");
    await sendIn(h, writer, group, "/help");
    expect(await stageOf(writer.id)).toEqual(stage);
    expect(textOf(await writer.send("Как Вы себя чувствуете?"))).toMatch(/^Saved\./u);
    expect(await draftOf(writer)).toBe("Здравствуйте, Борис Юльевич!\n\nКак Вы себя чувствуете?");
    expectNoFailures(h);
  });
});
