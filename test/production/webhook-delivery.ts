import type { Update } from "grammy/types";
import type { FakeTelegram } from "../../packages/fake-telegram/src/index.js";

export interface Delivered {
  updateId: number;
  status: number;
}

/**
 * Plays Telegram's part in webhook mode: the fake queues updates (it never POSTs by itself); this takes them and
 * POSTs each to the bot's webhook server with the secret token header, the way Telegram does. A POST is answered once
 * the update was handled, so a test can read the bot's reply right after `deliver()`.
 */
export class WebhookDelivery {
  constructor(
    private readonly fake: FakeTelegram,
    readonly url: string,
    private readonly secret: string,
  ) {}

  /** Delivers every waiting update, concurrently, and returns the HTTP status of each. */
  async deliver(): Promise<Delivered[]> {
    const updates = await this.fake.takeUpdates(100);
    return Promise.all(updates.map(async (update) => ({ updateId: update.update_id, status: (await this.post(update)).status })));
  }

  post(update: Update | string, headers: Record<string, string> = { "x-telegram-bot-api-secret-token": this.secret }) {
    return postRaw(this.url, typeof update === "string" ? update : JSON.stringify(update), headers);
  }
}

export async function postRaw(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, text: await response.text() };
}

/**
 * Telegram's part after a non-2xx answer: delivers the update again, a moment later, until it is answered 200 (an
 * instance that knows another one holds the update answers 503 at once).
 */
export async function retryUntilOk(post: () => Promise<{ status: number }>): Promise<void> {
  for (let attempt = 0; attempt < 1_000; attempt++) {
    if ((await post()).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the update was never answered 200");
}

/** How many sendMessage calls to the chat the fake Bot API answered: a second handling of an update shows here. */
export function sendsTo(fake: FakeTelegram, chatId: number): number {
  return fake.calls.filter((call) => call.method === "sendMessage" && String(call.params.chat_id) === String(chatId)).length;
}
