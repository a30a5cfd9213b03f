import { afterEach, describe, expect, it } from "vitest";
import { enqueue } from "../../src/outbox/index.js";
import { Harness } from "../helpers/harness.js";
import { lettersOf, startDraft, until, writeFinishedLetter } from "./flows.js";

let h: Harness;
afterEach(async () => h?.stop());

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const LETTER = "Здравствуйте, Борис Юльевич! Пишу Вам из Гента, у нас весна.";
const DRAFT = "Здравствуйте! Это начало письма, которое я допишу позже.";

describe("retention, run by the scheduled job the app starts", () => {
  it("deletes finished letters' text after LETTER_TEXT_RETENTION_DAYS and abandoned drafts after DRAFT_RETENTION_DAYS", async () => {
    h = await Harness.start({ env: { RETENTION_INTERVAL_SECONDS: "1", LETTER_TEXT_RETENTION_DAYS: "30", DRAFT_RETENTION_DAYS: "60" } });
    const writer = h.user({ languageCode: "en" });
    await writeFinishedLetter(writer, LETTER, "Ян\nГент");
    const abandoned = h.user({ languageCode: "en" });
    await startDraft(abandoned, DRAFT);
    expect(await conversationsOf(abandoned.id)).toBe(1);

    h.clock.advance(29 * DAY_MS);
    await h.running.retention.runOnce();
    expect((await lettersOf(h, writer.id))[0]?.text).toBe(LETTER);

    // No test code runs the job from here on: the app's schedule (every second in this test) does.
    h.clock.advance(2 * DAY_MS);
    await until(async () => (await lettersOf(h, writer.id))[0]?.text === null);
    const [finished] = await lettersOf(h, writer.id);
    expect(finished).toMatchObject({ status: "finished", route: "fsin_pismo", text: null });
    expect(finished?.text_purged_at).not.toBeNull();
    const [draft] = await lettersOf(h, abandoned.id);
    expect(draft).toMatchObject({ status: "draft", text: DRAFT });

    h.clock.advance(30 * DAY_MS);
    await until(async () => (await lettersOf(h, abandoned.id))[0]?.status === "discarded");
    expect((await lettersOf(h, abandoned.id))[0]?.text).toBeNull();
    // The flow in progress holds what was typed in it: it goes with the draft, in the same pass of the job, which
    // discards the drafts first and may still be running when the status is seen.
    await until(async () => (await conversationsOf(abandoned.id)) === 0);
    expect(await conversationsOf(abandoned.id)).toBe(0);
    // The bot still knows both people; only the texts went.
    await abandoned.send("/start");
    expect(abandoned.lastText()).toContain("Lysty helps you write");
  });

  it("keeps the writing stage of someone seen within DRAFT_RETENTION_DAYS, though a visit minutes after another is not written", async () => {
    h = await Harness.start({ env: { DRAFT_RETENTION_DAYS: "1" } });
    const writer = h.user({ languageCode: "en" });
    await startDraft(writer, DRAFT);
    // Minutes later: this visit is not written (the one recorded is recent), the paragraph is saved.
    h.clock.advance(5 * MINUTE_MS);
    await writer.send("Second paragraph.");
    // A day since the first message, not since the second: the writer was seen within the retention period.
    h.clock.advance(DAY_MS - 2 * MINUTE_MS);
    await h.running.retention.runOnce();
    expect(await conversationsOf(writer.id)).toBe(1);
    await writer.send("Third paragraph.");
    expect((await lettersOf(h, writer.id))[0]?.text).toBe(`${DRAFT}\n\nSecond paragraph.\n\nThird paragraph.`);
  });

  it("deletes sent outbox messages after the letter retention period, leaving those not yet sent", async () => {
    h = await Harness.start();
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    await enqueue(h.db, { kind: "notice", ref: "test:1", chatId: writer.chatId, method: "sendMessage", payload: { text: "Your letter was printed." } }, { now: h.clock.now() });
    await until(async () => (await outboxRows()).some((row) => row.status === "sent"));
    await enqueue(
      h.db,
      { kind: "notice", ref: "test:2", chatId: writer.chatId, method: "sendMessage", payload: { text: "Later." }, sendAt: new Date(h.clock.now().getTime() + 90 * DAY_MS) },
      { now: h.clock.now() },
    );
    // A relay that failed for good keeps its row (the record of what did not arrive) but not the letter in it.
    const [failed] = await enqueue(
      h.db,
      { kind: "unregistered", ref: "test:3", chatId: -1001, method: "sendMessage", payload: { text: "Letter text." } },
      { now: h.clock.now() },
    );
    await h.db.updateTable("outbox").set({ status: "failed" }).where("id", "=", failed!).execute();
    h.clock.advance(31 * DAY_MS);
    const summary = await h.running.retention.runOnce();
    expect(summary.sentMessages).toBe(1);
    expect(summary.failedPayloads).toBe(1);
    expect((await outboxRows()).map((row) => row.ref)).toEqual(["test:2", "test:3"]);
    const rows = await h.db.selectFrom("outbox").select(["ref", "payload"]).orderBy("id").execute();
    expect(rows.map((row) => row.payload)).toEqual([JSON.stringify({ text: "Later." }), JSON.stringify({ purged: true })]);
  });
});

/** Flows in progress: a stored conversation, or the letter's writing stage on the person's row. */
async function conversationsOf(userId: number): Promise<number> {
  const flows = (await h.db.selectFrom("conversation_state").select("key").where("key", "=", `flow:${userId}`).execute()).length;
  const stages = await h.db.selectFrom("users").select("id").where("id", "=", userId).where("letter_stage", "is not", null).execute();
  return flows + stages.length;
}

async function outboxRows() {
  return h.db.selectFrom("outbox").select(["ref", "status"]).orderBy("id").execute();
}
