import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkCampaignChat } from "../../../src/db/repositories/campaign-chats.js";
import { movePrisoner } from "../../../src/db/repositories/prisoner-history.js";
import type { DB } from "../../../src/db/database.js";
import { Harness } from "../../helpers/harness.js";
import { callbackDataOf, resultSlugs, type Sent } from "./helpers.js";

const DAY_MS = 86_400_000;

async function addFinishedLetters(db: DB, writerId: number, prisonerSlug: string, finishedAt: Date, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const at = finishedAt.toISOString();
    await db
      .insertInto("letters")
      .values({ writer_id: writerId, prisoner_slug: prisonerSlug, status: "finished", route: "fsin_pismo", created_at: at, updated_at: at, finished_at: at })
      .execute();
  }
}

function edited(messages: readonly Sent[], messageId: number): Sent | undefined {
  return messages.find((message) => message.message_id === messageId);
}

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

describe("browsing by campaign", () => {
  it("lists campaigns, then the people in one, ten per page, from /browse and from the main menu", async () => {
    const user = h.user({ languageCode: "en" });
    const menu = (await user.send("/browse")).at(-1)!;
    expect(callbackDataOf(menu)).toEqual([
      "dbf:1",
      "dbb:1",
      "dbc:crimean-political-prisoners:1",
      "dbc:mejlis-marathon-2015:1",
      "dbc:open-letter-2025:1",
    ]);

    await user.press("Open letter of Russian political prisoners");
    const first = edited(user.messages, menu.message_id);
    expect(first?.text).toContain("People: 11. Page 1 of 2.");
    expect(resultSlugs(first)).toHaveLength(10);
    await user.press("▶️");
    const second = edited(user.messages, menu.message_id);
    expect(second?.text).toContain("People: 11. Page 2 of 2.");
    const everyone = [...resultSlugs(first), ...resultSlugs(second)].sort();
    expect(everyone).toEqual([
      "arkhipova-anna",
      "domnin-vladimir",
      "gorinov-aleksei",
      "kagarlitsky-boris",
      "kamardin-artem",
      "kozyreva-darya",
      "miftakhov-azat",
      "pchelintsev-dmitry",
      "shakursky-ilya",
      "shestun-alexander",
      "trofimov-andrei",
    ]);

    await user.press("↩️");
    expect(callbackDataOf(edited(user.messages, menu.message_id))).toContain("dbc:open-letter-2025:1");

    const other = h.user({ languageCode: "uk" });
    await other.send("/start");
    const fromMenu = await other.press("📋 Огляд");
    expect(callbackDataOf(fromMenu.at(-1))).toContain("dbc:crimean-political-prisoners:1");
  });

  it("shows the last page for a forged page number and refuses an unknown campaign", async () => {
    const user = h.user({ languageCode: "ru" });
    const menu = (await user.send("/browse")).at(-1)!;
    await user.pressData(menu.message_id, "dbc:open-letter-2025:77");
    expect(edited(user.messages, menu.message_id)?.text).toContain("Страница 2 из 2");
    await user.pressData(menu.message_id, "dbc:no-such-campaign:1");
    expect(user.lastCallbackAnswer()).toContain("Эта кнопка устарела");
    await user.pressData(menu.message_id, "dbf:x");
    expect(user.lastCallbackAnswer()).toContain("Эта кнопка устарела");
    expect(h.fake.internalErrors).toEqual([]);
  });

  it("lists the command in Telegram's menu in every language", async () => {
    const byLanguage = new Map(h.fake.commands.map((entry) => [entry.languageCode, entry.commands]));
    expect(byLanguage.get("uk")?.find((c) => c.command === "browse")?.description).toContain("Огляд");
    expect(byLanguage.get("en")?.find((c) => c.command === "browse")?.description).toContain("Browse");
    expect(byLanguage.get("ru")?.find((c) => c.command === "browse")?.description).toContain("Обзор");
  });
});

describe("write to someone who gets few letters", () => {
  it("lists only people a letter can reach, fewest letters in the last 30 days first", async () => {
    const user = h.user({ languageCode: "en" });
    await user.send("/start");
    // A second person a letter can reach: Shakursky, moved (in this test) to an institution with FSIN-pismo.
    await movePrisoner(h.db, "shakursky-ilya", {
      institution: "ik-4-torzhok",
      asOf: "2026-11-01",
      sourceUrl: "https://example.org/shakursky-moved",
      changedBy: null,
      believedCurrent: true,
    });
    const now = h.clock.now();
    await addFinishedLetters(h.db, user.id, "shakursky-ilya", new Date(now.getTime() - 2 * DAY_MS), 3);
    // Letters older than 30 days do not count.
    await addFinishedLetters(h.db, user.id, "kagarlitsky-boris", new Date(now.getTime() - 40 * DAY_MS), 5);
    await addFinishedLetters(h.db, user.id, "kagarlitsky-boris", new Date(now.getTime() - 1 * DAY_MS), 1);

    const menu = (await user.send("/browse")).at(-1)!;
    await user.pressData(menu.message_id, "dbf:1");
    const list = edited(user.messages, menu.message_id);
    expect(resultSlugs(list)).toEqual(["kagarlitsky-boris", "shakursky-ilya"]);
    expect(list?.text).toContain("Boris Kagarlitsky — one letter through Lysty in the last 30 days");
    expect(list?.text).toContain("Ilya Shakursky — 3 letters through Lysty in the last 30 days");

    const picked = (await user.press("🎲")).at(-1);
    expect(callbackDataOf(picked).some((data) => data === "write:kagarlitsky-boris" || data === "write:shakursky-ilya")).toBe(true);
  });

  it("includes people the organisers relay letters for, and never free people", async () => {
    await linkCampaignChat(h.db, {
      campaignSlug: "crimean-political-prisoners",
      chatId: -100_500,
      chatType: "supergroup",
      title: null,
      locale: "uk",
      linkedBy: 1,
      now: new Date(),
    });
    const user = h.user({ languageCode: "uk" });
    const menu = (await user.send("/browse")).at(-1)!;
    await user.pressData(menu.message_id, "dbf:1");
    // Of the campaign's nine people only Zeytullaev is still held; Kagarlitsky has FSIN-pismo.
    expect(resultSlugs(edited(user.messages, menu.message_id)).sort()).toEqual(["kagarlitsky-boris", "zeytullaev-ruslan"]);
  });
});

describe("upcoming birthdays", () => {
  it("lists full birth dates in the next 30 days of people still held", async () => {
    h.clock.set(new Date("2027-03-01T09:00:00Z"));
    const user = h.user({ languageCode: "en" });
    const menu = (await user.send("/browse")).at(-1)!;
    await user.pressData(menu.message_id, "dbb:1");
    const list = edited(user.messages, menu.message_id);
    expect(list?.text).toContain("Azat Miftakhov turns 34 on March 22, 2027");
    expect(resultSlugs(list)).toEqual(["miftakhov-azat"]);
  });

  it("leaves out free people and says when there are none", async () => {
    // Chiygoz (14 December) is free; nobody held has a known birthday between 20 November and 19 December.
    h.clock.set(new Date("2026-11-20T09:00:00Z"));
    const user = h.user({ languageCode: "ru" });
    const menu = (await user.send("/browse")).at(-1)!;
    await user.pressData(menu.message_id, "dbb:1");
    const list = edited(user.messages, menu.message_id);
    expect(resultSlugs(list)).toEqual([]);
    expect(list?.text).toContain("В ближайшие 30 дней известных дней рождения нет");
  });
});
