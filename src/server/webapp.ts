import type { IncomingMessage, ServerResponse } from "node:http";
import { createGzip, gzipSync } from "node:zlib";
import type { I18n } from "@grammyjs/i18n";
import { type Api, InlineKeyboard } from "grammy";
import type { FlowContext } from "../bot/context.js";
import { flowButton } from "../bot/features/letter/callbacks.js";
import { guessLocale, resolveLocale } from "../telegram/locale.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { DB } from "../db/database.js";
import { findUser } from "../db/repositories/users.js";
import { CATEGORY_IDS } from "../domain/censorship/index.js";
import { prisonerName } from "../domain/directory/names.js";
import { draftStats, MAX_LETTER_CHARACTERS } from "../domain/letters/index.js";
import type { Logger } from "../logger.js";
import { createCheckLimiter } from "../services/webapp/check-limit.js";
import { checkEditorText, openDraft, saveEditedDraft } from "../services/webapp/editor.js";
import { editorUrl } from "../services/webapp/editor-url.js";
import { isFlowToken } from "../services/letters/buttons.js";
import { validateInitData, type WebAppUser } from "../services/webapp/init-data.js";
import {
  API_PATHS,
  type CheckRequest,
  type CheckResponse,
  type DoneRequest,
  type RateLimitedResponse,
  type SaveRequest,
  type SaveResponse,
  SESSION_CONTENT_TYPE,
  type SessionCheck,
  type SessionResponse,
  WEBAPP_STRING_KEYS,
} from "../webapp/protocol.js";
import { BodyTooLargeError, readBody } from "./read-body.js";
import { type WebAppAssets, webAppAssets } from "./webapp-assets.js";

export interface WebAppDeps {
  config: Config;
  db: DB;
  clock: Clock;
  logger: Logger;
  i18n: I18n<FlowContext>;
  /** Sends the "continue in the chat" message when the writer presses Done in the editor. */
  api: Api;
}

/** 12,000 characters of letter as JSON, even if every one were escaped, with room to spare. */
const MAX_BODY_BYTES = 128 * 1024;

/**
 * Nothing at all for API answers and redirects; the page has its own policy (`webapp-assets.ts`), which allows only
 * its inline script and stylesheet by hash. No third-party origin anywhere, no framing except by Telegram's web
 * clients (desktop and mobile clients open the page in a web view, not a frame).
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors https://web.telegram.org";

/** JSON answers longer than this are gzipped for a browser that accepts it (a 12,000-character draft is ~24 KB). */
const COMPRESS_ABOVE_BYTES = 1024;

/**
 * No Cross-Origin-Opener-Policy: `same-origin` on the page made Chromium-based clients (and the bench) swap browsing
 * context groups when the page's answer arrived, throwing away the renderer frame prepared at navigation start and
 * building a new one before the page's first byte could be parsed (traced in docs/webapp.md, "Figures"). The editor
 * opens no windows and is of no use to a page that opens it: without Telegram's launch parameters (which a new
 * window's storage does not have) it shows only "open from Telegram".
 */
const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

/** The session's answer, sent in two parts (`sendSession`). */
class Streamed {
  constructor(readonly parts: SessionParts) {}
}

class RateLimited extends Error {
  constructor(readonly refusal: RateLimitedResponse) {
    super(refusal.error);
  }
}

export interface WebApp {
  /** The path the editor lives under (WEBAPP_URL's path, ending in "/"). */
  basePath: string;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

/**
 * The letter editor Mini App on Lysty's HTTP server: the page (HTML, one script, one stylesheet, compiled from
 * `src/webapp/` when first asked for) and its JSON API. Every API call must carry Telegram's `initData`
 * (`Authorization: tma <initData>`), signed for our bot and recent; the user in it is the only writer whose drafts
 * the call can reach. Nothing here logs letter text.
 */
export function createWebApp(deps: WebAppDeps): WebApp {
  const basePath = new URL(deps.config.webappUrl ?? "https://localhost/").pathname.replace(/\/?$/, "/");
  const assets: WebAppAssets = webAppAssets();
  const logger = deps.logger.child({ component: "webapp" });
  const checkLimiter = createCheckLimiter(deps.config.webappChecksPerMinute, deps.clock);

  const authenticate = (request: IncomingMessage): WebAppUser => {
    const header = request.headers.authorization ?? "";
    const initData = header.startsWith("tma ") ? header.slice(4) : undefined;
    const check = validateInitData(initData, deps.config.botToken, {
      now: deps.clock.now(),
      maxAgeSeconds: deps.config.webappAuthMaxAgeSeconds,
    });
    if (!check.ok) {
      logger.info({ reason: check.reason }, "webapp request refused");
      throw new HttpError(401, check.reason);
    }
    return check.user;
  };

  const localeOf = async (user: WebAppUser): Promise<string> =>
    (await findUser(deps.db, user.id))?.locale ?? guessLocale(user.languageCode, deps.config.defaultLocale);

  const api = async (name: string, request: IncomingMessage): Promise<unknown> => {
    if (request.method !== "POST") throw new HttpError(405, "method-not-allowed");
    const user = authenticate(request);
    const body = await readJson(request);
    const locale = await localeOf(user);
    const t = (key: string, args?: Record<string, string | number>) => deps.i18n.t(locale, key, args);
    switch (name) {
      case API_PATHS.session:
        // The saved text's check comes after it, counted as one of the writer's checks (none when over the limit).
        return new Streamed(await session(deps, user, locale, t, optionalSlug(body), () => checkLimiter.take(user.id).ok));
      case API_PATHS.draft: {
        const input = saveRequest(body);
        const outcome = await saveEditedDraft(deps, user.id, { slug: input.slug, text: input.text, baseVersion: input.version });
        logger.info({ user_id: user.id, outcome: outcome.kind }, "webapp draft save");
        return (outcome.kind === "saved" ? { kind: "saved", version: outcome.version } : outcome) satisfies SaveResponse;
      }
      case API_PATHS.check: {
        const input = checkRequest(body);
        const allowance = checkLimiter.take(user.id);
        if (!allowance.ok) {
          logger.info({ user_id: user.id, retry_after_s: allowance.retryAfterSeconds }, "webapp check rate-limited");
          throw new RateLimited({
            error: "rate-limited",
            message: t("webapp-check-slow-down", { seconds: allowance.retryAfterSeconds }),
            retryAfterSeconds: allowance.retryAfterSeconds,
          });
        }
        const opened = await openDraft(deps, user.id, input.slug);
        if (opened.kind !== "ok") throw new HttpError(404, opened.kind);
        const result = checkEditorText(input.text, opened.draft.target, (key) => t(key));
        return { findings: result.findings, paragraphs: result.paragraphs } satisfies CheckResponse;
      }
      case API_PATHS.done:
        return done(deps, user, t, doneRequest(body));
      default:
        throw new HttpError(404, "not-found");
    }
  };

  return {
    basePath,
    async handle(request, response) {
      const path = (request.url ?? "/").split("?")[0] ?? "/";
      const name = path.slice(basePath.length);
      if (path + "/" === basePath) {
        // The page loads app.js and the API relative to its own address, which must end in "/".
        const query = (request.url ?? "").slice(path.length);
        response.writeHead(308, { location: basePath + query, ...SECURITY_HEADERS });
        return void response.end();
      }
      const gzip = acceptsGzip(request);
      try {
        if (name.startsWith("api/")) {
          const result = await api(name, request);
          if (result instanceof Streamed) return await sendSession(response, result.parts, gzip);
          return sendJson(response, 200, result, gzip);
        }
        if (request.method !== "GET" && request.method !== "HEAD") throw new HttpError(405, "method-not-allowed");
        const asset = await assets.get(name === "" ? "index.html" : name);
        if (!asset) throw new HttpError(404, "not-found");
        // The page embeds its script and stylesheet: always revalidated, and a reopened editor that has it gets 304.
        const headers = {
          "cache-control": "no-cache",
          etag: asset.etag,
          vary: "accept-encoding",
          "content-security-policy": asset.contentSecurityPolicy,
        };
        if (request.headers["if-none-match"] === asset.etag) {
          response.writeHead(304, { ...SECURITY_HEADERS, ...headers });
          return void response.end();
        }
        return send(response, 200, asset.contentType, gzip ? asset.gzipped : asset.body, {
          ...headers,
          ...(gzip ? { "content-encoding": "gzip" } : {}),
        });
      } catch (error) {
        if (error instanceof RateLimited) {
          return sendJson(response, 429, error.refusal, gzip, { "retry-after": String(error.refusal.retryAfterSeconds) });
        }
        if (error instanceof BodyTooLargeError) return sendError(response, 413, "too-large");
        if (error instanceof HttpError) return sendError(response, error.status, error.code);
        throw error;
      }
    },
  };
}

/** The session's two parts: the draft at once, then the check of its text (computed after the first part is sent). */
interface SessionParts {
  session: SessionResponse;
  check: () => SessionCheck;
}

async function session(
  deps: WebAppDeps,
  user: WebAppUser,
  locale: string,
  t: (key: string) => string,
  slug: string | undefined,
  mayCheck: () => boolean,
): Promise<SessionParts> {
  const strings = Object.fromEntries(WEBAPP_STRING_KEYS.map((key) => [key, t(key)]));
  const categories = Object.fromEntries(CATEGORY_IDS.map((id) => [id, t(`censorship-category-${id}`)]));
  const opened = await openDraft(deps, user.id, slug);
  if (opened.kind !== "ok") return { session: { locale, strings, categories, draft: null, reason: opened.kind }, check: () => ({}) };
  const { target, text, version, limit } = opened.draft;
  return {
    session: {
      locale,
      strings,
      categories,
      draft: { slug: target.slug, name: prisonerName(target.names, resolveLocale(locale, deps.config.defaultLocale), "prose"), text, version, limit, system: target.system },
    },
    check: () => {
      if (text.trim() === "" || !mayCheck()) return {};
      const checked = checkEditorText(text, target, (key) => t(key));
      return { check: { findings: checked.findings, paragraphs: checked.paragraphs } };
    },
  };
}

/**
 * The session as two lines of JSON (`SESSION_CONTENT_TYPE`), gzipped as one stream when the browser accepts it: the
 * draft is flushed to the network first, then the check of its text is run and sent. The page paints the letter
 * while the server is still checking it, and gets the marks with no second request.
 */
async function sendSession(response: ServerResponse, parts: SessionParts, gzip: boolean): Promise<void> {
  response.writeHead(200, {
    "content-type": SESSION_CONTENT_TYPE,
    "cache-control": "no-store",
    vary: "accept-encoding",
    ...SECURITY_HEADERS,
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  const out = gzip ? createGzip({ level: 6 }) : undefined;
  out?.pipe(response);
  const sink = out ?? response;
  try {
    sink.write(`${JSON.stringify(parts.session)}\n`);
    if (out) await new Promise<void>((resolve) => out.flush(() => resolve()));
    // The first line is on its way before the check takes the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    sink.end(`${JSON.stringify(parts.check())}\n`);
  } catch (error) {
    response.destroy();
    throw error;
  }
}

/**
 * Done in the editor: the draft is already saved; the chat gets a message with the numbers and, when the editor was
 * opened from the flow's own button, a button that moves that flow on to the check and the signature.
 */
async function done(
  deps: WebAppDeps,
  user: WebAppUser,
  t: (key: string, args?: Record<string, string | number>) => string,
  input: DoneRequest,
): Promise<{ ok: true }> {
  const opened = await openDraft(deps, user.id, input.slug);
  if (opened.kind !== "ok" || opened.draft.text.trim() === "") throw new HttpError(409, "empty");
  const { characters, pages } = draftStats(opened.draft.text);
  const keyboard =
    input.token !== undefined
      ? new InlineKeyboard().text(t("webapp-chat-continue"), flowButton.pack(input.token, "done", "-"))
      : undefined;
  try {
    await deps.api.sendMessage(user.id, t(keyboard ? "webapp-chat-saved" : "webapp-chat-saved-menu", { characters, pages }), {
      ...(keyboard ? { reply_markup: keyboard } : {}),
    });
  } catch (error) {
    // The draft is saved either way; the page says the chat could not be told, and the writer can go on there.
    deps.logger.warn({ user_id: user.id, err: error instanceof Error ? error.message.slice(0, 200) : "unknown" }, "webapp done message failed");
    throw new HttpError(502, "telegram");
  }
  return { ok: true };
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = (await readBody(request, MAX_BODY_BYTES)).toString("utf8");
  try {
    const value: unknown = JSON.parse(raw === "" ? "{}" : raw);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, "bad-json");
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function optionalSlug(body: Record<string, unknown>): string | undefined {
  const { slug } = body;
  if (slug === undefined || slug === null || slug === "") return undefined;
  if (typeof slug !== "string" || !SLUG.test(slug)) throw new HttpError(400, "bad-slug");
  return slug;
}

function requiredSlug(body: Record<string, unknown>): string {
  const slug = optionalSlug(body);
  if (slug === undefined) throw new HttpError(400, "bad-slug");
  return slug;
}

function text(body: Record<string, unknown>): string {
  if (typeof body.text !== "string") throw new HttpError(400, "bad-text");
  return body.text;
}

function saveRequest(body: Record<string, unknown>): SaveRequest {
  if (typeof body.version !== "string" || body.version.length > 64) throw new HttpError(400, "bad-version");
  return { slug: requiredSlug(body), text: text(body), version: body.version };
}

/** The letter limit in UTF-16 units, twice over: room for a pasted text being cut down, not for using the check as a service. */
const MAX_CHECK_LENGTH = 4 * MAX_LETTER_CHARACTERS;

function checkRequest(body: Record<string, unknown>): CheckRequest {
  const checked = text(body);
  if (checked.length > MAX_CHECK_LENGTH) throw new HttpError(413, "too-long");
  return { slug: requiredSlug(body), text: checked };
}

function doneRequest(body: Record<string, unknown>): DoneRequest {
  const token = isFlowToken(body.token) ? body.token : undefined;
  return { slug: requiredSlug(body), ...(token ? { token } : {}) };
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}) {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": contentType, "content-length": String(Buffer.byteLength(body)), ...SECURITY_HEADERS, ...headers });
  response.end(body);
}

const acceptsGzip = (request: IncomingMessage) => /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));

/**
 * A JSON answer, gzipped when long and the browser accepts it: the session with a 12,000-character Cyrillic draft is
 * ~25 KB, 125 ms on a 1.6 Mbit/s phone network, and about a fifth of that gzipped.
 */
function sendJson(response: ServerResponse, status: number, value: unknown, gzip: boolean, headers: Record<string, string> = {}) {
  const body = Buffer.from(JSON.stringify(value));
  const compress = gzip && body.length > COMPRESS_ABOVE_BYTES;
  send(response, status, "application/json; charset=utf-8", compress ? gzipSync(body, { level: 6 }) : body, {
    "cache-control": "no-store",
    vary: "accept-encoding",
    ...(compress ? { "content-encoding": "gzip" } : {}),
    ...headers,
  });
}

function sendError(response: ServerResponse, status: number, code: string) {
  send(response, status, "application/json; charset=utf-8", JSON.stringify({ error: code }), { "cache-control": "no-store" });
}

/** The bot's menu button (beside the message field in every private chat) opens the editor on the last draft. */
export async function setEditorMenuButton(api: Api, i18n: I18n<FlowContext>, config: Config): Promise<void> {
  if (!config.webappUrl) return;
  await api.setChatMenuButton({
    menu_button: { type: "web_app", text: i18n.t(config.defaultLocale, "webapp-menu-button"), web_app: { url: editorUrl(config.webappUrl) } },
  });
}
