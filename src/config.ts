import * as v from "valibot";

export const SUPPORTED_LOCALES = ["uk", "en", "ru"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export const BOT_MODES = ["polling", "webhook"] as const;
export type BotMode = (typeof BOT_MODES)[number];

const telegramIdList = v.pipe(
  v.optional(v.string(), ""),
  v.transform((raw) => raw.split(",").map((part) => part.trim()).filter(Boolean)),
  v.check((ids) => ids.every((id) => /^-?\d{1,16}$/.test(id)), "must be comma-separated numeric Telegram user ids"),
  v.transform((ids) => ids.map(Number)),
);

/** A whole number from the environment, within bounds. */
function integer(fallback: number, min: number, max: number) {
  return v.pipe(
    v.optional(v.string(), String(fallback)),
    v.regex(/^\d+$/, `must be a whole number from ${min} to ${max}`),
    v.transform(Number),
    v.minValue(min, `must be a whole number from ${min} to ${max}`),
    v.maxValue(max, `must be a whole number from ${min} to ${max}`),
  );
}

const port = (fallback: number) => integer(fallback, 0, 65_535);

const EnvSchema = v.object({
  BOT_TOKEN: v.pipe(
    v.string("is not set"),
    v.trim(),
    v.regex(/^\d+:[\w-]{20,}$/, "does not look like a token from @BotFather (digits, a colon, then letters)"),
  ),
  TELEGRAM_API_ROOT: v.pipe(
    v.optional(v.string(), "https://api.telegram.org"),
    v.url("must be a URL such as http://127.0.0.1:8081"),
    v.transform((url) => url.replace(/\/+$/, "")),
  ),
  DATABASE_URL: v.optional(v.string(), "sqlite:data/lysty.sqlite"),
  BOT_ADMINS: telegramIdList,
  DEFAULT_LOCALE: v.optional(v.picklist(SUPPORTED_LOCALES, `must be one of ${SUPPORTED_LOCALES.join(", ")}`), "uk"),
  LOG_LEVEL: v.optional(v.picklist(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(", ")}`), "info"),

  BOT_MODE: v.optional(v.picklist(BOT_MODES, `must be one of ${BOT_MODES.join(", ")}`), "polling"),
  WEBHOOK_URL: v.optional(
    v.pipe(v.string(), v.url("must be a URL"), v.startsWith("https://", "must be an https:// URL (Telegram calls only HTTPS webhooks)")),
  ),
  // Telegram allows 1–256 of these characters; fewer than 16 would be guessable.
  WEBHOOK_SECRET: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 characters of A–Z, a–z, 0–9, _ and -")),
  ),
  WEBHOOK_MAX_CONNECTIONS: integer(40, 1, 100),
  WEBHOOK_ANSWER_TIMEOUT_MS: integer(10_000, 10, 60_000),
  HOST: v.optional(v.string(), "0.0.0.0"),
  PORT: port(8080),
  METRICS_PORT: v.optional(port(0)),

  LETTER_TEXT_RETENTION_DAYS: integer(30, 1, 3650),
  DRAFT_RETENTION_DAYS: integer(60, 1, 3650),
  RETENTION_INTERVAL_SECONDS: integer(3600, 1, 86_400),
  MAX_RELAYS_PER_DAY: integer(5, 0, 1000),
  RATE_LIMIT_PER_MINUTE: integer(60, 0, 10_000),

  // Telegram opens Mini Apps only from https:// URLs; the server serves the editor under this URL's path.
  WEBAPP_URL: v.optional(
    v.pipe(v.string(), v.url("must be a URL"), v.startsWith("https://", "must be an https:// URL (Telegram opens only HTTPS Mini Apps)")),
  ),
  WEBAPP_AUTH_MAX_AGE_SECONDS: integer(86_400, 60, 604_800),
  WEBAPP_CHECKS_PER_MINUTE: integer(60, 0, 10_000),
});

export interface Config {
  botToken: string;
  telegramApiRoot: string;
  databaseUrl: string;
  botAdmins: number[];
  defaultLocale: Locale;
  logLevel: (typeof LOG_LEVELS)[number];
  /** `polling` (one instance, the default) or `webhook` (any number of instances behind a load balancer). */
  botMode: BotMode;
  /** Webhook mode: the public HTTPS URL Telegram posts updates to; its path is the one the server accepts. */
  webhookUrl: string | undefined;
  /** Webhook mode: Telegram echoes it in X-Telegram-Bot-Api-Secret-Token; requests without it are refused. */
  webhookSecret: string | undefined;
  webhookMaxConnections: number;
  /** Webhook mode: an update not handled within this is answered 503 (Telegram delivers it again); handling goes on. */
  webhookAnswerTimeoutMs: number;
  /** Interface and port of the HTTP server (webhook, /healthz, /readyz, /metrics) in webhook mode. */
  host: string;
  port: number;
  /** Polling mode: serve /healthz, /readyz and /metrics on this port (absent: no HTTP server). */
  metricsPort: number | undefined;
  letterTextRetentionDays: number;
  draftRetentionDays: number;
  retentionIntervalSeconds: number;
  /** Letters one writer may relay to organisers in 24 hours (0: relaying is closed). */
  maxRelaysPerDay: number;
  /** Updates one person may send per minute before the bot ignores them for the rest of the minute (0: no limit). */
  rateLimitPerMinute: number;
  /** The letter editor Mini App's public URL (absent: no editor, the chat flow only). */
  webappUrl: string | undefined;
  /** How old Telegram's initData may be before the editor's API refuses it. */
  webappAuthMaxAgeSeconds: number;
  /** Editor checks (`api/check`) one writer may ask for per minute before a 429 (0: no limit). */
  webappChecksPerMinute: number;
  /** Registries the directory follows (SOURCE_*_URL, SOURCE_*_DELAY_MS) and DIRECTORY_SYNC_HOURS (0: off). */
  directorySync: SyncConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment into a typed config; every problem names its variable. Pure: pass `process.env`. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const result = v.safeParse(EnvSchema, present);
  if (!result.success) {
    const problems = result.issues.map((issue) => {
      const variable = issue.path?.map((item) => String(item.key)).join(".") ?? "environment";
      return `${variable} ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const parsed = result.output;
  if (parsed.BOT_MODE === "webhook") {
    const missing = (["WEBHOOK_URL", "WEBHOOK_SECRET"] as const).filter((name) => parsed[name] === undefined);
    if (missing.length > 0) throw new ConfigError(missing.map((name) => `${name} is required when BOT_MODE=webhook`));
  }
  return {
    botToken: parsed.BOT_TOKEN,
    telegramApiRoot: parsed.TELEGRAM_API_ROOT,
    databaseUrl: parsed.DATABASE_URL,
    botAdmins: parsed.BOT_ADMINS,
    defaultLocale: parsed.DEFAULT_LOCALE,
    logLevel: parsed.LOG_LEVEL,
    botMode: parsed.BOT_MODE,
    webhookUrl: parsed.WEBHOOK_URL,
    webhookSecret: parsed.WEBHOOK_SECRET,
    webhookMaxConnections: parsed.WEBHOOK_MAX_CONNECTIONS,
    webhookAnswerTimeoutMs: parsed.WEBHOOK_ANSWER_TIMEOUT_MS,
    host: parsed.HOST,
    port: parsed.PORT,
    metricsPort: parsed.METRICS_PORT,
    letterTextRetentionDays: parsed.LETTER_TEXT_RETENTION_DAYS,
    draftRetentionDays: parsed.DRAFT_RETENTION_DAYS,
    retentionIntervalSeconds: parsed.RETENTION_INTERVAL_SECONDS,
    maxRelaysPerDay: parsed.MAX_RELAYS_PER_DAY,
    rateLimitPerMinute: parsed.RATE_LIMIT_PER_MINUTE,
    webappUrl: parsed.WEBAPP_URL,
    webappAuthMaxAgeSeconds: parsed.WEBAPP_AUTH_MAX_AGE_SECONDS,
    webappChecksPerMinute: parsed.WEBAPP_CHECKS_PER_MINUTE,
    directorySync: directorySyncConfig(env),
  };
}

function directorySyncConfig(env: Record<string, string | undefined>): SyncConfig {
  try {
    return parseSyncConfig(env);
  } catch (error) {
    throw new ConfigError([(error as Error).message.replace(/^Invalid config: /, "")]);
  }
}

/**
 * Settings of the directory sync, from the environment (the bot and `npm run directory:sync` read the same ones).
 * Base URLs default to the live sites; delays default to each source's politeness rule and may only be lowered by
 * an operator for a local mirror or tests.
 */
/** The registries the directory sync reads (the same names as `SOURCE_NAMES` in domain/directory-sources). */
export type SyncSourceName = "memorial" | "ovd" | "viasna" | "fsin-pismo";

export interface SourceSettings {
  baseUrl: string;
  /** Minimum time between two request starts to this source. */
  delayMs: number;
}

export interface SyncConfig {
  sources: Record<SyncSourceName, SourceSettings>;
  /** Hours between scheduled syncs inside the bot; 0 = off (the default). */
  scheduleHours: number;
  timeoutMs: number;
  userAgent: string;
}

export const LIVE_SOURCES: Record<SyncSourceName, SourceSettings> = {
  // robots.txt is reported to ask for Crawl-delay: 10.
  memorial: { baseUrl: "https://memopzk.org", delayMs: 10_000 },
  // OVD-Info's API documentation (as reported) asks for at least 2 s between requests.
  ovd: { baseUrl: "https://api.repression.info", delayMs: 2_000 },
  // The export link is discovered on the list page; one download per run.
  viasna: { baseUrl: "https://prisoners.spring96.org/ru/list", delayMs: 10_000 },
  "fsin-pismo": { baseUrl: "https://fsin-pismo.ru", delayMs: 10_000 },
};

export const USER_AGENT = "LystyBot/0.1 (+https://github.com/lysty; letters to political prisoners; directory sync)";

const ENV_PREFIX: Record<SyncSourceName, string> = { memorial: "MEMORIAL", ovd: "OVD", viasna: "VIASNA", "fsin-pismo": "FSIN_PISMO" };

const wholeNumber = (name: string, max: number) =>
  v.pipe(v.string(), v.regex(/^\d+$/, `${name} must be a whole number`), v.transform(Number), v.maxValue(max, `${name} must be at most ${max}`));

export function parseSyncConfig(env: Record<string, string | undefined>): SyncConfig {
  const sources = {} as Record<SyncSourceName, SourceSettings>;
  for (const [name, live] of Object.entries(LIVE_SOURCES) as [SyncSourceName, SourceSettings][]) {
    const prefix = `SOURCE_${ENV_PREFIX[name]}`;
    const url = env[`${prefix}_URL`];
    const delay = env[`${prefix}_DELAY_MS`];
    if (url !== undefined && !/^https?:\/\/\S+$/.test(url)) throw new Error(`Invalid config: ${prefix}_URL must be an http(s) URL`);
    sources[name] = {
      baseUrl: (url ?? live.baseUrl).replace(/\/+$/, ""),
      delayMs: delay === undefined ? live.delayMs : v.parse(wholeNumber(`${prefix}_DELAY_MS`, 600_000), delay),
    };
  }
  const hours = env.DIRECTORY_SYNC_HOURS;
  return {
    sources,
    scheduleHours: hours === undefined || hours === "" ? 0 : v.parse(wholeNumber("DIRECTORY_SYNC_HOURS", 24 * 30), hours),
    timeoutMs: env.SOURCE_TIMEOUT_MS ? v.parse(wholeNumber("SOURCE_TIMEOUT_MS", 600_000), env.SOURCE_TIMEOUT_MS) : 60_000,
    userAgent: USER_AGENT,
  };
}
