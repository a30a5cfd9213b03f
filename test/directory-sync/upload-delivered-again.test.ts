import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import { generatedViasnaCsv, sampleText } from "../helpers/registries.js";
import { ADMIN_ID, settle } from "../organisers/world.js";

/**
 * Issue 14, item 5, in webhook mode: an admin sends Viasna's export to the bot; the import runs and the summary is
 * queued with the record of the file's message. When the process dies after that and before the update was recorded
 * handled, Telegram delivers the same message again to the restarted bot, which must neither import the file again
 * (a second run) nor send a second "Importing…" and a second summary, the second one saying "added 0".
 */
let bot: DeliveredAgain;
let crash: CrashPoint;
// An import of 250 rows on a loaded machine may outlast the webhook's 10 s answer time (then answered 503 and handled
// on): these tests assert what the admin sees, so the answer waits for the handling.
beforeEach(async () => ({ bot, crash } = await DeliveredAgain.withCrashPoint({ admins: [ADMIN_ID], env: { WEBHOOK_ANSWER_TIMEOUT_MS: "60000" } })));
afterEach(async () => bot.stop());

describe("a directory file delivered again after the process died once it was imported", () => {
  it("is imported once and the admin gets one summary (en)", async () => {
    const h = bot.h;
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/start");
    const before = admin.messages.length;
    const file = { fileName: "viasna-export-2026-08-30.csv", bytes: sampleText("viasna-export.synthetic.csv") };

    // The import releases its lock last; the summary is queued after it, and then the update is recorded handled.
    crash.arm("seen_updates", "directory_sync_lock");
    await h.handled(h.fake.injectMessage(admin.id, admin.chatId, { document: file }));
    const update = await bot.lastDelivered();
    expect(crash.struck).toBe(1);
    await settle(h);
    expect(admin.textsSince(before).at(-1)).toMatch(/viasna: added 3, updated 0, unchanged 0/);

    expect(await bot.deliverAgain(update)).toBe(200);
    await settle(h);
    const summaries = admin.textsSince(before).filter((text) => text.startsWith("Directory sync"));
    expect(summaries).toHaveLength(1);
    expect(admin.textsSince(before).filter((text) => text.startsWith("Importing the file"))).toHaveLength(1);
    expect(await h.db.selectFrom("directory_sync_runs").select("id").execute()).toHaveLength(1);

    // The same file sent again is another message: imported again, and summarised.
    await h.handled(h.fake.injectMessage(admin.id, admin.chatId, { document: file }));
    await settle(h);
    expect(admin.lastText()).toMatch(/viasna: added 0, updated 0, unchanged 6,/);
  });
});

/**
 * The process dies during the import itself (`dies`: nothing it would write or send after the strike reaches the
 * database or Telegram), and Telegram delivers the same message again to the restarted bot. The admin must get one
 * summary that says what their file changed, and nothing may be imported twice or left out.
 */
describe("a directory file delivered again after the process died during its import", { timeout: 240_000 }, () => {
  async function sendDying(arm: (onStrike: () => void) => void, file: { fileName: string; bytes: string }) {
    const h = bot.h;
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/start");
    const before = admin.messages.length;
    // The dead process's "something went wrong" never reaches the admin.
    arm(() => h.fake.faults.add({ chatId: admin.chatId, kind: "403", times: Infinity }));
    await h.handled(h.fake.injectMessage(admin.id, admin.chatId, { document: file }), 60_000);
    const update = await bot.lastDelivered();
    expect(crash.struck).toBe(1);
    h.fake.faults.clear();
    return { h, admin, before, update };
  }

  async function deliveredAgain(setup: Awaited<ReturnType<typeof sendDying>>) {
    const { h, admin, before, update } = setup;
    expect(await bot.deliverAgain(update)).toBe(200);
    await settle(h);
    const texts = admin.textsSince(before);
    expect(texts.filter((text) => text.startsWith("Importing the file"))).toHaveLength(1);
    const summaries = texts.filter((text) => text.startsWith("Directory sync"));
    expect(summaries).toHaveLength(1);
    expect(texts).toHaveLength(2);
    expect(await h.db.selectFrom("directory_sync_runs").select("id").execute()).toHaveLength(1);
    const observations = await h.db.selectFrom("directory_observations").select("source_record_id").where("source", "=", "viasna").execute();
    expect(new Set(observations.map((row) => row.source_record_id)).size).toBe(observations.length);
    // Delivered once more after all that (the answer to Telegram was lost): recognised, nothing sent.
    expect(await bot.deliverAgain(update)).toBe(200);
    await settle(h);
    expect(admin.textsSince(before)).toHaveLength(2);
    return { summary: summaries[0] as string, observations: observations.length };
  }

  const sample = { fileName: "viasna-export-2026-08-30.csv", bytes: sampleText("viasna-export.synthetic.csv") };

  it.each([
    // Its last batch committed; the next write of the update is the record of its message with the summary.
    ["at the record of the file's message", (onStrike: () => void) => crash.arm("directory_uploads", "directory_sync_lock", { dies: true, onStrike })],
    // One batch (6 rows): the lock's heartbeat in it passes, its release after the batch strikes.
    ["at the release of the sync's lock", (onStrike: () => void) => crash.arm("directory_sync_lock", "directory_sync_runs", { skip: 1, dies: true, onStrike })],
  ])("after the import's last batch committed, %s: one summary of what the file changed (en)", async (_where, arm) => {
    const setup = await sendDying(arm, sample);
    expect((await setup.h.db.selectFrom("directory_sync_runs").select("state").executeTakeFirstOrThrow()).state).toBe("finished");
    const { summary } = await deliveredAgain(setup);
    expect(summary).toMatch(/viasna: added 3, updated 0, unchanged 0/);
  });

  it("after FSIN-pismo's list was applied: one summary, and the list is not applied again (en)", async () => {
    const list = [{ name: "Республика Крым", departments: [{ name: "СИЗО-1 Симферополь" }, { name: "ИК-2 Керчь" }, { name: "ИК-999 (нет такой)" }] }];
    const file = { fileName: "regions.json", bytes: JSON.stringify(list) };
    const setup = await sendDying((onStrike) => crash.arm("directory_uploads", "directory_sync_lock", { dies: true, onStrike }), file);
    const crimea = () => setup.h.db.selectFrom("institutions").select(["slug", "updated_at"]).where("fsin_pismo_region", "=", "Республика Крым").orderBy("slug").execute();
    const applied = await crimea();
    expect(applied).toHaveLength(2);
    const { summary } = await deliveredAgain(setup);
    expect(summary).toMatch(/fsin-pismo: added 0, updated 2, unchanged 0, conflicts 0, to review 0, skipped 1 \(no-institution 1\)/);
    // Delivered again a minute later (the lease): a second application would have stamped the facilities again.
    expect(await crimea()).toEqual(applied);
  });

  it("in the middle of its batches: the rest is imported and the summary counts the whole file (en)", async () => {
    const file = { fileName: "viasna-export-2026-08-30.csv", bytes: generatedViasnaCsv(250) };
    // 250 rows are two batches (200 and 50). The run's writes: its creation, the first batch's progress (both pass),
    // the second batch's progress (strikes: the second batch is rolled back with it).
    const setup = await sendDying((onStrike) => crash.arm("directory_sync_runs", "directory_sync_lock", { skip: 2, dies: true, onStrike }), file);
    const run = await setup.h.db.selectFrom("directory_sync_runs").selectAll().executeTakeFirstOrThrow();
    expect({ state: run.state, cursor: run.cursor }).toEqual({ state: "running", cursor: JSON.stringify({ position: 200 }) });
    expect(await setup.h.db.selectFrom("directory_observations").select("id").where("source", "=", "viasna").execute()).toHaveLength(200);

    const { summary, observations } = await deliveredAgain(setup);
    expect(summary).toMatch(/viasna: added 250, updated 0, unchanged 0/);
    expect(observations).toBe(250);
  });

  it("in the middle of its batches, another file sent before it comes again: each imported whole, each summarised once (en)", async () => {
    const file = { fileName: "viasna-export-2026-08-30.csv", bytes: generatedViasnaCsv(250) };
    const { h, admin, before, update } = await sendDying((onStrike) => crash.arm("directory_sync_runs", "directory_sync_lock", { skip: 2, dies: true, onStrike }), file);
    // Restarted, the bot takes the admin's next file before Telegram delivers the first one again: that file's import
    // is a run of its own (it once resumed the first file's run at row 200 of a 6-row file, importing none of it).
    await h.restart();
    await h.handled(h.fake.injectMessage(admin.id, admin.chatId, { document: sample }), 60_000);
    await settle(h);
    expect(admin.lastText()).toMatch(/viasna: added 3, updated 0, unchanged 0/);

    expect(await bot.deliverAgain(update)).toBe(200);
    await settle(h);
    expect(admin.lastText()).toMatch(/viasna: added 250, updated 0, unchanged 0/);
    const texts = admin.textsSince(before);
    expect(texts.filter((text) => text.startsWith("Importing the file"))).toHaveLength(2);
    expect(texts.filter((text) => text.startsWith("Directory sync"))).toHaveLength(2);
    const observations = await h.db.selectFrom("directory_observations").select("source_record_id").where("source", "=", "viasna").execute();
    expect(new Set(observations.map((row) => row.source_record_id)).size).toBe(256);
  });
});
