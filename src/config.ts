import * as v from "valibot";

export const SUPPORTED_LOCALES = ["uk", "en", "ru"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const telegramIdList = v.pipe(
  v.optional(v.string(), ""),
  v.transform((raw) => raw.split(",").map((part) => part.trim()).filter(Boolean)),
  v.check((ids) => ids.every((id) => /^-?\d{1,16}$/.test(id)), "must be comma-separated numeric Telegram user ids"),
  v.transform((ids) => ids.map(Number)),
);

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
});

export interface Config {
  botToken: string;
  telegramApiRoot: string;
  databaseUrl: string;
  botAdmins: number[];
  defaultLocale: Locale;
  logLevel: (typeof LOG_LEVELS)[number];
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
  return {
    botToken: parsed.BOT_TOKEN,
    telegramApiRoot: parsed.TELEGRAM_API_ROOT,
    databaseUrl: parsed.DATABASE_URL,
    botAdmins: parsed.BOT_ADMINS,
    defaultLocale: parsed.DEFAULT_LOCALE,
    logLevel: parsed.LOG_LEVEL,
  };
}
