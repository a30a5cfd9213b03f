import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { retriedDeadlocks } from "../../src/db/database.js";
import { setLetterStatus } from "../../src/db/repositories/letters.js";
import { listForgetRequests } from "../../src/db/repositories/privacy.js";
import { findUser } from "../../src/db/repositories/users.js";
import { paragraphTag } from "../../src/domain/letters/paragraphs.js";
import { changeParagraph } from "../../src/services/letters/paragraphs.js";
import { finishForgetRequest, forgetUser } from "../../src/services/privacy/forget.js";
import { saveEditedDraft } from "../../src/services/webapp/editor.js";
import { relayRef } from "../../src/domain/letters/relay-refs.js";
import { enqueue } from "../../src/outbox/index.js";
import { recordOutcomes } from "../../src/outbox/record.js";
import { outboxHandlers } from "../../src/services/outbox-handlers.js";
import { relayOutboxHandlers } from "../../src/services/relay/outbox-handlers.js";
import { captureLogs } from "../helpers/log-capture.js";
import { Harness } from "../helpers/harness.js";
import { PauseAfterFirstStatement, PauseAfterStatement, sessionsWaitingForALock, settledOrWaiting, updateOf } from "../helpers/postgres-locks.js";
import { onPostgres, postgresOnly } from "../helpers/skip-reason.js";
import type { TestUser } from "../helpers/test-user.js";
import { callApi, initDataFor, WEBAPP_ENV } from "../helpers/webapp.js";
import { expectNoFailures, KAGARLITSKY, startWritingTo, textOf } from "../letters/flow/helpers.js";
import { linkedGroup, organiser, relayLetter } from "../organisers/world.js";
import { letterOrganisersHold, lettersOf } from "./flows.js";

/**
 * Transactions that write several of one person's rows beside each other on Postgres: retention's finish of a /forget
 * request, /forget itself, a save in the letter editor and the chat's paragraph edits. Each takes the person's row
 * first (`lockPerson`), so none waits for another in a cycle. Each test pauses one of them right after its first
 * statement, starts the other, and goes on only when Postgres says the second waits for a lock (or it finished): no
 * time is guessed.
 */
let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ env: WEBAPP_ENV });
  await h.running.retention.stop();
});
afterEach(async () => h?.stop());

const FIRST = "Здравствуйте, Борис Юльевич! Меня зовут Анна.\n\nЧто Вы сейчас читаете?";
const EDITED = "Здравствуйте, Борис Юльевич! Меня зовут Анна. Желаю Вам здоровья.";

/** A writer with a draft open in the editor: the initData it was opened with and the version it shows. */
async function writerEditing(): Promise<{ writer: TestUser; auth: string; version: string }> {
  const writer = h.user({ languageCode: "en" });
  await startWritingTo(writer, KAGARLITSKY);
  await writer.send(FIRST);
  const auth = initDataFor({ id: writer.id, languageCode: "en" }, h.config.botToken, h.clock.now());
  const session = (await callApi(h, "session", { slug: KAGARLITSKY }, auth)).json as { draft: { version: string } };
  return { writer, auth, version: session.draft.version };
}

const userRows = (id: number) => h.db.selectFrom("users").select("id").where("id", "=", id).execute();

describe.skipIf(!onPostgres)(postgresOnly("an editor save beside retention's finish of a /forget (Postgres)"), () => {
  it("waits for the finish and answers that the writer's data is deleted; nothing is written", async () => {
    const { writer, auth, version } = await writerEditing();
    const held = await letterOrganisersHold(h, writer.id);
    await writer.send("/forget");
    await writer.press("Yes, delete everything");
    expect(writer.lastText()).toContain("Letters that stay with organisers until they print or return them: 1");
    await setLetterStatus(h.db, held, "returned", { now: h.clock.now(), returnReason: "too long" });
    const [listed] = await listForgetRequests(h.db);

    const pause = new PauseAfterFirstStatement();
    const finishing = finishForgetRequest(h.db.withPlugin(pause), listed!, h.clock.now());
    await pause.reached;
    // The editor's autosave of the text on screen, and the same text as "keep mine" sends it after a conflict.
    const saves = [version, "empty"].map((base) => callApi(h, "draft", { slug: KAGARLITSKY, text: EDITED, version: base }, auth));
    await settledOrWaiting(h.db, saves);
    const waiting = await sessionsWaitingForALock(h.db);
    pause.release();

    expect(waiting).toBe(2);
    expect(await finishing).toBe("forgotten");
    expect(await Promise.all(saves)).toEqual([
      { status: 200, json: { kind: "forgotten" } },
      { status: 200, json: { kind: "forgotten" } },
    ]);
    expect(await lettersOf(h, writer.id)).toEqual([]);
    expect(await userRows(writer.id)).toEqual([]);
  });
});

describe.skipIf(!onPostgres)(postgresOnly("/forget beside an editor save (Postgres)"), () => {
  it("waits for the save to end, then deletes what it saved; neither ends in a deadlock", async () => {
    const { writer, version } = await writerEditing();
    const deadlocks = retriedDeadlocks();

    const pause = new PauseAfterFirstStatement();
    const saving = saveEditedDraft({ db: h.db.withPlugin(pause), clock: h.clock }, writer.id, { slug: KAGARLITSKY, text: EDITED, baseVersion: version });
    await pause.reached;
    const forgetting = forgetUser(h.db, writer.id, h.clock.now());
    await settledOrWaiting(h.db, [forgetting]);
    pause.release();

    expect(await saving).toMatchObject({ kind: "saved" });
    expect(await forgetting).toMatchObject({ deleted: { letters: 1, users: 1 }, lettersWithOrganisers: 0 });
    expect(retriedDeadlocks() - deadlocks).toBe(0);
    expect(await lettersOf(h, writer.id)).toEqual([]);
    expect(await userRows(writer.id)).toEqual([]);
  });
});

describe.skipIf(!onPostgres)(postgresOnly("a paragraph edit in the chat beside an editor save (Postgres)"), () => {
  it("waits for the save to end, finds its paragraph changed, and neither ends in a deadlock", async () => {
    const { writer, version } = await writerEditing();
    const stage = (await findUser(h.db, writer.id))?.letter_stage;
    expect(stage).toBeTruthy();
    const deadlocks = retriedDeadlocks();
    const deps = { config: h.config, db: h.db, clock: h.clock, logger: captureLogs().logger };

    const pause = new PauseAfterFirstStatement();
    const saving = saveEditedDraft({ db: h.db.withPlugin(pause), clock: h.clock }, writer.id, { slug: KAGARLITSKY, text: EDITED, baseVersion: version });
    await pause.reached;
    // The second paragraph replaced from the chat (the rest of a paste), with the stage record written beside it.
    const editing = changeParagraph(deps, {
      writerId: writer.id,
      slug: KAGARLITSKY,
      tag: paragraphTag("Что Вы сейчас читаете?"),
      edit: { kind: "replace", index: 1, text: "Что Вы читаете этой осенью?" },
      stage: { raw: stage!, record: stage! },
    });
    await settledOrWaiting(h.db, [editing]);
    pause.release();

    expect(await saving).toMatchObject({ kind: "saved" });
    expect(await editing).toEqual({ ok: false, reason: "changed" });
    expect(retriedDeadlocks() - deadlocks).toBe(0);
    expect((await lettersOf(h, writer.id)).map((letter) => letter.text)).toEqual([EDITED]);
  });
});

describe.skipIf(!onPostgres)(postgresOnly("a paste's piece joined in the chat beside an editor save (Postgres)"), () => {
  it("waits for the save to end, then saves the piece on the saved text; neither ends in a deadlock", async () => {
    // A paste Telegram Desktop cut inside a link (no white space past half of 4,096): the second piece joins the first.
    const sentences = (count: number) => Array.from({ length: count }, (_, index) => `Пишу Вам в ${index + 1}-й раз и рассказываю о книгах.`).join(" ");
    const paste = `${sentences(30)} https://example.org/${"a1b2c3d4e5".repeat(300)} ${sentences(3)}`;
    const [one, two] = [paste.slice(0, 4096), paste.slice(4096)];
    expect(/\s/u.test(one.slice(2049))).toBe(false);
    const { writer, auth } = await writerEditing();
    await writer.send(one);
    const session = (await callApi(h, "session", { slug: KAGARLITSKY }, auth)).json as { draft: { version: string } };
    const deadlocks = retriedDeadlocks();

    const pause = new PauseAfterFirstStatement();
    const saving = saveEditedDraft({ db: h.db.withPlugin(pause), clock: h.clock }, writer.id, { slug: KAGARLITSKY, text: EDITED, baseVersion: session.draft.version });
    await pause.reached;
    const joining = writer.send(two);
    await settledOrWaiting(h.db, [joining]);
    pause.release();

    expect(await saving).toMatchObject({ kind: "saved" });
    // The draft no longer ends with the first piece: the second is a paragraph of its own after the editor's text.
    expect(textOf(await joining)).toContain("Saved.");
    expect(retriedDeadlocks() - deadlocks).toBe(0);
    expectNoFailures(h);
    expect((await lettersOf(h, writer.id)).map((letter) => letter.text)).toEqual([`${EDITED}\n\n${two}`]);
  });
});

describe.skipIf(!onPostgres)(postgresOnly("the outbox recording a batch beside /forget (Postgres)"), () => {
  it("records the writer's rows in the person's order: the batch in one transaction, /forget after it, no deadlock", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    await linkedGroup(h, boss);
    // The worker of this test is the test itself: it has claimed the rows below and records what Telegram answered.
    await h.running.outbox.stop();
    const writer = h.user({ languageCode: "en", firstName: "Зоряна" });
    await writer.send("/start");
    const now = h.clock.now();
    const letter = await relayLetter(h, writer, { text: "Здравствуйте! Пишу Вам из Лиона.", signature: "Анна", shareIdentity: true, writer: { firstName: "Зоряна" } });
    await enqueue(h.db, { kind: "notice", ref: "letter-status-notice", chatId: writer.id, method: "sendMessage", payload: { text: "Your letter was accepted." } }, { now });
    const refs = [relayRef(letter.id, "card"), "letter-status-notice"];
    const owner = "test-worker";
    const leaseUntil = new Date(now.getTime() + 60_000).toISOString();
    await h.db.updateTable("outbox").set({ status: "sending", lease_owner: owner, lease_until: leaseUntil }).where("ref", "in", refs).execute();
    const [card, notice] = await Promise.all(refs.map((ref) => h.db.selectFrom("outbox").selectAll().where("ref", "=", ref).executeTakeFirstOrThrow()));
    const logs = captureLogs();
    const handlers = { ...outboxHandlers(h.clock), ...relayOutboxHandlers({ clock: h.clock, logger: logs.logger, admins: [] }) };
    const deadlocks = retriedDeadlocks();

    // The card was posted (its message id goes on the relay row); the writer has blocked the bot (their row is marked).
    const outcomes = [
      { type: "sent" as const, row: card!, messageId: 4242 },
      { type: "forbidden" as const, row: notice!, error: { code: 403, description: "Forbidden: bot was blocked by the user" } },
    ];
    // Paused after its first write of a row of the writer's, whichever it takes first.
    const pause = new PauseAfterStatement(updateOf("users", "relayed_letters"));
    const recording = recordOutcomes(h.db.withPlugin(pause), outcomes, { owner, handlers, logger: logs.logger, now });
    await pause.reached;
    const forgetting = forgetUser(h.db, writer.id, now);
    await settledOrWaiting(h.db, [forgetting]);
    pause.release();

    expect(await recording).toEqual({ unwritten: [], held: 0, forbiddenFailed: 1 });
    expect(logs.lines.filter((line) => line.includes("recording rows one by one"))).toEqual([]);
    expect(await forgetting).toMatchObject({ lettersWithOrganisers: 1 });
    expect(retriedDeadlocks() - deadlocks).toBe(0);
    const relay = await h.db.selectFrom("relayed_letters").select(["card_message_id", "card_html"]).where("letter_id", "=", letter.id).executeTakeFirstOrThrow();
    expect(relay.card_message_id).toBe(4242);
    expect(relay.card_html).not.toContain("Зоряна");
    // The notice, recorded failed first, went with the rest of the person's data: only the organisers' card is left.
    expect(await h.db.selectFrom("outbox").select(["ref", "status"]).where("ref", "in", refs).execute()).toEqual([{ ref: refs[0], status: "sent" }]);
  });
});

