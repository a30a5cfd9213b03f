import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Update } from "grammy/types";
import type { UpdateObserver } from "../bot/context.js";
import type { Clock } from "../clock.js";
import { type DB, retriedDeadlocks } from "../db/database.js";
import type { Logger } from "../logger.js";
import { refreshDatabaseGauges, type DatabaseGauges } from "./database-gauges.js";

export interface AppMetrics {
  /** Counts every handled update, every failure and every update ignored by the rate limit. */
  observer: UpdateObserver;
  /** How long handling took, from the moment the update arrived (webhook request or polled batch). */
  observeDuration(seconds: number): void;
  /** The Prometheus text exposition, database figures read now. */
  render(): Promise<string>;
  readonly contentType: string;
}

/** The kind of an update (`message`, `callback_query`…): its one field besides update_id. */
export function updateType(update: Update): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}

/**
 * One registry per running app (not prom-client's global one), so several apps in one test process never collide.
 * Process figures (RSS, event loop lag, GC) come from prom-client's default collectors.
 */
export function createMetrics(deps: { db: DB; clock: Clock; logger: Logger }): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "lysty_" });

  const updates = new Counter({
    name: "lysty_updates_handled_total",
    help: "Updates whose handling ended, by update type.",
    labelNames: ["type"] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: "lysty_update_errors_total",
    help: "Updates whose handling failed (the person got an apology), by update type.",
    labelNames: ["type"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "lysty_update_duration_seconds",
    help: "Time from receiving an update to the end of its handling.",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "lysty_updates_rate_limited_total",
    help: "Updates ignored because their sender exceeded RATE_LIMIT_PER_MINUTE.",
    registers: [registry],
  });
  const gauges: DatabaseGauges = {
    lettersByRoute: new Gauge({
      name: "lysty_letters",
      help: "Finished letters in the database by delivery route and status (shared by all instances).",
      labelNames: ["route", "status"] as const,
      registers: [registry],
    }),
    outboxQueueLength: new Gauge({
      name: "lysty_outbox_queue_length",
      help: "Outbox messages waiting or being sent (shared by all instances).",
      registers: [registry],
    }),
    outboxOldestPendingAge: new Gauge({
      name: "lysty_outbox_oldest_pending_age_seconds",
      help: "Age of the oldest outbox message still waiting; 0 when none is.",
      registers: [registry],
    }),
    outboxRows: new Gauge({
      name: "lysty_outbox_deliveries",
      help: "Outbox messages by kind and result (pending, sending, sent, failed, held).",
      labelNames: ["kind", "status"] as const,
      registers: [registry],
    }),
  };
  new Counter({
    name: "lysty_database_deadlocks_retried_total",
    help: "Transactions run again after Postgres aborted them as one side of a deadlock (40P01), in this process.",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(retriedDeadlocks());
    },
  });
  const scrapeFailures = new Counter({
    name: "lysty_metrics_database_errors_total",
    help: "Scrapes that could not read the database figures (they keep their previous values).",
    registers: [registry],
  });

  return {
    observer: {
      handled(update: Update, error?: unknown) {
        const type = updateType(update);
        updates.inc({ type });
        if (error !== undefined) errors.inc({ type });
      },
      limited: () => rateLimited.inc(),
    },
    observeDuration: (seconds) => duration.observe(seconds),
    async render() {
      try {
        await refreshDatabaseGauges(deps.db, gauges, deps.clock.now());
      } catch (error) {
        scrapeFailures.inc();
        deps.logger.warn({ err: error instanceof Error ? error.message.slice(0, 200) : "unknown" }, "metrics could not read the database");
      }
      return registry.metrics();
    },
    contentType: registry.contentType,
  };
}
