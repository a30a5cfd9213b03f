import { createHmac, timingSafeEqual } from "node:crypto";

/** The Telegram user a Mini App was opened by, as far as the editor needs it. */
export interface WebAppUser {
  id: number;
  languageCode: string | undefined;
}

export type InitDataCheck =
  | { ok: true; user: WebAppUser; authDate: Date }
  | { ok: false; reason: "missing" | "malformed" | "bad-signature" | "expired" };

/**
 * Validates a Mini App's `initData` as Telegram documents it ("Validating data received via the Mini App"): the
 * fields except `hash`, sorted by key, joined as `key=value` lines, signed with HMAC-SHA-256 whose key is
 * HMAC-SHA-256("WebAppData", bot token). Anything not signed by our bot is refused, and so is a signature older than
 * `maxAgeSeconds` (a leaked initData must not open the writer's letters for ever) or dated in the future.
 */
export function validateInitData(
  raw: string | undefined,
  botToken: string,
  options: { now: Date; maxAgeSeconds: number },
): InitDataCheck {
  if (!raw) return { ok: false, reason: "missing" };
  const params = new URLSearchParams(raw);
  const hash = params.get("hash");
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: "malformed" };
  const expected = signInitData(params, botToken);
  if (!timingSafeEqual(Buffer.from(hash, "hex"), Buffer.from(expected, "hex"))) return { ok: false, reason: "bad-signature" };

  const authSeconds = Number(params.get("auth_date"));
  if (!Number.isInteger(authSeconds) || authSeconds <= 0) return { ok: false, reason: "malformed" };
  const age = options.now.getTime() / 1000 - authSeconds;
  // A minute of clock skew is tolerated; a date further ahead is not a date Telegram signed just now.
  if (age > options.maxAgeSeconds || age < -60) return { ok: false, reason: "expired" };

  const user = parseUser(params.get("user"));
  if (!user) return { ok: false, reason: "malformed" };
  return { ok: true, user, authDate: new Date(authSeconds * 1000) };
}

/** The hex signature Telegram puts in `hash` for these fields (every field except `hash` itself is signed). */
export function signInitData(params: URLSearchParams, botToken: string): string {
  const lines = [...params.entries()]
    .filter(([key]) => key !== "hash")
    .map(([key, value]) => `${key}=${value}`)
    .sort();
  const secret = createHmac("sha256", "WebAppData").update(botToken).digest();
  return createHmac("sha256", secret).update(lines.join("\n")).digest("hex");
}

function parseUser(raw: string | null): WebAppUser | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (value === null || typeof value !== "object") return undefined;
    const { id, language_code: languageCode } = value as Record<string, unknown>;
    if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) return undefined;
    return { id, languageCode: typeof languageCode === "string" ? languageCode : undefined };
  } catch {
    return undefined;
  }
}
