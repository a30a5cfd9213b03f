import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { type ApiClientOptions, Bot, type MiddlewareFn } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext, BotDeps, FlowContext } from "./context.js";
import { cancelFeature } from "./features/cancel.js";
import { directoryFeature, directoryFlows, directorySearchFallback, notListedFeature } from "./features/directory/index.js";
import { languageFeature } from "./features/language.js";
import { inWritingStage, leaveWritingStageForFlowOf, letterDeepLink, letterFeature, letterFlows, letterStageEarly, upgradeOlderLetterFlow } from "./features/letter/index.js";
import { newsFeature, newsFlows } from "./features/news/index.js";
import { organiserFeature, organiserFlows } from "./features/organisers/index.js";
import { editedMessageFallback, membershipFeature } from "./features/membership.js";
import { privacyFeature } from "./features/privacy.js";
import { reviewFeature } from "./features/review.js";
import { directoryUploadFeature } from "./features/directory-upload.js";
import { unhandledFeature } from "./features/unhandled.js";
import { greetingFallback, welcomeFeature } from "./features/welcome.js";
import { sharedI18n } from "../telegram/i18n.js";
import { botApiClientFetch } from "../telegram/bot-api-fetch.js";
import { createTelegramAgent } from "../telegram/http-agent.js";
import { retryNetworkFaults } from "./retry-network-faults.js";
import { attachDeps } from "./middlewares/attach-deps.js";
import { PressAnsweringContext } from "./press-answer.js";
import { handleBotError } from "./middlewares/error-boundary.js";
import { leaveFlowsOnCommand } from "./middlewares/leave-flows.js";
import { isFirstContact, loadUser, readUser } from "./middlewares/load-user.js";
import { observeUpdates } from "./middlewares/observe.js";
import { limitUpdatesPerUser } from "./middlewares/rate-limit.js";
import { oneAtATimeAcrossInstances, oneAtATimePerChat } from "./middlewares/sequentialize.js";
import type { ChatLock } from "../db/chat-lock.js";
import { answerOutdatedFlow, versionedFlowStorage } from "./flows/version.js";
import { deleteStaleFlows } from "./flows/stale-flows.js";

export interface CreateBotOptions {
  /** Skips the getMe call at start-up (tests and the playground know the bot already). */
  botInfo?: UserFromGetMe;
  /** Several webhook instances on Postgres: one chat's updates one at a time across all of them (db/chat-lock.ts). */
  chatLock?: ChatLock;
  /** grammY's client `fetch`: benchmarks answer the Bot API in process (it reaches the contexts inside flows too). */
  fetch?: ApiClientOptions["fetch"];
}

/**
 * Bumped whenever a flow's code changes so that a stored replay log would replay differently (docs/contributing.md,
 * "A flow"): stored flows of another version are then dropped with a "start again" answer (bot/flows/version.ts).
 */
export const CONVERSATION_VERSION = 5;

/**
 * Bounded retries for interactive replies: a user waiting for an answer is better served by an error message than
 * by a reply that arrives minutes later (auto-retry's defaults wait without limit, and retry network errors forever):
 * network faults are retried by `retryNetworkFaults`, a few times within seconds.
 * Bulk sending goes through the outbox, which has its own policy.
 */
const interactiveRetry = () => autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true });

export function createBot(deps: BotDeps, options: CreateBotOptions = {}): { bot: Bot<BotContext>; i18n: I18n<FlowContext> } {
  const { config, db } = deps;
  const bot = new Bot<BotContext>(config.botToken, {
    ContextConstructor: PressAnsweringContext as unknown as new (...args: ConstructorParameters<typeof PressAnsweringContext>) => BotContext,
    // Flows' contexts build their Api from these options too (conversations v2), so they share the agent.
    client: {
      apiRoot: config.telegramApiRoot,
      baseFetchConfig: { agent: createTelegramAgent(config.telegramApiRoot) },
      fetch: options.fetch ?? botApiClientFetch,
    },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(interactiveRetry());
  bot.api.config.use(retryNetworkFaults());
  const i18n = sharedI18n<FlowContext>(config.defaultLocale);

  // Plugins of the outer tree do not reach contexts created inside conversations, so they are installed again. They
  // run for every context a flow replays: the (stateless) transformers are made once.
  const flowRetry = interactiveRetry();
  const flowNetworkRetry = retryNetworkFaults();
  const flowPlugins: MiddlewareFn<FlowContext>[] = [
    attachDeps(deps),
    (ctx, next) => {
      ctx.api.config.use(flowRetry);
      ctx.api.config.use(flowNetworkRetry);
      return next();
    },
    readUser(),
    i18n.middleware(),
  ];

  bot.use(attachDeps(deps));
  bot.use(observeUpdates(deps));
  // One chat's updates in order, different chats concurrently (the runner and webhooks handle many at once). This
  // comes first: on Postgres the rate limiter below awaits the database, and two updates of one chat must not overtake
  // each other while they wait for it.
  bot.use(oneAtATimePerChat());
  // A flood is dropped before it costs a user query or holds the cross-instance chat lock.
  bot.use(limitUpdatesPerUser(deps, i18n));
  if (options.chatLock) bot.use(oneAtATimeAcrossInstances(options.chatLock));
  const app = bot.errorBoundary(handleBotError);
  app.use(loadUser());
  app.use(i18n.middleware());
  // A text in a stage of the letter flow, and its "done", need no flow nor any feature below (issue 14, docs/letter-flow-stages.md).
  app.use(letterStageEarly);
  // Around the plugin: a flow entered from the writing stage is written at the plugin's end; only if none was does this
  // delete what a crash may have left (flows/stale-flows.ts).
  app.use(deleteStaleFlows(db));
  app.use(
    conversations<BotContext, FlowContext>({
      // No flow is stored beside the writing stage, nor for someone writing for the first time: neither is read.
      storage: versionedFlowStorage(db, () => deps.clock.now(), CONVERSATION_VERSION, upgradeOlderLetterFlow, (ctx) => inWritingStage(ctx) || isFirstContact(ctx)),
      plugins: flowPlugins,
      // Entering any flow leaves the letter's writing stage, as entering one used to leave the letter conversation.
      onEnter: (_id, ctx) => leaveWritingStageForFlowOf(ctx),
    }),
  );
  // Step 1 of a letter (`/start w_<slug>`) right after the flows are read: it leaves them itself (as
  // `leaveFlowsOnCommand` would), and nothing below answers that link before the letter feature, so it skips their
  // filters (issue 14; an admin's `/start` and a malformed slug still go the whole way).
  app.use(letterDeepLink);
  app.use(answerOutdatedFlow());
  // 1. Flow control, before any conversation can swallow the update.
  app.use(cancelFeature);
  app.use(leaveFlowsOnCommand());
  app.use(languageFeature);
  app.use(privacyFeature);

  // 2. Flows: every feature's conversations (`<name>Flows`), so an active flow sees its replies first. Flows wait
  //    with `{ next: true }` for what they do not handle, so other updates fall through to the sections below.
  app.use(organiserFlows);
  app.use(newsFlows);
  app.use(letterFlows);
  app.use(directoryFlows);

  // 3. Features: commands, buttons and deep links (`<name>Feature`).
  app.use(organiserFeature);
  app.use(reviewFeature);
  app.use(newsFeature);
  app.use(directoryFeature);
  app.use(notListedFeature);
  app.use(letterFeature);
  app.use(directoryUploadFeature);
  app.use(membershipFeature);

  // 4. Fallbacks: handlers that accept any text, then the main menu and the "not understood" hints.
  app.use(greetingFallback);
  app.use(directorySearchFallback);
  app.use(editedMessageFallback);
  app.use(welcomeFeature);
  app.use(unhandledFeature);

  return { bot, i18n };
}
