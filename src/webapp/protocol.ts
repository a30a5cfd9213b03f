/**
 * What the editor page and the server say to each other: shared by `src/server/webapp.ts` and the page's bundle, so
 * the two cannot drift apart. Types and constants only (the page bundles this file).
 */

/** The languages the server answers the page in: the bot's locales (`SUPPORTED_LOCALES`, checked by a test). */
export const PAGE_LANGUAGES = ["uk", "en", "ru"] as const;

/** Page texts, all `webapp-*` keys of `locales/<locale>/webapp.ftl`; the server sends them in the writer's language. */
export const WEBAPP_STRING_KEYS = [
  "webapp-title",
  "webapp-label",
  "webapp-to",
  "webapp-characters",
  "webapp-pages",
  "webapp-paragraph-language",
  "webapp-findings-none",
  "webapp-findings-some",
  "webapp-next-finding",
  "webapp-why",
  "webapp-instead",
  "webapp-remove",
  "webapp-close",
  "webapp-done",
  "webapp-saving",
  "webapp-saved",
  "webapp-save-failed",
  "webapp-empty",
  "webapp-too-long",
  "webapp-conflict",
  "webapp-conflict-keep-mine",
  "webapp-conflict-take-theirs",
  "webapp-no-draft",
  "webapp-not-writable",
  "webapp-forgotten",
  "webapp-open-in-telegram",
  "webapp-session-expired",
  "webapp-done-sent",
] as const;
export type WebAppStringKey = (typeof WEBAPP_STRING_KEYS)[number];

export interface SessionResponse {
  locale: string;
  strings: Record<string, string>;
  /** Names of the check's categories in the writer's language, by category id. */
  categories: Record<string, string>;
  draft:
    | { slug: string; name: string; text: string; version: string; limit: number; system: string }
    | null;
  /** Why there is no draft: nothing to continue, or the person cannot get letters. */
  reason?: "no-draft" | "not-writable";
}

/**
 * `api/session` answers in two lines of JSON: the `SessionResponse` (sent at once), then a `SessionCheck` (sent when
 * the server has checked the draft's text), so that the page paints the letter without waiting for its check, and
 * the marks need no second request uploading the letter again.
 */
export const SESSION_CONTENT_TYPE = "application/x-ndjson; charset=utf-8";

export interface SessionCheck {
  /** The check of the draft's text (absent for an empty draft, no draft, or over the check's rate limit). */
  check?: CheckResponse;
}

export interface SaveRequest {
  slug: string;
  text: string;
  version: string;
}

export type SaveResponse =
  | { kind: "saved"; version: string }
  | { kind: "conflict"; text: string; version: string }
  | { kind: "empty" }
  | { kind: "too-long"; characters: number; limit: number }
  | { kind: "not-writable" }
  /** The writer asked to be forgotten (/forget) and has not used the bot since: nothing was saved. */
  | { kind: "forgotten" };

export interface CheckRequest {
  slug: string;
  text: string;
}

export interface CheckFinding {
  start: number;
  end: number;
  category: string;
  severity: string;
  why: string;
  instead: string;
  removable: boolean;
}

export interface CheckResponse {
  findings: CheckFinding[];
  paragraphs: { start: number; end: number; language: string; name: string }[];
}

/** 429 from `api/check`: the writer's checks are over their per-minute limit (saving is not limited). */
export interface RateLimitedResponse {
  error: "rate-limited";
  /** In the writer's language, for the page to show as it is. */
  message: string;
  retryAfterSeconds: number;
}

export interface DoneRequest {
  slug: string;
  /** The chat flow's token from the button that opened the editor: the "continue" button then acts on that flow. */
  token?: string;
}

/** Paths under the editor's base path (the path of WEBAPP_URL). */
export const API_PATHS = {
  session: "api/session",
  draft: "api/draft",
  check: "api/check",
  done: "api/done",
} as const;
