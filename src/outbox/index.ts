/** The durable outbox: store messages with the records that cause them, send them until Telegram accepts them. */
export { createOutboxApi } from "./api.js";
export { enqueue, storeAttachment } from "./enqueue.js";
export { releaseHeld, pruneSent } from "./admin.js";
export { outboxStats, progressOf, type OutboxProgress, type OutboxStats } from "./stats.js";
export { createOutboxWorker } from "./worker.js";
export {
  NO_RATE_LIMITS,
  TELEGRAM_RATE_LIMITS,
  type OutboxRateLimits,
  type OutboxRunSummary,
  type OutboxWorker,
  type OutboxWorkerOptions,
} from "./worker-options.js";
export { OUTBOX_METHODS, type OutboxMethod, type OutboxPayload } from "./methods.js";
export type { RateLimit } from "./rate-limiter.js";
export type {
  ForbiddenDecision,
  OutboxAttachmentInput,
  OutboxError,
  OutboxHandlers,
  OutboxItem,
  OutboxKindHandlers,
  OutboxRow,
} from "./types.js";
