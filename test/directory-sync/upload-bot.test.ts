/**
 * End to end: an admin sends Viasna's export to the bot as a document; it is downloaded from the (fake) Bot API,
 * imported through the sync with provenance and frozen with the date in its name, and the admin gets the summary.
 * Anyone else is refused; a broken file is answered with the reason and changes nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";
import { sampleText } from "../helpers/registries.js";
import type { TestUser } from "../helpers/test-user.js";
import { settle } from "../organisers/world.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
});

const ADMIN = 910_000_001;

/** Sends the file and waits for the summary, which comes through the outbox. */
async function sendDocument(harness: Harness, user: TestUser, fileName: string, bytes: string | Buffer): Promise<void> {
  await harness.handled(harness.fake.injectMessage(user.id, user.chatId, { document: { fileName, bytes } }));
  await settle(harness);
}

describe("an export file sent to the bot", () => {
  it("imports Viasna's CSV for an admin with provenance and the file's date, and sends the summary", async () => {
    h = await Harness.start({ admins: [ADMIN] });
    const admin = h.user({ id: ADMIN, languageCode: "en" });
    await admin.send("/start");
    await sendDocument(h, admin, "viasna-export-2026-08-30.csv", sampleText("viasna-export.synthetic.csv"));
    expect(admin.textsSince(0).some((text) => text.includes("Importing the file"))).toBe(true);
    expect(admin.lastText()).toContain("Directory sync");
    expect(admin.lastText()).toMatch(/viasna: added 3, updated 0, unchanged 0/);

    const observations = await h.db.selectFrom("directory_observations").selectAll().where("source", "=", "viasna").execute();
    expect(observations.length).toBeGreaterThanOrEqual(3);
    const added = observations.filter((row) => row.outcome === "added");
    expect(added).toHaveLength(3);
    for (const row of added) {
      expect(row).toMatchObject({ status_as_of: "2026-08-30", parser_version: expect.any(String), raw_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const card = await h.db.selectFrom("prisoners").select(["system", "status_as_of"]).where("slug", "=", row.prisoner_slug as string).executeTakeFirstOrThrow();
      expect(card).toEqual({ system: "by", status_as_of: "2026-08-30" });
    }

    // The same file again changes nothing (the 3 people Viasna does not list as current are stored and unchanged too).
    await sendDocument(h, admin, "viasna-export-2026-08-30.csv", sampleText("viasna-export.synthetic.csv"));
    expect(admin.lastText()).toMatch(/viasna: added 0, updated 0, unchanged 6,/);
  });

  it("refuses anyone who is not an admin, and answers a broken file with the reason", async () => {
    h = await Harness.start({ admins: [ADMIN] });
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    await sendDocument(h, writer, "viasna-export-2026-08-30.csv", sampleText("viasna-export.synthetic.csv"));
    expect(writer.lastText()).toContain("Імпортувати файли до довідника можуть лише адміністратори");
    expect(await h.db.selectFrom("directory_observations").select("id").execute()).toEqual([]);

    const admin = h.user({ id: ADMIN, languageCode: "en" });
    await admin.send("/start");
    await sendDocument(h, admin, "regions.json", "{ this is not json");
    expect(admin.lastText()).toContain("fsin-pismo: failed");
    expect(admin.lastText()).toContain("not JSON");
    expect(await h.db.selectFrom("institutions").select("slug").where("fsin_pismo", "=", 1).where("fsin_pismo_region", "like", "%Крым%").execute()).toEqual([]);

    // Not an export at all: the bot does not treat it as one.
    await sendDocument(h, admin, "notes.txt", "hello");
    expect(admin.lastText()).not.toContain("Directory sync");
  });
});
