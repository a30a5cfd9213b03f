import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateInitData } from "../../src/services/webapp/init-data.js";

const TOKEN = "7000000001:AAFakeLystyTokenForTestsOnly0123456789";
const NOW = new Date("2026-12-06T08:00:00Z");
const nowSeconds = NOW.getTime() / 1000;

/**
 * initData signed exactly as https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app
 * describes it, written out here independently of the code under test.
 */
function telegramSigned(fields: Record<string, string>, token = TOKEN): string {
  const dataCheckString = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join("\n");
  const secretKey = createHmac("sha256", "WebAppData").update(token).digest();
  const hash = createHmac("sha256", secretKey).update(dataCheckString).digest("hex");
  return new URLSearchParams({ ...fields, hash }).toString();
}

const user = JSON.stringify({ id: 700123, first_name: "Оксана", language_code: "uk", allows_write_to_pm: true });
const fields = { query_id: "AAHdF6IQAAAAAN0XohDhrOrc", user, auth_date: String(nowSeconds - 30), signature: "abc" };
const options = { now: NOW, maxAgeSeconds: 3600 };

describe("Mini App initData validation", () => {
  it("accepts data Telegram signed for our bot and returns the user", () => {
    const result = validateInitData(telegramSigned(fields), TOKEN, options);
    expect(result).toEqual({ ok: true, user: { id: 700123, languageCode: "uk" }, authDate: new Date((nowSeconds - 30) * 1000) });
  });

  it("does not depend on the order of the fields in the query string", () => {
    const signed = new URLSearchParams(telegramSigned(fields));
    const reversed = new URLSearchParams([...signed.entries()].reverse()).toString();
    expect(validateInitData(reversed, TOKEN, options).ok).toBe(true);
  });

  it("refuses a changed user, an added field, or a signature made with another bot's token", () => {
    const signed = new URLSearchParams(telegramSigned(fields));
    signed.set("user", JSON.stringify({ id: 700124, first_name: "Mallory" }));
    expect(validateInitData(signed.toString(), TOKEN, options)).toEqual({ ok: false, reason: "bad-signature" });

    const extra = new URLSearchParams(telegramSigned(fields));
    extra.set("start_param", "w_someone");
    expect(validateInitData(extra.toString(), TOKEN, options)).toEqual({ ok: false, reason: "bad-signature" });

    const otherBot = telegramSigned(fields, "7000000002:AAAnotherBotsTokenForTestsOnly0000000");
    expect(validateInitData(otherBot, TOKEN, options)).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("refuses data older than the allowed age and data dated in the future", () => {
    const old = telegramSigned({ ...fields, auth_date: String(nowSeconds - 3601) });
    expect(validateInitData(old, TOKEN, options)).toEqual({ ok: false, reason: "expired" });
    expect(validateInitData(old, TOKEN, { now: NOW, maxAgeSeconds: 7200 }).ok).toBe(true);
    const future = telegramSigned({ ...fields, auth_date: String(nowSeconds + 3600) });
    expect(validateInitData(future, TOKEN, options)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses missing data, a malformed hash and signed data without a usable user", () => {
    expect(validateInitData(undefined, TOKEN, options)).toEqual({ ok: false, reason: "missing" });
    expect(validateInitData("", TOKEN, options)).toEqual({ ok: false, reason: "missing" });
    expect(validateInitData(`user=${encodeURIComponent(user)}&hash=xyz`, TOKEN, options)).toEqual({ ok: false, reason: "malformed" });
    const noUser = telegramSigned({ auth_date: String(nowSeconds), query_id: "q" });
    expect(validateInitData(noUser, TOKEN, options)).toEqual({ ok: false, reason: "malformed" });
    const badUser = telegramSigned({ auth_date: String(nowSeconds), user: '{"id":"7"}' });
    expect(validateInitData(badUser, TOKEN, options)).toEqual({ ok: false, reason: "malformed" });
  });
});
