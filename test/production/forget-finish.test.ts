import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setLetterStatus } from "../../src/db/repositories/letters.js";
import { listForgetRequests } from "../../src/db/repositories/privacy.js";
import { touchUser } from "../../src/db/repositories/users.js";
import { finishForgetRequest, forgetUser } from "../../src/services/privacy/forget.js";
import { Harness } from "../helpers/harness.js";
import { PauseAfterFirstStatement, sessionsWaitingForALock } from "../helpers/postgres-locks.js";
import { onPostgres, postgresOnly } from "../helpers/skip-reason.js";
import type { TestUser } from "../helpers/test-user.js";
import { letterOrganisersHold, lettersOf } from "./flows.js";

/**
 * Retention finishes each request on the list it read when its pass began; on a loaded host (CI, Postgres) a person
 * came back, and their letter left the organisers, between that list and the finish of their row. These tests run
 * those steps in that order, by hand: the pass's own timer is stopped.
 */
let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  await h.running.retention.stop();
});
afterEach(async () => h?.stop());

/** A writer whose one letter organisers hold, who asked to be forgotten: their request waits for that letter. */
async function writerWithHeldLetter(): Promise<{ writer: TestUser; letterId: number }> {
  const writer = h.user({ languageCode: "en" });
  await writer.send("/start");
  return { writer, letterId: await letterOrganisersHold(h, writer.id) };
}

async function askToForget(writer: TestUser): Promise<void> {
  await writer.send("/forget");
  await writer.press("Yes, delete everything");
  expect(writer.lastText()).toContain("Letters that stay with organisers until they print or return them: 1");
}

describe("retention finishing a /forget request read at the start of its pass", () => {
  it("keeps everything of someone who came back after the list was read, once their letter left the organisers", async () => {
    const { writer, letterId } = await writerWithHeldLetter();
    await askToForget(writer);
    const passBegan = h.clock.now();
    const [listed] = await listForgetRequests(h.db);

    h.clock.advance(60_000);
    await writer.send("/start");
    await setLetterStatus(h.db, letterId, "returned", { now: h.clock.now(), returnReason: "too long" });
    expect(await finishForgetRequest(h.db, listed!, passBegan)).toBe("dropped");

    expect(await lettersOf(h, writer.id)).toHaveLength(1);
    expect(await h.db.selectFrom("users").select("id").where("id", "=", writer.id).execute()).toHaveLength(1);
    expect(await h.db.selectFrom("forget_requests").selectAll().execute()).toEqual([]);
  });

  it("keeps the time the person asked, not the pass's: asked after the pass began, they are still forgotten later", async () => {
    const { writer, letterId } = await writerWithHeldLetter();
    const passBegan = h.clock.now();
    // Past the visit resolution, so the press records its visit (users.ts, VISIT_RESOLUTION_MS), as a real one would.
    h.clock.advance(11 * 60_000);
    await askToForget(writer);
    const [listed] = await listForgetRequests(h.db);
    const asked = listed!.requested_at;
    expect(listed!.last_seen_at > passBegan.toISOString()).toBe(true);

    expect(await finishForgetRequest(h.db, listed!, passBegan)).toBe("held");
    expect(await h.db.selectFrom("forget_requests").select("requested_at").execute()).toEqual([{ requested_at: asked }]);

    // Organisers return it; the person never came back: the next pass forgets them.
    h.clock.advance(60_000);
    await setLetterStatus(h.db, letterId, "returned", { now: h.clock.now(), returnReason: "too long" });
    expect((await h.running.retention.runOnce()).forgotten).toBe(1);
    expect(await lettersOf(h, writer.id)).toEqual([]);
    expect(await h.db.selectFrom("users").select("id").where("id", "=", writer.id).execute()).toEqual([]);
  });
});

describe.skipIf(!onPostgres)(postgresOnly("retention finishing a /forget request while the person comes back (Postgres)"), () => {
  it("makes the visit wait for the decision: the person forgotten, their visit then a new person", async () => {
    const { writer, letterId } = await writerWithHeldLetter();
    await askToForget(writer);
    await setLetterStatus(h.db, letterId, "returned", { now: h.clock.now(), returnReason: "too long" });
    const [listed] = await listForgetRequests(h.db);

    const pause = new PauseAfterFirstStatement();
    const finishing = finishForgetRequest(h.db.withPlugin(pause), listed!, h.clock.now());
    await pause.reached;
    h.clock.advance(60_000);
    const visitAt = h.clock.now();
    let visited = false;
    const visit = touchUser(h.db, writer.id, "en", visitAt).finally(() => (visited = true));
    // The visit's upsert waits for the finish's lock on the person's row (no time involved: Postgres says so).
    while (!visited && !(await visitWaitsForALock())) await new Promise((resolve) => setImmediate(resolve));
    const visitWaited = !visited;
    pause.release();
    expect(visitWaited).toBe(true);

    expect(await finishing).toBe("forgotten");
    const { user } = await visit;
    expect(user.created_at).toBe(visitAt.toISOString());
    expect(await lettersOf(h, writer.id)).toEqual([]);
    expect(await h.db.selectFrom("forget_requests").selectAll().execute()).toEqual([]);
  });
});

describe.skipIf(!onPostgres)(postgresOnly("/forget run again while retention finishes the same request (Postgres)"), () => {
  it("takes the rows in the finish's order, so neither ends in a deadlock", async () => {
    const { writer } = await writerWithHeldLetter();
    await askToForget(writer);
    const [listed] = await listForgetRequests(h.db);
    // A row of theirs that came since the request: both the finish and the second /forget delete it.
    await h.db.insertInto("rate_limit_windows").values({ user_id: writer.id, window_start: 0, hits: 1 }).execute();

    const pause = new PauseAfterFirstStatement();
    const finishing = finishForgetRequest(h.db.withPlugin(pause), listed!, h.clock.now());
    await pause.reached;
    let forgot = false;
    // The "yes" delivered again after a death runs the deletion again (src/bot/features/privacy.ts).
    const forgetting = forgetUser(h.db, writer.id, h.clock.now()).finally(() => (forgot = true));
    while (!forgot && !(await visitWaitsForALock())) await new Promise((resolve) => setImmediate(resolve));
    pause.release();

    const outcomes = await Promise.allSettled([finishing, forgetting]);
    expect(outcomes.map((outcome) => (outcome.status === "rejected" ? String(outcome.reason) : "done"))).toEqual(["done", "done"]);
    expect(await h.db.selectFrom("rate_limit_windows").selectAll().where("user_id", "=", writer.id).execute()).toEqual([]);
  });
});

const visitWaitsForALock = async () => (await sessionsWaitingForALock(h.db)) > 0;
