import type { Update } from "grammy/types";
import type { Harness } from "./harness.js";

/** The webhook settings a harness started with `webhookEnv` serves. */
export const PUMP_SECRET = "lysty-webhook-pump-secret-0123456789";
const PATH = "/telegram/updates";
export const webhookEnv = {
  BOT_MODE: "webhook",
  WEBHOOK_URL: `https://lysty.example.org${PATH}`,
  WEBHOOK_SECRET: PUMP_SECRET,
  HOST: "127.0.0.1",
  PORT: "0",
} as const;

/**
 * Plays Telegram's part for a harness in webhook mode while a test talks through `TestUser`s: every update the fake
 * queues is taken and POSTed to the bot's webhook (the running one, also after `h.restart()`), one at a time, as
 * Telegram sends one chat's updates. Keeps what it delivered, so a test can deliver an update again, as Telegram does
 * after an answer it never had.
 */
export class WebhookPump {
  private readonly delivered: Update[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(private readonly h: Harness) {
    this.loop = this.pump();
  }

  private async pump(): Promise<void> {
    while (this.running) {
      const updates = await this.h.fake.takeUpdates();
      for (const update of updates) {
        this.delivered.push(update);
        await this.post(update);
      }
      if (updates.length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /** The update delivered last. */
  last(): Update {
    const update = this.delivered.at(-1);
    if (!update) throw new Error("no update delivered yet");
    return update;
  }

  /** POSTs the update as Telegram does, and returns the status the bot answered. */
  async post(update: Update): Promise<number> {
    const response = await fetch(`http://127.0.0.1:${this.h.running.httpPort}${PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": PUMP_SECRET },
      body: JSON.stringify(update),
    });
    await response.text();
    return response.status;
  }

  /** Stops taking updates once the one being posted was answered (before a restart, or at the end of a test). */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}
