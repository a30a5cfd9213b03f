import type { I18n } from "@grammyjs/i18n";
import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import { findUser } from "../../db/repositories/users.js";
import { countRateLimitHit } from "../../db/repositories/coordination.js";
import { isPostgresDb } from "../../db/database.js";
import type { BotContext, BotDeps, FlowContext } from "../context.js";
import { guessLocale } from "../../telegram/locale.js";
import { describeError } from "./error-boundary.js";

const WINDOW_MS = 60_000;

/**
 * At most RATE_LIMIT_PER_MINUTE updates per person per minute (SQLite, one instance: @grammyjs/ratelimiter in memory;
 * Postgres: counted in the database for every instance together);
 * the rest of the minute is ignored before any database work. The person hears "slow down" once per minute, in
 * their language; the observer counts every ignored update.
 */
export function limitUpdatesPerUser(deps: BotDeps, i18n: I18n<FlowContext>): MiddlewareFn<BotContext> {
  const perMinute = deps.config.rateLimitPerMinute;
  if (perMinute === 0) return (_ctx, next) => next();

  if (isPostgresDb(deps.db)) return limitInDatabase(deps, i18n, perMinute);

  const limiter = limit<BotContext, never>({
    timeFrame: WINDOW_MS,
    limit: perMinute,
    keyGenerator: (ctx) => (ctx.from && !ctx.from.is_bot ? String(ctx.from.id) : undefined),
    onLimitExceeded: (ctx) => tellToSlowDown(ctx, deps, i18n),
  });

  return async (ctx, next) => {
    let passed = false;
    await limiter(ctx, async () => {
      passed = true;
      await next();
    });
    if (!passed) deps.observer?.limited?.(ctx.update);
  };
}

/**
 * With Postgres (several instances may share the work) the count lives in the database: one atomic upsert per update
 * of a person, so N instances still allow RATE_LIMIT_PER_MINUTE in all, not N times it. Minutes are read from the
 * injected clock. As with the in-memory limiter, the person hears "slow down" once, at the first update over the limit.
 */
function limitInDatabase(deps: BotDeps, i18n: I18n<FlowContext>, perMinute: number): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from || from.is_bot) return next();
    const now = deps.clock.now().getTime();
    const hits = await countRateLimitHit(deps.db, from.id, now - (now % WINDOW_MS));
    if (hits <= perMinute) return next();
    if (hits === perMinute + 1) await tellToSlowDown(ctx, deps, i18n);
    deps.observer?.limited?.(ctx.update);
  };
}

async function tellToSlowDown(ctx: BotContext, deps: BotDeps, i18n: I18n<FlowContext>): Promise<void> {
  const from = ctx.from;
  if (!from) return;
  deps.logger.warn({ update_id: ctx.update.update_id, user_id: from.id }, "rate limit reached; ignoring the rest of the minute");
  if (ctx.chat && ctx.chat.type !== "private" && !ctx.callbackQuery) return;
  try {
    const stored = await findUser(deps.db, from.id);
    const text = i18n.t(stored?.locale ?? guessLocale(from.language_code, deps.config.defaultLocale), "privacy-slow-down");
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else await ctx.reply(text);
  } catch (error) {
    deps.logger.warn({ err: describeError(error) }, "could not tell a flooding user to slow down");
  }
}
