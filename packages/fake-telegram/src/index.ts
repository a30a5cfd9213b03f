export { FakeTelegram } from "./fake-telegram.js";
export type {
  FakeTelegramOptions,
  MembershipChangeInput,
  SentDocument,
  SentMessage,
} from "./fake-telegram.js";
export type { ActiveFault, FaultKind, FaultSpec } from "./faults.js";
export type { CallListener, CallStats, RecordedCall } from "./observation/call-log.js";
export { TELEGRAM_LIKE_LIMITS } from "./rate-limiter.js";
export type { BucketSpec, RateLimits } from "./rate-limiter.js";
export type { AdminRights, MemberStatus } from "./state/chat-members.js";
export type { CommandList, WebhookSettings } from "./state/fake-state.js";
export type { CallbackAnswer, InlineAnswer } from "./state/queries.js";
export { CALLBACK_ANSWER_WINDOW_MS } from "./state/queries.js";
export type { NewChannel, NewGroup, NewUser } from "./state/world.js";
export type { IncomingContent } from "./updates/update-builders.js";
export { EMULATED_METHODS } from "./methods/index.js";
