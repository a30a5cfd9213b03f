import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import { sampleText } from "../helpers/registries.js";
import { ADMIN_ID, settle } from "../organisers/world.js";

/**
 * Issue 14, item 5, in webhook mode: an admin sends Viasna's export to the bot; the import runs and the summary is
 * queued with the record of the file's message. When the process dies after that and before the update was recorded
 * handled, Telegram delivers the same message again to the restarted bot, which must neither import the file again
 * (a second run) nor send a second "Importing…" and a second summary, the second one saying "added 0".
 */
let bot: DeliveredAgain;
let crash: CrashPoint;
beforeEach(async () => ({ bot, crash } = await DeliveredAgain.withCrashPoint({ admins: [ADMIN_ID] })));
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
