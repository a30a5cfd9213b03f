import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { revokeOrganiser } from "../../src/db/repositories/roles.js";
import { storedChoices } from "../../src/services/news/publish-steps.js";
import { Harness } from "../helpers/harness.js";
import { CAMPAIGN, type FictionalPrisoner, importFictionalDirectory, organiserOf, OTHER_CAMPAIGN, OUTSIDER, PRIMEROVA, TESTENKO } from "./fixtures.js";
import { publishThroughChat } from "./publish-driver.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  // Thirteen people called Testenko in the organiser's campaign, and three namesakes of another campaign.
  const namesakes = (prefix: string, count: number, campaign: string): FictionalPrisoner[] =>
    Array.from({ length: count }, (_, index) => {
      const number = String(index + 1).padStart(2, "0");
      const given = { ru: `Константин ${number}`, uk: `Костянтин ${number}`, latin: `Kostiantyn ${number}` };
      return { ...TESTENKO, slug: `testenko-${prefix}-${number}`, given, hashtag: `#Тестенко${prefix}${number}`, campaigns: [campaign] };
    });
  await importFictionalDirectory(h.db, [TESTENKO, PRIMEROVA, OUTSIDER, ...namesakes("a", 3, OTHER_CAMPAIGN), ...namesakes("b", 12, CAMPAIGN)]);
});
afterEach(async () => h.stop());

const PAGE_2 = "Choose the prisoner. Page 2 of 2.";

describe("/news: choosing among many of the organiser's own people", () => {
  it("pages through them ten at a time, and the one on the second page gets the news", async () => {
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    await organiser.send("/news");
    await organiser.send("Testenko");
    expect(organiser.lastText()).toBe("Choose the prisoner. Page 1 of 2.");
    expect(organiser.buttons()).toHaveLength(11);
    expect(organiser.buttons().at(-1)).toBe("Next ▶️");
    const list = organiser.messages.at(-1)!;
    const next = organiser.findButton("Next ▶️").button;
    await organiser.press("Next ▶️");
    expect(organiser.lastText()).toBe(PAGE_2);
    expect(organiser.buttons()).toHaveLength(4);
    expect(organiser.buttons()).toContain("Kostiantyn 12 Testenko");
    expect(organiser.buttons().at(-1)).toBe("◀️ Previous");
    // Next pressed twice before the first edit showed: the page already shown, which Telegram refuses as "message is
    // not modified" — the list is right as it is, no failure.
    await organiser.pressData(list.message_id, "callback_data" in next ? next.callback_data : "");
    expect(organiser.lastText()).toBe(PAGE_2);
    expect(h.logs.filter((line) => line.includes('"update failed"'))).toEqual([]);

    await organiser.press("Kostiantyn 12 Testenko");
    await publishThroughChat(organiser, { locale: "en", event: "health", text: "He is ill.", source: null }, { started: true });
    const posts = await h.db.selectFrom("news_posts").select(["prisoner_slug", "author_id"]).execute();
    expect(posts).toEqual([{ prisoner_slug: "testenko-b-12", author_id: organiser.id }]);
  });

  it("turning pages back and forth uses up none of the step's attempts (six wrong answers end the flow)", async () => {
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    await organiser.send("/news");
    await organiser.send("Testenko");
    for (let turn = 0; turn < 4; turn += 1) {
      await organiser.press("Next ▶️");
      await organiser.press("◀️ Previous");
    }
    await organiser.press("Next ▶️");
    await organiser.press("Kostiantyn 12 Testenko");
    expect(organiser.lastText()).toContain("Kostiantyn 12 Testenko");
    expect(organiser.buttons()).toContain("🩺 Health");
  });

  it("refuses a forged page button, and a page press from an organiser whose role has ended", async () => {
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    await organiser.send("/news");
    await organiser.send("Testenko");
    const { message, button } = organiser.findButton("Next ▶️");
    const data = "callback_data" in button ? button.callback_data : "";
    const token = data.split(":")[1];
    await organiser.pressData(message.message_id, `np:${token}:q:two`);
    expect(organiser.lastText()).toBe("This page button is out of date. Type the name again.");
    await organiser.press("Next ▶️");
    const list = () => organiser.messages.find((sent) => sent.message_id === message.message_id)?.text;
    expect(list()).toBe(PAGE_2);
    const shown = organiser.messages.length;

    await revokeOrganiser(h.db, { userId: organiser.id, campaignSlug: CAMPAIGN, revokedBy: 1, at: h.clock.now() });
    await organiser.press("◀️ Previous");
    expect(organiser.lastText()).toBe("Only organisers of a prisoner's campaign (and admins) can publish case news.");
    expect(organiser.messages.length).toBe(shown + 1);
    expect(list()).toBe(PAGE_2);
    // The flow has ended: its buttons are out of date now.
    await organiser.press("Kostiantyn 12 Testenko");
    expect(organiser.lastCallbackAnswer()).toContain("out of date");
    expect(await h.db.selectFrom("news_posts").selectAll().execute()).toEqual([]);
  });
});

describe("a name search stored by a flow begun before /news paged", () => {
  const choice = (slug: string, campaigns: string[]) => ({ slug, name: slug, gender: "male" as const, campaigns });
  const access = { admin: false, campaigns: [CAMPAIGN] };

  it("replays as it ran: the organiser's own people as one page, «not yours» when only others were found", () => {
    const stored = [choice("vneshnev-petr", [OTHER_CAMPAIGN]), choice(TESTENKO.slug, [CAMPAIGN])];
    expect(storedChoices(stored, access)).toEqual({ kind: "found", choices: [stored[1]], page: 1, pageCount: 1 });
    expect(storedChoices([stored[0]!], access)).toEqual({ kind: "refused" });
    expect(storedChoices([], access)).toEqual({ kind: "none" });
    expect(storedChoices({ kind: "none" }, access)).toEqual({ kind: "none" });
  });
});
