export type LinkCheck =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly reason: "URL host is empty" | "Wrong HTTP URL" | "Unsupported URL protocol" };

const OTHER_ALLOWED_SCHEMES = new Set(["tg", "ton", "tonsite"]);

/**
 * Telegram's link validation for text links and URL buttons: http(s) with a real-looking host, or tg:// and TON
 * links. A link without a scheme is taken as http://, as Telegram does.
 */
export function checkLink(raw: string, options: { httpsOnly?: boolean } = {}): LinkCheck {
  const trimmed = raw.trim();
  if (trimmed === "") return { ok: false, reason: "URL host is empty" };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") {
    if (options.httpsOnly || !OTHER_ALLOWED_SCHEMES.has(scheme)) return { ok: false, reason: "Unsupported URL protocol" };
    return { ok: true, url: trimmed };
  }
  const url = scheme === undefined ? `http://${trimmed}` : trimmed;
  if (options.httpsOnly && scheme !== "https") return { ok: false, reason: "Unsupported URL protocol" };
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return { ok: false, reason: "Wrong HTTP URL" };
  }
  if (host === "") return { ok: false, reason: "URL host is empty" };
  return looksLikeInternetHost(host) ? { ok: true, url } : { ok: false, reason: "Wrong HTTP URL" };
}

function looksLikeInternetHost(host: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith("[")) return true;
  const labels = host.split(".");
  const topLevel = labels.at(-1) ?? "";
  return labels.length >= 2 && labels.every((label) => label !== "") && /^([a-z]{2,}|xn--[a-z0-9-]+)$/i.test(topLevel);
}
