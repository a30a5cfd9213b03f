/**
 * Settings of the directory sync, from the environment (the bot and `npm run directory:sync` read the same ones).
 * Base URLs default to the live sites; delays default to each source's politeness rule and may only be lowered by
 * an operator for a local mirror or tests.
 */
import * as v from "valibot";
import type { SourceName } from "../../domain/directory-sources/types.js";

export interface SourceSettings {
  baseUrl: string;
  /** Minimum time between two request starts to this source. */
  delayMs: number;
}

export interface SyncConfig {
  sources: Record<SourceName, SourceSettings>;
  /** Hours between scheduled syncs inside the bot; 0 = off (the default). */
  scheduleHours: number;
  timeoutMs: number;
  userAgent: string;
}

export const LIVE_SOURCES: Record<SourceName, SourceSettings> = {
  // robots.txt is reported to ask for Crawl-delay: 10.
  memorial: { baseUrl: "https://memopzk.org", delayMs: 10_000 },
  // OVD-Info's API documentation (as reported) asks for at least 2 s between requests.
  ovd: { baseUrl: "https://api.repression.info", delayMs: 2_000 },
  // The export link is discovered on the list page; one download per run.
  viasna: { baseUrl: "https://prisoners.spring96.org/ru/list", delayMs: 10_000 },
  "fsin-pismo": { baseUrl: "https://fsin-pismo.ru", delayMs: 10_000 },
};

export const USER_AGENT = "LystyBot/0.1 (+https://github.com/lysty; letters to political prisoners; directory sync)";

const ENV_PREFIX: Record<SourceName, string> = { memorial: "MEMORIAL", ovd: "OVD", viasna: "VIASNA", "fsin-pismo": "FSIN_PISMO" };

const wholeNumber = (name: string, max: number) =>
  v.pipe(v.string(), v.regex(/^\d+$/, `${name} must be a whole number`), v.transform(Number), v.maxValue(max, `${name} must be at most ${max}`));

export function parseSyncConfig(env: Record<string, string | undefined>): SyncConfig {
  const sources = {} as Record<SourceName, SourceSettings>;
  for (const [name, live] of Object.entries(LIVE_SOURCES) as [SourceName, SourceSettings][]) {
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
