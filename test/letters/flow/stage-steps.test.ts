import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONVERSATION_VERSION } from "../../../src/bot/index.js";
import { projectPath } from "../../../src/project-path.js";
import { conversationKey } from "../../../src/db/conversation-storage.js";
import { getOrCreateDraft, saveDraftText } from "../../../src/db/repositories/letters.js";
import { linkCampaignChat, markChatBroken, unlinkCampaignChat } from "../../../src/db/repositories/campaign-chats.js";
import { linkDesk } from "../../../src/db/repositories/desk.js";
import { Harness } from "../../helpers/harness.js";
import { Statements } from "../../helpers/statements.js";
import type { TestUser } from "../../helpers/test-user.js";
import { linkedGroup, organiser } from "../../organisers/world.js";
import { expectNoFailures, KAGARLITSKY, onlyLetter, profileOf, startWritingTo, textOf, ZEYTULLAEV } from "./helpers.js";

/**
 * "Check" and the route step (issue 14, docs/letter-flow-stages.md): "Done" on the writing screen is answered by the
 * writing stage (a clean check moves on to the signing screen and stage), and the signing screen's answer finishes a
 * letter whose only route asks nothing, both without the letter conversation; a check with findings and a route that
 * asks enter the conversation with what the stage read, which is not read again.
 */
let h: Harness;
let statements: Statements;
beforeEach(async () => {
  statements = new Statements();
  // Retention's start-up pass and the outbox worker run on their own timers: `statements` counts only what the bot
  // runs for an update (test/helpers/update-scope.ts), so they may run beside a counted step.
  h = await Harness.start({ dbPlugins: [statements], newsScheduler: "manual" });
});
afterEach(async () => h.stop());

const storedFlows = async (chatId: number) =>
  (await h.db.selectFrom("conversation_state").select("key").where("key", "=", conversationKey(chatId)).execute()).length;
async function stageOf(userId: number): Promise<Record<string, unknown> | null> {
  const row = await h.db.selectFrom("users").select("letter_stage").where("id", "=", userId).executeTakeFirstOrThrow();
  return row.letter_stage ? (JSON.parse(row.letter_stage) as Record<string, unknown>) : null;
}
const count = (list: string[], statement: string) => list.filter((entry) => entry === statement).length;
const checkedLogs = () => h.logs.filter((line) => line.includes('"letter checked"')).length;

async function writeTo(slug: string, text: string): Promise<TestUser> {
  const writer = h.user({ languageCode: "en" });
  await startWritingTo(writer, slug);
  await writer.send(text);
  return writer;
}

describe('"Done: check the letter" in the writing stage', () => {
  it("a clean letter: checked once, the signing screen shown and its stage entered, no conversation stored or read", async () => {
    const writer = await writeTo(KAGARLITSKY, "Здравствуйте, Борис Юльевич! Пишу Вам из Кракова.");
    const token = (await stageOf(writer.id))?.token;
    const run = await statements.during(async () => {
      const reply = textOf(await writer.press("Done: check the letter"));
      expect(reply).toContain("The check found nothing");
      expect(reply).toContain("How will you sign the letter?");
    });
    expect(run.filter((statement) => statement.endsWith(" conversation_state"))).toEqual([]);
    // The visit (a read: the writer was seen minutes ago); the lookup, which reads the draft for the check and the writer's profile in the same statement; the
    // stage moved on in one UPDATE of the user row (on Postgres the flood limit's window comes first).
    expect(run.filter((statement) => !statement.endsWith(" rate_limit_windows"))).toEqual(["Select users", "Select prisoners", "Update users"]);
    expect(checkedLogs()).toBe(1);
    expect(await stageOf(writer.id)).toMatchObject({ token, slug: KAGARLITSKY, signing: { clean: true, summary: {} } });
    expect(await storedFlows(writer.id)).toBe(0);
    // The signing screen works after a restart, and its "edit" brings the writing screen back with the same token.
    await h.restart();
    expect(textOf(await writer.press("Edit the letter"))).toContain("Letter to Boris Kagarlitsky");
    expect(await stageOf(writer.id)).toEqual({ token, slug: KAGARLITSKY, system: "ru", press: expect.any(String) });
    expectNoFailures(h);
  });

  it("counts the step's own statements, not a retention pass the app runs beside it", async () => {
    const writer = await writeTo(KAGARLITSKY, "Здравствуйте, Борис Юльевич! Пишу Вам из Кракова.");
    const run = await statements.during(() => Promise.all([writer.press("Done: check the letter"), h.running.retention.runOnce()]));
    expect(run.filter((statement) => !statement.endsWith(" rate_limit_windows"))).toEqual(["Select users", "Select prisoners", "Update users"]);
  });

  it("findings: the conversation shows them from the stage's check (not checked again) and survives a restart", async () => {
    const writer = await writeTo(KAGARLITSKY, "Здравствуйте! Держитесь, скоро свобода.");
    const run = await statements.during(async () => expect(textOf(await writer.press("Done: check the letter"))).toContain("The check found 2 suggestions"));
    expect(checkedLogs()).toBe(1);
    // The draft read once, with the profile, in the lookup's statement.
    expect(count(run, "Select prisoners")).toBe(1);
    // The user row is read once, for the visit.
    expect(count(run, "Select users")).toBe(1);
    expect(count(run, "Select letters")).toBe(0);
    // The findings screen waits for an answer: a stored conversation, no stage. Its write replaces any flow a crash
    // left (the next test): no DELETE before it.
    expect(run.filter((statement) => statement.endsWith(" conversation_state"))).toEqual(["Insert conversation_state"]);
    expect(await storedFlows(writer.id)).toBe(1);
    expect(await stageOf(writer.id)).toBeNull();
    await h.restart();
    expect(textOf(await writer.send("Sam"))).toContain("press “Edit the letter”");
    expect(textOf(await writer.press("Keep it as it is"))).toContain("How will you sign the letter?");
    expect(checkedLogs()).toBe(1);
    expect(await stageOf(writer.id)).toMatchObject({ signing: { clean: false } });
    expectNoFailures(h);
  });

  it("findings: a flow a crash left stored beside the writing stage is replaced by the findings screen's", async () => {
    const writer = await writeTo(KAGARLITSKY, "Здравствуйте! Держитесь, скоро свобода.");
    // Recorded from main 1b19886: another findings screen of this letter (token 6p0it), as a crash between a flow
    // parking in the stage and the plugin deleting its state would leave it (the stage does not read stored flows).
    const stored = readFileSync(projectPath("test/fixtures/letter-flow-v5-findings.json"), "utf8").replaceAll("700000042", String(writer.id));
    await h.db.insertInto("conversation_state").values({ key: conversationKey(writer.id), value: stored, updated_at: h.clock.now().toISOString() }).execute();
    const left = writer.messages.at(-1)!.message_id;
    expect(textOf(await writer.press("Done: check the letter"))).toContain("The check found 2 suggestions");
    const row = await h.db.selectFrom("conversation_state").select("value").where("key", "=", conversationKey(writer.id)).executeTakeFirstOrThrow();
    expect(row.value).not.toContain("6p0it");
    // The left flow's buttons are stale; the new screen's work.
    expect(textOf(await writer.pressData(left, "lw:6p0it:keep:-"))).not.toContain("How will you sign the letter?");
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is");
    expect(textOf(await writer.press("❓ 1"))).toContain("Why:");
    expectNoFailures(h);
  });

  it("an emptied draft is answered on the writing screen, whose stage stays", async () => {
    const writer = await writeTo(KAGARLITSKY, "Здравствуйте!");
    const stage = await stageOf(writer.id);
    await h.db.updateTable("letters").set({ text: "  " }).where("writer_id", "=", writer.id).execute();
    expect(textOf(await writer.press("Done: check the letter"))).toContain("The letter is still empty");
    expect(await stageOf(writer.id)).toEqual(stage);
    expect(await storedFlows(writer.id)).toBe(0);
    expect(checkedLogs()).toBe(0);
    expectNoFailures(h);
  });

  it("a person freed since is refused as on entry: the stage is left, the draft kept", async () => {
    const writer = await writeTo(KAGARLITSKY, "Здравствуйте, Борис Юльевич!");
    await h.db.updateTable("prisoners").set({ status: "released" }).where("slug", "=", KAGARLITSKY).execute();
    expect(textOf(await writer.press("Done: check the letter"))).toContain("Boris Kagarlitsky is free");
    expect(await stageOf(writer.id)).toBeNull();
    expect((await onlyLetter(h, writer.id)).status).toBe("draft");
    expect(checkedLogs()).toBe(0);
    expectNoFailures(h);
  });

  it("the editor's 'Check and sign' on the opening screen is checked by that stage; findings go on in the conversation", async () => {
    const writer = h.user({ languageCode: "en" });
    await startWritingTo(writer, KAGARLITSKY);
    const opening = await stageOf(writer.id);
    const screen = writer.findButton("ℹ️ More").message.message_id;
    // What the Mini App saves: a draft with text while the chat still shows the opening screen.
    const draft = await getOrCreateDraft(h.db, writer.id, KAGARLITSKY, h.clock.now());
    await saveDraftText(h.db, { letterId: draft.id, writerId: writer.id, text: "Здравствуйте! Держитесь, скоро свобода.", now: h.clock.now() });
    const run = await statements.during(() => writer.pressData(screen, `lw:${String(opening?.token)}:done:-`));
    expect(writer.lastText()).toContain("The check found 2 suggestions");
    expect(checkedLogs()).toBe(1);
    expect(count(run, "Select prisoners")).toBe(1);
    // The user row is read once, for the visit.
    expect(count(run, "Select users")).toBe(1);
    expect(count(run, "Select letters")).toBe(0);
    expect(await storedFlows(writer.id)).toBe(1);
    expect(textOf(await writer.press("Keep it as it is"))).toContain("How will you sign the letter?");
    expect(await stageOf(writer.id)).toEqual({ token: opening?.token, slug: KAGARLITSKY, system: "ru", signing: { summary: { tone: { advice: 2 } }, clean: false }, press: expect.any(String) });
    expectNoFailures(h);
  });

  it("a forged or stale 'done' is answered as stale and changes nothing", async () => {
    const writer = await writeTo(KAGARLITSKY, "Здравствуйте!");
    const stage = await stageOf(writer.id);
    const screen = writer.findButton("Done: check the letter").message.message_id;
    await writer.pressData(screen, "lw:aaaaaaaa:done:-");
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    expect(await stageOf(writer.id)).toEqual(stage);
    expect(checkedLogs()).toBe(0);
    expectNoFailures(h);
  });
});

describe("the route step from the signing stage", () => {
  async function signed(text = "Здравствуйте, Борис Юльевич! Пишу Вам из Кракова.") {
    const writer = await writeTo(KAGARLITSKY, text);
    await writer.press("Done: check the letter");
    expect(textOf(await writer.send("Оксана\nЛьвів"))).toContain("Remember this signature");
    return writer;
  }

  it("one route that asks nothing (FSIN-pismo): finished without a conversation, the stage left, the letter handed over", async () => {
    const writer = await signed();
    const run = await statements.during(async () => {
      const reply = textOf(await writer.press("Yes, remember it"));
      expect(reply).toContain("Your letter to Boris Kagarlitsky is ready");
      expect(reply).toContain("FSIN-pismo, step by step");
    });
    // Leaving the stage deletes any stored flow (as entering a conversation did); no flow is read or written.
    expect(run.filter((statement) => statement.endsWith(" conversation_state"))).toEqual(["Delete conversation_state"]);
    // The person is read once, in the lookup's one statement, which also says whether organisers take their letters
    // and whether there is a desk at all: neither is read again.
    expect(count(run, "Select prisoners")).toBe(1);
    expect(count(run, "Select campaign_chats")).toBe(0);
    expect(count(run, "Select organisation_desk")).toBe(0);
    // No service is recorded for this person (the lookup says so): none read. The draft the lookup found is finished
    // in one UPDATE, not read again in a transaction.
    expect(count(run, "Select prisoner_intermediaries")).toBe(0);
    expect(count(run, "Select letters")).toBe(0);
    expect(count(run, "Update letters")).toBe(1);
    expect(await storedFlows(writer.id)).toBe(0);
    expect(await stageOf(writer.id)).toBeNull();
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "finished", route: "fsin_pismo", signature_name: "Оксана", signature_city: "Львів" });
    expect(await profileOf(h, writer.id)).toMatchObject({ remembered: 1, signature_name: "Оксана" });
    expect(writer.messages.some((message) => message.document !== undefined)).toBe(true);
    // The answered button again: stale, nothing finished twice.
    await writer.press("Yes, remember it");
    expect(writer.lastCallbackAnswer()).toContain("This button belongs to a step that is over");
    expectNoFailures(h);
  });

  it("'No' finishes without remembering, after a restart", async () => {
    const writer = await signed();
    await h.restart();
    expect(textOf(await writer.press("No, only this letter"))).toContain("Your letter to Boris Kagarlitsky is ready");
    expect(await profileOf(h, writer.id)).toBeUndefined();
    expect((await onlyLetter(h, writer.id)).status).toBe("finished");
    expectNoFailures(h);
  });

  it("a person freed since is refused: nothing finished, nothing remembered, the stage left", async () => {
    const writer = await signed();
    await h.db.updateTable("prisoners").set({ status: "released" }).where("slug", "=", KAGARLITSKY).execute();
    expect(textOf(await writer.press("Yes, remember it"))).toContain("Boris Kagarlitsky is free");
    expect((await onlyLetter(h, writer.id)).status).toBe("draft");
    expect(await profileOf(h, writer.id)).toBeUndefined();
    expect(await stageOf(writer.id)).toBeNull();
    expectNoFailures(h);
  });
});

const CRIMEAN = "crimean-political-prisoners";
const OTHER = "open-letter-2025";
const [CRIMEAN_CHAT, OTHER_CHAT, DESK_CHAT] = [-100_555_000_001, -100_555_000_002, -100_555_000_003];
const RUSSIAN = "Здравствуйте, Руслан! Пишу Вам из Кракова, у нас уже тепло.";

async function link(campaignSlug: string, chatId: number, title: string, options: { public?: boolean } = {}): Promise<void> {
  await linkCampaignChat(h.db, { campaignSlug, chatId, chatType: "supergroup", title, locale: "en", linkedBy: 1, public: options.public ?? false, now: h.clock.now() });
}

/** A letter to Zeytullaev written, checked (a letter not in Russian kept as it is) and signed: "remember it?" waits. */
async function signedToZeytullaev(text = RUSSIAN): Promise<TestUser> {
  const writer = h.user({ languageCode: "en" });
  await startWritingTo(writer, ZEYTULLAEV);
  await writer.send(text);
  await writer.press("Done: check the letter");
  if (writer.buttons().includes("Keep it as it is")) {
    await writer.press("Keep it as it is");
    await writer.press("Yes, keep it as it is");
  }
  expect(textOf(await writer.send("Оксана\nЛьвів"))).toContain("Remember this signature");
  return writer;
}

const relayedTo = async (letterId: number) =>
  (await h.db.selectFrom("relayed_letters").select("chat_id").where("letter_id", "=", letterId).executeTakeFirst())?.chat_id;

/**
 * The same answer choosing the organisers' route (Zeytullaev's only one once a chat takes his letters): the lookup says
 * whose organisers take letters and whether there is a desk, and the route's questions (a translation, a public chat)
 * read the chat and the draft in one statement.
 */
describe("the organisers' route chosen on the signing screen", () => {
  it("reads whose organisers take the letter with the lookup, and the chat with the draft in one statement", async () => {
    await link(CRIMEAN, CRIMEAN_CHAT, "Crimean organisers");
    const writer = await signedToZeytullaev();
    const run = await statements.during(async () => {
      const reply = textOf(await writer.press("No, only this letter"));
      expect(reply).toContain("Why through organisers");
      expect(reply).toContain("May the organisers see your Telegram name?");
    });
    // The visit, the lookup (which says a campaign's chat takes letters and whether there is a desk), the relay
    // quota, leaving the stage (its record; a stale stored flow is deleted only when the update writes none:
    // bot/flows/stale-flows.ts), the chat with the draft, the flow stored.
    expect(run.filter((statement) => !statement.endsWith(" rate_limit_windows"))).toEqual([
      "Select users",
      "Select prisoners",
      "Select letters",
      "Update users",
      "Select ?",
      "Insert conversation_state",
    ]);
    await writer.press("No, only the signature");
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "relayed", route: "organisers", share_identity: 0 });
    expect(await relayedTo(letter.id)).toBe(CRIMEAN_CHAT);
    expectNoFailures(h);
  });

  it("of two campaigns, goes to the one whose chat works and names it when it is public", async () => {
    await h.db.insertInto("prisoner_campaigns").values({ prisoner_slug: ZEYTULLAEV, campaign_slug: OTHER }).execute();
    await link(CRIMEAN, CRIMEAN_CHAT, "Crimean organisers", { public: true });
    await link(OTHER, OTHER_CHAT, "Open letter organisers", { public: true });
    await markChatBroken(h.db, CRIMEAN_CHAT, "kicked", h.clock.now());
    const writer = await signedToZeytullaev();
    const reply = textOf(await writer.press("No, only this letter"));
    expect(reply).toContain("«Open letter organisers», a public chat");
    expect(reply).not.toContain("Crimean organisers");
    await writer.press("Send without my Telegram name");
    expect(await relayedTo((await onlyLetter(h, writer.id)).id)).toBe(OTHER_CHAT);
    expectNoFailures(h);
  });

  it("goes to a desk that translates when the campaign's chat is broken, and offers the translation", async () => {
    await link(CRIMEAN, CRIMEAN_CHAT, "Crimean organisers", { public: true });
    await markChatBroken(h.db, CRIMEAN_CHAT, "kicked", h.clock.now());
    await linkDesk(h.db, { chatId: DESK_CHAT, chatType: "supergroup", title: "Desk", locale: "en", linkedBy: 1, public: false, now: h.clock.now() });
    await h.db.updateTable("organisation_desk").set({ offers_translation: 1 }).execute();
    const writer = await signedToZeytullaev("Добрий день, Руслане! Пишу вам увечері, після роботи. Ми про вас пам'ятаємо, чекаємо й віримо, що скоро побачимося.");
    const reply = textOf(await writer.press("No, only this letter"));
    expect(reply).toContain("Why through the desk");
    expect(reply).toContain("The organisers on this route translate letters");
    expect(reply).not.toContain("a public chat");
    await writer.press("Ask for a translation into Russian");
    await writer.press("No, only the signature");
    expect(await relayedTo((await onlyLetter(h, writer.id)).id)).toBe(DESK_CHAT);
    expectNoFailures(h);
  });

  it("a chat unlinked since the signature: nobody takes the letter, which stays a draft", async () => {
    await link(CRIMEAN, CRIMEAN_CHAT, "Crimean organisers");
    const writer = await signedToZeytullaev();
    await unlinkCampaignChat(h.db, CRIMEAN);
    expect(textOf(await writer.press("No, only this letter"))).not.toContain("Why through organisers");
    expect(writer.buttons()).not.toContain("No, only the signature");
    expect((await onlyLetter(h, writer.id)).status).toBe("draft");
    expectNoFailures(h);
  });

  it("a person moved out of the campaign since the signature: its organisers no longer take the letter", async () => {
    await link(CRIMEAN, CRIMEAN_CHAT, "Crimean organisers");
    const writer = await signedToZeytullaev();
    await h.db.deleteFrom("prisoner_campaigns").where("prisoner_slug", "=", ZEYTULLAEV).execute();
    expect(textOf(await writer.press("No, only this letter"))).not.toContain("Why through organisers");
    expect((await onlyLetter(h, writer.id)).status).toBe("draft");
    expect(await relayedTo((await onlyLetter(h, writer.id)).id)).toBeUndefined();
    expectNoFailures(h);
  });
});

describe("a flow stored by the code before this change", () => {
  it("a findings screen stored by main 1b19886 (version 5) is answered: the conversation reads the same calls in the same order", async () => {
    const writer = await writeTo(KAGARLITSKY, "Здравствуйте! Держитесь, скоро свобода.");
    // Recorded from main 1b19886: "Done" pressed on this letter, the findings screen waiting (token 6p0it).
    const stored = readFileSync(projectPath("test/fixtures/letter-flow-v5-findings.json"), "utf8").replaceAll("700000042", String(writer.id));
    expect(JSON.parse(stored).version).toEqual([0, CONVERSATION_VERSION]);
    await h.db.updateTable("users").set({ letter_stage: null }).where("id", "=", writer.id).execute();
    await h.db.insertInto("conversation_state").values({ key: conversationKey(writer.id), value: stored, updated_at: h.clock.now().toISOString() }).execute();
    const screen = writer.messages.at(-1)!.message_id;
    expect(textOf(await writer.pressData(screen, "lw:6p0it:keep:-"))).toContain("How will you sign the letter?");
    expect(await stageOf(writer.id)).toEqual({ token: "6p0it", slug: KAGARLITSKY, system: "ru", signing: { summary: { tone: { advice: 2 } }, clean: false }, press: expect.any(String) });
    expect(await storedFlows(writer.id)).toBe(0);
    expectNoFailures(h);
  });

  // Recorded from main 18e0ea8 (before `readDelivery` served the conversation too): organisers linked, "Yes, remember
  // it" pressed, the route question waiting after the lookup, the remembered signature and the three delivery reads.
  async function routeQuestionStored(): Promise<{ writer: TestUser; screen: number }> {
    const boss = await organiser(h, { languageCode: "en" });
    await linkedGroup(h, boss);
    const writer = await writeTo(KAGARLITSKY, "Здравствуйте, Борис Юльевич! Пишу Вам из Кракова.");
    await writer.press("Done: check the letter");
    const stored = readFileSync(projectPath("test/fixtures/letter-flow-v5-route.json"), "utf8").replaceAll("700000002", String(writer.id));
    expect(JSON.parse(stored).version).toEqual([0, CONVERSATION_VERSION]);
    await h.db.updateTable("users").set({ letter_stage: null }).where("id", "=", writer.id).execute();
    await h.db.insertInto("conversation_state").values({ key: conversationKey(writer.id), value: stored, updated_at: h.clock.now().toISOString() }).execute();
    return { writer, screen: writer.messages.at(-1)!.message_id };
  }

  it("a route question stored by main 18e0ea8 (version 5) is answered with FSIN-pismo: the delivery reads replay in the same order", async () => {
    const { writer, screen } = await routeQuestionStored();
    expect(textOf(await writer.pressData(screen, "lw:fx4yb:route:fsin_pismo"))).toContain("Your letter to Boris Kagarlitsky is ready");
    expect(await onlyLetter(h, writer.id)).toMatchObject({ status: "finished", route: "fsin_pismo", signature_name: "Оксана", signature_city: "Львів" });
    expect(await storedFlows(writer.id)).toBe(0);
    expectNoFailures(h);
  });

  it("the same stored question answered with the organisers goes on to their identity question, then relays the letter", async () => {
    const { writer, screen } = await routeQuestionStored();
    await writer.pressData(screen, "lw:fx4yb:route:organisers");
    expect(writer.buttons()).toContain("Yes, show my Telegram name");
    await writer.press("Yes, show my Telegram name");
    expect(await onlyLetter(h, writer.id)).toMatchObject({ status: "relayed", route: "organisers", signature_name: "Оксана" });
    expectNoFailures(h);
  });
});

