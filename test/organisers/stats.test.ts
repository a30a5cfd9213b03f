import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { followCampaign, followPrisoner } from "../../src/db/repositories/subscriptions.js";
import { Harness } from "../helpers/harness.js";
import { ADMIN_ID, linkedGroup, organiser, relayLetter } from "./world.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

describe("/stats for organisers", () => {
  it("counts letters per prisoner for 7 and 30 days, followers, and names who got none", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    const start = h.clock.now();
    // Twenty days ago: counted for the month, not the week.
    h.clock.set(new Date(start.getTime() - 20 * 86_400_000));
    await relayLetter(h, writer, { text: "Давнее письмо." });
    h.clock.set(start);
    await relayLetter(h, writer, { text: "Свежее письмо.", prisoner: "gorinov-aleksei" });
    const reader = h.user({ languageCode: "uk" });
    await reader.send("/start");
    await followPrisoner(h.db, reader.id, "kagarlitsky-boris", start);
    await followCampaign(h.db, writer.id, "open-letter-2025", start);

    await boss.send("/stats");
    const text = boss.lastText();
    expect(text).toContain("Open letter of Russian political prisoners (July 2025)");
    expect(text).toContain("In total: 1 / 2 · followers of the campaign: 1");
    expect(text).toContain("• Boris Kagarlitsky: 0 / 1 · followers: 1");
    expect(text).toContain("• Alexei Gorinov: 1 / 1 · followers: 0");
    const missing = /No letters in 30 days: (.*)/.exec(text)?.[1] ?? "";
    expect(missing).toContain("Anna Arkhipova");
    expect(missing).not.toContain("Kagarlitsky");
    // Free people are not "missing letters".
    expect(missing).not.toContain("Darya Kozyreva");
    // Only the organiser's own campaign.
    expect(text).not.toContain("Crimean political prisoners");
  });

  it("shows every campaign to an admin", async () => {
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/stats");
    const all = admin.messages.map((message) => message.text).join("\n");
    expect(all).toContain("Crimean political prisoners");
    expect(all).toContain("Open letter of Russian political prisoners");
  });
});
