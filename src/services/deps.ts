import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { DB } from "../db/database.js";
import type { Logger } from "../logger.js";

/** Wakes background senders (outbox workers) as soon as something was queued, instead of at their next tick. */
export interface Wakers {
  outbox(): void;
}

/** What a use case may reach: configuration, the database, logs and the clock (every time is read from it). */
export interface ServiceDeps {
  config: Config;
  db: DB;
  logger: Logger;
  clock: Clock;
  wake?: Wakers;
}
