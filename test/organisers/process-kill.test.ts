import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { finishLetter, getOrCreateDraft, saveDraftText } from "../../src/db/repositories/letters.js";
import { grantOrganiser } from "../../src/db/repositories/roles.js";
import { type DB, openSqlite } from "../../src/db/database.js";
import { relayLetterToOrganisers } from "../../src/services/relay/relay-letter.js";
import { FakeTelegram } from "../../packages/fake-telegram/src/index.js";
import { type BotProcess, spawnBot } from "../helpers/bot-process.js";
import { CAMPAIGN } from "./world.js";

let fake: FakeTelegram | undefined;
let bot: BotProcess | undefined;
let db: DB | undefined;
let dir: string | undefined;

afterEach(async () => {
  bot?.child.kill("SIGKILL");
  await bot?.exited;
  await db?.destroy();
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  bot = fake = db = dir = undefined;
});

async function startProcess(env: Record<string, string>): Promise<BotProcess> {
  const started = spawnBot(env);
  await fake?.waitFor((call) => call.method === "deleteWebhook", { timeoutMs: 45_000 }).catch((error: unknown) => {
    throw new Error(`the bot did not start polling; it printed:\n${started.output()}`, { cause: error });
  });
  return started;
}

/** Waits for a condition the bot process brings about (its own pace, its own clock). */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  await vi.waitFor(async () => expect(await check()).toBe(true), { timeout: timeoutMs, interval: 50 });
}

async function relay(writerId: number, prisoner: string, text: string): Promise<string> {
  if (!db) throw new Error("no database");
  const now = new Date();
  const draft = await getOrCreateDraft(db, writerId, prisoner, now);
  await saveDraftText(db, { letterId: draft.id, writerId, text, now });
  const result = await finishLetter(db, {
    letterId: draft.id,
    writerId,
    route: "organisers",
    signature: { name: "Олена" },
    shareIdentity: false,
    now,
    enqueue: async (trx, letter) => void (await relayLetterToOrganisers(trx, letter, { now })),
  });
  if (!result.ok || !result.letter.reference) throw new Error(`finish failed: ${JSON.stringify(result)}`);
  return result.letter.reference;
}

it("a SIGKILLed process loses no relayed letter: held and queued letters are each posted once by the next process", async () => {
  fake = await FakeTelegram.start();
  dir = mkdtempSync(join(tmpdir(), "lysty-kill-"));
  const env = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, DATABASE_URL: `sqlite:${join(dir, "bot.sqlite")}`, LOG_LEVEL: "warn" };
  bot = await startProcess(env);
  db = openSqlite(join(dir, "bot.sqlite"));

  const organiserId = 610_001;
  const writerId = 610_002;
  const group = -1_003_000_000_001;
  fake.addUser({ id: organiserId, first_name: "Org", language_code: "en" });
  fake.addUser({ id: writerId, first_name: "Writer", language_code: "uk" });
  fake.addGroup({ id: group, title: "Desk", type: "supergroup" });
  fake.setMember(group, organiserId, "creator");
  await fake.updateConfirmed(fake.injectMessage(writerId, writerId, { text: "/start" }));
  await grantOrganiser(db, { userId: organiserId, campaignSlug: CAMPAIGN, grantedBy: 1, at: new Date() });
  await fake.updateConfirmed(fake.injectMessage(organiserId, group, { text: `/link ${CAMPAIGN}` }));
  await until(() => fake?.lastMessage(group)?.text?.startsWith("Done") === true);

  // The bot is removed without being told; two letters come in and are held.
  fake.setMember(group, fake.botId, "kicked");
  const held = [await relay(writerId, "kagarlitsky-boris", "Первое."), await relay(writerId, "gorinov-aleksei", "Второе.")];
  await until(async () => {
    const rows = await db!.selectFrom("outbox").select("status").where("kind", "=", "relay").execute();
    return rows.length === 4 && rows.every((row) => row.status === "held");
  });

  bot.child.kill("SIGKILL");
  await bot.exited;
  // A letter finished while no process runs (another instance, or a request that raced the crash) waits in the queue.
  const queued = await relay(writerId, "arkhipova-anna", "Третье.");

  bot = await startProcess(env);
  await fake.updateConfirmed(fake.injectMyChatMember({ chatId: group, fromUserId: organiserId, status: "member" }));
  const cards = () => fake?.messages(group).filter((message) => message.text?.startsWith("✉️")) ?? [];
  await until(async () => {
    const rows = await db!.selectFrom("outbox").select("status").where("kind", "=", "relay").execute();
    return rows.length === 6 && rows.every((row) => row.status === "sent");
  }, 40_000);
  const texts = fake.messages(group).map((message) => message.text ?? "");
  for (const reference of [...held, queued]) {
    expect(cards().filter((card) => card.text?.includes(reference)), reference).toHaveLength(1);
    expect(texts.filter((text) => text.startsWith(`${reference} · 1/1`)), reference).toHaveLength(1);
  }
});
