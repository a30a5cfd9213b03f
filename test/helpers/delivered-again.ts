import type { Update } from "grammy/types";
import { UPDATE_LEASE_MS } from "../../src/server/shared-deliveries.js";
import { CrashPoint } from "./crash-point.js";
import { Harness, type HarnessOptions } from "./harness.js";
import { WebhookPump, webhookEnv } from "./webhook-pump.js";

/**
 * A bot in webhook mode with Telegram played by a `WebhookPump`, for tests of an update delivered again after the
 * process died once its effect committed (crash points in `dbPlugins` stand for the death): the last update is taken,
 * the bot restarted, and the same update POSTed again as Telegram does.
 */
export class DeliveredAgain {
  pump: WebhookPump;

  private constructor(readonly h: Harness) {
    this.pump = new WebhookPump(h);
  }

  static async start(options: HarnessOptions): Promise<DeliveredAgain> {
    // Retention's start-up pass may run beside the test's updates: a crash point strikes only the armed update's writes.
    return new DeliveredAgain(await Harness.start({ ...options, env: { ...webhookEnv, ...options.env } }));
  }

  /** `start` with one crash point, the death a test arms. */
  static async withCrashPoint(options: HarnessOptions): Promise<{ bot: DeliveredAgain; crash: CrashPoint }> {
    const crash = new CrashPoint();
    return { bot: await DeliveredAgain.start({ ...options, dbPlugins: [...(options.dbPlugins ?? []), crash] }), crash };
  }

  /**
   * The update delivered last, once its answer was written (the pump has nothing in flight); later updates are
   * delivered on, so that more can happen before the delivery again.
   */
  async lastDelivered(): Promise<Update> {
    await this.pump.stop();
    const update = this.pump.last();
    this.pump = new WebhookPump(this.h);
    return update;
  }

  /** Restarts the bot as after a death and POSTs `update` again; returns the status the bot answered. */
  async deliverAgain(update: Update): Promise<number> {
    await this.pump.stop();
    await this.h.restart();
    // On Postgres the dead process held a lease on the update (60 s): Telegram's delivery after it ran out is taken.
    this.h.clock.advance(UPDATE_LEASE_MS + 1_000);
    this.pump = new WebhookPump(this.h);
    return this.pump.post(update);
  }

  async stop(): Promise<void> {
    await this.pump.stop();
    await this.h.stop();
  }
}
