import { Api } from "grammy";
import { createOutboxWorker, NO_RATE_LIMITS, type OutboxWorker, type OutboxWorkerOptions } from "../../src/outbox/index.js";
import type { OutboxHandlers, OutboxItem } from "../../src/outbox/index.js";
import { FakeTelegram } from "../../packages/fake-telegram/src/index.js";
import { TestClock } from "../helpers/clock.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { captureLogs } from "../helpers/log-capture.js";

/** The fake Bot API over HTTP, a migrated SQLite file, a shiftable clock and captured logs: what a worker runs on. */
export interface Testbed {
  fake: FakeTelegram;
  database: TestDatabase;
  clock: TestClock;
  logs: string[];
  api: Api;
  /** A worker with no rate limits and fixed jitter, unless overridden. */
  worker(handlers: OutboxHandlers, overrides?: Partial<OutboxWorkerOptions>): OutboxWorker;
  /** Private chats that started the bot, ids from `first` upward. */
  addUsers(count: number, first?: number): number[];
  close(): Promise<void>;
}

export async function startTestbed(): Promise<Testbed> {
  const fake = await FakeTelegram.start();
  const database = await createTestDatabase();
  const clock = new TestClock();
  const { logger, lines } = captureLogs();
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  const workers: OutboxWorker[] = [];
  return {
    fake,
    database,
    clock,
    logs: lines,
    api,
    worker(handlers, overrides = {}) {
      const worker = createOutboxWorker({
        db: database.db,
        api,
        logger,
        clock,
        handlers,
        limits: NO_RATE_LIMITS,
        random: () => 0.5,
        ...overrides,
      });
      workers.push(worker);
      return worker;
    },
    addUsers(count, first = 1001) {
      return Array.from({ length: count }, (_, index) => fake.addUser({ id: first + index, first_name: `User ${index}` }).id);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.stop().catch(() => undefined)));
      await fake.stop();
      await database.cleanup();
    },
  };
}

export function textItem(chatId: number, ref: string, text = `message ${ref}`, kind = "news"): OutboxItem {
  return { kind, ref, chatId, method: "sendMessage", payload: { text } };
}

/** How many messages each chat received, from the fake's point of view. */
export function deliveries(fake: FakeTelegram, chatIds: readonly number[]): Map<number, number> {
  return new Map(chatIds.map((chatId) => [chatId, fake.messages(chatId).length]));
}

/** Logged objects, parsed, so tests can look for an event by its message and fields. */
export function logEntries(lines: readonly string[]): { msg?: string; [field: string]: unknown }[] {
  return lines.map((line) => JSON.parse(line) as { msg?: string });
}
