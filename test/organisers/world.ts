import { expect } from "vitest";
import { linkCampaignChat } from "../../src/db/repositories/campaign-chats.js";
import { finishLetter, getOrCreateDraft, saveDraftText } from "../../src/db/repositories/letters.js";
import { grantOrganiser } from "../../src/db/repositories/roles.js";
import type { Letter } from "../../src/db/tables/letters.js";
import type { FindingsSummary } from "../../src/domain/letters/findings-summary.js";
import type { WriterIdentity } from "../../src/services/relay/card.js";
import { relayLetterToOrganisers } from "../../src/services/relay/relay-letter.js";
import type { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";

/** Campaign and prisoner from the shipped directory (data/directory): Kagarlitsky, IK-4 Torzhok, open letter 2025. */
export const CAMPAIGN = "open-letter-2025";
export const PRISONER = "kagarlitsky-boris";
export const ADMIN_ID = 900_000_001;

let nextChatId = -1_001_000_000_001;

/** Sends text as `user` in a group or supergroup and waits until the bot has handled it. */
export async function sendIn(h: Harness, user: TestUser, chatId: number, text: string): Promise<void> {
  await h.handled(h.fake.injectMessage(user.id, chatId, { text }));
}

/** Presses a button under one of the bot's messages in any chat and returns the answer shown to the presser. */
export async function pressIn(h: Harness, user: TestUser, chatId: number, messageId: number, data: string): Promise<string | undefined> {
  const before = h.fake.callbackAnswers.length;
  await h.handled(h.fake.injectCallbackQuery(user.id, chatId, messageId, data, { allowUnknownData: true }));
  return h.fake.callbackAnswers.slice(before).at(-1)?.text;
}

/** A person the bot knows (they pressed Start) who organises `campaign`. */
export async function organiser(h: Harness, options: { languageCode?: string; campaign?: string } = {}): Promise<TestUser> {
  const user = h.user({ languageCode: options.languageCode ?? "uk" });
  await user.send("/start");
  await grantOrganiser(h.db, { userId: user.id, campaignSlug: options.campaign ?? CAMPAIGN, grantedBy: ADMIN_ID, at: h.clock.now() });
  return user;
}

/** A public channel `owner` created, where the bot is an administrator: linking it asks for consent first. */
export function publicChannel(h: Harness, owner: TestUser, title: string, username: string): number {
  const channel = newChannelId();
  h.fake.addChannel({ id: channel, title, username });
  h.fake.setMember(channel, owner.id, "creator");
  h.fake.setMember(channel, h.fake.botId, "administrator");
  return channel;
}

/**
 * A supergroup the organiser runs, linked to the campaign through `/link` sent in the group. `replacing`: the
 * campaign already has a chat, so the bot first asks whether to replace it and the organiser says yes.
 */
export async function linkedGroup(h: Harness, owner: TestUser, campaign = CAMPAIGN, options: { replacing?: boolean } = {}): Promise<number> {
  const chatId = nextChatId--;
  h.fake.addGroup({ id: chatId, title: "Листи до Кагарлицького", type: "supergroup" });
  h.fake.setMember(chatId, owner.id, "creator");
  await sendIn(h, owner, chatId, `/link ${campaign}`);
  if (options.replacing) {
    const question = h.fake.lastMessage(chatId)!;
    expect(question.text).toMatch(/Replace it with|Замінити його на/);
    const yes = question.reply_markup?.inline_keyboard[0]?.[0];
    await h.handled(h.fake.pressButton(owner.id, chatId, question.message_id, yes!.text));
  }
  // Held letters may already be arriving after the confirmation, so look at every message.
  expect(h.fake.messages(chatId).some((message) => /^(Готово|Done)/.test(message.text ?? ""))).toBe(true);
  return chatId;
}

export function newChannelId(): number {
  return nextChatId--;
}

export interface RelayInput {
  text: string;
  signature?: string;
  shareIdentity?: boolean;
  writer?: WriterIdentity;
  findingsSummary?: FindingsSummary;
  prisoner?: string;
}

/**
 * What the letter flow does when a writer picks "send via organisers": the draft is finished with route
 * "organisers" and the relay is queued in the same transaction.
 */
export async function relayLetter(h: Harness, writer: TestUser, input: RelayInput): Promise<Letter> {
  const now = h.clock.now();
  const prisoner = input.prisoner ?? PRISONER;
  const draft = await getOrCreateDraft(h.db, writer.id, prisoner, now);
  expect(await saveDraftText(h.db, { letterId: draft.id, writerId: writer.id, text: input.text, now })).toBe(true);
  const result = await finishLetter(h.db, {
    letterId: draft.id,
    writerId: writer.id,
    route: "organisers",
    signature: { name: input.signature ?? "Олена", city: "Київ" },
    shareIdentity: input.shareIdentity ?? false,
    ...(input.findingsSummary ? { findingsSummary: input.findingsSummary } : {}),
    now,
    enqueue: async (trx, letter) => {
      await relayLetterToOrganisers(trx, letter, { now, ...(input.writer ? { writer: input.writer } : {}) });
    },
  });
  if (!result.ok) throw new Error(`finishLetter failed: ${result.reason}`);
  return result.letter;
}

/**
 * Waits until the outbox is empty of work: nothing being sent, nothing pending. Rows scheduled for later (back-off
 * after a 5xx, a group's rate limit) are brought forward by moving the test clock to their time, at most a minute.
 * Held rows (403) are not work: they wait for a person. Do not call this while a fault keeps failing every send.
 * Each round waits for a whole outbox pass (`settled()`), not for a polling interval.
 */
export async function settle(h: Harness, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Telegram's retry_after pauses and the pacing pass on h.clock, not in real time.
    await h.clock.runTimersDuring(h.running.outbox.settled());
    const rows = await h.db
      .selectFrom("outbox")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.min("next_attempt_at").as("next")])
      .where("status", "in", ["sending", "pending"])
      .groupBy("status")
      .execute();
    const sending = Number(rows.find((row) => row.status === "sending")?.n ?? 0);
    const pending = rows.find((row) => row.status === "pending");
    if (sending === 0 && !pending) return;
    const next = pending?.next ? Date.parse(pending.next) : Number.NaN;
    const now = h.clock.now().getTime();
    const later = sending === 0 && next - now > 60_000;
    if (later || Date.now() > deadline) throw new Error(`outbox still busy (${later ? "a row waits over a minute" : `after ${timeoutMs} ms`}): ${JSON.stringify(rows)}`);
    if (sending === 0 && next > now) h.clock.set(new Date(next));
  }
}

/** The letter's status as stored. */
export async function statusOf(h: Harness, letterId: number): Promise<string | undefined> {
  const row = await h.db.selectFrom("letters").select("status").where("id", "=", letterId).executeTakeFirst();
  return row?.status;
}

export async function auditActions(h: Harness, target: string): Promise<string[]> {
  const rows = await h.db.selectFrom("audit_log").select("action").where("target", "=", target).orderBy("id").execute();
  return rows.map((row) => row.action);
}

/** The deploying organisation's admin links a supergroup they run as the desk, with /link desk inside it. */
export async function linkDesk(h: Harness, admin: TestUser): Promise<number> {
  const desk = newChannelId();
  h.fake.addGroup({ id: desk, title: "Lysty desk", type: "supergroup" });
  h.fake.setMember(desk, admin.id, "creator");
  await sendIn(h, admin, desk, "/link desk");
  expect(h.fake.lastMessage(desk)?.text).toBe("Done: relayed letters for «Organisation desk» now arrive in «Lysty desk».");
  return desk;
}

/**
 * The campaign's organisers have a working chat, linked straight in the database (as /link records it, the bot an
 * administrator there): for tests of what writers see, not of linking itself.
 */
export async function linkWorkingChat(h: Harness, chatId: number, campaign = CAMPAIGN): Promise<void> {
  h.fake.addGroup({ id: chatId, title: "Open letter organisers", type: "supergroup" });
  h.fake.setMember(chatId, h.fake.botId, "administrator");
  await linkCampaignChat(h.db, {
    campaignSlug: campaign,
    chatId,
    chatType: "supergroup",
    title: "Open letter organisers",
    locale: "en",
    linkedBy: 1,
    now: h.clock.now(),
  });
}
