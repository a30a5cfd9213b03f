import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config.js";

const TOKEN = "7000000001:AAFakeLystyTokenForTestsOnly0123456789";

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig({ BOT_TOKEN: TOKEN, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("production configuration", () => {
  it("defaults to long polling with the documented retention, relay cap and rate limit", () => {
    const config = parseConfig({ BOT_TOKEN: TOKEN });
    expect(config).toMatchObject({
      botMode: "polling",
      port: 8080,
      metricsPort: undefined,
      letterTextRetentionDays: 30,
      draftRetentionDays: 60,
      retentionIntervalSeconds: 3600,
      maxRelaysPerDay: 5,
      rateLimitPerMinute: 60,
      webhookMaxConnections: 40,
      webhookAnswerTimeoutMs: 10_000,
    });
    expect(problems({ WEBHOOK_ANSWER_TIMEOUT_MS: "5" })).toEqual([expect.stringMatching(/^WEBHOOK_ANSWER_TIMEOUT_MS must be a whole number from 10 to 60000/)]);
  });

  it("needs an https WEBHOOK_URL and a long enough WEBHOOK_SECRET in webhook mode", () => {
    expect(problems({ BOT_MODE: "webhook" })).toEqual([
      "WEBHOOK_URL is required when BOT_MODE=webhook",
      "WEBHOOK_SECRET is required when BOT_MODE=webhook",
    ]);
    expect(problems({ BOT_MODE: "webhook", WEBHOOK_URL: "http://bot.example.org/hook", WEBHOOK_SECRET: "a".repeat(32) })[0]).toContain(
      "WEBHOOK_URL must be an https:// URL",
    );
    expect(problems({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "short" })[0]).toContain(
      "WEBHOOK_SECRET must be 16–256 characters",
    );
    expect(problems({ BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "has spaces in it, sixteen+" })).toHaveLength(1);
    const config = parseConfig({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "s3cret_-".repeat(4), PORT: "3000" });
    expect(config).toMatchObject({ botMode: "webhook", webhookUrl: "https://bot.example.org/hook", port: 3000 });
  });

  it("names the variable of every number out of range", () => {
    expect(problems({ PORT: "70000", LETTER_TEXT_RETENTION_DAYS: "0", MAX_RELAYS_PER_DAY: "-1", RATE_LIMIT_PER_MINUTE: "lots", BOT_MODE: "cron" })).toEqual([
      expect.stringMatching(/^BOT_MODE must be one of polling, webhook/),
      expect.stringMatching(/^PORT must be a whole number/),
      expect.stringMatching(/^LETTER_TEXT_RETENTION_DAYS must be a whole number/),
      expect.stringMatching(/^MAX_RELAYS_PER_DAY must be a whole number/),
      expect.stringMatching(/^RATE_LIMIT_PER_MINUTE must be a whole number/),
    ]);
  });
});
