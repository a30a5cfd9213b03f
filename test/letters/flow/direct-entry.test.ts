import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { conversationKey } from "../../../src/db/conversation-storage.js";
import { draftCounts, getOrCreateDraft, saveDraftText, setStarterClosing } from "../../../src/db/repositories/letters.js";
import { countsOf } from "../../../src/domain/letters/text-counts.js";
import { VISIT_RESOLUTION_MS } from "../../../src/db/repositories/users.js";
import { Harness } from "../../helpers/harness.js";
import { Statements } from "../../helpers/statements.js";
import type { TestUser } from "../../helpers/test-user.js";
import { linkWorkingChat } from "../../organisers/world.js";
import { expectNoFailures, KAGARLITSKY, lettersOf, onlyLetter, startWritingTo, textOf } from "./helpers.js";

/**
 * Step 1 for a person known by slug (`/start w_<slug>`, the write buttons, a draft's "continue") runs without the
 * letter conversation (issue 14, docs/letter-flow-stages.md): it shows the opening screen (or a draft's writing
 * screen) and records the stage, and the first message typed there saves the draft in one statement.
 */
let h: Harness;
let statements: Statements;
beforeEach(async () => {
  statements = new Statements();
  // Retention's start-up pass (an UPDATE of letters) runs on its own timer beside the counted steps: `statements`
  // counts only what the bot runs for an update (test/helpers/update-scope.ts).
  h = await Harness.start({ dbPlugins: [statements] });
});
afterEach(async () => h.stop());

/** Kamardin's last known SIZO is not believed current: only organisers reach him (test/routes/desk.test.ts). */
const KAMARDIN = "kamardin-artem";

const storedFlows = async (chatId: number) =>
  (await h.db.selectFrom("conversation_state").select("key").where("key", "=", conversationKey(chatId)).execute()).length;
async function stageOf(userId: number): Promise<{ token: string; slug: string; opening?: unknown } | null> {
  const row = await h.db.selectFrom("users").select("letter_stage").where("id", "=", userId).executeTakeFirstOrThrow();
  return row.letter_stage ? (JSON.parse(row.letter_stage) as { token: string; slug: string; opening?: unknown }) : null;
}
const lastMessageId = (writer: TestUser) => writer.messages.at(-1)!.message_id;

describe("step 1 without the conversation", () => {
  it("stores no flow, and survives a restart right after it: the first message starts the draft, the next is added (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    expect(textOf(await writer.send(`/start w_${KAGARLITSKY}`))).toContain("Letter to Boris Kagarlitsky");
    expect(await storedFlows(writer.id)).toBe(0);
    const opening = await stageOf(writer.id);
    expect(opening).toMatchObject({ slug: KAGARLITSKY, system: "ru", opening: { gender: "male" } });
    expect(opening?.token).toMatch(/^[0-9a-z]{5}$/u);
    await h.restart();
    expect(textOf(await writer.send("Здравствуйте, Борис Юльевич!"))).toContain("Letter to Boris Kagarlitsky");
    expect(await stageOf(writer.id)).toEqual({ token: opening?.token, slug: KAGARLITSKY, system: "ru" });
    await h.restart();
    expect(textOf(await writer.send("Пишу Вам из Кракова."))).toMatch(/^Saved\./u);
    const letter = await onlyLetter(h, writer.id);
    expect(letter.text).toBe("Здравствуйте, Борис Юльевич!\n\nПишу Вам из Кракова.");
    expect(draftCounts(letter)).toEqual(countsOf(letter.text));
    expectNoFailures(h);
  });

  it("reads no stored flow for someone writing to the bot for the first time; a returning writer's flow is still read (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    const first = await statements.during(() => writer.send(`/start w_${KAGARLITSKY}`));
    // The visit (missed, then recorded), the lookup, the stage: no flow can be stored for a person just recorded.
    expect(first.filter((statement) => !statement.endsWith(" rate_limit_windows"))).toEqual(["Select users", "Insert users", "Select prisoners", "Update users"]);
    // A flow waiting (the search's question), then an answer after the recorded visit went stale: the visit is
    // written again, as for someone new, and the flow is read and goes on.
    const returning = h.user({ languageCode: "en" });
    await returning.send("/start");
    await returning.send("/write");
    h.clock.advance(VISIT_RESOLUTION_MS + 60_000);
    const answer = await statements.during(() => returning.send("Kagarlitsky"));
    expect(answer).toContain("Insert users");
    expect(answer).toContain("Select conversation_state");
    expect(returning.buttons().some((label) => label.includes("Boris Kagarlitsky"))).toBe(true);
    expectNoFailures(h);
  });

  it("draws a new token each time, so the previous opening screen's buttons answer as stale (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const first = await stageOf(writer.id);
    const firstScreen = lastMessageId(writer);
    await startWritingTo(writer, KAGARLITSKY);
    const second = await stageOf(writer.id);
    expect(second?.token).not.toBe(first?.token);
    await writer.pressData(firstScreen, `lw:${first?.token}:more:-`);
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    expect(await stageOf(writer.id)).toEqual(second);
    expect(textOf(await writer.press("ℹ️ More"))).toContain("Before you write:");
    expectNoFailures(h);
  });

  it("refuses a first message over the limit and keeps the screen; nothing is saved (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const opening = await stageOf(writer.id);
    const reply = textOf(await writer.send("Пишу Вам снова. ".repeat(800)));
    expect(reply).toContain("12,000");
    expect(reply).toContain("The draft is still empty");
    expect(await lettersOf(h, writer.id)).toEqual([]);
    expect(await stageOf(writer.id)).toEqual(opening);
    expect(textOf(await writer.send("   "))).toContain("The draft is still empty");
    expect(await lettersOf(h, writer.id)).toEqual([]);
    expectNoFailures(h);
  });

  it("adds the first message to text the editor saved while the opening screen was open, instead of replacing it (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    // The editor Mini App saves through the same repository (src/services/webapp/).
    const draft = await getOrCreateDraft(h.db, writer.id, KAGARLITSKY, new Date());
    await saveDraftText(h.db, { letterId: draft.id, writerId: writer.id, text: "Written in the editor.", now: new Date() });
    expect(textOf(await writer.send("Typed in the chat."))).toContain("Letter to Boris Kagarlitsky");
    const letter = await onlyLetter(h, writer.id);
    expect(letter.text).toBe("Written in the editor.\n\nTyped in the chat.");
    expect(draftCounts(letter)).toEqual(countsOf(letter.text));
    expectNoFailures(h);
  });

  it("takes an emptied draft's row for the first message, and a second draft is never made (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await getOrCreateDraft(h.db, writer.id, KAGARLITSKY, new Date());
    await writer.send("Здравствуйте!");
    const [letter] = await lettersOf(h, writer.id);
    expect(await lettersOf(h, writer.id)).toHaveLength(1);
    expect(letter?.text).toBe("Здравствуйте!");
    expect(draftCounts(letter!)).toEqual(countsOf("Здравствуйте!"));
    expectNoFailures(h);
  });
});

describe("the write buttons without the conversation", () => {
  it("leave the search waiting for a name: the opening screen takes the next message (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send("/write");
    expect(await storedFlows(writer.id)).toBe(1);
    await writer.pressData(lastMessageId(writer), `write:${KAGARLITSKY}`);
    expect(writer.lastText()).toContain("Letter to Boris Kagarlitsky");
    expect(await storedFlows(writer.id)).toBe(0);
    expect(await stageOf(writer.id)).toMatchObject({ slug: KAGARLITSKY });
    await writer.send("Здравствуйте, Борис Юльевич!");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте, Борис Юльевич!");
    expectNoFailures(h);
  });

  it("move a writer mid-letter to another person; the first draft is kept, its screen's buttons are stale (ru)", async () => {
    await linkWorkingChat(h, -100_777_000_222);
    const writer = h.user({ languageCode: "ru" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич!");
    const writing = await stageOf(writer.id);
    const writingScreen = lastMessageId(writer);
    await writer.pressData(writingScreen, `write:${KAMARDIN}`);
    expect(await stageOf(writer.id)).toMatchObject({ slug: KAMARDIN, opening: { gender: "male" } });
    await writer.pressData(writingScreen, `lw:${writing?.token}:show:-`);
    expect(writer.lastCallbackAnswer()).toContain("Эта кнопка относится к шагу, который уже прошёл");
    expect(await stageOf(writer.id)).toMatchObject({ slug: KAMARDIN });
    await writer.send("Здравствуйте, Артём!");
    const texts = (await lettersOf(h, writer.id)).map((letter) => [letter.prisoner_slug, letter.text]);
    expect(texts).toEqual([
      [KAGARLITSKY, "Здравствуйте, Борис Юльевич!"],
      [KAMARDIN, "Здравствуйте, Артём!"],
    ]);
    expectNoFailures(h);
  });

  it("answer a person who cannot be written to, an unknown one and a forged slug, leaving the stage; the draft stays (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте!");
    const screen = lastMessageId(writer);
    // No chat is linked: Kamardin cannot be reached, which is said with what the writer can do instead.
    expect(textOf(await writer.pressData(screen, `write:${KAMARDIN}`))).toContain("Artem Kamardin");
    expect(await stageOf(writer.id)).toBeNull();
    expect(await storedFlows(writer.id)).toBe(0);
    // The next message is no paragraph of the letter the writer left.
    await writer.send("Ещё абзац");
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте!");

    expect(textOf(await writer.pressData(screen, "write:nobody-by-this-name"))).toContain("This person is not in our directory");
    await writer.pressData(screen, "write:Not_A_Slug");
    expect(writer.lastCallbackAnswer()).toContain("This button is out of date");
    expect(await stageOf(writer.id)).toBeNull();
    expect((await onlyLetter(h, writer.id)).text).toBe("Здравствуйте!");
    expectNoFailures(h);
  });

  it("continue a returning writer's draft on its writing screen, with its figures (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич!");
    await writer.send("Пишу Вам из Кракова.");
    // A letter finished before, to anyone: the writer is returning.
    const at = new Date().toISOString();
    await h.db
      .insertInto("letters")
      .values({ writer_id: writer.id, prisoner_slug: KAMARDIN, status: "finished", route: "post", text: "Earlier.", created_at: at, updated_at: at, finished_at: at })
      .execute();
    const [continued, screen] = await writer.send(`/start w_${KAGARLITSKY}`);
    expect(continued?.text).toContain("continue");
    const text = "Здравствуйте, Борис Юльевич!\n\nПишу Вам из Кракова.";
    expect(screen?.text).toContain(`${countsOf(text).characters} characters`);
    expect(await stageOf(writer.id)).toMatchObject({ slug: KAGARLITSKY });
    expect((await stageOf(writer.id))?.opening).toBeUndefined();
    expect(textOf(await writer.send("Третий абзац."))).toMatch(/^Saved\./u);
    expect((await lettersOf(h, writer.id)).find((letter) => letter.status === "draft")?.text).toBe(`${text}\n\nТретий абзац.`);
    expectNoFailures(h);
  });

  it("take a draft up again from its stage with one read of it, which also says whether it still ends with the starter's closing, and one write of the stage (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    await writer.send("Здравствуйте, Борис Юльевич!");
    const draft = await onlyLetter(h, writer.id);
    const resume = async () => {
      const run = await statements.during(() => writer.send(`/start w_${KAGARLITSKY}`));
      expect(writer.messages.at(-2)?.text).toContain("Let's continue your letter");
      // The person, the draft's figures and its closing in the lookup's one statement: the draft is not read again.
      expect(run.filter((statement) => statement.endsWith(" prisoners") || statement.endsWith(" letters"))).toEqual(["Select prisoners"]);
      // The writing stage left for the new screen's: its stored flows deleted, its record overwritten in one write.
      expect(run.filter((statement) => statement.endsWith(" conversation_state") || statement === "Update users")).toEqual(["Delete conversation_state", "Update users"]);
      return writer.lastText();
    };
    expect(await resume()).not.toContain("before the closing");

    // A draft from the constructor: new messages go before its closing while the text ends with it.
    const closing = "Желаю Вам сил.\n\nС теплом,";
    await saveDraftText(h.db, { letterId: draft.id, writerId: writer.id, text: `Здравствуйте, Борис Юльевич!\n\n${closing}`, now: h.clock.now() });
    await setStarterClosing(h.db, { letterId: draft.id, writerId: writer.id, closing });
    expect(await resume()).toContain("Your messages go in before the closing of the starter");
    expect(textOf(await writer.send("Что Вы читаете?"))).toContain("Saved before the wishes and the sign-off");
    expect((await onlyLetter(h, writer.id)).text).toBe(`Здравствуйте, Борис Юльевич!\n\nЧто Вы читаете?\n\n${closing}`);

    // Once the text no longer ends with it, messages go to the end.
    await saveDraftText(h.db, { letterId: draft.id, writerId: writer.id, text: "Здравствуйте, Борис Юльевич!", now: h.clock.now() });
    expect(await resume()).not.toContain("before the closing");
    expectNoFailures(h);
  });
});
