import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getCampaignChat } from "../../src/db/repositories/campaign-chats.js";
import { hasOrganiserRelay } from "../../src/services/relay/relay-letter.js";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { ADMIN_ID, CAMPAIGN, linkedGroup, organiser, PRISONER, relayLetter, sendIn, settle } from "./world.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

async function writer(): Promise<TestUser> {
  const user = h.user({ languageCode: "ru" });
  await user.send("/start");
  return user;
}

/** Each letter's card and text in the group, by reference: exactly-once means one of each. */
function postsPerLetter(group: number, references: readonly (string | null)[]): number[][] {
  const messages = h.fake.messages(group);
  return references.map((reference) => [
    messages.filter((message) => message.text?.startsWith("✉️") && message.text.includes(`${reference}`)).length,
    messages.filter((message) => message.text?.startsWith(`${reference} · 1/1`)).length,
  ]);
}

async function outboxStatuses(kind: string): Promise<string[]> {
  const rows = await h.db.selectFrom("outbox").select("status").where("kind", "=", kind).orderBy("id").execute();
  return rows.map((row) => row.status);
}

describe("delivery to the organisers' chat", () => {
  it("keeps letters when the bot was removed, alerts organisers and admins once in their language, and posts each exactly once when it is back", async () => {
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/start");
    const boss = await organiser(h, { languageCode: "uk" });
    const group = await linkedGroup(h, boss);
    const someone = await writer();
    // Removed without the bot being told (the update was lost): the first post finds out.
    h.fake.setMember(group, h.fake.botId, "kicked");
    const first = await relayLetter(h, someone, { text: "Первое письмо." });
    await settle(h);
    const second = await relayLetter(h, someone, { text: "Второе письмо.", prisoner: "gorinov-aleksei" });
    await settle(h);

    expect(await outboxStatuses("relay")).toEqual(["held", "held", "held", "held"]);
    expect((await getCampaignChat(h.db, CAMPAIGN))?.status).toBe("broken");
    expect(await hasOrganiserRelay(h.db, PRISONER)).toBe(false);
    const bossAlerts = boss.messages.filter((message) => message.text?.includes("Я більше не можу публікувати"));
    const adminAlerts = admin.messages.filter((message) => message.text?.includes("I can no longer post"));
    expect(bossAlerts).toHaveLength(1);
    expect(adminAlerts).toHaveLength(1);
    expect(bossAlerts[0]?.text).toContain("Мене вилучили з чату");
    expect(adminAlerts[0]?.text).toContain("No letter is lost");

    await h.handled(h.fake.injectMyChatMember({ chatId: group, fromUserId: boss.id, status: "member" }));
    await settle(h);
    expect(postsPerLetter(group, [first.reference, second.reference])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(await outboxStatuses("relay")).toEqual(["sent", "sent", "sent", "sent"]);
    expect(await hasOrganiserRelay(h.db, PRISONER)).toBe(true);
    expect(boss.lastText()).toContain("Я знову можу публікувати");
  });

  it("holds a letter the chat refuses with 403 and posts it once after /link is sent again", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const someone = await writer();
    const fault = h.fake.faults.add({ method: "sendMessage", chatId: group, kind: "403", times: Number.POSITIVE_INFINITY });
    const letter = await relayLetter(h, someone, { text: "Письмо." });
    await settle(h);
    expect(fault.remaining).toBe(Number.POSITIVE_INFINITY - 2);
    expect(await outboxStatuses("relay")).toEqual(["held", "held"]);
    expect(boss.lastText()).toContain("Telegram answered: 403");

    h.fake.faults.clear();
    await sendIn(h, boss, group, `/link ${CAMPAIGN}`);
    expect(h.fake.messages(group).some((message) => message.text === "2 waiting messages are being posted now.")).toBe(true);
    await settle(h);
    expect(postsPerLetter(group, [letter.reference])).toEqual([[1, 1]]);
    const texts = h.fake.messages(group).map((message) => message.text ?? "");
    // The card still comes before the letter it announces.
    expect(texts.findIndex((text) => text.startsWith(`✉️ Letter ${letter.reference}`))).toBeLessThan(texts.findIndex((text) => text.startsWith(`${letter.reference} ·`)));
  });

  it("retries 429 (after retry_after), 5xx and network errors, then posts once", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const someone = await writer();
    h.fake.faults.add({ method: "sendMessage", chatId: group, kind: "429", retryAfter: 2 });
    h.fake.faults.add({ method: "sendMessage", chatId: group, kind: "502" });
    h.fake.faults.add({ method: "sendMessage", chatId: group, kind: "network" });
    const letter = await relayLetter(h, someone, { text: "Письмо." });
    await settle(h);
    expect(h.fake.faults.pending()).toEqual([]);
    expect(postsPerLetter(group, [letter.reference])).toEqual([[1, 1]]);
    const card = await h.db.selectFrom("outbox").selectAll().where("ref", "=", `relay:${letter.id}:card`).executeTakeFirstOrThrow();
    // The 429 does not count toward giving up; the 502 and the network error do.
    expect(card.attempts).toBe(2);
  });

  it("delivers every queued letter after a restart, each exactly once", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const someone = await writer();
    h.fake.faults.add({ method: "sendMessage", chatId: group, kind: "network", times: Number.POSITIVE_INFINITY });
    const prisoners = [PRISONER, "gorinov-aleksei", "arkhipova-anna"];
    const letters = [];
    for (const prisoner of prisoners) letters.push(await relayLetter(h, someone, { text: `Письмо ${prisoner}.`, prisoner }));
    // Let the worker try, fail, and try again once the clock reaches the back-off: the letters are queued, backing
    // off, when the process goes away.
    for (let pass = 0; pass < 2; pass += 1) {
      await h.running.outbox.settled();
      const due = await h.db.selectFrom("outbox").select((eb) => eb.fn.min("next_attempt_at").as("next")).where("kind", "=", "relay").where("status", "=", "pending").executeTakeFirst();
      if (due?.next && Date.parse(due.next) > h.clock.now().getTime()) h.clock.set(new Date(due.next));
    }
    await h.running.outbox.settled();
    const tried = await h.db.selectFrom("outbox").select("attempts").where("kind", "=", "relay").where("attempts", ">=", 2).execute();
    expect(tried.length).toBeGreaterThan(0);
    await h.restart();
    h.fake.faults.clear();
    await settle(h);
    expect(postsPerLetter(group, letters.map((letter) => letter.reference))).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it("moves letters held for a dead chat to the chat the campaign is linked to next, without posting them twice", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const oldGroup = await linkedGroup(h, boss);
    const someone = await writer();
    h.fake.setMember(oldGroup, h.fake.botId, "kicked");
    const letter = await relayLetter(h, someone, { text: "Письмо." });
    await settle(h);
    expect(await outboxStatuses("relay")).toEqual(["held", "held"]);

    const newGroup = await linkedGroup(h, boss, CAMPAIGN, { replacing: true });
    expect(h.fake.messages(newGroup).some((message) => message.text === "2 waiting messages are being posted now.")).toBe(true);
    await settle(h);
    expect(postsPerLetter(newGroup, [letter.reference])).toEqual([[1, 1]]);
    // The old group coming back later gets nothing: the letter already went to the new one.
    await h.handled(h.fake.injectMyChatMember({ chatId: oldGroup, fromUserId: boss.id, status: "member" }));
    await settle(h);
    expect(postsPerLetter(oldGroup, [letter.reference])).toEqual([[0, 0]]);
    expect(await outboxStatuses("relay")).toEqual(["sent", "sent"]);
  });
});
